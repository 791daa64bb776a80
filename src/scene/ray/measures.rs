//! What a single-ray drawing measures on the bone: the cut's angles φ and θ, the declination
//! before and after, and the head's shortening and rise as dimension lines, each with its
//! label placed where it stays in the drawing.
//!
//! It may import the model, the state and the scene's toolkit, never `ui`.

use super::layout::{Anchor, Around, Layout, Text};
use crate::model::{AngleReference, Point, Vector};
use crate::scene::draw::{arc, label_width_mm, segment, sized_label, text_width_mm};
use crate::scene::Node;
use crate::state::i18n::{trf, Msg};

/// The radii of the φ and θ arcs (mm).
const R_PHI: f64 = 7.0;
const R_THETA: f64 = 11.0;

/// Angles where the cut, extended dorsally, is clear of the bone: φ from a parallel to the
/// distal shaft axis, θ from the horizontal (the ground's direction).
pub(super) fn angles(l: &Layout) -> Node {
    let (o, lang, delta) = (&l.e.outcomes, l.lang, l.delta);
    let theta = o.cut_to_ground_deg.to_radians();
    let vertex = l.g().cut_line.at(l.cut_span.1 + 12.0);
    let phi_primary = l.state.reference == AngleReference::Shaft;
    let theta_text = trf(
        lang,
        Msg::SceneTheta,
        &[("deg", &l.deg(o.cut_to_ground_deg))],
    );
    let phi_text = trf(lang, Msg::ScenePhi, &[("deg", &l.deg(o.cut_to_shaft_deg))]);
    let (labels_at, labels_anchor) = {
        let preferred = angle_labels_offset(l, vertex, &theta_text, &phi_text, phi_primary);
        // The preferred place first, then the others, then higher up: the first clear of the
        // texts and boxes placed before.
        let lift = Vector::new(0.0, 2.5 * l.label_size);
        let mut candidates = vec![preferred];
        for c in [
            (Vector::new(R_THETA + 4.0, 0.0), Anchor::Start),
            (Vector::new(2.5, R_THETA + 3.0), Anchor::Start),
            (Vector::new(0.0, R_THETA + 3.0), Anchor::End),
            (Vector::new(0.0, R_THETA + 3.0) + lift, Anchor::End),
            (Vector::new(2.5, R_THETA + 3.0) + lift, Anchor::Start),
            (Vector::new(R_THETA + 4.0, 0.0) + lift, Anchor::Start),
            (Vector::new(R_THETA + 4.0, 0.0) - lift, Anchor::Start),
            (Vector::new(0.0, R_THETA + 3.0) + lift * 2.0, Anchor::End),
            (Vector::new(2.5, R_THETA + 3.0) + lift * 2.0, Anchor::Start),
            (Vector::new(R_THETA + 4.0, 0.0) + lift * 2.0, Anchor::Start),
        ] {
            candidates.push(c);
        }
        let candidates: Vec<(Point, Anchor)> =
            candidates.iter().map(|(d, a)| (vertex + d, *a)).collect();
        let theta_label = Text {
            text: &theta_text,
            size: l.label_size,
            bold: l.projector || !phi_primary,
        };
        let phi_label = Text {
            text: &phi_text,
            size: l.label_size,
            bold: l.projector || phi_primary,
        };
        l.place(
            &candidates,
            None,
            &[
                (&theta_label, Vector::new(0.0, 2.0 * l.text)),
                (&phi_label, Vector::new(0.0, -2.2 * l.text)),
            ],
        )
    };
    let labels_anchor = labels_anchor.class();
    let unit = |angle: f64| Vector::new(angle.cos(), angle.sin());
    let primary = |is: bool, class: &str| {
        if is {
            format!("{class} primary")
        } else {
            class.to_string()
        }
    };
    Node::new("g")
        .class("angles")
        .child(l.tip(Msg::SceneTipAngles))
        .child(segment(
            vertex,
            vertex + unit(0.0) * (R_THETA + 3.0),
            "reference-line ground-reference",
        ))
        .child(segment(
            vertex,
            vertex + unit(-delta) * (R_THETA + 3.0),
            "reference-line axis-reference",
        ))
        .child(arc(
            vertex,
            R_PHI,
            -delta,
            theta,
            primary(phi_primary, "angle angle-phi"),
        ))
        .child(arc(
            vertex,
            R_THETA,
            0.0,
            theta,
            primary(!phi_primary, "angle angle-theta"),
        ))
        // Colour-keyed labels stacked beside the arcs: θ (to the ground) above φ (to the shaft).
        .child(sized_label(
            labels_at + Vector::new(0.0, 2.0 * l.text),
            theta_text,
            primary(
                !phi_primary,
                &format!("label {labels_anchor} angle-theta-label"),
            ),
            l.label_size,
        ))
        .child(sized_label(
            labels_at + Vector::new(0.0, -2.2 * l.text),
            phi_text,
            primary(
                phi_primary,
                &format!("label {labels_anchor} angle-phi-label"),
            ),
            l.label_size,
        ))
}

/// The angle labels' preferred offset from the arcs' `vertex`, and their anchor.
fn angle_labels_offset(
    l: &Layout,
    vertex: Point,
    theta_text: &str,
    phi_text: &str,
    phi_primary: bool,
) -> (Vector, Anchor) {
    let o = &l.e.outcomes;
    let (label_size, projector) = (l.label_size, l.projector);
    // Labels right of the arcs, or left of them when they would leave the drawing.
    let near_axial = o.cut_to_shaft_deg < 25.0 || o.cut_to_shaft_deg > 155.0;
    let labels_room = text_width_mm(theta_text)
        .max(text_width_mm(phi_text))
        .max(36.0)
        * l.text;
    // Above the arcs the labels end at the vertex, unless they would then run into the forces
    // inset (top left) and fit when starting there instead.
    let labels_w = label_width_mm(theta_text, label_size, projector || !phi_primary).max(
        label_width_mm(phi_text, label_size, projector || phi_primary),
    );
    let above_reaches_inset = vertex.y + R_THETA + 3.0 + 2.0 + label_size > l.top - l.inset_bottom
        && vertex.x - labels_w < l.left + l.inset_right;
    if !near_axial && vertex.x + R_THETA + 4.0 + labels_room.max(labels_w) < l.right - 1.0 {
        (Vector::new(R_THETA + 4.0, 0.0), Anchor::Start)
    } else if above_reaches_inset && vertex.x + 2.5 + labels_w < l.right - 1.0 {
        (Vector::new(2.5, R_THETA + 3.0), Anchor::Start)
    } else {
        (Vector::new(0.0, R_THETA + 3.0), Anchor::End)
    }
}

/// Declination before and after, at the base pivot.
pub(super) fn declination(l: &Layout) -> Node {
    let o = &l.e.outcomes;
    let pivot = l.g().base_pivot;
    let delta_after = l.declination_after_deg.to_radians();
    let text = format!(
        "δ {} → δ′ {}",
        l.deg(o.declination_before_deg),
        l.deg(l.declination_after_deg)
    );
    // Under the shaft, between the arcs' ends; lower, or further along, when a text is there.
    let step = 1.3 * l.label_size;
    let candidates = [
        (3.0, 0.0),
        (3.0, -step),
        (3.0, -2.0 * step),
        (-3.0, -step),
        (3.0, step),
        (3.0, -3.0 * step),
        (-3.0, -2.0 * step),
    ]
    .map(|(dx, dy)| (pivot + Vector::new(dx, -13.0 + dy), Anchor::Start));
    let around = Around {
        centre: pivot + Vector::new(3.0, -13.0),
        step: 1.2 * l.label_size,
        rings: 3,
    };
    let (at, _) = l.place(
        &candidates,
        Some(around),
        &[(
            &Text {
                text: &text,
                size: l.label_size,
                bold: l.projector,
            },
            Vector::zeros(),
        )],
    );
    Node::new("g")
        .class("declination")
        .child(l.tip(Msg::SceneTipDelta))
        .child(segment(
            pivot,
            pivot + Vector::new(30.0, 0.0),
            "reference-line",
        ))
        .child(arc(pivot, 22.0, 0.0, -l.delta, "angle angle-declination"))
        .child(arc(
            pivot,
            27.0,
            0.0,
            -delta_after,
            "angle angle-declination-after",
        ))
        .child(sized_label(
            at,
            text,
            "label label-start declination-label",
            l.label_size,
        ))
}

/// Dimensions at the head: shortening parallel to the shaft under the tip, head rise (of the
/// head centre) beside it.
pub(super) fn dimensions(l: &Layout) -> Node {
    let (g, lang, axis_dir) = (l.g(), l.lang, l.axis_dir);
    let dorsal = Vector::new(l.delta.sin(), l.delta.cos());
    let tip_before = g.head_centre_before + axis_dir * l.head_radius;
    let tip_after = g.head_transform * tip_before;
    let below = g.head_lowest_before.y.min(g.head_lowest_after.y) - 3.0;
    // Dimension line parallel to the axis, through the point `below` under the original tip.
    let drop = |tip: Point| {
        let along = (tip.y - below) / dorsal.y.max(0.2);
        tip - dorsal * along
    };
    let (dim_before, dim_after) = (drop(tip_before), drop(tip_after));
    let rise_x = tip_before.x.max(tip_after.x) + 4.5;
    let (c_before, c_after) = (g.head_centre_before, g.head_centre_after);
    // A start-anchored dimension label moved left when it would run past the drawing's right
    // edge (translated and projector labels are longer).
    let fit_left = |at: Point, text: &str| {
        let end = at.x + label_width_mm(text, l.dimension_size, l.projector);
        Point::new(at.x - (end - (l.right - 1.0)).max(0.0), at.y)
    };
    let shortening_text = trf(
        lang,
        Msg::SceneShortening,
        &[("mm", &l.mm(l.axial_shortening_mm))],
    );
    let rise_text = trf(lang, Msg::SceneRise, &[("mm", &l.mm(l.head_rise_mm))]);
    let dimension = |text: &str, at: Point| {
        let label = Text {
            text,
            size: l.dimension_size,
            bold: l.projector,
        };
        // Where it belongs, else a little higher or lower (the ground, a force's arrow).
        let step = 1.2 * l.dimension_size;
        let candidates = [0.0, step, -step, 2.0 * step, -2.0 * step]
            .map(|dy| (at + Vector::new(0.0, dy), Anchor::Start));
        let around = Around {
            centre: at,
            step,
            rings: 2,
        };
        l.place(&candidates, Some(around), &[(&label, Vector::zeros())])
            .0
    };
    let shortening_at = dimension(
        &shortening_text,
        fit_left(
            (if dim_before.x > dim_after.x {
                dim_before
            } else {
                dim_after
            }) + axis_dir * 2.0,
            &shortening_text,
        ),
    );
    let rise_at = dimension(
        &rise_text,
        fit_left(
            Point::new(rise_x + 2.2, (c_before.y + c_after.y) / 2.0),
            &rise_text,
        ),
    );
    Node::new("g")
        .class("dimensions")
        .child(l.tip(Msg::SceneTipDimensions))
        .child(segment(tip_before, dim_before - dorsal, "extension-line"))
        .child(segment(tip_after, dim_after - dorsal, "extension-line"))
        .child(segment(dim_before, dim_after, "dimension-line"))
        .child(sized_label(
            shortening_at,
            shortening_text.clone(),
            "label label-start dimension-label",
            l.dimension_size,
        ))
        .child(segment(
            c_before,
            Point::new(rise_x + 1.5, c_before.y),
            "extension-line",
        ))
        .child(segment(
            c_after,
            Point::new(rise_x + 1.5, c_after.y),
            "extension-line",
        ))
        .child(segment(
            Point::new(rise_x, c_before.y),
            Point::new(rise_x, c_after.y),
            "dimension-line",
        ))
        .child(sized_label(
            rise_at,
            rise_text.clone(),
            "label label-start dimension-label",
            l.dimension_size,
        ))
}
