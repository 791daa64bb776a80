//! What lies over a single-ray drawing rather than on the bone: the verdict badge (top right),
//! an exported figure's caption lines, and the page's drag handles.
//!
//! It may import the model, the state and the scene's toolkit, never `ui`.

use super::layout::Layout;
use super::layout::{caption_line, Rect};
use crate::model::{Direction, Point, Verdict};
use crate::scene::draw::{label_width_mm, n, segment, sized_label};
use crate::scene::Node;
use crate::state::i18n::{fixed, tr, trf, Msg};

/// Verdict badge, top right.
pub(super) fn verdict_badge(l: &Layout) -> Node {
    let (o, lang, projector, right, top) = (&l.e.outcomes, l.lang, l.projector, l.right, l.top);
    let verdict = o.verdict.key();
    let verdict_label = tr(lang, verdict_msg(o.verdict));
    let verdict_detail = if o.verdict == Verdict::NoContact {
        tr(lang, Msg::SceneVerdictDetailNoContact).to_string()
    } else {
        trf(
            lang,
            Msg::SceneVerdictDetail,
            &[
                ("n", &fixed(lang, o.normal_ratio, 2)),
                ("t", &fixed(lang, o.tangential_ratio, 2)),
                ("mu", &fixed(lang, l.e.params.loads.friction_mu, 2)),
            ],
        )
    };
    // At least 46 mm (at normal text), wider for a longer text (bold, 1.5 mm each side) or
    // detail line (semi-bold on the projector).
    let text = l.text;
    let badge_w = (label_width_mm(verdict_label, l.verdict_size, true) + 3.0)
        .max(label_width_mm(&verdict_detail, l.verdict_detail_size, projector) + 3.0)
        .max(46.0 * text);
    // Under body weight, a third line says where the head went.
    let settled_line = l.loaded.then(|| settled_line(l));
    let badge_w = match &settled_line {
        Some(line) => badge_w.max(label_width_mm(line, l.verdict_settled_size, true) + 3.0),
        None => badge_w,
    };
    let badge_h = text * if settled_line.is_some() { 15.5 } else { 11.0 };
    l.claim(Rect {
        x0: right - badge_w - 3.0,
        y0: top - 3.0 - badge_h,
        x1: right - 3.0,
        y1: top - 3.0,
    });
    Node::new("g")
        .class(format!("verdict verdict-{verdict}"))
        .child(l.tip(Msg::SceneTipVerdict))
        .attr("data-verdict", verdict)
        .child(
            Node::new("rect")
                .class("verdict-box")
                .num("x", right - badge_w - 3.0)
                .num("y", -top + 3.0)
                .num("width", badge_w)
                .num("height", badge_h)
                .attr("rx", "2"),
        )
        .child(sized_label(
            Point::new(right - badge_w / 2.0 - 3.0, top - 3.0 - 4.2 * text),
            verdict_label,
            "label verdict-text",
            l.verdict_size,
        ))
        .child(sized_label(
            Point::new(right - badge_w / 2.0 - 3.0, top - 3.0 - 8.8 * text),
            verdict_detail,
            "label verdict-detail",
            l.verdict_detail_size,
        ))
        .children(settled_line.map(|line| {
            sized_label(
                Point::new(right - badge_w / 2.0 - 3.0, top - 3.0 - 12.8 * text),
                line,
                "label verdict-settled",
                l.verdict_settled_size,
            )
        }))
}

/// The badge's words for a verdict.
pub(super) fn verdict_msg(verdict: Verdict) -> Msg {
    match verdict {
        Verdict::NoContact => Msg::SceneVerdictNoContact,
        Verdict::Held => Msg::SceneVerdictHeld,
        Verdict::SlidesProximal => Msg::SceneVerdictSlidesProximal,
        Verdict::SlidesDistal => Msg::SceneVerdictSlidesDistal,
        Verdict::SlidesDorsal => Msg::SceneVerdictSlidesDorsal,
        Verdict::SlidesPlantar => Msg::SceneVerdictSlidesPlantar,
        Verdict::TipsDorsal => Msg::SceneVerdictTipsDorsal,
        Verdict::TipsPlantar => Msg::SceneVerdictTipsPlantar,
        Verdict::Glides => Msg::SceneVerdictGlides,
        Verdict::Separates => Msg::SceneVerdictSeparates,
    }
}

/// The badge's third line under body weight: how far the head went, which way, and its tilt.
fn settled_line(l: &Layout) -> String {
    let lang = l.lang;
    let moved = l.g().head_centre_after - l.as_left.head_centre_after;
    trf(
        lang,
        Msg::SceneSettledLine,
        &[
            ("mm", &l.mm(moved.norm())),
            (
                "direction",
                &tr(
                    lang,
                    match Direction::of(moved) {
                        Direction::Proximal => Msg::SummarySettledProximal,
                        Direction::Distal => Msg::SummarySettledDistal,
                        Direction::Dorsal => Msg::SummarySettledDorsal,
                        Direction::Plantar => Msg::SummarySettledPlantar,
                    },
                ),
            ),
            (
                "deg",
                &fixed(lang, l.e.settled.tilt_deg() * l.load_fraction, 1),
            ),
        ],
    )
}

/// An exported figure's caption, under the drawing, wrapped to its width.
pub(super) fn captions<'l>(l: &'l Layout) -> impl Iterator<Item = Node> + 'l {
    let (left, caption_top, size) = (l.left, l.caption_top, l.caption_size);
    l.caption.iter().enumerate().map(move |(i, line)| {
        Node::new("text")
            .class("label label-start caption")
            .num("x", left + 3.0)
            .num(
                "y",
                caption_top + 1.23 * size + i as f64 * caption_line(size),
            )
            .num("font-size", size)
            .text(line.clone())
    })
}

/// Handles: rotate the cut about its axis crossing; slide the head along the cut.
pub(super) fn handles(l: &Layout) -> Node {
    let (g, o, lang) = (l.g(), &l.e.outcomes, l.lang);
    let slide_mm = l.e.params.motion.slide_mm;
    // 26 mm beyond the cut's dorsal end, 12 mm when that would put it on the forces inset (a
    // reverse cut at a large text size points at it).
    let mut handle_at = g.cut_line.at(l.cut_span.1 + 26.0);
    if handle_at.x < l.left + l.inset_right + 2.5 && handle_at.y > l.top - l.inset_bottom - 2.5 {
        handle_at = g.cut_line.at(l.cut_span.1 + 12.0);
    }
    Node::new("g")
        .class("handles")
        .child(segment(g.axis_crossing, handle_at, "handle-stem"))
        .child(
            Node::new("circle")
                .class("handle handle-cut")
                .attr("data-handle", "cut")
                .num("cx", handle_at.x)
                .num("cy", -handle_at.y)
                .attr("r", "2.2")
                .attr("tabindex", "0")
                .attr("role", "slider")
                .attr("aria-label", tr(lang, Msg::SceneHandleCut))
                .attr("aria-valuenow", n(o.cut_to_shaft_deg))
                .attr("aria-valuemin", "0")
                .attr("aria-valuemax", "180")
                .attr("aria-valuetext", format!("φ {}", l.deg(o.cut_to_shaft_deg))),
        )
        .child(
            Node::new("circle")
                .class("handle handle-slide")
                .attr("data-handle", "slide")
                .num("cx", g.head_centre_after.x)
                .num("cy", -g.head_centre_after.y)
                .attr("r", "1.9")
                .attr("tabindex", "0")
                .attr("role", "slider")
                .attr("aria-label", tr(lang, Msg::SceneHandleSlide))
                .attr("aria-valuenow", n(slide_mm))
                .attr("aria-valuemin", "-15")
                .attr("aria-valuemax", "15")
                .attr(
                    "aria-valuetext",
                    trf(lang, Msg::SceneHandleSlideValue, &[("mm", &l.mm(slide_mm))]),
                ),
        )
}
