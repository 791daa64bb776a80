//! The outcomes as named readouts: one table for the interface (`data-outcome`) and the CLI's
//! JSON, so both always use the same keys, units and precision.

use super::i18n::{self, fixed, tr, trf};
use super::view::Lang;
use super::{query, Parsed, State};
use crate::model::{evaluate, Evaluation, ModelError, Outcomes};
use serde::Serialize;

/// A readout's value.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Text(&'static str),
}

/// How one outcome is shown.
#[derive(Clone, Copy, Debug)]
pub struct ReadoutSpec {
    /// The JSON key and `data-outcome` attribute, with its unit in the name.
    pub key: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    pub decimals: usize,
    /// Rests on an assumption (no published value).
    pub assumption: bool,
    pub value: fn(&Outcomes) -> Value,
}

impl ReadoutSpec {
    /// The label in `lang` (`label` is the English one, for the JSON-facing code).
    pub fn label_in(&self, lang: Lang) -> &'static str {
        tr(lang, &format!("readout.{}", self.key))
    }
}

macro_rules! number {
    ($field:ident) => {
        |o: &Outcomes| Value::Number(o.$field)
    };
}

/// Every outcome, in display order.
pub const READOUTS: [ReadoutSpec; 16] = [
    ReadoutSpec {
        key: "cut_to_shaft_deg",
        label: "Cut to shaft φ",
        unit: "°",
        decimals: 1,
        assumption: false,
        value: number!(cut_to_shaft_deg),
    },
    ReadoutSpec {
        key: "cut_to_ground_deg",
        label: "Cut to ground θ",
        unit: "°",
        decimals: 1,
        assumption: false,
        value: number!(cut_to_ground_deg),
    },
    ReadoutSpec {
        key: "head_rise_mm",
        label: "Head rise",
        unit: "mm",
        decimals: 2,
        assumption: false,
        value: number!(head_rise_mm),
    },
    ReadoutSpec {
        key: "axial_shortening_mm",
        label: "Shortening along the shaft",
        unit: "mm",
        decimals: 2,
        assumption: false,
        value: number!(axial_shortening_mm),
    },
    ReadoutSpec {
        key: "ground_shortening_mm",
        label: "Shortening on the ground",
        unit: "mm",
        decimals: 2,
        assumption: false,
        value: number!(ground_shortening_mm),
    },
    ReadoutSpec {
        key: "dorsal_shift_mm",
        label: "Dorsal shift (to the shaft)",
        unit: "mm",
        decimals: 2,
        assumption: false,
        value: number!(dorsal_shift_mm),
    },
    ReadoutSpec {
        key: "declination_before_deg",
        label: "Declination before",
        unit: "°",
        decimals: 1,
        assumption: false,
        value: number!(declination_before_deg),
    },
    ReadoutSpec {
        key: "declination_after_deg",
        label: "Declination after",
        unit: "°",
        decimals: 2,
        assumption: true,
        value: number!(declination_after_deg),
    },
    ReadoutSpec {
        key: "contact_mm",
        label: "Bone contact",
        unit: "mm",
        decimals: 1,
        assumption: true,
        value: number!(contact_mm),
    },
    ReadoutSpec {
        key: "contact_fraction",
        label: "Contact / cut length",
        unit: "",
        decimals: 2,
        assumption: true,
        value: number!(contact_fraction),
    },
    ReadoutSpec {
        key: "gap_mm",
        label: "Gap between the faces",
        unit: "mm",
        decimals: 2,
        assumption: false,
        value: number!(gap_mm),
    },
    ReadoutSpec {
        key: "lever_arm_mm",
        label: "Lever arm of the ground force",
        unit: "mm",
        decimals: 1,
        assumption: true,
        value: number!(lever_arm_mm),
    },
    ReadoutSpec {
        key: "normal_ratio",
        label: "Compression N/F",
        unit: "",
        decimals: 2,
        assumption: true,
        value: number!(normal_ratio),
    },
    ReadoutSpec {
        key: "tangential_ratio",
        label: "Shear T/F",
        unit: "",
        decimals: 2,
        assumption: true,
        value: number!(tangential_ratio),
    },
    ReadoutSpec {
        key: "cut_length_mm",
        label: "Cut length through the bone",
        unit: "mm",
        decimals: 1,
        assumption: true,
        value: number!(cut_length_mm),
    },
    ReadoutSpec {
        key: "verdict",
        label: "Verdict",
        unit: "",
        decimals: 0,
        assumption: true,
        value: |o| Value::Text(o.verdict.key()),
    },
];

/// The plain-language name of a verdict, in English.
pub fn verdict_text(key: &str) -> &'static str {
    verdict_text_in(Lang::En, key)
}

/// The plain-language name of a verdict (`held` → "held by friction").
pub fn verdict_text_in(lang: Lang, key: &str) -> &'static str {
    tr(
        lang,
        match key {
            "held" => "verdict.held",
            "slides_proximal" => "verdict.slides_proximal",
            "slides_distal" => "verdict.slides_distal",
            _ => "verdict.separates",
        },
    )
}

/// A readout value as displayed in English (fixed decimals, unit appended).
pub fn display(spec: &ReadoutSpec, value: Value) -> String {
    display_in(spec, value, Lang::En)
}

/// A readout value as displayed in `lang` (decimal comma in French and Spanish).
pub fn display_in(spec: &ReadoutSpec, value: Value, lang: Lang) -> String {
    match value {
        Value::Number(v) => {
            let n = fixed(lang, v, spec.decimals);
            if spec.unit.is_empty() {
                n
            } else if spec.unit == "°" {
                format!("{n}°")
            } else {
                format!("{n} {}", spec.unit)
            }
        }
        Value::Text(t) => verdict_text_in(lang, t).to_string(),
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
                "summary.closing_kerf",
                &[("kerf", &mm(p.cut.kerf_mm))],
            ));
        } else {
            motion.push(trf(
                lang,
                "summary.closing_part",
                &[
                    ("close", &mm(p.motion.closure_mm)),
                    ("kerf", &mm(p.cut.kerf_mm)),
                ],
            ));
        }
    }
    if p.motion.slide_mm.abs() >= 0.05 {
        let id = if p.motion.slide_mm < 0.0 {
            "summary.sliding_proximal"
        } else {
            "summary.sliding_distal"
        };
        motion.push(trf(lang, id, &[("mm", &mm(p.motion.slide_mm))]));
    }
    if p.motion.tilt_deg.abs() >= 0.05 {
        motion.push(trf(
            lang,
            "summary.tilting",
            &[("deg", &fixed(lang, p.motion.tilt_deg, 1))],
        ));
    }
    let what = if motion.is_empty() {
        tr(lang, "summary.nothing").to_string()
    } else {
        let rise = if o.head_rise_mm >= 0.05 {
            trf(lang, "summary.raises", &[("mm", &mm(o.head_rise_mm))])
        } else if o.head_rise_mm <= -0.05 {
            trf(lang, "summary.lowers", &[("mm", &mm(o.head_rise_mm))])
        } else {
            tr(lang, "summary.height_unchanged").to_string()
        };
        let length = if o.axial_shortening_mm >= 0.05 {
            trf(
                lang,
                "summary.shortens",
                &[("mm", &mm(o.axial_shortening_mm))],
            )
        } else if o.axial_shortening_mm <= -0.05 {
            trf(
                lang,
                "summary.lengthens",
                &[("mm", &mm(o.axial_shortening_mm))],
            )
        } else {
            tr(lang, "summary.length_unchanged").to_string()
        };
        i18n::capitalise(&trf(
            lang,
            "summary.motion",
            &[
                ("motion", &motion.join(tr(lang, "summary.and"))),
                ("rise", &rise),
                ("length", &length),
            ],
        ))
    };
    let statics = tr(
        lang,
        match o.verdict.key() {
            "held" => "summary.statics.held",
            "slides_proximal" => "summary.statics.slides_proximal",
            "slides_distal" => "summary.statics.slides_distal",
            _ => "summary.statics.separates",
        },
    );
    let _ = state;
    trf(
        lang,
        "summary.sentence",
        &[("what", &what), ("statics", &statics)],
    )
}

/// Everything `osteoviz eval` prints: one flat JSON object, the outcomes first.
#[derive(Clone, Debug)]
pub struct Report {
    pub outcomes: Vec<(&'static str, Value)>,
    pub query: String,
    pub summary: String,
    pub warnings: Vec<String>,
}

impl Serialize for Report {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.outcomes.len() + 3))?;
        for (key, value) in &self.outcomes {
            map.serialize_entry(key, value)?;
        }
        map.serialize_entry("query", &self.query)?;
        map.serialize_entry("summary", &self.summary)?;
        map.serialize_entry("warnings", &self.warnings)?;
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
    warnings.extend(e.limits.iter().map(|l| limit_text_in(l, lang)));
    Ok(Report {
        outcomes: READOUTS
            .iter()
            .map(|r| (r.key, (r.value)(&e.outcomes)))
            .collect(),
        query: query::to_query(&parsed.state),
        summary: summary_in(&parsed.state, &e, lang),
        warnings,
    })
}

/// A motion limit in words, in English.
pub fn limit_text(limit: &crate::model::kinematics::MotionLimit) -> String {
    limit_text_in(limit, Lang::En)
}

/// A motion limit in words.
pub fn limit_text_in(limit: &crate::model::kinematics::MotionLimit, lang: Lang) -> String {
    use crate::model::kinematics::MotionLimit::*;
    let n = |v: f64| fixed(lang, v, 2);
    let (id, requested, applied) = match *limit {
        ClosureLimitedToKerf {
            requested_mm,
            applied_mm,
        } => ("limit.closure_kerf", requested_mm, applied_mm),
        ClosureReducedForTilt {
            requested_mm,
            applied_mm,
        } => ("limit.closure_tilt", requested_mm, applied_mm),
        TiltLimited {
            requested_deg,
            applied_deg,
        } => ("limit.tilt", requested_deg, applied_deg),
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
        ModelError::NotFinite(name) => trf(lang, "error.not_finite", &[("name", name)]),
        ModelError::OutOfRange {
            name,
            value,
            min,
            max,
        } => trf(
            lang,
            "error.out_of_range",
            &[
                ("name", name),
                ("value", &i18n::number(lang, *value, 6)),
                ("min", &i18n::number(lang, *min, 6)),
                ("max", &i18n::number(lang, *max, 6)),
            ],
        ),
        ModelError::Fragments(FragmentError::HeadCentreNotDistal) => {
            tr(lang, "error.head_centre_not_distal").to_string()
        }
        ModelError::Fragments(FragmentError::MissesBone) => {
            tr(lang, "error.misses_bone").to_string()
        }
    }
}
