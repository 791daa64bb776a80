//! The lecture bar: play, theme, text size, fullscreen, copy link, SVG and PNG export, and the
//! caption written under an exported figure.
//!
//! Part of the interface: it may import any layer below (the scene for the exports, the state, the
//! model) and [`super::browser`].

use super::browser;
#[cfg(feature = "embed-panel")]
use super::embed::EmbedPanel;
use super::model::{AppModel, PageAction};
use crate::model::Evaluation;
use crate::scene::{self, SceneOptions};
use crate::state::i18n::Msg;
use crate::state::i18n::{self, tr, trf};
use crate::state::query::file_stem;
use crate::state::readouts::{display_in, summary_in, READOUTS};
use crate::state::view::{Lang, Theme, SCALES, SPEEDS};
use crate::state::{format_number, State};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Export settings chosen in the page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct ExportOptions {
    pub(super) width: u32,
    pub(super) height: u32,
    pub(super) transparent: bool,
    pub(super) caption: bool,
}

/// Present, share and export: play, theme, text size, fullscreen, copy link, SVG/PNG.
pub(super) fn lecture_bar(
    model: &AppModel,
    page: &UseReducerDispatcher<AppModel>,
    export: &UseStateHandle<ExportOptions>,
    shown: &State,
    evaluation: Option<&Rc<Evaluation>>,
    main_ref: NodeRef,
    query: &str,
) -> Html {
    let lang = model.lang();
    html! {
        <section class="lecture-bar" aria-label={tr(lang, Msg::LectureLabel)}>
            { play_group(model, page) }
            { view_group(model, page, main_ref) }
            { export_group(model, page, export, shown, evaluation) }
            { embed_panel(model, query) }
            { compare_link(model, query) }
            if let Some(status) = &model.status {
                <p class="status" role="status">{ status }</p>
            }
        </section>
    }
}

/// The embed panel (opened by `panel=embed`), or in a bundle without it (the single-ray page's)
/// a link to the same page with `panel=embed`, which boots the whole app (scripts/split.mjs).
#[cfg(feature = "embed-panel")]
fn embed_panel(model: &AppModel, _query: &str) -> Html {
    let lang = model.lang();
    html! {
        <EmbedPanel state={model.history.present} view={model.view.clone()} {lang}
            open={model.view.embed_panel} />
    }
}

#[cfg(not(feature = "embed-panel"))]
fn embed_panel(model: &AppModel, query: &str) -> Html {
    let href = format!("?{query}&panel=embed");
    html! {
        <a class="group embed-link" {href}>{ tr(model.lang(), Msg::EmbedTitle) }</a>
    }
}

/// Side by side (`compare=weil`; the other picks are on that page, in the whole app), and the
/// lessons (`lesson=cut-orients`, in the page's view; the lessons' menu is on that page).
fn compare_link(model: &AppModel, query: &str) -> Html {
    if model.view.compare.is_some() {
        return html! {};
    }
    let lang = model.lang();
    html! {
        <>
            <a class="group compare-link" href={format!("?{query}&compare=weil")}>{ tr(lang, Msg::CompareLink) }</a>
            <a class="group lessons-link" href={format!("?{query}&lesson=cut-orients")}>{ tr(lang, Msg::LessonsLink) }</a>
        </>
    }
}

/// The bar's first group: play the animation, loop it, apply the weight, the speed.
fn play_group(model: &AppModel, page: &UseReducerDispatcher<AppModel>) -> Html {
    let lang = model.lang();
    let anim = model.animation;
    let play = {
        let page = page.clone();
        Callback::from(move |_| page.dispatch(PageAction::TogglePlay))
    };
    let weigh = {
        let page = page.clone();
        Callback::from(move |_| page.dispatch(PageAction::ToggleWeight))
    };
    let weighing = model.weight.playing;
    let onloop = {
        let page = page.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            page.dispatch(PageAction::SetLooping(input.checked()));
        })
    };
    let onspeed = {
        let page = page.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(v) = crate::numtext::parse_f64(&select.value()) {
                page.dispatch(PageAction::SetSpeed(v));
            }
        })
    };
    html! {
        <div class="group">
            <button name="play" aria-pressed={anim.playing.to_string()} onclick={play}>
                { both_labels(anim.playing, tr(lang, Msg::LecturePlay), tr(lang, Msg::LectureStop)) }
            </button>
            <label><input type="checkbox" name="loop" autocomplete="off" checked={anim.looping} onchange={onloop} />{ " " }{ tr(lang, Msg::LectureLoop) }</label>
            <button name="weight" aria-pressed={weighing.to_string()} title={tr(lang, Msg::ControlLoadTitle)} onclick={weigh}>
                { both_labels(weighing, tr(lang, Msg::LectureWeight), tr(lang, Msg::LectureWeightStop)) }
            </button>
            <label>{ tr(lang, Msg::LectureSpeed) }{ " " }
                <select name="speed" autocomplete="off" onchange={onspeed}>
                    { for SPEEDS.iter().map(|v| html! { <option value={format_number(*v, 2)} selected={*v == anim.speed}>{ format!("{}×", i18n::number(lang, *v, 2)) }</option> }) }
                </select>
            </label>
        </div>
    }
}

/// A toggle button's two labels in one cell, the inactive one hidden (not read, not seen): the
/// button keeps the width of the longer, so pressing Play does not move the drawing.
fn both_labels(on: bool, off_text: &'static str, on_text: &'static str) -> Html {
    html! {
        <span class="both-labels">
            <span class={classes!((on).then_some("hidden-label"))}>{ off_text }</span>
            <span class={classes!((!on).then_some("hidden-label"))}>{ on_text }</span>
        </span>
    }
}

/// The bar's second group, the view: theme, text size, language, fullscreen, copy link.
fn view_group(model: &AppModel, page: &UseReducerDispatcher<AppModel>, main_ref: NodeRef) -> Html {
    let lang = model.lang();
    let ontheme = {
        let page = page.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(t) = Theme::from_name(&select.value()) {
                page.dispatch(PageAction::SetTheme(t));
            }
        })
    };
    let onscale = {
        let page = page.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(v) = crate::numtext::parse_f64(&select.value()) {
                page.dispatch(PageAction::SetScale(v));
            }
        })
    };
    let onlang = {
        let page = page.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(l) = Lang::from_tag(&select.value()) {
                page.dispatch(PageAction::SetLang(l));
            }
        })
    };
    let onlegend = {
        let page = page.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            page.dispatch(PageAction::SetLegend(input.checked()));
        })
    };
    let fullscreen =
        Callback::from(move |_| browser::toggle_fullscreen(main_ref.cast::<web_sys::Element>()));
    let copy = {
        let page = page.clone();
        Callback::from(move |_| {
            let href = browser::location_href();
            let text = if browser::copy_text(&href) {
                tr(lang, Msg::StatusCopied).to_string()
            } else {
                trf(lang, Msg::StatusCopyThis, &[("href", &href)])
            };
            page.dispatch(PageAction::Status(Some(text)));
        })
    };
    html! {
        <div class="group">
            <label>{ tr(lang, Msg::LectureTheme) }{ " " }
                <select name="theme" autocomplete="off" onchange={ontheme}>
                    { for Theme::ALL.iter().map(|t| html! { <option value={t.name()} selected={*t == model.view.theme}>{ tr(lang, match t {
                        Theme::Light => Msg::ThemeLight,
                        Theme::Dark => Msg::ThemeDark,
                        Theme::Projector => Msg::ThemeProjector,
                    }) }</option> }) }
                </select>
            </label>
            <label>{ tr(lang, Msg::LectureTextSize) }{ " " }
                <select name="scale" autocomplete="off" onchange={onscale}>
                    { for SCALES.iter().map(|v| html! { <option value={format_number(*v, 2)} selected={*v == model.view.scale}>{ i18n::percent(lang, v * 100.0, 0) }</option> }) }
                </select>
            </label>
            <label>{ tr(lang, Msg::LectureLanguage) }{ " " }
                <select name="lang" autocomplete="off" onchange={onlang}>
                    { for Lang::ALL.iter().map(|l| html! { <option value={l.code()} lang={l.code()} selected={*l == lang}>{ i18n::language_name(*l) }</option> }) }
                </select>
            </label>
            <label><input type="checkbox" name="legend" autocomplete="off" checked={model.view.legend} onchange={onlegend} />{ " " }{ tr(lang, Msg::LectureLegend) }</label>
            <button name="fullscreen" aria-keyshortcuts="F" onclick={fullscreen}>{ tr(lang, Msg::LectureFullscreen) }</button>
            <button name="copy-link" onclick={copy}>{ tr(lang, Msg::LectureCopyLink) }</button>
        </div>
    }
}

/// The bar's export `<details>`: the figure's size, background and caption, SVG and PNG.
fn export_group(
    model: &AppModel,
    page: &UseReducerDispatcher<AppModel>,
    export: &UseStateHandle<ExportOptions>,
    shown: &State,
    evaluation: Option<&Rc<Evaluation>>,
) -> Html {
    let lang = model.lang();
    let export_svg_for = |png: bool| export_callback(model, page, **export, shown, evaluation, png);
    let set_export = |f: fn(&mut ExportOptions, &HtmlInputElement)| {
        let export = export.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut next = *export;
            f(&mut next, &input);
            export.set(next);
        })
    };
    let ex = **export;
    html! {
        <details class="group export">
            <summary>{ tr(lang, Msg::ExportTitle) }</summary>
            <label>{ tr(lang, Msg::ExportWidth) }{ " " }<input type="number" name="export-width" autocomplete="off" min="200" max="8000" step="10" value={ex.width.to_string()}
                onchange={set_export(|o, i| if let Ok(v) = i.value().parse::<u32>() { o.width = v.clamp(200, 8000) })} />{ "\u{a0}px" }</label>
            <label>{ tr(lang, Msg::ExportHeight) }{ " " }<input type="number" name="export-height" autocomplete="off" min="200" max="8000" step="10" value={ex.height.to_string()}
                onchange={set_export(|o, i| if let Ok(v) = i.value().parse::<u32>() { o.height = v.clamp(200, 8000) })} />{ "\u{a0}px" }</label>
            <label><input type="checkbox" name="export-transparent" autocomplete="off" checked={ex.transparent}
                onchange={set_export(|o, i| o.transparent = i.checked())} />{ " " }{ tr(lang, Msg::ExportTransparent) }</label>
            <label><input type="checkbox" name="export-caption" autocomplete="off" checked={ex.caption}
                onchange={set_export(|o, i| o.caption = i.checked())} />{ " " }{ tr(lang, Msg::ExportCaption) }</label>
            <button name="export-svg" onclick={export_svg_for(false)}>{ tr(lang, Msg::ExportSvg) }</button>
            <button name="export-png" onclick={export_svg_for(true)}>{ tr(lang, Msg::ExportPng) }</button>
        </details>
    }
}

/// What the SVG (or, with `png`, the PNG) export button does: draw the shown state with the
/// export `options`, download it and say so in the status line.
fn export_callback(
    model: &AppModel,
    page: &UseReducerDispatcher<AppModel>,
    options: ExportOptions,
    shown: &State,
    evaluation: Option<&Rc<Evaluation>>,
    png: bool,
) -> Callback<MouseEvent> {
    let lang = model.lang();
    let page = page.clone();
    let state = *shown;
    let evaluation = evaluation.cloned();
    let (theme, text_scale, legend) = (model.view.theme, model.view.scale, model.view.legend);
    Callback::from(move |_| {
        let Some(e) = evaluation.as_ref() else { return };
        // Named at the click, not at every render.
        let file_stem = file_stem(&state);
        let caption = if options.caption {
            caption_lines(&state, e, lang)
        } else {
            Vec::new()
        };
        let scene = scene::build(
            &state,
            e,
            &SceneOptions {
                standalone: true,
                interactive: false,
                width_px: options.width,
                height_px: options.height,
                theme,
                caption,
                lang,
                text_scale,
                legend,
                // A bundle without its own copy of the drawing's style flattens the page's.
                stylesheet: if cfg!(feature = "embedded-style") {
                    None
                } else {
                    browser::scene_stylesheet()
                },
                ..Default::default()
            },
        );
        let scene = if options.transparent {
            scene.without_background()
        } else {
            scene
        };
        let svg = scene.to_svg();
        if png {
            browser::download_png(
                &svg,
                options.width,
                options.height,
                options.transparent,
                format!("{file_stem}.png"),
            );
        } else {
            browser::download_text(&svg, "image/svg+xml", &format!("{file_stem}.svg"));
        }
        page.dispatch(PageAction::Status(Some(trf(
            lang,
            Msg::StatusExported,
            &[("format", &if png { "PNG" } else { "SVG" })],
        ))));
    })
}

/// The caption under an exported figure: the summary and the main readouts.
pub fn caption_lines(state: &State, e: &Evaluation, lang: Lang) -> Vec<String> {
    let keys = [
        "cut_to_shaft_deg",
        "cut_to_ground_deg",
        "head_rise_mm",
        "axial_shortening_mm",
        "declination_after_deg",
        "contact_mm",
        "verdict",
    ];
    let readouts: Vec<String> = READOUTS
        .iter()
        .filter(|r| keys.contains(&r.key))
        .map(|r| {
            format!(
                "{} {}",
                r.label_in(lang),
                display_in(r, (r.value)(&e.outcomes), lang)
            )
        })
        .collect();
    vec![summary_in(state, e, lang), readouts.join(" · ")]
}
