//! Side by side (`compare=`): the second state a page or a CLI figure draws beside the first,
//! named by a preset (`compare=weil`) or by a state query, percent-encoded inside the pair
//! (`compare=preset%3Dperpendicular%26slide%3D2`). The compared state keeps the first state's
//! ray unless its query names one.
//!
//! It may import the rest of the state layer and the model's rays; nothing of the scene or ui.

use super::i18n::{trf, Msg};
use super::query::{matching_preset, nearest_preset, pairs, parse_query};
use super::view::Lang;
use super::{Notice, Preset, State};
use crate::model::Ray;

/// A figure's title: its preset's name, or the nearest preset's, adjusted.
pub fn figure_title(state: &State, lang: Lang) -> String {
    match matching_preset(state) {
        Some(p) => p.label_in(lang).to_string(),
        None => trf(
            lang,
            Msg::CompareAdjusted,
            &[("preset", &nearest_preset(state).0.label_in(lang))],
        ),
    }
}

/// The state `compare=VALUE` names beside a state on `ray`, the preset it names if any, and
/// what its query did not take as written; `None` when the value names no state.
pub fn compared_state(value: &str, ray: Ray) -> Option<(State, Option<Preset>, Vec<Notice>)> {
    let value = value.trim();
    if let Some(preset) = Preset::from_name(&value.to_ascii_lowercase()) {
        return Some((preset.state(ray), Some(preset), Vec::new()));
    }
    let given = pairs(value);
    if given.is_empty() || !value.contains('=') {
        return None;
    }
    let mut parsed = parse_query(value);
    if !given.iter().any(|(k, _)| k == "ray") {
        // The compared query's keys over the same ray as the first figure's.
        let with_ray = format!("ray={}&{value}", ray.number());
        parsed = parse_query(&with_ray);
    }
    let preset = Preset::ALL
        .into_iter()
        .find(|p| p.state(parsed.state.ray) == parsed.state);
    let notices = parsed.notices;
    Some((parsed.state, preset, notices))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preset_name_or_a_query_names_the_compared_state() {
        let (s, p, n) = compared_state("Weil", Ray::M3).unwrap();
        assert_eq!(
            (s, p, n.len()),
            (Preset::Weil.state(Ray::M3), Some(Preset::Weil), 0)
        );
        let (s, p, _) = compared_state("preset=perpendicular&slide=2", Ray::M4).unwrap();
        assert_eq!(s.ray, Ray::M4);
        assert_eq!(s.slide_mm, 2.0);
        assert_eq!(p, None);
        let (s, p, _) = compared_state("preset=vertical&ray=2", Ray::M4).unwrap();
        assert_eq!((s.ray, p), (Ray::M2, Some(Preset::Vertical)));
        assert!(compared_state("bogus", Ray::M2).is_none());
        assert!(compared_state("", Ray::M2).is_none());
    }

    #[test]
    fn a_figure_is_titled_by_its_preset() {
        assert_eq!(figure_title(&Preset::Weil.state(Ray::M2), Lang::En), "Weil");
        let mut s = Preset::Dmmo.state(Ray::M2);
        s.slide_mm = 1.0;
        assert_eq!(
            figure_title(&s, Lang::Fr),
            format!("{}, modifié", Preset::Dmmo.label_in(Lang::Fr))
        );
    }
}
