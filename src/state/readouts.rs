//! The outcomes as named readouts: one table for the interface (`data-outcome`) and the CLI's
//! JSON, so both always use the same keys, units and precision.

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

/// The plain-language name of a verdict.
pub fn verdict_text(key: &str) -> &'static str {
    match key {
        "held" => "held by friction",
        "slides_proximal" => "slides proximally",
        "slides_distal" => "slides distally",
        _ => "separates",
    }
}

/// A readout value as displayed (fixed decimals, unit appended).
pub fn display(spec: &ReadoutSpec, value: Value) -> String {
    match value {
        Value::Number(v) => {
            let n = super::format_fixed(v, spec.decimals);
            if spec.unit.is_empty() {
                n
            } else if spec.unit == "°" {
                format!("{n}°")
            } else {
                format!("{n} {}", spec.unit)
            }
        }
        Value::Text(t) => verdict_text(t).to_string(),
    }
}

/// A one-sentence summary of what the motion does, for the page and the live region.
pub fn summary(state: &State, e: &Evaluation) -> String {
    let o = &e.outcomes;
    let p = &e.params;
    let mm = |v: f64| super::format_fixed(v.abs(), 1);
    let mut motion = Vec::new();
    if p.motion.closure_mm > 0.0 {
        if (p.motion.closure_mm - p.cut.kerf_mm).abs() < 1e-9 {
            motion.push(format!("closing the {} mm kerf", mm(p.cut.kerf_mm)));
        } else {
            motion.push(format!(
                "closing {} mm of the {} mm kerf",
                mm(p.motion.closure_mm),
                mm(p.cut.kerf_mm)
            ));
        }
    }
    if p.motion.slide_mm.abs() >= 0.05 {
        motion.push(format!(
            "sliding the head {} mm {}",
            mm(p.motion.slide_mm),
            if p.motion.slide_mm < 0.0 {
                "proximally"
            } else {
                "distally"
            }
        ));
    }
    if p.motion.tilt_deg.abs() >= 0.05 {
        motion.push(format!(
            "tilting it {}°",
            super::format_fixed(p.motion.tilt_deg, 1)
        ));
    }
    let what = if motion.is_empty() {
        "With the head fragment in place, nothing moves".to_string()
    } else {
        let mut s = motion.join(" and ");
        s[..1].make_ascii_uppercase();
        let rise = if o.head_rise_mm >= 0.05 {
            format!("raises the head {} mm", mm(o.head_rise_mm))
        } else if o.head_rise_mm <= -0.05 {
            format!("lowers the head {} mm", mm(o.head_rise_mm))
        } else {
            "leaves the head height unchanged".to_string()
        };
        let length = if o.axial_shortening_mm >= 0.05 {
            format!("shortens the ray {} mm", mm(o.axial_shortening_mm))
        } else if o.axial_shortening_mm <= -0.05 {
            format!("lengthens the ray {} mm", mm(o.axial_shortening_mm))
        } else {
            "keeps its length".to_string()
        };
        format!("{s} {rise} and {length}")
    };
    let statics = match o.verdict.key() {
        "held" => "the ground force presses the fragments together, so the head is held",
        "slides_proximal" => "the ground force pushes the head along the cut faster than friction holds it: it slides proximally",
        "slides_distal" => "the ground force pushes the head along the cut faster than friction holds it: it slides distally",
        _ => "the ground force pulls the fragments apart: the head separates",
    };
    let _ = state;
    format!("{what}; {statics}.")
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

/// Parses, evaluates and collects the readouts of a query.
pub fn report(parsed: &Parsed) -> Result<Report, ModelError> {
    let e = evaluate(&parsed.state.to_params())?;
    let mut warnings: Vec<String> = parsed.notices.iter().map(|n| n.to_string()).collect();
    warnings.extend(e.limits.iter().map(limit_text));
    Ok(Report {
        outcomes: READOUTS
            .iter()
            .map(|r| (r.key, (r.value)(&e.outcomes)))
            .collect(),
        query: query::to_query(&parsed.state),
        summary: summary(&parsed.state, &e),
        warnings,
    })
}

/// A motion limit in words.
pub fn limit_text(limit: &crate::model::kinematics::MotionLimit) -> String {
    use crate::model::kinematics::MotionLimit::*;
    let n = |v: f64| super::format_fixed(v, 2);
    match *limit {
        ClosureLimitedToKerf {
            requested_mm,
            applied_mm,
        } => format!(
            "closure {} mm is more than the kerf: {} mm used",
            n(requested_mm),
            n(applied_mm)
        ),
        ClosureReducedForTilt {
            requested_mm,
            applied_mm,
        } => format!(
            "the tilt would push bone into bone: closure reduced from {} to {} mm",
            n(requested_mm),
            n(applied_mm)
        ),
        TiltLimited {
            requested_deg,
            applied_deg,
        } => format!(
            "the tilt would push bone into bone: tilt limited from {}° to {}°",
            n(requested_deg),
            n(applied_deg)
        ),
    }
}
