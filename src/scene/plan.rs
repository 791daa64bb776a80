//! The forefoot plan's drawings: the **top view** (the metatarsal parabola in the transverse
//! plane, with the SM4 line, the M2−M3 and M1−M2 relations) and the **arch view** (the five
//! heads' heights above the ground, seen from behind, with the load-sharing heuristic's bars).
//! Both are [`Node`] trees in millimetres with semantic classes; the page renders them through
//! Yew, exports write them as text. Conventions: [`crate::model::plan`] (M1 on the left).
//!
//! It may import the model's plan, the state's plan and catalogue, and the scene's toolkit
//! (`draw`, [`super::node`]); never `ui`.

use super::draw::{label, label_width_mm, n, path, segment, view_box_text};
use super::node::Node;
use crate::model::plan::{
    reference_heads, ForefootOutcome, Head, HeadReference, HEADS, LATERAL_SESAMOID_X_MM,
    SM4_NORMAL_MM,
};
use crate::model::{Point, Ray};
use crate::state::i18n::Msg;
use crate::state::i18n::{fixed, tr, trf};
use crate::state::plan::{
    percent_in, signed_in, signed_mm_in, Plan, PlanEvaluation, HEURISTIC_LABEL,
};
use crate::state::view::{Lang, Theme};

/// The plan drawings' stylesheet (used with the `.scene` palette of [`super::STYLE`]).
pub const PLAN_STYLE: &str = include_str!("plan.css");

/// How to draw a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanSceneOptions {
    /// Prefix for element ids, unique per drawing on a page.
    pub id_prefix: String,
    /// Theme (the class `theme-NAME` on the root).
    pub theme: Theme,
    /// The ray being edited, highlighted.
    pub selected: Option<Ray>,
    /// A self-contained SVG file: namespace, size and both stylesheets as written (with CSS
    /// custom properties: browsers draw it, renderers without CSS variables do not).
    pub standalone: bool,
    /// The language of the labels.
    pub lang: Lang,
}

impl Default for PlanSceneOptions {
    fn default() -> Self {
        PlanSceneOptions {
            id_prefix: "plan-".into(),
            theme: Theme::Light,
            selected: None,
            standalone: false,
            lang: Lang::En,
        }
    }
}

/// Drawn length of each shaft proximal of the head centre (mm, schematic).
const SHAFT_DRAWN_MM: f64 = 30.0;
/// Drawn shaft widths (mm, schematic).
const SHAFT_WIDTH_MM: [f64; HEADS] = [11.0, 6.0, 5.6, 5.4, 5.6];
/// Arch view: millimetres of bar per percent of load.
const BAR_MM_PER_PCT: f64 = 0.55;

/// A smooth curve through points (Catmull-Rom as cubic Béziers), y up.
fn smooth(points: &[(f64, f64)], class: &str) -> Node {
    let mut d = String::new();
    let p = |i: usize| points[i.min(points.len() - 1)];
    for (i, &(x, y)) in points.iter().enumerate() {
        if i == 0 {
            d.push_str(&format!("M{},{}", n(x), n(-y)));
            continue;
        }
        let (x0, y0) = p(i.saturating_sub(2));
        let (x1, y1) = p(i - 1);
        let (x3, y3) = p(i + 1);
        let c1 = (x1 + (x - x0) / 6.0, y1 + (y - y0) / 6.0);
        let c2 = (x - (x3 - x1) / 6.0, y - (y3 - y1) / 6.0);
        d.push_str(&format!(
            "C{},{} {},{} {},{}",
            n(c1.0),
            n(-c1.1),
            n(c2.0),
            n(-c2.1),
            n(x),
            n(-y)
        ));
    }
    Node::new("path").class(class.to_owned()).attr("d", d)
}

fn ellipse(cx: f64, cy: f64, rx: f64, ry: f64, class: &str) -> Node {
    Node::new("ellipse")
        .class(class.to_owned())
        .num("cx", cx)
        .num("cy", -cy)
        .num("rx", rx)
        .num("ry", ry)
}

/// `ok` or `out`: the class of an indicator against its threshold.
fn status(ok: bool) -> &'static str {
    if ok {
        "ok"
    } else {
        "out"
    }
}

fn root(
    class: &str,
    view_box: [f64; 4],
    title: String,
    options: &PlanSceneOptions,
    width_px: u32,
) -> Node {
    let title_id = format!("{}{}-title", options.id_prefix, class);
    let mut svg = Node::new("svg")
        .class(format!(
            "scene plan-scene {class} theme-{}",
            options.theme.name()
        ))
        .attr("viewBox", view_box_text(&view_box))
        .attr("role", "img")
        .attr("aria-labelledby", title_id.clone());
    if options.standalone {
        let height_px = (width_px as f64 * view_box[3] / view_box[2]).round();
        svg = svg
            .attr("xmlns", "http://www.w3.org/2000/svg")
            .attr("width", width_px.to_string())
            .attr("height", n(height_px))
            .child(Node::new("style").text(format!("{}\n{}", super::STYLE, PLAN_STYLE)));
    }
    svg.child(Node::new("title").attr("id", title_id).text(title))
        .child(
            Node::new("rect")
                .class("background")
                .num("x", view_box[0])
                .num("y", view_box[1])
                .num("width", view_box[2])
                .num("height", view_box[3]),
        )
}

/// Whether `head` is at risk of transfer metatarsalgia.
fn at_risk(f: &ForefootOutcome, head: Head) -> bool {
    f.transfers.iter().any(|t| t.head == head)
}

fn head_class(f: &ForefootOutcome, options: &PlanSceneOptions, head: Head) -> String {
    let mut class = format!("ray ray-{}", head.name());
    if head.is_reference() {
        class.push_str(" reference");
    } else if f.motions[head.index()].treated {
        class.push_str(" treated");
    } else {
        class.push_str(" untreated");
    }
    if head.ray().is_some() && head.ray() == options.selected {
        class.push_str(" selected");
    }
    if at_risk(f, head) {
        class.push_str(" at-risk");
    }
    class
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
            x,
            centre,
            h.head_width_mm / 2.0,
            h.radius_mm(),
            "bone-head",
        ))
}

/// What a legend entry shows left of its text.
#[derive(Clone, Copy)]
enum LegendSwatch {
    /// A short stretch of a line of this class.
    Line(&'static str),
    /// A patch of the SM4 normal band.
    Band,
}

/// A legend whose entries flow left to right and wrap into rows so that no text runs into the
/// next entry or out of the drawing, at the theme's text size and in any language.
struct Legend {
    /// Each entry with its row (0 first) and left edge (mm).
    entries: Vec<(LegendSwatch, Msg, usize, f64)>,
    row_height_mm: f64,
}

impl Legend {
    const SWATCH_MM: f64 = 6.0;
    const TEXT_GAP_MM: f64 = 1.0;
    const ENTRY_GAP_MM: f64 = 3.0;

    /// The caption's size (mm) and weight in the theme (plan.css `.caption`, and scene.css's
    /// larger bold labels on a projector).
    fn caption_size(options: &PlanSceneOptions) -> (f64, bool) {
        if options.theme == Theme::Projector {
            (3.6, true)
        } else {
            (2.5, false)
        }
    }

    fn layout(
        entries: [(LegendSwatch, Msg); 3],
        start_x: f64,
        end_x: f64,
        options: &PlanSceneOptions,
    ) -> Legend {
        let (size, bold) = Self::caption_size(options);
        let mut placed = Vec::with_capacity(entries.len());
        let (mut row, mut x) = (0, start_x);
        for (swatch, msg) in entries {
            let width = Self::SWATCH_MM
                + Self::TEXT_GAP_MM
                + label_width_mm(tr(options.lang, msg), size, bold);
            if x > start_x && x + width > end_x {
                row += 1;
                x = start_x;
            }
            placed.push((swatch, msg, row, x));
            x += width + Self::ENTRY_GAP_MM;
        }
        Legend {
            entries: placed,
            row_height_mm: size * 1.35,
        }
    }

    /// The height the rows after the first add under the drawing.
    fn extra_height_mm(&self) -> f64 {
        let rows = self.entries.iter().map(|e| e.2).max().unwrap_or(0);
        rows as f64 * self.row_height_mm
    }

    /// The legend, its first row's baseline at `y`.
    fn node(&self, y: f64, lang: Lang) -> Node {
        let mut g = Node::new("g").class("legend");
        for &(swatch, msg, row, x) in &self.entries {
            let y = y - row as f64 * self.row_height_mm;
            g = g
                .child(match swatch {
                    LegendSwatch::Line(class) => {
                        segment(Point::new(x, y), Point::new(x + Self::SWATCH_MM, y), class)
                    }
                    LegendSwatch::Band => Node::new("rect")
                        .class("sm4-band")
                        .num("x", x)
                        .num("y", -y - 1.2)
                        .num("width", Self::SWATCH_MM)
                        .num("height", 2.4),
                })
                .child(label(
                    Point::new(x + Self::SWATCH_MM + Self::TEXT_GAP_MM, y),
                    tr(lang, msg),
                    "label label-start caption",
                ));
        }
        g
    }
}

/// The top view: the parabola before and after, the SM4 line and the M2−M3, M1−M2 relations.
pub fn top_view(plan: &Plan, e: &PlanEvaluation, options: &PlanSceneOptions) -> Node {
    // The heads as left, or settled under body weight with `load=1`.
    let f = e.shown(plan.load);
    let heads = reference_heads();
    // Right: room for the SM4 caption ("normal −2 to +4 (Maestro)") right of M4.
    let (left, right, top) = (-24.0, 112.0, 24.0);
    // The legend flows in rows under the feet (more of them with the projector's larger text
    // or a longer language); the drawing grows downwards to hold them.
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
    let view_box = [left, -top, right - left, top - bottom];
    let mut svg = root(
        "plan-top",
        view_box,
        trf(
            options.lang,
            Msg::PlanSceneTopTitle,
            &[("label", &plan.treated_label_in(options.lang))],
        ),
        options,
        1000,
    );

    // Bones: the intact outline where a head moved, then the bone after.
    let mut bones = Node::new("g").class("bones");
    for (i, h) in heads.iter().enumerate() {
        let moved = (f.protrusion_after_mm[i] - f.protrusion_before_mm[i]).abs() > 0.05;
        let head = Head::ALL[i];
        let mut g = Node::new("g").class(head_class(f, options, head));
        if let Some(ray) = head.ray() {
            g = g.attr("data-ray", ray.number().to_string());
        }
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
        if at_risk(f, head) {
            g = g.child(label(
                Point::new(h.transverse_mm, f.protrusion_after_mm[i] - h.radius_mm()),
                "!",
                "label risk-mark",
            ));
        }
        bones = bones.child(g);
    }
    // The sesamoids under the M1 head (the lateral one carries the SM4 line).
    let s = f.sesamoid_mm;
    let m1 = heads[0].transverse_mm;
    bones = bones
        .child(ellipse(m1 - LATERAL_SESAMOID_X_MM, s, 3.0, 4.4, "sesamoid"))
        .child(ellipse(
            m1 + LATERAL_SESAMOID_X_MM,
            s,
            3.0,
            4.4,
            "sesamoid sesamoid-lateral",
        ));
    svg = svg.child(bones);

    // The parabola: a smooth curve through the tips, before and after.
    let tips = |p: &[f64; HEADS]| -> Vec<(f64, f64)> {
        heads
            .iter()
            .zip(p)
            .map(|(h, t)| (h.transverse_mm, *t))
            .collect()
    };
    svg = svg.child(
        Node::new("g")
            .class("parabola")
            .child(smooth(&tips(&f.protrusion_before_mm), "parabola-before"))
            .child(smooth(&tips(&f.protrusion_after_mm), "parabola-after")),
    );
    for (i, h) in heads.iter().enumerate() {
        svg = svg.child(
            Node::new("circle")
                .class("tip")
                .num("cx", h.transverse_mm)
                .num("cy", -f.protrusion_after_mm[i])
                .attr("r", "0.8"),
        );
    }

    // SM4: the line through the lateral sesamoid, perpendicular to the M2 axis, to past M4;
    // the band where the M4 head centre is normal; the M4 centre before and after.
    let m4 = &heads[3];
    let x4 = m4.transverse_mm;
    let c4_before = f.protrusion_before_mm[3] - m4.radius_mm();
    let c4_after = f.protrusion_after_mm[3] - m4.radius_mm();
    let sm4_ok = ForefootOutcome::sm4_normal(f.sm4_offset_after_mm);
    let band_lo = s - SM4_NORMAL_MM.1;
    let band_hi = s - SM4_NORMAL_MM.0;
    let sm4 = Node::new("g")
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
            Point::new(m1 + LATERAL_SESAMOID_X_MM, s),
            Point::new(x4 + 12.0, s),
            "sm4-line",
        ))
        .child(ellipse(x4, c4_before, 1.1, 1.1, "m4-centre-before"))
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
            tr(options.lang, Msg::PlanSceneSm4Line),
            "label label-start sm4-label",
        ))
        .child(label(
            Point::new(x4 + 13.0, s - 1.6),
            signed_mm_in(options.lang, f.sm4_offset_after_mm),
            format!("label label-start indicator-value {}", status(sm4_ok)),
        ))
        .child(label(
            Point::new(x4 + 13.0, s - 5.0),
            tr(options.lang, Msg::PlanSceneSm4Normal),
            "label label-start caption",
        ));
    svg = svg.child(sm4);

    // Dimensions along the foot: M1−M2 and M2−M3 (after), between the heads, labels above.
    let dimension = |x: f64,
                     xa: f64,
                     ya: f64,
                     xb: f64,
                     yb: f64,
                     text: String,
                     label_y: f64,
                     ok: bool,
                     class: &str| {
        Node::new("g")
            .class(format!("dimension {class} {}", status(ok)))
            .child(segment(
                Point::new(xa, ya),
                Point::new(x + 1.2, ya),
                "extension-line",
            ))
            .child(segment(
                Point::new(xb, yb),
                Point::new(x - 1.2, yb),
                "extension-line",
            ))
            .child(segment(
                Point::new(x, ya),
                Point::new(x, yb),
                "dimension-line",
            ))
            .child(segment(
                Point::new(x, ya.max(yb)),
                Point::new(x, label_y - 1.8),
                "leader-line",
            ))
            .child(label(
                Point::new(x, label_y),
                text,
                format!("label indicator-value {}", status(ok)),
            ))
    };
    let (x1, x2, x3) = (
        heads[0].transverse_mm,
        heads[1].transverse_mm,
        heads[2].transverse_mm,
    );
    let p = &f.protrusion_after_mm;
    let m2m3 = f.m2_m3_difference_after_mm;
    let m1m2 = f.m1_m2_difference_after_mm;
    svg = svg
        .child(dimension(
            (x2 + x3) / 2.0,
            x2,
            p[1],
            x3,
            p[2],
            format!("M2−M3 {}", fixed(options.lang, m2m3, 1)),
            p[1].max(p[2]) + 6.0,
            !ForefootOutcome::m2_m3_over_threshold(m2m3),
            "m2-m3",
        ))
        .child(dimension(
            (x1 + heads[0].head_width_mm / 2.0 + x2 - heads[1].head_width_mm / 2.0) / 2.0,
            x1,
            p[0],
            x2,
            p[1],
            format!("M1−M2 {}", signed_in(options.lang, m1m2)),
            p[0].max(p[1]) + 11.5,
            ForefootOutcome::m1_m2_normal(m1m2),
            "m1-m2",
        ));

    svg.child(legend.node(-64.5, options.lang)).child(label(
        Point::new(left + 2.0, top - 4.0),
        tr(options.lang, Msg::PlanSceneTopCaption),
        "label label-start view-title",
    ))
}

/// The arch view: head heights above the ground before and after, and the heuristic's loads.
pub fn arch_view(plan: &Plan, e: &PlanEvaluation, options: &PlanSceneOptions) -> Node {
    // The heads as left, or settled under body weight with `load=1`.
    let f = e.shown(plan.load);
    let heads = reference_heads();
    // Left: room for the load-share title and the heuristic note left of the M1 bar.
    let (left, right, top, bottom) = (-34.0, 104.0, 40.0, -31.0);
    let view_box = [left, -top, right - left, top - bottom];
    let mut svg = root(
        "plan-arch",
        view_box,
        trf(
            options.lang,
            Msg::PlanSceneArchTitle,
            &[("label", &plan.treated_label_in(options.lang))],
        ),
        options,
        1000,
    );
    let fat_pad = f.head_centre_height_before_mm[1] - heads[1].radius_mm();
    svg = svg
        .child(
            Node::new("rect")
                .class("fat-pad")
                .num("x", left)
                .num("y", -fat_pad)
                .num("width", right - left)
                .num("height", fat_pad),
        )
        .child(segment(
            Point::new(left, 0.0),
            Point::new(right, 0.0),
            "ground-line",
        ))
        .child(label(
            Point::new(left + 2.0, 1.8),
            tr(options.lang, Msg::PlanSceneGround),
            "label label-start caption",
        ))
        .child(label(
            Point::new(right - 2.0, fat_pad / 2.0 + 0.4),
            tr(options.lang, Msg::PlanSceneFatPad),
            "label label-end caption",
        ));

    // The arch: a line under the heads' lowest points, before and after.
    let plantar = |h: &[f64; HEADS]| -> Vec<Point> {
        heads
            .iter()
            .zip(h)
            .map(|(r, y)| Point::new(r.transverse_mm, *y - r.radius_mm()))
            .collect()
    };
    let mut bones = Node::new("g").class("bones");
    for (i, h) in heads.iter().enumerate() {
        let x = h.transverse_mm;
        let (before, after) = (
            f.head_centre_height_before_mm[i],
            f.head_centre_height_after_mm[i],
        );
        let head = Head::ALL[i];
        let mut g = Node::new("g").class(head_class(f, options, head));
        if let Some(ray) = head.ray() {
            g = g.attr("data-ray", ray.number().to_string());
        }
        if (after - before).abs() > 0.05 {
            g = g.child(ellipse(
                x,
                before,
                h.radius_mm(),
                h.radius_mm(),
                "ghost-head",
            ));
        }
        g = g.child(ellipse(x, after, h.radius_mm(), h.radius_mm(), "bone-head"));
        if head == Head::M1 {
            for dx in [-LATERAL_SESAMOID_X_MM, LATERAL_SESAMOID_X_MM] {
                g = g.child(ellipse(x + dx, fat_pad + 2.6, 3.0, 2.6, "sesamoid"));
            }
        }
        let rise = after - before;
        let mut text = format!("M{}", head.number());
        if rise.abs() >= 0.05 {
            text = format!("{text} {}", signed_in(options.lang, rise));
        }
        g = g.child(label(
            Point::new(x, after + h.radius_mm() + 3.0),
            text,
            "label ray-label",
        ));
        bones = bones.child(g);
    }
    svg = svg.child(bones).child(
        Node::new("g")
            .class("arch")
            .child(path(
                &plantar(&f.head_centre_height_before_mm),
                false,
                "arch-before",
            ))
            .child(path(
                &plantar(&f.head_centre_height_after_mm),
                false,
                "arch-after",
            )),
    );

    // Load bars below the ground: before (outline) and after (filled), the share after.
    let bar_top = -3.0;
    let mut bars = Node::new("g")
        .class("load-bars")
        .attr("data-heuristic", HEURISTIC_LABEL);
    for (i, h) in heads.iter().enumerate() {
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
        if at_risk(f, Head::ALL[i]) {
            class.push_str(" at-risk");
        }
        bars = bars.child(
            Node::new("g")
                .class(class)
                .child(
                    Node::new("rect")
                        .class("bar-after")
                        .num("x", x - 3.5)
                        .num("y", -bar_top)
                        .num("width", 7.0)
                        .num("height", after),
                )
                .child(
                    Node::new("rect")
                        .class("bar-before")
                        .num("x", x - 4.5)
                        .num("y", -bar_top)
                        .num("width", 9.0)
                        .num("height", before),
                )
                .child(label(
                    Point::new(x, bar_top - after.max(before) - 2.6),
                    percent_in(options.lang, f.load_share_after_pct[i], 0),
                    "label bar-label",
                )),
        );
    }
    svg.child(bars)
        .child(label(
            Point::new(left + 2.0, bar_top - 4.0),
            tr(options.lang, Msg::PlanSceneLoadShare),
            "label label-start bar-title",
        ))
        .child(label(
            Point::new(left + 2.0, bar_top - 8.0),
            tr(options.lang, Msg::PlanSceneHeuristic1),
            "label label-start caption heuristic-note",
        ))
        .child(label(
            Point::new(left + 2.0, bar_top - 11.0),
            tr(options.lang, Msg::PlanSceneHeuristic2),
            "label label-start caption heuristic-note",
        ))
        .child(label(
            Point::new(left + 2.0, bar_top - 14.0),
            tr(options.lang, Msg::PlanSceneHeuristic3),
            "label label-start caption heuristic-note",
        ))
        .child(label(
            Point::new(left + 2.0, bar_top - 17.0),
            tr(options.lang, Msg::PlanSceneHeuristic4),
            "label label-start caption heuristic-note",
        ))
        .child(label(
            Point::new(left + 2.0, bar_top - 22.0),
            tr(options.lang, Msg::PlanSceneDashedBefore),
            "label label-start caption",
        ))
        .child(label(
            Point::new(left + 2.0, top - 4.0),
            tr(options.lang, Msg::PlanSceneArchCaption),
            "label label-start view-title",
        ))
}

/// The plan as one self-contained figure (`osteoviz render 'plan=…'`): the top and arch views
/// side by side above `sagittal`, the edited ray's drawing, in `width_px` × `height_px`, with
/// the style resolved for the theme (no custom properties: any SVG renderer draws it).
pub fn plan_figure(
    plan: &Plan,
    e: &PlanEvaluation,
    sagittal: Node,
    options: &PlanSceneOptions,
    (width_px, height_px): (u32, u32),
    transparent: bool,
) -> Node {
    let (w, h) = (f64::from(width_px), f64::from(height_px));
    // The two plan views share the upper 45 %, the sagittal view the rest.
    let top_h = (h * 0.45).round();
    let place = |view: Node, x: f64, y: f64, width: f64, height: f64| {
        view.num("x", x)
            .num("y", y)
            .num("width", width)
            .num("height", height)
    };
    let views = PlanSceneOptions {
        standalone: false,
        ..options.clone()
    };
    let theme = options.theme;
    let mut svg = Node::new("svg")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .class(format!("scene plan-figure theme-{}", theme.name()))
        .attr("width", width_px.to_string())
        .attr("height", height_px.to_string())
        .attr("viewBox", format!("0 0 {width_px} {height_px}"))
        .attr("role", "img")
        .child(Node::new("title").text(trf(
            options.lang,
            Msg::PlanSceneTopTitle,
            &[("label", &plan.treated_label_in(options.lang))],
        )))
        .child(Node::new("style").text(super::style::resolve_style_with(PLAN_STYLE, theme)));
    if !transparent {
        svg = svg.child(
            Node::new("rect")
                .class("background")
                .attr("width", width_px.to_string())
                .attr("height", height_px.to_string()),
        );
    }
    svg.child(place(top_view(plan, e, &views), 0.0, 0.0, w / 2.0, top_h))
        .child(place(
            arch_view(plan, e, &views),
            w / 2.0,
            0.0,
            w / 2.0,
            top_h,
        ))
        .child(place(sagittal, 0.0, top_h, w, h - top_h))
}
