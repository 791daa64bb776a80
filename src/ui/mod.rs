//! The browser interface: a thin Yew shell over the state, model and scene layers (wasm only).
//!
//! DOM contracts relied on by the tests and by lecturers' scripts: `<main id="app">`; an inline
//! `<svg class="scene">` with a millimetre `viewBox`; for every state key a range input and a
//! number input with `name` equal to the query key (range inputs have `id="control-KEY"`);
//! readouts `<output data-outcome="JSON_KEY" data-value="FULL_PRECISION">`.

#[cfg(feature = "about-panel")]
pub mod about;
pub mod browser;
pub mod controls;
pub mod outcomes;
pub mod plan;
pub mod scene_view;

use crate::model::{evaluate, Evaluation, Ray};
use crate::scene::{self, Node, SceneOptions};
use crate::state::animation::Animation;
use crate::state::i18n::Msg;
use crate::state::i18n::{self, tr, trf};
use crate::state::query::{matching_preset, notice_list, parse_query_with, to_query, Notice};
use crate::state::readouts::{display_in, model_error_text, summary_in, READOUTS};
use crate::state::view::{Lang, Theme, View, SCALES, SPEEDS, VIEW_KEYS};
use crate::state::{format_number, Action, History, Preset, State};
#[cfg(feature = "about-panel")]
use about::About;
use controls::controls_panel;
use outcomes::outcomes;
use scene_view::SceneView;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Keys owned by other parts of the page (the forefoot plan), passed through the URL untouched.
pub const PASS_THROUGH_PREFIXES: [&str; 5] = ["plan", "edit", "m2.", "m3.", "m4."];

/// The page's state: the osteotomy history, the view options, the animation.
#[derive(Clone, Debug, PartialEq)]
pub struct AppModel {
    pub history: History,
    pub view: View,
    /// What the URL said that was changed on arrival (shown in the page's language).
    pub notices: Vec<Notice>,
    /// Pairs owned by other features, kept when the URL is rewritten.
    pub other: Vec<(String, String)>,
    pub animation: Animation,
    /// "Put weight on it": as left → settled under body weight → back, once.
    pub weight: Animation,
    /// The `lang=` the page was loaded with: a bundle without that language does not load the
    /// page again for it (no loop).
    pub loaded_lang: Option<Lang>,
    /// A short status line (link copied, export written).
    pub status: Option<String>,
}

/// What the page can do.
#[derive(Clone, Debug, PartialEq)]
pub enum PageAction {
    State(Action),
    DismissNotices,
    SetTheme(Theme),
    SetScale(f64),
    TogglePlay,
    /// Play the weight animation (or stop it).
    ToggleWeight,
    SetLooping(bool),
    SetSpeed(f64),
    /// Seconds since the last animation frame.
    Tick(f64),
    Status(Option<String>),
    /// The interface language (kept in the URL as `lang=`).
    SetLang(Lang),
}

impl Reducible for AppModel {
    type Action = PageAction;

    fn reduce(self: Rc<Self>, action: PageAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PageAction::State(a) => {
                next.history.apply(a);
                next.status = None;
            }
            PageAction::DismissNotices => next.notices.clear(),
            PageAction::SetTheme(t) => next.view.theme = t,
            PageAction::SetScale(s) => next.view.scale = s,
            PageAction::TogglePlay => next.animation.toggle(),
            PageAction::ToggleWeight => next.weight.toggle(),
            PageAction::SetLooping(l) => next.animation.looping = l,
            PageAction::SetSpeed(v) => next.animation.speed = v,
            PageAction::Tick(dt) => {
                next.animation.tick(dt);
                next.weight.tick(dt);
            }
            PageAction::Status(s) => next.status = s,
            PageAction::SetLang(l) => {
                next.view.lang = Some(l);
                next.status = None;
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

fn is_pass_through(key: &str) -> bool {
    PASS_THROUGH_PREFIXES
        .iter()
        .any(|p| key == p.trim_end_matches('.') || (p.ends_with('.') && key.starts_with(p)))
}

impl AppModel {
    /// The page as a URL query describes it (unknown and bad keys become notices).
    pub fn from_query(query: &str) -> Self {
        let pass_through: Vec<String> = crate::state::query::pairs(query)
            .into_iter()
            .map(|(k, _)| k)
            .filter(|k| is_pass_through(k))
            .collect();
        let mut known: Vec<&str> = VIEW_KEYS.to_vec();
        known.extend(pass_through.iter().map(|s| s.as_str()));
        let parsed = parse_query_with(query, &known);
        let (view_pairs, other): (Vec<_>, Vec<_>) = parsed
            .other
            .into_iter()
            .partition(|(k, _)| VIEW_KEYS.contains(&k.as_str()));
        let (view, view_notices) = View::from_pairs(&view_pairs);
        let mut notices = parsed.notices;
        notices.extend(view_notices);
        let animation = Animation {
            playing: view.play,
            reduced_motion: browser::prefers_reduced_motion(),
            ..Default::default()
        };
        let loaded_lang = view.lang;
        AppModel {
            history: History::new(parsed.state),
            view,
            notices,
            other,
            weight: Animation {
                looping: false,
                ..animation
            }
            .stopped(),
            loaded_lang,
            animation,
            status: None,
        }
    }

    /// The URL query for the present state, view options and pass-through keys kept.
    pub fn query(&self) -> String {
        let mut q = to_query(&self.history.present);
        for (k, v) in self.view.to_pairs().iter().chain(self.other.iter()) {
            q.push('&');
            q.push_str(k);
            q.push('=');
            q.push_str(v);
        }
        q
    }

    /// What is drawn: the present state, or a frame of the animation.
    pub fn displayed(&self) -> State {
        let present = self.history.present;
        self.animation
            .progress()
            .map_or(present, |p| present.displaced(p))
    }

    /// How far the drawn head is from where it was left (0) to settled under body weight (1):
    /// the weight animation's frame, else `load=`.
    pub fn load_fraction(&self) -> f64 {
        self.weight
            .progress()
            .unwrap_or(if self.history.present.load { 1.0 } else { 0.0 })
    }

    /// The interface language: the URL's, else the browser's, else English.
    pub fn lang(&self) -> Lang {
        self.view
            .lang
            .or_else(|| browser::browser_language().and_then(|t| Lang::from_tag(&t)))
            .unwrap_or_default()
    }
}

fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

fn in_text_box(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .is_some_and(|i| i.type_() == "number" || i.type_() == "text")
}

/// Shortcuts that work wherever the focus is: undo, redo, reset.
fn shortcut(e: &web_sys::KeyboardEvent) -> Option<Action> {
    let ctrl = e.ctrl_key() || e.meta_key();
    if ctrl && !in_text_box(e) && e.code() == "KeyZ" {
        return Some(if e.shift_key() {
            Action::Redo
        } else {
            Action::Undo
        });
    }
    if ctrl && !in_text_box(e) && e.code() == "KeyY" {
        return Some(Action::Redo);
    }
    if e.alt_key() && !ctrl && e.code() == "KeyR" {
        return Some(Action::Reset);
    }
    None
}

/// In a slide deck, the keys the app does not use go to the deck: page keys, space, N and P,
/// and the arrows when no control has the focus.
fn forwarded_to_deck(e: &web_sys::KeyboardEvent) -> bool {
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return false;
    }
    let key = e.key();
    if matches!(
        key.as_str(),
        "PageDown" | "PageUp" | " " | "n" | "N" | "p" | "P"
    ) {
        return !in_text_box(e);
    }
    if key.starts_with("Arrow") {
        let focused_control = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .is_some_and(|a| {
                matches!(
                    a.tag_name().to_ascii_lowercase().as_str(),
                    "input" | "select" | "button"
                ) || a.has_attribute("data-handle")
            });
        return !focused_control;
    }
    false
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The query to start from; the page's URL when absent.
    #[prop_or_default]
    pub query: Option<AttrValue>,
    /// Keep the URL in step with the state (off for embedded test instances).
    #[prop_or(true)]
    pub sync_url: bool,
}

/// A `requestAnimationFrame` callback.
type FrameCallback = Closure<dyn FnMut(f64)>;

/// Export settings chosen in the page.
#[derive(Clone, Copy, Debug, PartialEq)]
struct ExportOptions {
    width: u32,
    height: u32,
    transparent: bool,
    caption: bool,
}

/// The application root.
#[component(App)]
pub fn app(props: &AppProps) -> Html {
    let initial_query = props
        .query
        .as_ref()
        .map(|q| q.to_string())
        .unwrap_or_else(current_query);
    let model = use_reducer(move || AppModel::from_query(&initial_query));
    // Inside a forefoot plan (ui::plan): report the query, show the plan panel.
    let plan_hook = plan::use_plan_hook();
    let shown = model.displayed();
    let page = model.dispatcher();
    // One callback for the page's lifetime: the components that take it (the drawing, each
    // control) are not re-rendered for a new callback (never equal to the last one).
    let dispatch = {
        let page = page.clone();
        use_callback((), move |a: Action, _| page.dispatch(PageAction::State(a)))
    };
    let main_ref = use_node_ref();
    let export = use_state(|| ExportOptions {
        width: 1920,
        height: 1080,
        transparent: false,
        caption: false,
    });

    // Document shortcuts: undo/redo/reset, F for fullscreen, deck keys in embed mode.
    {
        let page = page.clone();
        let embed = model.view.embed;
        let main_ref = main_ref.clone();
        use_effect_with(embed, move |embed| {
            let embed = *embed;
            let listener =
                Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
                    if let Some(action) = shortcut(&e) {
                        e.prevent_default();
                        page.dispatch(PageAction::State(action));
                    } else if e.code() == "KeyF"
                        && !e.ctrl_key()
                        && !e.meta_key()
                        && !e.alt_key()
                        && !in_text_box(&e)
                    {
                        e.prevent_default();
                        browser::toggle_fullscreen(main_ref.cast::<web_sys::Element>());
                    } else if embed && forwarded_to_deck(&e) && browser::forward_key_to_parent(&e) {
                        e.prevent_default();
                    }
                });
            let document = web_sys::window().and_then(|w| w.document());
            if let Some(d) = &document {
                let _ = d
                    .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(d) = document {
                    let _ = d.remove_event_listener_with_callback(
                        "keydown",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    // The animation clock: one tick per animation frame while playing.
    {
        let page = page.clone();
        use_effect_with(
            model.animation.playing || model.weight.playing,
            move |playing| {
                let running = Rc::new(Cell::new(*playing));
                if *playing {
                    let frame: Rc<std::cell::RefCell<Option<FrameCallback>>> = Rc::default();
                    let again = frame.clone();
                    let last = Rc::new(Cell::new(f64::NAN));
                    let still = running.clone();
                    *frame.borrow_mut() = Some(Closure::new(move |now: f64| {
                        // Stopped: request no further frame (the closure is freed with the page).
                        if !still.get() {
                            return;
                        }
                        let previous = last.replace(now);
                        if previous.is_finite() {
                            page.dispatch(PageAction::Tick((now - previous) / 1000.0));
                        }
                        if let (Some(w), Some(f)) = (web_sys::window(), again.borrow().as_ref()) {
                            let _ = w.request_animation_frame(f.as_ref().unchecked_ref());
                        }
                    }));
                    if let Some(w) = web_sys::window() {
                        if let Some(f) = frame.borrow().as_ref() {
                            let _ = w.request_animation_frame(f.as_ref().unchecked_ref());
                        }
                    }
                }
                move || running.set(false)
            },
        );
    }

    // The URL follows the state (replaceState: no history entry per slider step; written
    // when the pointer or key on a slider or handle is released, see browser::replace_query).
    {
        let query = model.query();
        let sync = props.sync_url;
        let on_change = plan_hook.as_ref().map(|h| h.on_change.clone());
        let change = plan::AppChange {
            state: model.history.present,
            view: model.view.to_pairs(),
        };
        use_effect_with(query, move |query| {
            if let Some(on_change) = &on_change {
                on_change.emit(change);
            }
            if sync {
                browser::replace_query(query);
            }
        });
    }

    // The document's language and title follow the interface language.
    let lang = model.lang();
    // A single-language bundle (the single-ray page's) loads the page again for another
    // language: scripts/split.mjs picks the bundle that carries it; the URL keeps the state.
    {
        let sync = props.sync_url;
        // The language in the address, even when it came from the browser's.
        let query = match model.view.lang {
            Some(_) => model.query(),
            None => format!("{}&lang={}", model.query(), lang.code()),
        };
        let loaded = model.loaded_lang;
        use_effect_with(lang, move |lang| {
            if sync && !i18n::compiled(*lang) && loaded != Some(*lang) {
                browser::load_query(&query);
            }
        });
    }
    {
        let sync = props.sync_url;
        use_effect_with(lang, move |lang| {
            if sync {
                browser::set_document_language(lang.code(), i18n::tr(*lang, Msg::AppTitle));
            }
        });
    }

    let theme = model.view.theme;
    // The model's evaluation of the drawn state and the drawing: one evaluation per change.
    let load_fraction = model.load_fraction();
    let drawn = use_memo(
        (shown, theme, lang, load_fraction),
        |(s, theme, lang, load)| {
            let evaluation = evaluate(&s.to_params()).map(Rc::new);
            let drawing = evaluation.as_ref().ok().map(|e| {
                Rc::new(
                    scene::build_loaded(
                        s,
                        e,
                        &SceneOptions {
                            theme: *theme,
                            lang: *lang,
                            ..Default::default()
                        },
                        *load,
                    )
                    .root,
                )
            });
            (evaluation, drawing)
        },
    );
    let (evaluation, drawing) = &*drawn;

    let body = match (evaluation, drawing) {
        (Ok(e), Some(root)) => stage(&model, &shown, e.clone(), root.clone(), &dispatch),
        (Err(err), _) => html! {
            <div class="error" role="alert">
                { trf(lang, Msg::AppCannotDraw, &[("error", &model_error_text(err, lang))]) }{ " " }
                <button onclick={dispatch.reform(|_| Action::Reset)}>{ tr(lang, Msg::ActionReset) }</button>
            </div>
        },
        _ => html! {},
    };

    let scale_class = format!("scale-{}", (model.view.scale * 100.0).round() as u32);
    let classes = classes!(
        "app",
        format!("theme-{}", theme.name()),
        scale_class,
        model.view.embed.then_some("embed"),
        model.animation.playing.then_some("playing"),
    );
    let dismiss = page.clone();
    let notices = (!model.notices.is_empty()).then(|| html! {
        <div class="notice" role="status">
            <span>{ trf(lang, Msg::NoticeAdjusted, &[("list", &notice_list(&model.notices, lang))]) }</span>
            <button class="dismiss" aria-label={tr(lang, Msg::NoticeDismiss)}
                onclick={Callback::from(move |_| dismiss.dispatch(PageAction::DismissNotices))}>{ "×" }</button>
        </div>
    });
    if model.view.embed {
        return html! {
            <main id="app" class={classes} ref={main_ref} lang={lang.code()}>
                { for notices }
                { body }
            </main>
        };
    }
    let lecture = lecture_bar(
        &model,
        &page,
        &export,
        &shown,
        evaluation.as_ref().ok(),
        main_ref.clone(),
    );
    html! {
        <main id="app" class={classes} ref={main_ref} lang={lang.code()}>
            <header class="app-header">
                <h1>{ "osteoviz" }<span class="subtitle">{ " · " }{ tr(lang, Msg::AppSubtitle) }</span></h1>
                { toolbar(&model.history, &dispatch, lang) }
                { plan::entry_link(&plan_hook, &model.history.present, &model.view, lang) }
            </header>
            { for notices }
            { lecture }
            { plan::panel_slot(&plan_hook) }
            { body }
            { about_panel(&model, lang) }
        </main>
    }
}

/// "About the model": the panel, or in a bundle without it (the single-ray page's) a link to the
/// same page with `about=1`, which boots the whole app (scripts/split.mjs).
#[cfg(feature = "about-panel")]
fn about_panel(model: &AppModel, lang: Lang) -> Html {
    html! { <About {lang} open={model.view.about} /> }
}

#[cfg(not(feature = "about-panel"))]
fn about_panel(model: &AppModel, lang: Lang) -> Html {
    html! {
        <p class="about about-link" id="about">
            <a href={format!("?{}&about=1", model.query())}>{ tr(lang, Msg::AboutSummary) }{ " →" }</a>
        </p>
    }
}

/// Present, share and export: play, theme, text size, fullscreen, copy link, SVG/PNG.
fn lecture_bar(
    model: &AppModel,
    page: &UseReducerDispatcher<AppModel>,
    export: &UseStateHandle<ExportOptions>,
    shown: &State,
    evaluation: Option<&Rc<Evaluation>>,
    main_ref: NodeRef,
) -> Html {
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
    let file_stem = format!(
        "osteoviz-{}-m{}",
        matching_preset(shown).map_or("custom", |p| p.name()),
        shown.ray.number()
    );
    let export_svg_for = |png: bool| {
        let page = page.clone();
        let options = **export;
        let state = *shown;
        let evaluation = evaluation.cloned();
        let theme = model.view.theme;
        let file_stem = file_stem.clone();
        Callback::from(move |_| {
            let Some(e) = evaluation.as_ref() else { return };
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
    };
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
        <section class="lecture-bar" aria-label={tr(lang, Msg::LectureLabel)}>
            <div class="group">
                <button name="play" aria-pressed={anim.playing.to_string()} onclick={play}>
                    { tr(lang, if anim.playing { Msg::LectureStop } else { Msg::LecturePlay }) }
                </button>
                <label><input type="checkbox" name="loop" autocomplete="off" checked={anim.looping} onchange={onloop} />{ " " }{ tr(lang, Msg::LectureLoop) }</label>
                <button name="weight" aria-pressed={weighing.to_string()} title={tr(lang, Msg::ControlLoadTitle)} onclick={weigh}>
                    { tr(lang, if weighing { Msg::LectureWeightStop } else { Msg::LectureWeight }) }
                </button>
                <label>{ tr(lang, Msg::LectureSpeed) }{ " " }
                    <select name="speed" autocomplete="off" onchange={onspeed}>
                        { for SPEEDS.iter().map(|v| html! { <option value={format_number(*v, 2)} selected={*v == anim.speed}>{ format!("{}×", i18n::number(lang, *v, 2)) }</option> }) }
                    </select>
                </label>
            </div>
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
                <button name="fullscreen" aria-keyshortcuts="F" onclick={fullscreen}>{ tr(lang, Msg::LectureFullscreen) }</button>
                <button name="copy-link" onclick={copy}>{ tr(lang, Msg::LectureCopyLink) }</button>
            </div>
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
            if let Some(status) = &model.status {
                <p class="status" role="status">{ status }</p>
            }
        </section>
    }
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

fn toolbar(history: &History, dispatch: &Callback<Action>, lang: Lang) -> Html {
    let state = history.present;
    let current = crate::state::query::matching_preset(&state);
    let presets = Preset::ALL.iter().map(|p| {
        let p = *p;
        html! {
            <button class={classes!("preset", (current == Some(p)).then_some("active"))}
                data-preset={p.name()} title={p.description_in(lang)}
                aria-pressed={(current == Some(p)).to_string()}
                onclick={dispatch.reform(move |_| Action::ApplyPreset(p))}>{ p.label_in(lang) }</button>
        }
    });
    let onray = dispatch.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        let ray = select
            .value()
            .parse::<u8>()
            .ok()
            .and_then(Ray::from_number)
            .unwrap_or(Ray::M2);
        Action::SetRay(ray)
    });
    html! {
        <nav class="toolbar" aria-label={tr(lang, Msg::ToolbarLabel)}>
            <div class="presets" role="group" aria-label={tr(lang, Msg::ToolbarPresets)}>{ for presets }</div>
            <label class="ray-select">{ tr(lang, Msg::ToolbarRay) }{ " " }
                <select name="ray" autocomplete="off" onchange={onray}>
                    { for Ray::ALL.iter().map(|r| html! {
                        <option value={r.number().to_string()} selected={*r == state.ray}>{ format!("M{}", r.number()) }</option>
                    }) }
                </select>
            </label>
            <div class="history" role="group" aria-label={tr(lang, Msg::ToolbarHistory)}>
                <button name="undo" disabled={!history.can_undo()} aria-keyshortcuts="Control+Z"
                    onclick={dispatch.reform(|_| Action::Undo)}>{ tr(lang, Msg::ActionUndo) }</button>
                <button name="redo" disabled={!history.can_redo()} aria-keyshortcuts="Control+Shift+Z"
                    onclick={dispatch.reform(|_| Action::Redo)}>{ tr(lang, Msg::ActionRedo) }</button>
                <button name="reset" aria-keyshortcuts="Alt+R"
                    onclick={dispatch.reform(|_| Action::Reset)}>{ tr(lang, Msg::ActionReset) }</button>
            </div>
        </nav>
    }
}

fn stage(
    model: &AppModel,
    state: &State,
    evaluation: Rc<Evaluation>,
    root: Rc<Node>,
    dispatch: &Callback<Action>,
) -> Html {
    let view = &model.view;
    let lang = model.lang();
    // Controls edit the present state, even while an animation frame is drawn.
    let present = model.history.present;
    let embed = view.embed;
    let on_release = if embed {
        Callback::from(|_: PointerEvent| browser::release_focus())
    } else {
        Callback::noop()
    };
    html! {
        <div class="workspace">
            <section class="stage" aria-label={tr(lang, Msg::StageDrawing)} onpointerup={on_release}>
                <SceneView scene={root} state={present} evaluation={evaluation.clone()} dispatch={dispatch.clone()} />
                if !embed {
                    { outcomes(state, &evaluation, lang) }
                }
            </section>
            if controls::ALL_CONTROLS.iter().any(|k| view.shows_control(k)) {
                { controls_panel(present, controls::Shown::of(view), embed, lang, dispatch) }
            }
        </div>
    }
}

/// Mounts [`App`] into the document body (called by the `osteoviz-web` binary).
pub fn start() {
    if plan::is_plan_page() {
        return plan::start();
    }
    start_single_ray();
}

/// Mounts the single-ray [`App`] only: the entry point of the smaller bundle the page loads
/// when its URL does not ask for a forefoot plan (`osteoviz-web-ray`, see scripts/split.mjs).
/// Without a reference to the plan page, the plan's views, model and text stay out of it.
pub fn start_single_ray() {
    yew::Renderer::<App>::with_props(AppProps {
        query: None,
        sync_url: true,
    })
    .render();
}
