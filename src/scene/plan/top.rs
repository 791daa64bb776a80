//! The top view: the metatarsal parabola in the transverse plane before and after, the SM4
//! line and the M2−M3, M1−M2 relations. A [`Top`] layout is computed once (the view's edges,
//! its legend's rows); each layer is a function of it, stacked by [`top_view`].
//!
//! It may import the model's plan, the state's plan and catalogue, and the scene's toolkit; never `ui`.

use super::legend::{Legend, LegendSwatch};
use super::{status, Plot};
use crate::model::plan::{
    ForefootOutcome, Head, HeadReference, HEADS, LATERAL_SESAMOID_X_MM, SM4_NORMAL_MM,
};
use crate::model::Point;
use crate::scene::draw::{ellipse, label, path, segment, smooth};
use crate::scene::node::Node;
use crate::scene::SceneOptions;
use crate::state::i18n::{fixed, tr, Msg};
use crate::state::plan::{signed_in, signed_mm_in, Plan, PlanEvaluation};

/// Drawn length of each shaft proximal of the head centre (mm, schematic).
const SHAFT_DRAWN_MM: f64 = 30.0;
/// Drawn shaft widths (mm, schematic).
const SHAFT_WIDTH_MM: [f64; HEADS] = [11.0, 6.0, 5.6, 5.4, 5.6];

/// What the top view's layers share.
struct Top<'a> {
    /// The plan and the view's edges in the transverse plane (mm, y along the foot).
    p: Plot<'a>,
    /// The legend's rows, under the feet.
    legend: Legend,
}

impl<'a> Top<'a> {
    fn new(plan: &'a Plan, e: &'a PlanEvaluation, options: &'a SceneOptions) -> Top<'a> {
        // Right: room for the SM4 caption ("normal −2 to +4 (Maestro)") right of M4.
        let (left, right, top) = (-24.0, 112.0, 24.0);
        // The legend flows in rows under the feet (more of them with the projector's larger
        // text or a longer language); the drawing grows downwards to hold them.
        let legend = Legend::layout(
            [
                (LegendSwatch::Line("parabola-before"), Msg::PlanBefore),
                (
                    LegendSwatch::Line("parabola-after"),
                    Msg::PlanSceneAfterTips,
                ),
                (LegendSwatch::Band, Msg::PlanSceneM4Zone),
            ],
            left + 3.0,
            right - 1.0,
            options,
        );
        let bottom = -68.0 - legend.extra_height_mm();
        Top {
            p: Plot::new(plan, e, options, (left, right, top, bottom)),
            legend,
        }
    }
}

/// The top view: the parabola before and after, the SM4 line and the M2−M3, M1−M2 relations.
pub fn top_view(plan: &Plan, e: &PlanEvaluation, options: &SceneOptions) -> Node {
    let l = Top::new(plan, e, options);
    l.p.root("plan-top", Msg::PlanSceneTopTitle)
        .child(bones(&l))
        .child(parabola(&l))
        .children(tips(&l))
        .child(sm4(&l))
        .children(dimensions(&l))
        .child(l.legend.node(-64.5, l.p.lang))
        .child(label(
            Point::new(l.p.left + 2.0, l.p.top - 4.0),
            tr(l.p.lang, Msg::PlanSceneTopCaption),
            "label label-start view-title",
        ))
}

/// A metatarsal in the top view: shaft and head, its tip at `tip` (mm along the foot).
fn top_bone(h: &HeadReference, i: usize, tip: f64, class: &str) -> Node {
    let centre = tip - h.radius_mm();
    let x = h.transverse_mm;
    let w = SHAFT_WIDTH_MM[i] / 2.0;
    let base = centre - SHAFT_DRAWN_MM;
    let neck = centre - h.radius_mm() * 0.55;
    let flare = (h.head_width_mm / 2.0).min(w + 2.5);
    let shaft = path(
        &[
            Point::new(x - w, base),
            Point::new(x - w, neck - 6.0),
            Point::new(x - flare, neck),
            Point::new(x + flare, neck),
            Point::new(x + w, neck - 6.0),
            Point::new(x + w, base),
        ],
        false,
        "bone-shaft",
    );
    Node::new("g")
        .class(class.to_owned())
        .child(shaft)
        .child(ellipse(
            Point::new(x, centre),
            h.head_width_mm / 2.0,
            h.radius_mm(),
            "bone-head",
        ))
}

/// The bones: the intact outline where a head moved, then the bone after, each ray's name
/// and its risk mark; the sesamoids under the M1 head (the lateral one carries the SM4 line).
fn bones(l: &Top) -> Node {
    let f = l.p.f;
    let mut bones = Node::new("g").class("bones");
    for (i, h) in l.p.heads.iter().enumerate() {
        let moved = (f.protrusion_after_mm[i] - f.protrusion_before_mm[i]).abs() > 0.05;
        let head = Head::ALL[i];
        let mut g = l.p.head_group(head);
        if moved {
            g = g.child(top_bone(h, i, f.protrusion_before_mm[i], "bone ghost-bone"));
        }
        g = g.child(top_bone(h, i, f.protrusion_after_mm[i], "bone"));
        g = g.child(label(
            Point::new(
                h.transverse_mm,
                f.protrusion_after_mm[i] - h.radius_mm() - SHAFT_DRAWN_MM - 4.0,
            ),
            format!("M{}", head.number()),
            "label ray-label",
        ));
        if l.p.at_risk(head) {
            g = g.child(label(
                Point::new(h.transverse_mm, f.protrusion_after_mm[i] - h.radius_mm()),
                "!",
                "label risk-mark",
            ));
        }
        bones = bones.child(g);
    }
    let (s, m1) = (f.sesamoid_mm, l.p.heads[0].transverse_mm);
    bones
        .child(ellipse(
            Point::new(m1 - LATERAL_SESAMOID_X_MM, s),
            3.0,
            4.4,
            "sesamoid",
        ))
        .child(ellipse(
            Point::new(m1 + LATERAL_SESAMOID_X_MM, s),
            3.0,
            4.4,
            "sesamoid sesamoid-lateral",
        ))
}

/// The heads' tips along the foot, `protrusion` of each.
fn tip_points(l: &Top, protrusion: &[f64; HEADS]) -> Vec<Point> {
    l.p.heads
        .iter()
        .zip(protrusion)
        .map(|(h, t)| Point::new(h.transverse_mm, *t))
        .collect()
}

/// The parabola: a smooth curve through the tips, before and after.
fn parabola(l: &Top) -> Node {
    Node::new("g")
        .class("parabola")
        .child(smooth(
            &tip_points(l, &l.p.f.protrusion_before_mm),
            "parabola-before",
        ))
        .child(smooth(
            &tip_points(l, &l.p.f.protrusion_after_mm),
            "parabola-after",
        ))
}

/// A dot at each tip after.
fn tips(l: &Top) -> [Node; HEADS] {
    std::array::from_fn(|i| {
        Node::new("circle")
            .class("tip")
            .num("cx", l.p.heads[i].transverse_mm)
            .num("cy", -l.p.f.protrusion_after_mm[i])
            .attr("r", "0.8")
    })
}

/// SM4: the line through the lateral sesamoid, perpendicular to the M2 axis, to past M4; the
/// band where the M4 head centre is normal; the M4 centre before and after; its offset.
fn sm4(l: &Top) -> Node {
    let (f, lang) = (l.p.f, l.p.lang);
    let s = f.sesamoid_mm;
    let m4 = &l.p.heads[3];
    let x4 = m4.transverse_mm;
    let c4_before = f.protrusion_before_mm[3] - m4.radius_mm();
    let c4_after = f.protrusion_after_mm[3] - m4.radius_mm();
    let sm4_ok = ForefootOutcome::sm4_normal(f.sm4_offset_after_mm);
    let band_lo = s - SM4_NORMAL_MM.1;
    let band_hi = s - SM4_NORMAL_MM.0;
    Node::new("g")
        .class(format!("sm4 {}", status(sm4_ok)))
        .child(
            Node::new("rect")
                .class("sm4-band")
                .num("x", x4 - 7.0)
                .num("y", -band_hi)
                .num("width", 14.0)
                .num("height", band_hi - band_lo),
        )
        .child(segment(
            Point::new(l.p.heads[0].transverse_mm + LATERAL_SESAMOID_X_MM, s),
            Point::new(x4 + 12.0, s),
            "sm4-line",
        ))
        .child(ellipse(
            Point::new(x4, c4_before),
            1.1,
            1.1,
            "m4-centre-before",
        ))
        .child(segment(
            Point::new(x4 - 2.0, c4_after),
            Point::new(x4 + 2.0, c4_after),
            "m4-centre",
        ))
        .child(segment(
            Point::new(x4, c4_after - 2.0),
            Point::new(x4, c4_after + 2.0),
            "m4-centre",
        ))
        .child(label(
            Point::new(x4 + 13.0, s + 2.2),
            tr(lang, Msg::PlanSceneSm4Line),
            "label label-start sm4-label",
        ))
        .child(label(
            Point::new(x4 + 13.0, s - 1.6),
            signed_mm_in(lang, f.sm4_offset_after_mm),
            format!("label label-start indicator-value {}", status(sm4_ok)),
        ))
        .child(label(
            Point::new(x4 + 13.0, s - 5.0),
            tr(lang, Msg::PlanSceneSm4Normal),
            "label label-start caption",
        ))
}

/// A dimension along the foot between two heads' tips.
struct Dimension {
    /// The class naming the relation (`m2-m3`).
    class: &'static str,
    /// Where the dimension line stands across the foot.
    x: f64,
    /// The two tips, whose extension lines run to the dimension line.
    from: Point,
    to: Point,
    /// The value, written at `label_y` above the tips.
    text: String,
    label_y: f64,
    /// Whether the value is within its threshold.
    ok: bool,
}

impl Dimension {
    fn node(self) -> Node {
        let Dimension {
            class,
            x,
            from,
            to,
            text,
            label_y,
            ok,
        } = self;
        Node::new("g")
            .class(format!("dimension {class} {}", status(ok)))
            .child(segment(from, Point::new(x + 1.2, from.y), "extension-line"))
            .child(segment(to, Point::new(x - 1.2, to.y), "extension-line"))
            .child(segment(
                Point::new(x, from.y),
                Point::new(x, to.y),
                "dimension-line",
            ))
            .child(segment(
                Point::new(x, from.y.max(to.y)),
                Point::new(x, label_y - 1.8),
                "leader-line",
            ))
            .child(label(
                Point::new(x, label_y),
                text,
                format!("label indicator-value {}", status(ok)),
            ))
    }
}

/// The M2−M3 and M1−M2 differences after, along the foot between the heads, labels above.
fn dimensions(l: &Top) -> [Node; 2] {
    let (f, heads, lang) = (l.p.f, &l.p.heads, l.p.lang);
    let (x1, x2, x3) = (
        heads[0].transverse_mm,
        heads[1].transverse_mm,
        heads[2].transverse_mm,
    );
    let p = &f.protrusion_after_mm;
    let m2m3 = f.m2_m3_difference_after_mm;
    let m1m2 = f.m1_m2_difference_after_mm;
    [
        Dimension {
            class: "m2-m3",
            x: (x2 + x3) / 2.0,
            from: Point::new(x2, p[1]),
            to: Point::new(x3, p[2]),
            text: format!("M2−M3 {}", fixed(lang, m2m3, 1)),
            label_y: p[1].max(p[2]) + 6.0,
            ok: !ForefootOutcome::m2_m3_over_threshold(m2m3),
        }
        .node(),
        Dimension {
            class: "m1-m2",
            x: (x1 + heads[0].head_width_mm / 2.0 + x2 - heads[1].head_width_mm / 2.0) / 2.0,
            from: Point::new(x1, p[0]),
            to: Point::new(x2, p[1]),
            text: format!("M1−M2 {}", signed_in(lang, m1m2)),
            label_y: p[0].max(p[1]) + 11.5,
            ok: ForefootOutcome::m1_m2_normal(m1m2),
        }
        .node(),
    ]
}
