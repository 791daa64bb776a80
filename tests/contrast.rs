//! WCAG AA contrast of the drawing's text in every theme, from the style the exports use
//! ([`resolve_style`]: the themes' values, flattened): every `fill` of a rule that styles a
//! class worn by a `<text>` of some drawing must have a contrast of at least 4.5:1 against the
//! theme's background (`--bg`). Labels are drawn with a halo of `--bg` (`paint-order: stroke`),
//! so that is the colour behind them wherever they sit. The size does not earn the 3:1 of
//! "large text": the drawing is shown at any size, down to a phone's width.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::assert_close;
use osteoviz::scene::style::{property, resolve_style};
use osteoviz::scene::{render, SceneOptions};
use osteoviz::state::view::Theme;
use osteoviz::state::{parse_query, State};
use std::collections::BTreeSet;

fn rgb(hex: &str) -> Option<[f64; 3]> {
    let h = hex.trim().strip_prefix('#')?;
    let h: String = if h.len() == 3 {
        h.chars().flat_map(|c| [c, c]).collect()
    } else {
        h.into()
    };
    if h.len() != 6 {
        return None;
    }
    let c = |i: usize| {
        u8::from_str_radix(&h[i..i + 2], 16)
            .ok()
            .map(|v| v as f64 / 255.0)
    };
    Some([c(0)?, c(2)?, c(4)?])
}

fn luminance([r, g, b]: [f64; 3]) -> f64 {
    let f = |v: f64| {
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
}

fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// The classes worn by `<text>` elements in drawings of every preset, verdict and option.
fn text_classes() -> BTreeSet<String> {
    let queries = [
        "preset=dmmo",
        "preset=weil",
        "preset=ocra",
        "preset=reverse&slide=-4",
        "preset=vertical&mu=0&pull=1",
        "preset=dmmo&mu=0",
        "preset=perpendicular&tilt=15&slide=6",
        "preset=dmmo&ref=ground&ray=4",
    ];
    let mut classes = BTreeSet::new();
    for q in queries {
        let state: State = parse_query(q).state;
        for options in [
            SceneOptions::default(),
            SceneOptions {
                standalone: true,
                interactive: false,
                caption: vec!["caption".into()],
                ..Default::default()
            },
        ] {
            let svg = render(&state, &options).expect("presets draw").to_svg();
            let doc = roxmltree::Document::parse(&svg).expect("the scene is XML");
            for t in doc.descendants().filter(|n| n.has_tag_name("text")) {
                for a in t.ancestors().filter(|n| n.is_element()) {
                    if let Some(c) = a.attribute("class") {
                        classes.extend(c.split_whitespace().map(String::from));
                    }
                    if a.has_tag_name("text") {
                        continue;
                    }
                }
            }
        }
    }
    classes
}

#[test]
fn svg_text_meets_wcag_aa_contrast_in_every_theme() {
    let text = text_classes();
    assert!(text.contains("label"), "{text:?}");
    let mut checked = 0;
    let mut failures = Vec::new();
    for theme in Theme::ALL {
        let bg = rgb(&property(theme, "--bg").expect("--bg")).expect("--bg is a hex colour");
        for rule in resolve_style(theme).lines() {
            let Some((selectors, body)) = rule.split_once('{') else {
                continue;
            };
            // The rule styles text when the last part of one of its selectors names a text class.
            let styles_text = selectors.split(',').any(|s| {
                let last = s.split_whitespace().last().unwrap_or("");
                last.starts_with('.')
                    && last
                        .split('.')
                        .filter(|c| !c.is_empty())
                        .all(|c| text.contains(c))
            });
            if !styles_text {
                continue;
            }
            for decl in body.trim_end_matches('}').split(';') {
                let Some((name, value)) = decl.split_once(':') else {
                    continue;
                };
                if name.trim() != "fill" {
                    continue;
                }
                let Some(colour) = rgb(value) else { continue };
                let ratio = contrast(colour, bg);
                checked += 1;
                if ratio < 4.5 {
                    failures.push(format!(
                        "{theme:?}: {} fill {} on {}: {ratio:.2}:1",
                        selectors.trim(),
                        value.trim(),
                        property(theme, "--bg").unwrap()
                    ));
                }
            }
        }
    }
    assert!(checked >= 3 * 8, "only {checked} text fills found");
    assert!(failures.is_empty(), "below 4.5:1:\n{}", failures.join("\n"));
}

#[test]
fn the_contrast_formula() {
    let white = [1.0, 1.0, 1.0];
    let black = [0.0, 0.0, 0.0];
    assert_close(contrast(white, black), 21.0, 1e-9, "white on black");
    assert_close(
        contrast(rgb("#777").unwrap(), white),
        4.48,
        0.01,
        "#777 on white",
    );
}
