//! The browser interface: a thin Yew shell over the state, model and scene layers (wasm only).
//!
//! DOM contracts relied on by the tests and by lecturers' scripts: `<main id="app">`; an inline
//! `<svg class="scene">` with a millimetre `viewBox`; for every state key a range input and a
//! number input with `name` equal to the query key (range inputs have `id="control-KEY"`);
//! readouts `<output data-outcome="JSON_KEY" data-value="FULL_PRECISION">`.

pub mod about;
pub mod controls;
pub mod scene_view;

use crate::model::{evaluate, AngleReference, Evaluation, Ray};
use crate::scene::{self, Node, SceneOptions};
use crate::state::query::{parse_query_with, to_query};
use crate::state::readouts::{display, summary, Value, READOUTS};
use crate::state::{Action, History, Key, Preset, State, KEYS};
use about::About;
use controls::NumberControl;
use scene_view::SceneView;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Query keys owned by the view (not the osteotomy state); passed through the URL untouched.
pub const VIEW_KEYS: [&str; 7] = [
    "theme", "lang", "embed", "controls", "scale", "play", "plan",
];

/// The page's state: the osteotomy history, plus what the URL said on arrival.
#[derive(Clone, Debug, PartialEq)]
pub struct AppModel {
    pub history: History,
    pub notices: Vec<String>,
    /// View keys from the URL, kept when the URL is rewritten.
    pub view: Vec<(String, String)>,
}

/// What the page can do: a state action, or dismiss the URL notice.
#[derive(Clone, Debug, PartialEq)]
pub enum PageAction {
    State(Action),
    DismissNotices,
}

impl Reducible for AppModel {
    type Action = PageAction;

    fn reduce(self: Rc<Self>, action: PageAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PageAction::State(a) => next.history.apply(a),
            PageAction::DismissNotices => next.notices.clear(),
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

impl AppModel {
    /// The page as a URL query describes it (unknown and bad keys become notices).
    pub fn from_query(query: &str) -> Self {
        let parsed = parse_query_with(query, &VIEW_KEYS);
        AppModel {
            history: History::new(parsed.state),
            notices: parsed.notices.iter().map(|n| n.to_string()).collect(),
            view: parsed.other,
        }
    }

    /// The URL query for the present state, view keys kept.
    pub fn query(&self) -> String {
        let mut q = to_query(&self.history.present);
        for (k, v) in &self.view {
            q.push('&');
            q.push_str(k);
            q.push('=');
            q.push_str(v);
        }
        q
    }
}

fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Shortcuts that work wherever the focus is: undo, redo, reset.
fn shortcut(e: &web_sys::KeyboardEvent) -> Option<Action> {
    let in_text_box = e
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .is_some_and(|i| i.type_() == "number" || i.type_() == "text");
    let ctrl = e.ctrl_key() || e.meta_key();
    if ctrl && !in_text_box && e.code() == "KeyZ" {
        return Some(if e.shift_key() {
            Action::Redo
        } else {
            Action::Undo
        });
    }
    if ctrl && !in_text_box && e.code() == "KeyY" {
        return Some(Action::Redo);
    }
    if e.alt_key() && !ctrl && e.code() == "KeyR" {
        return Some(Action::Reset);
    }
    None
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The query to start from; the page's URL when absent.
    #[prop_or_default]
    pub query: Option<AttrValue>,
    /// Keep the URL in step with the state (off for embedded test instances).
    #[prop_or(true)]
    pub sync_url: bool,
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
    let state = model.history.present;
    let dispatch = {
        let model = model.dispatcher();
        Callback::from(move |a: Action| model.dispatch(PageAction::State(a)))
    };

    // Global shortcuts on the document.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener =
                Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
                    if let Some(action) = shortcut(&e) {
                        e.prevent_default();
                        dispatch.emit(action);
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

    // The URL follows the state (replaceState: no history entry per slider step).
    {
        let query = model.query();
        let sync = props.sync_url;
        use_effect_with(query, move |query| {
            if sync {
                if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&format!("?{query}")),
                    );
                }
            }
        });
    }

    let evaluation = use_memo(state, |s| evaluate(&s.to_params()).map(Rc::new));
    let theme = model
        .view
        .iter()
        .find(|(k, _)| k == "theme")
        .map(|(_, v)| v.clone())
        .filter(|t| ["light", "dark", "projector"].contains(&t.as_str()))
        .unwrap_or_else(|| "light".into());
    let drawing = use_memo((state, theme.clone()), |(s, theme)| {
        evaluate(&s.to_params()).ok().map(|e| {
            Rc::new(
                scene::build(
                    s,
                    &e,
                    &SceneOptions {
                        theme: theme.clone(),
                        ..Default::default()
                    },
                )
                .root,
            )
        })
    });

    let body = match (&*evaluation, &*drawing) {
        (Ok(e), Some(root)) => stage(&state, e.clone(), root.clone(), &dispatch),
        (Err(err), _) => html! {
            <div class="error" role="alert">
                { format!("This combination cannot be drawn: {err}. ") }
                <button onclick={dispatch.reform(|_| Action::Reset)}>{ "Reset" }</button>
            </div>
        },
        _ => html! {},
    };

    let dismiss = model.dispatcher();
    html! {
        <main id="app" class={classes!("app", format!("theme-{theme}"))}>
            <header class="app-header">
                <h1>{ "osteoviz" }<span class="subtitle">{ " · DMMO geometry, sagittal view from medial" }</span></h1>
                { toolbar(&model.history, &dispatch) }
            </header>
            if !model.notices.is_empty() {
                <div class="notice" role="status">
                    <span>{ format!("The link was adjusted: {}.", model.notices.join("; ")) }</span>
                    <button class="dismiss" aria-label="Dismiss the notice"
                        onclick={Callback::from(move |_| dismiss.dispatch(PageAction::DismissNotices))}>{ "×" }</button>
                </div>
            }
            { body }
            <About />
        </main>
    }
}

fn toolbar(history: &History, dispatch: &Callback<Action>) -> Html {
    let state = history.present;
    let current = crate::state::query::matching_preset(&state);
    let presets = Preset::ALL.iter().map(|p| {
        let p = *p;
        html! {
            <button class={classes!("preset", (current == Some(p)).then_some("active"))}
                data-preset={p.name()} title={p.description()}
                aria-pressed={(current == Some(p)).to_string()}
                onclick={dispatch.reform(move |_| Action::ApplyPreset(p))}>{ p.label() }</button>
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
        <nav class="toolbar" aria-label="Presets and history">
            <div class="presets" role="group" aria-label="Presets">{ for presets }</div>
            <label class="ray-select">{ "Ray " }
                <select name="ray" onchange={onray}>
                    { for Ray::ALL.iter().map(|r| html! {
                        <option value={r.number().to_string()} selected={*r == state.ray}>{ format!("M{}", r.number()) }</option>
                    }) }
                </select>
            </label>
            <div class="history" role="group" aria-label="History">
                <button name="undo" disabled={!history.can_undo()} aria-keyshortcuts="Control+Z"
                    onclick={dispatch.reform(|_| Action::Undo)}>{ "Undo" }</button>
                <button name="redo" disabled={!history.can_redo()} aria-keyshortcuts="Control+Shift+Z"
                    onclick={dispatch.reform(|_| Action::Redo)}>{ "Redo" }</button>
                <button name="reset" aria-keyshortcuts="Alt+R"
                    onclick={dispatch.reform(|_| Action::Reset)}>{ "Reset" }</button>
            </div>
        </nav>
    }
}

fn stage(
    state: &State,
    evaluation: Rc<Evaluation>,
    root: Rc<Node>,
    dispatch: &Callback<Action>,
) -> Html {
    let control = |key: Key| html! { <NumberControl key_={key} state={*state} dispatch={dispatch.clone()} /> };
    let cut_label = match state.reference {
        AngleReference::Shaft => "Cut angle to the shaft φ",
        AngleReference::Ground => "Cut angle to the ground θ",
    };
    let onref = dispatch.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::SetReference(if input.value() == "ground" {
            AngleReference::Ground
        } else {
            AngleReference::Shaft
        })
    });
    let onburr = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(d) = input.value().parse::<f64>() {
                dispatch.emit(Action::Set(
                    Key::Kerf,
                    crate::model::cut::kerf_from_burr_mm(d),
                ));
            }
        })
    };
    let e = &*evaluation;
    let text = summary(state, e);
    let readouts = READOUTS.iter().map(|r| {
        let value = (r.value)(&e.outcomes);
        let data_value = match value {
            Value::Number(v) => v.to_string(),
            Value::Text(t) => t.to_string(),
        };
        html! {
            <div class={classes!("readout", format!("readout-{}", r.key))}>
                <dt>{ r.label }</dt>
                <dd>
                    <output data-outcome={r.key} data-value={data_value}>{ display(r, value) }</output>
                    if r.assumption { <span class="assumption-tag" title="Rests on an assumed value">{ "assumption" }</span> }
                </dd>
            </div>
        }
    });
    let limits = e
        .limits
        .iter()
        .map(|l| html! { <li>{ crate::state::readouts::limit_text(l) }</li> });
    let _ = KEYS;
    html! {
        <div class="workspace">
            <section class="stage" aria-label="Drawing">
                <SceneView scene={root} state={*state} evaluation={evaluation.clone()} dispatch={dispatch.clone()} />
                <p class="summary" aria-live="polite" id="summary">{ text }</p>
                if !e.limits.is_empty() {
                    <ul class="limits" role="status">{ for limits }</ul>
                }
                <section class="readouts-section" aria-label="Outcomes">
                    <h2>{ "Outcomes" }</h2>
                    <dl class="readouts">{ for readouts }</dl>
                </section>
                <p class="hint">{ "Drag the head fragment along the cut, or the round handle on the cut line to turn it. Tab to a handle and use the arrow keys (Shift for larger steps)." }</p>
            </section>
            <aside class="panel" aria-label="Controls and readouts">
                <form class="controls" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <fieldset>
                        <legend>{ "Cut" }</legend>
                        <div class="reference" role="radiogroup" aria-label="Angle reference">
                            <label><input type="radio" name="ref" value="shaft" checked={state.reference == AngleReference::Shaft} onchange={onref.clone()} />{ " to the shaft (φ)" }</label>
                            <label><input type="radio" name="ref" value="ground" checked={state.reference == AngleReference::Ground} onchange={onref} />{ " to the ground (θ)" }</label>
                        </div>
                        <NumberControl key_={Key::Cut} state={*state} dispatch={dispatch.clone()} label={AttrValue::from(cut_label)} />
                        { control(Key::At) }
                        { control(Key::Kerf) }
                        <div class="control control-burr">
                            <label for="number-burr">{ "Kerf from a burr Ø (mm)" }<span class="assumption-tag" title="2.6 mm measured for a 3.1 mm burr, scaled">{ "assumption" }</span></label>
                            <div class="control-inputs">
                                <input type="number" id="number-burr" name="burr" min="1" max="6" step="0.1" placeholder="3.1" onchange={onburr} />
                                <span class="unit">{ "mm" }</span>
                            </div>
                        </div>
                    </fieldset>
                    <fieldset>
                        <legend>{ "Head fragment" }</legend>
                        { control(Key::Close) }
                        { control(Key::Slide) }
                        { control(Key::Tilt) }
                    </fieldset>
                    <fieldset>
                        <legend>{ "Anatomy" }</legend>
                        { control(Key::Decl) }
                        { control(Key::Len) }
                    </fieldset>
                    <fieldset>
                        <legend>{ "Loads" }</legend>
                        { control(Key::Mu) }
                        { control(Key::Pull) }
                    </fieldset>
                </form>
            </aside>
        </div>
    }
}

/// Mounts [`App`] into the document body (called by the `osteoviz-web` binary).
pub fn start() {
    yew::Renderer::<App>::new().render();
}
