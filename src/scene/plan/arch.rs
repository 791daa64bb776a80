//! The arch view: the five heads' heights above the ground before and after, seen from behind,
//! and the load-sharing heuristic's bars under the ground. An [`Arch`] layout is computed once
//! (the view's edges, the fat pad, the bars' top); each layer is a function of it, stacked by
//! [`arch_view`].
//!
//! It may import the model's plan, the state's plan and catalogue, and the scene's toolkit; never `ui`.

use super::Plot;
use crate::model::plan::{Head, HEADS, LATERAL_SESAMOID_X_MM};
use crate::model::Point;
use crate::scene::draw::{ellipse, label, path, segment};
use crate::scene::node::Node;
use crate::scene::SceneOptions;
use crate::state::i18n::{tr, Msg};
use crate::state::plan::{percent_in, signed_in, Plan, PlanEvaluation, HEURISTIC_LABEL};

/// Millimetres of bar per percent of load.
const BAR_MM_PER_PCT: f64 = 0.55;

/// What the arch view's layers share.
struct Arch<'a> {
    /// The plan and the view's edges (mm, y up from the ground).
    p: Plot<'a>,
    /// The fat pad's thickness under the heads (mm).
    fat_pad: f64,
    /// Where the load bars start, under the ground (mm).
    bar_top: f64,
}

impl<'a> Arch<'a> {
    fn new(plan: &'a Plan, e: &'a PlanEvaluation, options: &'a SceneOptions) -> Arch<'a> {
        // Left: room for the load-share title and the heuristic note left of the M1 bar.
        let p = Plot::new(plan, e, options, (-34.0, 104.0, 40.0, -31.0));
        let fat_pad = p.f.head_centre_height_before_mm[1] - p.heads[1].radius_mm();
        Arch {
            p,
            fat_pad,
            bar_top: -3.0,
        }
    }
}

/// The arch view: head heights above the ground before and after, and the heuristic's loads.
pub fn arch_view(plan: &Plan, e: &PlanEvaluation, options: &SceneOptions) -> Node {
    let l = Arch::new(plan, e, options);
    l.p.root("plan-arch", Msg::PlanSceneArchTitle)
        .children(ground(&l))
        .child(bones(&l))
        .child(arch(&l))
        .child(load_bars(&l))
        .children(notes(&l))
}

/// The fat pad under the heads and the ground, named.
fn ground(l: &Arch) -> [Node; 4] {
    let (left, right, fat_pad) = (l.p.left, l.p.right, l.fat_pad);
    [
        Node::new("rect")
            .class("fat-pad")
            .num("x", left)
            .num("y", -fat_pad)
            .num("width", right - left)
            .num("height", fat_pad),
        segment(Point::new(left, 0.0), Point::new(right, 0.0), "ground-line"),
        label(
            Point::new(left + 2.0, 1.8),
            tr(l.p.lang, Msg::PlanSceneGround),
            "label label-start caption",
        ),
        label(
            Point::new(right - 2.0, fat_pad / 2.0 + 0.4),
            tr(l.p.lang, Msg::PlanSceneFatPad),
            "label label-end caption",
        ),
    ]
}

/// Each head after, its ghost where it moved, the sesamoids under M1, and its name with its
/// rise.
fn bones(l: &Arch) -> Node {
    let f = l.p.f;
    let mut bones = Node::new("g").class("bones");
    for (i, h) in l.p.heads.iter().enumerate() {
        let x = h.transverse_mm;
        let (before, after) = (
            f.head_centre_height_before_mm[i],
            f.head_centre_height_after_mm[i],
        );
        let head = Head::ALL[i];
        let mut g = l.p.head_group(head);
        if (after - before).abs() > 0.05 {
            g = g.child(ellipse(
                Point::new(x, before),
                h.radius_mm(),
                h.radius_mm(),
                "ghost-head",
            ));
        }
        g = g.child(ellipse(
            Point::new(x, after),
            h.radius_mm(),
            h.radius_mm(),
            "bone-head",
        ));
        if head == Head::M1 {
            for dx in [-LATERAL_SESAMOID_X_MM, LATERAL_SESAMOID_X_MM] {
                g = g.child(ellipse(
                    Point::new(x + dx, l.fat_pad + 2.6),
                    3.0,
                    2.6,
                    "sesamoid",
                ));
            }
        }
        let rise = after - before;
        let mut text = format!("M{}", head.number());
        if rise.abs() >= 0.05 {
            text = format!("{text} {}", signed_in(l.p.lang, rise));
        }
        g = g.child(label(
            Point::new(x, after + h.radius_mm() + 3.0),
            text,
            "label ray-label",
        ));
        bones = bones.child(g);
    }
    bones
}

/// The arch: a line under the heads' lowest points, before and after.
fn arch(l: &Arch) -> Node {
    let plantar = |centre_heights: &[f64; HEADS]| -> Vec<Point> {
        l.p.heads
            .iter()
            .zip(centre_heights)
            .map(|(r, y)| Point::new(r.transverse_mm, *y - r.radius_mm()))
            .collect()
    };
    Node::new("g")
        .class("arch")
        .child(path(
            &plantar(&l.p.f.head_centre_height_before_mm),
            false,
            "arch-before",
        ))
        .child(path(
            &plantar(&l.p.f.head_centre_height_after_mm),
            false,
            "arch-after",
        ))
}

/// Load bars below the ground: before (outline) and after (filled), the share after.
fn load_bars(l: &Arch) -> Node {
    let (f, bar_top) = (l.p.f, l.bar_top);
    let mut bars = Node::new("g")
        .class("load-bars")
        .attr("data-heuristic", HEURISTIC_LABEL);
    for (i, h) in l.p.heads.iter().enumerate() {
        let x = h.transverse_mm;
        let before = crate::numtext::clamp(f.load_share_before_pct[i], 0.0, 50.0) * BAR_MM_PER_PCT;
        let after = crate::numtext::clamp(f.load_share_after_pct[i], 0.0, 50.0) * BAR_MM_PER_PCT;
        let change = f.load_share_after_pct[i] - f.load_share_before_pct[i];
        let trend = if change > 0.5 {
            "gains"
        } else if change < -0.5 {
            "loses"
        } else {
            "same"
        };
        let mut class = format!("load-bar ray-{} {trend}", Head::ALL[i].name());
        if l.p.at_risk(Head::ALL[i]) {
            class.push_str(" at-risk");
        }
        // A bar hanging from the bars' top, centred on the head.
        let bar = |class: &'static str, half_width: f64, height: f64| {
            Node::new("rect")
                .class(class)
                .num("x", x - half_width)
                .num("y", -bar_top)
                .num("width", 2.0 * half_width)
                .num("height", height)
        };
        bars = bars.child(
            Node::new("g")
                .class(class)
                .child(bar("bar-after", 3.5, after))
                .child(bar("bar-before", 4.5, before))
                .child(label(
                    Point::new(x, bar_top - after.max(before) - 2.6),
                    percent_in(l.p.lang, f.load_share_after_pct[i], 0),
                    "label bar-label",
                )),
        );
    }
    bars
}

/// The texts left of the bars (their title, the heuristic's note, what the dashed lines are)
/// and the view's title.
fn notes(l: &Arch) -> [Node; 7] {
    const NOTE: &str = "caption heuristic-note";
    let bar_top = l.bar_top;
    [
        (bar_top - 4.0, Msg::PlanSceneLoadShare, "bar-title"),
        (bar_top - 8.0, Msg::PlanSceneHeuristic1, NOTE),
        (bar_top - 11.0, Msg::PlanSceneHeuristic2, NOTE),
        (bar_top - 14.0, Msg::PlanSceneHeuristic3, NOTE),
        (bar_top - 17.0, Msg::PlanSceneHeuristic4, NOTE),
        (bar_top - 22.0, Msg::PlanSceneDashedBefore, "caption"),
        (l.p.top - 4.0, Msg::PlanSceneArchCaption, "view-title"),
    ]
    .map(|(y, msg, class)| {
        label(
            Point::new(l.p.left + 2.0, y),
            tr(l.p.lang, msg),
            format!("label label-start {class}"),
        )
    })
}
