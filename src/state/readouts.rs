//! The outcomes as named readouts: one table for the interface (`data-outcome`) and the CLI's
//! JSON, so both always use the same keys, units and precision.
//!
//! It may import the state, its query codec, the catalogue and the model's outcomes; never the
//! scene or the interface.

use super::i18n::Lang;
use super::i18n::{self, fixed, tr, trf};
use super::{query, Parsed, State};
use crate::model::{
    evaluate, Direction, Evaluation, ModelError, Outcomes, SettledOutcomes, Verdict,
};
use crate::state::i18n::Msg;
use serde::Serialize;

/// A readout's value.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// A measurement, in its readout's unit.
    Number(f64),
    /// A count (JSON integer).
    Count(usize),
    /// The rigid verdict (JSON: its key).
    Verdict(Verdict),
}

impl Value {
    /// The full-precision machine value (`data-value`): a number as it round-trips, a verdict
    /// by its key.
    pub fn data_value(self) -> String {
        match self {
            Value::Number(v) => crate::numtext::shortest(v),
            Value::Count(n) => n.to_string(),
            Value::Verdict(v) => v.key().to_string(),
        }
    }
}

/// How one outcome is shown; `T` is what it is read from ([`Outcomes`], [`SettledOutcomes`]).
#[derive(Clone, Copy, Debug)]
pub struct ReadoutSpec<T> {
    /// The JSON key (in its object), with its unit in the name.
    pub key: &'static str,
    /// The `data-outcome` attribute: the key, or the dotted path of a nested object's key.
    pub path: &'static str,
    /// Its label in the catalogue.
    pub label: Msg,
    /// Unit suffix for display (`"mm"`, `"°"`, `""`).
    pub unit: &'static str,
    /// Decimals shown in the interface.
    pub decimals: usize,
    /// Rests on an assumption (no published value).
    pub assumption: bool,
    /// What it measures, as the drawing's tooltip for its symbols says it (the readout's title).
    pub tip: Msg,
    /// Reads the value from the outcomes.
    pub value: fn(&T) -> Value,
}

impl<T> ReadoutSpec<T> {
    /// The label in `lang`.
    pub fn label_in(&self, lang: Lang) -> &'static str {
        tr(lang, self.label)
    }
}

macro_rules! number {
    ($field:ident) => {
        |o: &Outcomes| Value::Number(o.$field)
    };
}

/// Every outcome, in display order.
pub const READOUTS: [ReadoutSpec<Outcomes>; 17] = [
    ReadoutSpec {
        key: "cut_to_shaft_deg",
        path: "cut_to_shaft_deg",
        label: Msg::ReadoutCutToShaftDeg,
        unit: "°",
        decimals: 1,
        assumption: false,
        tip: Msg::SceneTipAngles,
        value: number!(cut_to_shaft_deg),
    },
    ReadoutSpec {
        key: "cut_to_ground_deg",
        path: "cut_to_ground_deg",
        label: Msg::ReadoutCutToGroundDeg,
        unit: "°",
        decimals: 1,
        assumption: false,
        tip: Msg::SceneTipAngles,
        value: number!(cut_to_ground_deg),
    },
    ReadoutSpec {
        key: "head_rise_mm",
        path: "head_rise_mm",
        label: Msg::ReadoutHeadRiseMm,
        unit: "mm",
        decimals: 2,
        assumption: false,
        tip: Msg::SceneTipDimensions,
        value: number!(head_rise_mm),
    },
    ReadoutSpec {
        key: "axial_shortening_mm",
        path: "axial_shortening_mm",
        label: Msg::ReadoutAxialShorteningMm,
        unit: "mm",
        decimals: 2,
        assumption: false,
        tip: Msg::SceneTipDimensions,
        value: number!(axial_shortening_mm),
    },
    ReadoutSpec {
        key: "ground_shortening_mm",
        path: "ground_shortening_mm",
        label: Msg::ReadoutGroundShorteningMm,
        unit: "mm",
        decimals: 2,
        assumption: false,
        tip: Msg::SceneTipDimensions,
        value: number!(ground_shortening_mm),
    },
    ReadoutSpec {
        key: "dorsal_shift_mm",
        path: "dorsal_shift_mm",
        label: Msg::ReadoutDorsalShiftMm,
        unit: "mm",
        decimals: 2,
        assumption: false,
        tip: Msg::SceneTipDimensions,
        value: number!(dorsal_shift_mm),
    },
    ReadoutSpec {
        key: "declination_before_deg",
        path: "declination_before_deg",
        label: Msg::ReadoutDeclinationBeforeDeg,
        unit: "°",
        decimals: 1,
        assumption: false,
        tip: Msg::SceneTipDelta,
        value: number!(declination_before_deg),
    },
    ReadoutSpec {
        key: "declination_after_deg",
        path: "declination_after_deg",
        label: Msg::ReadoutDeclinationAfterDeg,
        unit: "°",
        decimals: 2,
        assumption: true,
        tip: Msg::SceneTipDelta,
        value: number!(declination_after_deg),
    },
    ReadoutSpec {
        key: "contact_mm",
        path: "contact_mm",
        label: Msg::ReadoutContactMm,
        unit: "mm",
        decimals: 1,
        assumption: true,
        tip: Msg::SceneTipCut,
        value: number!(contact_mm),
    },
    ReadoutSpec {
        key: "contact_fraction",
        path: "contact_fraction",
        label: Msg::ReadoutContactFraction,
        unit: "",
        decimals: 2,
        assumption: true,
        tip: Msg::SceneTipCut,
        value: number!(contact_fraction),
    },
    ReadoutSpec {
        key: "gap_mm",
        path: "gap_mm",
        label: Msg::ReadoutGapMm,
        unit: "mm",
        decimals: 2,
        assumption: false,
        tip: Msg::SceneTipCut,
        value: number!(gap_mm),
    },
    ReadoutSpec {
        key: "lever_arm_mm",
        path: "lever_arm_mm",
        label: Msg::ReadoutLeverArmMm,
        unit: "mm",
        decimals: 1,
        assumption: true,
        tip: Msg::SceneTipMechanics,
        value: number!(lever_arm_mm),
    },
    ReadoutSpec {
        key: "tipping_lever_mm",
        path: "tipping_lever_mm",
        label: Msg::ReadoutTippingLeverMm,
        unit: "mm",
        decimals: 1,
        assumption: true,
        tip: Msg::SceneTipMechanics,
        value: number!(tipping_lever_mm),
    },
    ReadoutSpec {
        key: "normal_ratio",
        path: "normal_ratio",
        label: Msg::ReadoutNormalRatio,
        unit: "",
        decimals: 2,
        assumption: true,
        tip: Msg::SceneTipVerdict,
        value: number!(normal_ratio),
    },
    ReadoutSpec {
        key: "tangential_ratio",
        path: "tangential_ratio",
        label: Msg::ReadoutTangentialRatio,
        unit: "",
        decimals: 2,
        assumption: true,
        tip: Msg::SceneTipVerdict,
        value: number!(tangential_ratio),
    },
    ReadoutSpec {
        key: "cut_length_mm",
        path: "cut_length_mm",
        label: Msg::ReadoutCutLengthMm,
        unit: "mm",
        decimals: 1,
        assumption: true,
        tip: Msg::SceneTipCut,
        value: number!(cut_length_mm),
    },
    ReadoutSpec {
        key: "verdict",
        path: "verdict",
        label: Msg::ReadoutVerdict,
        unit: "",
        decimals: 0,
        assumption: true,
        tip: Msg::SceneTipVerdict,
        value: |o| Value::Verdict(o.verdict),
    },
];

macro_rules! settled {
    ($key:literal, $label:expr, $unit:literal, $decimals:literal, $tip:expr, $value:expr) => {
        ReadoutSpec {
            key: $key,
            path: concat!("settled.", $key),
            label: $label,
            unit: $unit,
            decimals: $decimals,
            assumption: true,
            tip: $tip,
            value: $value,
        }
    };
}

// The settled head's rise and shortening read as the drawing's; its motion has no symbol in
// the drawing, so one tip says what the motion readouts measure.
/// The head settled under body weight (the JSON object `settled`, `data-outcome="settled.KEY"`):
/// a teaching model on assumed stiffness (reference Section 4.2).
pub const SETTLED_READOUTS: [ReadoutSpec<SettledOutcomes>; 8] = [
    settled!(
        "displacement_mm",
        Msg::ReadoutSettledDisplacementMm,
        "mm",
        2,
        Msg::ReadoutSettledTip,
        |o| { Value::Number(o.displacement_mm) }
    ),
    settled!(
        "dx_mm",
        Msg::ReadoutSettledDxMm,
        "mm",
        2,
        Msg::ReadoutSettledTip,
        |o| { Value::Number(o.dx_mm) }
    ),
    settled!(
        "dy_mm",
        Msg::ReadoutSettledDyMm,
        "mm",
        2,
        Msg::ReadoutSettledTip,
        |o| { Value::Number(o.dy_mm) }
    ),
    settled!(
        "tilt_deg",
        Msg::ReadoutSettledTiltDeg,
        "°",
        1,
        Msg::ReadoutSettledTip,
        |o| { Value::Number(o.tilt_deg) }
    ),
    settled!(
        "head_rise_mm",
        Msg::ReadoutSettledHeadRiseMm,
        "mm",
        2,
        Msg::SceneTipDimensions,
        |o| { Value::Number(o.head_rise_mm) }
    ),
    settled!(
        "ground_shortening_mm",
        Msg::ReadoutSettledGroundShorteningMm,
        "mm",
        2,
        Msg::SceneTipDimensions,
        |o| Value::Number(o.ground_shortening_mm)
    ),
    settled!(
        "contacts",
        Msg::ReadoutSettledContacts,
        "",
        0,
        Msg::ReadoutSettledTip,
        |o| { Value::Count(o.contacts) }
    ),
    settled!(
        "residual",
        Msg::ReadoutSettledResidual,
        "",
        0,
        Msg::ReadoutSettledTip,
        |o| { Value::Number(o.residual) }
    ),
];

/// Published radiographic shortenings (mm) to compare with the ground-projected shortening
/// ([`Outcomes::ground_shortening_mm`]): a dorsoplantar radiograph projects the metatarsal on
/// the film under the sole (reference Section 6.4). Reference marks, not a pass/fail.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PublishedShortening {
    /// Catalogue id of its label.
    pub label_id: Msg,
    /// The published mean shortening (mm).
    pub mean_mm: f64,
    /// Standard deviation, when published.
    pub sd_mm: Option<f64>,
    /// Where it was published.
    pub source: &'static str,
}

/// The published DMMO shortenings that apply to `ray`: clinical and cadaver M2, Malhotra per ray.
pub fn published_shortenings(ray: crate::model::Ray) -> Vec<PublishedShortening> {
    use crate::model::Ray;
    let mut out = Vec::with_capacity(3);
    if ray == Ray::M2 {
        out.push(PublishedShortening {
            label_id: Msg::PublishedClinical,
            mean_mm: 2.76,
            sd_mm: None,
            source: "J Orthop Surg Res 2019, doi 10.1186/s13018-019-1159-0",
        });
        out.push(PublishedShortening {
            label_id: Msg::PublishedCadaver,
            mean_mm: 2.10,
            sd_mm: None,
            source: "J Orthop Surg Res 2019, doi 10.1186/s13018-019-1159-0",
        });
    }
    let (mean, sd) = match ray {
        Ray::M2 => (3.6, 2.2),
        Ray::M3 => (4.1, 1.6),
        Ray::M4 => (3.6, 1.6),
    };
    out.push(PublishedShortening {
        label_id: Msg::PublishedMalhotra,
        mean_mm: mean,
        sd_mm: Some(sd),
        source: "Malhotra et al., BOFAS",
    });
    out
}

/// The plain-language name of a verdict (`held` → "held by friction").
pub fn verdict_text_in(lang: Lang, verdict: Verdict) -> &'static str {
    tr(
        lang,
        match verdict {
            Verdict::NoContact => Msg::VerdictNoContact,
            Verdict::Held => Msg::VerdictHeld,
            Verdict::SlidesProximal => Msg::VerdictSlidesProximal,
            Verdict::SlidesDistal => Msg::VerdictSlidesDistal,
            Verdict::SlidesDorsal => Msg::VerdictSlidesDorsal,
            Verdict::SlidesPlantar => Msg::VerdictSlidesPlantar,
            Verdict::TipsDorsal => Msg::VerdictTipsDorsal,
            Verdict::TipsPlantar => Msg::VerdictTipsPlantar,
            Verdict::Glides => Msg::VerdictGlides,
            Verdict::Separates => Msg::VerdictSeparates,
        },
    )
}

/// A readout value as displayed in English (fixed decimals, unit appended).
pub fn display<T>(spec: &ReadoutSpec<T>, value: Value) -> String {
    display_in(spec, value, Lang::En)
}

/// A readout value as displayed in `lang` (decimal comma in French and Spanish, the minus
/// sign U+2212, a no-break space before the unit: [`i18n::quantity`]). Its machine value is
/// [`Value::data_value`].
pub fn display_in<T>(spec: &ReadoutSpec<T>, value: Value, lang: Lang) -> String {
    match value {
        Value::Number(v) => i18n::quantity(lang, v, spec.decimals, spec.unit),
        Value::Count(n) => n.to_string(),
        Value::Verdict(v) => verdict_text_in(lang, v).to_string(),
    }
}

/// A one-sentence summary of what the motion does, in English.
pub fn summary(state: &State, e: &Evaluation) -> String {
    summary_in(state, e, Lang::En)
}

/// A one-sentence summary of what the motion does, for the page and the live region.
pub fn summary_in(state: &State, e: &Evaluation, lang: Lang) -> String {
    let o = &e.outcomes;
    let p = &e.params;
    let mm = |v: f64| fixed(lang, v.abs(), 1);
    let mut motion = Vec::new();
    if p.motion.closure_mm > 0.0 {
        if (p.motion.closure_mm - p.cut.kerf_mm).abs() < 1e-9 {
            motion.push(trf(
                lang,
                Msg::SummaryClosingKerf,
                &[("kerf", &mm(p.cut.kerf_mm))],
            ));
        } else {
            motion.push(trf(
                lang,
                Msg::SummaryClosingPart,
                &[
                    ("close", &mm(p.motion.closure_mm)),
                    ("kerf", &mm(p.cut.kerf_mm)),
                ],
            ));
        }
    }
    if p.motion.slide_mm.abs() >= 0.05 {
        let id = if p.motion.slide_mm < 0.0 {
            Msg::SummarySlidingProximal
        } else {
            Msg::SummarySlidingDistal
        };
        motion.push(trf(lang, id, &[("mm", &mm(p.motion.slide_mm))]));
    }
    if p.motion.tilt_deg.abs() >= 0.05 {
        motion.push(trf(
            lang,
            Msg::SummaryTilting,
            &[("deg", &fixed(lang, p.motion.tilt_deg, 1))],
        ));
    }
    let what = if motion.is_empty() {
        tr(lang, Msg::SummaryNothing).to_string()
    } else {
        let rise = if o.head_rise_mm >= 0.05 {
            trf(lang, Msg::SummaryRaises, &[("mm", &mm(o.head_rise_mm))])
        } else if o.head_rise_mm <= -0.05 {
            trf(lang, Msg::SummaryLowers, &[("mm", &mm(o.head_rise_mm))])
        } else {
            tr(lang, Msg::SummaryHeightUnchanged).to_string()
        };
        let length = if o.axial_shortening_mm >= 0.05 {
            trf(
                lang,
                Msg::SummaryShortens,
                &[("mm", &mm(o.axial_shortening_mm))],
            )
        } else if o.axial_shortening_mm <= -0.05 {
            trf(
                lang,
                Msg::SummaryLengthens,
                &[("mm", &mm(o.axial_shortening_mm))],
            )
        } else {
            tr(lang, Msg::SummaryLengthUnchanged).to_string()
        };
        i18n::capitalise(&trf(
            lang,
            Msg::SummaryMotion,
            &[
                ("motion", &motion.join(tr(lang, Msg::SummaryAnd))),
                ("rise", &rise),
                ("length", &length),
            ],
        ))
    };
    let statics = statics_sentence(e, lang);
    if state.load {
        trf(
            lang,
            Msg::SummarySentenceLoaded,
            &[
                ("what", &what),
                ("statics", &statics),
                ("settled", &settled_sentence(e, lang)),
            ],
        )
    } else {
        trf(
            lang,
            Msg::SummarySentence,
            &[("what", &what), ("statics", &statics)],
        )
    }
}

/// What the loads do to the head as left, in words (the rigid verdict).
pub fn statics_sentence(e: &Evaluation, lang: Lang) -> String {
    let lever = fixed(lang, e.outcomes.tipping_lever_mm, 1);
    let id = match e.outcomes.verdict {
        Verdict::NoContact => Msg::SummaryStaticsNoContact,
        Verdict::Held => Msg::SummaryStaticsHeld,
        Verdict::SlidesProximal => Msg::SummaryStaticsSlidesProximal,
        Verdict::SlidesDistal => Msg::SummaryStaticsSlidesDistal,
        Verdict::SlidesDorsal => Msg::SummaryStaticsSlidesDorsal,
        Verdict::SlidesPlantar => Msg::SummaryStaticsSlidesPlantar,
        Verdict::TipsDorsal => Msg::SummaryStaticsTipsDorsal,
        Verdict::TipsPlantar => Msg::SummaryStaticsTipsPlantar,
        Verdict::Glides => Msg::SummaryStaticsGlides,
        Verdict::Separates => Msg::SummaryStaticsSeparates,
    };
    trf(lang, id, &[("e", &lever)])
}

/// Where the head goes under body weight, in words: how far, which way, and its tilt.
pub fn settled_sentence(e: &Evaluation, lang: Lang) -> String {
    let s = &e.settled_outcomes;
    if s.displacement_mm < 0.05 && s.tilt_deg.abs() < 0.05 {
        return tr(lang, Msg::SummarySettledStill).to_string();
    }
    let direction = tr(
        lang,
        match Direction::of(e.settled.displacement) {
            Direction::Proximal => Msg::SummarySettledProximal,
            Direction::Distal => Msg::SummarySettledDistal,
            Direction::Dorsal => Msg::SummarySettledDorsal,
            Direction::Plantar => Msg::SummarySettledPlantar,
        },
    );
    let moves = trf(
        lang,
        Msg::SummarySettledMoves,
        &[
            ("mm", &fixed(lang, s.displacement_mm, 1)),
            ("direction", &direction),
        ],
    );
    let tilt = if s.tilt_deg >= 0.5 {
        trf(
            lang,
            Msg::SummarySettledDorsiflexion,
            &[("deg", &fixed(lang, s.tilt_deg, 1))],
        )
    } else if s.tilt_deg <= -0.5 {
        trf(
            lang,
            Msg::SummarySettledPlantarflexion,
            &[("deg", &fixed(lang, -s.tilt_deg, 1))],
        )
    } else {
        String::new()
    };
    let closes = e.outcomes.gap_mm > 0.0 && s.contacts > 0;
    format!(
        "{moves}{tilt}{}",
        if closes {
            tr(lang, Msg::SummarySettledCloses)
        } else {
            ""
        }
    )
}

/// Everything `osteoviz eval` prints: one flat JSON object, the outcomes first.
#[derive(Clone, Debug)]
pub struct Report {
    /// The readouts of the head as left, by JSON key, in table order.
    pub outcomes: Vec<(&'static str, Value)>,
    /// The `settled` object.
    pub settled: Vec<(&'static str, Value)>,
    /// The shortest query that gives the same state.
    pub query: String,
    /// One sentence on what the motion does.
    pub summary: String,
    /// What was not taken as written in the query, then why the motion was limited.
    pub warnings: Vec<String>,
}

impl Serialize for Report {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.outcomes.len() + 4))?;
        for (key, value) in &self.outcomes {
            map.serialize_entry(key, value)?;
        }
        map.serialize_entry("settled", &Pairs(&self.settled))?;
        map.serialize_entry("query", &self.query)?;
        map.serialize_entry("summary", &self.summary)?;
        map.serialize_entry("warnings", &self.warnings)?;
        map.end()
    }
}

/// `(key, value)` pairs serialised as a JSON object, in order (the eval JSON's objects, the
/// plan's too).
pub(crate) struct Pairs<'a, T>(pub(crate) &'a [(&'static str, T)]);

impl<T: Serialize> Serialize for Pairs<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// Parses, evaluates and collects the readouts of a query (texts in English).
pub fn report(parsed: &Parsed) -> Result<Report, ModelError> {
    report_in(parsed, Lang::En)
}

/// [`report`] with its summary and warnings in `lang` (keys and numbers unchanged).
pub fn report_in(parsed: &Parsed, lang: Lang) -> Result<Report, ModelError> {
    let e = evaluate(&parsed.state.to_params())?;
    let mut warnings: Vec<String> = parsed.notices.iter().map(|n| n.notice_text(lang)).collect();
    warnings.extend(cautions_in(&e, lang));
    Ok(Report {
        outcomes: READOUTS
            .iter()
            .map(|r| (r.key, (r.value)(&e.outcomes)))
            .collect(),
        settled: SETTLED_READOUTS
            .iter()
            .map(|r| (r.key, (r.value)(&e.settled_outcomes)))
            .collect(),
        query: query::to_query(&parsed.state),
        summary: summary_in(&parsed.state, &e, lang),
        warnings,
    })
}

/// What the page lists under the drawing and `osteoviz eval` adds to its warnings: why the
/// motion was limited, then whether the cut enters the joint.
pub fn cautions_in(e: &Evaluation, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = e.limits.iter().map(|l| limit_text_in(l, lang)).collect();
    if e.params.cut.enters_joint(&e.params.anatomy) {
        out.push(tr(lang, Msg::LimitEntersJoint).to_string());
    }
    out
}

/// A motion limit in words.
pub fn limit_text_in(limit: &crate::model::kinematics::MotionLimit, lang: Lang) -> String {
    use crate::model::kinematics::MotionLimit::*;
    let n = |v: f64| fixed(lang, v, 2);
    let (id, requested, applied) = match *limit {
        ClosureLimitedToKerf {
            requested_mm,
            applied_mm,
        } => (Msg::LimitClosureKerf, requested_mm, applied_mm),
        ClosureReducedForTilt {
            requested_mm,
            applied_mm,
        } => (Msg::LimitClosureTilt, requested_mm, applied_mm),
        TiltLimited {
            requested_deg,
            applied_deg,
        } => (Msg::LimitTilt, requested_deg, applied_deg),
    };
    trf(
        lang,
        id,
        &[("requested", &n(requested)), ("applied", &n(applied))],
    )
}

/// Why the model cannot draw a state, in `lang`.
pub fn model_error_text(error: &ModelError, lang: Lang) -> String {
    use crate::model::fragments::FragmentError;
    match error {
        ModelError::NotFinite(name) => trf(lang, Msg::ErrorNotFinite, &[("name", name)]),
        ModelError::OutOfRange {
            name,
            value,
            min,
            max,
        } => trf(
            lang,
            Msg::ErrorOutOfRange,
            &[
                ("name", name),
                ("value", &i18n::number(lang, *value, 6)),
                ("min", &i18n::number(lang, *min, 6)),
                ("max", &i18n::number(lang, *max, 6)),
            ],
        ),
        ModelError::Fragments(FragmentError::HeadCentreNotDistal) => {
            tr(lang, Msg::ErrorHeadCentreNotDistal).to_string()
        }
        ModelError::Fragments(FragmentError::MissesBone) => {
            tr(lang, Msg::ErrorMissesBone).to_string()
        }
    }
}

#[cfg(test)]
mod tip_tests {
    use super::*;

    #[test]
    fn every_readout_has_a_title_in_each_language() {
        for (key, tip) in READOUTS
            .iter()
            .map(|r| (r.key, r.tip))
            .chain(SETTLED_READOUTS.iter().map(|r| (r.key, r.tip)))
        {
            for lang in Lang::ALL {
                assert!(!tr(lang, tip).trim().is_empty(), "{key} in {lang:?}");
            }
        }
        // The settled head's rise and shortening read as the drawing's; its motion shares a tip.
        let settled: Vec<Msg> = SETTLED_READOUTS.iter().map(|r| r.tip).collect();
        assert_eq!(settled[4..6], [Msg::SceneTipDimensions; 2]);
        assert!(settled[..4].iter().all(|&m| m == Msg::ReadoutSettledTip));
    }
}
