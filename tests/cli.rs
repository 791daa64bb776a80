//! The `osteoviz` command line, run as a user runs it: `eval`, `presets` and `render` to SVG
//! and PNG.
#![cfg(not(target_arch = "wasm32"))]

use osteoviz::model::Verdict;
use osteoviz::state::Preset;
use resvg::tiny_skia::Pixmap;
use std::collections::HashSet;
use std::path::PathBuf;
use std::process::{Command, Output};

fn osteoviz(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_osteoviz"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 output")
}

/// A fresh path in Cargo's temporary directory for integration tests.
fn temp_file(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

const EVAL_KEYS: [&str; 16] = [
    "head_rise_mm",
    "axial_shortening_mm",
    "ground_shortening_mm",
    "declination_before_deg",
    "declination_after_deg",
    "cut_to_shaft_deg",
    "cut_to_ground_deg",
    "contact_mm",
    "contact_fraction",
    "gap_mm",
    "lever_arm_mm",
    "normal_ratio",
    "tangential_ratio",
    "verdict",
    "query",
    "warnings",
];

fn eval_json(query: &str) -> serde_json::Value {
    let o = osteoviz(&["eval", query]);
    assert!(o.status.success(), "{query}: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{query}: {e}"))
}

#[test]
fn eval_warns_when_the_cut_enters_the_joint() {
    let warns = |query: &str| {
        eval_json(query)["warnings"]
            .as_array()
            .expect("warnings")
            .iter()
            .any(|w| w.as_str().is_some_and(|w| w.contains("enters the joint")))
    };
    // The case: the DMMO cut placed 12 mm from the tip, through the head.
    assert!(warns("preset=dmmo&at=12"));
    assert!(warns("preset=reverse&at=12"));
    // No preset, on any ray, is intra-articular (Weil starts at the dorsal articular margin).
    for preset in Preset::ALL {
        for ray in [2, 3, 4] {
            let query = format!("preset={}&ray={ray}", preset.name());
            assert!(!warns(&query), "{query}");
        }
    }
}

#[test]
fn eval_prints_every_outcome_of_every_preset() {
    for preset in Preset::ALL {
        let query = format!("preset={}", preset.name());
        let json = eval_json(&query);
        for key in EVAL_KEYS {
            assert!(json.get(key).is_some(), "{query}: no {key} in {json}");
        }
        for key in &EVAL_KEYS[..13] {
            let v = json[key].as_f64();
            assert!(
                v.is_some_and(f64::is_finite),
                "{query}: {key} = {}",
                json[key]
            );
        }
        assert!(
            Verdict::ALL
                .iter()
                .any(|v| v.key() == json["verdict"].as_str().unwrap()),
            "{json}"
        );
        assert!(json["tipping_lever_mm"].as_f64().is_some_and(|e| e >= 0.0));
        let settled = &json["settled"];
        for key in [
            "dx_mm",
            "dy_mm",
            "tilt_deg",
            "displacement_mm",
            "head_rise_mm",
            "ground_shortening_mm",
            "residual",
        ] {
            assert!(
                settled[key].as_f64().is_some_and(f64::is_finite),
                "{query}: settled.{key} in {json}"
            );
        }
        assert!(settled["contacts"].as_u64().is_some_and(|c| c <= 2));
        assert!(settled["residual"].as_f64().unwrap() <= 1e-9);
        assert_eq!(json["query"], format!("preset={}&ray=2", preset.name()));
        assert_eq!(json["warnings"], serde_json::json!([]));
    }
    let dmmo = eval_json("preset=dmmo");
    assert_eq!(dmmo["cut_to_shaft_deg"], 45.0);
    // Each preset's verdict, named by where the head goes (reference Section 4.1).
    for (preset, verdict) in [
        ("dmmo", "tips_dorsal"),
        ("perpendicular", "slides_dorsal"),
        ("vertical", "slides_dorsal"),
        ("reverse", "separates"),
        ("weil", "held"),
        ("ocra", "held"),
        ("dmmo&at=14", "held"),
        ("dmmo&close=0", "no_contact"),
        ("dmmo&slide=15", "no_contact"),
        ("perpendicular&pull=0&mu=0", "slides_dorsal"),
        ("vertical&pull=0", "glides"),
    ] {
        let json = eval_json(&format!("preset={preset}"));
        assert_eq!(json["verdict"], verdict, "{preset}");
    }
}

#[test]
fn eval_refuses_a_value_it_cannot_read() {
    let o = osteoviz(&["eval", "cut=abc"]);
    assert!(!o.status.success());
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
    let err = stderr(&o);
    assert!(err.contains("abc") && err.contains("cut"), "{err}");
}

#[test]
fn eval_warns_about_an_unknown_key_and_goes_on() {
    let o = osteoviz(&["eval", "preset=dmmo&foo=1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let warnings = json["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{json}");
    assert!(warnings[0].as_str().unwrap().contains("foo"), "{json}");
    // --strict makes it an error.
    let strict = osteoviz(&["eval", "--strict", "preset=dmmo&foo=1"]);
    assert_eq!(strict.status.code(), Some(2));
}

#[test]
fn presets_lists_the_six_presets() {
    let o = osteoviz(&["presets"]);
    assert!(o.status.success());
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6, "{out}");
    for (line, preset) in lines.iter().zip(Preset::ALL) {
        assert!(line.starts_with(preset.name()), "{line}");
        assert!(
            line.contains(&format!("preset={}&ray=2", preset.name())),
            "{line}"
        );
    }
}

#[test]
fn render_writes_an_svg_file() {
    let path = temp_file("dmmo.svg");
    let o = osteoviz(&[
        "render",
        "preset=dmmo&ray=3&theme=dark",
        "-o",
        path.to_str().unwrap(),
        "--width",
        "800",
        "--height",
        "450",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).is_empty(),
        "theme is a known key: {}",
        stderr(&o)
    );
    let svg = std::fs::read_to_string(&path).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert!(root.attribute("viewBox").is_some());
    assert_eq!(root.attribute("width"), Some("800"));
    assert_eq!(root.attribute("height"), Some("450"));
    assert_eq!(root.attribute("class"), Some("scene theme-dark"));
    assert!(svg.contains("class=\"background\""));
    assert!(!svg.contains("var(--"), "the style is flattened");
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

fn render_png(query: &str, name: &str, extra: &[&str]) -> (Vec<u8>, Pixmap) {
    let path = temp_file(name);
    let mut args = vec![
        "render",
        query,
        "-o",
        path.to_str().unwrap(),
        "--width",
        "800",
        "--height",
        "450",
    ];
    args.extend_from_slice(extra);
    let o = osteoviz(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&path).unwrap();
    let pixmap = Pixmap::decode_png(&bytes).expect("a PNG that decodes");
    (bytes, pixmap)
}

#[test]
fn render_writes_a_png_of_the_requested_size() {
    let (bytes, pixmap) = render_png("preset=dmmo", "dmmo.png", &[]);
    assert_eq!(png_size(&bytes), (800, 450));
    assert_eq!((pixmap.width(), pixmap.height()), (800, 450));
    let colours: HashSet<[u8; 4]> = pixmap
        .pixels()
        .iter()
        .map(|p| [p.red(), p.green(), p.blue(), p.alpha()])
        .collect();
    assert!(
        colours.len() > 50,
        "a nearly blank image: {} colours",
        colours.len()
    );
    // Opaque everywhere, white outside the drawing's box (the drawing is narrower than 16:9).
    assert!(pixmap.pixels().iter().all(|p| p.alpha() == 255));
    let corner = pixmap.pixel(0, 0).unwrap();
    assert_eq!(
        [corner.red(), corner.green(), corner.blue()],
        [255, 255, 255]
    );
    // The verdict badge's green (#009e73) is there.
    assert!(
        colours.contains(&[0x00, 0x9e, 0x73, 255]),
        "no verdict colour"
    );
}

#[test]
fn render_png_follows_the_theme_and_can_be_transparent() {
    let (_, dark) = render_png("preset=reverse", "reverse-dark.png", &["--theme", "dark"]);
    let corner = dark.pixel(0, 0).unwrap();
    assert_eq!(
        [corner.red(), corner.green(), corner.blue()],
        [0x14, 0x18, 0x1c]
    );

    let (bytes, clear) = render_png("preset=reverse", "reverse-clear.png", &["--transparent"]);
    assert_eq!(png_size(&bytes), (800, 450));
    assert_eq!(clear.pixel(0, 0).unwrap().alpha(), 0);
    assert_eq!(
        clear.pixel(400, 20).unwrap().alpha(),
        0,
        "no background box"
    );
    assert!(clear.pixels().iter().any(|p| p.alpha() == 255));
}

#[test]
fn render_refuses_other_formats_and_themes() {
    let path = temp_file("dmmo.jpg");
    let o = osteoviz(&["render", "preset=dmmo", "-o", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(".svg or .png"), "{}", stderr(&o));
    assert!(!path.exists());

    let path = temp_file("theme.svg");
    let o = osteoviz(&[
        "render",
        "preset=dmmo",
        "-o",
        path.to_str().unwrap(),
        "--theme",
        "neon",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("neon"), "{}", stderr(&o));
    assert!(!path.exists());

    let o = osteoviz(&["render", "preset=dmmo", "-o", "x.png", "--width", "0"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn eval_and_render_take_a_language() {
    // eval: the summary and warnings are translated; keys and numbers are not.
    let o = osteoviz(&["eval", "--lang", "fr", "preset=dmmo&foo=1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let fr: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let en = eval_json("preset=dmmo&foo=1");
    for key in EVAL_KEYS.iter().filter(|k| **k != "warnings") {
        assert_eq!(fr[key], en[key], "{key}");
    }
    let summary = fr["summary"].as_str().unwrap();
    assert!(
        summary.starts_with("En fermant l’espace fraisé de 2,6\u{a0}mm"),
        "{summary}"
    );
    assert!(en["summary"]
        .as_str()
        .unwrap()
        .starts_with("Closing the 2.6\u{a0}mm kerf"));
    assert_eq!(
        fr["warnings"][0],
        "paramètre inconnu «\u{a0}foo\u{a0}» ignoré"
    );

    // render: --lang, or the query's lang=, labels the drawing; English by default.
    let svg_of = |query: &str, extra: &[&str], name: &str| {
        let path = temp_file(name);
        let mut args = vec!["render", query, "-o", path.to_str().unwrap()];
        args.extend_from_slice(extra);
        let o = osteoviz(&args);
        assert!(o.status.success(), "{query}: {}", stderr(&o));
        assert!(stderr(&o).is_empty(), "{query}: {}", stderr(&o));
        std::fs::read_to_string(&path).unwrap()
    };
    let es = svg_of("preset=dmmo", &["--lang", "es"], "lang-es.svg");
    assert!(es.contains("Fuerzas sobre el corte") && es.contains("elevación 2,3\u{a0}mm"));
    let fr = svg_of("preset=dmmo&lang=fr", &[], "lang-fr.svg");
    assert!(
        fr.contains("Forces sur la coupe") && fr.contains("La tête bascule en flexion dorsale")
    );
    let en = svg_of("preset=dmmo", &[], "lang-en.svg");
    assert!(en.contains("Forces on the cut") && !en.contains('⟦'));

    let bad = osteoviz(&["eval", "--lang", "de", "preset=dmmo"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("en, fr, es"), "{}", stderr(&bad));
}

/// `eval --lang` on a plan: the plan's summary, its rays' summaries and every warning follow
/// the language; keys and numbers do not change.
#[test]
fn eval_of_a_plan_takes_a_language() {
    let query = "plan=m2m3m4&m3.slide=-1&m3.foo=2";
    let en = eval_json(query);
    for (lang, summary_start, warning) in [
        (
            "fr",
            "M2 + M3 + M4\u{a0}: M2 s’élève de 2,3\u{a0}mm",
            "paramètre inconnu «\u{a0}m3.foo\u{a0}» ignoré",
        ),
        (
            "es",
            "M2 + M3 + M4: M2 se eleva 2,3\u{a0}mm",
            "parámetro desconocido «m3.foo» ignorado",
        ),
    ] {
        let o = osteoviz(&["eval", "--lang", lang, query]);
        assert!(o.status.success(), "{}", stderr(&o));
        let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        let summary = json["summary"].as_str().unwrap();
        assert!(summary.starts_with(summary_start), "{lang}: {summary}");
        assert!(
            !summary.contains("Barouk: over") && !summary.contains('{'),
            "{summary}"
        );
        assert_eq!(json["warnings"][0], warning, "{lang}");
        assert_ne!(json["rays"]["m3"]["summary"], en["rays"]["m3"]["summary"]);
        for key in ["heads", "metrics", "transfers", "query", "plan"] {
            assert_eq!(json[key], en[key], "{lang} {key}");
        }
    }
    assert!(en["summary"]
        .as_str()
        .unwrap()
        .starts_with("M2 + M3 + M4: M2 rises 2.3\u{a0}mm"));
}

/// `render` of a plan query draws the plan page's three drawings (top view, arch view, the
/// edited ray's sagittal view) in one figure: an SVG that parses, with its style flattened, and
/// a PNG of the asked size, for each plan preset; in the query's language and theme.
#[test]
fn render_draws_a_forefoot_plan() {
    for (preset, edit) in [("m2", "2"), ("m2m3", "3"), ("m2m3m4", "4")] {
        let query = format!("plan={preset}&edit={edit}&theme=dark");
        let path = temp_file(&format!("plan-{preset}.svg"));
        let o = osteoviz(&["render", &query, "-o", path.to_str().unwrap()]);
        assert!(o.status.success(), "{query}: {}", stderr(&o));
        assert!(stderr(&o).is_empty(), "{query}: {}", stderr(&o));
        let svg = std::fs::read_to_string(&path).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let root = doc.root_element();
        assert_eq!(root.attribute("width"), Some("1920"));
        assert_eq!(
            root.attribute("class"),
            Some("scene plan-figure theme-dark")
        );
        let views: Vec<&str> = root
            .children()
            .filter(|n| n.has_tag_name("svg"))
            .filter_map(|n| n.attribute("class"))
            .collect();
        assert_eq!(views.len(), 3, "{views:?}");
        assert!(views[0].contains("plan-top") && views[1].contains("plan-arch"));
        assert!(views[2].starts_with("scene theme-dark"), "{views:?}");
        assert!(!svg.contains("var(--"), "the style is flattened");
        assert!(!svg.contains("unknown parameter"));
        // The edited ray is highlighted in the plan views.
        assert!(svg.contains("ray-m") && svg.contains("selected"), "{query}");

        let (bytes, _) = render_png(&query, &format!("plan-{preset}.png"), &[]);
        assert_eq!(png_size(&bytes), (800, 450), "{query}");
    }
    let fr = temp_file("plan-fr.svg");
    let o = osteoviz(&["render", "plan=m2&lang=fr", "-o", fr.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = std::fs::read_to_string(&fr).unwrap();
    assert!(svg.contains("Vue de dessus") && svg.contains("Forces sur la coupe"));
}
