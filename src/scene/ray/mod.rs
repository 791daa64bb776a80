//! The single-ray drawing: one lesser metatarsal in the sagittal plane, its osteotomy and the
//! head's motion, what is measured on it, the forces at the cut and the verdict. A [`Layout`]
//! is computed once per drawing (the geometry as drawn, the view box, label sizes, ids); each
//! layer is a function of it, and [`build_loaded`] stacks them in the page's order: anatomy
//! ([`anatomy`]), measures ([`measures`]), forces ([`forces`], [`inset`]), then what lies over
//! the drawing ([`overlays`]).
//!
//! It may import the model, the state and the scene's toolkit ([`super::draw`]), never `ui`.

mod anatomy;
mod forces;
mod inset;
mod layout;
mod measures;
mod overlays;

use super::draw::{svg_matrix, view_box_text};
use super::{resolve_style, Node, Scene, SceneOptions};
use crate::model::Evaluation;
use crate::state::i18n::{trf, Msg};
use crate::state::State;
use layout::Layout;

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
    let l = Layout::new(state, e, options, load_fraction);
    // The head fragment and the phalanx are drawn as they were before the motion, moved by
    // this transform (the layout's `head_before_d`).
    let head_motion = svg_matrix(&l.g().head_transform);
    let defs = anatomy::defs(&l);
    // Texts are placed in order of how little room they have to move: the boxes and the
    // labels tied to a point first, then those that can go elsewhere (the angle labels, the
    // lever's), each clear of those placed before it ([`Layout::place`]).
    let inset = inset::forces_inset(&l);
    let badge = overlays::verdict_badge(&l);
    let ground = anatomy::ground(&l);
    let cut = anatomy::cut(&l);
    let forces = forces::forces(&l);
    let dimensions = measures::dimensions(&l);
    let declination = measures::declination(&l);
    let angles = measures::angles(&l);
    let mechanics = forces::mechanics(&l);
    // Back to front, in the page's element order.
    let mut layers = vec![
        anatomy::background(&l),
        ground,
        anatomy::phalanx(&l, head_motion.clone()),
        anatomy::axis_before(&l),
        anatomy::bone(&l, head_motion),
        cut,
        anatomy::axis_after(&l),
        anatomy::head_centre(&l),
        angles,
        declination,
        dimensions,
        forces,
        mechanics,
    ];
    if l.loaded {
        layers.push(forces::settle(&l));
    }
    layers.push(inset);
    layers.push(badge);
    layers.extend(overlays::captions(&l));
    if options.interactive {
        layers.push(overlays::handles(&l));
    }
    Scene {
        view_box: l.vb,
        root: root(&l, defs, layers),
    }
}

/// The `<svg>` element: the title, the definitions, then the layers.
fn root(l: &Layout, defs: Node, layers: Vec<Node>) -> Node {
    let (options, o) = (l.options, &l.e.outcomes);
    let mut root = Node::new("svg")
        .class(format!("scene theme-{}", options.theme.name()))
        .attr("viewBox", view_box_text(&l.vb))
        // A picture when exported; on the page a group, whose handles (role=slider) stay
        // reachable to assistive technology (role=img would hide them).
        .attr("role", if options.interactive { "group" } else { "img" })
        .attr("aria-labelledby", l.id("title"));
    if options.standalone {
        root = root
            .attr("xmlns", "http://www.w3.org/2000/svg")
            .attr("width", options.width_px.to_string())
            .attr("height", options.height_px.to_string())
            .child(Node::new("style").text(match &options.stylesheet {
                Some(css) => super::style::resolve_sheet(css, options.theme),
                None => resolve_style(options.theme),
            }));
    }
    root.child(Node::new("title").attr("id", l.id("title")).text(trf(
        l.lang,
        Msg::SceneTitle,
        &[
            ("ray", &l.e.params.anatomy.ray.number()),
            ("phi", &l.deg(o.cut_to_shaft_deg)),
            ("theta", &l.deg(o.cut_to_ground_deg)),
        ],
    )))
    .child(defs)
    .children(layers)
}
