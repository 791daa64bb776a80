//! The two bone fragments left once the kerf strip is removed.
//!
//! It may import the anatomy, the cut and the polygons; nothing above the model.
//!
//! In S, the cut's mid-line has n_p on its left. The head fragment is the bone right of the
//! line moved by w/2 toward the head; the proximal fragment is the bone left of the line moved
//! by w/2 toward the base; the kerf strip lies between. A cut whose line stays inside the bone
//! (nearly axial) splits it to the base: the model draws that straight line through, without a
//! proximal exit cut.

use super::anatomy::RayAnatomy;
use super::cut::Cut;
use super::polygon::{Line, Polygon};

/// The pieces of a cut bone, in the shaft frame S, before any motion.
#[derive(Clone, Debug, PartialEq)]
pub struct Fragments {
    /// The piece that stays with the base (fixed).
    pub proximal: Polygon,
    /// The piece that holds the head (moves).
    pub head: Polygon,
    /// The bone removed by the burr.
    pub kerf_strip: Polygon,
    /// The cut face of the proximal fragment: the line w/2 toward the base.
    pub proximal_face: Line,
    /// The cut face of the head fragment: the line w/2 toward the head.
    pub head_face: Line,
}

/// Why a cut cannot make two fragments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FragmentError {
    /// The cut leaves the head centre on the proximal side (it runs distal of the head centre).
    HeadCentreNotDistal,
    /// The cut misses the bone, or leaves an empty fragment.
    MissesBone,
}

/// Cuts `anatomy`'s outline along `cut`.
pub fn split(anatomy: &RayAnatomy, cut: &Cut) -> Result<Fragments, FragmentError> {
    split_outline(anatomy, &anatomy.outline_shaft(), cut)
}

/// [`split`] of `outline`, the anatomy's [`RayAnatomy::outline_shaft`] already computed (the
/// caller draws it too: one outline per evaluation).
pub fn split_outline(
    anatomy: &RayAnatomy,
    outline: &Polygon,
    cut: &Cut,
) -> Result<Fragments, FragmentError> {
    let mid = cut.line_shaft(anatomy);
    if mid.signed_distance(&anatomy.head_centre_shaft()) > 1e-9 {
        return Err(FragmentError::HeadCentreNotDistal);
    }
    let half_kerf = cut.kerf_mm.max(0.0) / 2.0;
    let head_face = mid.offset(-half_kerf);
    let proximal_face = mid.offset(half_kerf);
    let head = outline.clip_right_of(&head_face);
    let proximal = outline.clip_right_of(&reversed(&proximal_face));
    let kerf_strip = outline
        .clip_right_of(&proximal_face)
        .clip_right_of(&reversed(&head_face));
    if head.is_empty() || proximal.is_empty() {
        return Err(FragmentError::MissesBone);
    }
    Ok(Fragments {
        proximal,
        head,
        kerf_strip,
        proximal_face,
        head_face,
    })
}

fn reversed(line: &Line) -> Line {
    Line {
        origin: line.origin,
        direction: -line.direction,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Ray;

    fn cut(phi: f64, kerf: f64) -> Cut {
        Cut {
            angle_to_shaft_deg: phi,
            position_from_tip_mm: 22.0,
            kerf_mm: kerf,
        }
    }

    #[test]
    fn pieces_add_up_to_the_bone() {
        let anatomy = Ray::M2.anatomy();
        let whole = anatomy.outline_shaft().area();
        for phi in [0.0, 1.0, 15.0, 45.0, 90.0, 135.0, 179.0, 180.0] {
            let f = split(&anatomy, &cut(phi, 2.6)).unwrap();
            let sum = f.proximal.area() + f.head.area() + f.kerf_strip.area();
            assert!(
                approx::abs_diff_eq!(sum, whole, epsilon = 1e-6 * whole),
                "φ={phi}: {sum} vs {whole}"
            );
            if (15.0..=165.0).contains(&phi) {
                assert!(f.head.contains(&anatomy.head_centre_shaft()), "φ={phi}");
            }
        }
    }

    #[test]
    fn kerf_strip_of_a_perpendicular_cut_is_kerf_times_height() {
        let anatomy = Ray::M2.anatomy();
        let f = split(&anatomy, &cut(90.0, 2.0)).unwrap();
        // Neck about 9.5 mm high there: strip area ≈ 2 × height (within the neck's taper).
        approx::assert_abs_diff_eq!(f.kerf_strip.area() / 2.0, 9.5, epsilon = 1.5);
    }

    #[test]
    fn a_cut_distal_of_the_head_centre_is_refused() {
        let anatomy = Ray::M2.anatomy();
        let mut c = cut(45.0, 2.6);
        c.position_from_tip_mm = 3.0;
        assert_eq!(split(&anatomy, &c), Err(FragmentError::HeadCentreNotDistal));
    }
}
