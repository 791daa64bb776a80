//! Projector-grade layout of the single-ray drawing, checked over the whole grid of what a
//! lecturer can choose: every preset (and the mechanics issue's states: a cut moved proximally,
//! the head under body weight) on every ray, in every theme's text sizes, language and text
//! size. Every text lies inside the figure, inside its box (the verdict badge, the forces
//! inset), and overlaps no other text and no thick line (the ground line and its hatching,
//! the bone contact, the arrows of the ground force and the soft-tissue pull).
//!
//! Texts are measured from the scene itself: each carries its position, anchor and size, and
//! its width is the scene's own estimate (`label_width_mm`, bold where scene.css makes it so).
#![cfg(not(target_arch = "wasm32"))]

use osteoviz::model::{evaluate, Ray};
use osteoviz::scene::{self, label_width_mm, Node, SceneOptions};
use osteoviz::state::view::{Lang, Theme, SCALES};
use osteoviz::state::{parse_query, Preset, State};

/// A text's box, in SVG coordinates (mm, y down).
#[derive(Debug, Clone)]
struct TextBox {
    text: String,
    class: String,
    /// The box the text must stay inside, if any: `verdict-box` or `inset-box`.
    container: Option<&'static str>,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl TextBox {
    fn overlaps(&self, other: &TextBox, slack: f64) -> bool {
        self.x0 + slack < other.x1
            && other.x0 + slack < self.x1
            && self.y0 + slack < other.y1
            && other.y0 + slack < self.y1
    }
}

fn num(node: &Node, name: &str) -> Option<f64> {
    node.get(name).and_then(|v| v.parse::<f64>().ok())
}

/// The rectangles (x0, y0, x1, y1) and texts of a drawing, skipping what is hidden (`absent`).
/// A thick line (SVG coordinates) and its name.
type Line = (String, [f64; 4]);

/// Whether the segment `[x1, y1, x2, y2]` passes through the box (sampled every 0.1 mm).
fn crosses(t: &TextBox, [x1, y1, x2, y2]: [f64; 4], slack: f64) -> bool {
    let steps = (((x2 - x1).hypot(y2 - y1)) / 0.1).ceil().max(1.0) as usize;
    (0..=steps).any(|i| {
        let f = i as f64 / steps as f64;
        let (x, y) = (x1 + (x2 - x1) * f, y1 + (y2 - y1) * f);
        x > t.x0 + slack && x < t.x1 - slack && y > t.y0 + slack && y < t.y1 - slack
    })
}

fn collect(
    node: &Node,
    projector: bool,
    container: Option<&'static str>,
    texts: &mut Vec<TextBox>,
    boxes: &mut Vec<(&'static str, [f64; 4])>,
    lines: &mut Vec<Line>,
) {
    let class = node.get("class").map(|c| c.to_string()).unwrap_or_default();
    if class.split(' ').any(|c| c == "absent") {
        return;
    }
    let container = if class.contains("forces-inset") {
        Some("inset-box")
    } else if class.split(' ').any(|c| c == "verdict") {
        Some("verdict-box")
    } else {
        container
    };
    if node.tag == "rect" {
        for name in ["inset-box", "verdict-box"] {
            if class.split(' ').any(|c| c == name) {
                let (x, y) = (num(node, "x").unwrap(), num(node, "y").unwrap());
                let (w, h) = (num(node, "width").unwrap(), num(node, "height").unwrap());
                boxes.push((name, [x, y, x + w, y + h]));
            }
        }
    }
    if node.tag == "line" && container.is_none() {
        let thick = ["ground-line", "contact", "shaft"]
            .iter()
            .any(|c| class.split(' ').any(|k| k == *c));
        if thick {
            let at = |k: &str| num(node, k).unwrap();
            lines.push((class.clone(), [at("x1"), at("y1"), at("x2"), at("y2")]));
            if class.split(' ').any(|k| k == "ground-line") {
                // The hatching under it, 2 mm deep.
                lines.push((
                    "ground-hatch".into(),
                    [at("x1"), at("y1") + 1.5, at("x2"), at("y2") + 1.5],
                ));
            }
        }
    }
    if node.tag == "text" {
        let text = node.text.clone().unwrap_or_default();
        let (x, y) = (num(node, "x").unwrap(), num(node, "y").unwrap());
        let size = num(node, "font-size")
            .unwrap_or_else(|| panic!("the text {text:?} ({class}) carries no font-size"));
        // Bold (scene.css): every label on the projector, and these classes in every theme.
        let bold = projector
            || [
                "primary",
                "force-label",
                "verdict-text",
                "lever-label",
                "verdict-settled",
                "inset-title",
            ]
            .iter()
            .any(|b| class.split(' ').any(|c| c == *b));
        let width = label_width_mm(&text, size, bold);
        let (x0, x1) = if class.split(' ').any(|c| c == "label-start") {
            (x, x + width)
        } else if class.split(' ').any(|c| c == "label-end") {
            (x - width, x)
        } else {
            (x - width / 2.0, x + width / 2.0)
        };
        // Centred on its y (dominant-baseline: middle): capitals and descenders within ±0.5 em.
        texts.push(TextBox {
            text,
            class,
            container,
            x0,
            y0: y - 0.5 * size,
            x1,
            y1: y + 0.5 * size,
        });
    }
    for child in &node.children {
        collect(child, projector, container, texts, boxes, lines);
    }
}

/// What is wrong with one drawing's layout, one line each.
fn problems(state: &State, options: &SceneOptions) -> Vec<String> {
    let e = evaluate(&state.to_params()).expect("the state evaluates");
    let drawing = scene::build(state, &e, options);
    let [vx, vy, vw, vh] = drawing.view_box;
    let (mut texts, mut boxes, mut lines) = (Vec::new(), Vec::new(), Vec::new());
    let projector = options.theme == Theme::Projector;
    collect(
        &drawing.root,
        projector,
        None,
        &mut texts,
        &mut boxes,
        &mut lines,
    );
    let mut found = Vec::new();
    let inside = |t: &TextBox, [x0, y0, x1, y1]: [f64; 4], slack: f64| {
        t.x0 >= x0 - slack && t.x1 <= x1 + slack && t.y0 >= y0 - slack && t.y1 <= y1 + slack
    };
    for t in &texts {
        if !inside(t, [vx, vy, vx + vw, vy + vh], 0.3) {
            found.push(format!("{:?} ({}) leaves the figure", t.text, t.class));
        }
        if let Some(name) = t.container {
            let rect = boxes.iter().find(|(n, _)| *n == name).map(|(_, r)| *r);
            match rect {
                Some(r) if inside(t, r, 0.3) => {}
                Some(_) => found.push(format!("{:?} ({}) leaves its {name}", t.text, t.class)),
                None => found.push(format!("{:?} ({}) has no {name}", t.text, t.class)),
            }
        }
    }
    for t in &texts {
        for (name, segment) in &lines {
            if crosses(t, *segment, 0.0) {
                found.push(format!("{:?} ({}) lies on the {name}", t.text, t.class));
            }
        }
    }
    // The inset and the badge do not overlap each other either.
    for (i, (a_name, a)) in boxes.iter().enumerate() {
        for (b_name, b) in &boxes[i + 1..] {
            if a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3] {
                found.push(format!("the {a_name} overlaps the {b_name}"));
            }
        }
    }
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            if a.overlaps(b, 0.3) {
                found.push(format!(
                    "{:?} ({}) overlaps {:?} ({})",
                    a.text, a.class, b.text, b.class
                ));
            }
        }
    }
    found
}

/// The states of the grid: every preset, a DMMO and a vertical cut moved proximally (a long
/// tipping lever), each as left and under body weight.
fn states(ray: Ray) -> Vec<(String, State)> {
    let mut queries: Vec<String> = Preset::ALL
        .iter()
        .map(|p| format!("preset={}", p.name()))
        .collect();
    queries.push("preset=dmmo&at=30".into());
    queries.push("preset=vertical&at=30".into());
    queries.push("preset=perpendicular&slide=3".into());
    let mut out = Vec::new();
    for q in queries {
        for load in ["", "&load=1"] {
            let query = format!("{q}&ray={}{load}", ray.number());
            let parsed = parse_query(&query);
            assert!(parsed.notices.is_empty(), "{query}: {:?}", parsed.notices);
            out.push((query, parsed.state));
        }
    }
    out
}

/// `LAYOUT_REPORT=/tmp/layout.txt cargo test --test layout` lists every problem it finds.
#[test]
fn every_text_fits_its_figure_and_box_and_overlaps_no_other_text() {
    let mut failures = Vec::new();
    let mut drawings = 0;
    for ray in Ray::ALL {
        for (query, state) in states(ray) {
            // Dark has the light theme's text sizes.
            for theme in [Theme::Light, Theme::Projector] {
                for lang in Lang::ALL {
                    // With the forces inset's key (the default) and without it (`legend=0`).
                    for (scale, legend) in SCALES.into_iter().flat_map(|s| [(s, true), (s, false)])
                    {
                        let options = SceneOptions {
                            theme,
                            lang,
                            text_scale: scale,
                            legend,
                            ..Default::default()
                        };
                        drawings += 1;
                        for p in problems(&state, &options) {
                            failures.push(format!(
                                "{query}&theme={}&lang={}&scale={scale}&legend={}: {p}",
                                theme.name(),
                                lang.code(),
                                u8::from(legend)
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(drawings > 1000, "{drawings} drawings");
    // LAYOUT_REPORT=path writes every problem found, one a line.
    if let Ok(path) = std::env::var("LAYOUT_REPORT") {
        std::fs::write(path, failures.join("\n")).expect("the report is written");
    }
    assert!(
        failures.is_empty(),
        "{} problems in {drawings} drawings, the first:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// An exported figure's caption (the summary sentence and a line of readouts, as the page's
/// export writes them) wraps to the figure's width in every language, theme and text size.
#[test]
fn an_exported_caption_wraps_to_the_figure() {
    let mut failures = Vec::new();
    for preset in Preset::ALL {
        let state = parse_query(&format!("preset={}&load=1", preset.name())).state;
        let e = evaluate(&state.to_params()).unwrap();
        for theme in [Theme::Light, Theme::Projector] {
            for lang in Lang::ALL {
                for scale in SCALES {
                    let options = SceneOptions {
                        standalone: true,
                        interactive: false,
                        theme,
                        lang,
                        text_scale: scale,
                        caption: vec![
                            osteoviz::state::readouts::summary_in(&state, &e, lang),
                            "φ 45.0° · θ 30.0° · rise 2.3 mm · shortening 1.8 mm · δ′ 13.5° · \
                             contact 6.2 mm · the head tips into dorsiflexion"
                                .into(),
                        ],
                        ..Default::default()
                    };
                    let drawing = scene::build(&state, &e, &options);
                    let lines = drawing
                        .root
                        .children
                        .iter()
                        .filter(|n| n.is("class", "label label-start caption"))
                        .count();
                    if lines < 3 {
                        failures.push(format!("{} {lang:?} {scale}: {lines} lines", preset.name()));
                    }
                    for p in problems(&state, &options) {
                        failures.push(format!(
                            "{}&theme={}&lang={}&scale={scale} with a caption: {p}",
                            preset.name(),
                            theme.name(),
                            lang.code()
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_labels_grow_with_the_text_size_and_the_figure_makes_room() {
    let state = parse_query("preset=dmmo").state;
    let e = evaluate(&state.to_params()).unwrap();
    let build = |text_scale: f64| {
        scene::build(
            &state,
            &e,
            &SceneOptions {
                text_scale,
                ..Default::default()
            },
        )
    };
    let (normal, large) = (build(1.0), build(2.0));
    let sizes = |s: &scene::Scene| {
        let (mut texts, mut boxes, mut lines) = (Vec::new(), Vec::new(), Vec::new());
        collect(&s.root, false, None, &mut texts, &mut boxes, &mut lines);
        texts.iter().map(|t| t.y1 - t.y0).fold(0.0f64, f64::max)
    };
    approx::assert_relative_eq!(sizes(&large) / sizes(&normal), 1.5, epsilon = 0.01);
    assert!(large.view_box[3] > normal.view_box[3] + 15.0);
}
