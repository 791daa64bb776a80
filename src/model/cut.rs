//! The osteotomy cut: a straight line through the bone with a kerf.
//!
//! It may import the ray's anatomy and the model's lines; nothing above the model.

use super::anatomy::RayAnatomy;
use super::polygon::Line;
use super::{Point, Vector};
use serde::Serialize;

/// Which reference an entered cut angle is measured against.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AngleReference {
    /// φ: from the distal shaft axis, turning dorsal.
    #[default]
    Shaft,
    /// θ = φ − δ: from the ground (distal), turning up.
    Ground,
}

/// Ratio of measured kerf to burr diameter: 2.6 mm for a 3.1 mm Shannon burr, one pass
/// (Karaismailoglu et al., Foot Ankle Surg 2023, calcaneus; applying it to metatarsals is an
/// assumption).
pub const KERF_PER_BURR_DIAMETER: f64 = 2.6 / 3.1;

/// Kerf (mm) removed by one pass of a burr of `diameter_mm`.
pub fn kerf_from_burr_mm(diameter_mm: f64) -> f64 {
    diameter_mm * KERF_PER_BURR_DIAMETER
}

/// φ from an angle against `reference` on a bone declined by `declination_deg`.
pub fn angle_to_shaft_deg(angle_deg: f64, reference: AngleReference, declination_deg: f64) -> f64 {
    match reference {
        AngleReference::Shaft => angle_deg,
        AngleReference::Ground => angle_deg + declination_deg,
    }
}

/// The angle against `reference` of a cut at φ = `angle_to_shaft_deg`.
pub fn angle_against_deg(
    angle_to_shaft_deg: f64,
    reference: AngleReference,
    declination_deg: f64,
) -> f64 {
    match reference {
        AngleReference::Shaft => angle_to_shaft_deg,
        AngleReference::Ground => angle_to_shaft_deg - declination_deg,
    }
}

/// A straight cut.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Cut {
    /// φ in degrees, [0, 180].
    pub angle_to_shaft_deg: f64,
    /// Where the cut crosses the shaft axis, mm proximal of the distal tip of the head.
    pub position_from_tip_mm: f64,
    /// Bone removed across the cut (mm).
    pub kerf_mm: f64,
}

impl Cut {
    /// φ in radians.
    pub fn angle_to_shaft_rad(&self) -> f64 {
        self.angle_to_shaft_deg.to_radians()
    }

    /// θ = φ − δ in degrees.
    pub fn angle_to_ground_deg(&self, declination_deg: f64) -> f64 {
        self.angle_to_shaft_deg - declination_deg
    }

    /// t = (cos φ, sin φ) in S.
    pub fn direction_shaft(&self) -> Vector {
        let phi = self.angle_to_shaft_rad();
        Vector::new(phi.cos(), phi.sin())
    }

    /// n_p = (−sin φ, cos φ) in S: from the head fragment into the proximal one.
    pub fn normal_to_proximal_shaft(&self) -> Vector {
        let phi = self.angle_to_shaft_rad();
        Vector::new(-phi.sin(), phi.cos())
    }

    /// Where the cut crosses the axis, in S.
    pub fn axis_crossing_shaft(&self, anatomy: &RayAnatomy) -> Point {
        Point::new(anatomy.tip_x_shaft() - self.position_from_tip_mm, 0.0)
    }

    /// Whether the cut passes through the head and enters the joint: it crosses the axis inside
    /// the head's circle and its mid-line crosses the articular surface (an intra-articular
    /// cut, not the extra-articular neck cut of a DMMO). Not a Weil cut, which starts at the
    /// dorsal articular margin and crosses the axis far proximally (its line, produced
    /// distally, clips the dorsal cartilage, which the surgeon's cut does not), nor a cut that
    /// runs inside the bone to the base (OCRA's), whose axis crossing means nothing.
    pub fn enters_joint(&self, anatomy: &RayAnatomy) -> bool {
        let line = self.line_shaft(anatomy);
        let crossing_in_head = (self.axis_crossing_shaft(anatomy) - anatomy.head_centre_shaft())
            .norm()
            < anatomy.head_radius_mm();
        crossing_in_head
            && !anatomy.runs_inside_to_base(&line)
            && anatomy.articular_crossing(&line).is_some()
    }

    /// The mid-line of the cut in S; its left side (positive signed distance) is n_p's side.
    pub fn line_shaft(&self, anatomy: &RayAnatomy) -> Line {
        Line {
            origin: self.axis_crossing_shaft(anatomy),
            direction: self.direction_shaft(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_round_trip() {
        for phi in [0.0, 15.0, 45.0, 90.0, 135.0, 180.0] {
            let theta = angle_against_deg(phi, AngleReference::Ground, 15.0);
            assert_eq!(theta, phi - 15.0);
            assert_eq!(angle_to_shaft_deg(theta, AngleReference::Ground, 15.0), phi);
        }
    }

    #[test]
    fn normal_is_left_of_direction() {
        let cut = Cut {
            angle_to_shaft_deg: 45.0,
            position_from_tip_mm: 22.0,
            kerf_mm: 2.6,
        };
        let line = cut.line_shaft(&super::super::Ray::M2.anatomy());
        let p = line.origin + cut.normal_to_proximal_shaft();
        approx::assert_abs_diff_eq!(line.signed_distance(&p), 1.0, epsilon = 1e-12);
    }

    #[test]
    fn a_cut_through_the_cartilage_enters_the_joint() {
        let m2 = super::super::Ray::M2.anatomy();
        let cut = |angle_to_shaft_deg: f64, position_from_tip_mm: f64| Cut {
            angle_to_shaft_deg,
            position_from_tip_mm,
            kerf_mm: 2.6,
        };
        // At the neck (22 mm from the tip of a 16.1 mm head), extra-articular.
        assert!(!cut(45.0, 22.0).enters_joint(&m2));
        assert!(!cut(90.0, 22.0).enters_joint(&m2));
        // 12 mm from the tip, oblique: through the head's cartilage. Perpendicular, 12 mm meets
        // the articular margin (120° from the distal axis: cos 120° · 8.05 mm + 8.05 mm = 12.1
        // mm from the tip); 10 mm is through the cartilage.
        assert!(cut(45.0, 12.0).enters_joint(&m2));
        assert!(cut(135.0, 12.0).enters_joint(&m2));
        assert!(!cut(90.0, 12.0).enters_joint(&m2));
        assert!(cut(90.0, 10.0).enters_joint(&m2));
        // Axial (along the shaft): its line leaves through the tip's cartilage, but it runs
        // inside the bone to the base (OCRA), which the model takes to turn out of the cortex.
        let axial = cut(0.0, 22.0).line_shaft(&m2);
        let crossing = m2.articular_crossing(&axial).expect("through the tip");
        approx::assert_abs_diff_eq!(crossing.x, m2.tip_x_shaft(), epsilon = 1e-9);
        assert!(m2.runs_inside_to_base(&axial));
        assert!(!cut(0.0, 12.0).enters_joint(&m2));
        // Weil: from the dorsal margin, 38 mm from the tip on the axis.
        assert!(!cut(15.0, 38.0).enters_joint(&m2));
    }

    #[test]
    fn burr_kerf_reproduces_the_measurement() {
        approx::assert_abs_diff_eq!(kerf_from_burr_mm(3.1), 2.6, epsilon = 1e-12);
    }
}
