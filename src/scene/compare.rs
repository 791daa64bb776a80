//! Two single-ray drawings side by side on one scale (`compare=`): each drawn over the union of
//! their view boxes, so a millimetre is as long in both; the page puts the two `svg.scene`
//! beside each other, a standalone file ([`side_by_side`]) nests them under a title each.
//!
//! It may import the scene's toolkit and style; never `ui`.

use super::draw::{sized_label, view_box_text};
use super::{resolve_style, Node, Scene, SceneOptions};
use crate::model::Point;

/// The smallest view box holding both.
pub fn common_view_box(a: &[f64; 4], b: &[f64; 4]) -> [f64; 4] {
    let (x0, y0) = (a[0].min(b[0]), a[1].min(b[1]));
    let (x1, y1) = (
        (a[0] + a[2]).max(b[0] + b[2]),
        (a[1] + a[3]).max(b[1] + b[3]),
    );
    [x0, y0, x1 - x0, y1 - y0]
}

/// `scene` drawn over `view_box` (which holds its own): the same drawing, on another's scale.
pub fn with_view_box(mut scene: Scene, view_box: [f64; 4]) -> Scene {
    let text = view_box_text(&view_box);
    for (name, value) in scene.root.attrs.iter_mut() {
        if *name == "viewBox" {
            *value = text.clone().into();
        }
    }
    scene.view_box = view_box;
    scene
}

/// Space between the two drawings, and the band above them for their titles (mm).
const GAP_MM: f64 = 6.0;
const TITLE_BAND_MM: f64 = 9.0;

/// One standalone file (`options`: size, theme) with `a` and `b` side by side on one scale,
/// each under its title. Both must be built without `standalone`, with distinct id prefixes.
pub fn side_by_side(a: Scene, b: Scene, titles: [&str; 2], options: &SceneOptions) -> Scene {
    let vb = common_view_box(&a.view_box, &b.view_box);
    let (w, h) = (vb[2], vb[3]);
    let total = [0.0, 0.0, 2.0 * w + GAP_MM, h + TITLE_BAND_MM];
    let title_size = 5.0 * crate::numtext::clamp(options.text_scale, 0.85, 1.6);
    let mut root = Node::new("svg")
        .class(format!("scene theme-{}", options.theme.name()))
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .attr("width", options.width_px.to_string())
        .attr("height", options.height_px.to_string())
        .attr("viewBox", view_box_text(&total))
        .attr("role", "img")
        .child(Node::new("style").text(resolve_style(options.theme)))
        .child(Node::new("title").text(format!("{} | {}", titles[0], titles[1])))
        .child(
            Node::new("rect")
                .class("background")
                .num("width", total[2])
                .num("height", total[3]),
        );
    for (i, (scene, title)) in [a, b].into_iter().zip(titles).enumerate() {
        let x = i as f64 * (w + GAP_MM);
        let mut inner = with_view_box(scene, vb).root;
        inner
            .attrs
            .retain(|(name, _)| !matches!(*name, "role" | "aria-labelledby"));
        root = root
            .child(sized_label(
                Point::new(x + w / 2.0, TITLE_BAND_MM * 0.72),
                title,
                "label compare-title",
                title_size,
            ))
            .child(
                inner
                    .num("x", x)
                    .num("y", TITLE_BAND_MM)
                    .num("width", w)
                    .num("height", h),
            );
    }
    Scene {
        view_box: total,
        root,
    }
}
