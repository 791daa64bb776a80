//! The scene: from a state and its evaluation to drawable shapes, each with a semantic class.
//!
//! Coordinates are the model's ground frame G in millimetres, written to SVG with y flipped
//! (SVG's y points down), so the `viewBox` is in millimetres and the drawing is crisp at any
//! size. The page renders [`Scene::root`] through Yew; exports and the CLI write it as text
//! with [`Scene::to_svg`]: one drawing for both.
//!
//! This file holds the scene's types and entry points; the drawing toolkit is `draw`, the
//! single-ray drawing's layers are in `ray`, the forefoot plan's drawings in [`plan`]. The
//! scene may import `state` and `model`, never `ui`.

#[cfg(feature = "compare")]
pub mod compare;
mod draw;
pub mod node;
pub mod plan;
mod ray;
pub mod style;

pub use draw::label_width_mm;
pub use node::Node;
pub use ray::{build, build_loaded};
pub use style::resolve_style;

use crate::model::{evaluate, ModelError, Ray};
use crate::state::view::{Lang, Theme};
use crate::state::State;

/// The drawing's stylesheet (`src/scene/scene.css`, which the page links): standalone files
/// embed it flattened for their theme ([`resolve_style`]). Carried without its comments and
/// extra white space (build.rs): the same rules, fewer bytes in the page's WebAssembly.
#[cfg(feature = "embedded-style")]
pub const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/scene.compact.css"));

/// Without `embedded-style` (the single-ray page's bundle, 1.5 kB gzip lighter) a standalone
/// file's style comes from the copy the page loaded ([`SceneOptions::stylesheet`]).
#[cfg(not(feature = "embedded-style"))]
pub const STYLE: &str = "";

/// How to build a scene: the single-ray drawing ([`build`], [`render`]) or a forefoot plan's
/// ([`plan::top_view`], [`plan::arch_view`], [`plan::plan_figure`]). A field one of them has
/// no use for is left at its default.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneOptions {
    /// Prefix for element ids (title, clip paths, patterns), unique per page.
    pub id_prefix: String,
    /// A self-contained SVG file: namespace, size and style. The single ray's style is that of
    /// its theme, flattened ([`resolve_style`]) so that renderers without CSS variables draw
    /// it too; a plan view's is both stylesheets as written (browsers draw it).
    pub standalone: bool,
    /// Draw the single ray's drag handles (the page), or not (exports).
    pub interactive: bool,
    /// Pixel size for a standalone file (a plan view's height follows its aspect), and of the
    /// plan's whole figure.
    pub width_px: u32,
    /// Pixel height for a standalone file.
    pub height_px: u32,
    /// Theme (the class `theme-NAME` on the root).
    pub theme: Theme,
    /// Lines written under the single ray's drawing (an exported figure's caption).
    pub caption: Vec<String>,
    /// Language of the labels, the title and the handles' names.
    pub lang: Lang,
    /// The plan's edited ray, highlighted in its views.
    pub selected: Option<Ray>,
    /// The page's text size (`scale=`, 1 = normal): the single ray's labels grow with it (less
    /// than the page's text: the drawing grows with its frame) and its layout makes room.
    pub text_scale: f64,
    /// The drawing's stylesheet as the page loaded it, for a standalone single-ray file: `None`
    /// uses [`STYLE`] (empty in a bundle without `embedded-style`).
    pub stylesheet: Option<std::rc::Rc<str>>,
    /// The forces inset's key (`legend=`, on by default): what F, P, R, the cone, N and T are.
    pub legend: bool,
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
            selected: None,
            text_scale: 1.0,
            stylesheet: None,
            legend: true,
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
