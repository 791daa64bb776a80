//! The [`App`](super::App)'s effects as custom hooks: the document shortcuts, the animation
//! clock, the URL kept in step with the state, the document's language and title, and the
//! memoised evaluation and drawing.
//!
//! Part of the interface: it may import the state, scene and model layers and the other `ui`
//! files (the page's model, the keys, the plan context, `ui::browser`); only `app` calls it.

use super::browser;
use super::keys::{forwarded_to_deck, in_text_box, shortcut};
use super::model::{AppModel, PageAction};
use super::plan::{self, PlanHook};
use crate::model::{evaluate, Evaluation, ModelError};
use crate::scene::{self, Node, SceneOptions};
use crate::state::i18n::{self, Msg};
use crate::state::view::{Lang, Theme};
use crate::state::State;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A `requestAnimationFrame` callback.
type FrameCallback = Closure<dyn FnMut(f64)>;

/// Document shortcuts: undo/redo/reset, F for fullscreen (of `main_ref`), deck keys in embed
/// mode. The listener is installed again when `embed` changes.
#[hook]
pub(super) fn use_shortcuts(page: UseReducerDispatcher<AppModel>, embed: bool, main_ref: NodeRef) {
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
            let _ =
                d.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
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

/// The animation clock: one `tick` (seconds since the last frame) per animation frame while
/// `playing` (the App's [`PageAction::Tick`], the plan page's move between lesson steps).
#[hook]
pub(super) fn use_animation_clock<M: Reducible + 'static>(
    page: UseReducerDispatcher<M>,
    tick: fn(f64) -> M::Action,
    playing: bool,
) {
    use_effect_with(playing, move |playing| {
        let running = Rc::new(Cell::new(*playing));
        if *playing {
            let frame: Rc<RefCell<Option<FrameCallback>>> = Rc::default();
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
                    page.dispatch(tick((now - previous) / 1000.0));
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
    });
}

/// The URL follows the state (replaceState: no history entry per slider step; written once
/// a drag or key presses on a slider or handle have rested, see [`browser::replace_query`]); inside a
/// plan, the plan hears of each change.
#[hook]
pub(super) fn use_url_sync(
    model: &AppModel,
    query: &str,
    sync: bool,
    plan_hook: &Option<PlanHook>,
) {
    let query = query.to_owned();
    // Only inside a plan: the single-ray page builds no change to report.
    let report = plan_hook.as_ref().map(|h| {
        let change = plan::AppChange {
            state: model.history.present,
            view: model.view.to_pairs(),
        };
        (h.on_change.clone(), change)
    });
    use_effect_with(query, move |query| {
        if let Some((on_change, change)) = report {
            on_change.emit(change);
        }
        if sync {
            browser::replace_query(query);
        }
    });
}

/// The document's language and title follow the interface language.
///
/// A single-language bundle (the single-ray page's) loads the page again for another language:
/// scripts/split.mjs picks the bundle that carries it; the URL keeps the state.
#[hook]
pub(super) fn use_document_language(model: &AppModel, query: &str, sync: bool) {
    let lang = model.lang();
    {
        // The language in the address, even when it came from the browser's (built only when
        // the page must load again: not on every render).
        let reload =
            (sync && !i18n::compiled(lang) && model.loaded_lang != Some(lang)).then(|| match model
                .view
                .lang
            {
                Some(_) => query.to_owned(),
                None => format!("{query}&lang={}", lang.code()),
            });
        use_effect_with(lang, move |_| {
            if let Some(query) = reload {
                browser::load_query(&query);
            }
        });
    }
    // The language, and the theme and text size the page's rem follows, on the document's
    // root (one effect: each hook instance is code in the page's bundle).
    let text_percent = (model.view.scale * 100.0).round() as u32;
    use_effect_with(
        (lang, model.view.theme, text_percent),
        move |(lang, theme, text_percent)| {
            if sync {
                browser::set_document_language(lang.code(), i18n::tr(*lang, Msg::AppTitle));
                browser::set_page_text(theme.name(), *text_percent);
            }
        },
    );
}

/// How the page draws a single ray (the drawing and a compared one): on a phone the drawing is
/// small, so its labels are drawn (and laid out) larger, as at 175 %, and without the inset's
/// key (style.css hides the inset's caption there).
pub(super) fn page_drawing_options(
    theme: Theme,
    lang: Lang,
    text_scale: f64,
    legend: bool,
) -> SceneOptions {
    let narrow = browser::narrow_screen();
    SceneOptions {
        theme,
        lang,
        text_scale: if narrow {
            text_scale.max(1.75)
        } else {
            text_scale
        },
        legend: legend && !narrow,
        ..Default::default()
    }
}

/// The evaluation of the drawn state, and its drawing when it could be evaluated.
pub(super) type Drawn = (Result<Rc<Evaluation>, ModelError>, Option<Rc<Node>>);

/// The model's evaluation of the drawn state and the drawing: one evaluation per change of the
/// state, theme, language, text size or load.
#[hook]
pub(super) fn use_drawing(
    shown: State,
    theme: Theme,
    lang: Lang,
    text_scale: f64,
    load_fraction: f64,
    legend: bool,
) -> Rc<Drawn> {
    use_memo(
        (shown, theme, lang, text_scale, load_fraction, legend),
        |(s, theme, lang, text_scale, load, legend)| {
            let evaluation = evaluate(&s.to_params()).map(Rc::new);
            let drawing = evaluation.as_ref().ok().map(|e| {
                Rc::new(
                    scene::build_loaded(
                        s,
                        e,
                        &page_drawing_options(*theme, *lang, *text_scale, *legend),
                        *load,
                    )
                    .root,
                )
            });
            (evaluation, drawing)
        },
    )
}
