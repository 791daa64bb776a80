//! Statics of the head fragment on the cut, as the head was left by the surgeon: does the load
//! press it on, slide it, tip it, or pull it off? (Reference Sections 4 and 4.1.)
//!
//! A leaf of the model: it imports only the model's points and vectors; [`super::evaluate()`]
//! builds its input.
//!
//! Loads in G, scaled to a ground reaction force F = 1: F vertical, up, at the lowest point of
//! the head; the soft-tissue pull P = `pull_ratio`·F toward proximal along the shaft axis,
//! −P·x_s, through the head centre (**assumptions**: no published value; on a round articular
//! surface the tendons' joint reaction passes through the centre). R = F + P.
//! With n_p = (−sin θ, cos θ) and t = (cos θ, sin θ) in G: N = R·n_p (compression when
//! positive), T = R·t.
//!
//! The rigid verdict, in this order ([`Verdict`]): no contact between the cut faces; N < 0:
//! the fragments separate; N = 0: the head glides; |T| > μN: it slides along sign(T)·t, named
//! by the larger ground-frame component of that direction; R's line of action crossing the cut
//! outside the contact segment [A, B]: it tips about the nearer end, by the **tipping lever**
//! e (the distance from the crossing to that end); otherwise it is held. μ is an **assumption**
//! (no bone-bone value was found).

use super::{Point, Vector};
use serde::Serialize;

/// N or T smaller than this (in units of F) counts as zero: rounding, not a force.
pub const FORCE_TOLERANCE: f64 = 1e-9;

/// External loads, as ratios of the ground reaction force, and the soft-tissue envelope.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Loads {
    /// Bone-on-bone friction coefficient μ (assumption).
    pub friction_mu: f64,
    /// Soft-tissue pull toward proximal along the shaft, as a fraction of the ground force
    /// (assumption).
    pub pull_ratio: f64,
    /// Translational stiffness k of the soft-tissue envelope holding the head, in ground-force
    /// units per mm (assumption, reference Section 4.2); the rotational one is k·r².
    pub tissue_stiffness_per_mm: f64,
}

impl Default for Loads {
    fn default() -> Self {
        Loads {
            friction_mu: 0.5,
            pull_ratio: 0.2,
            tissue_stiffness_per_mm: 0.25,
        }
    }
}

/// Which way the head goes, named by the larger ground-frame component of its direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Toward the base, along the ground.
    Proximal,
    /// Toward the toes, along the ground.
    Distal,
    /// Up, away from the ground.
    Dorsal,
    /// Down, toward the ground.
    Plantar,
}

impl Direction {
    /// The name of a direction in G: proximal / distal when |x| ≥ |y|, dorsal / plantar
    /// otherwise (reference Section 4: a perpendicular cut's head rides up *dorsally*).
    pub fn of(v: Vector) -> Direction {
        if v.x.abs() >= v.y.abs() {
            if v.x >= 0.0 {
                Direction::Distal
            } else {
                Direction::Proximal
            }
        } else if v.y >= 0.0 {
            Direction::Dorsal
        } else {
            Direction::Plantar
        }
    }
}

/// What the loads do to the head fragment as it was left (the rigid verdict).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The faces do not touch (open kerf, or slid off): only the soft tissues hold the head.
    NoContact,
    /// Friction and the contact hold the head where it was left.
    Held,
    /// |T| > μN: the head slides along the cut toward the base.
    SlidesProximal,
    /// |T| > μN: the head slides along the cut toward the toes.
    SlidesDistal,
    /// |T| > μN: the head slides along the cut, up (dorsally).
    SlidesDorsal,
    /// |T| > μN: the head slides along the cut, down (plantarly).
    SlidesPlantar,
    /// R's line of action passes dorsal of the contact: the head tips into dorsiflexion.
    TipsDorsal,
    /// R's line of action passes plantar of the contact: the head tips into plantar flexion.
    TipsPlantar,
    /// Nothing presses the faces together (N = 0): the head glides freely along the cut.
    Glides,
    /// N < 0: the load pulls the faces apart.
    Separates,
}

impl Verdict {
    /// Every verdict.
    pub const ALL: [Verdict; 10] = [
        Verdict::NoContact,
        Verdict::Held,
        Verdict::SlidesProximal,
        Verdict::SlidesDistal,
        Verdict::SlidesDorsal,
        Verdict::SlidesPlantar,
        Verdict::TipsDorsal,
        Verdict::TipsPlantar,
        Verdict::Glides,
        Verdict::Separates,
    ];

    /// The JSON / `data-value` name.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::NoContact => "no_contact",
            Verdict::Held => "held",
            Verdict::SlidesProximal => "slides_proximal",
            Verdict::SlidesDistal => "slides_distal",
            Verdict::SlidesDorsal => "slides_dorsal",
            Verdict::SlidesPlantar => "slides_plantar",
            Verdict::TipsDorsal => "tips_dorsal",
            Verdict::TipsPlantar => "tips_plantar",
            Verdict::Glides => "glides",
            Verdict::Separates => "separates",
        }
    }

    fn slides(direction: Direction) -> Verdict {
        match direction {
            Direction::Proximal => Verdict::SlidesProximal,
            Direction::Distal => Verdict::SlidesDistal,
            Direction::Dorsal => Verdict::SlidesDorsal,
            Direction::Plantar => Verdict::SlidesPlantar,
        }
    }
}

/// Where the loads act and what they act on, all in G.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StaticsInput {
    /// θ, the cut to the ground (radians).
    pub cut_to_ground_rad: f64,
    /// δ (radians).
    pub declination_rad: f64,
    /// Where F acts: the lowest point of the head.
    pub ground_force_at: Point,
    /// Where P acts: the head centre.
    pub pull_at: Point,
    /// A point of the proximal cut face's line.
    pub cut_origin: Point,
    /// The contact segment [A, B] (A plantar, B dorsal: A before B along t), if the faces touch.
    pub contact: Option<(Point, Point)>,
}

/// The solved statics, all forces as ratios of F.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Statics {
    /// F in G (0, 1).
    pub ground_force: Vector,
    /// P in G.
    pub pull: Vector,
    /// R = F + P in G.
    pub resultant: Vector,
    /// n_p in G: from the head fragment into the proximal one.
    pub normal_ground: Vector,
    /// t in G: along the cut.
    pub tangent_ground: Vector,
    /// N / F: compression across the cut (negative: tension, the fragments separate).
    pub normal_ratio: f64,
    /// T / F: along t.
    pub tangential_ratio: f64,
    /// μ·N / F: the most friction can hold.
    pub friction_limit_ratio: f64,
    /// X: where R's line of action crosses the cut line (`None` when R runs along the cut).
    pub resultant_crossing: Option<Point>,
    /// The contact segment [A, B] the verdict was decided on.
    pub contact: Option<(Point, Point)>,
    /// e: distance from X to the nearer end of [A, B] when X lies outside it, else 0 (mm).
    pub tipping_lever_mm: f64,
    /// The end of the contact the head tips about, when e > 0.
    pub tipping_pivot: Option<Point>,
    /// The rigid verdict.
    pub verdict: Verdict,
}

/// Solves the statics of the head as left by the surgeon.
pub fn solve(input: &StaticsInput, loads: &Loads) -> Statics {
    let delta = input.declination_rad;
    let ground_force = Vector::new(0.0, 1.0);
    let axis = Vector::new(delta.cos(), -delta.sin());
    let pull = -axis * loads.pull_ratio;
    let resultant = ground_force + pull;
    let (s, c) = input.cut_to_ground_rad.sin_cos();
    let normal_ground = Vector::new(-s, c);
    let tangent_ground = Vector::new(c, s);
    let normal = resultant.dot(&normal_ground);
    let tangential = resultant.dot(&tangent_ground);
    let friction_limit = loads.friction_mu.max(0.0) * normal.max(0.0);

    // R's line of action: the points X with X × R = Σ p × f. On the cut line X = o + u·t, so
    // u·(t × R) = M − o × R, and t × R = R·n_p = N.
    let cross = |a: Vector, b: Vector| a.x * b.y - a.y * b.x;
    let moment =
        cross(input.ground_force_at.coords, ground_force) + cross(input.pull_at.coords, pull);
    let o = input.cut_origin;
    let crossing_u = (normal.abs() > FORCE_TOLERANCE)
        .then(|| (moment - cross(o.coords, resultant)) / normal)
        .filter(|u| u.is_finite());
    let resultant_crossing = crossing_u.map(|u| o + tangent_ground * u);

    let along = |p: Point| (p - o).dot(&tangent_ground);
    let (tipping_lever_mm, tipping_pivot) = match (input.contact, crossing_u) {
        (Some((a, b)), Some(u)) => {
            let (ua, ub) = (along(a), along(b));
            let (lo, hi) = if ua <= ub { (a, b) } else { (b, a) };
            let (ulo, uhi) = (ua.min(ub), ua.max(ub));
            if u > uhi {
                (u - uhi, Some(hi))
            } else if u < ulo {
                (ulo - u, Some(lo))
            } else {
                (0.0, None)
            }
        }
        _ => (0.0, None),
    };

    let verdict = if input.contact.is_none() {
        Verdict::NoContact
    } else if normal < -FORCE_TOLERANCE {
        Verdict::Separates
    } else if normal <= FORCE_TOLERANCE {
        Verdict::Glides
    } else if tangential.abs() > friction_limit {
        Verdict::slides(Direction::of(tangent_ground * tangential.signum()))
    } else if tipping_lever_mm > 1e-9 {
        // The moment of R about the pivot is (u_X − u_pivot)·N: beyond the dorsal end (B) it
        // turns the head counter-clockwise, distal end up: dorsiflexion.
        let pivot_u = tipping_pivot.map_or(0.0, along);
        if crossing_u.unwrap_or(0.0) > pivot_u {
            Verdict::TipsDorsal
        } else {
            Verdict::TipsPlantar
        }
    } else {
        Verdict::Held
    };
    Statics {
        ground_force,
        pull,
        resultant,
        normal_ground,
        tangent_ground,
        normal_ratio: normal,
        tangential_ratio: tangential,
        friction_limit_ratio: friction_limit,
        resultant_crossing,
        contact: input.contact,
        tipping_lever_mm,
        tipping_pivot,
        verdict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_pull() -> Loads {
        Loads {
            pull_ratio: 0.0,
            ..Loads::default()
        }
    }

    /// A head centre 14 mm distal of the axis crossing of a cut through a 10 mm high bone, in
    /// the shaft frame rotated to G by δ (the reference's worked example, Section 4.1).
    fn example(phi_deg: f64, centre_from_crossing_mm: f64) -> StaticsInput {
        let d = 15f64.to_radians();
        let x_s = Vector::new(d.cos(), -d.sin());
        let y_s = Vector::new(d.sin(), d.cos());
        let phi = phi_deg.to_radians();
        let t = x_s * phi.cos() + y_s * phi.sin();
        let o = Point::new(0.0, 20.0);
        let centre = o + x_s * centre_from_crossing_mm;
        // The cut meets the cortices where it is 5 mm from the axis.
        let half = 5.0 / phi.sin();
        StaticsInput {
            cut_to_ground_rad: phi - d,
            declination_rad: d,
            ground_force_at: centre - Vector::new(0.0, 8.0),
            pull_at: centre,
            cut_origin: o,
            contact: Some((o - t * half, o + t * half)),
        }
    }

    #[test]
    fn reference_ratios_at_fifteen_degrees() {
        // Reference Section 4: δ = 15°, P = 0: φ = 45° → 0.87, 90° → 0.26, 135° → −0.50.
        for (phi, n) in [(45.0, 0.866), (90.0, 0.259), (135.0, -0.5)] {
            let s = solve(&example(phi, 14.0), &no_pull());
            assert!(
                approx::abs_diff_eq!(s.normal_ratio, n, epsilon = 1e-3),
                "φ={phi}: {}",
                s.normal_ratio
            );
        }
        assert_eq!(
            solve(&example(135.0, 14.0), &no_pull()).verdict,
            Verdict::Separates
        );
    }

    #[test]
    fn the_worked_example_tips_into_dorsiflexion() {
        // Reference Section 4.1: X about 13 mm along the cut, beyond the dorsal end at about
        // 7 mm: e ≈ 6 mm; 8 mm more proximal, e ≈ 14 mm.
        let s = solve(&example(45.0, 14.0), &Loads::default());
        let x = s.resultant_crossing.unwrap();
        let along = (x - Point::new(0.0, 20.0)).dot(&s.tangent_ground);
        approx::assert_abs_diff_eq!(along, 13.4, epsilon = 0.3);
        approx::assert_abs_diff_eq!(s.tipping_lever_mm, 6.3, epsilon = 0.3);
        assert_eq!(s.verdict, Verdict::TipsDorsal);
        let further = solve(&example(45.0, 22.0), &Loads::default());
        approx::assert_abs_diff_eq!(further.tipping_lever_mm, 14.0, epsilon = 0.3);
    }

    #[test]
    fn a_perpendicular_cut_rides_up_dorsally_and_a_flat_one_is_held() {
        let s = solve(&example(90.0, 14.0), &no_pull());
        assert_eq!(s.verdict, Verdict::SlidesDorsal);
        // A horizontal cut (θ = 0, φ = δ) with the head over the contact.
        let mut weil = example(15.0, 14.0);
        weil.contact = Some((Point::new(-30.0, 20.0), Point::new(30.0, 20.0)));
        let s = solve(&weil, &no_pull());
        assert_eq!(s.verdict, Verdict::Held);
        assert_eq!(s.tipping_lever_mm, 0.0);
    }

    #[test]
    fn no_contact_comes_first_and_a_vertical_cut_glides_without_pull() {
        let mut open = example(45.0, 14.0);
        open.contact = None;
        assert_eq!(solve(&open, &no_pull()).verdict, Verdict::NoContact);
        let vertical = StaticsInput {
            cut_to_ground_rad: std::f64::consts::FRAC_PI_2,
            ..example(105.0, 14.0)
        };
        assert_eq!(solve(&vertical, &no_pull()).verdict, Verdict::Glides);
    }

    #[test]
    fn directions_are_named_by_their_larger_component() {
        assert_eq!(Direction::of(Vector::new(0.26, 0.97)), Direction::Dorsal);
        assert_eq!(Direction::of(Vector::new(-0.9, -0.4)), Direction::Proximal);
        assert_eq!(Direction::of(Vector::new(0.2, -0.9)), Direction::Plantar);
        assert_eq!(Direction::of(Vector::new(1.0, 1.0)), Direction::Distal);
    }
}
