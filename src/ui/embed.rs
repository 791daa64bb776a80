//! The lecture bar's embed panel: the `<iframe>` snippet that shows the current state in a
//! slide (its theme, text size and language, the controls the lecturer picks, its size, and
//! whether it plays on opening), a button that copies it, and a live preview of the slide.
//!
//! Part of the interface: it may import the state and [`super::browser`].

use super::browser;
use super::controls::ALL_CONTROLS;
use crate::state::i18n::{tr, Msg};
use crate::state::link::{iframe_snippet, link_query};
use crate::state::view::{Lang, View};
use crate::state::{Key, State};
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The slide sizes offered (CSS pixels): 16:9 at two sizes, and reveal.js's default slide.
const SIZES: [(u32, u32); 3] = [(1280, 720), (960, 540), (960, 700)];

/// What the panel embeds.
#[derive(Properties, PartialEq)]
pub(super) struct EmbedProps {
    pub state: State,
    pub view: View,
    pub lang: Lang,
    /// Open at first (`panel=embed`).
    #[prop_or_default]
    pub open: bool,
}

/// A control's name in the panel: the label of its key.
fn control_label(key: &str, lang: Lang) -> &'static str {
    match key {
        "ref" => tr(lang, Msg::ControlReference),
        "load" => tr(lang, Msg::ControlLoad),
        other => Key::from_name(other).map_or("", |k| k.spec().label_in(lang)),
    }
}

/// The panel: closed, only its summary (nothing is built while the lecturer works); open, its
/// body.
#[component(EmbedPanel)]
pub(super) fn embed_panel(props: &EmbedProps) -> Html {
    // Its texts are in the whole app's second part of the catalogue, with the About panel's.
    crate::state::i18n::enable_about_messages();
    let open = use_state(|| props.open);
    let lang = props.lang;
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: Element = e.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    // Opened by the app at the click (the summary's Enter is one), not by the browser after
    // it, so the body is there for the next Tab; `toggle` keeps the state right when the
    // browser opens it otherwise.
    let onclick = {
        let open = open.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            open.set(!*open);
        })
    };
    html! {
        <details class="group embed" open={*open} {ontoggle}>
            <summary {onclick}>{ tr(lang, Msg::EmbedTitle) }</summary>
            if *open {
                <EmbedBody state={props.state} view={props.view.clone()} {lang} open=true />
            }
        </details>
    }
}

/// How long the state must rest before the preview loads it again (ms): a drag would otherwise
/// reload the slide at every step.
const PREVIEW_QUIET_MS: i32 = 600;

#[component(EmbedBody)]
fn embed_body(props: &EmbedProps) -> Html {
    let controls = use_state(|| vec!["cut".to_string()]);
    let size = use_state(|| 0usize);
    let play = use_state(|| false);
    let lang = props.lang;
    let (width, height) = SIZES[(*size).min(SIZES.len() - 1)];
    let view = View {
        embed: true,
        controls: (*controls).clone(),
        play: *play,
        about: false,
        embed_panel: false,
        // The language the lecturer sees, even when it came from the browser's.
        lang: Some(lang),
        ..props.view.clone()
    };
    let src = format!(
        "{}?{}",
        browser::page_address(),
        link_query(&props.state, &view)
    );
    let code = iframe_snippet(&src, width, height, tr(lang, Msg::AppTitle));
    // The preview follows the snippet once it has rested, and never cuts a load short: the
    // next address waits for the slide being loaded (`loading`) to finish.
    let preview = use_state(|| src.clone());
    let wanted = use_mut_ref(|| src.clone());
    let loading = use_mut_ref(|| true);
    {
        let (preview, wanted, loading) = (preview.clone(), wanted.clone(), loading.clone());
        use_effect_with(src.clone(), move |src| {
            let src = src.clone();
            let timeout = (*preview != src).then(|| {
                browser::Timeout::after(PREVIEW_QUIET_MS, move || {
                    *wanted.borrow_mut() = src.clone();
                    if !*loading.borrow() {
                        *loading.borrow_mut() = true;
                        preview.set(src);
                    }
                })
            });
            move || drop(timeout)
        });
    }
    let onload = {
        let (preview, wanted, loading) = (preview.clone(), wanted.clone(), loading.clone());
        Callback::from(move |_: Event| {
            let next = wanted.borrow().clone();
            if *preview != next {
                preview.set(next);
            } else {
                *loading.borrow_mut() = false;
            }
        })
    };
    let toggle = |key: &'static str| {
        let controls = controls.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            // In the page's order, whatever the order of the clicks.
            let mut chosen: Vec<String> = ALL_CONTROLS
                .iter()
                .filter(|k| {
                    if **k == key {
                        input.checked()
                    } else {
                        controls.contains(&k.to_string())
                    }
                })
                .map(|k| k.to_string())
                .collect();
            chosen.dedup();
            controls.set(chosen);
        })
    };
    let onsize = {
        let size = size.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            size.set(select.value().parse().unwrap_or(0));
        })
    };
    let onplay = {
        let play = play.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            play.set(input.checked());
        })
    };
    let copy = {
        let code = code.clone();
        Callback::from(move |_| {
            browser::copy_text(&code);
        })
    };
    html! {
        <>
            <fieldset class="embed-controls">
                <legend>{ tr(lang, Msg::EmbedControls) }</legend>
                { for ALL_CONTROLS.iter().map(|k| html! {
                    <label><input type="checkbox" name={format!("embed-control-{k}")} autocomplete="off"
                        checked={controls.iter().any(|c| c == k)} onchange={toggle(k)} />{ " " }{ control_label(k, lang) }</label>
                }) }
            </fieldset>
            <label>{ tr(lang, Msg::EmbedSize) }{ " " }
                <select name="embed-size" autocomplete="off" onchange={onsize}>
                    { for SIZES.iter().enumerate().map(|(i, (w, h))| html! {
                        <option value={i.to_string()} selected={i == *size}>{ format!("{w} × {h}") }</option>
                    }) }
                </select>
            </label>
            <label><input type="checkbox" name="embed-play" autocomplete="off" checked={*play} onchange={onplay} />{ " " }{ tr(lang, Msg::EmbedPlay) }</label>
            <label class="embed-code">{ tr(lang, Msg::EmbedCode) }
                <textarea name="embed-code" readonly=true rows="3" value={code} />
            </label>
            <button name="embed-copy" onclick={copy}>{ tr(lang, Msg::EmbedCopy) }</button>
            // A picture of the slide, not a second app to tab through: inert.
            <figure class={classes!("embed-preview", format!("size-{width}x{height}"))} inert=true>
                <iframe src={(*preview).clone()} width={width.to_string()} height={height.to_string()}
                    title={tr(lang, Msg::EmbedPreview)} tabindex="-1" {onload} />
            </figure>
        </>
    }
}
