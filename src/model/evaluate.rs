//! From parameters to geometry and outcomes: the one entry point of the model.
//!
//! It may import every other model module (it puts them together) and [`crate::numtext`]; nothing
//! above the model.

use super::anatomy::{Ray, RayAnatomy};
use super::context;
use super::cut::Cut;
use super::fragments::{self, FragmentError, Fragments};
use super::frame::ShaftFrame;
use super::kinematics::{self, AppliedMotion, FaceContact, Motion, MotionLimit};
use super::polygon::{Line, Polygon};
use super::settle::{self, SettleInput, Settled};
use super::statics::{self, Loads, Statics, StaticsInput, Verdict};
use super::{Point, Vector};
use nalgebra::Isometry2;
use serde::Serialize;
use std::fmt;

/// Everything the model needs. Degrees and millimetres.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct OsteotomyParams {
    /// The ray's sagittal anatomy: declination, axis length, bone heights.
    pub anatomy: RayAnatomy,
    /// The cut: its angle φ to the shaft, its axis crossing from the head tip, its kerf.
    pub cut: Cut,
    /// How the surgeon moves the head fragment: closure, slide and tilt.
    pub motion: Motion,
    /// The loads on the head (soft-tissue pull, friction) and the stiffness of its envelope.
    pub loads: Loads,
}

impl OsteotomyParams {
    /// A DMMO at 45° to the shaft, 22 mm from the head tip (**assumption**: the neck), with the
    /// 2.6 mm kerf of one 3.1 mm burr pass closed and no slide.
    pub fn dmmo_default(ray: Ray) -> Self {
        OsteotomyParams {
            anatomy: ray.anatomy(),
            cut: Cut {
                angle_to_shaft_deg: 45.0,
                position_from_tip_mm: 22.0,
                kerf_mm: 2.6,
            },
            motion: Motion {
                closure_mm: 2.6,
                slide_mm: 0.0,
                tilt_deg: 0.0,
            },
            loads: Loads::default(),
        }
    }
}

/// Input the model cannot evaluate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ModelError {
    /// A parameter is NaN or infinite.
    NotFinite(&'static str),
    /// A parameter is outside the range the model handles.
    OutOfRange {
        /// The parameter's field name (`"declination_deg"`).
        name: &'static str,
        /// The value given.
        value: f64,
        /// The smallest value the model handles.
        min: f64,
        /// The largest value the model handles.
        max: f64,
    },
    /// The cut does not split the bone into a head fragment and a proximal fragment.
    Fragments(FragmentError),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::NotFinite(name) => write!(f, "{name} is not a finite number"),
            ModelError::OutOfRange {
                name,
                value,
                min,
                max,
            } => write!(
                f,
                "{name} = {} is outside {}..={}",
                crate::numtext::shortest(*value),
                crate::numtext::shortest(*min),
                crate::numtext::shortest(*max)
            ),
            ModelError::Fragments(FragmentError::HeadCentreNotDistal) => {
                write!(f, "the cut must cross the axis proximal of the head centre")
            }
            ModelError::Fragments(FragmentError::MissesBone) => {
                write!(f, "the cut does not split the bone in two")
            }
        }
    }
}

impl std::error::Error for ModelError {}

/// Drawable geometry, all in the ground frame G (mm, y up).
#[derive(Clone, Debug, PartialEq)]
pub struct Geometry {
    /// The shaft frame S in G: the base pivot and the declination δ.
    pub frame: ShaftFrame,
    /// The intact bone.
    pub outline_before: Polygon,
    /// The proximal fragment, which stays in place.
    pub proximal: Polygon,
    /// The head fragment where the cut left it, before any motion.
    pub head_before: Polygon,
    /// The head fragment after the motion (closure, slide, tilt).
    pub head_after: Polygon,
    /// The strip of bone the burr removes: the kerf, w wide across the cut.
    pub kerf_strip: Polygon,
    /// The cut's mid-line (direction t).
    pub cut_line: Line,
    /// Where the cut's mid-line crosses the shaft axis.
    pub axis_crossing: Point,
    /// Endpoints of the proximal fragment's cut face.
    pub proximal_face: (Point, Point),
    /// Endpoints of the head fragment's cut face after the motion.
    pub head_face_after: (Point, Point),
    /// The contact segment [A, B] along which the moved head face touches the proximal face (A
    /// plantar, B dorsal); `None` when the faces do not touch.
    pub contact_segment: Option<(Point, Point)>,
    /// Centre of the cut: the middle of the contact, or of the proximal face without contact.
    pub cut_centre: Point,
    /// The base pivot: the origin of S, about which the proximal fragment stays fixed.
    pub base_pivot: Point,
    /// The head centre before the osteotomy.
    pub head_centre_before: Point,
    /// The head centre after the motion.
    pub head_centre_after: Point,
    /// Where the ground force acts before the motion: the lowest point of the intact head.
    pub head_lowest_before: Point,
    /// Where the ground force acts after the motion: the lowest point of the moved head.
    pub head_lowest_after: Point,
    /// The point the tilt turns about (the midpoint of the head fragment's cut face), moved with
    /// the head.
    pub tilt_pivot: Point,
    /// The rigid motion of the head fragment in G.
    pub head_transform: nalgebra::Isometry2<f64>,
    /// The base of the proximal phalanx on the intact head (schematic context).
    pub phalanx_before: Polygon,
    /// The base of the proximal phalanx, carried with the moved head.
    pub phalanx_after: Polygon,
    /// The plantar soft tissue between the head and the ground (schematic context).
    pub soft_tissue: Polygon,
}

impl Geometry {
    /// The same drawing with the head fragment (and the phalanx it carries) moved further by
    /// `motion`, a rigid motion in G: the settled pose, or part of the way to it.
    pub fn with_head_moved(&self, motion: &nalgebra::Isometry2<f64>) -> Geometry {
        let radius = self.head_centre_after.y - self.head_lowest_after.y;
        let head_centre_after = motion * self.head_centre_after;
        Geometry {
            head_after: self.head_after.transformed(motion),
            head_face_after: (
                motion * self.head_face_after.0,
                motion * self.head_face_after.1,
            ),
            head_centre_after,
            // A round head's lowest point stays under its centre.
            head_lowest_after: head_centre_after - Vector::new(0.0, radius),
            tilt_pivot: motion * self.tilt_pivot,
            head_transform: motion * self.head_transform,
            phalanx_after: self.phalanx_after.transformed(motion),
            ..self.clone()
        }
    }
}

/// The measured consequences, each with its unit in its name. Signs: shortening positive
/// when the head moves proximally, rise positive when it moves away from the ground.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Outcomes {
    /// φ: the cut angle to the shaft (°).
    pub cut_to_shaft_deg: f64,
    /// θ = φ − δ: the cut angle to the ground (°).
    pub cut_to_ground_deg: f64,
    /// Rise of the head centre above the ground.
    pub head_rise_mm: f64,
    /// Shortening along the (original) shaft axis.
    pub axial_shortening_mm: f64,
    /// Shortening projected on the ground.
    pub ground_shortening_mm: f64,
    /// Shift of the head centre perpendicular to the shaft, dorsal positive.
    pub dorsal_shift_mm: f64,
    /// δ: the declination before the osteotomy (°).
    pub declination_before_deg: f64,
    /// δ': the declination after the head moved, the proximal fragment fixed at its base pivot (°).
    pub declination_after_deg: f64,
    /// Length over which the cut faces touch.
    pub contact_mm: f64,
    /// contact / length of the proximal cut face.
    pub contact_fraction: f64,
    /// Length of the cut through the bone (the proximal face).
    pub cut_length_mm: f64,
    /// Distance between the cut faces.
    pub gap_mm: f64,
    /// Horizontal distance from the ground force's line of action to the cut centre, positive
    /// when the force acts distal of the cut.
    pub lever_arm_mm: f64,
    /// N / F: the part of the resultant R that presses the faces together, along n_p; negative when
    /// it pulls them apart.
    pub normal_ratio: f64,
    /// T / F: the part of R along the cut direction t.
    pub tangential_ratio: f64,
    /// e: how far R's line of action crosses the cut outside the contact (0 inside).
    pub tipping_lever_mm: f64,
    /// The rigid verdict: what the loads do to the head as it was left.
    pub verdict: Verdict,
}

/// Where the head goes under the full ground force (reference Section 4.2), measured like
/// [`Outcomes`]: displacement of the head centre from where the surgeon left it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SettledOutcomes {
    /// Head-centre displacement along the ground, distal positive.
    pub dx_mm: f64,
    /// Head-centre displacement up, dorsal positive.
    pub dy_mm: f64,
    /// Rotation of the head, dorsiflexion positive.
    pub tilt_deg: f64,
    /// Length of the head-centre displacement (mm).
    pub displacement_mm: f64,
    /// Rise of the head centre above its pre-operative height, after settling.
    pub head_rise_mm: f64,
    /// Shortening projected on the ground, after settling.
    pub ground_shortening_mm: f64,
    /// Ends of the contact that carry load (0-2).
    pub contacts: usize,
    /// Largest unbalanced force or moment at the settled pose (F, F·mm).
    pub residual: f64,
}

impl SettledOutcomes {
    /// The settled outcomes of a head left with `outcomes` that settled by `settled`.
    pub fn new(outcomes: &Outcomes, settled: &Settled) -> Self {
        let d = settled.displacement;
        SettledOutcomes {
            dx_mm: d.x,
            dy_mm: d.y,
            tilt_deg: settled.tilt_deg(),
            displacement_mm: settled.displacement_mm(),
            head_rise_mm: outcomes.head_rise_mm + d.y,
            ground_shortening_mm: outcomes.ground_shortening_mm - d.x,
            contacts: settled.touching,
            residual: settled.residual,
        }
    }
}

/// The model's answer for one set of parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// The parameters as applied (the motion possibly limited).
    pub params: OsteotomyParams,
    /// The geometry in G, the head as the surgeon left it.
    pub geometry: Geometry,
    /// What the applied motion measures: angles, rise, shortenings, contact, forces on the cut.
    pub outcomes: Outcomes,
    /// The forces on the head as left, and the rigid verdict.
    pub statics: Statics,
    /// What the head settles under, for a load factor (the forefoot plan's share).
    pub settle_input: SettleInput,
    /// The head settled under the whole ground force.
    pub settled: Settled,
    /// The settled pose measured from where the surgeon left the head.
    pub settled_outcomes: SettledOutcomes,
    /// Why the applied motion differs from the requested one.
    pub limits: Vec<MotionLimit>,
}

fn check(name: &'static str, value: f64, min: f64, max: f64) -> Result<(), ModelError> {
    if !value.is_finite() {
        Err(ModelError::NotFinite(name))
    } else if value < min || value > max {
        Err(ModelError::OutOfRange {
            name,
            value,
            min,
            max,
        })
    } else {
        Ok(())
    }
}

/// Validates the parameters the geometry depends on.
fn validate(p: &OsteotomyParams) -> Result<(), ModelError> {
    let a = &p.anatomy;
    check("declination_deg", a.declination_deg, -10.0, 45.0)?;
    check("axis_length_mm", a.axis_length_mm, 30.0, 120.0)?;
    check("head_height_mm", a.head_height_mm, 8.0, 25.0)?;
    check("neck_height_mm", a.neck_height_mm, 4.0, a.head_height_mm)?;
    check("shaft_height_mm", a.shaft_height_mm, 4.0, a.head_height_mm)?;
    check("base_height_mm", a.base_height_mm, 6.0, 30.0)?;
    check("fat_pad_mm", a.fat_pad_mm, 0.0, 20.0)?;
    check("cut_to_shaft_deg", p.cut.angle_to_shaft_deg, 0.0, 180.0)?;
    check(
        "cut_position_mm",
        p.cut.position_from_tip_mm,
        a.head_radius_mm(),
        a.tip_x_shaft() - 8.0,
    )?;
    check("kerf_mm", p.cut.kerf_mm, 0.0, 10.0)?;
    check("closure_mm", p.motion.closure_mm, f64::MIN, f64::MAX)?;
    check("slide_mm", p.motion.slide_mm, -40.0, 40.0)?;
    check("tilt_deg", p.motion.tilt_deg, -45.0, 45.0)?;
    check("friction_mu", p.loads.friction_mu, 0.0, 10.0)?;
    check("pull_ratio", p.loads.pull_ratio, 0.0, 10.0)?;
    check(
        "tissue_stiffness_per_mm",
        p.loads.tissue_stiffness_per_mm,
        0.001,
        1000.0,
    )?;
    Ok(())
}

thread_local! {
    /// The latest bone outline and its fragments, with the anatomy and cut they are of.
    static LAST_SPLIT: std::cell::RefCell<Option<(RayAnatomy, Cut, Polygon, Fragments)>> =
        const { std::cell::RefCell::new(None) };
}

/// The intact outline (shaft frame) and its split by the cut: remembered for the latest
/// anatomy and cut, which a slide, a tilt or a load leaves unchanged (a third of an
/// evaluation's time). Compared exactly, so the result is the same as computing it again.
fn outline_and_fragments(
    anatomy: &RayAnatomy,
    cut: &Cut,
) -> Result<(Polygon, Fragments), ModelError> {
    LAST_SPLIT.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((a, c, outline, fragments)) = last.as_ref() {
            if a == anatomy && c == cut {
                return Ok((outline.clone(), fragments.clone()));
            }
        }
        let outline = anatomy.outline_shaft();
        let fragments =
            fragments::split_outline(anatomy, &outline, cut).map_err(ModelError::Fragments)?;
        *last = Some((*anatomy, *cut, outline.clone(), fragments.clone()));
        Ok((outline, fragments))
    })
}

/// Places the bone: the shaft frame whose lowest point of the head circle sits `fat_pad_mm`
/// above the ground.
fn place_bone(anatomy: &RayAnatomy) -> ShaftFrame {
    let delta = anatomy.declination_deg.to_radians();
    let r = anatomy.head_radius_mm();
    let l = anatomy.axis_length_mm;
    ShaftFrame {
        declination_rad: delta,
        pivot_ground: Point::new(0.0, anatomy.fat_pad_mm + r + l * delta.sin()),
    }
}

/// Where the head's centre goes: in the shaft frame, on the ground, and the declination after.
struct HeadShift {
    /// The head's centre before the motion (shaft frame).
    centre_shaft: Point,
    /// The head's centre after the motion (shaft frame).
    centre_after_shaft: Point,
    /// The centre's move (shaft frame).
    shift_shaft: Vector,
    /// How far the centre rises (ground frame, mm).
    rise_mm: f64,
    /// How far the centre moves back along the ground (mm).
    ground_shortening_mm: f64,
    /// The metatarsal's declination after the motion (radians).
    declination_after_rad: f64,
}

/// How the applied motion moves the head's centre.
fn head_shift(anatomy: &RayAnatomy, frame: &ShaftFrame, applied: &AppliedMotion) -> HeadShift {
    let delta = anatomy.declination_deg.to_radians();
    let l = anatomy.axis_length_mm;
    let head_centre_s = anatomy.head_centre_shaft();
    let head_centre_after_s = applied.transform_shaft * head_centre_s;
    let shift_s = head_centre_after_s - head_centre_s;
    let shift_g = frame.vector_to_ground(&shift_s);
    let head_rise_mm = shift_g.y;
    let ground_shortening_mm = -shift_g.x;
    let declination_after =
        kinematics::declination_after_rad(l, delta, head_rise_mm, ground_shortening_mm);
    HeadShift {
        centre_shaft: head_centre_s,
        centre_after_shaft: head_centre_after_s,
        shift_shaft: shift_s,
        rise_mm: head_rise_mm,
        ground_shortening_mm,
        declination_after_rad: declination_after,
    }
}

/// What the settling of the head starts from: the moved head, the loads the statics found on
/// it and the ends of the facing cut faces that may touch (ground frame).
fn settle_input(
    params: &OsteotomyParams,
    statics: &Statics,
    contact: &FaceContact,
    to_g: &Isometry2<f64>,
    head_centre_after: Point,
    head_lowest_after: Point,
) -> SettleInput {
    SettleInput {
        centre: head_centre_after,
        head_radius_mm: params.anatomy.head_radius_mm(),
        ground_force: statics.ground_force,
        ground_force_at: head_lowest_after,
        pull: statics.pull,
        normal: statics.normal_ground,
        tangent: statics.tangent_ground,
        candidates: match contact.facing_ends {
            Some(((a, ga), (b, gb))) => [Some((to_g * a, ga)), Some((to_g * b, gb))],
            None => [None, None],
        },
        stiffness_per_mm: params.loads.tissue_stiffness_per_mm,
        friction_mu: params.loads.friction_mu,
    }
}

/// The plantar soft tissue under the shaft and the head, out to the toe's end (ground frame).
fn soft_tissue(
    anatomy: &RayAnatomy,
    to_g: &Isometry2<f64>,
    phalanx_before: &Polygon,
    head_centre_before: Point,
) -> Polygon {
    let r = anatomy.head_radius_mm();
    let l = anatomy.axis_length_mm;
    let lowest_angle = (-90.0 + anatomy.declination_deg).to_radians();
    let mut plantar: Vec<Point> = anatomy.plantar_profile();
    let margin = -120f64.to_radians();
    for i in 1..=12 {
        let a = margin + (lowest_angle - margin) * i as f64 / 12.0;
        plantar.push(Point::new(l + r * a.cos(), r * a.sin()));
    }
    let plantar_g: Vec<Point> = plantar.iter().map(|p| to_g * p).collect();
    let toe_end = phalanx_before
        .bounds()
        .map_or(head_centre_before.x + 30.0, |(_, hi)| hi.x + 4.0);
    context::plantar_soft_tissue(&plantar_g, toe_end)
}

/// The outcomes of the cut and the motion: angles, the head's shift, the contact, the statics.
fn outcomes(
    params: &OsteotomyParams,
    shift: &HeadShift,
    contact: &FaceContact,
    statics: &Statics,
    lever_arm_mm: f64,
) -> Outcomes {
    let anatomy = &params.anatomy;
    let cut = &params.cut;
    Outcomes {
        cut_to_shaft_deg: cut.angle_to_shaft_deg,
        cut_to_ground_deg: cut.angle_to_ground_deg(anatomy.declination_deg),
        head_rise_mm: shift.rise_mm,
        axial_shortening_mm: -shift.shift_shaft.x,
        ground_shortening_mm: shift.ground_shortening_mm,
        dorsal_shift_mm: shift.shift_shaft.y,
        declination_before_deg: anatomy.declination_deg,
        declination_after_deg: shift.declination_after_rad.to_degrees(),
        contact_mm: contact.contact_mm,
        contact_fraction: if contact.face_length_mm > 0.0 {
            crate::numtext::clamp(contact.contact_mm / contact.face_length_mm, 0.0, 1.0)
        } else {
            0.0
        },
        cut_length_mm: contact.face_length_mm,
        gap_mm: contact.gap_mm,
        lever_arm_mm,
        normal_ratio: statics.normal_ratio,
        tangential_ratio: statics.tangential_ratio,
        tipping_lever_mm: statics.tipping_lever_mm,
        verdict: statics.verdict,
    }
}

/// Evaluates an osteotomy: fragments, motion (limited so bone never overlaps bone), statics and
/// every outcome. Never panics; returns an error for input it cannot model.
pub fn evaluate(params: &OsteotomyParams) -> Result<Evaluation, ModelError> {
    validate(params)?;
    let anatomy = &params.anatomy;
    let cut = &params.cut;
    let delta = anatomy.declination_deg.to_radians();
    let r = anatomy.head_radius_mm();
    let frame = place_bone(anatomy);
    let to_g = frame.to_ground();

    let (outline_shaft, fragments) = outline_and_fragments(anatomy, cut)?;
    let applied = kinematics::apply(cut, &fragments, &params.motion);
    let contact = kinematics::face_contact(&fragments, &applied);
    let shift = head_shift(anatomy, &frame, &applied);

    let theta = cut.angle_to_shaft_rad() - delta;

    let head_after_s = fragments.head.transformed(&applied.transform_shaft);
    let head_after = head_after_s.transformed(&to_g);
    let head_before = fragments.head.transformed(&to_g);
    let head_centre_before = to_g * shift.centre_shaft;
    let head_centre_after = to_g * shift.centre_after_shaft;
    // The ground force acts at the lowest point of the head: under the centre of the round
    // articular surface (always within it for δ ≤ 45° and tilts ≤ 45°).
    let head_lowest_before = head_centre_before - Vector::new(0.0, r);
    let head_lowest_after = head_centre_after - Vector::new(0.0, r);
    let to_g_pair = |(a, b): (Point, Point)| (to_g * a, to_g * b);
    let proximal_face = to_g_pair(contact.proximal_face);
    let contact_segment = contact.contact_segment.map(to_g_pair);
    let statics = statics::solve(
        &StaticsInput {
            cut_to_ground_rad: theta,
            declination_rad: delta,
            ground_force_at: head_lowest_after,
            pull_at: head_centre_after,
            cut_origin: proximal_face.0,
            contact: contact_segment,
        },
        &params.loads,
    );
    let settle_input = settle_input(
        params,
        &statics,
        &contact,
        &to_g,
        head_centre_after,
        head_lowest_after,
    );
    let settled = settle::settle(&settle_input, 1.0);
    let cut_centre = match contact_segment {
        Some((a, b)) => nalgebra::center(&a, &b),
        None => nalgebra::center(&proximal_face.0, &proximal_face.1),
    };
    let lever_arm_mm = head_lowest_after.x - cut_centre.x;

    let phalanx_before = context::phalanx(head_centre_before, r);
    let head_transform = to_g * applied.transform_shaft * to_g.inverse();
    let phalanx_after = phalanx_before.transformed(&head_transform);
    let soft_tissue = soft_tissue(anatomy, &to_g, &phalanx_before, head_centre_before);

    let outcomes = outcomes(params, &shift, &contact, &statics, lever_arm_mm);
    let settled_outcomes = SettledOutcomes::new(&outcomes, &settled);

    Ok(Evaluation {
        params: OsteotomyParams {
            motion: applied.motion,
            ..*params
        },
        geometry: Geometry {
            frame,
            outline_before: outline_shaft.transformed(&to_g),
            proximal: fragments.proximal.transformed(&to_g),
            head_before,
            head_after,
            kerf_strip: fragments.kerf_strip.transformed(&to_g),
            cut_line: Line {
                origin: to_g
                    * fragments
                        .head_face
                        .origin
                        .lerp(&fragments.proximal_face.origin, 0.5),
                direction: frame.vector_to_ground(&cut.direction_shaft()),
            },
            axis_crossing: to_g * cut.axis_crossing_shaft(anatomy),
            proximal_face,
            head_face_after: to_g_pair(contact.head_face_moved),
            contact_segment,
            cut_centre,
            base_pivot: frame.pivot_ground,
            head_centre_before,
            head_centre_after,
            head_lowest_before,
            head_lowest_after,
            tilt_pivot: to_g * applied.tilt_pivot_shaft,
            head_transform,
            phalanx_before,
            phalanx_after,
            soft_tissue,
        },
        outcomes,
        statics,
        settle_input,
        settled,
        settled_outcomes,
        limits: applied.limits,
    })
}
