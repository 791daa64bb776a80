//! The plan's wording in every language: transfer warnings, number formats, the harmony
//! indicators with their thresholds and sources, the heads table's words, the help texts and
//! the summary sentence. Imports the plan's types, its evaluation and the message catalogue.

use super::{ray_index, Metric, Plan, PlanEvaluation, PlanMetrics};
use crate::model::plan::{
    Head, LOAD_COUPLING, M2_M3_PATTERN_MM, PAD_COMPRESSION_MM, PROVENANCE, PUSH_OFF_HEEL_RISE_DEG,
    SM4_NORMAL_MM, SOURCE_BAROUK, SOURCE_BAROUK_SHORT, SOURCE_MAESTRO, SOURCE_MAESTRO_SHORT,
    TRANSFER_THRESHOLD_MM,
};
use crate::model::Ray;
use crate::state::format_fixed;
use crate::state::i18n::Lang;
use crate::state::i18n::Msg;
use crate::state::i18n::{self, fixed, tr, trf};

/// "M3 ends up 2.3 mm lower and 1.3 mm longer than the treated M2: ...".
pub fn transfer_text(t: &crate::model::plan::Transfer) -> String {
    transfer_text_in(t, Lang::En)
}

/// [`transfer_text`] in `lang` (decimal comma in French and Spanish).
pub fn transfer_text_in(t: &crate::model::plan::Transfer, lang: Lang) -> String {
    let name = |h: Head| format!("M{}", h.number());
    let mut what = Vec::new();
    if t.lower_mm > TRANSFER_THRESHOLD_MM {
        what.push(trf(
            lang,
            Msg::PlanTransferLower,
            &[("mm", &fixed(lang, t.lower_mm, 1))],
        ));
    }
    if t.longer_mm > TRANSFER_THRESHOLD_MM {
        what.push(trf(
            lang,
            Msg::PlanTransferLonger,
            &[("mm", &fixed(lang, t.longer_mm, 1))],
        ));
    }
    trf(
        lang,
        Msg::PlanTransferText,
        &[
            ("head", &name(t.head)),
            ("what", &what.join(tr(lang, Msg::PlanTransferAnd))),
            ("neighbour", &name(t.neighbour)),
            ("mm", &i18n::number(lang, TRANSFER_THRESHOLD_MM, 1)),
        ],
    )
}

// ------------------------------------------------------------------ the panel's texts
// What the plan panel (src/ui/plan.rs) and drawings (src/scene/plan/) write, in a language:
// the words from the catalogue (`plan.*` ids), numbers with the language's decimal sign.

/// A number with one decimal, signed when not zero ("+1.5", "−1.3", "0.0"), in `lang`.
pub fn signed_in(lang: Lang, v: f64) -> String {
    let s = format_fixed(v, 1);
    let s = if v > 0.0 && s != "0.0" {
        format!("+{s}")
    } else {
        s
    };
    i18n::decimal(lang, s)
}

/// [`signed_in`] in millimetres ("+1.5\u{a0}mm").
pub fn signed_mm_in(lang: Lang, v: f64) -> String {
    i18n::with_unit(signed_in(lang, v), "mm")
}

/// A length with one decimal ("4.6\u{a0}mm", "4,6\u{a0}mm").
pub fn mm_in(lang: Lang, v: f64) -> String {
    i18n::quantity(lang, v, 1, "mm")
}

/// A percentage ("26.5%", "26,5\u{a0}%").
pub use crate::state::i18n::percent as percent_in;

/// Percentage points with one decimal ("−3.2\u{a0}points").
pub fn points_in(lang: Lang, v: f64) -> String {
    trf(lang, Msg::PlanPoints, &[("n", &fixed(lang, v, 1))])
}

/// "yes" or "no".
pub fn yes_no_in(lang: Lang, yes: bool) -> &'static str {
    tr(lang, if yes { Msg::PlanYes } else { Msg::PlanNo })
}

/// What a harmony indicator's row shows, and which of its states is the worrying one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndicatorKind {
    /// A length that should stay under a threshold (M2 − M3, mm): its status says "over".
    Threshold,
    /// A signed length that should stay in a normal band (SM4 offset, M1 − M2, mm): its status
    /// says "normal".
    Band,
    /// A pattern, present or not (Barouk's central pattern): its value is its own status, and
    /// "present" is the worrying state.
    Pattern,
}

impl IndicatorKind {
    /// Whether a status of `status` is the worrying state.
    pub fn is_bad(self, status: bool) -> bool {
        match self {
            IndicatorKind::Threshold | IndicatorKind::Pattern => status,
            IndicatorKind::Band => !status,
        }
    }

    /// The unit suffix of the values' JSON keys (`_mm`, none for a pattern's yes/no).
    pub fn key_suffix(self) -> &'static str {
        match self {
            IndicatorKind::Threshold | IndicatorKind::Band => "_mm",
            IndicatorKind::Pattern => "",
        }
    }
}

/// One harmony indicator of the plan panel: its metric keys and its texts' catalogue ids.
#[derive(Clone, Copy, Debug)]
pub struct Indicator {
    /// What the row shows, and which state is the worrying one.
    pub kind: IndicatorKind,
    /// The metric's JSON key less `_before_mm` / `_after_mm` (`_before` / `_after` for the
    /// pattern, a yes/no).
    pub key: &'static str,
    /// The key of its status (a yes/no) less `_before` / `_after`.
    pub status_key: &'static str,
    /// Catalogue ids: the row's label, the status words when within and outside the
    /// threshold, the threshold sentence, and the assumption the row rests on (if any).
    pub label: Msg,
    /// The status word when the value is within the threshold (or normal).
    pub within: Msg,
    /// The status word when it is not.
    pub outside: Msg,
    /// The sentence that states the threshold.
    pub threshold: Msg,
    /// The assumption the row rests on, if any.
    pub assumption: Option<Msg>,
    /// The threshold's source: the full reference (a tooltip) and its short tag, citations
    /// written the same in every language.
    pub source: (&'static str, &'static str),
    /// The row's values before and after.
    pub values: fn(&PlanMetrics) -> [Metric; 2],
    /// Its status (the yes/no of `status_key`) before and after.
    pub statuses: fn(&PlanMetrics) -> [bool; 2],
}

/// The harmony indicators, in display order.
pub const INDICATORS: [Indicator; 4] = [
    Indicator {
        kind: IndicatorKind::Threshold,
        key: "m2_m3_difference",
        status_key: "m2_m3_over_threshold",
        label: Msg::PlanM2M3,
        within: Msg::PlanStatusWithin,
        outside: Msg::PlanStatusOver,
        threshold: Msg::PlanThresholdM2M3,
        assumption: None,
        source: (SOURCE_BAROUK, SOURCE_BAROUK_SHORT),
        values: |m| {
            [
                Metric::Number(m.m2_m3_difference_before_mm),
                Metric::Number(m.m2_m3_difference_after_mm),
            ]
        },
        statuses: |m| [m.m2_m3_over_threshold_before, m.m2_m3_over_threshold_after],
    },
    Indicator {
        kind: IndicatorKind::Band,
        key: "sm4_offset",
        status_key: "sm4_normal",
        label: Msg::PlanSm4,
        within: Msg::PlanStatusNormal,
        outside: Msg::PlanStatusOutside,
        threshold: Msg::PlanThresholdSm4,
        assumption: Some(Msg::PlanThresholdSm4Assumption),
        source: (SOURCE_MAESTRO, SOURCE_MAESTRO_SHORT),
        values: |m| {
            [
                Metric::Number(m.sm4_offset_before_mm),
                Metric::Number(m.sm4_offset_after_mm),
            ]
        },
        statuses: |m| [m.sm4_normal_before, m.sm4_normal_after],
    },
    Indicator {
        kind: IndicatorKind::Band,
        key: "m1_m2_difference",
        status_key: "m1_m2_normal",
        label: Msg::PlanM1M2,
        within: Msg::PlanStatusNormal,
        outside: Msg::PlanStatusOutside,
        threshold: Msg::PlanThresholdM1M2,
        assumption: None,
        source: (SOURCE_MAESTRO, SOURCE_MAESTRO_SHORT),
        values: |m| {
            [
                Metric::Number(m.m1_m2_difference_before_mm),
                Metric::Number(m.m1_m2_difference_after_mm),
            ]
        },
        statuses: |m| [m.m1_m2_normal_before, m.m1_m2_normal_after],
    },
    Indicator {
        kind: IndicatorKind::Pattern,
        key: "central_pattern",
        status_key: "central_pattern",
        label: Msg::PlanCentralPattern,
        within: Msg::PlanNo,
        outside: Msg::PlanYes,
        threshold: Msg::PlanThresholdCentralPattern,
        assumption: None,
        source: (SOURCE_BAROUK, SOURCE_BAROUK_SHORT),
        values: |m| {
            [
                Metric::Flag(m.central_pattern_before),
                Metric::Flag(m.central_pattern_after),
            ]
        },
        statuses: |m| [m.central_pattern_before, m.central_pattern_after],
    },
];

impl Indicator {
    /// The thresholds the texts quote, written in `lang`.
    fn fill(&self, lang: Lang, msg: Msg) -> String {
        trf(
            lang,
            msg,
            &[
                ("mm", &i18n::number(lang, M2_M3_PATTERN_MM, 1)),
                ("proximal", &i18n::number(lang, -SM4_NORMAL_MM.0, 1)),
                ("distal", &i18n::number(lang, SM4_NORMAL_MM.1, 1)),
            ],
        )
    }

    /// The row's label in `lang`.
    pub fn label_in(&self, lang: Lang) -> &'static str {
        tr(lang, self.label)
    }

    /// The status word: within the threshold (or normal), or not.
    pub fn status_in(&self, lang: Lang, within: bool) -> String {
        self.fill(lang, if within { self.within } else { self.outside })
    }

    /// The threshold sentence in `lang`, its numbers written in that language.
    pub fn threshold_in(&self, lang: Lang) -> String {
        self.fill(lang, self.threshold)
    }

    /// The assumption the row rests on, in `lang`.
    pub fn assumption_in(&self, lang: Lang) -> Option<&'static str> {
        self.assumption.map(|id| tr(lang, id))
    }

    /// A before or after value as the panel writes it.
    pub fn value_in(&self, lang: Lang, value: Metric) -> String {
        match value {
            Metric::Number(v) if self.kind == IndicatorKind::Threshold => mm_in(lang, v),
            Metric::Number(v) => signed_mm_in(lang, v),
            Metric::Flag(b) => yes_no_in(lang, b).to_string(),
        }
    }
}

/// The heads' table column headings (catalogue ids), after the heads' names.
pub const HEAD_COLUMNS: [Msg; 6] = [
    Msg::PlanColTipBefore,
    Msg::PlanColTipAfter,
    Msg::PlanColHeightBefore,
    Msg::PlanColHeightAfter,
    Msg::PlanColLoadBefore,
    Msg::PlanColLoadAfter,
];

/// What `head` is in the plan: "reference" (M1, M5), "cut" or "not cut".
pub fn head_kind_in(lang: Lang, head: Head, treated: bool) -> &'static str {
    tr(
        lang,
        match (head.is_reference(), treated) {
            (true, _) => Msg::PlanHeadReference,
            (false, true) => Msg::PlanHeadCut,
            (false, false) => Msg::PlanHeadNotCut,
        },
    )
}

/// The ray selector's tooltip: "Edit M3 in its sagittal view".
pub fn ray_title_in(lang: Lang, ray: Ray) -> String {
    trf(lang, Msg::PlanRayTitle, &[("n", &ray.number())])
}

/// The hint under the panel, on the edited ray's sagittal view.
pub fn edit_hint_in(lang: Lang, ray: Ray) -> String {
    trf(lang, Msg::PlanEditHint, &[("n", &ray.number())])
}

/// "How the plan is computed": the paragraph on the two views.
pub fn how_views_in(lang: Lang) -> String {
    trf(
        lang,
        Msg::PlanHowTop,
        &[("source", &tr(lang, Msg::PlanHowSourceProtrusion))],
    )
}

/// "How the plan is computed": the load heuristic, after its title
/// (`plan.how.load_title`).
pub fn how_load_in(lang: Lang) -> String {
    trf(
        lang,
        Msg::PlanHowLoad,
        &[
            ("coupling", &i18n::number(lang, LOAD_COUPLING, 1)),
            ("deg", &i18n::number(lang, PUSH_OFF_HEEL_RISE_DEG, 0)),
            ("mm", &i18n::number(lang, PAD_COMPRESSION_MM, 1)),
            ("threshold", &i18n::number(lang, TRANSFER_THRESHOLD_MM, 1)),
            ("source", &tr(lang, Msg::PlanHowSourceRobotic)),
        ],
    )
}

/// The plan's provenance table ([`PROVENANCE`]) in `lang`: each default's name, its note,
/// and whether it is an assumption (else published).
pub fn provenance_in(lang: Lang) -> Vec<(&'static str, &'static str, bool)> {
    PROVENANCE
        .iter()
        .enumerate()
        .map(|(i, (_, p))| {
            let text = |group: &[Msg]| group.get(i).map_or("", |&msg| tr(lang, msg));
            (
                text(Msg::PLAN_PROVENANCE_NAME),
                text(Msg::PLAN_PROVENANCE_NOTE),
                p.is_assumption(),
            )
        })
        .collect()
}

/// The label every load readout carries.
pub const HEURISTIC_LABEL: &str = "teaching heuristic, not a measurement";

/// One sentence on the plan's outcome.
pub fn plan_summary(plan: &Plan, e: &PlanEvaluation) -> String {
    plan_summary_in(plan, e, Lang::En)
}

/// [`plan_summary`] in `lang`.
pub fn plan_summary_in(plan: &Plan, e: &PlanEvaluation, lang: Lang) -> String {
    let f = &e.forefoot;
    let mm = |v: f64| i18n::fixed(lang, v, 1);
    let moved: Vec<String> = Ray::ALL
        .iter()
        .filter(|r| plan.is_treated(**r))
        .map(|r| {
            let o = &e.rays[ray_index(*r)].outcomes;
            trf(
                lang,
                Msg::PlanSummaryRay,
                &[
                    ("n", &r.number()),
                    ("rise", &mm(o.head_rise_mm)),
                    ("shortening", &mm(o.ground_shortening_mm)),
                ],
            )
        })
        .collect();
    let what = if moved.is_empty() {
        tr(lang, Msg::PlanSummaryNone).to_string()
    } else {
        trf(
            lang,
            Msg::PlanSummaryTreated,
            &[
                ("label", &plan.treated_label_in(lang)),
                ("rays", &moved.join(", ")),
            ],
        )
    };
    let heads = |heads: Vec<Head>| -> String {
        let names: Vec<String> = heads.iter().map(|h| format!("M{}", h.number())).collect();
        names.join(", ")
    };
    let gains: Vec<Head> = Head::ALL
        .into_iter()
        .filter(|h| f.load_share_after_pct[h.index()] > f.load_share_before_pct[h.index()] + 0.5)
        .collect();
    let load = if gains.is_empty() {
        tr(lang, Msg::PlanSummaryLoadEven).to_string()
    } else {
        trf(lang, Msg::PlanSummaryLoadMoves, &[("heads", &heads(gains))])
    };
    let transfer = if f.transfers.is_empty() {
        tr(lang, Msg::PlanSummaryNoTransfer).to_string()
    } else {
        let at = heads(f.transfers.iter().map(|t| t.head).collect());
        trf(lang, Msg::PlanSummaryTransfer, &[("heads", &at)])
    };
    trf(
        lang,
        Msg::PlanSummarySentence,
        &[
            ("what", &what),
            ("m2m3", &mm(f.m2_m3_difference_after_mm)),
            ("pattern", &i18n::number(lang, M2_M3_PATTERN_MM, 1)),
            ("sm4", &signed_in(lang, f.sm4_offset_after_mm)),
            ("m1m2", &signed_in(lang, f.m1_m2_difference_after_mm)),
            ("load", &load),
            ("transfer", &transfer),
        ],
    )
}
