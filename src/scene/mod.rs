//! The scene: from a state and its evaluation to drawable shapes, each with a semantic class.
//!
//! Coordinates are the model's ground frame G in millimetres, written to SVG with y flipped
//! (SVG's y points down), so the `viewBox` is in millimetres and the drawing is crisp at any
//! size. The page renders [`Scene::root`] through Yew; exports and the CLI write it as text
//! with [`Scene::to_svg`]: one drawing for both.

mod draw;
pub mod node;
pub mod plan;
pub mod style;

pub use draw::label_width_mm;
pub use node::Node;
pub use style::resolve_style;

use crate::model::{evaluate, AngleReference, Evaluation, ModelError, Point, Vector, Verdict};
use crate::state::i18n::Msg;
use crate::state::i18n::{fixed, tr, trf};
use crate::state::view::{Lang, Theme};
use crate::state::State;
use draw::{
    arc, arc_points, arrow, deg, label, mm, n, outline_d, path, polygon, segment, shape,
    svg_matrix, text_width_mm, view_box_text,
};

/// The drawing's stylesheet: linked by the page; standalone files embed it flattened for their
/// theme ([`resolve_style`]).
pub const STYLE: &str = include_str!("scene.css");

/// Length of an arrow for a force equal to the ground reaction force (mm).
const FORCE_SCALE_MM: f64 = 14.0;

/// How to build a scene.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneOptions {
    /// Prefix for element ids (clip paths, patterns), unique per page.
    pub id_prefix: String,
    /// A self-contained SVG file: namespace, size and the style of its theme, flattened
    /// ([`resolve_style`]) so that renderers without CSS variables draw it too.
    pub standalone: bool,
    /// Draw the drag handles (the page), or not (exports).
    pub interactive: bool,
    /// Pixel size for a standalone file.
    pub width_px: u32,
    pub height_px: u32,
    /// Theme (the class `theme-NAME` on the root).
    pub theme: Theme,
    /// Lines written under the drawing (an exported figure's caption).
    pub caption: Vec<String>,
    /// Language of the labels, the title and the handles' names.
    pub lang: Lang,
}

impl Default for SceneOptions {
    fn default() -> Self {
        SceneOptions {
            id_prefix: "ov-".into(),
            standalone: false,
            interactive: true,
            width_px: 1920,
            height_px: 1080,
            theme: Theme::Light,
            caption: Vec::new(),
            lang: Lang::En,
        }
    }
}

/// A built drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// `[min_x, min_y, width, height]` in SVG coordinates (mm, y down).
    pub view_box: [f64; 4],
    /// The `<svg>` element.
    pub root: Node,
}

impl Scene {
    /// SVG text; with `standalone`, a file that opens on its own.
    pub fn to_svg(&self) -> String {
        let mut s = String::new();
        if self.root.get("xmlns").is_some() {
            s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        }
        self.root.write_xml(&mut s);
        s
    }

    /// The same drawing without its background rectangle (a transparent export).
    pub fn without_background(mut self) -> Scene {
        self.root.children.retain(|c| !c.is("class", "background"));
        self
    }
}

/// Evaluates a state and draws it.
pub fn render(state: &State, options: &SceneOptions) -> Result<Scene, ModelError> {
    let e = evaluate(&state.to_params())?;
    Ok(build(state, &e, options))
}

/// Where the forces inset ends, from the drawing's left and top edges (mm).
const INSET_RIGHT: f64 = 43.0;
const INSET_BOTTOM: f64 = 34.0;

/// The viewBox: the intact anatomy with room for labels, fixed while the head moves.
fn view_box(e: &Evaluation) -> [f64; 4] {
    let g = &e.geometry;
    let mut lo = Point::new(f64::INFINITY, f64::INFINITY);
    let mut hi = Point::new(f64::NEG_INFINITY, f64::NEG_INFINITY);
    for poly in [&g.outline_before, &g.phalanx_before] {
        if let Some((a, b)) = poly.bounds() {
            lo = Point::new(lo.x.min(a.x), lo.y.min(a.y));
            hi = Point::new(hi.x.max(b.x), hi.y.max(b.y));
        }
    }
    let (min_x, max_x) = (lo.x - 10.0, hi.x + 10.0);
    let (min_y, max_y) = (-12.0, (hi.y + 16.0).max(74.0));
    [min_x, -max_y, max_x - min_x, max_y - min_y]
}

/// Draws an evaluated state: the head as left, or settled under body weight with `load=1`.
pub fn build(state: &State, e: &Evaluation, options: &SceneOptions) -> Scene {
    build_loaded(state, e, options, if state.load { 1.0 } else { 0.0 })
}

/// Draws an evaluated state with the head `load_fraction` of the way from where it was left
/// (0) to its settled pose under body weight (1): the weight animation's frames.
pub fn build_loaded(
    state: &State,
    e: &Evaluation,
    options: &SceneOptions,
    load_fraction: f64,
) -> Scene {
    let as_left = &e.geometry;
    let load_fraction = if load_fraction.is_finite() {
        load_fraction.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let loaded = load_fraction > 0.0;
    let settled_geometry;
    let g = if loaded {
        settled_geometry = as_left.with_head_moved(
            &e.settled
                .transform_at(as_left.head_centre_after, load_fraction),
        );
        &settled_geometry
    } else {
        as_left
    };
    let o = &e.outcomes;
    // The head's outcomes as drawn: as left, or measured again at the settled pose.
    let drawn_shift = g.head_centre_after - g.head_centre_before;
    let axis_g = Vector::new(
        o.declination_before_deg.to_radians().cos(),
        -o.declination_before_deg.to_radians().sin(),
    );
    let (head_rise_mm, axial_shortening_mm, declination_after_deg) = if loaded {
        (
            drawn_shift.y,
            -drawn_shift.dot(&axis_g),
            crate::model::kinematics::declination_after_rad(
                e.params.anatomy.axis_length_mm,
                o.declination_before_deg.to_radians(),
                drawn_shift.y,
                -drawn_shift.x,
            )
            .to_degrees(),
        )
    } else {
        (
            o.head_rise_mm,
            o.axial_shortening_mm,
            o.declination_after_deg,
        )
    };
    let lang = options.lang;
    // Label sizes (scene.css): larger and bold on the projector.
    let projector = options.theme == Theme::Projector;
    let label_size = if projector { 3.6 } else { 3.0 };
    let dimension_size = if projector { 3.6 } else { 2.8 };
    let deg = |v: f64| deg(lang, v);
    let mm = |v: f64| mm(lang, v);
    let id = |name: &str| format!("{}{name}", options.id_prefix);
    let mut vb = view_box(e);
    // The shortening label, start-anchored right of its dimension line under the head, moves
    // left when it would pass the right edge (fit_left below), but not over the ground force's
    // arrow: a long translation at its longest ("88.8 mm") widens the view instead, once for
    // the whole interaction (the view depends on the intact anatomy, language and theme only).
    let longest_shortening = trf(lang, Msg::SceneShortening, &[("mm", &mm(88.8))]);
    let shortening_room = g.head_lowest_before.x
        + 2.0
        + label_width_mm(&longest_shortening, dimension_size, projector)
        + 1.0;
    vb[2] = vb[2].max(shortening_room - vb[0]);
    // Room for the caption under the drawing: one 4.5 mm line each.
    let caption_top = vb[1] + vb[3];
    vb[3] +=
        options.caption.len() as f64 * 4.5 + if options.caption.is_empty() { 0.0 } else { 2.0 };
    let (left, top, width, height) = (vb[0], -vb[1], vb[2], vb[3]);
    let right = left + width;
    let bottom = top - height;
    let delta = o.declination_before_deg.to_radians();
    let theta = o.cut_to_ground_deg.to_radians();

    // Definitions: bone texture, kerf hatch, clips that keep each cortex inside its fragment.
    let proximal_d = outline_d(&g.proximal);
    // The head fragment is drawn as it was before the motion, moved by a transform: while a
    // slider moves the head, its outline's numbers stay the same (remembered, not rewritten)
    // and only the transform changes.
    let head_before_d = outline_d(&g.head_before);
    let head_motion = svg_matrix(&g.head_transform);
    let defs = Node::new("defs")
        .child(
            Node::new("pattern")
                .attr("id", id("cancellous"))
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
                .attr("id", id("kerf-hatch"))
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
                .attr("id", id("clip-proximal"))
                .child(shape(&proximal_d, "")),
        )
        .child(
            Node::new("clipPath")
                .attr("id", id("clip-head"))
                .child(shape(&head_before_d, "")),
        );

    let mut layers: Vec<Node> = Vec::new();
    layers.push(
        // Oversized, so that a letterboxed standalone file has the theme's background too.
        Node::new("rect")
            .class("background")
            .num("x", left - width)
            .num("y", -top - height)
            .num("width", width * 3.0)
            .num("height", height * 3.0),
    );

    // Ground and soft tissue.
    // The hatch under the ground line: one path of short strokes (not one element each).
    let mut hatch = String::new();
    for i in 0..((width / 4.0) as usize) {
        let x = left + 2.0 + i as f64 * 4.0;
        hatch.push('M');
        node::push_num(&mut hatch, x);
        hatch.push_str(",0l-2,2");
    }
    let ticks = Node::new("path").class("ground-hatch").attr("d", hatch);
    layers.push(
        Node::new("g")
            .class("ground")
            .child(polygon(&g.soft_tissue, "soft-tissue"))
            .child(segment(
                Point::new(left, 0.0),
                Point::new(right, 0.0),
                "ground-line",
            ))
            .child(ticks)
            .child(label(
                Point::new(left + 3.0, -5.5),
                tr(lang, Msg::SceneGround),
                "label label-start muted",
            )),
    );

    // The proximal phalanx moves with the head (the MTP joint is kept).
    layers.push(polygon(&g.phalanx_before, "phalanx").attr("transform", head_motion.clone()));

    // Shaft axis before the osteotomy, extended past the head.
    let axis_dir = Vector::new(delta.cos(), -delta.sin());
    let head_radius = e.params.anatomy.head_radius_mm();
    layers.push(segment(
        g.base_pivot - axis_dir * 4.0,
        g.head_centre_before + axis_dir * (head_radius + 8.0),
        "axis axis-before",
    ));

    // Bone: cancellous fill, then the intact cortex clipped to each fragment, then its edge.
    let outline_before_d = outline_d(&g.outline_before);
    let cancellous_fill = format!("url(#{})", id("cancellous"));
    let bone = Node::new("g")
        .class("bone")
        .child(
            shape(&proximal_d, "fragment fragment-proximal").attr("fill", cancellous_fill.clone()),
        )
        .child(
            shape(&outline_before_d, "cortex")
                .attr("clip-path", format!("url(#{})", id("clip-proximal"))),
        )
        .child(shape(&proximal_d, "fragment-edge"))
        .child(polygon(&g.kerf_strip, "kerf").attr("fill", format!("url(#{})", id("kerf-hatch"))))
        .child(shape(&head_before_d, "ghost"))
        .children(loaded.then(|| {
            shape(&head_before_d, "ghost ghost-as-left")
                .attr("transform", svg_matrix(&as_left.head_transform))
        }))
        .child({
            // The head as it was, the intact cortex clipped to it, its edge: all moved together.
            let mut head = Node::new("g")
                .class("head-fragment")
                .attr("transform", head_motion);
            if options.interactive {
                head = head.attr("data-handle", "head");
            }
            head.child(
                shape(&head_before_d, "fragment fragment-head").attr("fill", cancellous_fill),
            )
            .child(
                Node::new("g")
                    .attr("clip-path", format!("url(#{})", id("clip-head")))
                    .child(shape(&outline_before_d, "cortex")),
            )
            .child(shape(&head_before_d, "fragment-edge"))
        });
    layers.push(bone);

    // The cut: its mid-line extended past the bone, and the contact between the faces.
    let cut = &g.cut_line;
    let (face_a, face_b) = g.proximal_face;
    let (u_a, u_b) = (cut.parameter(&face_a), cut.parameter(&face_b));
    let (u_lo, u_hi) = (u_a.min(u_b), u_a.max(u_b));
    let cut_start = cut.at(u_lo - 7.0);
    let cut_end = cut.at(u_hi + 26.0);
    let mut cut_group = Node::new("g")
        .class("cut")
        .child(segment(cut_start, cut_end, "cut-line"));
    if let Some((a, b)) = g.contact_segment {
        cut_group = cut_group.child(segment(a, b, "contact"));
    }
    layers.push(cut_group);

    // Axis after: from the base pivot to the moved head centre.
    let axis_after = g.head_centre_after - g.base_pivot;
    let axis_after_dir = axis_after.normalize();
    layers.push(segment(
        g.base_pivot - axis_after_dir * 4.0,
        g.head_centre_after + axis_after_dir * (head_radius + 8.0),
        "axis axis-after",
    ));
    layers.push(
        Node::new("circle")
            .class("head-centre")
            .num("cx", g.head_centre_after.x)
            .num("cy", -g.head_centre_after.y)
            .attr("r", "0.8"),
    );

    // Angles where the cut, extended dorsally, is clear of the bone: φ from a parallel to the
    // distal shaft axis, θ from the horizontal (the ground's direction).
    let a = g.axis_crossing;
    let vertex = cut.at(u_hi + 12.0);
    let phi_primary = state.reference == AngleReference::Shaft;
    let (r_phi, r_theta) = (7.0, 11.0);
    let theta_text = trf(lang, Msg::SceneTheta, &[("deg", &deg(o.cut_to_ground_deg))]);
    let phi_text = trf(lang, Msg::ScenePhi, &[("deg", &deg(o.cut_to_shaft_deg))]);
    // The forces inset's caption: one line, or two (split after "R = F + P") when the line
    // would not fit the box (the projector's bold text, a longer language).
    let mu = e.params.loads.friction_mu;
    let inset_caption = trf(lang, Msg::SceneInsetCaption, &[("mu", &fixed(lang, mu, 2))]);
    let caption_size = if projector { 2.2 } else { 2.1 };
    let caption_lines: Vec<String> =
        if label_width_mm(&inset_caption, caption_size, projector) + 2.0 > INSET_RIGHT - 3.0 {
            match inset_caption.split_once(" · ") {
                Some((a, b)) => vec![a.to_string(), b.to_string()],
                None => vec![inset_caption],
            }
        } else {
            vec![inset_caption]
        };
    // Labels right of the arcs, or left of them when they would leave the drawing.
    let near_axial = o.cut_to_shaft_deg < 25.0 || o.cut_to_shaft_deg > 155.0;
    let labels_room = text_width_mm(&theta_text)
        .max(text_width_mm(&phi_text))
        .max(36.0);
    // Above the arcs the labels end at the vertex, unless they would then run into the forces
    // inset (top left) and fit when starting there instead.
    let labels_w = label_width_mm(&theta_text, label_size, projector || !phi_primary).max(
        label_width_mm(&phi_text, label_size, projector || phi_primary),
    );
    let above_reaches_inset = vertex.y + r_theta + 3.0 + 2.0 + label_size > top - INSET_BOTTOM
        && vertex.x - labels_w < left + INSET_RIGHT;
    let (labels_dx, labels_dy, labels_anchor) =
        if !near_axial && vertex.x + r_theta + 4.0 + labels_room.max(labels_w) < right - 1.0 {
            (r_theta + 4.0, 0.0, "label-start")
        } else if above_reaches_inset && vertex.x + 2.5 + labels_w < right - 1.0 {
            (2.5, r_theta + 3.0, "label-start")
        } else {
            (0.0, r_theta + 3.0, "label-end")
        };
    let unit = |angle: f64| Vector::new(angle.cos(), angle.sin());
    let primary = |is: bool, class: &str| {
        if is {
            format!("{class} primary")
        } else {
            class.to_string()
        }
    };
    layers.push(
        Node::new("g")
            .class("angles")
            .child(segment(
                vertex,
                vertex + unit(0.0) * (r_theta + 3.0),
                "reference-line ground-reference",
            ))
            .child(segment(
                vertex,
                vertex + unit(-delta) * (r_theta + 3.0),
                "reference-line axis-reference",
            ))
            .child(arc(
                vertex,
                r_phi,
                -delta,
                theta,
                primary(phi_primary, "angle angle-phi"),
            ))
            .child(arc(
                vertex,
                r_theta,
                0.0,
                theta,
                primary(!phi_primary, "angle angle-theta"),
            ))
            // Colour-keyed labels stacked beside the arcs: θ (to the ground) above φ (to the shaft).
            .child(label(
                vertex + Vector::new(labels_dx, labels_dy + 2.0),
                theta_text,
                primary(
                    !phi_primary,
                    &format!("label {labels_anchor} angle-theta-label"),
                ),
            ))
            .child(label(
                vertex + Vector::new(labels_dx, labels_dy - 2.2),
                phi_text,
                primary(
                    phi_primary,
                    &format!("label {labels_anchor} angle-phi-label"),
                ),
            )),
    );

    // Declination before and after, at the base pivot.
    let pivot = g.base_pivot;
    let delta_after = declination_after_deg.to_radians();
    layers.push(
        Node::new("g")
            .class("declination")
            .child(segment(
                pivot,
                pivot + Vector::new(30.0, 0.0),
                "reference-line",
            ))
            .child(arc(pivot, 22.0, 0.0, -delta, "angle angle-declination"))
            .child(arc(
                pivot,
                27.0,
                0.0,
                -delta_after,
                "angle angle-declination-after",
            ))
            .child(label(
                pivot + Vector::new(3.0, -13.0),
                format!(
                    "δ {} → δ′ {}",
                    deg(o.declination_before_deg),
                    deg(declination_after_deg)
                ),
                "label label-start declination-label",
            )),
    );

    // Dimensions at the head: shortening parallel to the shaft under the tip, head rise
    // (of the head centre) beside it.
    let dorsal = Vector::new(delta.sin(), delta.cos());
    let tip_before = g.head_centre_before + axis_dir * head_radius;
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
        let end = at.x + label_width_mm(text, dimension_size, projector);
        Point::new(at.x - (end - (right - 1.0)).max(0.0), at.y)
    };
    let shortening_text = trf(
        lang,
        Msg::SceneShortening,
        &[("mm", &mm(axial_shortening_mm))],
    );
    let rise_text = trf(lang, Msg::SceneRise, &[("mm", &mm(head_rise_mm))]);
    layers.push(
        Node::new("g")
            .class("dimensions")
            .child(segment(tip_before, dim_before - dorsal, "extension-line"))
            .child(segment(tip_after, dim_after - dorsal, "extension-line"))
            .child(segment(dim_before, dim_after, "dimension-line"))
            .child(label(
                fit_left(
                    (if dim_before.x > dim_after.x {
                        dim_before
                    } else {
                        dim_after
                    }) + axis_dir * 2.0,
                    &shortening_text,
                ),
                shortening_text.clone(),
                "label label-start dimension-label",
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
            .child(label(
                fit_left(
                    Point::new(rise_x + 2.2, (c_before.y + c_after.y) / 2.0),
                    &rise_text,
                ),
                rise_text.clone(),
                "label label-start dimension-label",
            )),
    );

    // Forces on the bone: the ground force at the lowest point of the head, the soft-tissue
    // pull at the head centre, and a marker at the centre of the cut.
    let s = &e.statics;
    let grf_tip = g.head_lowest_after;
    let mut forces = Node::new("g")
        .class("forces")
        .child(arrow(
            grf_tip - s.ground_force * FORCE_SCALE_MM,
            grf_tip,
            "force force-ground",
        ))
        .child(label(
            grf_tip - s.ground_force * (FORCE_SCALE_MM - 2.0) + Vector::new(-2.0, 0.0),
            "F",
            "label force-label",
        ));
    if s.pull.norm() > 1e-9 {
        let from = g.head_centre_after;
        forces = forces
            .child(arrow(
                from,
                from + s.pull * FORCE_SCALE_MM,
                "force force-pull",
            ))
            .child(label(
                from + s.pull * FORCE_SCALE_MM * 0.6 + Vector::new(0.0, 2.4),
                "P",
                "label force-label",
            ));
    }
    forces = forces.child(
        Node::new("circle")
            .class("cut-centre")
            .num("cx", g.cut_centre.x)
            .num("cy", -g.cut_centre.y)
            .attr("r", "0.9"),
    );
    layers.push(forces);

    // Where the load meets the cut, for the head as left: R's line of action from the head
    // centre to its crossing X with the cut, and the tipping lever e from the nearer end of
    // the bone contact to X (so tipping is seen, not read). The group always holds the same
    // elements (`absent` hides those that do not apply), so a step patches it in place and the
    // page's element order never shifts under the keyboard focus.
    {
        let from = as_left.head_centre_after;
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
            trf(lang, Msg::SceneLever, &[("mm", &mm(o.tipping_lever_mm))])
        });
        // Anchored on the side away from the cut line, so the text never crosses it.
        let mid = nalgebra::center(&pivot, &x) + side * (3.0 + dimension_size * 0.6);
        let anchor = if side.x < 0.0 {
            "label-end"
        } else {
            "label-start"
        };
        let shown = |class: &str, present: bool| {
            if present {
                class.to_string()
            } else {
                format!("{class} absent")
            }
        };
        let (has_x, has_lever) = (crossing.is_some(), lever.is_some());
        layers.push(
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
                .child(label(
                    mid,
                    lever_text,
                    shown(
                        &format!("label {anchor} dimension-label lever-label"),
                        has_lever,
                    ),
                )),
        );
    }

    // Under body weight: the head as left is a ghost, and an arrow shows where it went.
    if loaded {
        let (from, to) = (as_left.head_centre_after, g.head_centre_after);
        let moved = (to - from).norm();
        // (Always an arrow, hidden when the head barely moved: the same elements each step.)
        let settle = Node::new("g").class("settle").child(if moved > 0.3 {
            arrow(from, to, "settle-arrow")
        } else {
            arrow(from, from + Vector::new(0.0, 1.0), "settle-arrow absent")
        });
        layers.push(settle);
    }

    // Inset, top left: the forces on the cut, magnified, with the friction cone.
    let inset_w = INSET_RIGHT - 3.0;
    let inset_h = INSET_BOTTOM - 3.0;
    let inset_x = left + 3.0;
    let inset_top = top - 3.0;
    let cone_half = mu.atan();
    let normal_angle = s.normal_ground.y.atan2(s.normal_ground.x);
    // Fit the vectors and the cone in the box, between its title and its caption: at most
    // 10 mm per F, less when they would not fit.
    let unit_extent = |scale: f64| {
        let mut points = vec![
            Vector::zeros(),
            s.resultant * scale,
            s.normal_ground * (s.normal_ratio * scale),
            s.tangent_ground * (s.tangential_ratio * scale),
        ];
        points.extend(
            arc_points(
                Point::origin(),
                scale * 1.35,
                normal_angle - cone_half,
                normal_angle + cone_half,
            )
            .iter()
            .map(|p| p.coords),
        );
        points.iter().fold(
            (
                Vector::repeat(f64::INFINITY),
                Vector::repeat(f64::NEG_INFINITY),
            ),
            |(lo, hi), v| (lo.inf(v), hi.sup(v)),
        )
    };
    // (The region starts 10 mm below the box's top: a label beyond an arrow's tip stays clear
    // of the title.)
    let caption_extra = (caption_lines.len() as f64 - 1.0) * (caption_size + 0.6);
    let (avail_w, avail_h) = (inset_w - 10.0, inset_h - 19.0 - caption_extra);
    let (lo1, hi1) = unit_extent(1.0);
    let size1 = hi1 - lo1;
    let scale = 10f64
        .min(avail_w / size1.x.max(1e-6))
        .min(avail_h / size1.y.max(1e-6));
    let r_vec = s.resultant * scale;
    let n_vec = s.normal_ground * (s.normal_ratio * scale);
    let c = {
        let middle = Point::new(inset_x + inset_w / 2.0, inset_top - 10.0 - avail_h / 2.0);
        middle - (lo1 + hi1) * scale / 2.0
    };
    // N and R labels on opposite sides of the normal: R's side is the side R leans to.
    let label_side = {
        let left = Vector::new(-s.normal_ground.y, s.normal_ground.x);
        if left.dot(&s.resultant) >= 0.0 {
            left
        } else {
            -left
        }
    };
    let mut cone = vec![c];
    cone.extend(arc_points(
        c,
        scale * 1.35,
        normal_angle - cone_half,
        normal_angle + cone_half,
    ));
    // The cut line and the cone stay between the title and the caption (a long cut line would
    // otherwise cross the caption's text).
    let (title_band, caption_band) = (4.5, 5.5 + caption_extra);
    let t_vec = s.tangent_ground * (s.tangential_ratio * scale);
    // R beyond its tip; N beside its tip on the side away from R; T beside its tip on the side
    // of the cut away from R (R = N + T lies on N's side). Each turns aside where a letter
    // placed before it, the title or the caption would be in its way (a reverse cut puts R
    // almost along the cut, next to T).
    let letter_band = (
        inset_top - inset_h + caption_band + 2.0,
        inset_top - title_band - 2.0,
    );
    let r_at = place_letter(c + r_vec, s.resultant, &[], letter_band);
    let n_at = place_letter(
        c + n_vec,
        s.normal_ground * 1.2 - label_side * 2.6,
        &[r_at],
        letter_band,
    );
    let t_at = place_letter(
        c + t_vec,
        s.tangent_ground * (0.25 * s.tangential_ratio.signum()) - s.normal_ground,
        &[r_at, n_at],
        letter_band,
    );
    let inset_clip = Node::new("clipPath").attr("id", id("clip-inset")).child(
        Node::new("rect")
            .num("x", inset_x)
            .num("y", -(inset_top - title_band))
            .num("width", inset_w)
            .num("height", inset_h - title_band - caption_band),
    );
    let inset = Node::new("g")
        .class("inset forces-inset")
        .child(
            Node::new("rect")
                .class("inset-box")
                .num("x", inset_x)
                .num("y", -inset_top)
                .num("width", inset_w)
                .num("height", inset_h)
                .attr("rx", "1.5"),
        )
        .child(label(
            Point::new(inset_x + 2.0, inset_top - 2.6),
            tr(lang, Msg::SceneForcesTitle),
            "label label-start inset-title",
        ))
        .child(
            path(&cone, true, "friction-cone")
                .attr("clip-path", format!("url(#{})", id("clip-inset"))),
        )
        .child(inset_clip)
        .child(
            segment(
                c - s.tangent_ground * 16.0,
                c + s.tangent_ground * 16.0,
                "cut-line",
            )
            .attr("clip-path", format!("url(#{})", id("clip-inset"))),
        )
        .children(inset_mechanics(
            s,
            c,
            (
                Point::new(inset_x + 0.5, inset_top - inset_h + caption_band),
                Point::new(inset_x + inset_w - 0.5, inset_top - title_band),
            ),
            &id("clip-inset"),
        ))
        .child(segment(c + r_vec, c + n_vec, "projection-line"))
        .child(segment(c + r_vec, c + t_vec, "projection-line"))
        .child(arrow(c, c + n_vec, "force force-normal"))
        .child(arrow(c, c + t_vec, "force force-tangential"))
        .child(arrow(c, c + r_vec, "force force-resultant"))
        .child(label(n_at, "N", "label force-label normal-label"))
        .child(label(t_at, "T", "label force-label tangential-label"))
        .child(label(r_at, "R", "label force-label"))
        .children(
            caption_lines
                .into_iter()
                .rev()
                .enumerate()
                .map(|(i, line)| {
                    label(
                        Point::new(
                            inset_x + inset_w / 2.0,
                            inset_top - inset_h + 2.4 + i as f64 * (caption_size + 0.6),
                        ),
                        line,
                        "label inset-caption",
                    )
                }),
        );
    layers.push(inset);

    // Verdict badge, top right.
    let verdict = o.verdict.key();
    let verdict_label = tr(
        lang,
        match o.verdict {
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
        },
    );
    let verdict_detail = if o.verdict == Verdict::NoContact {
        tr(lang, Msg::SceneVerdictDetailNoContact).to_string()
    } else {
        trf(
            lang,
            Msg::SceneVerdictDetail,
            &[
                ("n", &fixed(lang, o.normal_ratio, 2)),
                ("t", &fixed(lang, o.tangential_ratio, 2)),
                ("mu", &fixed(lang, mu, 2)),
            ],
        )
    };
    // At least 46 mm, wider for a longer text (3.6 mm bold, 1.5 mm each side) or detail line
    // (2.3 mm semi-bold on the projector, 2.2 mm otherwise).
    let badge_w = (label_width_mm(verdict_label, 3.6, true) + 3.0)
        .max(
            label_width_mm(
                &verdict_detail,
                if projector { 2.3 } else { 2.2 },
                projector,
            ) + 3.0,
        )
        .max(46.0);
    // Under body weight, a third line says where the head went.
    let settled_line = loaded.then(|| {
        let moved = g.head_centre_after - as_left.head_centre_after;
        trf(
            lang,
            Msg::SceneSettledLine,
            &[
                ("mm", &mm(moved.norm())),
                (
                    "direction",
                    &tr(
                        lang,
                        match crate::model::Direction::of(moved) {
                            crate::model::Direction::Proximal => Msg::SummarySettledProximal,
                            crate::model::Direction::Distal => Msg::SummarySettledDistal,
                            crate::model::Direction::Dorsal => Msg::SummarySettledDorsal,
                            crate::model::Direction::Plantar => Msg::SummarySettledPlantar,
                        },
                    ),
                ),
                ("deg", &fixed(lang, e.settled.tilt_deg() * load_fraction, 1)),
            ],
        )
    });
    let badge_w = match &settled_line {
        Some(line) => {
            badge_w.max(label_width_mm(line, if projector { 2.6 } else { 2.5 }, true) + 3.0)
        }
        None => badge_w,
    };
    let badge_h = if settled_line.is_some() { 15.5 } else { 11.0 };
    let badge = Node::new("g")
        .class(format!("verdict verdict-{verdict}"))
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
        .child(label(
            Point::new(right - badge_w / 2.0 - 3.0, top - 7.2),
            verdict_label,
            "label verdict-text",
        ))
        .child(label(
            Point::new(right - badge_w / 2.0 - 3.0, top - 11.8),
            verdict_detail,
            "label verdict-detail",
        ))
        .children(settled_line.map(|line| {
            label(
                Point::new(right - badge_w / 2.0 - 3.0, top - 15.8),
                line,
                "label verdict-settled",
            )
        }));
    layers.push(badge);

    for (i, line) in options.caption.iter().enumerate() {
        layers.push(
            Node::new("text")
                .class("label label-start caption")
                .num("x", left + 3.0)
                .num("y", caption_top + 3.2 + i as f64 * 4.5)
                .text(line.clone()),
        );
    }

    // Handles: rotate the cut about its axis crossing; slide the head along the cut.
    if options.interactive {
        let handle_at = cut.at(u_hi + 26.0);
        layers.push(
            Node::new("g")
                .class("handles")
                .child(segment(a, handle_at, "handle-stem"))
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
                        .attr("aria-valuetext", format!("φ {}", deg(o.cut_to_shaft_deg))),
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
                        .attr("aria-valuenow", n(e.params.motion.slide_mm))
                        .attr("aria-valuemin", "-15")
                        .attr("aria-valuemax", "15")
                        .attr(
                            "aria-valuetext",
                            trf(
                                lang,
                                Msg::SceneHandleSlideValue,
                                &[("mm", &mm(e.params.motion.slide_mm))],
                            ),
                        ),
                ),
        );
    }

    let _ = bottom;
    let mut root = Node::new("svg")
        .class(format!("scene theme-{}", options.theme.name()))
        .attr("viewBox", view_box_text(&vb))
        // A picture when exported; on the page a group, whose handles (role=slider) stay
        // reachable to assistive technology (role=img would hide them).
        .attr("role", if options.interactive { "group" } else { "img" })
        .attr("aria-labelledby", id("title"));
    if options.standalone {
        root = root
            .attr("xmlns", "http://www.w3.org/2000/svg")
            .attr("width", options.width_px.to_string())
            .attr("height", options.height_px.to_string())
            .child(Node::new("style").text(resolve_style(options.theme)));
    }
    root = root
        .child(Node::new("title").attr("id", id("title")).text(trf(
            lang,
            Msg::SceneTitle,
            &[
                ("ray", &e.params.anatomy.ray.number()),
                ("phi", &deg(o.cut_to_shaft_deg)),
                ("theta", &deg(o.cut_to_ground_deg)),
            ],
        )))
        .child(defs)
        .children(layers);
    Scene { view_box: vb, root }
}

/// The inset's view of where the load meets the cut: the origin `c` of the force vectors is X,
/// where R's line of action crosses the cut; R's line dashed through it and the bone contact
/// [A, B] drawn on the inset's cut line at half scale, so R visibly lands on the contact
/// (held) or beside it (tips).
fn inset_mechanics(
    s: &crate::model::Statics,
    c: Point,
    (box_lo, box_hi): (Point, Point),
    clip: &str,
) -> Vec<Node> {
    let x = s.resultant_crossing;
    let clip = format!("url(#{clip})");
    let absent = |class: &str, present: bool| {
        if present {
            class.to_string()
        } else {
            format!("{class} absent")
        }
    };
    // Cut to the box itself (the clip hides the rest, but the line would still reach out).
    let r = if s.resultant.norm() > 1e-9 {
        s.resultant.normalize()
    } else {
        Vector::zeros()
    };
    let (lo, hi) = (box_lo.coords, box_hi.coords);
    let reach = |dir: Vector| {
        (0..2)
            .map(|k| {
                if dir[k] > 1e-12 {
                    (hi[k] - c.coords[k]) / dir[k]
                } else if dir[k] < -1e-12 {
                    (lo[k] - c.coords[k]) / dir[k]
                } else {
                    f64::INFINITY
                }
            })
            .fold(14.0f64, f64::min)
            .max(0.0)
    };
    let t = s.tangent_ground;
    let contact = x.zip(s.contact).map(|(x, (a, b))| {
        let (ua, ub) = ((a - x).dot(&t), (b - x).dot(&t));
        // Half scale, less when the contact lies far from X (it must stay in the box).
        let scale = 0.5f64.min(9.0 / ua.abs().max(ub.abs()).max(1e-9));
        (ua * scale, ub * scale)
    });
    let (ua, ub) = contact.unwrap_or((0.0, 0.0));
    vec![
        segment(
            c - r * reach(-r),
            c + r * reach(r),
            absent("line-of-action", x.is_some()),
        ),
        segment(
            c + t * ua,
            c + t * ub,
            absent("contact inset-contact", contact.is_some()),
        )
        .attr("clip-path", clip),
        Node::new("circle")
            .class(absent("resultant-crossing", x.is_some()))
            .num("cx", c.x)
            .num("cy", -c.y)
            .attr("r", "0.7"),
    ]
}

/// Where a one-letter label goes near an arrow's `tip`: 2.8 mm away in the `preferred`
/// direction, else turned by 45° steps either way until the letter clears the letters already
/// `placed` and its centre stays within `band` (lowest, highest y). Letters are taken at the
/// projector theme's size (the largest).
fn place_letter(tip: Point, preferred: Vector, placed: &[Point], band: (f64, f64)) -> Point {
    let start = preferred.y.atan2(preferred.x);
    let at = |turns: f64| {
        let (sin, cos) = (start + turns * std::f64::consts::FRAC_PI_4).sin_cos();
        tip + Vector::new(cos, sin) * 2.8
    };
    for turns in [0.0, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0, 4.0] {
        let p = at(turns);
        let clear = placed
            .iter()
            .all(|q| (p.x - q.x).abs() >= 2.8 || (p.y - q.y).abs() >= 3.4);
        if clear && p.y >= band.0 && p.y <= band.1 {
            return p;
        }
    }
    at(0.0)
}
