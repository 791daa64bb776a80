//! The anatomy layers of a single-ray drawing: the definitions they use (bone texture, kerf
//! hatch, clips), the background, the ground and soft tissue, the phalanx, the shaft axes
//! before and after, the bone's fragments and the cut.
//!
//! It may import the model, the state and the scene's toolkit, never `ui`.

use super::layout::{Anchor, Layout, Rect, Text};
use crate::model::{Point, Vector};
use crate::scene::draw::{outline_d, polygon, segment, shape, sized_label, svg_matrix};
use crate::scene::node::{self, Node};
use crate::state::i18n::{tr, Msg};

/// Definitions: bone texture, kerf hatch, clips that keep each cortex inside its fragment.
pub(super) fn defs(l: &Layout) -> Node {
    Node::new("defs")
        .child(
            Node::new("pattern")
                .attr("id", l.id("cancellous"))
                .attr("patternUnits", "userSpaceOnUse")
                .attr("width", "2.4")
                .attr("height", "2.4")
                .child(
                    Node::new("rect")
                        .class("cancellous-bg")
                        .attr("width", "2.4")
                        .attr("height", "2.4"),
                )
                .child(Node::new("path").class("cancellous-trabecula").attr(
                    "d",
                    "M0.3,0.6a0.7,0.5 0 1,0 1.4,0M1.2,1.9a0.5,0.35 0 1,0 1,0",
                )),
        )
        .child(
            Node::new("pattern")
                .attr("id", l.id("kerf-hatch"))
                .attr("patternUnits", "userSpaceOnUse")
                .attr("width", "1.2")
                .attr("height", "1.2")
                .attr("patternTransform", "rotate(45)")
                .child(
                    Node::new("rect")
                        .class("kerf-bg")
                        .attr("width", "1.2")
                        .attr("height", "1.2"),
                )
                .child(
                    Node::new("line")
                        .class("kerf-line")
                        .attr("x1", "0")
                        .attr("y1", "0")
                        .attr("x2", "0")
                        .attr("y2", "1.2"),
                ),
        )
        .child(
            Node::new("clipPath")
                .attr("id", l.id("clip-proximal"))
                .child(shape(&l.proximal_d, "")),
        )
        .child(
            Node::new("clipPath")
                .attr("id", l.id("clip-head"))
                .child(shape(&l.head_before_d, "")),
        )
}

/// Oversized, so that a letterboxed standalone file has the theme's background too.
pub(super) fn background(l: &Layout) -> Node {
    Node::new("rect")
        .class("background")
        .num("x", l.left - l.width)
        .num("y", -l.top - l.height)
        .num("width", l.width * 3.0)
        .num("height", l.height * 3.0)
}

/// Ground and soft tissue.
pub(super) fn ground(l: &Layout) -> Node {
    // The hatch under the ground line: one path of short strokes (not one element each).
    let mut hatch = String::new();
    for i in 0..((l.width / 4.0) as usize) {
        let x = l.left + 2.0 + i as f64 * 4.0;
        hatch.push('M');
        node::push_num(&mut hatch, x);
        hatch.push_str(",0l-2,2");
    }
    let ticks = Node::new("path").class("ground-hatch").attr("d", hatch);
    // No text on the ground line or its hatching.
    l.claim(Rect {
        x0: l.left,
        y0: -2.0,
        x1: l.right,
        y1: 0.5,
    });
    Node::new("g")
        .class("ground")
        .child(polygon(&l.g().soft_tissue, "soft-tissue"))
        .child(segment(
            Point::new(l.left, 0.0),
            Point::new(l.right, 0.0),
            "ground-line",
        ))
        .child(ticks)
        .child(sized_label(
            l.place(
                &[(Point::new(l.left + 3.0, -5.5), Anchor::Start)],
                None,
                &[(
                    &Text {
                        text: tr(l.lang, Msg::SceneGround),
                        size: l.label_size,
                        bold: l.projector,
                    },
                    Vector::zeros(),
                )],
            )
            .0,
            tr(l.lang, Msg::SceneGround),
            "label label-start muted",
            l.label_size,
        ))
}

/// The proximal phalanx moves with the head (the MTP joint is kept): drawn unmoved, under the
/// head's transform.
pub(super) fn phalanx(l: &Layout, head_motion: String) -> Node {
    polygon(&l.g().phalanx_before, "phalanx").attr("transform", head_motion)
}

/// Shaft axis before the osteotomy, extended past the head.
pub(super) fn axis_before(l: &Layout) -> Node {
    let g = l.g();
    segment(
        g.base_pivot - l.axis_dir * 4.0,
        g.head_centre_before + l.axis_dir * (l.head_radius + 8.0),
        "axis axis-before",
    )
}

/// Bone: cancellous fill, then the intact cortex clipped to each fragment, then its edge. The
/// head fragment is drawn as it was, under `head_motion`.
pub(super) fn bone(l: &Layout, head_motion: String) -> Node {
    let g = l.g();
    let outline_before_d = outline_d(&g.outline_before);
    let cancellous_fill = format!("url(#{})", l.id("cancellous"));
    Node::new("g")
        .class("bone")
        .child(
            shape(&l.proximal_d, "fragment fragment-proximal")
                .attr("fill", cancellous_fill.clone()),
        )
        .child(
            shape(&outline_before_d, "cortex")
                .attr("clip-path", format!("url(#{})", l.id("clip-proximal"))),
        )
        .child(shape(&l.proximal_d, "fragment-edge"))
        .child(polygon(&g.kerf_strip, "kerf").attr("fill", format!("url(#{})", l.id("kerf-hatch"))))
        .child(shape(&l.head_before_d, "ghost"))
        .children(l.loaded.then(|| {
            shape(&l.head_before_d, "ghost ghost-as-left")
                .attr("transform", svg_matrix(&l.as_left.head_transform))
        }))
        .child({
            // The head as it was, the intact cortex clipped to it, its edge: all moved together.
            let mut head = Node::new("g")
                .class("head-fragment")
                .attr("transform", head_motion);
            if l.options.interactive {
                head = head.attr("data-handle", "head");
            }
            head.child(
                shape(&l.head_before_d, "fragment fragment-head").attr("fill", cancellous_fill),
            )
            .child(
                Node::new("g")
                    .attr("clip-path", format!("url(#{})", l.id("clip-head")))
                    .child(shape(&outline_before_d, "cortex")),
            )
            .child(shape(&l.head_before_d, "fragment-edge"))
        })
}

/// The cut: its mid-line extended past the bone, and the contact between the faces.
pub(super) fn cut(l: &Layout) -> Node {
    let g = l.g();
    let (u_lo, u_hi) = l.cut_span;
    let cut_start = g.cut_line.at(u_lo - 7.0);
    let cut_end = g.cut_line.at(u_hi + 26.0);
    let mut cut_group = Node::new("g")
        .class("cut")
        .child(l.tip(Msg::SceneTipCut))
        .child(segment(cut_start, cut_end, "cut-line"));
    if let Some((a, b)) = g.contact_segment {
        l.claim_line(a, b, 2.8);
        cut_group = cut_group.child(segment(a, b, "contact"));
    }
    cut_group
}

/// Axis after: from the base pivot to the moved head centre.
pub(super) fn axis_after(l: &Layout) -> Node {
    let g = l.g();
    let axis_after = g.head_centre_after - g.base_pivot;
    let axis_after_dir = axis_after.normalize();
    segment(
        g.base_pivot - axis_after_dir * 4.0,
        g.head_centre_after + axis_after_dir * (l.head_radius + 8.0),
        "axis axis-after",
    )
}

/// The moved head centre.
pub(super) fn head_centre(l: &Layout) -> Node {
    let g = l.g();
    Node::new("circle")
        .class("head-centre")
        .num("cx", g.head_centre_after.x)
        .num("cy", -g.head_centre_after.y)
        .attr("r", "0.8")
}
