//! The scene as an SVG file: snapshots of every preset (`tests/snapshots/`), and what any
//! drawing must hold whatever it looks like: valid XML, a millimetre viewBox, every semantic
//! class, the verdict, handles only when interactive, finite numbers everywhere.
//!
//! Snapshots are the exact `Scene::to_svg()` text with a line break between adjacent tags
//! (`><`), so that a change shows as a readable diff, and the embedded stylesheet's text left
//! out: it is `scene::resolve_style(theme)` (asserted below, and tested in `scene::style`), so
//! a change of colour or stroke in scene.css does not churn every snapshot. To accept a
//! deliberate change of the drawing: `INSTA_UPDATE=always cargo test --test scene`, then
//! review `git diff tests/snapshots`.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::assert_close;
use osteoviz::model::{evaluate, Ray};
use osteoviz::scene::{self, Scene, SceneOptions};
use osteoviz::state::view::{Lang, Theme};
use osteoviz::state::{parse_query, Preset, State};

fn export() -> SceneOptions {
    SceneOptions {
        standalone: true,
        interactive: false,
        ..Default::default()
    }
}

fn state(query: &str) -> State {
    let parsed = parse_query(query);
    assert!(parsed.notices.is_empty(), "{query}: {:?}", parsed.notices);
    parsed.state
}

fn draw(query: &str, options: &SceneOptions) -> Scene {
    scene::render(&state(query), options).unwrap_or_else(|e| panic!("{query}: {e}"))
}

/// The snapshot text: the SVG, one tag a line, with the stylesheet's text elided.
fn lines(svg: &str) -> String {
    let svg = match (svg.find("<style>"), svg.find("</style>")) {
        (Some(start), Some(end)) => format!(
            "{}<style>/* resolve_style(theme) */{}",
            &svg[..start],
            &svg[end..]
        ),
        _ => svg.to_string(),
    };
    svg.replace("><", ">\n<")
}

/// The cases every test covers: each preset on ray 2, the DMMO on rays 3 and 4, the ground
/// reference, and the projector and dark themes.
fn cases() -> Vec<(String, String, SceneOptions)> {
    let mut out: Vec<(String, String, SceneOptions)> = Preset::ALL
        .into_iter()
        .map(|p| {
            (
                format!("{}_ray2", p.name()),
                format!("preset={}&ray=2", p.name()),
                export(),
            )
        })
        .collect();
    for ray in [3, 4] {
        out.push((
            format!("dmmo_ray{ray}"),
            format!("preset=dmmo&ray={ray}"),
            export(),
        ));
    }
    out.push((
        "dmmo_ref_ground".into(),
        "preset=dmmo&ref=ground".into(),
        export(),
    ));
    for (name, query) in [
        ("dmmo_load", "preset=dmmo&load=1"),
        ("dmmo_open_kerf_load", "preset=dmmo&close=0&load=1"),
    ] {
        out.push((name.into(), query.into(), export()));
    }
    for theme in [Theme::Projector, Theme::Dark] {
        out.push((
            format!("dmmo_theme_{}", theme.name()),
            "preset=dmmo".into(),
            SceneOptions { theme, ..export() },
        ));
    }
    out
}

#[test]
fn snapshots_of_every_case() {
    for (name, query, options) in cases() {
        let svg = draw(&query, &options).to_svg();
        insta::assert_snapshot!(name.as_str(), lines(&svg), query.as_str());
    }
}

fn classes<'a>(node: &roxmltree::Node<'a, 'a>) -> impl Iterator<Item = &'a str> {
    node.attribute("class").unwrap_or("").split_whitespace()
}

fn with_class<'a>(doc: &'a roxmltree::Document<'a>, class: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.is_element() && classes(n).any(|c| c == class))
        .collect()
}

fn numbers(text: &str) -> Vec<f64> {
    text.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == 'e'))
        .filter(|t| !t.is_empty() && *t != "e")
        .map(|t| {
            t.parse::<f64>()
                .unwrap_or_else(|_| panic!("{t:?} in {text:?} is not a number"))
        })
        .collect()
}

/// Every geometric attribute parses as a finite number; no `NaN` or `inf` anywhere.
fn assert_finite(svg: &str, what: &str) {
    assert!(!svg.contains("NaN"), "{what}: NaN in the SVG");
    assert!(!svg.contains("inf"), "{what}: inf in the SVG");
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{what}: {e}"));
    for node in doc.descendants().filter(|n| n.is_element()) {
        for attr in node.attributes() {
            let value = attr.value();
            match attr.name() {
                "x" | "y" | "x1" | "y1" | "x2" | "y2" | "cx" | "cy" | "r" | "rx" | "width"
                | "height" | "aria-valuenow" => {
                    let v: f64 = value
                        .parse()
                        .unwrap_or_else(|_| panic!("{what}: {}={value:?}", attr.name()));
                    assert!(v.is_finite(), "{what}: {}={value}", attr.name());
                }
                "d" | "viewBox" => {
                    assert!(
                        numbers(value).iter().all(|v| v.is_finite()),
                        "{what}: {}={value}",
                        attr.name()
                    );
                }
                _ => {}
            }
        }
    }
}

const CLASSES: [&str; 13] = [
    "cut-line",
    "fragment-proximal",
    "fragment-head",
    "ghost",
    "kerf",
    "axis-before",
    "axis-after",
    "angle-phi",
    "angle-theta",
    "force-ground",
    "friction-cone",
    "dimension-line",
    "verdict",
];

#[test]
fn every_case_is_a_complete_svg_file() {
    for (name, query, options) in cases() {
        let scene = draw(&query, &options);
        let svg = scene.to_svg();
        assert_finite(&svg, &name);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg", "{name}");
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.w3.org/2000/svg")
        );
        assert_eq!(root.attribute("width"), Some("1920"), "{name}");
        assert_eq!(root.attribute("height"), Some("1080"), "{name}");
        assert!(
            classes(&root).any(|c| c == format!("theme-{}", options.theme.name())),
            "{name}"
        );

        // A viewBox in millimetres: a metatarsal with room for the labels, not pixels.
        let vb = numbers(root.attribute("viewBox").expect("a viewBox"));
        assert_eq!(vb.len(), 4, "{name}: {vb:?}");
        assert!(vb[2] > 0.0 && vb[3] > 0.0, "{name}: {vb:?}");
        assert!(
            (60.0..300.0).contains(&vb[2]) && (40.0..200.0).contains(&vb[3]),
            "{name}: {vb:?} is not a millimetre box"
        );
        for (a, b) in vb.iter().zip(scene.view_box) {
            assert_close(
                *a,
                b,
                0.005,
                &format!("{name}: {vb:?} vs {:?}", scene.view_box),
            );
        }

        // The embedded style is flat: any SVG renderer draws the file as the page does.
        let style = doc
            .descendants()
            .find(|n| n.has_tag_name("style"))
            .and_then(|n| n.text())
            .expect("an embedded style");
        assert!(
            !style.contains("var(") && !style.contains("calc("),
            "{name}"
        );
        assert_eq!(style, scene::resolve_style(options.theme));

        for class in CLASSES {
            assert!(!with_class(&doc, class).is_empty(), "{name}: no .{class}");
        }
        let expected = evaluate(&state(&query).to_params())
            .unwrap()
            .outcomes
            .verdict
            .key();
        let verdicts = with_class(&doc, "verdict");
        assert_eq!(verdicts.len(), 1, "{name}");
        assert_eq!(
            verdicts[0].attribute("data-verdict"),
            Some(expected),
            "{name}"
        );
        assert!(classes(&verdicts[0]).any(|c| c == format!("verdict-{expected}")));

        // An export has no handles.
        assert!(
            doc.descendants()
                .all(|n| n.attribute("data-handle").is_none() && n.attribute("tabindex").is_none()),
            "{name}: an export has handles"
        );
    }
}

#[test]
fn the_interactive_scene_has_focusable_handles() {
    for preset in Preset::ALL {
        let scene = scene::render(&preset.state(Ray::M2), &SceneOptions::default()).unwrap();
        let svg = scene.to_svg();
        assert!(!svg.starts_with("<?xml"), "the page's scene is not a file");
        let doc = roxmltree::Document::parse(&svg).unwrap();
        assert!(doc.descendants().all(|n| !n.has_tag_name("style")));
        for handle in ["cut", "slide"] {
            let found: Vec<_> = doc
                .descendants()
                .filter(|n| n.attribute("data-handle") == Some(handle))
                .collect();
            assert_eq!(found.len(), 1, "{}: handle {handle}", preset.name());
            assert_eq!(found[0].attribute("tabindex"), Some("0"));
            assert_eq!(found[0].attribute("role"), Some("slider"));
            assert!(found[0].attribute("aria-label").is_some());
        }
    }
}

fn cut_line(query: &str) -> [f64; 4] {
    let svg = draw(query, &export()).to_svg();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    // The first .cut-line is the main drawing's (the inset has its own).
    let line = with_class(&doc, "cut-line")[0];
    ["x1", "y1", "x2", "y2"].map(|a| line.attribute(a).unwrap().parse().unwrap())
}

#[test]
fn the_cut_line_follows_the_cut_angle() {
    let at_45 = cut_line("preset=dmmo&cut=45");
    let at_60 = cut_line("preset=dmmo&cut=60");
    assert_ne!(at_45, at_60);
    // 45° to the shaft of 15° declination is 30° to the ground (SVG's y points down).
    let slope = |l: [f64; 4]| (-(l[3] - l[1])).atan2(l[2] - l[0]).to_degrees();
    assert_close(slope(at_45), 30.0, 0.2, "the cut line at 45° to the shaft");
    assert_close(slope(at_60), 45.0, 0.2, "the cut line at 60° to the shaft");
}

#[test]
fn no_state_draws_a_non_finite_number() {
    let mut drawn = 0;
    for preset in Preset::ALL {
        for cut in [
            0.0, 10.0, 30.0, 45.0, 60.0, 89.5, 90.0, 120.0, 135.0, 165.0, 180.0,
        ] {
            for slide in [-15.0, -7.5, -1.0, 0.0, 2.5, 7.5, 15.0] {
                let query = format!("preset={}&cut={cut}&slide={slide}", preset.name());
                let parsed = parse_query(&query);
                let Ok(e) = evaluate(&parsed.state.to_params()) else {
                    continue;
                };
                // The outcomes are finite (serde_json writes a NaN or an infinity as null).
                let outcomes = serde_json::to_value(e.outcomes).unwrap();
                assert!(
                    outcomes.as_object().unwrap().values().all(|v| !v.is_null()),
                    "{query}: {outcomes}"
                );
                for interactive in [false, true] {
                    let options = SceneOptions {
                        interactive,
                        ..export()
                    };
                    let svg = scene::build(&parsed.state, &e, &options).to_svg();
                    assert_finite(&svg, &query);
                }
                drawn += 1;
            }
        }
    }
    assert!(
        drawn >= 6 * 11 * 7 * 9 / 10,
        "only {drawn} states could be drawn"
    );
}

#[test]
fn a_transparent_export_has_no_background() {
    let scene = draw("preset=dmmo", &export());
    assert!(scene.to_svg().contains("class=\"background\""));
    let svg = scene.without_background().to_svg();
    assert!(!svg.contains("class=\"background\""));
    roxmltree::Document::parse(&svg).unwrap();
}

/// The inset's N, T and R labels never cover one another or the inset's title, whatever the
/// cut: at every cut angle a lecturer can set, in three presets' anatomy, in the projector theme
/// (the largest letters).
#[test]
fn the_force_labels_in_the_inset_stay_apart() {
    // A letter of the projector theme (3.6 px, centred on its point) is about 2.6 wide, 3.2 tall.
    let (half_width, half_height) = (1.3, 1.6);
    let options = SceneOptions {
        theme: Theme::Projector,
        ..export()
    };
    let mut checked = 0;
    let mut overlaps = Vec::new();
    for preset in ["dmmo", "weil", "reverse"] {
        for cut in (15..=165).step_by(5) {
            for slide in ["0", "-3"] {
                let query = format!("preset={preset}&cut={cut}&slide={slide}");
                let svg = draw(&query, &options).to_svg();
                let doc = roxmltree::Document::parse(&svg).unwrap();
                let inset = with_class(&doc, "forces-inset")[0];
                let letters: Vec<(String, f64, f64)> = inset
                    .descendants()
                    .filter(|n| n.is_element() && classes(n).any(|c| c == "force-label"))
                    .map(|n| {
                        let at = |a| n.attribute(a).unwrap().parse::<f64>().unwrap();
                        (n.text().unwrap_or("").to_string(), at("x"), at("y"))
                    })
                    .collect();
                assert_eq!(letters.len(), 3, "{query}: {letters:?}");
                // Below the inset's title (SVG's y points down).
                let title = inset
                    .descendants()
                    .find(|n| n.is_element() && classes(n).any(|c| c == "inset-title"))
                    .unwrap();
                let title_y: f64 = title.attribute("y").unwrap().parse().unwrap();
                for (letter, _, y) in &letters {
                    assert!(
                        y - title_y >= 3.0,
                        "{query}: {letter} touches the title: {letters:?}"
                    );
                }
                for (i, a) in letters.iter().enumerate() {
                    for b in &letters[i + 1..] {
                        let apart = (a.1 - b.1).abs() >= 2.0 * half_width
                            || (a.2 - b.2).abs() >= 2.0 * half_height;
                        if !apart {
                            overlaps
                                .push(format!("{query}: {} and {} overlap: {letters:?}", a.0, b.0));
                        }
                    }
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 3 * 31 * 2);
    assert!(
        overlaps.is_empty(),
        "{} overlaps:\n{}",
        overlaps.len(),
        overlaps.join("\n")
    );
}

/// The shortening label (start-anchored right of its dimension line) starts right of the ground
/// force's arrow: a long translation on the projector widens the view rather than running the
/// words over the arrow.
#[test]
fn the_shortening_label_stays_right_of_the_ground_force() {
    let mut checked = 0;
    for lang in [Lang::En, Lang::Fr, Lang::Es] {
        for theme in [Theme::Light, Theme::Projector] {
            for query in [
                "preset=dmmo",
                "preset=dmmo&slide=-3",
                "preset=vertical",
                "preset=reverse",
                "preset=weil&ray=4",
            ] {
                let options = SceneOptions {
                    theme,
                    lang,
                    ..export()
                };
                let svg = draw(query, &options).to_svg();
                let doc = roxmltree::Document::parse(&svg).unwrap();
                let label = with_class(&doc, "dimension-label")[0];
                let label_x: f64 = label.attribute("x").unwrap().parse().unwrap();
                let force = with_class(&doc, "force-ground")[0];
                let shaft = force
                    .children()
                    .find(|n| classes(n).any(|c| c == "shaft"))
                    .unwrap();
                let arrow_x: f64 = shaft.attribute("x1").unwrap().parse().unwrap();
                assert!(
                    label_x >= arrow_x + 1.0,
                    "{query} {lang:?} {theme:?}: {:?} starts at x {label_x}, the arrow is at {arrow_x}",
                    label.text()
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 30);
}

/// Tipping is drawn, not only read: R's line of action to its crossing with the cut, and the
/// tipping lever as a dimension when it is not 0; under body weight the head as left is a
/// ghost, an arrow shows where it went and the badge says how far.
#[test]
fn the_drawing_shows_the_lever_and_the_settled_head() {
    let svg = |query: &str| draw(query, &SceneOptions::default()).to_svg();
    // Elements of a class that are drawn (`absent` ones are kept for a stable page, hidden).
    let count = |svg: &str, class: &str| {
        let doc = roxmltree::Document::parse(svg).unwrap();
        with_class(&doc, class)
            .iter()
            .filter(|n| !classes(n).any(|c| c == "absent"))
            .count()
    };
    let dmmo = svg("preset=dmmo");
    assert_eq!(count(&dmmo, "lever-line"), 1);
    assert_eq!(count(&dmmo, "line-of-action"), 2, "main drawing and inset");
    assert_eq!(count(&dmmo, "inset-contact"), 1);
    assert!(dmmo.contains("lever e 7.4\u{a0}mm"));
    assert_eq!(count(&dmmo, "ghost-as-left"), 0);
    let weil = svg("preset=weil");
    assert_eq!(count(&weil, "lever-line"), 0, "e = 0: no dimension");
    let loaded = svg("preset=dmmo&load=1");
    assert_eq!(count(&loaded, "ghost-as-left"), 1);
    assert_eq!(count(&loaded, "settle-arrow"), 1);
    assert!(
        loaded.contains("Under load: 1.8\u{a0}mm dorsally, tilt 10.9°"),
        "{loaded}"
    );
    // The drawn head is the settled one: its centre moved by the settled displacement.
    let e = osteoviz::model::evaluate(&state("preset=dmmo&load=1").to_params()).unwrap();
    let doc = roxmltree::Document::parse(&loaded).unwrap();
    let centre = with_class(&doc, "head-centre")[0];
    let cx: f64 = centre.attribute("cx").unwrap().parse().unwrap();
    let cy: f64 = centre.attribute("cy").unwrap().parse().unwrap();
    let settled = e.geometry.head_centre_after + e.settled.displacement;
    assert_close(cx, settled.x, 1e-3, "the settled head centre's x");
    assert_close(cy, -settled.y, 1e-3, "the settled head centre's SVG y");
}

/// A resident names every symbol of the drawing from the page alone: each group of symbols
/// opens with a tooltip (`<title>`) that names its symbols, in the drawing's language.
#[test]
fn every_symbol_has_a_tooltip_in_each_language() {
    let state = state("preset=dmmo");
    let e = evaluate(&state.to_params()).unwrap();
    let groups: [(&str, &[&str]); 8] = [
        ("angles", &["φ", "θ"]),
        ("declination", &["δ", "δ′"]),
        ("dimensions", &[]),
        ("forces", &["F", "P"]),
        ("cut", &[]),
        ("mechanics", &["R", " e"]),
        ("inset forces-inset", &["R = F + P", "N", "T", "μ"]),
        ("verdict verdict-tips_dorsal", &["N/F", "T/F", "μ"]),
    ];
    let mut seen: Vec<String> = Vec::new();
    for lang in Lang::ALL {
        let drawing = scene::build(
            &state,
            &e,
            &SceneOptions {
                lang,
                ..Default::default()
            },
        );
        for (class, symbols) in groups {
            let group = drawing
                .root
                .children
                .iter()
                .find(|n| n.is("class", class))
                .unwrap_or_else(|| panic!("no group {class}"));
            let title = &group.children[0];
            assert_eq!(title.tag, "title", "{class}: the tooltip comes first");
            let text = title.text.clone().unwrap_or_default();
            assert!(text.len() > 30, "{class} {lang:?}: {text:?}");
            for symbol in symbols {
                assert!(
                    text.contains(symbol),
                    "{class} {lang:?}: {symbol} in {text:?}"
                );
            }
            assert!(
                !seen.contains(&text),
                "{class} {lang:?}: translated, and not shared: {text}"
            );
            seen.push(text);
        }
    }
}

/// The page writes an attribute again only when its written text changes: numbers compare at
/// the two decimals they are written with, for every pair that rounds alike or apart.
#[test]
fn values_compare_as_they_are_written() {
    use osteoviz::scene::node::Value;
    let cases = [
        (1.0, 1.004, true),
        (1.0, 1.006, false),
        (-0.001, 0.0, true),
        (12.344, 12.336, true),
        (12.344, 12.346, false),
        (f64::NAN, 0.0, true),
    ];
    for (a, b, same) in cases {
        assert_eq!(Value::Num(a).writes_as(&Value::Num(b)), same, "{a} vs {b}");
        assert_eq!(
            Value::Num(a).text() == Value::Num(b).text(),
            same,
            "{a} and {b} are written as {} and {}",
            Value::Num(a).text(),
            Value::Num(b).text()
        );
    }
    assert!(Value::from("a").writes_as(&Value::from("a")));
    assert!(!Value::from("1").writes_as(&Value::Num(1.0)));
}

/// The forces inset spells out its symbols (F, P, R, the cone, N, T) in each language, with the
/// assumed μ labelled; `legend=0` leaves the one-line caption, for slides.
#[test]
fn the_forces_inset_has_a_key_that_can_be_hidden() {
    let captions = |options: &SceneOptions| -> String {
        let svg = draw("preset=dmmo", options).to_svg();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        with_class(&doc, "inset-caption")
            .iter()
            .rev()
            .map(|n| n.text().unwrap_or(""))
            .collect::<Vec<_>>()
            .join(" ")
    };
    for (lang, words) in [
        (
            Lang::En,
            [
                "ground",
                "soft tissues",
                "assumed",
                "friction",
                "presses",
                "slides",
            ],
        ),
        (
            Lang::Fr,
            [
                "sol",
                "parties molles",
                "supposé",
                "frottement",
                "comprime",
                "glisser",
            ],
        ),
        (
            Lang::Es,
            [
                "suelo",
                "partes blandas",
                "supuesto",
                "rozamiento",
                "comprime",
                "desliza",
            ],
        ),
    ] {
        let with_key = captions(&SceneOptions {
            lang,
            ..SceneOptions::default()
        });
        for w in words {
            assert!(
                with_key.contains(w),
                "{lang:?}: «{w}» missing from the key «{with_key}»"
            );
        }
        assert!(with_key.starts_with("R = F"), "{with_key}");
        let without = captions(&SceneOptions {
            lang,
            legend: false,
            ..SceneOptions::default()
        });
        assert!(without.starts_with("R = F + P"), "{without}");
        assert!(
            !without.contains(words[4]),
            "{lang:?}: the key is hidden: {without}"
        );
    }
}
