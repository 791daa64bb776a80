//! Context drawn around the metatarsal: the base of the proximal phalanx and the plantar soft
//! tissue down to the ground. Both are schematic (**assumption**) and change no outcome.
//!
//! It may import the model's polygons; nothing above the model.

use super::polygon::Polygon;
use super::{Point, Vector};

/// Joint space between the head and the phalanx base (mm, schematic).
const JOINT_SPACE_MM: f64 = 1.0;
/// Drawn length of the proximal phalanx from the head centre (mm, schematic).
const PHALANX_LENGTH_MM: f64 = 27.0;
/// Angle of the phalanx above the ground (degrees, schematic: nearly flat in stance).
const PHALANX_ELEVATION_DEG: f64 = 5.0;

/// The proximal phalanx in G: a concave base cupping the head, a tapering shaft.
pub fn phalanx(head_centre: Point, head_radius_mm: f64) -> Polygon {
    let axis_angle = PHALANX_ELEVATION_DEG.to_radians();
    let axis = Vector::new(axis_angle.cos(), axis_angle.sin());
    let up = Vector::new(-axis.y, axis.x);
    let cup_radius = head_radius_mm + JOINT_SPACE_MM;
    let cup_half_angle = 38f64.to_radians();
    let base_half_height = cup_radius * cup_half_angle.sin() + 1.0;
    let end = head_centre + axis * PHALANX_LENGTH_MM;
    let mut v = Vec::new();
    // Bottom edge from the cup's plantar lip to the distal end, then back along the top.
    let cup = |a: f64| head_centre + (axis * a.cos() + up * a.sin()) * cup_radius;
    let plantar_lip = cup(-cup_half_angle) - up * 1.0;
    let dorsal_lip = cup(cup_half_angle) + up * 1.0;
    v.push(plantar_lip);
    let end_half_height = base_half_height * 0.62;
    // Flared base, a waisted shaft, a rounded distal head.
    let taper = |f: f64| {
        base_half_height + (end_half_height - base_half_height) * f
            - 1.3 * (std::f64::consts::PI * f).sin()
    };
    let start = head_centre + axis * (cup_radius * cup_half_angle.cos() + 3.0);
    for i in 0..=6 {
        let f = i as f64 / 6.0;
        v.push(start + (end - start) * f - up * taper(f));
    }
    for i in 1..6 {
        let a = -std::f64::consts::FRAC_PI_2 + std::f64::consts::PI * i as f64 / 6.0;
        v.push(end + axis * (taper(1.0) * 0.6 * a.cos()) + up * (taper(1.0) * a.sin()));
    }
    for i in (0..=6).rev() {
        let f = i as f64 / 6.0;
        v.push(start + (end - start) * f + up * taper(f));
    }
    v.push(dorsal_lip);
    // The concave cup, dorsal to plantar.
    for i in 0..=10 {
        let a = cup_half_angle - 2.0 * cup_half_angle * i as f64 / 10.0;
        v.push(cup(a));
    }
    Polygon::new(v)
}

/// Plantar soft tissue in G: from the ground up to the plantar outline of the bone (given in G,
/// proximal to distal), carried on under the toe at the height of the lowest head point.
pub fn plantar_soft_tissue(plantar_outline: &[Point], toe_end_x: f64) -> Polygon {
    let Some(first) = plantar_outline.first() else {
        return Polygon::default();
    };
    let lowest = plantar_outline
        .iter()
        .map(|p| p.y)
        .fold(f64::INFINITY, f64::min);
    let mut v = vec![Point::new(first.x, 0.0)];
    v.extend(plantar_outline.iter().copied());
    let last = plantar_outline[plantar_outline.len() - 1];
    v.push(Point::new(last.x.max(toe_end_x - 8.0), lowest));
    v.push(Point::new(toe_end_x, lowest * 0.6));
    v.push(Point::new(toe_end_x, 0.0));
    // Counter-clockwise: reverse what went clockwise (ground, up the bone, back down).
    v.reverse();
    Polygon::new(v)
}
