//! The shaft frame S placed in the ground frame G by the declination.
//!
//! A leaf of the model: it imports only the model's points and vectors (nalgebra).

use super::{Point, Vector};
use nalgebra::{Isometry2, Translation2, UnitComplex};

/// Places the shaft frame S (origin at the base pivot, x_s toward the head) in the ground frame G.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShaftFrame {
    /// Declination δ in radians: the axis points distal and *down* by δ.
    pub declination_rad: f64,
    /// Where the base pivot (origin of S) sits in G, in mm.
    pub pivot_ground: Point,
}

impl ShaftFrame {
    /// The rigid transform taking S coordinates to G coordinates (rotation by −δ).
    pub fn to_ground(&self) -> Isometry2<f64> {
        Isometry2::from_parts(
            Translation2::new(self.pivot_ground.x, self.pivot_ground.y),
            UnitComplex::new(-self.declination_rad),
        )
    }

    /// A point of S in G.
    pub fn point_to_ground(&self, p: &Point) -> Point {
        self.to_ground() * p
    }

    /// A vector of S in G.
    pub fn vector_to_ground(&self, v: &Vector) -> Vector {
        self.to_ground() * v
    }

    /// A point of G in S.
    pub fn point_to_shaft(&self, p: &Point) -> Point {
        self.to_ground().inverse() * p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_points_down_and_distal() {
        let frame = ShaftFrame {
            declination_rad: 15f64.to_radians(),
            pivot_ground: Point::new(0.0, 30.0),
        };
        let x_s = frame.vector_to_ground(&Vector::new(1.0, 0.0));
        let y_s = frame.vector_to_ground(&Vector::new(0.0, 1.0));
        let d = 15f64.to_radians();
        assert!((x_s - Vector::new(d.cos(), -d.sin())).norm() < 1e-12);
        assert!((y_s - Vector::new(d.sin(), d.cos())).norm() < 1e-12);
        let p = Point::new(3.0, -2.0);
        assert!((frame.point_to_shaft(&frame.point_to_ground(&p)) - p).norm() < 1e-12);
    }
}
