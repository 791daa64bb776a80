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

mod builder;
mod events;
mod panel;

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
use builder::builder;
use events::use_lesson_events;
use js_sys::{Object, Reflect};
use panel::{lessons_menu, panel, read_file};
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
        q.push_str(&self.view_suffix());
        if own {
            q.push_str("#lesson=");
            q.push_str(&encode(&self.source));
        }
        q
    }

    /// The query the wrapped page starts from: the step's state and the view.
    fn page_query(&self, step_query: &str) -> String {
        format!("{step_query}{}", self.view_suffix())
    }

    /// The view pairs as the URL writes them (`&theme=projector&…`, values encoded).
    fn view_suffix(&self) -> String {
        self.view_pairs
            .iter()
            .map(|(k, v)| format!("&{k}={}", encode(v)))
            .collect()
    }

    /// A link to this lesson's first step in this view, for someone else: no presenter view,
    /// no learner's state (the same text as [`LessonModel::query`] writes, so the windows that
    /// open it know the lesson as this one does).
    fn share_query(&self) -> String {
        LessonModel {
            step: 0,
            learner: None,
            start: None,
            view: View {
                present: false,
                ..self.view.clone()
            },
            ..self.clone()
        }
        .query()
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
    let theme = model.view.theme.name();
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
