//! The one text form of a [`State`]: a URL query string.
//!
//! It may import the state's keys and presets, the query's text layer ([`super::codec`]) and the
//! model's rays; never the scene or the interface.
//!
//! Parsing never fails and never panics: it starts from the preset (default `dmmo`) on the ray
//! (default 2), applies the explicit keys in a fixed order (`ref` before `cut`, `decl` before
//! `cut`, `kerf` before `close`), clamps out-of-range values, ignores unknown keys, and reports
//! each of these as a [`Notice`]. [`to_query`] writes the shortest text that parses back to
//! the same state: the nearest preset, the ray, and the keys that differ from that preset.

pub use super::codec::{decode_component, notice_list, pairs, Notice};
use super::{format_number, Key, Preset, State, KEYS};
use crate::model::{AngleReference, Ray};

/// A parsed query: always a usable state, and what was changed on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The state the query describes, within range.
    pub state: State,
    /// What was not taken as written: unknown keys, unreadable values, clamps.
    pub notices: Vec<Notice>,
    /// Pairs the state layer does not own (view options such as `theme`), in order, decoded.
    pub other: Vec<(String, String)>,
}

/// Keys the state layer owns besides the numeric ones.
const STATE_KEYS: [&str; 4] = ["ray", "ref", "preset", "load"];

/// Whether `key` belongs to the osteotomy state.
pub fn is_state_key(key: &str) -> bool {
    STATE_KEYS.contains(&key) || Key::from_name(key).is_some()
}

fn parse_number(text: &str) -> Option<f64> {
    let t = text
        .trim()
        .trim_end_matches(['°', '%'])
        .trim_end_matches("mm")
        .trim();
    crate::numtext::parse_f64(t).filter(|v| v.is_finite())
}

/// Parses a query into a state. `view_keys` are keys another layer owns: they are passed
/// through in [`Parsed::other`] instead of being reported as unknown.
pub fn parse_query_with(query: &str, view_keys: &[&str]) -> Parsed {
    let mut other = Vec::new();
    let mut given = Vec::new();
    for (k, v) in pairs(query) {
        if view_keys.contains(&k.as_str()) {
            other.push((k, v));
        } else {
            given.push((k, v));
        }
    }
    let mut state = Preset::Dmmo.state(Ray::M2);
    let notices = apply_pairs(&mut state, given);
    Parsed {
        state,
        notices,
        other,
    }
}

/// Applies decoded `key=value` pairs to `state`: the one reader of state keys, shared by the
/// single-ray query and each ray of a forefoot plan (`m3.cut=50` is `cut=50` applied to M3's
/// state). The last occurrence of a key wins. `ray` or `preset` first replaces the state by
/// the preset (default `dmmo`) on the ray (default the state's); then `ref`, `load` and the
/// numbers in a fixed order (`decl` and `len` before `cut`, `kerf` before `close`), clamped
/// into range. Returns what was ignored, invalid or clamped, in that order; never fails.
pub fn apply_pairs(
    state: &mut State,
    pairs: impl IntoIterator<Item = (String, String)>,
) -> Vec<Notice> {
    let mut notices = Vec::new();
    // Last occurrence wins; remember each known key's text.
    let mut given: Vec<(String, String)> = Vec::new();
    for (k, v) in pairs {
        if is_state_key(&k) {
            given.retain(|(gk, _)| gk != &k);
            given.push((k, v));
        } else {
            notices.push(Notice::UnknownKey { key: k });
        }
    }
    let text = |key: &str| given.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let invalid = |key: &str, value: &str| Notice::InvalidValue {
        key: key.to_string(),
        value: value.to_string(),
    };

    let (ray_text, preset_text) = (text("ray"), text("preset"));
    if ray_text.is_some() || preset_text.is_some() {
        let ray = match ray_text {
            None => state.ray,
            Some(v) => {
                let cleaned = v.trim_start_matches(['m', 'M']);
                match cleaned.parse::<u8>().ok().and_then(Ray::from_number) {
                    Some(r) => r,
                    None => {
                        notices.push(invalid("ray", &v));
                        state.ray
                    }
                }
            }
        };
        let preset = match preset_text {
            None => Preset::Dmmo,
            Some(v) => Preset::from_name(&v.to_ascii_lowercase()).unwrap_or_else(|| {
                notices.push(invalid("preset", &v));
                Preset::Dmmo
            }),
        };
        *state = preset.state(ray);
    }
    if let Some(v) = text("ref") {
        match v.to_ascii_lowercase().as_str() {
            "shaft" => state.set_reference(AngleReference::Shaft),
            "ground" => state.set_reference(AngleReference::Ground),
            _ => notices.push(invalid("ref", &v)),
        }
    }
    if let Some(v) = text("load") {
        match v.to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "on" => state.load = true,
            "0" | "false" | "no" | "off" => state.load = false,
            _ => notices.push(invalid("load", &v)),
        }
    }
    // Declination and axis length first: the ground-referenced cut range depends on them.
    let order = [
        Key::Decl,
        Key::Len,
        Key::Cut,
        Key::At,
        Key::Kerf,
        Key::Close,
        Key::Slide,
        Key::Tilt,
        Key::Mu,
        Key::Pull,
        Key::Tissue,
    ];
    for key in order {
        let name = key.spec().name;
        let Some(v) = text(name) else { continue };
        match parse_number(&v) {
            None => notices.push(invalid(name, &v)),
            Some(requested) => {
                let applied = state.set(key, requested).unwrap_or(state.get(key));
                // Rounding to the stored precision is not a clamp worth reporting.
                let (lo, hi) = state.range(key);
                if requested < lo - 1e-9 || requested > hi + 1e-9 {
                    notices.push(Notice::Clamped {
                        key: name.to_string(),
                        requested,
                        applied,
                    });
                }
            }
        }
    }
    notices
}

/// Parses a query that holds only state keys (all others are reported as unknown).
pub fn parse_query(query: &str) -> Parsed {
    parse_query_with(query, &[])
}

/// The keys in which `state` differs from `preset` on the same ray, in canonical order.
fn differences(state: &State, preset: Preset) -> Vec<String> {
    differences_from(state, preset.state(state.ray))
}

/// The keys (`key=value`, canonical order and precision) in which `state` differs from `base`:
/// the one writer of state keys, shared by single-ray and plan queries.
pub fn differences_from(state: &State, mut base: State) -> Vec<String> {
    let mut out = Vec::new();
    if state.reference != base.reference {
        base.set_reference(state.reference);
        out.push(format!(
            "ref={}",
            match state.reference {
                AngleReference::Shaft => "shaft",
                AngleReference::Ground => "ground",
            }
        ));
    }
    for spec in KEYS {
        if state.get(spec.key) != base.get(spec.key) {
            out.push(format!(
                "{}={}",
                spec.name,
                format_number(state.get(spec.key), spec.stored_decimals as usize)
            ));
        }
    }
    if state.load != base.load {
        out.push(format!("load={}", u8::from(state.load)));
    }
    out
}

/// The preset a state needs the fewest keys to differ from, and those keys.
pub(crate) fn nearest_preset(state: &State) -> (Preset, Vec<String>) {
    Preset::ALL
        .into_iter()
        .map(|p| (p, differences(state, p)))
        .min_by_key(|(_, d)| d.len())
        .expect("there are presets")
}

/// The canonical text of a state: `preset=NAME&ray=N` and the keys that differ from the
/// preset, choosing the preset that needs the fewest.
pub fn to_query(state: &State) -> String {
    let (preset, diff) = nearest_preset(state);
    let mut parts = vec![
        format!("preset={}", preset.name()),
        format!("ray={}", state.ray.number()),
    ];
    parts.extend(diff);
    parts.join("&")
}

/// A file name (without extension) that says which state an exported figure shows: the ray,
/// the nearest preset and the keys that differ from it, as in the canonical query
/// (`osteoviz-m2-perpendicular-slide-1.5` for `preset=perpendicular&ray=2&slide=1.5`).
pub fn file_stem(state: &State) -> String {
    let (preset, diff) = nearest_preset(state);
    let mut stem = format!("osteoviz-m{}-{}", state.ray.number(), preset.name());
    for pair in diff {
        stem.push('-');
        stem.push_str(&pair.replace('=', "-"));
    }
    stem
}

/// The preset a state equals exactly, if any.
pub fn matching_preset(state: &State) -> Option<Preset> {
    // Under weight or not, the osteotomy is the preset's.
    let unloaded = State {
        load: false,
        ..*state
    };
    Preset::ALL
        .into_iter()
        .find(|p| differences(&unloaded, *p).is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exported_figure_is_named_after_its_state() {
        let named = |q: &str| file_stem(&parse_query(q).state);
        assert_eq!(
            named("preset=perpendicular&ray=2&slide=1.5"),
            "osteoviz-m2-perpendicular-slide-1.5"
        );
        assert_eq!(named("preset=dmmo&ray=3"), "osteoviz-m3-dmmo");
        assert_eq!(named("preset=weil&ray=4&load=1"), "osteoviz-m4-weil-load-1");
        assert_eq!(
            named("preset=weil&ray=4&ref=shaft&load=1"),
            "osteoviz-m4-weil-ref-shaft-load-1"
        );
    }

    #[test]
    fn only_two_hex_digits_make_an_escape() {
        assert_eq!(decode_component("%41%2e5+mm"), "A.5 mm");
        // A sign, a non-hex digit or a short escape is text, not a byte.
        assert_eq!(decode_component("%+1"), "% 1");
        assert_eq!(decode_component("%-1x"), "%-1x");
        assert_eq!(decode_component("%G0"), "%G0");
        assert_eq!(decode_component("1%4"), "1%4");
        assert_eq!(decode_component("%"), "%");
        assert_eq!(parse_query("slide=%+1").notices.len(), 1);
    }

    #[test]
    fn empty_query_is_the_default_dmmo() {
        let p = parse_query("");
        assert_eq!(p.state, State::default());
        assert!(p.notices.is_empty());
        assert_eq!(to_query(&p.state), "preset=dmmo&ray=2");
    }

    #[test]
    fn explicit_keys_override_the_preset() {
        let p = parse_query("?preset=vertical&ray=3&slide=-1.5&kerf=3");
        assert_eq!(p.state.reference, AngleReference::Ground);
        assert_eq!(p.state.cut_deg, 90.0);
        assert_eq!(p.state.decl_deg, 12.0);
        assert_eq!(p.state.slide_mm, -1.5);
        assert_eq!(p.state.kerf_mm, 3.0);
        assert_eq!(
            to_query(&p.state),
            "preset=vertical&ray=3&kerf=3&slide=-1.5"
        );
    }

    #[test]
    fn bad_input_is_reported_and_survived() {
        let p = parse_query("cut=abc&kerf=99&close=4&foo=1&ray=7&slide=NaN&tilt=%ZZ");
        assert_eq!(p.state.cut_deg, 45.0);
        assert_eq!(p.state.kerf_mm, 5.0);
        assert_eq!(p.state.close_mm, 4.0);
        assert_eq!(p.state.ray, Ray::M2);
        assert!(p
            .notices
            .contains(&Notice::UnknownKey { key: "foo".into() }));
        assert!(p.notices.contains(&Notice::Clamped {
            key: "kerf".into(),
            requested: 99.0,
            applied: 5.0
        }));
        assert_eq!(p.notices.len(), 6, "{:?}", p.notices);
    }

    #[test]
    fn ground_reference_keeps_the_physical_cut() {
        let p = parse_query("ref=ground");
        assert_eq!(p.state.cut_deg, 30.0);
        assert_eq!(p.state.cut_to_shaft_deg(), 45.0);
        assert_eq!(to_query(&p.state), "preset=dmmo&ray=2&ref=ground");
        let q = parse_query("ref=ground&cut=0");
        assert_eq!(q.state.cut_to_shaft_deg(), 15.0);
    }

    #[test]
    fn closure_follows_a_smaller_kerf() {
        let p = parse_query("kerf=1");
        assert_eq!(p.state.close_mm, 1.0);
        assert!(p.notices.is_empty());
    }
}
