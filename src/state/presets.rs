//! Named starting points for a lecture: the cut classes of the stability ranking, and the two
//! classic comparisons (Weil, axial shortening).
//!
//! It may import the state's keys, the catalogue and the model's anatomy; never the scene or the
//! interface.

use super::i18n::tr;
use super::i18n::Lang;
use super::Key;
use super::State;
use crate::model::{AngleReference, Ray, RayAnatomy};
use crate::state::i18n::Msg;
use serde::Serialize;

/// Where a cut parallel to the ground (θ = 0, φ = δ) that starts at the dorsal articular
/// margin of the head crosses the axis, in mm from the tip (the Weil cut). The margin is an
/// assumption of the drawn outline.
pub fn weil_position_mm(anatomy: &RayAnatomy) -> f64 {
    let margin = anatomy.dorsal_articular_margin_shaft();
    let phi = anatomy.declination_deg.to_radians();
    let crossing_x = margin.x - margin.y / phi.tan().max(1e-6);
    let (lo, hi) = Key::At.spec().range();
    super::quantise(
        Key::At,
        crate::numtext::clamp(anatomy.tip_x_shaft() - crossing_x, lo, hi),
    )
}

/// The named starting points of a lecture (`preset=`): the cut classes of the stability ranking and
/// the two classic comparisons.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    /// DMMO: 45° to the shaft, dorsal-distal to plantar-proximal ("/"), kerf closed.
    Dmmo,
    /// Perpendicular to the shaft.
    Perpendicular,
    /// Vertical: perpendicular to the ground.
    Vertical,
    /// Reverse obliquity ("\"), dorsal-proximal to plantar-distal, 135° to the shaft.
    Reverse,
    /// Weil: parallel to the ground from the dorsal articular margin (of the drawn outline, an
    /// assumption), no kerf, 5 mm proximal slide.
    Weil,
    /// Axial shortening osteotomy (OCRA): along the axis, no kerf, 5 mm proximal slide.
    Ocra,
}

impl Preset {
    /// Every preset, the DMMO first.
    pub const ALL: [Preset; 6] = [
        Preset::Dmmo,
        Preset::Perpendicular,
        Preset::Vertical,
        Preset::Reverse,
        Preset::Weil,
        Preset::Ocra,
    ];

    /// The `preset=` name.
    pub fn name(self) -> &'static str {
        match self {
            Preset::Dmmo => "dmmo",
            Preset::Perpendicular => "perpendicular",
            Preset::Vertical => "vertical",
            Preset::Reverse => "reverse",
            Preset::Weil => "weil",
            Preset::Ocra => "ocra",
        }
    }

    /// The preset whose `preset=` name is `name`.
    pub fn from_name(name: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.name() == name)
    }

    /// A short label for buttons, in English.
    pub fn label(self) -> &'static str {
        self.label_in(Lang::En)
    }

    /// One sentence for the interface, in English (the CLI's `presets`).
    pub fn description(self) -> &'static str {
        self.description_in(Lang::En)
    }

    /// A short label for buttons.
    pub fn label_in(self, lang: Lang) -> &'static str {
        tr(
            lang,
            match self {
                Preset::Dmmo => Msg::PresetDmmoLabel,
                Preset::Perpendicular => Msg::PresetPerpendicularLabel,
                Preset::Vertical => Msg::PresetVerticalLabel,
                Preset::Reverse => Msg::PresetReverseLabel,
                Preset::Weil => Msg::PresetWeilLabel,
                Preset::Ocra => Msg::PresetOcraLabel,
            },
        )
    }

    /// One sentence for the interface.
    pub fn description_in(self, lang: Lang) -> &'static str {
        tr(
            lang,
            match self {
                Preset::Dmmo => Msg::PresetDmmoDescription,
                Preset::Perpendicular => Msg::PresetPerpendicularDescription,
                Preset::Vertical => Msg::PresetVerticalDescription,
                Preset::Reverse => Msg::PresetReverseDescription,
                Preset::Weil => Msg::PresetWeilDescription,
                Preset::Ocra => Msg::PresetOcraDescription,
            },
        )
    }

    /// The preset's state on `ray` (with the ray's declination and axis length).
    pub fn state(self, ray: Ray) -> State {
        let anatomy = ray.anatomy();
        // DMMO family: 2.6 mm kerf of a 3.1 mm burr, closed; 22 mm from the tip (assumption).
        let base = State {
            ray,
            cut_deg: 45.0,
            reference: AngleReference::Shaft,
            at_mm: 22.0,
            kerf_mm: 2.6,
            close_mm: 2.6,
            slide_mm: 0.0,
            tilt_deg: 0.0,
            decl_deg: anatomy.declination_deg,
            len_mm: anatomy.axis_length_mm,
            mu: 0.5,
            pull: 0.2,
            tissue: 0.25,
            load: false,
        };
        match self {
            Preset::Dmmo => base,
            Preset::Perpendicular => State {
                cut_deg: 90.0,
                ..base
            },
            Preset::Vertical => State {
                cut_deg: 90.0,
                reference: AngleReference::Ground,
                ..base
            },
            Preset::Reverse => State {
                cut_deg: 135.0,
                ..base
            },
            Preset::Weil => State {
                cut_deg: 0.0,
                reference: AngleReference::Ground,
                at_mm: weil_position_mm(&anatomy),
                kerf_mm: 0.0,
                close_mm: 0.0,
                slide_mm: -5.0,
                ..base
            },
            Preset::Ocra => State {
                cut_deg: 0.0,
                kerf_mm: 0.0,
                close_mm: 0.0,
                slide_mm: -5.0,
                ..base
            },
        }
    }
}
