//! The plan's query text: [`parse_plan_query`] reads `plan=`, `edit=`, `compare=`, `load=` and
//! each ray's `mN.` keys (through the single-ray reader, [`crate::state::apply_pairs`]);
//! [`plan_to_query`] writes the shortest canonical text. Imports the plan's types and the
//! single-ray codec; nothing of the evaluation or the wording.

use super::{ray_index, Plan, PlanPreset};
use crate::model::Ray;
use crate::state::query::{apply_pairs, pairs, Notice};
use crate::state::{Preset, State};

/// A parsed plan query: always a usable plan, and what was changed on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanParsed {
    /// The plan the query describes.
    pub plan: Plan,
    /// What was not taken as written: unknown keys, unreadable values, clamps (with their `mN.`
    /// prefix).
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
                    if rest != "ray"
                        && rest != "load"
                        && crate::state::query::is_state_key(rest) =>
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
    crate::state::query::differences_from(state, base)
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
