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
    /// A measurement (mm, %, or a ratio), at full precision.
    Number(f64),
    /// A yes/no: within a threshold, or a pattern present.
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

    /// The number, or 1/0 for a yes/no.
    pub fn number(self) -> f64 {
        match self {
            Metric::Number(v) => v,
            Metric::Flag(b) => f64::from(u8::from(b)),
        }
    }
}

impl From<f64> for Metric {
    fn from(v: f64) -> Self {
        Metric::Number(v)
    }
}

impl From<bool> for Metric {
    fn from(b: bool) -> Self {
        Metric::Flag(b)
    }
}

/// Defines a metrics struct whose field names are the JSON keys (and the page's
/// `data-outcome` names), in display order, with [`entries`](PlanMetrics::entries) listing
/// them: one list, checked by the compiler, for the JSON, the page and the tests.
macro_rules! metrics {
    ($(#[$doc:meta])* $name:ident { $($(#[$field_doc:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Serialize)]
        pub struct $name {
            $($(#[$field_doc])* pub $field: $ty,)*
        }

        impl $name {
            /// Every metric with its JSON key, in display order.
            pub fn entries(&self) -> Vec<(&'static str, Metric)> {
                vec![$((stringify!($field), Metric::from(self.$field)),)*]
            }
        }
    };
}

metrics! {
    /// The plan-level metrics: the heads as left, then under body weight (`e.settled`).
    PlanMetrics {
        /// M2 tip − M3 tip before the osteotomies (mm).
        m2_m3_difference_before_mm: f64,
        /// M2 tip − M3 tip after the osteotomies (mm).
        m2_m3_difference_after_mm: f64,
        /// Whether M2 is more than 3 mm longer than M3 before (Barouk).
        m2_m3_over_threshold_before: bool,
        /// Whether M2 is more than 3 mm longer than M3 after.
        m2_m3_over_threshold_after: bool,
        /// SM4 line − M4 head centre before (mm; positive: the line is distal of the centre).
        sm4_offset_before_mm: f64,
        /// SM4 line − M4 head centre after (mm).
        sm4_offset_after_mm: f64,
        /// Whether the SM4 offset lies in Maestro's normal band before.
        sm4_normal_before: bool,
        /// Whether the SM4 offset lies in Maestro's normal band after.
        sm4_normal_after: bool,
        /// M1 tip − M2 tip before (mm; negative: M1 shorter).
        m1_m2_difference_before_mm: f64,
        /// M1 tip − M2 tip after (mm).
        m1_m2_difference_after_mm: f64,
        /// Whether the M1 − M2 difference lies in Maestro's normal band before.
        m1_m2_normal_before: bool,
        /// Whether the M1 − M2 difference lies in Maestro's normal band after.
        m1_m2_normal_after: bool,
        /// Barouk's central metatarsalgia pattern before.
        central_pattern_before: bool,
        /// Barouk's central metatarsalgia pattern after.
        central_pattern_after: bool,
        /// Coefficient of variation of the central heads' load shares before.
        load_central_cv_before: f64,
        /// Coefficient of variation of the central heads' load shares after.
        load_central_cv_after: f64,
        /// The largest gain of a central head's load share (percentage points).
        load_max_central_increase_pct: f64,
        /// Coefficient of variation of the central heads' shares, settled under body weight.
        load_central_cv_settled: f64,
        /// Rounds of settling and sharing until the shares stopped changing (a count, written
        /// as a number like every metric).
        settle_iterations: f64,
        /// The largest change of a share in the last round (percentage points).
        settle_final_change_pct: f64,
    }
}

metrics! {
    /// One head's metrics (`heads.mN.KEY` on the page): as left, then settled under its share
    /// of body weight.
    HeadMetrics {
        /// Whether the head's ray is cut (always false for M1 and M5).
        treated: bool,
        /// Tip position along the foot from the intact M2 tip, before (mm, distal positive).
        protrusion_before_mm: f64,
        /// Tip position along the foot from the intact M2 tip, after (mm).
        protrusion_after_mm: f64,
        /// Head centre height above the ground before (mm).
        head_centre_height_before_mm: f64,
        /// Head centre height above the ground after (mm).
        head_centre_height_after_mm: f64,
        /// Head rise as the surgeon left it (mm, dorsal positive).
        head_rise_mm: f64,
        /// Shortening on the ground as left (mm).
        ground_shortening_mm: f64,
        /// Load share before (%, the heuristic's).
        load_share_before_pct: f64,
        /// Load share after (%).
        load_share_after_pct: f64,
        /// Tip position settled under body weight (mm).
        protrusion_settled_mm: f64,
        /// Head centre height settled under body weight (mm).
        head_centre_height_settled_mm: f64,
        /// Head rise settled under body weight (mm).
        head_rise_settled_mm: f64,
        /// Shortening on the ground settled under body weight (mm).
        ground_shortening_settled_mm: f64,
        /// Load share settled under body weight (%).
        load_share_settled_pct: f64,
    }
}

/// The plan-level metrics.
pub fn plan_metrics(e: &PlanEvaluation) -> PlanMetrics {
    type F = ForefootOutcome;
    let f = &e.forefoot;
    PlanMetrics {
        m2_m3_difference_before_mm: f.m2_m3_difference_before_mm,
        m2_m3_difference_after_mm: f.m2_m3_difference_after_mm,
        m2_m3_over_threshold_before: F::m2_m3_over_threshold(f.m2_m3_difference_before_mm),
        m2_m3_over_threshold_after: F::m2_m3_over_threshold(f.m2_m3_difference_after_mm),
        sm4_offset_before_mm: f.sm4_offset_before_mm,
        sm4_offset_after_mm: f.sm4_offset_after_mm,
        sm4_normal_before: F::sm4_normal(f.sm4_offset_before_mm),
        sm4_normal_after: F::sm4_normal(f.sm4_offset_after_mm),
        m1_m2_difference_before_mm: f.m1_m2_difference_before_mm,
        m1_m2_difference_after_mm: f.m1_m2_difference_after_mm,
        m1_m2_normal_before: F::m1_m2_normal(f.m1_m2_difference_before_mm),
        m1_m2_normal_after: F::m1_m2_normal(f.m1_m2_difference_after_mm),
        central_pattern_before: f.central_pattern_before(),
        central_pattern_after: f.central_pattern_after(),
        load_central_cv_before: f.load_central_cv_before(),
        load_central_cv_after: f.load_central_cv_after(),
        load_max_central_increase_pct: f.load_max_central_increase_pct(),
        load_central_cv_settled: F::central_cv(&e.settled.load_share_pct),
        settle_iterations: e.settled.iterations as f64,
        settle_final_change_pct: e.settled.final_change_pct,
    }
}

/// One head's metrics.
pub fn head_metrics(e: &PlanEvaluation, head: Head) -> HeadMetrics {
    let head = head.index();
    let f = &e.forefoot;
    let settled = &e.forefoot_settled;
    let m = &f.motions[head];
    // `+ 0.0`: an untreated head's −0 rise is written 0.
    HeadMetrics {
        treated: m.treated,
        protrusion_before_mm: f.protrusion_before_mm[head],
        protrusion_after_mm: f.protrusion_after_mm[head],
        head_centre_height_before_mm: f.head_centre_height_before_mm[head],
        head_centre_height_after_mm: f.head_centre_height_after_mm[head],
        head_rise_mm: m.rise_mm + 0.0,
        ground_shortening_mm: m.ground_shortening_mm + 0.0,
        load_share_before_pct: f.load_share_before_pct[head],
        load_share_after_pct: f.load_share_after_pct[head],
        protrusion_settled_mm: settled.protrusion_after_mm[head],
        head_centre_height_settled_mm: settled.head_centre_height_after_mm[head],
        head_rise_settled_mm: settled.motions[head].rise_mm + 0.0,
        ground_shortening_settled_mm: settled.motions[head].ground_shortening_mm + 0.0,
        load_share_settled_pct: e.settled.load_share_pct[head],
    }
}
