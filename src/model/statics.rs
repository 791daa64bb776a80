//! Statics of the head fragment on the cut: does the ground force press it on, slide it, or
//! pull it off?
//!
//! Loads in G, scaled to a ground reaction force F = 1 (vertical, up, at the lowest point of
//! the head): the soft-tissue pull P = `pull_ratio`·F toward proximal along the shaft axis,
//! −P·x_s (**assumption**: no published value). R = F + P. With n_p = (−sin θ, cos θ) and
//! t = (cos θ, sin θ) in G: N = R·n_p (compression when positive), T = R·t.
//! N ≤ 0: the fragments **separate**; |T| > μ·N: the head **slides** along sign(T)·t;
//! otherwise it is **held** by friction (μ is an **assumption**: no bone-bone value found).

use super::Vector;
use serde::Serialize;

/// External loads, as ratios of the ground reaction force.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Loads {
    /// Bone-on-bone friction coefficient μ (assumption).
    pub friction_mu: f64,
    /// Soft-tissue pull toward proximal along the shaft, as a fraction of the ground force
    /// (assumption).
    pub pull_ratio: f64,
}

impl Default for Loads {
    fn default() -> Self {
        Loads {
            friction_mu: 0.5,
            pull_ratio: 0.2,
        }
    }
}

/// What the loads do to the head fragment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Held,
    SlidesProximal,
    SlidesDistal,
    Separates,
}

impl Verdict {
    /// The JSON / `data-value` name.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Held => "held",
            Verdict::SlidesProximal => "slides_proximal",
            Verdict::SlidesDistal => "slides_distal",
            Verdict::Separates => "separates",
        }
    }
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
    pub verdict: Verdict,
}

/// Solves the statics of a cut at θ (radians, to the ground) on a bone declined by δ (radians).
pub fn solve(cut_to_ground_rad: f64, declination_rad: f64, loads: &Loads) -> Statics {
    let ground_force = Vector::new(0.0, 1.0);
    let axis = Vector::new(declination_rad.cos(), -declination_rad.sin());
    let pull = -axis * loads.pull_ratio;
    let resultant = ground_force + pull;
    let (s, c) = cut_to_ground_rad.sin_cos();
    let normal_ground = Vector::new(-s, c);
    let tangent_ground = Vector::new(c, s);
    let normal = resultant.dot(&normal_ground);
    let tangential = resultant.dot(&tangent_ground);
    let friction_limit = loads.friction_mu.max(0.0) * normal.max(0.0);
    let verdict = if normal <= 1e-12 {
        Verdict::Separates
    } else if tangential.abs() > friction_limit {
        // Which way along the ground the head would go: the sign of x of sign(T)·t, ties by
        // the shaft-axis component.
        let along = tangent_ground * tangential.signum();
        let distal = if along.x.abs() > 1e-12 {
            along.x > 0.0
        } else {
            along.dot(&axis) > 0.0
        };
        if distal {
            Verdict::SlidesDistal
        } else {
            Verdict::SlidesProximal
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
        verdict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_pull() -> Loads {
        Loads {
            friction_mu: 0.5,
            pull_ratio: 0.0,
        }
    }

    #[test]
    fn reference_ratios_at_fifteen_degrees() {
        // Reference §4: δ = 15°, P = 0: φ = 45° → 0.87, 90° → 0.26, 135° → −0.50.
        let d = 15f64.to_radians();
        for (phi, n) in [(45.0, 0.866), (90.0, 0.259), (135.0, -0.5)] {
            let s = solve((phi - 15.0_f64).to_radians(), d, &no_pull());
            assert!(
                (s.normal_ratio - n).abs() < 1e-3,
                "φ={phi}: {}",
                s.normal_ratio
            );
        }
        let reverse = solve(120f64.to_radians(), d, &no_pull());
        assert_eq!(reverse.verdict, Verdict::Separates);
    }

    #[test]
    fn a_steep_cut_slides_and_a_flat_one_is_held() {
        let d = 15f64.to_radians();
        assert_eq!(
            solve(75f64.to_radians(), d, &no_pull()).verdict,
            Verdict::SlidesDistal
        );
        assert_eq!(solve(0.0, d, &no_pull()).verdict, Verdict::Held);
    }
}
