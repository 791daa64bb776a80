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

use super::i18n::Lang;
use super::i18n::{self, fixed, tr, trf};
use super::query::{apply_pairs, pairs, Notice};
use super::readouts::{report_in, Pairs, Report};
use super::{format_fixed, Preset, State};
use crate::model::plan::{
    evaluate_forefoot, settle_forefoot, ForefootOutcome, Head, HeadMotion, SettledForefoot, CAVEAT,
    HEADS, LOAD_COUPLING, M2_M3_PATTERN_MM, PAD_COMPRESSION_MM, PROVENANCE, PUSH_OFF_HEEL_RISE_DEG,
    SM4_NORMAL_MM, SOURCE_BAROUK, SOURCE_BAROUK_SHORT, SOURCE_MAESTRO, SOURCE_MAESTRO_SHORT,
    TRANSFER_THRESHOLD_MM,
};
use crate::model::{evaluate, Evaluation, ModelError, Ray};
use crate::state::i18n::Msg;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

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
    pub const ALL: [PlanPreset; 3] = [PlanPreset::M2, PlanPreset::M2M3, PlanPreset::M2M3M4];

    /// The `plan=` name.
    pub fn name(self) -> &'static str {
        match self {
            PlanPreset::M2 => "m2",
            PlanPreset::M2M3 => "m2m3",
            PlanPreset::M2M3M4 => "m2m3m4",
        }
    }

    pub fn from_name(name: &str) -> Option<PlanPreset> {
        let n = name
            .trim()
            .to_ascii_lowercase()
            .replace(['+', ' ', ','], "");
        PlanPreset::ALL.into_iter().find(|p| p.name() == n)
    }

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
            _ => self.label().to_string(),
        }
    }

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
    pub fn new(preset: PlanPreset) -> Plan {
        Plan {
            preset,
            rays: Ray::ALL.map(|r| preset.base_state(r)),
            edit: Ray::M2,
            compare: None,
            load: false,
        }
    }

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

/// A parsed plan query: always a usable plan, and what was changed on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanParsed {
    pub plan: Plan,
    pub notices: Vec<Notice>,
    /// Pairs another layer owns (view keys), in order, decoded.
    pub other: Vec<(String, String)>,
}

/// The ray of a `mN.` prefix (`m2.` to `m4.`), or `None`.
fn prefixed(key: &str) -> Option<(Ray, &str)> {
    let (prefix, rest) = key.split_once('.')?;
    let n = prefix.strip_prefix('m')?.parse::<u8>().ok()?;
    Some((Ray::from_number(n)?, rest))
}

/// Whether a query describes a plan: it has `plan=` or a key with a ray prefix (`m1.` to `m5.`).
pub fn is_plan_query(query: &str) -> bool {
    pairs(query).iter().any(|(k, _)| {
        k == "plan"
            || k.split_once('.').is_some_and(|(p, _)| {
                p.len() == 2 && p.starts_with('m') && p[1..].chars().all(|c| c.is_ascii_digit())
            })
    })
}

fn with_prefix(notice: Notice, prefix: &str) -> Notice {
    match notice {
        Notice::UnknownKey { key } => Notice::UnknownKey {
            key: format!("{prefix}{key}"),
        },
        Notice::InvalidValue { key, value } => Notice::InvalidValue {
            key: format!("{prefix}{key}"),
            value,
        },
        Notice::Clamped {
            key,
            requested,
            applied,
        } => Notice::Clamped {
            key: format!("{prefix}{key}"),
            requested,
            applied,
        },
    }
}

fn parse_ray_number(text: &str) -> Option<Ray> {
    text.trim()
        .trim_start_matches(['m', 'M'])
        .parse::<u8>()
        .ok()
        .and_then(Ray::from_number)
}

/// Parses a plan query. Never fails, never panics; `view_keys` are passed through in
/// [`PlanParsed::other`].
pub fn parse_plan_query_with(query: &str, view_keys: &[&str]) -> PlanParsed {
    let mut notices = Vec::new();
    let mut other = Vec::new();
    let (mut plan_text, mut edit_text, mut compare_text, mut load_text) = (None, None, None, None);
    let mut per_ray: [Vec<(String, String)>; 3] = Default::default();
    for (k, v) in pairs(query) {
        match k.as_str() {
            "plan" => plan_text = Some(v),
            "edit" | "ray" => edit_text = Some((k, v)),
            "compare" => compare_text = Some(v),
            "load" => load_text = Some(v),
            _ => match prefixed(&k) {
                // `load` is the plan's (all rays at once), `ray` the prefix's.
                Some((ray, rest))
                    if rest != "ray" && rest != "load" && super::query::is_state_key(rest) =>
                {
                    per_ray[ray_index(ray)].push((rest.to_string(), v));
                }
                _ if view_keys.contains(&k.as_str()) => other.push((k, v)),
                _ => notices.push(Notice::UnknownKey { key: k }),
            },
        }
    }
    let invalid = |key: &str, value: &str| Notice::InvalidValue {
        key: key.to_string(),
        value: value.to_string(),
    };
    let preset = match plan_text {
        None => PlanPreset::default(),
        Some(v) => PlanPreset::from_name(&v).unwrap_or_else(|| {
            notices.push(invalid("plan", &v));
            PlanPreset::default()
        }),
    };
    let edit = match edit_text {
        None => Ray::M2,
        Some((k, v)) => parse_ray_number(&v).unwrap_or_else(|| {
            notices.push(invalid(&k, &v));
            Ray::M2
        }),
    };
    let compare = match compare_text {
        None => None,
        Some(v) => match v.to_ascii_lowercase().as_str() {
            "" | "none" | "off" | "0" => None,
            _ => PlanPreset::from_name(&v).or_else(|| {
                notices.push(invalid("compare", &v));
                None
            }),
        },
    };
    let load = match load_text.as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("0" | "false" | "no" | "off") => false,
        Some("1" | "true" | "yes" | "on") => true,
        Some(_) => {
            notices.push(invalid("load", load_text.as_deref().unwrap_or_default()));
            false
        }
    };
    // Each ray: the plan's base state, then its own keys, read as the single-ray query reads
    // them (`mN.preset=NAME` starts that ray from the single-ray preset instead).
    let rays = Ray::ALL.map(|ray| {
        let mut state = preset.base_state(ray);
        let given = std::mem::take(&mut per_ray[ray_index(ray)]);
        let prefix = format!("m{}.", ray.number());
        notices.extend(
            apply_pairs(&mut state, given)
                .into_iter()
                .map(|n| with_prefix(n, &prefix)),
        );
        state
    });
    PlanParsed {
        plan: Plan {
            preset,
            rays,
            edit,
            compare,
            load,
        },
        notices,
        other,
    }
}

/// Parses a plan query that holds only plan keys (all others are reported as unknown).
pub fn parse_plan_query(query: &str) -> PlanParsed {
    parse_plan_query_with(query, &[])
}

/// The keys in which `state` differs from `base` (same ray), in canonical order.
fn differences(state: &State, base: State) -> Vec<String> {
    super::query::differences_from(state, base)
}

/// A ray's keys in a plan query, without their prefix: the differences from the plan's base,
/// or `preset=NAME` and the differences from that single-ray preset, whichever is shorter.
fn ray_keys(preset: PlanPreset, state: &State) -> Vec<String> {
    let mut best = differences(state, preset.base_state(state.ray));
    for p in Preset::ALL {
        let mut keys = vec![format!("preset={}", p.name())];
        keys.extend(differences(state, p.state(state.ray)));
        if keys.len() < best.len() {
            best = keys;
        }
    }
    best
}

/// The canonical text of a plan (see the module documentation).
pub fn plan_to_query(plan: &Plan) -> String {
    let mut parts = vec![format!("plan={}", plan.preset.name())];
    if plan.edit != Ray::M2 {
        parts.push(format!("edit={}", plan.edit.number()));
    }
    if let Some(c) = plan.compare {
        parts.push(format!("compare={}", c.name()));
    }
    if plan.load {
        parts.push("load=1".into());
    }
    for state in &plan.rays {
        let prefix = format!("m{}.", state.ray.number());
        parts.extend(
            ray_keys(plan.preset, state)
                .into_iter()
                .map(|k| format!("{prefix}{k}")),
        );
    }
    parts.join("&")
}

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
// What the plan panel (src/ui/plan.rs) and drawings (src/scene/plan.rs) write, in a language:
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
pub use super::i18n::percent as percent_in;

/// Percentage points with one decimal ("−3.2\u{a0}points").
pub fn points_in(lang: Lang, v: f64) -> String {
    trf(lang, Msg::PlanPoints, &[("n", &fixed(lang, v, 1))])
}

/// "yes" or "no".
pub fn yes_no_in(lang: Lang, yes: bool) -> &'static str {
    tr(lang, if yes { Msg::PlanYes } else { Msg::PlanNo })
}

/// One harmony indicator of the plan panel: its metric keys and its texts' catalogue ids.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Indicator {
    /// The metric's JSON key less `_before_mm` / `_after_mm` (`_before` / `_after` for the
    /// pattern, a yes/no).
    pub key: &'static str,
    /// The key of its status (a yes/no) less `_before` / `_after`.
    pub status_key: &'static str,
    /// Catalogue ids: the row's label, the status words when within and outside the
    /// threshold, the threshold sentence, and the assumption the row rests on (if any).
    pub label: Msg,
    pub within: Msg,
    pub outside: Msg,
    pub threshold: Msg,
    pub assumption: Option<Msg>,
    /// The threshold's source: the full reference (a tooltip) and its short tag, citations
    /// written the same in every language.
    pub source: (&'static str, &'static str),
}

/// The harmony indicators, in display order.
pub const INDICATORS: [Indicator; 4] = [
    Indicator {
        key: "m2_m3_difference",
        status_key: "m2_m3_over_threshold",
        label: Msg::PlanM2M3,
        within: Msg::PlanStatusWithin,
        outside: Msg::PlanStatusOver,
        threshold: Msg::PlanThresholdM2M3,
        assumption: None,
        source: (SOURCE_BAROUK, SOURCE_BAROUK_SHORT),
    },
    Indicator {
        key: "sm4_offset",
        status_key: "sm4_normal",
        label: Msg::PlanSm4,
        within: Msg::PlanStatusNormal,
        outside: Msg::PlanStatusOutside,
        threshold: Msg::PlanThresholdSm4,
        assumption: Some(Msg::PlanThresholdSm4Assumption),
        source: (SOURCE_MAESTRO, SOURCE_MAESTRO_SHORT),
    },
    Indicator {
        key: "m1_m2_difference",
        status_key: "m1_m2_normal",
        label: Msg::PlanM1M2,
        within: Msg::PlanStatusNormal,
        outside: Msg::PlanStatusOutside,
        threshold: Msg::PlanThresholdM1M2,
        assumption: None,
        source: (SOURCE_MAESTRO, SOURCE_MAESTRO_SHORT),
    },
    Indicator {
        key: "central_pattern",
        status_key: "central_pattern",
        label: Msg::PlanCentralPattern,
        within: Msg::PlanNo,
        outside: Msg::PlanYes,
        threshold: Msg::PlanThresholdCentralPattern,
        assumption: None,
        source: (SOURCE_BAROUK, SOURCE_BAROUK_SHORT),
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

    pub fn label_in(&self, lang: Lang) -> &'static str {
        tr(lang, self.label)
    }

    /// The status word: within the threshold (or normal), or not.
    pub fn status_in(&self, lang: Lang, within: bool) -> String {
        self.fill(lang, if within { self.within } else { self.outside })
    }

    pub fn threshold_in(&self, lang: Lang) -> String {
        self.fill(lang, self.threshold)
    }

    pub fn assumption_in(&self, lang: Lang) -> Option<&'static str> {
        self.assumption.map(|id| tr(lang, id))
    }

    /// A before or after value as the panel writes it.
    pub fn value_in(&self, lang: Lang, value: Metric) -> String {
        match value {
            Metric::Number(v) if self.key.starts_with("m2_m3") => mm_in(lang, v),
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

/// Everything `osteoviz eval` prints for a plan query.
#[derive(Clone, Debug)]
pub struct PlanReport {
    pub plan: Plan,
    pub rays: Vec<(&'static str, Report)>,
    pub heads: Vec<(&'static str, Vec<(&'static str, Metric)>)>,
    pub metrics: Vec<(&'static str, Metric)>,
    pub transfers: Vec<crate::model::plan::Transfer>,
    pub transfer_warnings: Vec<String>,
    pub query: String,
    pub summary: String,
    pub warnings: Vec<String>,
}

struct Heads<'a>(&'a [(&'static str, Vec<(&'static str, Metric)>)]);

impl Serialize for Heads<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, &Pairs(v))?;
        }
        map.end()
    }
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
        map.serialize_entry("heads", &Heads(&self.heads))?;
        for (k, v) in &self.metrics {
            map.serialize_entry(k, v)?;
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
        let single = super::query::Parsed {
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
