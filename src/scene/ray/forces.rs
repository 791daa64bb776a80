//! The forces on the bone of a single-ray drawing, drawn on the bone itself: the ground force
//! and the soft-tissue pull, where the load meets the cut (R's line of action and the tipping
//! lever), and under body weight where the head went.
//!
//! It may import the model, the state and the scene's toolkit, never `ui`.

use super::layout::{Anchor, Around, Layout, Text};
use crate::model::Vector;
use crate::scene::draw::{arrow, segment, shown, sized_label};
use crate::scene::Node;
use crate::state::i18n::{trf, Msg};

/// Length of an arrow for a force equal to the ground reaction force (mm).
const FORCE_SCALE_MM: f64 = 14.0;

/// Forces on the bone: the ground force at the lowest point of the head, the soft-tissue pull
/// at the head centre, and a marker at the centre of the cut.
pub(super) fn forces(l: &Layout) -> Node {
    let (g, s) = (l.g(), &l.e.statics);
    let grf_tip = g.head_lowest_after;
    let letter = |text: &'static str| Text {
        text,
        size: l.label_size,
        bold: true,
    };
    l.claim_line(grf_tip - s.ground_force * FORCE_SCALE_MM, grf_tip, 1.6);
    if s.pull.norm() > 1e-9 {
        let from = g.head_centre_after;
        l.claim_line(from, from + s.pull * FORCE_SCALE_MM, 1.6);
    }
    // F beside its arrow near the tail, on the left, else on the right, else further along.
    let mut f_candidates = beside(grf_tip, s.ground_force, FORCE_SCALE_MM, l.label_size);
    f_candidates.push((
        grf_tip - s.ground_force * (FORCE_SCALE_MM + 0.9 * l.label_size),
        Anchor::Middle,
    ));
    let (f_at, _) = l.place(&f_candidates, None, &[(&letter("F"), Vector::zeros())]);
    let mut forces = Node::new("g")
        .class("forces")
        .child(l.tip(Msg::SceneTipForces))
        .child(arrow(
            grf_tip - s.ground_force * FORCE_SCALE_MM,
            grf_tip,
            "force force-ground",
        ))
        .child(sized_label(f_at, "F", "label force-label", l.label_size));
    if s.pull.norm() > 1e-9 {
        let from = g.head_centre_after;
        // P above its arrow, else below it, else beyond its tip.
        let middle = from + s.pull * FORCE_SCALE_MM * 0.6;
        let beyond = from + s.pull * FORCE_SCALE_MM + s.pull.normalize() * (0.8 * l.label_size);
        let mut p_candidates = vec![
            (middle + Vector::new(0.0, 2.4 * l.text), Anchor::Middle),
            (middle + Vector::new(0.0, -2.4 * l.text), Anchor::Middle),
            (beyond, Anchor::Middle),
        ];
        p_candidates.extend(beside(
            from + s.pull * FORCE_SCALE_MM,
            s.pull.normalize(),
            FORCE_SCALE_MM * s.pull.norm(),
            l.label_size,
        ));
        let around = Around {
            centre: middle,
            step: 0.8 * l.label_size,
            rings: 2,
        };
        let (p_at, _) = l.place(
            &p_candidates,
            Some(around),
            &[(&letter("P"), Vector::zeros())],
        );
        forces = forces
            .child(arrow(
                from,
                from + s.pull * FORCE_SCALE_MM,
                "force force-pull",
            ))
            .child(sized_label(p_at, "P", "label force-label", l.label_size));
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
        Anchor::End
    } else {
        Anchor::Start
    };
    // Beside the middle of the lever, or nearer either end where a text or the forces inset
    // is in the way (a long lever of a vertical cut reaches up to the inset).
    let offset = side * (3.0 + l.dimension_size * 0.6);
    let (has_x, has_lever) = (crossing.is_some(), lever.is_some());
    let (mid, anchor) = if has_lever {
        let at = |t: f64| pivot + (x - pivot) * t;
        let mut candidates = Vec::with_capacity(40);
        // Along the lever, from its middle outwards.
        for i in 0..=10 {
            let d = 0.05 * f64::from(i);
            candidates.push((at(0.5 - d) + offset, anchor));
            candidates.push((at(0.5 + d) + offset, anchor));
        }
        // Centred on it, further from the cut.
        for k in 1..=3 {
            let further = side * (f64::from(k) * 1.2 * l.dimension_size);
            for t in [0.5, 0.25, 0.75] {
                candidates.push((at(t) + offset + further, Anchor::Middle));
            }
        }
        // Across the cut: a label over the cut line reads better than a clipped one.
        let other_side = if anchor == Anchor::End {
            Anchor::Start
        } else {
            Anchor::End
        };
        for t in [0.5, 0.25, 0.75, 0.1, 0.9] {
            candidates.push((at(t) - offset, other_side));
        }
        // Then anywhere around the lever's middle, nearest first.
        let around = Around {
            centre: at(0.5),
            step: 1.5 * l.dimension_size,
            rings: 4,
        };
        let label = Text {
            text: &lever_text,
            size: l.dimension_size,
            bold: true,
        };
        l.place(&candidates, Some(around), &[(&label, Vector::zeros())])
    } else {
        (nalgebra::center(&pivot, &x) + offset, anchor)
    };
    let anchor = anchor.class();
    Node::new("g")
        .class("mechanics")
        .child(l.tip(Msg::SceneTipMechanics))
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

/// Places beside an arrow of `length` mm ending at `tip` along `along`, for a letter of `size`
/// mm: near its tail first, on one side then the other.
fn beside(
    tip: nalgebra::Point2<f64>,
    along: Vector,
    length: f64,
    size: f64,
) -> Vec<(nalgebra::Point2<f64>, Anchor)> {
    let across = Vector::new(-along.y, along.x) * (0.45 * size + 0.9);
    let mut out = Vec::with_capacity(11);
    for t in [12.0, 9.0, 6.0, 3.0, 14.0] {
        let at = tip - along * (length * t / 14.0);
        out.push((at - across, Anchor::Middle));
        out.push((at + across, Anchor::Middle));
    }
    out
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
