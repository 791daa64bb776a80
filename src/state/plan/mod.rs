//! The forefoot plan: M2, M3 and M4, each with its own single-ray [`State`], M1 and M5 as
//! references; its query codec, presets, evaluation and report (the `osteoviz eval` JSON).
//!
//! # Query keys
//!
//! A query is a plan query when it has `plan=` or any key with a ray prefix (`m2.`, `m3.`, ...):
//! see [`is_plan_query`]. Without them the single-ray keys keep their meaning exactly.
//!
//! | key | meaning | default |
//! |---|---|---|
//! | `plan` | `m2` (M2 alone), `m2m3` (M2 + M3), `m2m3m4` (M2 + M3 + M4) | `m2m3m4` |
//! | `edit` | the ray whose sagittal view the page shows and edits: 2, 3, 4 (`ray=` is read as `edit=`) | 2 |
//! | `compare` | a plan preset drawn beside this plan (its default rays) | none |
//! | `mN.KEY` | single-ray key `KEY` of ray N (2-4): `m3.cut=50`, `m4.kerf=0`, `m2.preset=weil` | the plan's base |
//!
//! The plan preset sets each ray's base state: a treated ray starts from the `dmmo` preset, an
//! untreated one from `dmmo` with no kerf and no closure (no slide, no tilt): a ray "not cut".
//! `mN.preset=NAME` starts that ray from another single-ray preset instead; the other `mN.` keys
//! override, exactly as the unprefixed keys do in a single-ray query. Unknown keys, bad values
//! and clamps are reported as notices with their prefix. [`plan_to_query`] writes the shortest
//! text: `plan=NAME[&edit=N][&compare=NAME]` and each ray's keys that differ from its base
//! (or from the single-ray preset that needs the fewest).
//!
//! The plan's types and presets live here; [`codec`] reads and writes its query text,
//! [`evaluation`] its model and metrics, [`text`] its wording, [`report`] the `osteoviz eval`
//! JSON. The state layer's plan may import the single-ray state, the model and the catalogue;
//! never the scene or the interface.

mod codec;
mod evaluation;
mod report;
mod text;

pub use codec::*;
pub use evaluation::*;
pub use report::*;
pub use text::*;

use super::i18n::Lang;
use super::i18n::{tr, trf};
use super::{Preset, State};
use crate::model::Ray;
use crate::state::i18n::Msg;
use serde::Serialize;

/// Which lesser rays a plan cuts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub enum PlanPreset {
    /// M2 alone.
    M2,
    /// M2 and M3.
    M2M3,
    /// M2, M3 and M4 (the default: the usual DMMO plan).
    #[default]
    M2M3M4,
}

impl PlanPreset {
    /// Every plan preset, fewest rays first.
    pub const ALL: [PlanPreset; 3] = [PlanPreset::M2, PlanPreset::M2M3, PlanPreset::M2M3M4];

    /// The `plan=` name.
    pub fn name(self) -> &'static str {
        match self {
            PlanPreset::M2 => "m2",
            PlanPreset::M2M3 => "m2m3",
            PlanPreset::M2M3M4 => "m2m3m4",
        }
    }

    /// The preset whose `plan=` name is `name`, read leniently: case, spaces, `+` and commas are
    /// ignored (`M2+M3` is `m2m3`).
    pub fn from_name(name: &str) -> Option<PlanPreset> {
        let n = name
            .trim()
            .to_ascii_lowercase()
            .replace(['+', ' ', ','], "");
        PlanPreset::ALL.into_iter().find(|p| p.name() == n)
    }

    /// A short label for buttons, in English.
    pub fn label(self) -> &'static str {
        match self {
            PlanPreset::M2 => "M2 alone",
            PlanPreset::M2M3 => "M2 + M3",
            PlanPreset::M2M3M4 => "M2 + M3 + M4",
        }
    }

    /// [`PlanPreset::label`] in `lang`.
    pub fn label_in(self, lang: Lang) -> String {
        match self {
            PlanPreset::M2 => trf(lang, Msg::PlanRayAlone, &[("ray", &"M2")]),
            PlanPreset::M2M3 | PlanPreset::M2M3M4 => self.label().to_string(),
        }
    }

    /// One sentence on the preset, in English.
    pub fn description(self) -> &'static str {
        self.description_in(Lang::En)
    }

    /// [`PlanPreset::description`] in `lang` (the preset button's tooltip).
    pub fn description_in(self, lang: Lang) -> &'static str {
        tr(
            lang,
            match self {
                PlanPreset::M2 => Msg::PlanPresetM2Description,
                PlanPreset::M2M3 => Msg::PlanPresetM2m3Description,
                PlanPreset::M2M3M4 => Msg::PlanPresetM2m3m4Description,
            },
        )
    }

    /// Whether the preset cuts `ray`.
    pub fn treats(self, ray: Ray) -> bool {
        match self {
            PlanPreset::M2 => ray == Ray::M2,
            PlanPreset::M2M3 => ray != Ray::M4,
            PlanPreset::M2M3M4 => true,
        }
    }

    /// The base state of `ray` in this preset.
    pub fn base_state(self, ray: Ray) -> State {
        if self.treats(ray) {
            Preset::Dmmo.state(ray)
        } else {
            untreated_state(ray)
        }
    }
}

/// A ray that is not cut: the `dmmo` state with no kerf and no closure (nothing moves).
pub fn untreated_state(ray: Ray) -> State {
    State {
        kerf_mm: 0.0,
        close_mm: 0.0,
        slide_mm: 0.0,
        tilt_deg: 0.0,
        ..Preset::Dmmo.state(ray)
    }
}

/// Whether a ray's state is an osteotomy (some kerf or some motion).
pub fn is_treated(state: &State) -> bool {
    state.kerf_mm > 0.0 || state.close_mm > 0.0 || state.slide_mm != 0.0 || state.tilt_deg != 0.0
}

/// Index of a lesser ray in [`Plan::rays`].
pub fn ray_index(ray: Ray) -> usize {
    ray.number() as usize - 2
}

/// The whole plan: one single-ray state per lesser ray.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plan {
    /// The plan preset that set the rays' base states.
    pub preset: PlanPreset,
    /// M2, M3, M4; each state's `ray` is its own.
    pub rays: [State; 3],
    /// The ray the page edits (its sagittal view).
    pub edit: Ray,
    /// A plan preset drawn beside this one.
    pub compare: Option<PlanPreset>,
    /// Every treated head settled under its share of body weight (`load=1`). The rays' own
    /// `load` stays false: the plan holds it once.
    pub load: bool,
}

impl Default for Plan {
    fn default() -> Self {
        Plan::new(PlanPreset::default())
    }
}

impl Plan {
    /// The plan of `preset`: each ray at its base state, M2 edited, no comparison, not under load.
    pub fn new(preset: PlanPreset) -> Plan {
        Plan {
            preset,
            rays: Ray::ALL.map(|r| preset.base_state(r)),
            edit: Ray::M2,
            compare: None,
            load: false,
        }
    }

    /// The state of `ray`.
    pub fn state(&self, ray: Ray) -> &State {
        &self.rays[ray_index(ray)]
    }

    /// The state of the edited ray.
    pub fn edited(&self) -> &State {
        self.state(self.edit)
    }

    /// Stores a ray's state (by its `ray`); its `load` is the plan's.
    pub fn set_state(&mut self, state: State) {
        self.rays[ray_index(state.ray)] = State {
            load: false,
            ..state
        };
    }

    /// The edited ray's state as the single-ray view shows it (with the plan's `load`).
    pub fn edited_view(&self) -> State {
        State {
            load: self.load,
            ..*self.edited()
        }
    }

    /// Starts over from a plan preset, keeping the edited ray and the comparison.
    pub fn apply_preset(&mut self, preset: PlanPreset) {
        *self = Plan {
            edit: self.edit,
            compare: self.compare,
            load: self.load,
            ..Plan::new(preset)
        };
    }

    /// Cuts a ray (the `dmmo` preset) or leaves it uncut.
    pub fn set_treated(&mut self, ray: Ray, treated: bool) {
        self.set_state(if treated {
            Preset::Dmmo.state(ray)
        } else {
            untreated_state(ray)
        });
    }

    /// Whether `ray` is cut (some kerf or some motion).
    pub fn is_treated(&self, ray: Ray) -> bool {
        is_treated(self.state(ray))
    }

    /// The plan preset whose rays' treated/untreated pattern this plan has, if any.
    pub fn treated_pattern(&self) -> Option<PlanPreset> {
        PlanPreset::ALL
            .into_iter()
            .find(|p| Ray::ALL.iter().all(|r| p.treats(*r) == self.is_treated(*r)))
    }

    /// A short name of what is cut: "M2 + M3 + M4", "M3 alone", "no ray".
    pub fn treated_label(&self) -> String {
        self.treated_label_in(Lang::En)
    }

    /// [`Plan::treated_label`] in `lang`.
    pub fn treated_label_in(&self, lang: Lang) -> String {
        let cut: Vec<String> = Ray::ALL
            .iter()
            .filter(|r| self.is_treated(**r))
            .map(|r| format!("M{}", r.number()))
            .collect();
        match cut.len() {
            0 => tr(lang, Msg::PlanNoRayCut).to_string(),
            1 => trf(lang, Msg::PlanRayAlone, &[("ray", &cut[0])]),
            _ => cut.join(" + "),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_treat_their_rays() {
        let p = Plan::new(PlanPreset::M2);
        assert!(p.is_treated(Ray::M2) && !p.is_treated(Ray::M3) && !p.is_treated(Ray::M4));
        assert_eq!(p.treated_pattern(), Some(PlanPreset::M2));
        assert_eq!(p.treated_label(), "M2 alone");
        assert_eq!(Plan::default().treated_label(), "M2 + M3 + M4");
    }

    #[test]
    fn canonical_text_is_short_and_round_trips() {
        assert_eq!(plan_to_query(&Plan::default()), "plan=m2m3m4");
        let parsed = parse_plan_query("plan=m2&edit=3&m3.cut=50&m4.preset=dmmo&m2.slide=-1");
        assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
        let text = plan_to_query(&parsed.plan);
        assert_eq!(text, "plan=m2&edit=3&m2.slide=-1&m3.cut=50&m4.preset=dmmo");
        assert_eq!(parse_plan_query(&text).plan, parsed.plan);
        assert_eq!(parsed.plan.state(Ray::M3).kerf_mm, 0.0);
        assert_eq!(parsed.plan.state(Ray::M4).kerf_mm, 2.6);
    }

    #[test]
    fn bad_keys_are_reported_with_their_prefix() {
        let p = parse_plan_query("plan=m5&m3.kerf=9&m1.cut=3&m4.ray=2&m2.cut=abc&cut=1&edit=7");
        assert_eq!(p.plan.preset, PlanPreset::M2M3M4);
        assert_eq!(p.plan.edit, Ray::M2);
        let text: Vec<String> = p.notices.iter().map(|n| n.to_string()).collect();
        assert!(text.iter().any(|t| t.contains("m3.kerf=9")), "{text:?}");
        assert!(text.iter().any(|t| t.contains("m1.cut")), "{text:?}");
        assert!(text.iter().any(|t| t.contains("m4.ray")), "{text:?}");
        assert!(text.iter().any(|t| t.contains("for m2.cut")), "{text:?}");
        assert_eq!(p.notices.len(), 7, "{text:?}");
    }

    #[test]
    fn plan_queries_are_recognised() {
        assert!(is_plan_query("plan=m2"));
        assert!(is_plan_query("?m3.cut=40"));
        assert!(is_plan_query("m1.cut=40"));
        assert!(!is_plan_query("preset=dmmo&ray=3&cut=40"));
        assert!(!is_plan_query(""));
    }
}
