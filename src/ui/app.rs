//! The application root, [`App`]: the model, its effects (URL, language, animations, keys),
//! the header's toolbar and the stage (drawing, readouts, controls).
//!
//! Part of the interface: it may import any layer below (scene, state, model) and the other `ui`
//! files; the web binaries and the plan page mount it.

#[cfg(feature = "about-panel")]
use super::about::About;
use super::controls::controls_panel;
use super::keys::{forwarded_to_deck, in_text_box, shortcut};
use super::lecture::{lecture_bar, ExportOptions};
use super::model::{current_query, AppModel, PageAction};
use super::outcomes::outcomes;
use super::scene_view::SceneView;
use super::{browser, controls, plan};
use crate::model::{evaluate, Evaluation, Ray};
use crate::scene::{self, Node, SceneOptions};
use crate::state::i18n::Msg;
use crate::state::i18n::{self, tr, trf};
use crate::state::query::notice_list;
use crate::state::readouts::model_error_text;
use crate::state::view::Lang;
use crate::state::{Action, History, Preset, State};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The properties of the [`App`]: where its state comes from and whether it writes the URL.
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
pub(super) type FrameCallback = Closure<dyn FnMut(f64)>;

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
pub(super) fn about_panel(model: &AppModel, lang: Lang) -> Html {
    html! { <About {lang} open={model.view.about} /> }
}

#[cfg(not(feature = "about-panel"))]
pub(super) fn about_panel(model: &AppModel, lang: Lang) -> Html {
    html! {
        <p class="about about-link" id="about">
            <a href={format!("?{}&about=1", model.query())}>{ tr(lang, Msg::AboutSummary) }{ " →" }</a>
        </p>
    }
}

pub(super) fn toolbar(history: &History, dispatch: &Callback<Action>, lang: Lang) -> Html {
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

pub(super) fn stage(
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
