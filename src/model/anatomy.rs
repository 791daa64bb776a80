//! Per-ray anatomy and the parametric sagittal outline of a lesser metatarsal.
//!
//! It may import the model's polygons; nothing above the model.
//!
//! The outline is built in the shaft frame S (origin at the base pivot, x_s toward the head):
//! a base that flares to `base_height_mm`, a shaft bowed slightly dorsally (its plantar side
//! concave), a neck of `neck_height_mm`, and a round head of diameter `head_height_mm` whose
//! plantar condyle reaches further proximally than its dorsal margin.

use super::polygon::{Line, Polygon};
use super::Point;
use serde::Serialize;

/// Whether a default value comes from a publication or is ours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "note", rename_all = "snake_case")]
pub enum Provenance {
    /// Published value; the string cites the source.
    Sourced(&'static str),
    /// No published value: an adjustable default, shown to users as an assumption.
    Assumption(&'static str),
}

impl Provenance {
    /// Whether the default has no published value (an adjustable assumption) rather than a source.
    pub fn is_assumption(&self) -> bool {
        matches!(self, Provenance::Assumption(_))
    }
    /// The citation of a sourced value, or what an assumption rests on.
    pub fn note(&self) -> &'static str {
        match self {
            Provenance::Sourced(s) | Provenance::Assumption(s) => s,
        }
    }
}

/// The lesser rays the model can cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Ray {
    /// The second metatarsal: the most declined and the longest lesser ray.
    M2,
    /// The third metatarsal.
    M3,
    /// The fourth metatarsal: the least declined and the shortest lesser ray.
    M4,
}

impl Ray {
    /// The lesser rays, medial to lateral.
    pub const ALL: [Ray; 3] = [Ray::M2, Ray::M3, Ray::M4];

    /// The ray number (2, 3 or 4).
    pub fn number(self) -> u8 {
        match self {
            Ray::M2 => 2,
            Ray::M3 => 3,
            Ray::M4 => 4,
        }
    }

    /// The ray numbered `n` (2, 3 or 4); `None` for any other number.
    pub fn from_number(n: u8) -> Option<Ray> {
        match n {
            2 => Some(Ray::M2),
            3 => Some(Ray::M3),
            4 => Some(Ray::M4),
            _ => None,
        }
    }

    /// Default anatomy of this ray (see each value's provenance in [`PROVENANCE`]).
    pub fn anatomy(self) -> RayAnatomy {
        let (declination_deg, axis_length_mm, head_height_mm, neck_height_mm, shaft_height_mm) =
            match self {
                Ray::M2 => (15.0, 70.0, 16.1, 9.5, 9.0),
                Ray::M3 => (12.0, 66.0, 15.1, 9.2, 8.7),
                Ray::M4 => (10.0, 62.0, 14.1, 8.9, 8.4),
            };
        RayAnatomy {
            ray: self,
            declination_deg,
            axis_length_mm,
            head_height_mm,
            neck_height_mm,
            shaft_height_mm,
            base_height_mm: 17.0,
            fat_pad_mm: 6.5,
        }
    }
}

/// The sagittal anatomy of one ray. Lengths in mm, angles in degrees.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct RayAnatomy {
    /// The ray this anatomy belongs to.
    pub ray: Ray,
    /// δ: axis below the ground, distal end lower.
    pub declination_deg: f64,
    /// L: axis length from the base pivot to the head centre.
    pub axis_length_mm: f64,
    /// Dorsal-plantar height of the head (its diameter here).
    pub head_height_mm: f64,
    /// Dorsal-plantar height of the neck, where the DMMO cut runs.
    pub neck_height_mm: f64,
    /// Dorsal-plantar height of the mid-shaft.
    pub shaft_height_mm: f64,
    /// Dorsal-plantar height of the base.
    pub base_height_mm: f64,
    /// Plantar soft tissue between the lowest point of the head and the ground.
    pub fat_pad_mm: f64,
}

/// Named anatomy fields with their provenance, for the interface and the About panel.
pub const PROVENANCE: [(&str, Provenance); 8] = [
    (
        "declination M2",
        Provenance::Sourced("15°: Trnka et al., Foot Ankle Int 2001; Leemrijse geometric analysis"),
    ),
    (
        "declination M3, M4",
        Provenance::Assumption(
            "12° and 10°: smaller laterally (Barrie & Watmough), degrees not published",
        ),
    ),
    (
        "axis length",
        Provenance::Assumption(
            "M2 70\u{a0}mm, M3 66\u{a0}mm, M4 62\u{a0}mm: no published lesser metatarsal lengths",
        ),
    ),
    (
        "head height M2",
        Provenance::Sourced("16.1 ± 1.4\u{a0}mm: Fraser et al., Foot Ankle Surg 2017"),
    ),
    (
        "head height M3, M4",
        Provenance::Assumption(
            "15.1 and 14.1\u{a0}mm: interpolated between M2 16.1 and M5 13.0\u{a0}mm (Fraser et al. 2017)",
        ),
    ),
    (
        "neck and shaft height",
        Provenance::Assumption("about 9-10\u{a0}mm: not published"),
    ),
    (
        "base height",
        Provenance::Assumption("17\u{a0}mm: drawn for context, no effect on the outcomes"),
    ),
    (
        "plantar fat pad",
        Provenance::Sourced("6.5\u{a0}mm: about 6-7\u{a0}mm under the heads, Belhan et al. 2019"),
    ),
];

/// Protrusion of each head relative to M2 along the foot (mm, mean and standard deviation),
/// M1 to M5: Domínguez-Maldonado et al., ScientificWorldJournal 2014:505736 (169 normal feet).
pub const PROTRUSION_RELATIVE_TO_M2_MM: [(f64, f64); 5] = [
    (0.94, 2.71),
    (0.0, 0.0),
    (-4.44, 1.63),
    (-11.17, 2.21),
    (-20.21, 3.77),
];

/// Head height (mm) of M5: Fraser et al., Foot Ankle Surg 2017 (13.0 ± 1.1 mm).
pub const M5_HEAD_HEIGHT_MM: f64 = 13.0;

impl RayAnatomy {
    /// Head radius (mm).
    pub fn head_radius_mm(&self) -> f64 {
        self.head_height_mm / 2.0
    }

    /// x_s of the head centre (= L).
    pub fn head_centre_shaft(&self) -> Point {
        Point::new(self.axis_length_mm, 0.0)
    }

    /// x_s of the distal tip of the head.
    pub fn tip_x_shaft(&self) -> f64 {
        self.axis_length_mm + self.head_radius_mm()
    }

    /// Where the head's articular surface ends dorsally (the dorsal articular margin), in S.
    /// **Assumption** of the drawn outline: the margin is 120° from the distal axis.
    pub fn dorsal_articular_margin_shaft(&self) -> Point {
        let a = Self::DORSAL_HEAD_MARGIN_DEG.to_radians();
        let r = self.head_radius_mm();
        Point::new(self.axis_length_mm + r * a.cos(), r * a.sin())
    }

    /// Where `line` crosses the head's articular surface (the circle between its dorsal and
    /// plantar margins, more than 1° inside them), in S: a cut there enters the joint. The most
    /// distal crossing when the line crosses twice; `None` when it misses the cartilage or
    /// only grazes its margin (the Weil cut starts at the dorsal one).
    pub fn articular_crossing(&self, line: &Line) -> Option<Point> {
        let centre = self.head_centre_shaft();
        let r = self.head_radius_mm();
        let w = line.origin - centre;
        let b = w.dot(&line.direction);
        let disc = b * b - (w.norm_squared() - r * r);
        if disc.is_nan() || disc <= 0.0 {
            return None;
        }
        let inside_margins = |p: &Point| {
            let angle = (p.y - centre.y).atan2(p.x - centre.x).to_degrees();
            angle.abs() < Self::DORSAL_HEAD_MARGIN_DEG - 1.0
        };
        [-b + disc.sqrt(), -b - disc.sqrt()]
            .into_iter()
            .map(|t| line.origin + line.direction * t)
            .filter(inside_margins)
            .max_by(|p, q| p.x.total_cmp(&q.x))
    }

    /// Whether `line` stays inside the shaft down to the flared base (a nearly axial cut such as
    /// OCRA's): it leaves the bone only at the head and the base, and the model takes its
    /// load-carrying part from its distal end (see `kinematics::IN_BONE_LOAD_LENGTH_MM`).
    pub fn runs_inside_to_base(&self, line: &Line) -> bool {
        let (origin, d) = (line.origin, line.direction);
        if d.x.abs() < 1e-9 {
            return false;
        }
        let y_at_base = origin.y + (Self::BASE_FLARE_END_MM - origin.x) / d.x * d.y;
        y_at_base.abs() < self.shaft_height_mm / 2.0
    }

    /// Angles (degrees, from +x_s) where the head's articular circle meets the neck.
    const DORSAL_HEAD_MARGIN_DEG: f64 = 120.0;
    const PLANTAR_HEAD_MARGIN_DEG: f64 = -120.0;
    /// Where the flared base ends and the shaft starts (mm from the pivot).
    const BASE_FLARE_END_MM: f64 = 16.0;
    /// How far proximal of the head centre the neck is narrowest (mm).
    const NECK_FROM_HEAD_CENTRE_MM: f64 = 12.0;
    /// Dorsal bow of the shaft at its middle (mm): a slight plantar concavity.
    const SHAFT_BOW_MM: f64 = 1.0;

    /// The plantar outline from the base to the plantar margin of the head, in S.
    pub fn plantar_profile(&self) -> Vec<Point> {
        self.profile(-1.0)
    }

    /// The dorsal outline from the base to the dorsal margin of the head, in S.
    pub fn dorsal_profile(&self) -> Vec<Point> {
        self.profile(1.0)
    }

    /// One side of the outline (`side` = +1 dorsal, −1 plantar), proximal to distal.
    fn profile(&self, side: f64) -> Vec<Point> {
        let r = self.head_radius_mm();
        let l = self.axis_length_mm;
        let neck_x = (l - Self::NECK_FROM_HEAD_CENTRE_MM).max(Self::BASE_FLARE_END_MM + 4.0);
        let shaft_start = Point::new(Self::BASE_FLARE_END_MM, side * self.shaft_height_mm / 2.0);
        let mut points = Vec::with_capacity(64);
        // Base flare: a cubic from the base corner to the shaft.
        let base_corner = Point::new(0.0, side * self.base_height_mm / 2.0);
        points.extend(cubic(
            base_corner,
            Point::new(4.0, side * self.base_height_mm / 2.0),
            Point::new(Self::BASE_FLARE_END_MM - 6.0, shaft_start.y),
            shaft_start,
            10,
        ));
        // Shaft: height eases from shaft to neck, bowed dorsally.
        let shaft_steps = 16;
        for i in 1..shaft_steps {
            let f = i as f64 / shaft_steps as f64;
            let x = shaft_start.x + f * (neck_x - shaft_start.x);
            let half = self.shaft_height_mm / 2.0
                + f * f * (self.neck_height_mm - self.shaft_height_mm) / 2.0;
            let bow = Self::SHAFT_BOW_MM * (std::f64::consts::PI * f).sin();
            points.push(Point::new(x, side * half + bow));
        }
        // Neck to head margin: a cubic leaving the shaft level, arriving tangent to the head.
        let margin_deg = if side > 0.0 {
            Self::DORSAL_HEAD_MARGIN_DEG
        } else {
            Self::PLANTAR_HEAD_MARGIN_DEG
        };
        let a = margin_deg.to_radians();
        let margin = Point::new(l + r * a.cos(), r * a.sin());
        // Tangent of the circle at the margin, pointing proximally (away from the head).
        let tangent_out = nalgebra::Vector2::new(-a.sin(), a.cos()) * side;
        let neck = Point::new(neck_x, side * self.neck_height_mm / 2.0);
        let handle = (margin.x - neck.x).abs() / 3.0;
        points.extend(cubic(
            neck,
            neck + nalgebra::Vector2::new(handle, 0.0),
            margin + tangent_out * handle,
            margin,
            12,
        ));
        points
    }

    /// The whole outline in S, counter-clockwise: plantar side, head, dorsal side, base.
    pub fn outline_shaft(&self) -> Polygon {
        let r = self.head_radius_mm();
        let l = self.axis_length_mm;
        let mut vertices = self.plantar_profile();
        let from = Self::PLANTAR_HEAD_MARGIN_DEG;
        let to = Self::DORSAL_HEAD_MARGIN_DEG;
        let steps = 48;
        for i in 1..steps {
            let a = (from + (to - from) * i as f64 / steps as f64).to_radians();
            vertices.push(Point::new(l + r * a.cos(), r * a.sin()));
        }
        let mut dorsal = self.dorsal_profile();
        dorsal.reverse();
        vertices.extend(dorsal);
        // Base: the slightly convex proximal articular surface through the pivot.
        let half = self.base_height_mm / 2.0;
        for i in 1..8 {
            let f = i as f64 / 8.0;
            let y = half * (1.0 - 2.0 * f);
            let x = -1.2 * (1.0 - (y / half).powi(2));
            vertices.push(Point::new(x, y));
        }
        Polygon::new(vertices)
    }
}

/// Samples a cubic Bézier, endpoints included, `segments + 1` points.
fn cubic(p0: Point, p1: Point, p2: Point, p3: Point, segments: usize) -> Vec<Point> {
    (0..=segments)
        .map(|i| {
            let t = i as f64 / segments as f64;
            let u = 1.0 - t;
            let c = [u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t];
            Point::new(
                c[0] * p0.x + c[1] * p1.x + c[2] * p2.x + c[3] * p3.x,
                c[0] * p0.y + c[1] * p1.y + c[2] * p2.y + c[3] * p3.y,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_heights_follow_fraser() {
        // Reference §6.6: M2 16.1 mm; M3, M4 between 16.1 and 13.0, decreasing.
        let h: Vec<f64> = Ray::ALL
            .iter()
            .map(|r| r.anatomy().head_height_mm)
            .collect();
        assert_eq!(h[0], 16.1);
        assert!(h[1] < 16.1 && h[1] > 13.0 && h[2] < h[1] && h[2] > 13.0);
    }

    #[test]
    fn outline_is_counter_clockwise_and_holds_the_head() {
        for ray in Ray::ALL {
            let a = ray.anatomy();
            let outline = a.outline_shaft();
            assert!(outline.signed_area() > 0.0, "{ray:?}");
            assert!(outline.contains(&a.head_centre_shaft()));
            let (lo, hi) = outline.bounds().unwrap();
            approx::assert_abs_diff_eq!(hi.x, a.tip_x_shaft(), epsilon = 1e-9);
            approx::assert_abs_diff_eq!(hi.y - lo.y, a.base_height_mm, epsilon = 1.0);
        }
    }

    #[test]
    fn neck_height_at_the_neck() {
        let a = Ray::M2.anatomy();
        let outline = a.outline_shaft();
        let x = a.axis_length_mm - 12.0;
        let vertical = crate::model::polygon::Line {
            origin: Point::new(x, 0.0),
            direction: nalgebra::Vector2::new(0.0, 1.0),
        };
        let (lo, hi) = outline.chord(&vertical).unwrap();
        approx::assert_abs_diff_eq!(hi - lo, a.neck_height_mm, epsilon = 0.3);
    }
}
