//! The plan evaluated: each ray's model evaluation, the forefoot metrics as left and settled
//! under body weight, and the metrics by JSON key. Imports the plan's types and the model.

use super::{is_treated, Plan};
use crate::model::plan::{
    evaluate_forefoot, settle_forefoot, ForefootOutcome, Head, HeadMotion, SettledForefoot, HEADS,
};
use crate::model::{evaluate, Evaluation, ModelError, Ray};
use serde::Serialize;

/// The plan evaluated: each ray's single-ray evaluation and the forefoot metrics.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanEvaluation {
    /// M2, M3, M4.
    pub rays: [Evaluation; 3],
    /// The heads as the surgeon left them.
    pub forefoot: ForefootOutcome,
    /// The treated heads settled under their shares of body weight (iterated to a fixed point).
    pub settled: SettledForefoot,
    /// The plan's metrics for the settled heads.
    pub forefoot_settled: ForefootOutcome,
}

impl PlanEvaluation {
    /// What the page shows: the heads as left, or settled with `load=1`.
    pub fn shown(&self, load: bool) -> &ForefootOutcome {
        if load {
            &self.forefoot_settled
        } else {
            &self.forefoot
        }
    }
}

/// Evaluates every ray and the forefoot. Errors name the ray that cannot be evaluated.
pub fn evaluate_plan(plan: &Plan) -> Result<PlanEvaluation, (Ray, ModelError)> {
    let mut evaluations = Vec::with_capacity(3);
    for state in &plan.rays {
        evaluations.push(evaluate(&state.to_params()).map_err(|e| (state.ray, e))?);
    }
    // Not `.expect()`: its message would format the Vec<Evaluation> with `{:?}`, which brings
    // the float formatting code back into the wasm (see src/numtext.rs).
    let Ok(rays): Result<[Evaluation; 3], _> = evaluations.try_into() else {
        unreachable!("three rays evaluate to three evaluations")
    };
    let mut motions = [HeadMotion::default(); HEADS];
    let mut settle_inputs = [None; HEADS];
    for (state, e) in plan.rays.iter().zip(&rays) {
        let head = Head::of_ray(state.ray).index();
        motions[head] = HeadMotion {
            rise_mm: e.outcomes.head_rise_mm,
            ground_shortening_mm: e.outcomes.ground_shortening_mm,
            treated: is_treated(state),
        };
        settle_inputs[head] = Some(e.settle_input);
    }
    let settled = settle_forefoot(&motions, &settle_inputs);
    Ok(PlanEvaluation {
        forefoot: evaluate_forefoot(&motions),
        forefoot_settled: evaluate_forefoot(&settled.motions),
        settled,
        rays,
    })
}

/// A plan metric's value: a number or a yes/no.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Metric {
    Number(f64),
    Flag(bool),
}

impl Metric {
    /// The page's `data-value`: full precision, or `true`/`false`.
    pub fn data_value(&self) -> String {
        match self {
            Metric::Number(v) => crate::numtext::shortest(*v),
            Metric::Flag(b) => b.to_string(),
        }
    }
}

/// The plan-level metrics, by JSON key (the page's `data-outcome`), in display order: the
/// heads as left, then under body weight (`e.settled`).
pub fn plan_metrics(e: &PlanEvaluation) -> Vec<(&'static str, Metric)> {
    use Metric::{Flag, Number};
    type F = ForefootOutcome;
    let f = &e.forefoot;
    vec![
        (
            "m2_m3_difference_before_mm",
            Number(f.m2_m3_difference_before_mm),
        ),
        (
            "m2_m3_difference_after_mm",
            Number(f.m2_m3_difference_after_mm),
        ),
        (
            "m2_m3_over_threshold_before",
            Flag(F::m2_m3_over_threshold(f.m2_m3_difference_before_mm)),
        ),
        (
            "m2_m3_over_threshold_after",
            Flag(F::m2_m3_over_threshold(f.m2_m3_difference_after_mm)),
        ),
        ("sm4_offset_before_mm", Number(f.sm4_offset_before_mm)),
        ("sm4_offset_after_mm", Number(f.sm4_offset_after_mm)),
        (
            "sm4_normal_before",
            Flag(F::sm4_normal(f.sm4_offset_before_mm)),
        ),
        (
            "sm4_normal_after",
            Flag(F::sm4_normal(f.sm4_offset_after_mm)),
        ),
        (
            "m1_m2_difference_before_mm",
            Number(f.m1_m2_difference_before_mm),
        ),
        (
            "m1_m2_difference_after_mm",
            Number(f.m1_m2_difference_after_mm),
        ),
        (
            "m1_m2_normal_before",
            Flag(F::m1_m2_normal(f.m1_m2_difference_before_mm)),
        ),
        (
            "m1_m2_normal_after",
            Flag(F::m1_m2_normal(f.m1_m2_difference_after_mm)),
        ),
        ("central_pattern_before", Flag(f.central_pattern_before())),
        ("central_pattern_after", Flag(f.central_pattern_after())),
        ("load_central_cv_before", Number(f.load_central_cv_before())),
        ("load_central_cv_after", Number(f.load_central_cv_after())),
        (
            "load_max_central_increase_pct",
            Number(f.load_max_central_increase_pct()),
        ),
        (
            "load_central_cv_settled",
            Number(F::central_cv(&e.settled.load_share_pct)),
        ),
        ("settle_iterations", Number(e.settled.iterations as f64)),
        (
            "settle_final_change_pct",
            Number(e.settled.final_change_pct),
        ),
    ]
}

/// One head's metrics, by JSON key (`heads.mN.KEY` on the page): as left, then settled under
/// its share of body weight.
pub fn head_metrics(e: &PlanEvaluation, head: Head) -> Vec<(&'static str, Metric)> {
    use Metric::{Flag, Number};
    let head = head.index();
    let f = &e.forefoot;
    let settled = &e.forefoot_settled;
    let m = &f.motions[head];
    vec![
        ("treated", Flag(m.treated)),
        ("protrusion_before_mm", Number(f.protrusion_before_mm[head])),
        ("protrusion_after_mm", Number(f.protrusion_after_mm[head])),
        (
            "head_centre_height_before_mm",
            Number(f.head_centre_height_before_mm[head]),
        ),
        (
            "head_centre_height_after_mm",
            Number(f.head_centre_height_after_mm[head]),
        ),
        ("head_rise_mm", Number(m.rise_mm + 0.0)),
        ("ground_shortening_mm", Number(m.ground_shortening_mm + 0.0)),
        (
            "load_share_before_pct",
            Number(f.load_share_before_pct[head]),
        ),
        ("load_share_after_pct", Number(f.load_share_after_pct[head])),
        (
            "protrusion_settled_mm",
            Number(settled.protrusion_after_mm[head]),
        ),
        (
            "head_centre_height_settled_mm",
            Number(settled.head_centre_height_after_mm[head]),
        ),
        (
            "head_rise_settled_mm",
            Number(settled.motions[head].rise_mm + 0.0),
        ),
        (
            "ground_shortening_settled_mm",
            Number(settled.motions[head].ground_shortening_mm + 0.0),
        ),
        (
            "load_share_settled_pct",
            Number(e.settled.load_share_pct[head]),
        ),
    ]
}
