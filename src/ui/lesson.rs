//! The lesson page (wasm only, whole app): `lesson=NAME|JSON&step=N` opens it (README
//! "Lessons").
//!
//! [`LessonApp`] owns the lesson, the step shown and the URL. Beside (or, on a narrow screen,
//! under) the drawing it shows the step's caption, the buttons and the step counter, a
//! challenge's conditions live, and with `present=1` the speaker notes and the next step. It
//! wraps the single-ray [`App`] (ordered to each single-ray step's state through
//! [`GoTo`], animated) or, for a plan step, the forefoot plan page. The keys PageDown, PageUp,
//! Space and the arrows step through the lesson when no control has the focus; at either end
//! they go on to the slide deck around an embedded page. Windows of one lesson on one computer
//! follow each other (a `BroadcastChannel`); a slide deck's `osteoviz-embed.js` learns the
//! step from `osteoviz:lesson` messages and steps it with `osteoviz:lesson-go`.
//!
//! Part of the interface: it may import any layer below (the lesson, the plan, the query) and
//! the pages it wraps.
//!
//! DOM contracts: `.lesson-panel` with `h2.lesson-step-title`, `.lesson-text`,
//! `.lesson-counter` (`data-step`, `data-steps`), `button[name=lesson-previous]`,
//! `button[name=lesson-next]`; a challenge's `.lesson-challenge` with one
//! `li[data-condition][data-met="true|false"]` per condition and `.lesson-solved`; the
//! presenter's `.lesson-notes` and `.lesson-up-next`; `.lesson-error` for a lesson that cannot
//! be opened; the builder's `button[name=lesson-add-step]`, `button[name=lesson-download]`.

use super::model::GoTo;
use super::plan::{AppChange, PlanApp, PlanGoTo, PlanHook};
use super::{browser, App};
use crate::state::i18n::{tr, trf, Msg};
use crate::state::lesson::check::{conditions_met, evaluate_state, no_warnings};
use crate::state::lesson::{built_in, Lesson, StepAction, Text, BUILT_IN};
use crate::state::plan::is_plan_query;
use crate::state::query::{parse_query, parse_query_with, to_query};
use crate::state::readouts::verdict_text_in;
use crate::state::view::{Lang, View, VIEW_KEYS};
use crate::state::State;
use js_sys::{Object, Reflect};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// The view keys the lesson owns (the App inside gets the others).
const LESSON_KEYS: [&str; 3] = ["lesson", "step", "present"];
/// The channel the windows of a lesson talk on.
const CHANNEL: &str = "osteoviz-lesson";
/// Where the lesson being written is kept between visits.
const DRAFT_KEY: &str = "osteoviz-lesson-draft";

/// Whether the page's URL asks for a lesson.
pub fn is_lesson_page() -> bool {
    crate::state::query::pairs(&browser::current_query())
        .iter()
        .any(|(k, _)| k == "lesson")
        || hash_lesson().is_some()
}

/// A lesson file carried in the URL's fragment (`#lesson=JSON`, percent-encoded): a lesson of
/// one's own travels there, not in the query, which servers limit (about 8 kB) and receive.
fn hash_lesson() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    crate::state::query::pairs(hash.trim_start_matches('#'))
        .into_iter()
        .rev()
        .find(|(k, _)| k == "lesson")
        .map(|(_, v)| v)
        .filter(|v| !v.trim().is_empty())
}

/// Mounts [`LessonApp`] into the document body.
pub fn start() {
    crate::state::i18n::enable_lesson_messages();
    crate::state::i18n::enable_plan_messages();
    yew::Renderer::<LessonApp>::new().render();
}

/// The lesson named or carried by a `lesson=` value: a built-in name, or a lesson file's JSON.
fn open(source: &str, lang: Lang) -> Result<Rc<Lesson>, String> {
    let source = source.trim();
    if source.starts_with('{') {
        return Lesson::from_json(source)
            .map(Rc::new)
            .map_err(|e| e.to_string());
    }
    built_in(source).map(Rc::new).ok_or_else(|| {
        trf(
            lang,
            Msg::LessonUnknown,
            &[
                ("name", &source),
                ("list", &BUILT_IN.map(|(n, _)| n).join(", ")),
            ],
        )
    })
}

/// The lesson page's state.
#[derive(Clone, Debug, PartialEq)]
pub struct LessonModel {
    /// The `lesson=` value as written (a name, or JSON).
    source: String,
    /// The lesson, or why it cannot be opened.
    lesson: Result<Rc<Lesson>, String>,
    /// The step shown, from 0.
    step: usize,
    /// The view pairs the wrapped page gets (theme, scale, lang, embed, controls, …).
    view_pairs: Vec<(String, String)>,
    /// The view as read (language, presenter view).
    view: View,
    /// The learner's state, as the App last reported it (challenges).
    learner: Option<State>,
    /// The state the URL asked for at the step (a learner's, kept by a reload or a link), until
    /// the next move.
    start: Option<State>,
    /// Hints shown in the current step.
    hints: usize,
    /// Bumped on every move: a new order to the App, even to the same state.
    nonce: u32,
    /// The last move was the user's (a button, a key, the deck): the other windows follow it.
    /// A move that came from another window, or the page opening, is not announced.
    announce: bool,
    /// What the URL said that was not taken as written.
    notices: Vec<String>,
}

/// What the lesson page can do.
pub enum LessonAction {
    /// Show step `n` (from 0), clamped to the lesson.
    Go(usize),
    /// Show step `n` because another window of the lesson did.
    Follow(usize),
    /// The next step.
    Next,
    /// The previous step.
    Previous,
    /// The App changed (the learner moved a control, or the view).
    FromApp(AppChange),
    /// Show one more hint.
    Hint,
    /// The step's own state again.
    Restart,
    /// Open another lesson (a file's text or a built-in's name), at its first step.
    Open(String),
    /// A file that is not a lesson: why (the lesson shown stays).
    Refuse(String),
}

impl Reducible for LessonModel {
    type Action = LessonAction;

    fn reduce(self: Rc<Self>, action: LessonAction) -> Rc<Self> {
        let mut next = (*self).clone();
        let count = self.steps();
        let go = |next: &mut LessonModel, n: usize, announce: bool| {
            next.step = n.min(next.steps().saturating_sub(1));
            next.hints = 0;
            next.learner = None;
            next.start = None;
            next.nonce = next.nonce.wrapping_add(1);
            next.announce = announce;
        };
        match action {
            LessonAction::Go(n) => go(&mut next, n, true),
            // Another window's move: followed, not announced again; the step already shown
            // is kept as it is (a learner's work on it included).
            LessonAction::Follow(n) if n.min(count.saturating_sub(1)) == self.step => return self,
            LessonAction::Follow(n) => go(&mut next, n, false),
            LessonAction::Next if self.step + 1 < count => go(&mut next, self.step + 1, true),
            LessonAction::Previous if self.step > 0 => go(&mut next, self.step - 1, true),
            LessonAction::Next | LessonAction::Previous => return self,
            LessonAction::FromApp(change) => {
                next.learner = Some(change.state);
                next.view_pairs = change
                    .view
                    .into_iter()
                    .filter(|(k, _)| !LESSON_KEYS.contains(&k.as_str()))
                    .collect();
                let (view, _) = View::from_pairs(&next.view_pairs);
                next.view = View {
                    present: self.view.present,
                    // The App's view has no language when the browser's is used: keep ours.
                    lang: view.lang.or(self.view.lang),
                    ..view
                };
                next.announce = false;
            }
            LessonAction::Hint => {
                next.hints += 1;
                next.announce = false;
            }
            LessonAction::Restart => go(&mut next, self.step, false),
            LessonAction::Open(source) => match open(&source, self.lang()) {
                Ok(lesson) => {
                    next.lesson = Ok(lesson);
                    next.source = source;
                    next.notices.clear();
                    go(&mut next, 0, false);
                }
                // A file that is not a lesson: said; the lesson shown stays (and the URL).
                Err(error) if self.lesson.is_ok() => {
                    next.notices = vec![trf(self.lang(), Msg::LessonError, &[("error", &error)])];
                }
                Err(error) => {
                    next.lesson = Err(error);
                    next.notices.clear();
                }
            },
            LessonAction::Refuse(error) if self.lesson.is_ok() => {
                next.notices = vec![trf(self.lang(), Msg::LessonError, &[("error", &error)])];
            }
            LessonAction::Refuse(error) => next.lesson = Err(error),
        }
        Rc::new(next)
    }
}

impl LessonModel {
    /// The page as its URL query describes it.
    pub fn from_query(query: &str) -> Self {
        let parsed = parse_query_with(query, &VIEW_KEYS);
        let (view, view_notices) = View::from_pairs(&parsed.other);
        let lang = view
            .lang
            .or_else(|| browser::browser_language().and_then(|t| Lang::from_tag(&t)))
            .unwrap_or_default();
        let source = view.lesson.clone().unwrap_or_default();
        let lesson = open(&source, lang);
        let mut notices: Vec<String> = view_notices.iter().map(|n| n.notice_text(lang)).collect();
        let mut step = view.step.saturating_sub(1);
        if let Ok(l) = &lesson {
            if step >= l.steps.len() {
                let shown = l.steps.len();
                notices.push(trf(
                    lang,
                    Msg::LessonStepClamped,
                    &[
                        ("asked", &view.step.to_string()),
                        ("count", &shown.to_string()),
                        ("shown", &shown.to_string()),
                    ],
                ));
                step = shown - 1;
            }
        }
        // State keys beside the lesson's step: the learner's state at this step (see `query`).
        // Without `step=` (the lecture bar's link carries the page's state), the lesson starts
        // at its own first step.
        let pairs = crate::state::query::pairs(query);
        let start = (pairs.iter().any(|(k, _)| k == "step")
            && pairs
                .iter()
                .any(|(k, _)| crate::state::query::is_state_key(k)))
        .then_some(parsed.state);
        let view_pairs = parsed
            .other
            .into_iter()
            .filter(|(k, _)| !LESSON_KEYS.contains(&k.as_str()))
            .collect();
        LessonModel {
            source,
            lesson,
            step,
            view_pairs,
            view: View {
                lang: Some(lang),
                ..view
            },
            learner: None,
            start,
            hints: 0,
            nonce: 0,
            announce: false,
            notices,
        }
    }

    fn lang(&self) -> Lang {
        self.view.lang.unwrap_or_default()
    }

    fn steps(&self) -> usize {
        self.lesson.as_ref().map_or(0, |l| l.steps.len())
    }

    /// The URL query and fragment: a built-in lesson by name (`lesson=position&step=2&…`), a
    /// lesson of one's own in the fragment (`step=2&…#lesson=JSON`), the view.
    fn query(&self) -> String {
        let own = self.source.trim_start().starts_with('{');
        let mut q = if own {
            format!("step={}", self.step + 1)
        } else {
            format!("lesson={}&step={}", encode(&self.source), self.step + 1)
        };
        if self.view.present {
            q.push_str("&present=1");
        }
        // The learner's own state at this step, when it is not the step's: a reload or a link
        // keeps it (the URL is the view, here too).
        if let Some(state) = self.learner.or(self.start) {
            let step_query = self
                .lesson
                .as_ref()
                .ok()
                .and_then(|l| l.steps.get(self.step))
                .map(|s| s.query.as_str())
                .filter(|q| !is_plan_query(q));
            if step_query.is_some_and(|q| parse_query(q).state != state) {
                q.push('&');
                q.push_str(&to_query(&state));
            }
        }
        for (k, v) in &self.view_pairs {
            q.push_str(&format!("&{k}={}", encode(v)));
        }
        if own {
            q.push_str("#lesson=");
            q.push_str(&encode(&self.source));
        }
        q
    }

    /// The query the wrapped page starts from: the step's state and the view.
    fn page_query(&self, step_query: &str) -> String {
        let mut q = step_query.to_string();
        for (k, v) in &self.view_pairs {
            q.push_str(&format!("&{k}={}", encode(v)));
        }
        q
    }
}

/// Whether a challenge that lets the learner move `names` allows `action`: a change of one of
/// them, or a way back (undo, redo, reset to the step's start).
pub(super) fn allows(names: &[String], action: &crate::state::Action) -> bool {
    use crate::state::Action;
    let named = |name: &str| names.iter().any(|n| n == name);
    match action {
        Action::Set(key, _) | Action::Step { key, .. } => named(key.spec().name),
        Action::SetLoad(_) => named("load"),
        Action::Undo | Action::Redo | Action::Reset => true,
        Action::SetRay(_)
        | Action::SetReference(_)
        | Action::ApplyPreset(_)
        | Action::Replace(_) => false,
    }
}

/// A URL component, percent-encoded.
fn encode(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}

/// Posts a message to the page around an embedded lesson (a slide deck).
fn tell_parent(fields: &[(&str, JsValue)]) {
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if parent == w {
        return;
    }
    let message = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&message, &JsValue::from_str(k), v);
    }
    let _ = parent.post_message(&message, "*");
}

/// Whether a key goes to the lesson (`Some(forward)`): the slide deck's keys (the same as
/// osteoviz-embed.js's), unless the focus is in a control that takes them (a slider, a number,
/// a select, a text, the drag handle; for Space, also a button, a link or a summary, which it
/// presses). A button keeps the focus after a click: the clicker's page keys still step.
fn lesson_key(e: &web_sys::KeyboardEvent) -> Option<bool> {
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return None;
    }
    let key = e.key();
    let forward = match key.as_str() {
        "PageDown" | "ArrowRight" | "ArrowDown" | " " | "n" | "N" => true,
        "PageUp" | "ArrowLeft" | "ArrowUp" | "p" | "P" => false,
        _ => return None,
    };
    let taken = if key == " " {
        super::keys::focus_on(&["input", "select", "textarea", "button", "a", "summary"])
    } else {
        super::keys::focus_on(&["input", "select", "textarea"])
    };
    (!taken).then_some(forward)
}

/// The step's keys, the slide deck's messages and the other windows of the lesson.
#[hook]
fn use_lesson_events(model: &UseReducerHandle<LessonModel>) {
    let page = model.dispatcher();
    let position = (model.step, model.steps());
    // Keys: before the App's own listener (which hands deck keys to the slide deck).
    {
        let page = page.clone();
        use_effect_with(position, move |&(step, steps)| {
            let listener =
                Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
                    let Some(forward) = lesson_key(&e) else {
                        return;
                    };
                    let can = if forward { step + 1 < steps } else { step > 0 };
                    if can {
                        e.prevent_default();
                        e.stop_immediate_propagation();
                        page.dispatch(if forward {
                            LessonAction::Next
                        } else {
                            LessonAction::Previous
                        });
                    }
                });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback_and_bool(
                    "keydown",
                    listener.as_ref().unchecked_ref(),
                    true,
                );
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback_and_bool(
                        "keydown",
                        listener.as_ref().unchecked_ref(),
                        true,
                    );
                }
            }
        });
    }
    // The deck's clicker (osteoviz-embed.js): `{type: "osteoviz:lesson-go", by: ±1}`.
    {
        let page = page.clone();
        use_effect_with((), move |_| {
            let listener =
                Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                    let data = e.data();
                    let kind = Reflect::get(&data, &"type".into()).ok();
                    if kind.and_then(|k| k.as_string()).as_deref() != Some("osteoviz:lesson-go") {
                        return;
                    }
                    let by = Reflect::get(&data, &"by".into())
                        .ok()
                        .and_then(|b| b.as_f64())
                        .unwrap_or(0.0);
                    if by > 0.0 {
                        page.dispatch(LessonAction::Next);
                    } else if by < 0.0 {
                        page.dispatch(LessonAction::Previous);
                    }
                });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w
                    .add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "message",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    // The other windows of this lesson (the presenter's and the projector's).
    let channel = use_memo((), |_| web_sys::BroadcastChannel::new(CHANNEL).ok());
    {
        let page = page.clone();
        let source = model.source.clone();
        let channel = channel.clone();
        use_effect_with(source, move |source| {
            let source = source.clone();
            let listener =
                Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                    let data = e.data();
                    let same = Reflect::get(&data, &"lesson".into())
                        .ok()
                        .and_then(|l| l.as_string())
                        .is_some_and(|l| l == source);
                    let step = Reflect::get(&data, &"step".into())
                        .ok()
                        .and_then(|s| s.as_f64());
                    if let (true, Some(step)) = (same, step) {
                        page.dispatch(LessonAction::Follow(step.max(0.0) as usize));
                    }
                });
            if let Some(c) = channel.as_ref() {
                c.set_onmessage(Some(listener.as_ref().unchecked_ref()));
            }
            move || {
                if let Some(c) = channel.as_ref() {
                    c.set_onmessage(None);
                }
                drop(listener);
            }
        });
    }
    // Say where the lesson is: to the URL, the deck around it and the other windows.
    {
        let query = model.query();
        let source = model.source.clone();
        use_effect_with(query, move |query| browser::replace_query(query));
        use_effect_with(position, move |(step, steps)| {
            tell_parent(&[
                ("type", "osteoviz:lesson".into()),
                ("step", (*step as f64 + 1.0).into()),
                ("steps", (*steps as f64).into()),
            ]);
        });
        // Only the user's moves, once each (not a window opening, nor a move it followed).
        let announce = model.announce.then_some(model.step);
        use_effect_with((model.nonce, announce), move |(_, announce)| {
            if let (Some(step), Some(c)) = (announce, channel.as_ref()) {
                let message = Object::new();
                let _ = Reflect::set(&message, &"lesson".into(), &source.into());
                let _ = Reflect::set(&message, &"step".into(), &(*step as f64).into());
                let _ = c.post_message(&message);
            }
        });
    }
}

/// The lesson page.
#[component(LessonApp)]
pub fn lesson_app() -> Html {
    let model = use_reducer(|| {
        let mut query = browser::current_query();
        if let Some(own) = hash_lesson() {
            query.push_str("&lesson=");
            query.push_str(&encode(&own));
        }
        LessonModel::from_query(&query)
    });
    use_lesson_events(&model);
    let page = model.dispatcher();
    let on_change = use_callback(page.clone(), |change: AppChange, page| {
        page.dispatch(LessonAction::FromApp(change))
    });
    let lang = model.lang();
    // The document's language, and the theme and text size the page's rem follows (the
    // wrapped page does not touch the document: it runs with `sync_url` off).
    {
        let text_percent = (model.view.scale * 100.0).round() as u32;
        use_effect_with(
            (lang, model.view.theme, text_percent),
            move |(lang, theme, text_percent)| {
                browser::set_document_language(lang.code(), tr(*lang, Msg::AppTitle));
                browser::set_page_text(theme.name(), *text_percent);
            },
        );
    }
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let page = page.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                read_file(file, page.clone());
            }
        })
    };
    let lesson = match &model.lesson {
        Ok(l) => l.clone(),
        Err(error) => {
            // The page stays usable: the model without the lesson.
            let text = trf(lang, Msg::LessonError, &[("error", error)]);
            let hook = PlanHook {
                on_change,
                panel: html! {},
                only_controls: None,
            };
            let query = model.page_query("");
            // The lessons' menu (another lesson, a file) and the builder stay at hand.
            return html! {
                <div class="lesson-page lesson-broken" {ondragover} {ondrop}>
                    <p class="lesson-error notice" role="alert">{ text }</p>
                    <ContextProvider<PlanHook> context={hook}>
                        <App query={AttrValue::from(query)} sync_url={false} />
                    </ContextProvider<PlanHook>>
                    <aside class="lesson-panel">
                        { lessons_menu(&model, lang) }
                        { builder(&model, lang) }
                    </aside>
                </div>
            };
        }
    };
    let step = &lesson.steps[model.step];
    let plan_step = is_plan_query(&step.query);
    let figure = if plan_step {
        // One plan page for consecutive plan steps, ordered to each (its rays move there).
        let query = model.page_query(&step.query);
        let goto = PlanGoTo {
            plan: crate::state::plan::parse_plan_query(&step.query).plan,
            nonce: model.nonce,
        };
        html! { <PlanApp key="plan" query={AttrValue::from(query)} sync_url={false} goto={Some(goto)} /> }
    } else {
        let state = model
            .start
            .unwrap_or_else(|| parse_query(&step.query).state);
        let goto = GoTo {
            state,
            play: step.action == Some(StepAction::Play),
            weight: step.action == Some(StepAction::Weight),
            nonce: model.nonce,
        };
        let only_controls = step
            .challenge
            .as_ref()
            .map(|c| Rc::<[String]>::from(c.controls.clone()));
        let hook = PlanHook {
            on_change,
            panel: html! {},
            only_controls,
        };
        // The App starts on the first single-ray step it shows, and is then ordered about.
        let query = model.page_query(
            &model
                .start
                .map_or_else(|| step.query.clone(), |s| to_query(&s)),
        );
        html! {
            <ContextProvider<PlanHook> context={hook}>
                <App key="ray" query={AttrValue::from(query)} sync_url={false} goto={Some(goto)} />
            </ContextProvider<PlanHook>>
        }
    };
    use_highlights(highlights(&step.highlight));
    let theme = model
        .view_pairs
        .iter()
        .rev()
        .find(|(k, _)| k == "theme")
        .map_or("light", |(_, v)| v.as_str());
    let classes = classes!(
        "lesson-page",
        format!("theme-{theme}"),
        model.view.present.then_some("presenting"),
        model.view.embed.then_some("embed"),
    );
    html! {
        <div class={classes} {ondragover} {ondrop}>
            <div class="lesson-figure">{ figure }</div>
            { panel(&model, &lesson, lang) }
        </div>
    }
}

/// Applies a stylesheet made for the step (its highlights): a constructed sheet adopted by the
/// document, which the page's strict style policy allows (no `<style>` element).
#[hook]
fn use_highlights(css: String) {
    let sheet = use_memo((), |_| web_sys::CssStyleSheet::new().ok());
    use_effect_with(css, move |css| {
        let Some(sheet) = sheet.as_ref() else { return };
        let _ = sheet.replace_sync(css);
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let adopted = js_sys::Array::of1(sheet);
            let _ = Reflect::set(&document, &"adoptedStyleSheets".into(), &adopted);
        }
    });
}

/// The step's highlighted readouts and parts of the drawing, as a stylesheet (both are the
/// wrapped page's).
fn highlights(keys: &[String]) -> String {
    keys.iter()
        .filter(|k| {
            k.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-')
        })
        .map(|k| {
            // A name may be both (`verdict`): both are emphasised.
            let mut rule = format!(
                ".readout:has(output[data-outcome=\"{k}\"]),td:has(output[data-outcome=\"{k}\"]){{outline:0.2rem solid var(--accent);outline-offset:0.1rem;border-radius:0.2rem}}"
            );
            if crate::state::lesson::DRAWING_PARTS.contains(&k.as_str()) {
                rule.push_str(&format!(
                    "svg.scene g.{k}{{filter:drop-shadow(0 0 0.25rem var(--accent))}}"
                ));
            }
            rule
        })
        .collect()
}

fn text_in(t: &Text, lang: Lang) -> String {
    t.get(lang).to_string()
}

/// The caption beside the drawing: title, text, counter, buttons; a challenge; the notes.
fn panel(model: &UseReducerHandle<LessonModel>, lesson: &Rc<Lesson>, lang: Lang) -> Html {
    let page = model.dispatcher();
    let step = &lesson.steps[model.step];
    let (n, count) = (model.step + 1, lesson.steps.len());
    let go = |action: fn() -> LessonAction| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.dispatch(action()))
    };
    let notices = (!model.notices.is_empty()).then(|| {
        html! { <p class="notice" role="status">{ model.notices.join(" · ") }</p> }
    });
    let presenter = model.view.present.then(|| {
        let notes = step.notes.as_ref().map_or_else(
            || tr(lang, Msg::LessonNoNotes).to_string(),
            |t| text_in(t, lang),
        );
        let up_next = lesson.steps.get(model.step + 1).map_or_else(
            || tr(lang, Msg::LessonEnd).to_string(),
            |s| trf(lang, Msg::LessonUpNext, &[("title", &s.title.get(lang))]),
        );
        html! {
            <>
                <section class="lesson-notes" aria-label={tr(lang, Msg::LessonNotes)}>
                    <h3>{ tr(lang, Msg::LessonNotes) }</h3>
                    <p>{ notes }</p>
                </section>
                <p class="lesson-up-next">{ up_next }</p>
            </>
        }
    });
    html! {
        <aside class="lesson-panel" aria-label={tr(lang, Msg::LessonLabel)}>
            { for notices }
            <p class="lesson-title">{ tr(lang, Msg::LessonLabel) }{ " · " }{ lesson.title.get(lang) }</p>
            <div class="lesson-caption" aria-live="polite">
                <h2 class="lesson-step-title">{ step.title.get(lang) }</h2>
                <p class="lesson-text">{ step.text.get(lang) }</p>
            </div>
            if step.challenge.is_some() {
                { challenge(model, step, lang) }
            }
            <nav class="lesson-nav" aria-label={tr(lang, Msg::LessonLabel)}>
                <button name="lesson-previous" disabled={n == 1} onclick={go(|| LessonAction::Previous)}
                    aria-keyshortcuts="PageUp">{ tr(lang, Msg::LessonPrevious) }</button>
                <span class="lesson-counter" data-step={n.to_string()} data-steps={count.to_string()}>
                    { trf(lang, Msg::LessonStepOf, &[("n", &n.to_string()), ("count", &count.to_string())]) }
                </span>
                <button name="lesson-next" disabled={n == count} onclick={go(|| LessonAction::Next)}
                    aria-keyshortcuts="PageDown">{ tr(lang, Msg::LessonNext) }</button>
            </nav>
            <p class="lesson-keys">{ tr(lang, Msg::LessonKeys) }</p>
            { for presenter }
            if !model.view.embed {
                { lessons_menu(model, lang) }
                { builder(model, lang) }
            }
        </aside>
    }
}

/// A challenge: what the learner may move, each condition live, hints, "solved".
fn challenge(
    model: &UseReducerHandle<LessonModel>,
    step: &crate::state::lesson::Step,
    lang: Lang,
) -> Html {
    let Some(c) = &step.challenge else {
        return html! {};
    };
    let page = model.dispatcher();
    let learner = model
        .learner
        .unwrap_or_else(|| parse_query(&step.query).state);
    let json = evaluate_state(&learner).ok();
    let met = json.as_ref().map_or_else(
        || vec![false; c.conditions.len()],
        |j| conditions_met(&c.conditions, j),
    );
    // Solved only where the model has no warning (a cut through the joint meets no challenge).
    let warned = json.as_ref().is_some_and(|j| !no_warnings(j));
    let solved = !warned && met.iter().all(|&m| m);
    let conditions = c.conditions.iter().zip(&met).map(|(cond, met)| {
        let value = json
            .as_ref()
            .and_then(|j| crate::state::lesson::check::lookup(j, &cond.key))
            .map(|v| match (v.as_f64(), v.as_str()) {
                (Some(x), _) => crate::state::i18n::number(lang, x, 2),
                (None, Some(t)) => crate::model::Verdict::ALL
                    .into_iter()
                    .find(|v| v.key() == t)
                    .map_or_else(|| t.to_string(), |v| verdict_text_in(lang, v).to_string()),
                (None, None) => v.to_string(),
            })
            .unwrap_or_default();
        let state = if *met { Msg::LessonConditionMet } else { Msg::LessonConditionUnmet };
        html! {
            <li data-condition={cond.key.clone()} data-met={met.to_string()}>
                <span class="lesson-condition-mark" aria-hidden="true">{ if *met { "✓" } else { "○" } }</span>
                { condition_text(cond, lang) }{ " (" }<output>{ value }</output>{ ") · " }{ tr(lang, state) }
            </li>
        }
    });
    let hints = c
        .hints
        .iter()
        .take(model.hints)
        .map(|h| html! { <li>{ h.get(lang) }</li> });
    let more_hints = model.hints < c.hints.len();
    let hint = {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.dispatch(LessonAction::Hint))
    };
    let restart = Callback::from(move |_: MouseEvent| page.dispatch(LessonAction::Restart));
    html! {
        <section class={classes!("lesson-challenge", solved.then_some("solved"))} aria-label={tr(lang, Msg::LessonChallenge)}>
            <h3>{ tr(lang, Msg::LessonChallenge) }</h3>
            <p>{ trf(lang, Msg::LessonChallengeControls, &[("list", &c.controls.iter().map(|k| control_label(k, lang)).collect::<Vec<_>>().join(", "))]) }</p>
            <ul class="lesson-conditions">{ for conditions }</ul>
            if warned {
                <p class="lesson-warned" data-warned="true">{ tr(lang, Msg::LessonWarned) }</p>
            }
            if solved {
                <p class="lesson-solved" role="status">{ tr(lang, Msg::LessonSolved) }</p>
            }
            if !c.hints.is_empty() {
                <ul class="lesson-hints">{ for hints }</ul>
            }
            <div class="lesson-challenge-actions">
                if more_hints {
                    <button name="lesson-hint" onclick={hint}>{ tr(lang, Msg::LessonHint) }</button>
                }
                <button name="lesson-restart" onclick={restart}>{ tr(lang, Msg::LessonRestart) }</button>
            </div>
        </section>
    }
}

/// A readout's label by its `osteoviz eval` key (its own key where the page has no readout).
fn readout_label(key: &str, lang: Lang) -> String {
    use crate::state::readouts::{READOUTS, SETTLED_READOUTS};
    READOUTS
        .iter()
        .find(|r| r.path == key)
        .map(|r| r.label_in(lang))
        .or_else(|| {
            SETTLED_READOUTS
                .iter()
                .find(|r| r.path == key)
                .map(|r| r.label_in(lang))
        })
        .map_or_else(|| key.to_string(), str::to_string)
}

/// A control's label by its query key.
fn control_label(key: &str, lang: Lang) -> String {
    match crate::state::Key::from_name(key) {
        Some(k) => k.spec().label_in(lang).to_string(),
        None if key == "load" => tr(lang, Msg::ControlLoad).to_string(),
        None => key.to_string(),
    }
}

/// A condition in words: "Head rise ≥ 2".
fn condition_text(c: &crate::state::lesson::Expectation, lang: Lang) -> String {
    use crate::state::lesson::{Expected, Test};
    let n = |x: f64| crate::state::i18n::number(lang, x, 2);
    let label = readout_label(&c.key, lang);
    let value = |x: &Expected| match x {
        // A verdict reads as the page writes it.
        Expected::Text(t) => crate::model::Verdict::ALL
            .into_iter()
            .find(|v| v.key() == t)
            .map_or_else(|| t.clone(), |v| verdict_text_in(lang, v).to_string()),
        Expected::Number(x) => n(*x),
        Expected::Flag(b) => b.to_string(),
    };
    match &c.test {
        Test::AtLeast(x) => format!("{label} ≥ {}", n(*x)),
        Test::AtMost(x) => format!("{label} ≤ {}", n(*x)),
        Test::Is(x) => format!("{label} = {}", value(x)),
        Test::IsNot(x) => format!("{label} ≠ {}", value(x)),
        Test::Change(ch) => format!("{label} {}", ch.name()),
    }
}

/// The built-in lessons, a lesson file to open (picker or drop), the presenter view.
fn lessons_menu(model: &UseReducerHandle<LessonModel>, lang: Lang) -> Html {
    let page = model.dispatcher();
    let onchange = {
        let page = page.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            page.dispatch(LessonAction::Open(select.value()));
        })
    };
    let onfile = {
        let page = page.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read_file(file, page.clone());
            }
        })
    };
    let current = model.source.clone();
    let present_href = {
        let mut m = (**model).clone();
        m.view.present = true;
        format!("?{}", m.query())
    };
    let share = {
        let lesson = model.lesson.clone();
        let view_pairs = model.view_pairs.clone();
        let source = model.source.clone();
        Callback::from(move |_: MouseEvent| {
            if lesson.is_ok() {
                // The lesson as opened (its windows know it by that text): a built-in by
                // name, one's own in the fragment.
                let own = source.trim_start().starts_with('{');
                let mut link = browser::page_address();
                link.push_str(if own { "?step=1" } else { "?lesson=" });
                if !own {
                    link.push_str(&encode(&source));
                }
                for (k, v) in &view_pairs {
                    link.push_str(&format!("&{k}={}", encode(v)));
                }
                if own {
                    link.push_str("#lesson=");
                    link.push_str(&encode(&source));
                }
                browser::copy_text(&link);
            }
        })
    };
    html! {
        <details class="lesson-menu">
            <summary>{ tr(lang, Msg::LessonList) }</summary>
            <label>{ tr(lang, Msg::LessonList) }{ " " }
                <select name="lesson" autocomplete="off" {onchange}>
                    { for BUILT_IN.iter().map(|(name, _)| {
                        let title = built_in(name).map(|l| l.title.get(lang).to_string()).unwrap_or_default();
                        html! { <option value={*name} selected={current == *name}>{ title }</option> }
                    }) }
                    if BUILT_IN.iter().all(|(n, _)| *n != current) {
                        <option value="" selected=true disabled=true>{ "…" }</option>
                    }
                </select>
            </label>
            <label class="lesson-file">{ tr(lang, Msg::LessonOpenFile) }{ " " }
                <input type="file" name="lesson-file" accept=".json,application/json" onchange={onfile} />
            </label>
            <p class="note">{ tr(lang, Msg::LessonDrop) }</p>
            <p><a class="lesson-present" href={present_href} target="_blank" title={tr(lang, Msg::LessonPresentTitle)}>{ tr(lang, Msg::LessonPresent) }{ " ↗" }</a></p>
            if model.lesson.is_ok() {
                <p><button name="lesson-share" onclick={share}>{ tr(lang, Msg::LessonShare) }</button></p>
            }
        </details>
    }
}

/// Reads a lesson file and opens it (its text goes in the URL: a reload keeps it).
fn read_file(file: web_sys::File, page: UseReducerDispatcher<LessonModel>) {
    yew::platform::spawn_local(async move {
        let name = file.name();
        // Not read at all when too large: a lesson is text.
        if let Some(e) = crate::state::lesson::size_error(file.size() as usize) {
            page.dispatch(LessonAction::Refuse(format!("{name}: {e}")));
            return;
        }
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default();
        // Compact JSON in the URL; a file that is not a lesson is refused with its reason.
        match Lesson::from_json(&text) {
            Ok(_) => {
                let compact = serde_json::from_str::<serde_json::Value>(&text)
                    .map(|v| v.to_string())
                    .unwrap_or(text);
                page.dispatch(LessonAction::Open(compact));
            }
            Err(e) => page.dispatch(LessonAction::Refuse(format!("{name}: {e}"))),
        }
    });
}

/// The draft lesson kept in this browser (`localStorage`), or a new one.
fn draft(lang: Lang) -> serde_json::Value {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(DRAFT_KEY).ok().flatten())
        .and_then(|t| serde_json::from_str(&t).ok())
        .filter(|v: &serde_json::Value| v.get("steps").is_some_and(|s| s.is_array()))
        .unwrap_or_else(
            || serde_json::json!({ "title": tr(lang, Msg::LessonBuilderLessonTitle), "steps": [] }),
        )
}

fn save_draft(draft: &serde_json::Value) {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(DRAFT_KEY, &draft.to_string());
    }
}

/// "Add this view as a step": the learner's state with a title and a caption, into a draft
/// kept in the browser, downloaded as a lesson file or opened as a lesson.
fn builder(model: &UseReducerHandle<LessonModel>, lang: Lang) -> Html {
    html! { <Builder lang={lang} state={model.learner} page={model.dispatcher()} /> }
}

#[derive(Properties, PartialEq)]
struct BuilderProps {
    lang: Lang,
    state: Option<State>,
    page: UseReducerDispatcher<LessonModel>,
}

#[component(Builder)]
fn builder_component(props: &BuilderProps) -> Html {
    let lang = props.lang;
    let draft = use_state(|| draft(lang));
    let title_ref = use_node_ref();
    let text_ref = use_node_ref();
    let steps = draft
        .get("steps")
        .and_then(|s| s.as_array())
        .map_or(0, |s| s.len());
    let add = {
        let draft = draft.clone();
        let (title_ref, text_ref) = (title_ref.clone(), text_ref.clone());
        let state = props.state;
        Callback::from(move |_: MouseEvent| {
            let Some(state) = state else { return };
            let value = |r: &NodeRef| {
                r.cast::<web_sys::HtmlInputElement>()
                    .map(|i| i.value())
                    .or_else(|| r.cast::<web_sys::HtmlTextAreaElement>().map(|t| t.value()))
                    .unwrap_or_default()
            };
            let (title, text) = (value(&title_ref), value(&text_ref));
            // Read again: another tab may have added steps since this one opened.
            let mut next = self::draft(lang);
            if let Some(steps) = next.get_mut("steps").and_then(|s| s.as_array_mut()) {
                let n = steps.len() + 1;
                steps.push(serde_json::json!({
                    "query": to_query(&state),
                    "title": if title.trim().is_empty() { format!("{n}") } else { title },
                    "text": if text.trim().is_empty() { "…".to_string() } else { text },
                }));
            }
            save_draft(&next);
            draft.set(next);
        })
    };
    let download = {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let text = serde_json::to_string_pretty(&*draft).unwrap_or_default();
            browser::download_text(&text, "application/json", "osteoviz-lesson.json");
        })
    };
    let open_it = {
        let draft = draft.clone();
        let page = props.page.clone();
        Callback::from(move |_: MouseEvent| page.dispatch(LessonAction::Open(draft.to_string())))
    };
    let clear = {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let empty = serde_json::json!({ "title": tr(lang, Msg::LessonBuilderLessonTitle), "steps": [] });
            save_draft(&empty);
            draft.set(empty);
        })
    };
    html! {
        <details class="lesson-builder">
            <summary>{ tr(lang, Msg::LessonBuilder) }</summary>
            <label>{ tr(lang, Msg::LessonBuilderTitle) }
                <input type="text" name="lesson-step-title" ref={title_ref} autocomplete="off" />
            </label>
            <label>{ tr(lang, Msg::LessonBuilderText) }
                <textarea name="lesson-step-text" rows="3" ref={text_ref} />
            </label>
            <p><button name="lesson-add-step" disabled={props.state.is_none()} onclick={add}>{ tr(lang, Msg::LessonBuilderAdd) }</button></p>
            <p class="lesson-draft" data-steps={steps.to_string()}>{ trf(lang, Msg::LessonBuilderCount, &[("n", &steps.to_string())]) }</p>
            if steps > 0 {
                <p class="lesson-builder-actions">
                    <button name="lesson-download" onclick={download}>{ tr(lang, Msg::LessonBuilderDownload) }</button>{ " " }
                    <button name="lesson-open-draft" onclick={open_it}>{ tr(lang, Msg::LessonBuilderOpen) }</button>{ " " }
                    <button name="lesson-clear" onclick={clear}>{ tr(lang, Msg::LessonBuilderClear) }</button>
                </p>
            }
        </details>
    }
}
