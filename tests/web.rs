//! Component tests of the Yew UI in a real headless browser.
//!
//! Run with `make test` (or `make test-wasm`): `cargo test --target
//! wasm32-unknown-unknown --test web` with `wasm-bindgen-test-runner` driving
//! Debian's Chromium through chromedriver (see `webdriver.json`).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use osteoviz::ui::App;
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

/// Set the slider like a user would: new value, then an `input` event.
fn slide_to(root: &Element, value: &str) {
    let input: HtmlInputElement = query(root, "input#control-cut").dyn_into().unwrap();
    input.set_value(value);
    let event = Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    input.dispatch_event(&event).unwrap();
}

async fn mount() -> Element {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    let r = root.clone();
    wait_until("the app to mount", move || {
        r.query_selector("main#app").unwrap().is_some()
    })
    .await;
    root
}

#[wasm_bindgen_test]
async fn renders_scene_slider_and_readout() {
    let root = mount().await;

    let svg = query(&root, "main#app svg.scene");
    let view_box: Vec<f64> = attr(&svg, "viewBox")
        .split_whitespace()
        .map(|v| v.parse().unwrap())
        .collect();
    assert_eq!(view_box.len(), 4, "viewBox has four numbers");
    assert!(
        view_box[2] > 50.0 && view_box[2] < 200.0,
        "viewBox width is in mm: {view_box:?}"
    );
    assert!(view_box[3] > 10.0, "viewBox height is in mm: {view_box:?}");
    assert!(root.query_selector("svg.scene .bone").unwrap().is_some());

    let slider = query(&root, "input#control-cut");
    assert_eq!(attr(&slider, "type"), "range");
    assert_eq!(attr(&slider, "name"), "cut");
    assert_eq!(attr(&slider, "min"), "1");
    assert_eq!(attr(&slider, "max"), "179");
    assert_eq!(attr(&slider, "step"), "0.5");
    assert_eq!(attr(&slider, "aria-valuetext"), "45.0°");
    let slider: HtmlInputElement = slider.dyn_into().unwrap();
    assert_eq!(slider.value(), "45");

    let label = query(&root, "label[for=control-cut]");
    assert_eq!(
        label.text_content().unwrap().trim(),
        "Cut angle to the shaft (°)"
    );

    let readout = query(&root, "output[data-outcome=cut_to_shaft_deg]");
    assert_eq!(attr(&readout, "data-value"), "45");
    let text = readout.dyn_into::<HtmlElement>().unwrap().inner_text();
    assert_eq!(text.trim(), "45.0°");

    let [x1, y1, x2, y2] = cut_line(&root);
    let angle = (y2 - y1).atan2(x2 - x1).to_degrees();
    // World: shaft declined 15° below horizontal, cut at +45° to it => 30° above
    // the horizontal; SVG y points down, so the SVG angle is -30° (or 150°).
    let folded = ((angle % 180.0) + 180.0) % 180.0;
    assert!(
        (folded - 150.0).abs() < 0.05,
        "cut line at {angle}° in SVG space"
    );
}

#[wasm_bindgen_test]
async fn slider_input_updates_readout_and_cut_line() {
    let root = mount().await;
    let before = cut_line(&root);

    slide_to(&root, "72.5");
    let readout = query(&root, "output[data-outcome=cut_to_shaft_deg]");
    let r = readout.clone();
    wait_until("the readout to show 72.5", move || {
        r.get_attribute("data-value").as_deref() == Some("72.5")
    })
    .await;
    assert_eq!(
        readout.text_content().unwrap().trim(),
        "72.5°",
        "readout text"
    );
    assert_eq!(
        attr(&query(&root, "input#control-cut"), "aria-valuetext"),
        "72.5°"
    );

    let after = cut_line(&root);
    assert_ne!(before, after, "the cut line moved");
    let turn = |l: [f64; 4]| (l[3] - l[1]).atan2(l[2] - l[0]).to_degrees();
    let delta = (turn(after) - turn(before)).abs();
    assert!(
        (delta - 27.5).abs() < 0.05,
        "cut line turned by {delta}°, expected 27.5°"
    );

    // Out-of-range and off-step values are clamped and snapped.
    slide_to(&root, "500");
    let r = readout.clone();
    wait_until("the readout to clamp at 179", move || {
        r.get_attribute("data-value").as_deref() == Some("179")
    })
    .await;
}
