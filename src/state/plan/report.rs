//! Everything `osteoviz eval` prints for a plan query: [`PlanReport`] and its JSON form (the
//! keys are a public contract: README "osteoviz eval"). Imports every other part of the plan.

use super::{
    evaluate_plan, head_metrics, plan_metrics, plan_summary_in, plan_to_query, transfer_text_in,
    HeadMetrics, Plan, PlanMetrics, PlanParsed, HEURISTIC_LABEL,
};
use crate::model::plan::{Head, CAVEAT};
use crate::model::ModelError;
use crate::state::i18n::tr;
use crate::state::i18n::Lang;
use crate::state::i18n::Msg;
use crate::state::readouts::{report_in, Pairs, Report};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// Everything `osteoviz eval` prints for a plan query.
#[derive(Clone, Debug)]
pub struct PlanReport {
    /// The plan as parsed: its preset, rays, edited ray, comparison and load.
    pub plan: Plan,
    /// Each lesser ray's single-ray report, by head name (`"m2"`…).
    pub rays: Vec<(&'static str, Report)>,
    /// Each head's metrics, by head name, M1 to M5.
    pub heads: Vec<(&'static str, HeadMetrics)>,
    /// The forefoot metrics (harmony indicators, load shares' evenness).
    pub metrics: PlanMetrics,
    /// The transfer metatarsalgia warnings, as numbers.
    pub transfers: Vec<crate::model::plan::Transfer>,
    /// The same warnings in words.
    pub transfer_warnings: Vec<String>,
    /// The shortest plan query that gives the same plan.
    pub query: String,
    /// One sentence on what the plan does.
    pub summary: String,
    /// What was not taken as written in the query, then each ray's motion limits (prefixed with its
    /// head).
    pub warnings: Vec<String>,
}

#[derive(Serialize)]
struct TransferEntry {
    ray: &'static str,
    neighbour: &'static str,
    lower_mm: f64,
    longer_mm: f64,
}

impl Serialize for PlanReport {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("plan", self.plan.preset.name())?;
        map.serialize_entry("edit", &self.plan.edit.number())?;
        map.serialize_entry("compare", &self.plan.compare.map(|c| c.name()))?;
        map.serialize_entry("load", &u8::from(self.plan.load))?;
        map.serialize_entry("rays", &Pairs(&self.rays))?;
        map.serialize_entry("heads", &Pairs(&self.heads))?;
        for (k, v) in self.metrics.entries() {
            map.serialize_entry(k, &v)?;
        }
        let transfers: Vec<TransferEntry> = self
            .transfers
            .iter()
            .map(|t| TransferEntry {
                ray: t.head.name(),
                neighbour: t.neighbour.name(),
                lower_mm: t.lower_mm,
                longer_mm: t.longer_mm,
            })
            .collect();
        map.serialize_entry("transfer", &transfers)?;
        map.serialize_entry("transfer_warnings", &self.transfer_warnings)?;
        map.serialize_entry("load_model", HEURISTIC_LABEL)?;
        map.serialize_entry("caveat", CAVEAT)?;
        map.serialize_entry("query", &self.query)?;
        map.serialize_entry("summary", &self.summary)?;
        map.serialize_entry("warnings", &self.warnings)?;
        map.end()
    }
}

/// Evaluates a parsed plan and collects its report. Notices and each ray's motion limits
/// (prefixed `m3: ...`) become warnings.
pub fn plan_report(parsed: &PlanParsed) -> Result<PlanReport, ModelError> {
    plan_report_in(parsed, Lang::En)
}

/// [`plan_report`] with its summary and warnings in `lang` (keys and numbers unchanged).
pub fn plan_report_in(parsed: &PlanParsed, lang: Lang) -> Result<PlanReport, ModelError> {
    let plan = &parsed.plan;
    let e = evaluate_plan(plan).map_err(|(_, err)| err)?;
    let mut warnings: Vec<String> = parsed.notices.iter().map(|n| n.notice_text(lang)).collect();
    let mut rays = Vec::with_capacity(3);
    for state in &plan.rays {
        let single = crate::state::query::Parsed {
            state: *state,
            notices: Vec::new(),
            other: Vec::new(),
        };
        let r = report_in(&single, lang)?;
        let name = Head::of_ray(state.ray).name();
        let colon = tr(lang, Msg::AboutColon);
        warnings.extend(r.warnings.iter().map(|w| format!("{name}{colon}{w}")));
        rays.push((name, r));
    }
    let f = &e.forefoot;
    Ok(PlanReport {
        plan: *plan,
        rays,
        heads: Head::ALL
            .into_iter()
            .map(|h| (h.name(), head_metrics(&e, h)))
            .collect(),
        metrics: plan_metrics(&e),
        transfers: f.transfers.clone(),
        transfer_warnings: f
            .transfers
            .iter()
            .map(|t| transfer_text_in(t, lang))
            .collect(),
        query: plan_to_query(plan),
        summary: plan_summary_in(plan, &e, lang),
        warnings,
    })
}
