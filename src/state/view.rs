//! View options kept in the URL beside the osteotomy state: how the page looks and behaves in
//! a lecture (theme, text scale, slide embedding, animation, language). No web types.
//!
//! It may import the state's keys, the query's text layer and the catalogue's languages; never the
//! model, the scene or the interface.

use super::codec::Notice;
pub use super::i18n::Lang;
use super::Key;
use crate::numtext::format_number;
use serde::Serialize;

/// Colour themes. `projector`: white background, thick strokes, large labels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Dark strokes on a light background (the default).
    #[default]
    Light,
    /// Light strokes on a dark background.
    Dark,
    /// White background, thick strokes, large labels: for a projector.
    Projector,
}

impl Theme {
    /// Every theme.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Projector];

    /// The `theme=` name.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Projector => "projector",
        }
    }

    /// The theme whose `theme=` name is `name`.
    pub fn from_name(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// Text scales offered (`scale=`), as multiples of the normal size.
pub const SCALES: [f64; 7] = [0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5];

/// Animation speeds offered, as multiples of the normal speed.
pub const SPEEDS: [f64; 4] = [0.5, 1.0, 1.5, 2.0];

/// The view options.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct View {
    /// The colour theme (`theme=`).
    pub theme: Theme,
    /// Text scale, one of [`SCALES`].
    pub scale: f64,
    /// Slide-deck mode: the drawing and only the `controls` listed.
    pub embed: bool,
    /// Query keys of the controls shown in embed mode.
    pub controls: Vec<String>,
    /// Start the animation on load.
    pub play: bool,
    /// `None`: the browser's language.
    pub lang: Option<Lang>,
    /// Open the "About the model" panel (`about=1`; the single-ray page links there).
    pub about: bool,
    /// Open the lecture bar's embed panel (`panel=embed`; the single-ray page links there).
    pub embed_panel: bool,
    /// A second state drawn beside the first (`compare=`: a preset name or a state query, see
    /// [`super::compare`]); the single-ray page links there.
    pub compare: Option<String>,
    /// The forces inset's key (`legend=0` hides it, for slides).
    pub legend: bool,
    /// A lesson (`lesson=`): a built-in lesson's name, or a lesson file's JSON text (a link
    /// that carries its lesson). Kept as written; read where it is shown (ui::lesson).
    #[cfg(feature = "lessons")]
    pub lesson: Option<String>,
    /// The lesson's step shown, from 1 (`step=`).
    #[cfg(feature = "lessons")]
    pub step: usize,
    /// The presenter view of the lesson (`present=1`): the step's notes and the next step.
    #[cfg(feature = "lessons")]
    pub present: bool,
}

impl Default for View {
    fn default() -> Self {
        View {
            theme: Theme::Light,
            scale: 1.0,
            embed: false,
            controls: Vec::new(),
            play: false,
            lang: None,
            about: false,
            embed_panel: false,
            compare: None,
            legend: true,
            #[cfg(feature = "lessons")]
            lesson: None,
            #[cfg(feature = "lessons")]
            step: 1,
            #[cfg(feature = "lessons")]
            present: false,
        }
    }
}

/// The view keys (`theme`, `scale`, `embed`, `controls`, `play`, `lang`, `about`, `panel`,
/// `compare`, `legend`, `lesson`, `step`, `present`).
pub const VIEW_KEYS: [&str; 13] = [
    "theme", "scale", "embed", "controls", "play", "lang", "about", "panel", "compare", "legend",
    "lesson", "step", "present",
];

/// Keys that `controls=` may name: the numeric keys, `ref`, `ray`, `preset` and `load`.
fn is_control_key(key: &str) -> bool {
    Key::from_name(key).is_some() || ["ref", "ray", "preset", "load"].contains(&key)
}

fn parse_flag(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" | "" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

impl View {
    /// Reads view pairs (as [`super::Parsed::other`] gives them); bad values are reported and
    /// the default kept.
    pub fn from_pairs(pairs: &[(String, String)]) -> (View, Vec<Notice>) {
        let mut view = View::default();
        let mut notices = Vec::new();
        let invalid = |key: &str, value: &str| Notice::InvalidValue {
            key: key.to_string(),
            value: value.to_string(),
        };
        for (key, value) in pairs {
            match key.as_str() {
                "theme" => match Theme::from_name(&value.to_ascii_lowercase()) {
                    Some(t) => view.theme = t,
                    None => notices.push(invalid(key, value)),
                },
                "scale" => {
                    match crate::numtext::parse_f64(value.trim()).filter(|v| v.is_finite()) {
                        Some(v) => {
                            let nearest = SCALES
                                .into_iter()
                                .min_by(|a, b| (a - v).abs().total_cmp(&(b - v).abs()))
                                .unwrap_or(1.0);
                            if (nearest - v).abs() > 1e-9 {
                                notices.push(Notice::Clamped {
                                    key: key.clone(),
                                    requested: v,
                                    applied: nearest,
                                });
                            }
                            view.scale = nearest;
                        }
                        None => notices.push(invalid(key, value)),
                    }
                }
                "embed" => match parse_flag(value) {
                    Some(b) => view.embed = b,
                    None => notices.push(invalid(key, value)),
                },
                "play" => match parse_flag(value) {
                    Some(b) => view.play = b,
                    None => notices.push(invalid(key, value)),
                },
                "about" => match parse_flag(value) {
                    Some(b) => view.about = b,
                    None => notices.push(invalid(key, value)),
                },
                "legend" => match parse_flag(value) {
                    Some(b) => view.legend = b,
                    None => notices.push(invalid(key, value)),
                },
                "controls" => {
                    view.controls.clear();
                    for name in value.split(',').map(|s| s.trim().to_ascii_lowercase()) {
                        if name.is_empty() {
                            continue;
                        }
                        if is_control_key(&name) {
                            if !view.controls.contains(&name) {
                                view.controls.push(name);
                            }
                        } else {
                            notices.push(invalid("controls", &name));
                        }
                    }
                }
                "panel" => match value.to_ascii_lowercase().as_str() {
                    "embed" => view.embed_panel = true,
                    _ => notices.push(invalid(key, value)),
                },
                "lang" => match Lang::from_tag(value) {
                    Some(l) => view.lang = Some(l),
                    None => notices.push(invalid(key, value)),
                },
                // Only the whole app draws a comparison: the single-ray bundle, which never
                // receives one (scripts/split.mjs), carries none of it. Kept as written; what
                // it names is read where it is drawn (ui::model, the CLI).
                #[cfg(feature = "compare")]
                "compare" => match value.trim() {
                    "" => notices.push(invalid(key, value)),
                    v => view.compare = Some(v.to_string()),
                },
                // Only the whole app shows a lesson (scripts/split.mjs boots it for `lesson=`).
                #[cfg(feature = "lessons")]
                "lesson" => match value.trim() {
                    "" => notices.push(invalid(key, value)),
                    v => view.lesson = Some(v.to_string()),
                },
                #[cfg(feature = "lessons")]
                "step" => match value.trim().parse::<usize>() {
                    Ok(n) if n >= 1 => view.step = n,
                    _ => notices.push(invalid(key, value)),
                },
                #[cfg(feature = "lessons")]
                "present" => match parse_flag(value) {
                    Some(b) => view.present = b,
                    None => notices.push(invalid(key, value)),
                },
                _ => {}
            }
        }
        (view, notices)
    }

    /// The non-default options as query pairs, in a fixed order.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let d = View::default();
        let mut out = Vec::new();
        if self.theme != d.theme {
            out.push(("theme".into(), self.theme.name().into()));
        }
        if self.scale != d.scale {
            out.push(("scale".into(), format_number(self.scale, 2)));
        }
        if self.embed {
            out.push(("embed".into(), "1".into()));
        }
        if !self.controls.is_empty() {
            out.push(("controls".into(), self.controls.join(",")));
        }
        if self.play {
            out.push(("play".into(), "1".into()));
        }
        if let Some(l) = self.lang {
            out.push(("lang".into(), l.code().into()));
        }
        if self.about {
            out.push(("about".into(), "1".into()));
        }
        if !self.legend {
            out.push(("legend".into(), "0".into()));
        }
        if self.embed_panel {
            out.push(("panel".into(), "embed".into()));
        }
        #[cfg(feature = "compare")]
        if let Some(c) = &self.compare {
            out.push(("compare".into(), c.clone()));
        }
        #[cfg(feature = "lessons")]
        {
            if let Some(l) = &self.lesson {
                out.push(("lesson".into(), l.clone()));
            }
            if self.step != 1 {
                out.push(("step".into(), self.step.to_string()));
            }
            if self.present {
                out.push(("present".into(), "1".into()));
            }
        }
        out
    }

    /// Whether a control is shown: always outside embed mode, when listed inside it.
    pub fn shows_control(&self, key: &str) -> bool {
        !self.embed || self.controls.iter().any(|c| c == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(q: &str) -> Vec<(String, String)> {
        crate::state::query::pairs(q)
    }

    #[cfg(feature = "compare")]
    #[test]
    fn compare_takes_a_preset_or_an_encoded_query_and_writes_it_back() {
        let (v, notices) = View::from_pairs(&pairs("compare=weil"));
        assert_eq!((v.compare.as_deref(), notices.len()), (Some("weil"), 0));
        let (v, _) = View::from_pairs(&pairs("compare=preset%3Dperpendicular%26slide%3D2"));
        assert_eq!(v.compare.as_deref(), Some("preset=perpendicular&slide=2"));
        assert_eq!(
            v.to_pairs(),
            vec![(
                "compare".to_string(),
                "preset=perpendicular&slide=2".to_string()
            )]
        );
        let (v, notices) = View::from_pairs(&pairs("compare="));
        assert_eq!((v.compare, notices.len()), (None, 1));
    }

    #[test]
    fn view_round_trips_and_reports_bad_values() {
        let (v, notices) = View::from_pairs(&pairs(
            "theme=projector&scale=1.4&embed=1&controls=cut,slide,bogus&play=1&lang=fr-CH",
        ));
        assert_eq!(v.theme, Theme::Projector);
        assert_eq!(v.scale, 1.5);
        assert!(v.embed && v.play);
        assert_eq!(v.controls, vec!["cut", "slide"]);
        assert_eq!(v.lang, Some(Lang::Fr));
        assert_eq!(notices.len(), 2, "{notices:?}");
        let (again, none) = View::from_pairs(&v.to_pairs());
        assert_eq!(again, v);
        assert!(none.is_empty());
        assert!(v.shows_control("cut") && !v.shows_control("kerf"));
    }

    #[test]
    fn bad_theme_keeps_the_default() {
        let (v, notices) = View::from_pairs(&pairs("theme=neon&lang=xx&embed=maybe"));
        assert_eq!(v, View::default());
        assert_eq!(notices.len(), 3);
    }
}
