//! Component tests of the Yew UI in a real headless browser.
//!
//! Run with `make test` (or `make test-wasm`): `cargo test --target
//! wasm32-unknown-unknown --test web` with `wasm-bindgen-test-runner` driving
//! Debian's Chromium through chromedriver (see `webdriver.json`).
#![cfg(target_arch = "wasm32")]

mod common;

use std::time::Duration;

use common::assert_close;
use osteoviz::ui::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh, attached `<div>` to mount one app instance into.
fn fresh_root() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Let Yew's scheduler run (it renders on the microtask queue / next tick).
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(10)).await;
}

/// Wait (bounded) until `f` holds, letting Yew re-render in between.
async fn wait_until(what: &str, mut f: impl FnMut() -> bool) {
    for _ in 0..500 {
        if f() {
            return;
        }
        settle().await;
    }
    panic!("timed out waiting for {what}");
}

fn query(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches `{selector}`"))
}

fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name)
        .unwrap_or_else(|| panic!("<{}> has no `{name}` attribute", el.tag_name()))
}

fn cut_line(root: &Element) -> [f64; 4] {
    let line = query(root, "svg.scene line.cut-line");
    ["x1", "y1", "x2", "y2"].map(|a| {
        attr(&line, a)
            .parse::<f64>()
            .unwrap_or_else(|e| panic!("cut-line {a}: {e}"))
    })
}

/// Set an input like a user would: new value, then an `input` or `change` event.
fn set_input(root: &Element, selector: &str, value: &str, event: &str) {
    let input: HtmlInputElement = query(root, selector).dyn_into().unwrap();
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(event, &init).unwrap();
    input.dispatch_event(&event).unwrap();
}

fn outcome(root: &Element, key: &str) -> f64 {
    attr(
        &query(root, &format!("output[data-outcome={key}]")),
        "data-value",
    )
    .parse()
    .unwrap()
}

async fn mount(query_text: &str) -> Element {
    let root = fresh_root();
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            query: Some(query_text.to_string().into()),
            sync_url: false,
            #[cfg(feature = "lessons")]
            goto: None,
        },
    )
    .render();
    let r = root.clone();
    wait_until("the app to mount", move || {
        r.query_selector("main#app svg.scene").unwrap().is_some()
    })
    .await;
    root
}

#[wasm_bindgen_test]
async fn mounts_with_every_control_and_readout() {
    let root = mount("preset=dmmo").await;
    let svg = query(&root, "main#app svg.scene");
    let view_box: Vec<f64> = attr(&svg, "viewBox")
        .split_whitespace()
        .map(|v| v.parse().unwrap())
        .collect();
    assert_eq!(view_box.len(), 4);
    assert!(view_box[2] > 80.0 && view_box[2] < 200.0, "{view_box:?}");
    for key in [
        "cut", "at", "kerf", "close", "slide", "tilt", "decl", "len", "mu", "pull",
    ] {
        let range = query(&root, &format!("input[type=range][name={key}]"));
        assert_eq!(attr(&range, "id"), format!("control-{key}"));
        assert!(!attr(&range, "aria-valuetext").is_empty());
        query(&root, &format!("input[type=number][name={key}]"));
        query(&root, &format!("label[for=control-{key}]"));
    }
    assert_eq!(
        attr(&query(&root, "input#control-cut"), "aria-valuetext"),
        "45.0°"
    );
    for key in [
        "head_rise_mm",
        "axial_shortening_mm",
        "ground_shortening_mm",
        "declination_before_deg",
        "declination_after_deg",
        "cut_to_shaft_deg",
        "cut_to_ground_deg",
        "contact_mm",
        "contact_fraction",
        "gap_mm",
        "lever_arm_mm",
        "normal_ratio",
        "tangential_ratio",
    ] {
        assert!(outcome(&root, key).is_finite(), "{key}");
    }
    assert_close(
        outcome(&root, "head_rise_mm"),
        2.6 * 30f64.to_radians().cos(),
        1e-9,
        "head rise",
    );
    assert_eq!(
        attr(&query(&root, "output[data-outcome=verdict]"), "data-value"),
        "tips_dorsal"
    );
    assert!(query(&root, "#summary")
        .text_content()
        .unwrap()
        .contains("raises the head 2.3\u{a0}mm"));
}

#[wasm_bindgen_test]
async fn the_cut_slider_updates_readouts_and_drawing() {
    let root = mount("preset=dmmo").await;
    let before = cut_line(&root);
    set_input(&root, "input#control-cut", "90", "input");
    let r = root.clone();
    // The readouts and the controls are separate components: wait for both to show 90.
    wait_until("the readout and the control to show 90", move || {
        outcome(&r, "cut_to_shaft_deg") == 90.0
            && attr(&query(&r, "input#control-cut"), "aria-valuetext") == "90.0°"
    })
    .await;
    assert_eq!(
        attr(&query(&root, "input#control-cut"), "aria-valuetext"),
        "90.0°"
    );
    // φ = 90°, δ = 15°: the closed kerf raises the head 2.6·cos 75°.
    assert_close(
        outcome(&root, "head_rise_mm"),
        2.6 * 75f64.to_radians().cos(),
        1e-9,
        "head rise",
    );
    assert_ne!(before, cut_line(&root), "the cut line moved");
    assert_eq!(
        attr(&query(&root, "output[data-outcome=verdict]"), "data-value"),
        "slides_dorsal"
    );
}

#[wasm_bindgen_test]
async fn the_number_box_commits_and_undo_restores() {
    let root = mount("preset=dmmo").await;
    set_input(&root, "input[type=number][name=slide]", "-2", "change");
    let r = root.clone();
    wait_until("the slide to apply", move || {
        approx::abs_diff_eq!(
            outcome(&r, "axial_shortening_mm"),
            2.6 * 45f64.to_radians().sin() + 2.0 * 45f64.to_radians().cos(),
            epsilon = 1e-9
        )
    })
    .await;
    let undo: HtmlElement = query(&root, "button[name=undo]").dyn_into().unwrap();
    undo.click();
    let r = root.clone();
    wait_until("undo to restore", move || {
        approx::abs_diff_eq!(
            outcome(&r, "axial_shortening_mm"),
            2.6 * 45f64.to_radians().sin(),
            epsilon = 1e-9
        )
    })
    .await;
}

#[wasm_bindgen_test]
async fn lang_fr_translates_the_page_and_keeps_machine_values() {
    let root = mount("preset=dmmo&lang=fr").await;
    assert_eq!(attr(&query(&root, "main#app"), "lang"), "fr");
    let text = root.text_content().unwrap();
    assert!(!text.contains('⟦'), "a missing id in {text}");
    assert!(
        query(&root, "#summary")
            .text_content()
            .unwrap()
            .contains("on élève la tête de 2,3\u{a0}mm"),
        "{text}"
    );
    assert!(query(&root, "label[for=control-cut]")
        .text_content()
        .unwrap()
        .contains("Angle de coupe par rapport à la diaphyse"));
    // Displayed numbers take the decimal comma; data-value and inputs keep the dot.
    let readout = query(&root, "output[data-outcome=head_rise_mm]");
    assert!(readout.text_content().unwrap().contains(','));
    assert!(attr(&readout, "data-value").contains('.'));
    assert_eq!(
        attr(&query(&root, "input#control-cut"), "aria-valuetext"),
        "45,0°"
    );
    assert!(query(&root, "svg.scene")
        .text_content()
        .unwrap()
        .contains("Forces sur la coupe"));
    // The language selector switches to Spanish.
    let select: web_sys::HtmlSelectElement = query(&root, "select[name=lang]").dyn_into().unwrap();
    select.set_value("es");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    select
        .dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    let r = root.clone();
    wait_until("Spanish", move || {
        attr(&query(&r, "main#app"), "lang") == "es"
            && query(&r, "#summary")
                .text_content()
                .unwrap()
                .contains("la cabeza sube 2,3\u{a0}mm")
    })
    .await;
}

/// The "Under body weight" checkbox draws the head settled, and the settled readouts and the
/// tipping lever are the model's (issue 12).
#[wasm_bindgen_test]
async fn the_load_checkbox_draws_the_settled_head() {
    let root = mount("preset=dmmo&at=30").await;
    let e = osteoviz::model::evaluate(
        &osteoviz::state::parse_query("preset=dmmo&at=30")
            .state
            .to_params(),
    )
    .unwrap();
    assert_eq!(
        outcome(&root, "tipping_lever_mm"),
        e.outcomes.tipping_lever_mm
    );
    let settled = outcome(&root, "settled\\.displacement_mm");
    assert_eq!(settled, e.settled_outcomes.displacement_mm);
    assert!(root
        .query_selector("svg.scene .ghost-as-left")
        .unwrap()
        .is_none());
    let input: HtmlInputElement = query(&root, "input[type=checkbox][name=load]")
        .dyn_into()
        .unwrap();
    input.click();
    let r = root.clone();
    wait_until("the settled head", move || {
        r.query_selector("svg.scene .ghost-as-left")
            .unwrap()
            .is_some()
    })
    .await;
    let summary = query(&root, "#summary").text_content().unwrap_or_default();
    assert!(
        summary.contains("under body weight the head moves"),
        "{summary}"
    );
    assert_eq!(
        attr(&query(&root, "output[data-outcome=verdict]"), "data-value"),
        "tips_dorsal"
    );
}
