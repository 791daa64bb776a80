//! Motion of the head fragment: the reference's closed-form formulas, and the rigid transform
//! with its limits (the gap cannot close past contact, bone cannot overlap bone).
//!
//! It may import the cut, the fragments, the polygons and [`crate::numtext`]; nothing above the
//! model.

use super::cut::Cut;
use super::fragments::Fragments;
use super::polygon::{Line, Polygon};
use super::Point;
use nalgebra::{Isometry2, Translation2, UnitComplex};
use serde::Serialize;

/// How the head fragment moves relative to the fixed proximal fragment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Motion {
    /// c: along n_p, toward the proximal fragment, 0..=kerf (mm).
    pub closure_mm: f64,
    /// s: along the cut direction t; negative is proximal (mm).
    pub slide_mm: f64,
    /// Rotation of the head fragment about the midpoint of its cut face; dorsiflexion
    /// (counter-clockwise seen from medial, toes right) positive (degrees).
    pub tilt_deg: f64,
}

/// ΔH = c·cos θ + s·sin θ: rise of a translated head above the ground (mm), θ in radians.
pub fn head_rise_mm(closure_mm: f64, slide_mm: f64, cut_to_ground_rad: f64) -> f64 {
    closure_mm * cut_to_ground_rad.cos() + slide_mm * cut_to_ground_rad.sin()
}

/// ΔX = c·sin θ − s·cos θ: shortening projected on the ground (mm), θ in radians.
pub fn ground_shortening_mm(closure_mm: f64, slide_mm: f64, cut_to_ground_rad: f64) -> f64 {
    closure_mm * cut_to_ground_rad.sin() - slide_mm * cut_to_ground_rad.cos()
}

/// c·sin φ − s·cos φ: shortening along the shaft axis (mm), φ in radians.
pub fn axial_shortening_mm(closure_mm: f64, slide_mm: f64, cut_to_shaft_rad: f64) -> f64 {
    closure_mm * cut_to_shaft_rad.sin() - slide_mm * cut_to_shaft_rad.cos()
}

/// c·cos φ + s·sin φ: dorsal shift perpendicular to the shaft (mm), φ in radians.
pub fn dorsal_shift_mm(closure_mm: f64, slide_mm: f64, cut_to_shaft_rad: f64) -> f64 {
    closure_mm * cut_to_shaft_rad.cos() + slide_mm * cut_to_shaft_rad.sin()
}

/// δ' = atan[(L·sin δ − ΔH) / (L·cos δ − ΔX)] in radians: declination after the head centre
/// rose by ΔH and moved ΔX proximally, the proximal fragment fixed at its base pivot.
pub fn declination_after_rad(
    axis_length_mm: f64,
    declination_rad: f64,
    head_rise_mm: f64,
    ground_shortening_mm: f64,
) -> f64 {
    (axis_length_mm * declination_rad.sin() - head_rise_mm)
        .atan2(axis_length_mm * declination_rad.cos() - ground_shortening_mm)
}

/// Penetrations smaller than this (mm) count as touching, not overlapping.
pub const CONTACT_TOLERANCE_MM: f64 = 1e-6;

/// Why the requested motion was changed.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MotionLimit {
    /// Closure outside 0..=kerf.
    ClosureLimitedToKerf {
        /// The closure asked for (mm).
        requested_mm: f64,
        /// The closure applied: the nearer end of 0..=kerf (mm).
        applied_mm: f64,
    },
    /// The tilt pushed the head fragment into the proximal one: the gap was reopened.
    ClosureReducedForTilt {
        /// The closure asked for (mm).
        requested_mm: f64,
        /// The closure applied, the gap reopened until bone no longer overlaps bone (mm).
        applied_mm: f64,
    },
    /// Even with an open gap the tilt made bone overlap bone.
    TiltLimited {
        /// The tilt asked for (°).
        requested_deg: f64,
        /// The tilt applied (°).
        applied_deg: f64,
    },
}

/// A motion that was applied to the fragments, with the transform in S.
#[derive(Clone, Debug, PartialEq)]
pub struct AppliedMotion {
    /// The motion as applied, after the limits.
    pub motion: Motion,
    /// Rigid transform of the head fragment in the shaft frame.
    pub transform_shaft: Isometry2<f64>,
    /// The point the tilt turns about, in S (midpoint of the head fragment's cut face).
    pub tilt_pivot_shaft: Point,
    /// Every change made to the requested motion.
    pub limits: Vec<MotionLimit>,
}

/// The rigid transform in S: tilt about `pivot`, then translate by c·n_p + s·t.
pub fn head_transform(cut: &Cut, pivot: Point, motion: &Motion) -> Isometry2<f64> {
    let translation = cut.normal_to_proximal_shaft() * motion.closure_mm
        + cut.direction_shaft() * motion.slide_mm;
    let rotation = UnitComplex::new(motion.tilt_deg.to_radians());
    let about_pivot = Translation2::from(pivot.coords)
        * Isometry2::from_parts(Translation2::identity(), rotation)
        * Translation2::from(-pivot.coords);
    Translation2::from(translation) * about_pivot
}

/// How far (mm) the moved head fragment reaches past the proximal fragment's cut face.
fn penetration_mm(head: &Polygon, fragments: &Fragments, transform: &Isometry2<f64>) -> f64 {
    head.vertices
        .iter()
        .map(|p| fragments.proximal_face.signed_distance(&(transform * p)))
        .fold(f64::NEG_INFINITY, f64::max)
}

/// The midpoint of the head fragment's cut face in S (falls back to the cut's axis crossing).
pub fn head_face_midpoint(fragments: &Fragments) -> Point {
    match fragments.head.chord(&fragments.head_face) {
        Some((lo, hi)) => fragments.head_face.at((lo + hi) / 2.0),
        None => fragments.head_face.origin,
    }
}

/// Applies `requested` to the head fragment, limiting it so that the gap never closes past
/// contact and bone never overlaps bone. Every change is listed in `limits`.
pub fn apply(cut: &Cut, fragments: &Fragments, requested: &Motion) -> AppliedMotion {
    let mut limits = Vec::new();
    let kerf = cut.kerf_mm.max(0.0);
    let mut motion = *requested;
    let closure = crate::numtext::clamp(motion.closure_mm, 0.0, kerf);
    if closure != motion.closure_mm {
        limits.push(MotionLimit::ClosureLimitedToKerf {
            requested_mm: motion.closure_mm,
            applied_mm: closure,
        });
        motion.closure_mm = closure;
    }
    let pivot = head_face_midpoint(fragments);
    let penetration =
        |m: &Motion| penetration_mm(&fragments.head, fragments, &head_transform(cut, pivot, m));
    let excess = penetration(&motion);
    if excess > CONTACT_TOLERANCE_MM {
        // Translating along n_p changes every vertex's distance to the face by the same amount.
        let reopened = motion.closure_mm - excess;
        if reopened >= 0.0 {
            limits.push(MotionLimit::ClosureReducedForTilt {
                requested_mm: motion.closure_mm,
                applied_mm: reopened,
            });
            motion.closure_mm = reopened;
        } else {
            limits.push(MotionLimit::ClosureReducedForTilt {
                requested_mm: motion.closure_mm,
                applied_mm: 0.0,
            });
            motion.closure_mm = 0.0;
            // Bisect the tilt toward zero, which has no penetration at zero closure.
            let (mut ok, mut bad) = (0.0, motion.tilt_deg);
            for _ in 0..50 {
                let mid = (ok + bad) / 2.0;
                if penetration(&Motion {
                    tilt_deg: mid,
                    ..motion
                }) > CONTACT_TOLERANCE_MM
                {
                    bad = mid;
                } else {
                    ok = mid;
                }
            }
            limits.push(MotionLimit::TiltLimited {
                requested_deg: motion.tilt_deg,
                applied_deg: ok,
            });
            motion.tilt_deg = ok;
        }
    }
    AppliedMotion {
        motion,
        transform_shaft: head_transform(cut, pivot, &motion),
        tilt_pivot_shaft: pivot,
        limits,
    }
}

/// Contact between the proximal face and the moved head face, in S.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FaceContact {
    /// Length of the proximal face that carries load (the cut through the bone; an in-bone
    /// cut's distal [`IN_BONE_LOAD_LENGTH_MM`]) in mm.
    pub face_length_mm: f64,
    /// Length over which the faces touch (mm).
    pub contact_mm: f64,
    /// The touching segment, in S, when any.
    pub contact_segment: Option<(Point, Point)>,
    /// The ends of the moved head face where it faces the load-carrying proximal face, each
    /// with its gap (mm, ≥ 0), in S: where the faces can meet under load.
    pub facing_ends: Option<((Point, f64), (Point, f64))>,
    /// Smallest distance between the faces where they face each other, or between their
    /// midpoints' lines when they no longer face each other (mm).
    pub gap_mm: f64,
    /// Endpoints of the load-carrying proximal face in S.
    pub proximal_face: (Point, Point),
    /// Endpoints of the moved head face in S.
    pub head_face_moved: (Point, Point),
}

/// A cut that leaves the bone only through its base (nearly axial, such as OCRA) is taken to
/// carry load over this length from its distal end (mm). **Assumption**: in surgery such a cut
/// turns out through the cortex; this is about the length of a Weil cut.
pub const IN_BONE_LOAD_LENGTH_MM: f64 = 25.0;

/// A cut whose proximal end lies this close to the base pivot (mm along the axis) runs inside
/// the bone to the base: the base flare begins at 16 mm.
const IN_BONE_EXIT_X_MM: f64 = 16.0;

/// The part of the proximal face's chord `(u0, u1)` that carries load: all of it, or for a cut
/// that runs to the base, its distal [`IN_BONE_LOAD_LENGTH_MM`].
pub fn load_carrying(face: &Line, (u0, u1): (f64, f64)) -> (f64, f64) {
    if u1 - u0 <= IN_BONE_LOAD_LENGTH_MM {
        (u0, u1)
    } else if face.at(u0).x < IN_BONE_EXIT_X_MM {
        // φ near 0: t points distally, u1 is the distal end.
        (u1 - IN_BONE_LOAD_LENGTH_MM, u1)
    } else if face.at(u1).x < IN_BONE_EXIT_X_MM {
        // φ near 180°: t points proximally, u0 is the distal end.
        (u0, u0 + IN_BONE_LOAD_LENGTH_MM)
    } else {
        (u0, u1)
    }
}

/// Measures how the two cut faces meet after `applied`.
pub fn face_contact(fragments: &Fragments, applied: &AppliedMotion) -> FaceContact {
    let face = &fragments.proximal_face;
    let (u0, u1) = load_carrying(face, fragments.proximal.chord(face).unwrap_or((0.0, 0.0)));
    let (v0, v1) = fragments
        .head
        .chord(&fragments.head_face)
        .unwrap_or((0.0, 0.0));
    let a = applied.transform_shaft * fragments.head_face.at(v0);
    let b = applied.transform_shaft * fragments.head_face.at(v1);
    let (da, db) = (face.signed_distance(&a), face.signed_distance(&b));
    let (ua, ub) = (face.parameter(&a), face.parameter(&b));
    // λ ∈ [0, 1] along a→b where the head face lies within the proximal face's extent.
    let facing = interval_where_between(ua, ub, u0, u1);
    let touching = facing.and_then(|(lo, hi)| {
        interval_where_between(da, db, -CONTACT_TOLERANCE_MM, CONTACT_TOLERANCE_MM)
            .and_then(|(l2, h2)| (l2.max(lo) < h2.min(hi)).then_some((l2.max(lo), h2.min(hi))))
    });
    let length = (b - a).norm();
    let at = |l: f64| a + (b - a) * l;
    let gap_at = |l: f64| {
        let g = -(da + (db - da) * l);
        if g < CONTACT_TOLERANCE_MM {
            0.0
        } else {
            g
        }
    };
    let gap_mm = match facing {
        Some((lo, hi)) => (da + (db - da) * lo).abs().min((da + (db - da) * hi).abs()),
        None => ((da + db) / 2.0).abs(),
    };
    FaceContact {
        face_length_mm: u1 - u0,
        contact_mm: touching.map_or(0.0, |(lo, hi)| (hi - lo) * length),
        contact_segment: touching.map(|(lo, hi)| (at(lo), at(hi))),
        facing_ends: facing.map(|(lo, hi)| ((at(lo), gap_at(lo)), (at(hi), gap_at(hi)))),
        gap_mm: if gap_mm < CONTACT_TOLERANCE_MM {
            0.0
        } else {
            gap_mm
        },
        proximal_face: (face.at(u0), face.at(u1)),
        head_face_moved: (a, b),
    }
}

/// The sub-interval of λ ∈ [0, 1] where `f(λ) = fa + λ(fb − fa)` lies in [lo, hi].
fn interval_where_between(fa: f64, fb: f64, lo: f64, hi: f64) -> Option<(f64, f64)> {
    let slope = fb - fa;
    let (mut l, mut h) = (0.0f64, 1.0f64);
    if slope.abs() < 1e-12 {
        if fa < lo || fa > hi {
            return None;
        }
    } else {
        let (x, y) = ((lo - fa) / slope, (hi - fa) / slope);
        l = l.max(x.min(y));
        h = h.min(x.max(y));
    }
    (l < h).then_some((l, h))
}
