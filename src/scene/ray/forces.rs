//! The forces on the bone of a single-ray drawing, drawn on the bone itself: the ground force
//! and the soft-tissue pull, where the load meets the cut (R's line of action and the tipping
//! lever), and under body weight where the head went.
//!
//! It may import the model, the state and the scene's toolkit, never `ui`.

use super::layout::Layout;
use crate::model::Vector;
use crate::scene::draw::{arrow, label_width_mm, segment, shown, sized_label};
use crate::scene::Node;
use crate::state::i18n::{trf, Msg};

/// Length of an arrow for a force equal to the ground reaction force (mm).
const FORCE_SCALE_MM: f64 = 14.0;

/// Forces on the bone: the ground force at the lowest point of the head, the soft-tissue pull
/// at the head centre, and a marker at the centre of the cut.
pub(super) fn forces(l: &Layout) -> Node {
    let (g, s) = (l.g(), &l.e.statics);
    let grf_tip = g.head_lowest_after;
    let mut forces = Node::new("g")
        .class("forces")
        .child(arrow(
            grf_tip - s.ground_force * FORCE_SCALE_MM,
            grf_tip,
            "force force-ground",
        ))
        .child(sized_label(
            grf_tip - s.ground_force * (FORCE_SCALE_MM - 2.0) + Vector::new(-2.0, 0.0),
            "F",
            "label force-label",
            l.label_size,
        ));
    if s.pull.norm() > 1e-9 {
        let from = g.head_centre_after;
        forces = forces
            .child(arrow(
                from,
                from + s.pull * FORCE_SCALE_MM,
                "force force-pull",
            ))
            .child(sized_label(
                from + s.pull * FORCE_SCALE_MM * 0.6 + Vector::new(0.0, 2.4),
                "P",
                "label force-label",
                l.label_size,
            ));
    }
    forces.child(
        Node::new("circle")
            .class("cut-centre")
            .num("cx", g.cut_centre.x)
            .num("cy", -g.cut_centre.y)
            .attr("r", "0.9"),
    )
}

/// Where the load meets the cut, for the head as left: R's line of action from the head
/// centre to its crossing X with the cut, and the tipping lever e from the nearer end of the
/// bone contact to X (so tipping is seen, not read). The group always holds the same elements
/// (`absent` hides those that do not apply), so a step patches it in place and the page's
/// element order never shifts under the keyboard focus.
pub(super) fn mechanics(l: &Layout) -> Node {
    let (s, o) = (&l.e.statics, &l.e.outcomes);
    let from = l.as_left.head_centre_after;
    let crossing = s
        .resultant_crossing
        .filter(|x| (x - from).norm() < 90.0 && (x - from).norm() > 1e-6);
    let x = crossing.unwrap_or(from);
    let along = if crossing.is_some() {
        (x - from).normalize()
    } else {
        Vector::zeros()
    };
    let lever = crossing
        .and(s.tipping_pivot)
        .filter(|_| o.tipping_lever_mm >= 0.05);
    let pivot = lever.unwrap_or(x);
    // Beside the cut on the proximal fragment's side (the angle arcs are on the other).
    let side = s.normal_ground;
    let lever_text = lever.map_or(String::new(), |_| {
        trf(
            l.lang,
            Msg::SceneLever,
            &[("mm", &l.mm(o.tipping_lever_mm))],
        )
    });
    // Anchored on the side away from the cut line, so the text never crosses it.
    let anchor = if side.x < 0.0 {
        "label-end"
    } else {
        "label-start"
    };
    // Beside the middle of the lever, or nearer its pivot when the middle would put the text
    // under the forces inset (a long lever of a vertical cut reaches up to it).
    let offset = side * (3.0 + l.dimension_size * 0.6);
    let width = label_width_mm(&lever_text, l.dimension_size, l.projector);
    let under_inset = |at: nalgebra::Point2<f64>| {
        let (x0, x1) = if side.x < 0.0 {
            (at.x - width, at.x)
        } else {
            (at.x, at.x + width)
        };
        x0 < l.left + l.inset_right
            && at.y + l.dimension_size * 0.6 > l.top - l.inset_bottom
            && x1 > l.left
    };
    let mid = (0..=10)
        .map(|i| pivot + (x - pivot) * (0.5 - 0.05 * f64::from(i)) + offset)
        .find(|at| !under_inset(*at))
        .unwrap_or(nalgebra::center(&pivot, &x) + offset);
    let (has_x, has_lever) = (crossing.is_some(), lever.is_some());
    Node::new("g")
        .class("mechanics")
        .child(segment(
            from,
            x + along * 3.0,
            shown("line-of-action", has_x),
        ))
        .child(
            Node::new("circle")
                .class(shown("resultant-crossing", has_x))
                .num("cx", x.x)
                .num("cy", -x.y)
                .attr("r", "0.8"),
        )
        .child(segment(
            pivot,
            pivot + side * 3.6,
            shown("extension-line", has_lever),
        ))
        .child(segment(
            x,
            x + side * 3.6,
            shown("extension-line", has_lever),
        ))
        .child(segment(
            pivot + side * 2.6,
            x + side * 2.6,
            shown("dimension-line lever-line", has_lever),
        ))
        .child(sized_label(
            mid,
            lever_text,
            shown(
                &format!("label {anchor} dimension-label lever-label"),
                has_lever,
            ),
            l.dimension_size,
        ))
}

/// Under body weight: the head as left is a ghost, and an arrow shows where it went.
pub(super) fn settle(l: &Layout) -> Node {
    let (from, to) = (l.as_left.head_centre_after, l.g().head_centre_after);
    let moved = (to - from).norm();
    // (Always an arrow, hidden when the head barely moved: the same elements each step.)
    Node::new("g").class("settle").child(if moved > 0.3 {
        arrow(from, to, "settle-arrow")
    } else {
        arrow(from, from + Vector::new(0.0, 1.0), "settle-arrow absent")
    })
}
