//! The pure geometry model of a Distal Minimally invasive Metatarsal Osteotomy (DMMO).
//!
//! The bottom layer: its modules import one another, [`crate::numtext`] and their crates (nalgebra,
//! serde), never `state`, `scene` or `ui` (`tests/architecture.rs`).
//!
//! No web types, no I/O: numbers in, numbers and polygons out.
//!
//! # Conventions
//!
//! Everything is a 2D sagittal section seen from the **medial** side, toes to the right.
//!
//! ```text
//!          y (dorsal, up)
//!          ^                          y_s
//!          |        base pivot          \   x_s (toward the head)
//!          |         o______________     \ /
//!          |          \   shaft     \____ *--.   head
//!          |           \_____________\    ( + )  <- head centre, `axis_length_mm` from the pivot
//!          |   δ = declination, distal end lower '-'
//!  ground  +--------------------------------------------> x (distal, toward the toes)
//! ```
//!
//! * **Ground frame G**: x along the ground toward the toes, y up. Millimetres.
//! * **Shaft frame S**: origin at the base pivot, x_s along the metatarsal axis toward the head,
//!   y_s dorsal. S→G: x_s = (cos δ, −sin δ), y_s = (sin δ, cos δ).
//! * **Declination δ**: angle of the axis below the ground, distal end lower (M2 ≈ 15°).
//! * **Cut angle φ** (to the shaft): from the distal shaft axis to the cut line, turning toward
//!   dorsal; cut direction t = (cos φ, sin φ) in S. φ < 90°: "/" dorsal-distal to
//!   plantar-proximal; φ = 90°: perpendicular; φ > 90°: "\" reverse obliquity.
//! * **Cut angle θ** (to the ground) = φ − δ. θ = 0: parallel to the ground; θ = 90°: vertical.
//! * **Cut position**: where the cut crosses the axis, in mm from the distal tip of the head.
//! * **Kerf w**: bone removed across the cut. **Closure c** ∈ [0, w]: motion of the head fragment
//!   along n_p = (−sin φ, cos φ), which points from the head fragment into the proximal one.
//! * **Slide s**: motion along t; s < 0 is proximal (for a "/" cut: toward plantar-proximal).
//! * **Tilt**: rotation of the head fragment, dorsiflexion (counter-clockwise here) positive,
//!   about the midpoint of the head fragment's cut face.
//!
//! Degrees at the interface (`*_deg` fields), radians inside.
//!
//! ```
//! use osteoviz::model::{evaluate, OsteotomyParams, Ray};
//! let params = OsteotomyParams::dmmo_default(Ray::M2);
//! let evaluation = evaluate(&params).unwrap();
//! // Closing a 2.6 mm kerf of a 45° cut on a 15° declined M2 raises the head 2.6·cos 30°.
//! assert!((evaluation.outcomes.head_rise_mm - 2.6 * 30f64.to_radians().cos()).abs() < 1e-9);
//! ```

pub mod anatomy;
pub mod context;
pub mod cut;
pub mod evaluate;
pub mod fragments;
pub mod frame;
pub mod kinematics;
pub mod plan;
pub mod polygon;
pub mod settle;
pub mod statics;

pub use anatomy::{Provenance, Ray, RayAnatomy};
pub use cut::{AngleReference, Cut};
pub use evaluate::{
    evaluate, Evaluation, Geometry, ModelError, OsteotomyParams, Outcomes, SettledOutcomes,
};
pub use kinematics::Motion;
pub use polygon::Polygon;
pub use settle::Settled;
pub use statics::{Direction, Loads, Statics, Verdict};

/// A point in millimetres (ground or shaft frame: each use says which).
pub type Point = nalgebra::Point2<f64>;
/// A vector in millimetres.
pub type Vector = nalgebra::Vector2<f64>;
