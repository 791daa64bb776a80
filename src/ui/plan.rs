//! The forefoot plan page (wasm only): a plan query (`plan=`, `mN.` keys) opens it.
//!
//! [`PlanApp`] owns the plan (M2, M3, M4, each a single-ray state) and the URL, and wraps the
//! single-ray [`App`]: the App shows and edits the **selected** ray (its sagittal view, controls
//! and readouts) and reports its state through the [`PlanHook`] context; the plan panel (ray
//! selector, presets, top and arch views, harmony indicators, caveat, load heuristic, transfer
//! warnings) is shown inside the App through the same context. Selecting another ray remounts
//! the App on that ray's state (undo history is per selection).
//!
//! Part of the interface: it may import any layer below (the plan's state, its drawings, the
//! model's plan) and the single-ray [`App`] it wraps.
//!
//! DOM contracts: ray selector buttons `button[data-ray="2|3|4"]` (`aria-pressed`), plan presets
//! `button[data-plan="m2|m2m3|m2m3m4"]`, `select[name=compare]`; drawings `svg.plan-top` and
//! `svg.plan-arch`; readouts `<output data-outcome="KEY" data-value="...">` with the JSON keys of
//! `osteoviz eval` (`m2_m3_difference_after_mm`, `heads.m3.load_share_after_pct`, ...), yes/no
//! metrics as `<span data-flag="KEY" data-state="true|false">` (`sm4_normal_after`, ...);
//! transfer warnings `.plan-warning[data-transfer="m3"]`; the caveat `.plan-caveat`.

use super::scene_view::SceneFigure;
use super::App;
use crate::model::plan::{ForefootOutcome, Head};
use crate::model::Ray;
use crate::scene::plan::{arch_view, top_view};
use crate::scene::SceneOptions;
use crate::state::i18n::Msg;
use crate::state::i18n::{fixed, tr, trf};
use crate::state::plan::{
    edit_hint_in, evaluate_plan, head_kind_in, head_metrics, how_load_in, how_views_in,
    is_plan_query, mm_in, parse_plan_query_with, percent_in, plan_metrics, plan_to_query,
    points_in, provenance_in, ray_title_in, signed_mm_in, transfer_text_in, Indicator,
    IndicatorKind, Metric, Plan, PlanEvaluation, PlanMetrics, PlanPreset, HEAD_COLUMNS, INDICATORS,
};
use crate::state::query::{notice_list, to_query, Notice};
use crate::state::view::{Lang, Theme};
use crate::state::view::{View, VIEW_KEYS};
use crate::state::{format_fixed, State};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// What the single-ray [`App`] inside a plan reports when it changes: its state and its view
/// options (as the URL writes them), typed, not as a query to parse again.
#[derive(Clone, Debug, PartialEq)]
pub struct AppChange {
    /// The selected ray's state as the App holds it.
    pub state: State,
    /// The App's view pairs (theme, scale, …), as the URL writes them.
    pub view: Vec<(String, String)>,
}

/// What the plan gives the single-ray [`App`] it wraps (a context; absent outside a plan).
#[derive(Clone, PartialEq)]
pub struct PlanHook {
    /// Called with the App's state and view whenever they change.
    pub on_change: Callback<AppChange>,
    /// The plan panel, shown by the App above its drawing.
    pub panel: Html,
    /// The only controls the App shows (a lesson's challenge), when set.
    #[cfg(feature = "lessons")]
    pub only_controls: Option<Rc<[String]>>,
}

/// The plan context, when the App runs inside a plan.
#[hook]
pub fn use_plan_hook() -> Option<PlanHook> {
    use_context::<PlanHook>()
}

/// The panel to show inside the App (nothing outside a plan).
pub fn panel_slot(hook: &Option<PlanHook>) -> Html {
    hook.as_ref().map(|h| h.panel.clone()).unwrap_or_default()
}

/// A link from the single-ray page to a forefoot plan holding its osteotomy, in the page's
/// theme, text size and language (a lecturer on a projector stays on a projector).
pub fn entry_link(hook: &Option<PlanHook>, state: &State, view: &View, lang: Lang) -> Html {
    if hook.is_some() {
        return html! {};
    }
    let mut plan = Plan::default();
    plan.set_state(*state);
    plan.edit = state.ray;
    let mut href = format!("?{}", plan_to_query(&plan));
    // Names, numbers and language codes: nothing to encode.
    for (key, value) in view.to_pairs() {
        if ["theme", "scale", "lang"].contains(&key.as_str()) {
            href.push_str(&format!("&{key}={value}"));
        }
    }
    html! {
        <a class="plan-entry" href={href} title={tr(lang, Msg::PlanEntryTitle)}>{ tr(lang, Msg::PlanEntry) }</a>
    }
}

/// Whether the page's URL asks for the forefoot plan.
pub fn is_plan_page() -> bool {
    is_plan_query(&super::browser::current_query())
}

/// Mounts [`PlanApp`] into the document body (instead of the single-ray [`App`]).
pub fn start() {
    crate::state::i18n::enable_plan_messages();
    yew::Renderer::<PlanApp>::with_props(PlanAppProps {
        query: None,
        sync_url: true,
        #[cfg(feature = "lessons")]
        goto: None,
    })
    .render();
}

/// The plan page's state.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanModel {
    /// The plan: M2, M3 and M4, the edited ray, the comparison, the load.
    pub plan: Plan,
    /// What the link's parsing changed, shown in the page's language.
    pub notices: Vec<Notice>,
    /// View pairs (theme, scale, ...) as the App last wrote them.
    pub view: Vec<(String, String)>,
    /// Bumped to remount the App on the selected ray's state.
    pub generation: u32,
    /// A lesson's move to its next plan step: one move per ray, while it lasts.
    #[cfg(feature = "lessons")]
    pub transition: Option<[crate::state::animation::Transition; 3]>,
    /// The order the wrapped App gets from a lesson's move (its ray's state in the new plan).
    #[cfg(feature = "lessons")]
    pub app_goto: Option<super::model::GoTo>,
}

/// A lesson's order to the plan page: go to `plan` (every ray moving there), the new order
/// told apart from the last by `nonce`.
#[cfg(feature = "lessons")]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlanGoTo {
    /// The plan to go to.
    pub plan: Plan,
    /// Tells two orders to the same plan apart.
    pub nonce: u32,
}

/// What the plan page can do.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanAction {
    /// The App changed (an edit of the selected ray, or its ray selector).
    FromApp(AppChange),
    /// Select the ray the App shows and edits (remounts the App on its state).
    Select(Ray),
    /// Start over from a plan preset (remounts the App).
    ApplyPreset(PlanPreset),
    /// Draw a plan preset beside this plan, or none.
    Compare(Option<PlanPreset>),
    /// Cut (DMMO preset) or leave uncut.
    Treat(Ray, bool),
    /// Hide the notices about the URL.
    DismissNotices,
    /// A lesson's plan step: move every ray to its state (ui::lesson).
    #[cfg(feature = "lessons")]
    GoTo(PlanGoTo),
    /// Seconds since the last animation frame (the move).
    #[cfg(feature = "lessons")]
    Tick(f64),
}

impl PlanModel {
    /// The plan page as a URL query describes it (unknown and bad keys become notices).
    pub fn from_query(query: &str) -> PlanModel {
        let parsed = parse_plan_query_with(query, &VIEW_KEYS);
        PlanModel {
            plan: parsed.plan,
            notices: parsed.notices,
            view: parsed.other,
            generation: 0,
            #[cfg(feature = "lessons")]
            transition: None,
            #[cfg(feature = "lessons")]
            app_goto: None,
        }
    }

    /// The plan drawn: the plan, or a frame of a lesson's move to it.
    pub fn shown(&self) -> Plan {
        #[cfg(feature = "lessons")]
        if let Some(moves) = &self.transition {
            let mut plan = self.plan;
            for (state, t) in plan.rays.iter_mut().zip(moves) {
                *state = t.frame();
            }
            return plan;
        }
        self.plan
    }

    fn view_suffix(&self) -> String {
        self.view
            .iter()
            .map(|(k, v)| format!("&{k}={v}"))
            .collect::<String>()
    }

    /// The page's URL query: the plan's canonical text and the view pairs.
    pub fn query(&self) -> String {
        format!("{}{}", plan_to_query(&self.plan), self.view_suffix())
    }

    /// The query the wrapped App starts from: the selected ray's state and the view pairs.
    pub fn app_query(&self) -> String {
        format!(
            "{}{}",
            to_query(&self.plan.edited_view()),
            self.view_suffix()
        )
    }

    /// The interface language: the URL's, else the browser's, else English (as the App's).
    pub fn lang(&self) -> Lang {
        View::from_pairs(&self.view)
            .0
            .lang
            .or_else(|| super::browser::browser_language().and_then(|t| Lang::from_tag(&t)))
            .unwrap_or_default()
    }

    /// The colour theme of the view pairs.
    pub fn theme(&self) -> Theme {
        View::from_pairs(&self.view).0.theme
    }
}

impl Reducible for PlanModel {
    type Action = PlanAction;

    fn reduce(self: Rc<Self>, action: PlanAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PlanAction::FromApp(AppChange { state, view }) => {
                next.view = view;
                // The view's "under body weight" is the whole plan's.
                next.plan.load = state.load;
                if state.ray == next.plan.edit {
                    next.plan.set_state(state);
                } else {
                    // The App's own ray selector: select that ray, with its own state.
                    next.plan.edit = state.ray;
                    next.generation += 1;
                }
            }
            PlanAction::Select(ray) => {
                if ray != next.plan.edit {
                    next.plan.edit = ray;
                    next.generation += 1;
                }
            }
            PlanAction::ApplyPreset(p) => {
                next.plan.apply_preset(p);
                next.generation += 1;
            }
            PlanAction::Compare(c) => next.plan.compare = c,
            PlanAction::Treat(ray, treated) => {
                next.plan.set_treated(ray, treated);
                if ray == next.plan.edit {
                    next.generation += 1;
                }
            }
            PlanAction::DismissNotices => next.notices.clear(),
            #[cfg(feature = "lessons")]
            PlanAction::GoTo(go) => {
                use crate::state::animation::Transition;
                let from = self.shown();
                next.plan = go.plan;
                if go.plan.edit != self.plan.edit {
                    next.generation += 1;
                }
                let moving = from.rays != go.plan.rays && !super::browser::prefers_reduced_motion();
                next.transition = moving
                    .then(|| [0, 1, 2].map(|i| Transition::between(from.rays[i], go.plan.rays[i])));
                next.app_goto = Some(super::model::GoTo {
                    state: go.plan.edited_view(),
                    play: false,
                    weight: false,
                    nonce: go.nonce,
                });
            }
            #[cfg(feature = "lessons")]
            PlanAction::Tick(dt) => {
                if let Some(moves) = next.transition.as_mut() {
                    let mut running = false;
                    for t in moves.iter_mut() {
                        running |= t.tick(dt);
                    }
                    if !running {
                        next.transition = None;
                    }
                }
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The properties of the [`PlanApp`]: where its plan comes from and whether it writes the URL.
#[derive(Properties, PartialEq)]
pub struct PlanAppProps {
    /// The query to start from; the page's URL when absent.
    #[prop_or_default]
    pub query: Option<AttrValue>,
    /// Keep the URL in step with the plan.
    #[prop_or(true)]
    pub sync_url: bool,
    /// A lesson's order: go to a plan step (ui::lesson).
    #[cfg(feature = "lessons")]
    #[prop_or_default]
    pub goto: Option<PlanGoTo>,
}

/// The forefoot plan page.
#[component(PlanApp)]
pub fn plan_app(props: &PlanAppProps) -> Html {
    let initial_query = props
        .query
        .as_ref()
        .map(|q| q.to_string())
        .unwrap_or_else(super::browser::current_query);
    let model = use_reducer(move || PlanModel::from_query(&initial_query));
    let dispatcher = model.dispatcher();
    let on_change = use_callback(dispatcher.clone(), |change: AppChange, d| {
        d.dispatch(PlanAction::FromApp(change))
    });
    {
        let query = model.query();
        let sync = props.sync_url;
        use_effect_with(query, move |query| {
            if sync {
                super::browser::replace_query(query);
            }
        });
    }
    // The document's language and title follow the interface language (the wrapped App does
    // not touch the document: it runs with `sync_url` off).
    {
        let sync = props.sync_url;
        use_effect_with(model.lang(), move |lang| {
            if sync {
                super::browser::set_document_language(lang.code(), tr(*lang, Msg::AppTitle));
            }
        });
    }
    #[cfg(feature = "lessons")]
    {
        let d = dispatcher.clone();
        use_effect_with(props.goto, move |go| {
            if let Some(go) = go {
                d.dispatch(PlanAction::GoTo(*go));
            }
        });
        super::hooks::use_animation_clock(
            dispatcher.clone(),
            PlanAction::Tick,
            model.transition.is_some(),
        );
    }
    // What is drawn: the plan, or a frame of a lesson's move to it.
    let shown = model.shown();
    let shown_model;
    let model = if shown == model.plan {
        &*model
    } else {
        shown_model = PlanModel {
            plan: shown,
            ..(*model).clone()
        };
        &shown_model
    };
    let evaluation = use_memo(model.plan, |p| evaluate_plan(p).ok().map(Rc::new));
    let compare = use_memo(model.plan.compare, |c| {
        c.and_then(|p| {
            let plan = Plan::new(p);
            evaluate_plan(&plan).ok().map(|e| Rc::new((plan, e)))
        })
    });
    let panel = panel(
        model,
        evaluation.as_ref().as_ref(),
        compare.as_ref().as_ref(),
        &dispatcher,
    );
    let hook = PlanHook {
        on_change,
        panel,
        #[cfg(feature = "lessons")]
        only_controls: None,
    };
    let key = format!("m{}-{}", model.plan.edit.number(), model.generation);
    // A lesson's move reaches the edited ray's drawing too (moving as the plan's views do).
    #[cfg(feature = "lessons")]
    return html! {
        <ContextProvider<PlanHook> context={hook}>
            <App key={key} query={AttrValue::from(model.app_query())} sync_url={false} goto={model.app_goto} />
        </ContextProvider<PlanHook>>
    };
    #[cfg(not(feature = "lessons"))]
    html! {
        <ContextProvider<PlanHook> context={hook}>
            <App key={key} query={AttrValue::from(model.app_query())} sync_url={false} />
        </ContextProvider<PlanHook>>
    }
}

/// A plan readout: numbers as `<output data-outcome data-value>` (the JSON key, full
/// precision); yes/no metrics as `<span data-flag="KEY" data-state="true|false">`, so that every
/// `output[data-value]` on the page is a number.
fn output(key: String, metric: Metric, text: String) -> Html {
    match metric {
        Metric::Number(_) => {
            html! { <output data-outcome={key} data-value={metric.data_value()}>{ text }</output> }
        }
        Metric::Flag(_) => {
            html! { <span class="flag" data-flag={key} data-state={metric.data_value()}>{ text }</span> }
        }
    }
}

/// One harmony indicator row: before, after, status, threshold, source.
fn indicator(metrics: &PlanMetrics, ind: &Indicator, lang: Lang) -> Html {
    let (key, status_key) = (ind.key, ind.status_key);
    let unit = ind.kind.key_suffix();
    let before_key = format!("{key}_before{unit}");
    let after_key = format!("{key}_after{unit}");
    let [before, after] = (ind.values)(metrics);
    let text = |m: Metric| ind.value_in(lang, m);
    let status_after_key = format!("{status_key}_after");
    let status_before_key = format!("{status_key}_before");
    let [ok_before, ok_after] = (ind.statuses)(metrics).map(Metric::Flag);
    // The pattern row's value is its own status: one output per key.
    let status_output = |key: &str, m: Metric, word: String| {
        if ind.kind == IndicatorKind::Pattern {
            html! {}
        } else {
            output(key.to_string(), m, word)
        }
    };
    let bad = |m: Metric| ind.kind.is_bad(matches!(m, Metric::Flag(true)));
    let word = |m: Metric| ind.status_in(lang, !bad(m));
    let (source, source_short) = ind.source;
    html! {
        <tr class={classes!("indicator", format!("indicator-{key}"), if bad(ok_after) { "out" } else { "ok" })}>
            <th scope="row">{ ind.label_in(lang) }
                if let Some(a) = ind.assumption_in(lang) {
                    <span class="assumption-tag" title={a}>{ tr(lang, Msg::TagAssumption) }</span>
                }
            </th>
            <td>{ output(before_key.clone(), before, text(before)) }
                <span class={classes!("status", if bad(ok_before) { "out" } else { "ok" })}>
                    { status_output(&status_before_key, ok_before, word(ok_before)) }
                </span>
            </td>
            <td>{ output(after_key.clone(), after, text(after)) }
                <span class={classes!("status", if bad(ok_after) { "out" } else { "ok" })}>
                    { status_output(&status_after_key, ok_after, word(ok_after)) }
                </span>
            </td>
            <td class="threshold">{ ind.threshold_in(lang) }<span class="source-tag" title={source}>{ source_short }</span></td>
        </tr>
    }
}

fn harmony_table(e: &PlanEvaluation, lang: Lang) -> Html {
    let metrics = plan_metrics(e);
    html! {
        <table class="plan-indicators">
            <caption>{ tr(lang, Msg::PlanHarmony) }</caption>
            <thead><tr><th scope="col">{ "" }</th><th scope="col">{ tr(lang, Msg::PlanBefore) }</th><th scope="col">{ tr(lang, Msg::PlanAfter) }</th><th scope="col">{ tr(lang, Msg::PlanThresholdSource) }</th></tr></thead>
            <tbody>{ for INDICATORS.iter().map(|ind| indicator(&metrics, ind, lang)) }</tbody>
        </table>
    }
}

/// The heads' table: as left, or with `load` the "after" columns settled under body weight
/// (their `data-outcome` keys then name the settled values, `…_settled_…`).
fn loads_table(e: &PlanEvaluation, load: bool, lang: Lang) -> Html {
    let f = e.shown(load);
    let metrics = plan_metrics(e);
    // An "after" key, or its settled twin under load.
    let after_key = |k: &'static str| -> &'static str {
        match (load, k) {
            (false, _) => k,
            (true, "protrusion_after_mm") => "protrusion_settled_mm",
            (true, "head_centre_height_after_mm") => "head_centre_height_settled_mm",
            (true, "head_rise_mm") => "head_rise_settled_mm",
            (true, "ground_shortening_mm") => "ground_shortening_settled_mm",
            (true, "load_share_after_pct") => "load_share_settled_pct",
            (true, "load_central_cv_after") => "load_central_cv_settled",
            (true, other) => other,
        }
    };
    let rows = Head::ALL.into_iter().map(|head| {
        let name = head.name();
        let m = head_metrics(e, head);
        // The "after" values: as left, or settled under load (the same choice as `after_key`).
        let (tip_after, height_after, rise, shortening, after) = if load {
            (m.protrusion_settled_mm, m.head_centre_height_settled_mm, m.head_rise_settled_mm,
             m.ground_shortening_settled_mm, m.load_share_settled_pct)
        } else {
            (m.protrusion_after_mm, m.head_centre_height_after_mm, m.head_rise_mm,
             m.ground_shortening_mm, m.load_share_after_pct)
        };
        let key = |k: &'static str| format!("heads.{name}.{}", after_key(k));
        let before = m.load_share_before_pct;
        let change = after - before;
        let trend = if change > 0.5 { "gains" } else if change < -0.5 { "loses" } else { "same" };
        let at_risk = f.transfers.iter().any(|t| t.head == head);
        html! {
            <tr class={classes!("head-row", format!("head-{name}"), trend, at_risk.then_some("at-risk"))}>
                <th scope="row">{ format!("M{}", head.number()) }
                    <span class="head-kind">{ output(key("treated"), Metric::Flag(m.treated), head_kind_in(lang, head, m.treated).to_string()) }</span>
                </th>
                <td>{ output(key("protrusion_before_mm"), Metric::Number(m.protrusion_before_mm), signed_mm_in(lang, m.protrusion_before_mm)) }</td>
                <td>{ output(key("protrusion_after_mm"), Metric::Number(tip_after), signed_mm_in(lang, tip_after)) }
                    <span class="detail">{ tr(lang, Msg::PlanHeadShortened) }{ " " }{ output(key("ground_shortening_mm"), Metric::Number(shortening), mm_in(lang, shortening)) }</span>
                </td>
                <td>{ output(key("head_centre_height_before_mm"), Metric::Number(m.head_centre_height_before_mm), mm_in(lang, m.head_centre_height_before_mm)) }</td>
                <td>{ output(key("head_centre_height_after_mm"), Metric::Number(height_after), mm_in(lang, height_after)) }
                    <span class="detail">{ tr(lang, Msg::PlanHeadRise) }{ " " }{ output(key("head_rise_mm"), Metric::Number(rise), signed_mm_in(lang, rise)) }</span>
                </td>
                <td>{ output(key("load_share_before_pct"), Metric::Number(before), percent_in(lang, before, 0)) }</td>
                <td class="load-after">
                    <svg class="load-bar" viewBox="0 0 40 6" aria-hidden="true">
                        <rect class="load-track" width="40" height="6" />
                        <rect class="load-fill" width={format_fixed(crate::numtext::clamp(after, 0.0, 40.0), 2)} height="6" />
                        <line class="load-before" x1={format_fixed(before, 2)} x2={format_fixed(before, 2)} y1="0" y2="6" />
                    </svg>
                    { output(key("load_share_after_pct"), Metric::Number(after), percent_in(lang, after, 1)) }
                </td>
            </tr>
        }
    });
    let cv_after = if load {
        metrics.load_central_cv_settled
    } else {
        metrics.load_central_cv_after
    };
    html! {
        <>
        <table class="plan-heads">
            <caption>{ tr(lang, Msg::PlanHeads) }<span class="heuristic-tag">{ tr(lang, Msg::PlanHeuristic) }</span></caption>
            <thead><tr>
                <th scope="col">{ "" }</th>
                { for HEAD_COLUMNS.iter().map(|&msg| html! { <th scope="col">{ tr(lang, msg) }</th> }) }
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
        if load {
            <p class="plan-settled-note" role="note">{ trf(lang, Msg::PlanSettledNote, &[
                ("n", &e.settled.iterations),
                ("change", &crate::state::i18n::number(lang, e.settled.final_change_pct, 12)),
            ]) }<span class="assumption-tag" title={tr(lang, Msg::TagTeachingModelTitle)}>{ tr(lang, Msg::TagTeachingModel) }</span></p>
        }
        <p class="plan-evenness">
            { tr(lang, Msg::PlanEvenness) }
            { output("load_central_cv_before".into(), Metric::Number(metrics.load_central_cv_before), fixed(lang, metrics.load_central_cv_before, 2)) }
            { " → " }
            { output(after_key("load_central_cv_after").into(), Metric::Number(cv_after), fixed(lang, cv_after, 2)) }
            { tr(lang, Msg::PlanLargestGain) }
            { output("load_max_central_increase_pct".into(), Metric::Number(metrics.load_max_central_increase_pct),
                points_in(lang, metrics.load_max_central_increase_pct)) }
        </p>
        </>
    }
}

fn warnings(f: &ForefootOutcome, lang: Lang) -> Html {
    if f.transfers.is_empty() {
        return html! {
            <p class="plan-no-warning" role="status">{ tr(lang, Msg::PlanNoTransfer) }</p>
        };
    }
    html! {
        <>
        { for f.transfers.iter().map(|t| html! {
            <div class="plan-warning" role="alert" data-transfer={t.head.name()}>
                <strong>{ tr(lang, Msg::PlanTransfer) }</strong>{ transfer_text_in(t, lang) }{ "." }
            </div>
        }) }
        </>
    }
}

fn heuristic_details(lang: Lang) -> Html {
    let assumptions = provenance_in(lang)
        .into_iter()
        .map(|(name, note, assumption)| {
            html! {
                <li>
                    <strong>{ name }</strong>{ tr(lang, Msg::AboutColon) }{ note }{ " " }
                    if assumption {
                        <span class="assumption-tag">{ tr(lang, Msg::TagAssumption) }</span>
                    } else {
                        <span class="source-tag">{ tr(lang, Msg::TagPublished) }</span>
                    }
                </li>
            }
        });
    html! {
        <details class="plan-heuristic">
            <summary>{ tr(lang, Msg::PlanHow) }</summary>
            <p>{ how_views_in(lang) }</p>
            <p>
                <strong>{ tr(lang, Msg::PlanHowLoadTitle) }</strong>
                { how_load_in(lang) }
            </p>
            <ul>{ for assumptions }</ul>
        </details>
    }
}

/// The two drawings of a plan.
fn views(
    plan: &Plan,
    e: &PlanEvaluation,
    theme: Theme,
    prefix: &str,
    selected: Option<Ray>,
    lang: Lang,
) -> Html {
    let options = SceneOptions {
        id_prefix: prefix.to_string(),
        theme,
        selected,
        lang,
        ..Default::default()
    };
    html! {
        <>
            <SceneFigure class="plan-figure plan-figure-top" scene={Rc::new(top_view(plan, e, &options))} />
            <SceneFigure class="plan-figure plan-figure-arch" scene={Rc::new(arch_view(plan, e, &options))} />
        </>
    }
}

fn panel(
    model: &PlanModel,
    evaluation: Option<&Rc<PlanEvaluation>>,
    compare: Option<&Rc<(Plan, PlanEvaluation)>>,
    dispatcher: &UseReducerDispatcher<PlanModel>,
) -> Html {
    let plan = &model.plan;
    let theme = model.theme();
    let lang = model.lang();
    let presets = PlanPreset::ALL.iter().map(|p| {
        let p = *p;
        let active = plan.preset == p && plan.treated_pattern() == Some(p);
        let d = dispatcher.clone();
        html! {
            <button class={classes!("plan-preset", active.then_some("active"))} data-plan={p.name()}
                title={p.description_in(lang)} aria-pressed={active.to_string()}
                onclick={Callback::from(move |_| d.dispatch(PlanAction::ApplyPreset(p)))}>{ p.label_in(lang) }</button>
        }
    });
    let rays = Ray::ALL.iter().map(|r| {
        let r = *r;
        let selected = plan.edit == r;
        let treated = plan.is_treated(r);
        let d = dispatcher.clone();
        html! {
            <button class={classes!("plan-ray", selected.then_some("active"), if treated { "treated" } else { "untreated" })}
                data-ray={r.number().to_string()} aria-pressed={selected.to_string()}
                title={ray_title_in(lang, r)}
                onclick={Callback::from(move |_| d.dispatch(PlanAction::Select(r)))}>
                { format!("M{}", r.number()) }
                <span class="ray-state">{ " " }{ tr(lang, if treated { Msg::PlanHeadCut } else { Msg::PlanHeadNotCut }) }</span>
            </button>
        }
    });
    let ontreat = {
        let d = dispatcher.clone();
        let ray = plan.edit;
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            d.dispatch(PlanAction::Treat(ray, input.checked()));
        })
    };
    let oncompare = {
        let d = dispatcher.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            d.dispatch(PlanAction::Compare(PlanPreset::from_name(&select.value())));
        })
    };
    let side_by_side = {
        let d = dispatcher.clone();
        Callback::from(move |_| {
            d.dispatch(PlanAction::ApplyPreset(PlanPreset::M2M3M4));
            d.dispatch(PlanAction::Compare(Some(PlanPreset::M2)));
        })
    };
    // Clicking a head in the drawings selects its ray.
    let onclick_views = {
        let d = dispatcher.clone();
        Callback::from(move |e: MouseEvent| {
            let ray = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| el.closest(".plan-column-main [data-ray]").ok().flatten())
                .and_then(|el| el.get_attribute("data-ray"))
                .and_then(|v| v.parse::<u8>().ok())
                .and_then(Ray::from_number);
            if let Some(r) = ray {
                d.dispatch(PlanAction::Select(r));
            }
        })
    };
    let dismiss = {
        let d = dispatcher.clone();
        Callback::from(move |_| d.dispatch(PlanAction::DismissNotices))
    };
    let single_href = format!("?{}", to_query(plan.edited()));
    let main_column = match evaluation {
        Some(e) => html! {
            <div class="plan-column plan-column-main">
                <h3>{ trf(lang, Msg::PlanThisPlan, &[("label", &plan.treated_label_in(lang))]) }</h3>
                { views(plan, e, theme, "plan-main-", Some(plan.edit), lang) }
                <div class="plan-loads">{ loads_table(e, plan.load, lang) }</div>
            </div>
        },
        None => {
            html! { <div class="error" role="alert">{ tr(lang, Msg::PlanCannotEvaluate) }</div> }
        }
    };
    let compare_column = compare.map(|c| {
        let (cplan, ce) = (&c.0, &c.1);
        html! {
            <div class="plan-column plan-column-compare">
                <h3>{ trf(lang, Msg::PlanCompareHeading, &[("label", &cplan.treated_label_in(lang))]) }</h3>
                { views(cplan, ce, theme, "plan-compare-", None, lang) }
                <div class="plan-compare-warnings">{ warnings(&ce.forefoot, lang) }</div>
            </div>
        }
    });
    let details = evaluation.map(|e| {
        let f = &e.forefoot;
        html! {
            <div class="plan-details">
                { warnings(f, lang) }
                { harmony_table(e, lang) }
                <p class="plan-caveat" role="note"><strong>{ tr(lang, Msg::PlanCaveat) }</strong>{ tr(lang, Msg::PlanCaveatText) }</p>
                { heuristic_details(lang) }
            </div>
        }
    });
    html! {
        <section class={classes!("plan-panel", compare.is_some().then_some("comparing"))} aria-label={tr(lang, Msg::PlanTitle)}>
            <div class="plan-bar">
                <h2>{ tr(lang, Msg::PlanTitle) }</h2>
                <div class="plan-presets" role="group" aria-label={tr(lang, Msg::PlanPresets)}>{ for presets }</div>
                <div class="plan-rays" role="group" aria-label={tr(lang, Msg::PlanEditRay)}>{ for rays }</div>
                <label class="plan-treat"><input type="checkbox" name="treated" autocomplete="off" checked={plan.is_treated(plan.edit)} onchange={ontreat} />
                    { trf(lang, Msg::PlanCutRay, &[("n", &plan.edit.number())]) }</label>
                <label class="plan-compare">{ tr(lang, Msg::PlanCompareWith) }
                    <select name="compare" autocomplete="off" onchange={oncompare}>
                        <option value="" selected={plan.compare.is_none()}>{ tr(lang, Msg::PlanCompareNothing) }</option>
                        { for PlanPreset::ALL.iter().map(|p| html! {
                            <option value={p.name()} selected={plan.compare == Some(*p)}>{ p.label_in(lang) }</option>
                        }) }
                    </select>
                </label>
                <button class="plan-side-by-side" name="side-by-side" onclick={side_by_side}>{ tr(lang, Msg::PlanSideBySide) }</button>
                <a class="plan-single" href={single_href}>{ tr(lang, Msg::PlanSingleRay) }</a>
            </div>
            if !model.notices.is_empty() {
                <div class="notice" role="status">
                    <span>{ trf(lang, Msg::PlanAdjusted, &[("list", &notice_list(&model.notices, lang))]) }</span>
                    <button class="dismiss" aria-label={tr(lang, Msg::NoticeDismiss)} onclick={dismiss}>{ "×" }</button>
                </div>
            }
            <div class="plan-columns" onclick={onclick_views}>
                { main_column }
                { for compare_column }
                { for details }
            </div>
            <p class="plan-edit-hint">{ edit_hint_in(lang, plan.edit) }</p>
        </section>
    }
}
