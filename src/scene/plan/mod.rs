//! The forefoot plan's drawings: the **top view** (the metatarsal parabola in the transverse
//! plane, with the SM4 line, the M2−M3 and M1−M2 relations) and the **arch view** (the five
//! heads' heights above the ground, seen from behind, with the load-sharing heuristic's bars).
//! Both are [`Node`] trees in millimetres with semantic classes; the page renders them through
//! Yew, exports write them as text. Conventions: [`crate::model::plan`] (M1 on the left).
//!
//! As the single-ray drawing, each view is laid out once (the layouts of `top.rs` and
//! `arch.rs`, on the `Plot` they share) and drawn one layer per function, with the scene's
//! drawing toolkit; `legend.rs` lays out the top view's legend. This file holds what both
//! views share and the whole figure of the CLI ([`plan_figure`]).
//!
//! It may import the model's plan, the state's plan and catalogue, and the scene's toolkit
//! (`draw`, [`super::node`]); never `ui`.

mod arch;
mod legend;
mod top;

pub use arch::arch_view;
pub use top::top_view;

use super::draw::{n, view_box_text};
use super::node::Node;
use super::SceneOptions;
use crate::model::plan::{reference_heads, ForefootOutcome, Head, HeadReference, HEADS};
use crate::state::i18n::{trf, Msg};
use crate::state::plan::{Plan, PlanEvaluation};
use crate::state::view::Lang;

/// The plan drawings' stylesheet (used with the `.scene` palette of [`super::STYLE`]).
pub const PLAN_STYLE: &str = include_str!("../plan.css");

/// What both views of a plan share: the plan, the forefoot as shown, the reference heads, the
/// options and the view's edges.
struct Plot<'a> {
    plan: &'a Plan,
    /// The heads as left, or settled under body weight with `load=1`.
    f: &'a ForefootOutcome,
    heads: [HeadReference; HEADS],
    options: &'a SceneOptions,
    lang: Lang,
    /// The view's left, right and top edges (mm, y up).
    left: f64,
    right: f64,
    top: f64,
    /// `[min_x, min_y, width, height]` in SVG coordinates (mm, y down).
    view_box: [f64; 4],
}

impl<'a> Plot<'a> {
    /// A view of `plan` between the edges `(left, right, top, bottom)`.
    fn new(
        plan: &'a Plan,
        e: &'a PlanEvaluation,
        options: &'a SceneOptions,
        (left, right, top, bottom): (f64, f64, f64, f64),
    ) -> Plot<'a> {
        Plot {
            plan,
            f: e.shown(plan.load),
            heads: reference_heads(),
            options,
            lang: options.lang,
            left,
            right,
            top,
            view_box: [left, -top, right - left, top - bottom],
        }
    }

    /// Whether `head` is at risk of transfer metatarsalgia.
    fn at_risk(&self, head: Head) -> bool {
        self.f.transfers.iter().any(|t| t.head == head)
    }

    /// The group of one head's shapes: its classes (reference, treated or untreated,
    /// selected, at risk) and, for a lesser ray, its number in `data-ray`.
    fn head_group(&self, head: Head) -> Node {
        let mut class = format!("ray ray-{}", head.name());
        if head.is_reference() {
            class.push_str(" reference");
        } else if self.f.motions[head.index()].treated {
            class.push_str(" treated");
        } else {
            class.push_str(" untreated");
        }
        if head.ray().is_some() && head.ray() == self.options.selected {
            class.push_str(" selected");
        }
        if self.at_risk(head) {
            class.push_str(" at-risk");
        }
        let g = Node::new("g").class(class);
        match head.ray() {
            Some(ray) => g.attr("data-ray", ray.number().to_string()),
            None => g,
        }
    }

    /// A view's `<svg>` element (its class `class`), with its title (`title`, naming the
    /// treated rays) and background; a standalone file is `width_px` wide.
    fn root(&self, class: &str, title: Msg) -> Node {
        let (options, view_box) = (self.options, self.view_box);
        let title = trf(
            self.lang,
            title,
            &[("label", &self.plan.treated_label_in(self.lang))],
        );
        let width_px = options.width_px;
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
}

/// `ok` or `out`: the class of an indicator against its threshold.
fn status(ok: bool) -> &'static str {
    if ok {
        "ok"
    } else {
        "out"
    }
}

/// The plan as one self-contained figure (`osteoviz render 'plan=…'`): the top and arch views
/// side by side above `sagittal`, the edited ray's drawing, in the options' `width_px` ×
/// `height_px`, with the style resolved for the theme (no custom properties: any SVG renderer
/// draws it).
pub fn plan_figure(
    plan: &Plan,
    e: &PlanEvaluation,
    sagittal: Node,
    options: &SceneOptions,
    transparent: bool,
) -> Node {
    let (width_px, height_px) = (options.width_px, options.height_px);
    let (w, h) = (f64::from(width_px), f64::from(height_px));
    // The two plan views share the upper 45 %, the sagittal view the rest.
    let top_h = (h * 0.45).round();
    let place = |view: Node, x: f64, y: f64, width: f64, height: f64| {
        view.num("x", x)
            .num("y", y)
            .num("width", width)
            .num("height", height)
    };
    let views = SceneOptions {
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
