//! The state layer: every parameter a user can set, its presets, its URL query codec, and the
//! actions that change it (with undo and redo). No web types: the Yew shell and the CLI share it.
//!
//! It may import the model and [`crate::numtext`], never the scene or the interface; its modules
//! form a chain, with the catalogue ([`i18n`]) and the query's text layer ([`codec`]) as leaves
//! (`tests/architecture.rs`).
//!
//! # Query keys
//!
//! | key | meaning | unit | range | default |
//! |---|---|---|---|---|
//! | `ray` | lesser ray | 2, 3, 4 | | 2 |
//! | `cut` | cut angle against `ref` | ° | φ ∈ 0..180 | preset |
//! | `ref` | angle reference | `shaft` \| `ground` | | preset |
//! | `at` | axis crossing, from the head tip | mm | 12..50 | preset |
//! | `kerf` | bone removed | mm | 0..5 | preset |
//! | `close` | kerf closure | mm | 0..kerf | preset |
//! | `slide` | slide along the cut, negative proximal | mm | −15..15 | preset |
//! | `tilt` | head tilt, dorsiflexion positive | ° | −20..20 | 0 |
//! | `decl` | declination | ° | 0..35 | ray |
//! | `len` | axis length base pivot → head centre | mm | 50..90 | ray |
//! | `mu` | friction coefficient | | 0..1.5 | 0.5 |
//! | `pull` | soft-tissue pull / ground force | | 0..1 | 0.2 |
//! | `tissue` | soft-tissue stiffness k | F/mm | 0.05..5 | 0.25 |
//! | `load` | `0` the head as left, `1` settled under body weight | | | 0 |
//! | `preset` | preset name (explicit keys override) | | | `dmmo` |

pub mod animation;
pub mod codec;
#[cfg(feature = "compare")]
pub mod compare;
pub mod history;
pub mod i18n;
#[cfg(feature = "lessons")]
pub mod lesson;
pub mod link;
pub mod plan;
pub mod presets;
pub mod query;
pub mod readouts;
pub mod view;

pub use crate::numtext::{format_fixed, format_number};
pub use history::{Action, History};
pub use presets::Preset;
pub use query::{apply_pairs, parse_query, to_query, Notice, Parsed};

use crate::model::cut::{angle_against_deg, angle_to_shaft_deg};
use crate::model::{AngleReference, Cut, Loads, Motion, OsteotomyParams, Ray};
use i18n::Msg;
use serde::Serialize;

/// Every numeric parameter, named by its query key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Key {
    /// `cut`: the cut angle against the chosen reference, φ to the shaft or θ to the ground (°).
    Cut,
    /// `at`: where the cut crosses the shaft axis, from the distal tip of the head (mm).
    At,
    /// `kerf`: the bone the burr removes across the cut, w (mm).
    Kerf,
    /// `close`: the kerf closure c, 0 to the kerf (mm).
    Close,
    /// `slide`: the head's slide s along the cut, negative proximal (mm).
    Slide,
    /// `tilt`: the head fragment's tilt, dorsiflexion positive (°).
    Tilt,
    /// `decl`: the declination δ of the metatarsal axis (°).
    Decl,
    /// `len`: the axis length L from the base pivot to the head centre (mm).
    Len,
    /// `mu`: the bone-on-bone friction coefficient μ (assumption).
    Mu,
    /// `pull`: the soft-tissue pull as a fraction of the ground force, P/F (assumption).
    Pull,
    /// `tissue`: the soft-tissue stiffness k, in ground-force units per mm (assumption).
    Tissue,
}

/// How a numeric parameter is entered and shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KeySpec {
    /// The parameter this spec describes.
    pub key: Key,
    /// The URL query key, also the `name` of its controls.
    pub name: &'static str,
    /// Its label in the catalogue.
    pub label: Msg,
    /// Unit suffix for display ("mm", "°", "").
    pub unit: &'static str,
    /// Lower end of the static range; [`State::range`] gives the live one (cut, close and at depend
    /// on others).
    pub min: f64,
    /// Upper end of the static range.
    pub max: f64,
    /// Fine step (arrow keys).
    pub step: f64,
    /// Coarse step (Shift+arrow).
    pub coarse_step: f64,
    /// Decimals shown in the interface.
    pub display_decimals: usize,
    /// Decimals kept in the state and the URL.
    pub stored_decimals: i32,
    /// Whether the default rests on an assumption rather than a publication.
    pub assumption: bool,
}

#[allow(clippy::too_many_arguments)] // a table row, named by the fields it fills
const fn spec(
    key: Key,
    name: &'static str,
    label: Msg,
    unit: &'static str,
    range: (f64, f64),
    steps: (f64, f64),
    display_decimals: usize,
    stored_decimals: i32,
    assumption: bool,
) -> KeySpec {
    KeySpec {
        key,
        name,
        label,
        unit,
        min: range.0,
        max: range.1,
        step: steps.0,
        coarse_step: steps.1,
        display_decimals,
        stored_decimals,
        assumption,
    }
}

/// The numeric keys in canonical order.
pub const KEYS: [KeySpec; 11] = [
    spec(
        Key::Cut,
        "cut",
        Msg::ControlCut,
        "°",
        (0.0, 180.0),
        (0.5, 5.0),
        1,
        1,
        false,
    ),
    spec(
        Key::At,
        "at",
        Msg::ControlAt,
        "mm",
        (12.0, 50.0),
        (0.5, 2.0),
        1,
        2,
        true,
    ),
    spec(
        Key::Kerf,
        "kerf",
        Msg::ControlKerf,
        "mm",
        (0.0, 5.0),
        (0.1, 0.5),
        1,
        2,
        false,
    ),
    spec(
        Key::Close,
        "close",
        Msg::ControlClose,
        "mm",
        (0.0, 5.0),
        (0.1, 0.5),
        1,
        2,
        false,
    ),
    spec(
        Key::Slide,
        "slide",
        Msg::ControlSlide,
        "mm",
        (-15.0, 15.0),
        (0.1, 1.0),
        1,
        2,
        false,
    ),
    spec(
        Key::Tilt,
        "tilt",
        Msg::ControlTilt,
        "°",
        (-20.0, 20.0),
        (0.5, 5.0),
        1,
        1,
        false,
    ),
    spec(
        Key::Decl,
        "decl",
        Msg::ControlDecl,
        "°",
        (0.0, 35.0),
        (0.5, 5.0),
        1,
        1,
        false,
    ),
    spec(
        Key::Len,
        "len",
        Msg::ControlLen,
        "mm",
        (50.0, 90.0),
        (0.5, 5.0),
        1,
        2,
        true,
    ),
    spec(
        Key::Mu,
        "mu",
        Msg::ControlMu,
        "",
        (0.0, 1.5),
        (0.05, 0.25),
        2,
        2,
        true,
    ),
    spec(
        Key::Pull,
        "pull",
        Msg::ControlPull,
        "",
        (0.0, 1.0),
        (0.05, 0.25),
        2,
        2,
        true,
    ),
    // Reference Section 4.2: no published stiffness; 0.25 lets an open one-pass kerf close
    // under a DMMO cut, as the chapter describes.
    spec(
        Key::Tissue,
        "tissue",
        Msg::ControlTissue,
        "F/mm",
        (0.05, 5.0),
        (0.05, 0.25),
        2,
        2,
        true,
    ),
];

impl KeySpec {
    /// The static range `(min, max)`.
    pub const fn range(&self) -> (f64, f64) {
        (self.min, self.max)
    }

    /// The label in `lang`.
    pub fn label_in(&self, lang: view::Lang) -> &'static str {
        i18n::tr(lang, self.label)
    }
}

impl Key {
    /// How the key is entered and shown (its row of [`KEYS`]).
    pub fn spec(self) -> &'static KeySpec {
        KEYS.iter()
            .find(|s| s.key == self)
            .expect("every key has a spec")
    }

    /// The key whose query name is `name` (`"cut"`, `"at"`…).
    pub fn from_name(name: &str) -> Option<Key> {
        KEYS.iter().find(|s| s.name == name).map(|s| s.key)
    }
}

/// Rounds to the decimals a key keeps, so that text round-trips exactly.
pub fn quantise(key: Key, value: f64) -> f64 {
    let scale = 10f64.powi(key.spec().stored_decimals);
    let q = (value * scale).round() / scale;
    if q == 0.0 {
        0.0
    } else {
        q
    }
}

/// Everything a user can set, in interface units. Always within range (see [`State::range`]).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct State {
    /// The lesser ray cut (`ray`).
    pub ray: Ray,
    /// Cut angle against `reference` (°).
    pub cut_deg: f64,
    /// What `cut_deg` is measured against: the shaft (φ) or the ground (θ) (`ref`).
    pub reference: AngleReference,
    /// Where the cut crosses the shaft axis, from the distal tip of the head (mm, `at`).
    pub at_mm: f64,
    /// Kerf w: the bone removed across the cut (mm, `kerf`).
    pub kerf_mm: f64,
    /// Closure c of the kerf, 0 to `kerf_mm` (mm, `close`).
    pub close_mm: f64,
    /// Slide s along the cut, negative proximal (mm, `slide`).
    pub slide_mm: f64,
    /// Tilt of the head fragment, dorsiflexion positive (°, `tilt`).
    pub tilt_deg: f64,
    /// Declination δ (°, `decl`).
    pub decl_deg: f64,
    /// Axis length L from the base pivot to the head centre (mm, `len`).
    pub len_mm: f64,
    /// Bone-on-bone friction coefficient μ (`mu`, assumption).
    pub mu: f64,
    /// Soft-tissue pull as a fraction of the ground force, P/F (`pull`, assumption).
    pub pull: f64,
    /// k: soft-tissue stiffness, ground-force units per mm (assumption).
    pub tissue: f64,
    /// Show the head settled under body weight (`load=1`) rather than as the surgeon left it.
    pub load: bool,
}

impl Default for State {
    fn default() -> Self {
        Preset::Dmmo.state(Ray::M2)
    }
}

impl State {
    /// φ, the cut angle to the shaft (°).
    pub fn cut_to_shaft_deg(&self) -> f64 {
        angle_to_shaft_deg(self.cut_deg, self.reference, self.decl_deg)
    }

    /// The live range of a key: the cut's range keeps φ within 0..180 in either reference,
    /// the closure's stops at the kerf.
    pub fn range(&self, key: Key) -> (f64, f64) {
        let s = key.spec();
        match key {
            Key::Cut => (
                angle_against_deg(0.0, self.reference, self.decl_deg),
                angle_against_deg(180.0, self.reference, self.decl_deg),
            ),
            Key::Close => (0.0, self.kerf_mm),
            // The cut must leave 8 mm of bone distal of it (the model's limit): a short bone
            // ends the range before 50 mm.
            Key::At => {
                let tip = self.len_mm + self.ray.anatomy().head_radius_mm();
                // (Rounded down to the stored 0.01 mm, below the model's limit even in floats.)
                (
                    s.min,
                    s.max.min(((tip - 8.0) * 100.0 - 1e-6).floor() / 100.0),
                )
            }
            Key::Kerf
            | Key::Slide
            | Key::Tilt
            | Key::Decl
            | Key::Len
            | Key::Mu
            | Key::Pull
            | Key::Tissue => (s.min, s.max),
        }
    }

    /// The value of a numeric key, in interface units.
    pub fn get(&self, key: Key) -> f64 {
        match key {
            Key::Cut => self.cut_deg,
            Key::At => self.at_mm,
            Key::Kerf => self.kerf_mm,
            Key::Close => self.close_mm,
            Key::Slide => self.slide_mm,
            Key::Tilt => self.tilt_deg,
            Key::Decl => self.decl_deg,
            Key::Len => self.len_mm,
            Key::Mu => self.mu,
            Key::Pull => self.pull,
            Key::Tissue => self.tissue,
        }
    }

    fn slot(&mut self, key: Key) -> &mut f64 {
        match key {
            Key::Cut => &mut self.cut_deg,
            Key::At => &mut self.at_mm,
            Key::Kerf => &mut self.kerf_mm,
            Key::Close => &mut self.close_mm,
            Key::Slide => &mut self.slide_mm,
            Key::Tilt => &mut self.tilt_deg,
            Key::Decl => &mut self.decl_deg,
            Key::Len => &mut self.len_mm,
            Key::Mu => &mut self.mu,
            Key::Pull => &mut self.pull,
            Key::Tissue => &mut self.tissue,
        }
    }

    /// Sets a key, quantised and clamped into its live range; returns the applied value, or
    /// `None` for a non-finite request (the state is then unchanged). Keeps dependent keys in
    /// range (a smaller kerf limits the closure, a new declination the ground-referenced cut).
    pub fn set(&mut self, key: Key, value: f64) -> Option<f64> {
        if !value.is_finite() {
            return None;
        }
        let (lo, hi) = self.range(key);
        let applied = quantise(key, crate::numtext::clamp(value, lo, hi));
        *self.slot(key) = applied;
        self.keep_dependents_in_range();
        Some(applied)
    }

    fn keep_dependents_in_range(&mut self) {
        for key in [Key::Cut, Key::Close, Key::At] {
            let (lo, hi) = self.range(key);
            let v = self.get(key);
            if v < lo || v > hi {
                *self.slot(key) = quantise(key, crate::numtext::clamp(v, lo, hi));
            }
        }
    }

    /// Changes the angle reference, keeping the physical cut.
    pub fn set_reference(&mut self, reference: AngleReference) {
        let phi = self.cut_to_shaft_deg();
        self.reference = reference;
        self.cut_deg = quantise(Key::Cut, angle_against_deg(phi, reference, self.decl_deg));
        self.keep_dependents_in_range();
    }

    /// Changes the ray and takes its default declination and axis length.
    pub fn set_ray(&mut self, ray: Ray) {
        let anatomy = ray.anatomy();
        self.ray = ray;
        self.decl_deg = anatomy.declination_deg;
        self.len_mm = anatomy.axis_length_mm;
        self.keep_dependents_in_range();
    }

    /// The model's parameters for this state.
    pub fn to_params(&self) -> OsteotomyParams {
        let mut anatomy = self.ray.anatomy();
        anatomy.declination_deg = self.decl_deg;
        anatomy.axis_length_mm = self.len_mm;
        OsteotomyParams {
            anatomy,
            cut: Cut {
                angle_to_shaft_deg: crate::numtext::clamp(self.cut_to_shaft_deg(), 0.0, 180.0),
                position_from_tip_mm: self.at_mm,
                kerf_mm: self.kerf_mm,
            },
            motion: Motion {
                closure_mm: self.close_mm,
                slide_mm: self.slide_mm,
                tilt_deg: self.tilt_deg,
            },
            loads: Loads {
                friction_mu: self.mu,
                pull_ratio: self.pull,
                tissue_stiffness_per_mm: self.tissue,
            },
        }
    }
}
