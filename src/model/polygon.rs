//! Simple polygons in millimetres: area, half-plane clipping, chords along a line.
//!
//! A leaf of the model: it imports only the model's points and vectors (nalgebra).

use super::{Point, Vector};
use nalgebra::Isometry2;

/// A closed polygon; the last vertex connects back to the first. Counter-clockwise for a
/// positive [`Polygon::signed_area`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Polygon {
    /// The vertices in order (mm).
    pub vertices: Vec<Point>,
}

/// A line through `origin` with unit `direction`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    /// A point on the line.
    pub origin: Point,
    /// The line's direction, a unit vector.
    pub direction: Vector,
}

impl Line {
    /// Signed distance of `p` from the line, positive on the left of `direction`.
    pub fn signed_distance(&self, p: &Point) -> f64 {
        let v = p - self.origin;
        self.direction.x * v.y - self.direction.y * v.x
    }

    /// Coordinate of the projection of `p` along `direction`.
    pub fn parameter(&self, p: &Point) -> f64 {
        (p - self.origin).dot(&self.direction)
    }

    /// The point at `parameter` along the line.
    pub fn at(&self, parameter: f64) -> Point {
        self.origin + self.direction * parameter
    }

    /// The same line moved by `distance` to its left.
    pub fn offset(&self, distance: f64) -> Line {
        Line {
            origin: self.origin + Vector::new(-self.direction.y, self.direction.x) * distance,
            direction: self.direction,
        }
    }
}

impl Polygon {
    /// The polygon through `vertices`, in order.
    pub fn new(vertices: Vec<Point>) -> Self {
        Polygon { vertices }
    }

    /// Shoelace area, positive when counter-clockwise (mm²).
    pub fn signed_area(&self) -> f64 {
        let n = self.vertices.len();
        (0..n)
            .map(|i| {
                let a = self.vertices[i];
                let b = self.vertices[(i + 1) % n];
                a.x * b.y - b.x * a.y
            })
            .sum::<f64>()
            / 2.0
    }

    /// Absolute area (mm²).
    pub fn area(&self) -> f64 {
        self.signed_area().abs()
    }

    /// Whether the polygon has no area: fewer than three vertices, or less than 1e-9 mm².
    pub fn is_empty(&self) -> bool {
        self.vertices.len() < 3 || self.area() < 1e-9
    }

    /// The part of the polygon on the side of `line` where `signed_distance <= 0`
    /// (the right of its direction). Sutherland–Hodgman against one half-plane: exact for
    /// one crossing pair; a line crossing the outline more than twice joins the pieces along it.
    pub fn clip_right_of(&self, line: &Line) -> Polygon {
        let n = self.vertices.len();
        let mut out = Vec::with_capacity(n + 4);
        for i in 0..n {
            let a = self.vertices[i];
            let b = self.vertices[(i + 1) % n];
            let da = line.signed_distance(&a);
            let db = line.signed_distance(&b);
            if da <= 0.0 {
                out.push(a);
            }
            if (da < 0.0 && db > 0.0) || (da > 0.0 && db < 0.0) {
                let t = da / (da - db);
                out.push(a + (b - a) * t);
            }
        }
        Polygon::new(out)
    }

    /// Where `line` enters and leaves the polygon: the smallest and largest line parameter of
    /// the outline's crossings, or `None` when it misses.
    pub fn chord(&self, line: &Line) -> Option<(f64, f64)> {
        // Vertices this close to the line count as on it (clipping leaves them at ~1e-15).
        const ON_LINE: f64 = 1e-9;
        let n = self.vertices.len();
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        let mut take = |p: &Point| {
            let u = line.parameter(p);
            lo = lo.min(u);
            hi = hi.max(u);
        };
        for i in 0..n {
            let a = self.vertices[i];
            let b = self.vertices[(i + 1) % n];
            let da = line.signed_distance(&a);
            let db = line.signed_distance(&b);
            if da.abs() <= ON_LINE {
                take(&a);
            } else if db.abs() > ON_LINE && (da < 0.0) != (db < 0.0) {
                take(&(a + (b - a) * (da / (da - db))));
            }
        }
        (lo < hi).then_some((lo, hi))
    }

    /// Even-odd point-in-polygon test (points on the outline may go either way).
    pub fn contains(&self, p: &Point) -> bool {
        let n = self.vertices.len();
        let mut inside = false;
        for i in 0..n {
            let a = self.vertices[i];
            let b = self.vertices[(i + n - 1) % n];
            if (a.y > p.y) != (b.y > p.y) {
                let x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
                if p.x < x {
                    inside = !inside;
                }
            }
        }
        inside
    }

    /// Area-weighted centroid, `None` for a degenerate polygon.
    pub fn centroid(&self) -> Option<Point> {
        let a = self.signed_area();
        if a.abs() < 1e-12 {
            return None;
        }
        let n = self.vertices.len();
        let (mut cx, mut cy) = (0.0, 0.0);
        for i in 0..n {
            let p = self.vertices[i];
            let q = self.vertices[(i + 1) % n];
            let cross = p.x * q.y - q.x * p.y;
            cx += (p.x + q.x) * cross;
            cy += (p.y + q.y) * cross;
        }
        Some(Point::new(cx / (6.0 * a), cy / (6.0 * a)))
    }

    /// The polygon moved by a rigid transform.
    pub fn transformed(&self, iso: &Isometry2<f64>) -> Polygon {
        Polygon::new(self.vertices.iter().map(|p| iso * p).collect())
    }

    /// Bounding box `(min, max)`, `None` when empty.
    pub fn bounds(&self) -> Option<(Point, Point)> {
        let first = *self.vertices.first()?;
        Some(self.vertices.iter().fold((first, first), |(lo, hi), p| {
            (
                Point::new(lo.x.min(p.x), lo.y.min(p.y)),
                Point::new(hi.x.max(p.x), hi.y.max(p.y)),
            )
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square() -> Polygon {
        Polygon::new(vec![
            Point::new(0.0, 0.0),
            Point::new(2.0, 0.0),
            Point::new(2.0, 2.0),
            Point::new(0.0, 2.0),
        ])
    }

    #[test]
    fn area_and_centroid_of_a_square() {
        assert_eq!(square().signed_area(), 4.0);
        assert_eq!(square().centroid(), Some(Point::new(1.0, 1.0)));
    }

    #[test]
    fn clipping_by_a_diagonal_halves_the_square() {
        let diagonal = Line {
            origin: Point::new(0.0, 0.0),
            direction: Vector::new(1.0, 1.0).normalize(),
        };
        let below = square().clip_right_of(&diagonal);
        approx::assert_abs_diff_eq!(below.area(), 2.0, epsilon = 1e-12);
        assert!(below.contains(&Point::new(1.5, 0.5)));
        assert!(!below.contains(&Point::new(0.5, 1.5)));
    }

    #[test]
    fn chord_through_the_square() {
        let horizontal = Line {
            origin: Point::new(-1.0, 1.0),
            direction: Vector::new(1.0, 0.0),
        };
        assert_eq!(square().chord(&horizontal), Some((1.0, 3.0)));
        assert_eq!(square().chord(&horizontal.offset(5.0)), None);
    }
}
