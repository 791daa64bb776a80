//! Self-adjustment: where the head goes under load (reference Section 4.2), a teaching model.
//!
//! A leaf of the model: it imports only the model's points and vectors (nalgebra);
//! [`super::evaluate()`] builds its input.
//!
//! The head fragment is held only by its soft-tissue envelope, a spring anchored where the
//! surgeon left it: translational stiffness k at the head centre (isotropic) and rotational
//! stiffness k·r² (**assumptions**: no published stiffness). The loads F and P act at their
//! points on the moving head, fixed in G. The cut faces meet in unilateral contact with Coulomb
//! friction μ at the two ends of their facing segment (a flat face on a flat face is equivalent
//! to forces at the ends of their overlap). Small displacements: the pose is q = (u_x, u_y, ω),
//! the translation of the head centre in G and a rotation about it (counter-clockwise,
//! dorsiflexion, positive).
//!
//! The **settled pose** is found by following the load from 0 to its full value: every
//! quantity is affine in the load factor while the set of touching ends and the friction state
//! (sticking, or slipping one way) stay the same, so the path is solved exactly, phase by phase,
//! each phase ending where a gap closes, a contact lets go, friction gives way or a slip stops.
//! An open kerf therefore closes first, then the faces carry the load. Deterministic; never
//! NaN for finite input.
//!
//! Generalised coordinates: a force f at p does the work of (f_x, f_y, (p − C) × f); the gap at
//! a contact point p, closed by motion along n_p, is g₀ − n_p·(u + ω·perp(p − C)).

use super::{Point, Vector};
use nalgebra::{Isometry2, SMatrix, SVector, Translation2, UnitComplex};

/// Gaps (mm), forces (F) and slips (mm) within this of a bound count as on it.
const TOLERANCE: f64 = 1e-10;
/// A load path has at most this many phases (each contact and friction change is one).
const MAX_PHASES: usize = 48;

/// What the head settles under, in G.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SettleInput {
    /// The head centre where the surgeon left it (the springs' anchor).
    pub centre: Point,
    /// Radius r of the head (mm): the rotational stiffness is k·r².
    pub head_radius_mm: f64,
    /// F for a load factor of 1: the ground force.
    pub ground_force: Vector,
    /// Where F acts: the lowest point of the head.
    pub ground_force_at: Point,
    /// P for a load factor of 1 (acts at the head centre).
    pub pull: Vector,
    /// n_p: from the head fragment into the proximal one (unit).
    pub normal: Vector,
    /// t: along the cut (unit).
    pub tangent: Vector,
    /// The ends of the head face that face the proximal face, with their gaps (mm, ≥ 0).
    pub candidates: [Option<(Point, f64)>; 2],
    /// k: the translational stiffness of the soft-tissue envelope (F per mm).
    pub stiffness_per_mm: f64,
    /// μ: bone-on-bone friction coefficient at the contact.
    pub friction_mu: f64,
}

/// One end of the contact at the settled pose.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ContactForce {
    /// Where, on the head as left (G).
    pub at: Point,
    /// Normal force pushing the head out of the proximal fragment (F, ≥ 0).
    pub normal: f64,
    /// Friction along t (F), its share of the total.
    pub tangential: f64,
    /// Gap at the settled pose (mm, ≥ 0; 0 when touching).
    pub gap_mm: f64,
    /// Whether this end touches the proximal face and carries load.
    pub touching: bool,
}

/// The settled pose.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settled {
    /// Displacement of the head centre in G (mm), distal and dorsal positive.
    pub displacement: Vector,
    /// Rotation about the head centre (radians), dorsiflexion positive.
    pub rotation_rad: f64,
    /// The candidate contacts (as in [`SettleInput::candidates`]).
    pub contacts: [Option<ContactForce>; 2],
    /// How many ends touch and carry load (0-2).
    pub touching: usize,
    /// Total friction along t (F).
    pub friction: f64,
    /// Largest unbalanced force (F) or moment (F·mm) at the settled pose.
    pub residual: f64,
    /// Phases of the load path.
    pub phases: usize,
    /// The rigid motion from the pose as left to the settled pose, in G.
    pub transform: Isometry2<f64>,
}

impl Settled {
    /// Length of the head-centre displacement (mm).
    pub fn displacement_mm(&self) -> f64 {
        self.displacement.norm()
    }

    /// Rotation about the head centre (°), dorsiflexion positive.
    pub fn tilt_deg(&self) -> f64 {
        self.rotation_rad.to_degrees()
    }

    /// The pose part way, `fraction` of the way from as left to settled (for the animation).
    pub fn transform_at(&self, centre: Point, fraction: f64) -> Isometry2<f64> {
        pose_transform(
            centre,
            self.displacement * fraction,
            self.rotation_rad * fraction,
        )
    }
}

/// Rotation by `rotation` about `centre`, then translation by `displacement`.
fn pose_transform(centre: Point, displacement: Vector, rotation: f64) -> Isometry2<f64> {
    Translation2::from(displacement + centre.coords)
        * Isometry2::from_parts(Translation2::identity(), UnitComplex::new(rotation))
        * Translation2::from(-centre.coords)
}

fn cross(a: Vector, b: Vector) -> f64 {
    a.x * b.y - a.y * b.x
}

/// Friction state of a phase.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Friction {
    Stick,
    /// Slipping along +t (1) or −t (−1).
    Slip(f64),
}

/// A phase's mode: which candidates touch, and the friction state.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Mode {
    active: [bool; 2],
    friction: Friction,
}

type Matrix6 = SMatrix<f64, 6, 6>;
type Vector6 = SVector<f64, 6>;

/// z = (u_x, u_y, ω, λ_A, λ_B, T): pose, normal forces, total friction.
struct Problem<'a> {
    input: &'a SettleInput,
    stiffness: [f64; 3],
    external: [f64; 3],
    /// Rows of n_p·J and t·J for each candidate (J: point displacement per q).
    gap_rows: [[f64; 3]; 2],
    slip_row: [f64; 3],
    gaps: [f64; 2],
    present: [bool; 2],
}

impl<'a> Problem<'a> {
    fn new(input: &'a SettleInput, load: f64) -> Self {
        let k = input.stiffness_per_mm.max(0.0);
        let r = input.head_radius_mm;
        let c = input.centre;
        let f = input.ground_force * load;
        let p = input.pull * load;
        let external = [f.x + p.x, f.y + p.y, cross(input.ground_force_at - c, f)];
        let n = input.normal;
        let t = input.tangent;
        let mut gap_rows = [[0.0; 3]; 2];
        let mut gaps = [0.0; 2];
        let mut present = [false; 2];
        let mut slip_point = c;
        for (i, cand) in input.candidates.iter().enumerate() {
            if let Some((at, gap)) = cand {
                gap_rows[i] = [n.x, n.y, cross(*at - c, n)];
                gaps[i] = gap.max(0.0);
                present[i] = true;
                slip_point = *at;
            }
        }
        // Every point of the cut line slips by the same amount (t·perp(t) = 0).
        let slip_row = [t.x, t.y, cross(slip_point - c, t)];
        Problem {
            input,
            stiffness: [k, k, k * r * r],
            external,
            gap_rows,
            slip_row,
            gaps,
            present,
        }
    }

    /// The linear system of a mode: z(α) = z0 + α·z1, or `None` when singular.
    fn solve(&self, mode: Mode, slip_ref: f64) -> Option<(Vector6, Vector6)> {
        let mut m = Matrix6::zeros();
        let mut b0 = Vector6::zeros();
        let mut b1 = Vector6::zeros();
        for row in 0..3 {
            m[(row, row)] = self.stiffness[row];
            b1[row] = self.external[row];
            for i in 0..2 {
                // The contact pushes the head along −n_p with λ_i: K q + λ·(J^T n_p) − T·(J^T t) = α f.
                m[(row, 3 + i)] = self.gap_rows[i][row];
            }
            m[(row, 5)] = -self.slip_row[row];
        }
        for i in 0..2 {
            if mode.active[i] {
                for col in 0..3 {
                    m[(3 + i, col)] = self.gap_rows[i][col];
                }
                b0[3 + i] = self.gaps[i];
            } else {
                m[(3 + i, 3 + i)] = 1.0;
            }
        }
        let any = mode.active[0] || mode.active[1];
        match mode.friction {
            _ if !any => m[(5, 5)] = 1.0,
            Friction::Stick => {
                for col in 0..3 {
                    m[(5, col)] = self.slip_row[col];
                }
                b0[5] = slip_ref;
            }
            Friction::Slip(s) => {
                // T = −s·μ·(λ_A + λ_B): friction opposes the slip.
                m[(5, 5)] = 1.0;
                let mu = self.input.friction_mu.max(0.0);
                for i in 0..2 {
                    if mode.active[i] {
                        m[(5, 3 + i)] = s * mu;
                    }
                }
            }
        }
        let lu = m.lu();
        let z0 = lu.solve(&b0)?;
        let z1 = lu.solve(&b1)?;
        (z0.iter().chain(z1.iter()).all(|v| v.is_finite())).then_some((z0, z1))
    }

    fn gap(&self, i: usize, z: &Vector6) -> f64 {
        let r = self.gap_rows[i];
        self.gaps[i] - (r[0] * z[0] + r[1] * z[1] + r[2] * z[2])
    }

    fn slip(&self, z: &Vector6) -> f64 {
        let r = self.slip_row;
        r[0] * z[0] + r[1] * z[1] + r[2] * z[2]
    }

    /// The conditions a mode must keep, each as (value at z, affine in α).
    fn conditions(&self, mode: Mode, slip_ref: f64, z: &Vector6) -> Vec<f64> {
        let mut out = Vec::with_capacity(6);
        for i in 0..2 {
            if !self.present[i] {
                continue;
            }
            if mode.active[i] {
                out.push(z[3 + i]);
            } else {
                out.push(self.gap(i, z));
            }
        }
        if mode.active[0] || mode.active[1] {
            let mu = self.input.friction_mu.max(0.0);
            let normal = z[3] + z[4];
            match mode.friction {
                Friction::Stick => {
                    out.push(mu * normal - z[5]);
                    out.push(mu * normal + z[5]);
                }
                Friction::Slip(s) => out.push(s * (self.slip(z) - slip_ref)),
            }
        }
        out
    }

    /// How far (up to α = 1) a mode holds from α0, or `None` if it fails at once.
    fn reach(&self, mode: Mode, slip_ref: f64, alpha0: f64) -> Option<(f64, Vector6, Vector6)> {
        let (z0, z1) = self.solve(mode, slip_ref)?;
        let at = |a: f64| z0 + z1 * a;
        let h0 = self.conditions(mode, slip_ref, &at(alpha0));
        let h1 = self.conditions(mode, slip_ref, &at(alpha0 + 1.0));
        let mut end = 1.0f64;
        for (v, w) in h0.iter().zip(&h1) {
            let slope = w - v;
            if *v < -TOLERANCE {
                return None;
            }
            if slope < -TOLERANCE {
                if *v <= TOLERANCE {
                    return None;
                }
                end = end.min(alpha0 + v / -slope);
            }
        }
        Some((end.max(alpha0), z0, z1))
    }

    fn modes(&self, z: &Vector6) -> Vec<Mode> {
        let closed: Vec<bool> = (0..2)
            .map(|i| self.present[i] && self.gap(i, z) <= 1e-9)
            .collect();
        let mut out = Vec::with_capacity(10);
        for active in [[true, true], [true, false], [false, true], [false, false]] {
            if (active[0] && !closed[0]) || (active[1] && !closed[1]) {
                continue;
            }
            if active == [false, false] {
                out.push(Mode {
                    active,
                    friction: Friction::Stick,
                });
            } else {
                for friction in [Friction::Stick, Friction::Slip(1.0), Friction::Slip(-1.0)] {
                    out.push(Mode { active, friction });
                }
            }
        }
        out
    }

    fn residual(&self, z: &Vector6) -> f64 {
        (0..3)
            .map(|row| {
                let mut r =
                    self.stiffness[row] * z[row] - self.external[row] - self.slip_row[row] * z[5];
                for i in 0..2 {
                    r += self.gap_rows[i][row] * z[3 + i];
                }
                r.abs()
            })
            .fold(0.0, f64::max)
    }
}

/// Settles the head under `load` times the input's loads (1: the whole ground force).
pub fn settle(input: &SettleInput, load: f64) -> Settled {
    let problem = Problem::new(input, if load.is_finite() { load } else { 0.0 });
    let mut alpha = 0.0;
    let mut z = Vector6::zeros();
    let mut slip_ref = 0.0;
    let mut phases = 0;
    let mut last: Option<Mode> = None;
    while alpha < 1.0 && phases < MAX_PHASES {
        phases += 1;
        let chosen = problem
            .modes(&z)
            .into_iter()
            .find_map(|mode| problem.reach(mode, slip_ref, alpha).map(|r| (mode, r)));
        let Some((mode, (end, z0, z1))) = chosen else {
            break;
        };
        // A mode that holds for no load at all cannot move the path on: take the next one.
        let end = if end <= alpha && phases == MAX_PHASES {
            1.0
        } else {
            end
        };
        z = z0 + z1 * end;
        alpha = end;
        slip_ref = problem.slip(&z);
        last = Some(mode);
    }
    if alpha < 1.0 {
        // No consistent mode (degenerate geometry): finish with the last one, or the springs.
        let mode = last.unwrap_or(Mode {
            active: [false, false],
            friction: Friction::Stick,
        });
        if let Some((z0, z1)) = problem.solve(mode, slip_ref).or_else(|| {
            problem.solve(
                Mode {
                    active: [false, false],
                    friction: Friction::Stick,
                },
                0.0,
            )
        }) {
            z = z0 + z1;
        }
    }
    let displacement = Vector::new(z[0], z[1]);
    let rotation_rad = z[2];
    let total_normal = z[3] + z[4];
    let contacts = [0, 1].map(|i| {
        input.candidates[i].map(|(at, _)| {
            let normal = z[3 + i].max(0.0);
            ContactForce {
                at,
                normal,
                tangential: if total_normal > TOLERANCE {
                    z[5] * z[3 + i] / total_normal
                } else {
                    0.0
                },
                gap_mm: problem.gap(i, &z).max(0.0),
                touching: normal > TOLERANCE || problem.gap(i, &z) <= 1e-9,
            }
        })
    });
    Settled {
        displacement,
        rotation_rad,
        touching: contacts
            .iter()
            .flatten()
            .filter(|c| c.normal > TOLERANCE)
            .count(),
        contacts,
        friction: z[5],
        residual: problem.residual(&z),
        phases,
        transform: pose_transform(input.centre, displacement, rotation_rad),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The prototype's head (reference Section 4.2): radius 8 mm, lowest point under its
    /// centre, the cut crossing the axis `from_centre` mm proximal of it through a 10 mm high
    /// bone, δ 15°, P/F 0.2, μ 0.5, k 0.25.
    fn prototype(phi_deg: f64, from_centre: f64, gap: f64) -> SettleInput {
        let d = 15f64.to_radians();
        let x_s = Vector::new(d.cos(), -d.sin());
        let y_s = Vector::new(d.sin(), d.cos());
        let phi = phi_deg.to_radians();
        let t = x_s * phi.cos() + y_s * phi.sin();
        let n = x_s * -phi.sin() + y_s * phi.cos();
        let centre = Point::new(0.0, 14.5);
        let crossing = centre - x_s * from_centre;
        let half = 5.0 / phi.sin();
        // The head face sits `gap` from the proximal face, on the head's side (−n_p).
        let head_face = |u: f64| crossing + t * u - n * gap;
        SettleInput {
            centre,
            head_radius_mm: 8.0,
            ground_force: Vector::new(0.0, 1.0),
            ground_force_at: centre - Vector::new(0.0, 8.0),
            pull: -x_s * 0.2,
            normal: n,
            tangent: t,
            candidates: [Some((head_face(-half), gap)), Some((head_face(half), gap))],
            stiffness_per_mm: 0.25,
            friction_mu: 0.5,
        }
    }

    #[test]
    fn the_prototype_figures_of_section_4_2() {
        // Closed kerf, 14 mm from the centre (22 mm from the tip): 45° 1.55 < 90° 2.80 < 135° 4.28.
        for (phi, expected) in [(45.0, 1.55), (90.0, 2.80), (135.0, 4.28)] {
            let s = settle(&prototype(phi, 14.0, 0.0), 1.0);
            assert!(
                approx::abs_diff_eq!(s.displacement_mm(), expected, epsilon = 0.02),
                "φ {phi}: {}",
                s.displacement_mm()
            );
            assert!(s.residual < 1e-9);
        }
        // 45° from 14 to 38 mm from the tip in 4 mm steps (centre 8 mm from the tip).
        let expected = [0.0, 0.63, 1.55, 2.22, 2.65, 2.93, 3.12];
        for (i, e) in expected.iter().enumerate() {
            let at = 14.0 + 4.0 * i as f64;
            let s = settle(&prototype(45.0, at - 8.0, 0.0), 1.0);
            assert!(
                approx::abs_diff_eq!(s.displacement_mm(), e, epsilon = 0.02),
                "at {at}: {} vs {e}",
                s.displacement_mm()
            );
            if i > 0 {
                assert!(s.tilt_deg() > 0.5, "dorsiflexion at {at}: {}", s.tilt_deg());
            }
        }
    }

    #[test]
    fn an_open_kerf_closes_under_a_dmmo_cut_and_not_under_a_perpendicular_one() {
        let s = settle(&prototype(45.0, 14.0, 2.6), 1.0);
        assert!(s.displacement.y > 2.5 && s.displacement.y < 3.5, "{s:?}");
        assert!(s.contacts[1].unwrap().touching, "dorsal end touches: {s:?}");
        let p = settle(&prototype(90.0, 14.0, 2.6), 1.0);
        assert!(
            approx::abs_diff_eq!(p.displacement_mm(), 4.28, epsilon = 0.05),
            "{p:?}"
        );
        assert_eq!(p.touching, 0);
    }

    #[test]
    fn no_load_no_motion() {
        let s = settle(&prototype(45.0, 20.0, 1.0), 0.0);
        assert_eq!(s.displacement, Vector::zeros());
        assert_eq!(s.rotation_rad, 0.0);
    }
}
