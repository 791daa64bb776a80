//! The forefoot plan (issue 6): the parabola and harmony metrics against the reference's
//! numbers and thresholds, the load-sharing teaching heuristic, the plan query codec and the
//! `osteoviz eval` plan JSON.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::assert_close;
use osteoviz::model::anatomy::PROTRUSION_RELATIVE_TO_M2_MM;
use osteoviz::model::plan::{
    reference_heads, ForefootOutcome, Head, HEADS, M1_M2_NORMAL_MM, M2_M3_PATTERN_MM, SM4_NORMAL_MM,
};
use osteoviz::model::{AngleReference, Ray};
use osteoviz::state::i18n::Msg;
use osteoviz::state::plan::{
    evaluate_plan, head_metrics, is_plan_query, parse_plan_query, plan_metrics, plan_to_query,
    Plan, PlanEvaluation, PlanPreset,
};
use osteoviz::state::{parse_query, to_query, State, KEYS};
use proptest::prelude::*;

fn evaluated(query: &str) -> PlanEvaluation {
    let parsed = parse_plan_query(query);
    assert!(parsed.notices.is_empty(), "{query}: {:?}", parsed.notices);
    evaluate_plan(&parsed.plan).expect("the plan evaluates")
}

/// §5 and §6.5: the default protrusions relative to M2 are Domínguez-Maldonado's means.
#[test]
fn default_parabola_is_the_published_mean() {
    let f = evaluated("plan=m2m3m4").forefoot;
    let expected = [0.94, 0.0, -4.44, -11.17, -20.21];
    for i in 0..HEADS {
        assert_eq!(f.protrusion_before_mm[i], expected[i], "M{}", i + 1);
        assert_eq!(f.protrusion_before_mm[i], PROTRUSION_RELATIVE_TO_M2_MM[i].0);
    }
    // The order of the lesser rays' tips: M2 > M3 > M4 > M5.
    assert!(f
        .protrusion_before_mm
        .windows(2)
        .skip(1)
        .all(|w| w[0] > w[1]));
}

/// Barouk 2005: M2 more than 3 mm longer than M3 is part of the central metatarsalgia pattern.
/// The mean normal foot already has 4.44 mm: the indicator is over its threshold before any
/// surgery (and the caveat says why that does not predict the result).
#[test]
fn default_m2_m3_difference_is_over_barouks_threshold_before_surgery() {
    for plan in ["plan=m2", "plan=m2m3", "plan=m2m3m4"] {
        let f = evaluated(plan).forefoot;
        assert_close(f.m2_m3_difference_before_mm, 4.44, 1e-12, "M2-M3 before");
        assert!(f.m2_m3_difference_before_mm > M2_M3_PATTERN_MM);
        assert!(ForefootOutcome::m2_m3_over_threshold(
            f.m2_m3_difference_before_mm
        ));
    }
    assert_eq!(M2_M3_PATTERN_MM, 3.0);
}

/// Maestro's thresholds, and the SM4 construction: the line through the lateral sesamoid sits
/// on the intact M4 head centre, so only M4's shortening moves the head centre against it.
#[test]
fn maestro_thresholds_and_the_sm4_construction() {
    assert_eq!(SM4_NORMAL_MM, (-2.0, 4.0));
    assert_eq!(M1_M2_NORMAL_MM, (-2.0, 0.0));
    assert!(ForefootOutcome::sm4_normal(-2.0) && ForefootOutcome::sm4_normal(4.0));
    assert!(!ForefootOutcome::sm4_normal(-2.1) && !ForefootOutcome::sm4_normal(4.1));
    assert!(ForefootOutcome::m1_m2_normal(-1.0) && !ForefootOutcome::m1_m2_normal(0.94));

    let alone = evaluated("plan=m2").forefoot;
    assert_eq!(alone.sm4_offset_before_mm, 0.0);
    assert_eq!(alone.sm4_offset_after_mm, 0.0, "M4 untouched");
    let all = evaluated("plan=m2m3m4");
    let m4 = &all.rays[2].outcomes;
    assert_close(
        all.forefoot.sm4_offset_after_mm,
        m4.ground_shortening_mm,
        1e-12,
        "SM4 after = M4 ground shortening",
    );
    assert!(ForefootOutcome::sm4_normal(
        all.forefoot.sm4_offset_after_mm
    ));
    // M1 + 0.94 mm: already longer than M2 in the mean foot; shortening M2 makes it more so.
    assert_close(
        alone.m1_m2_difference_before_mm,
        0.94,
        1e-12,
        "M1-M2 before",
    );
    assert!(alone.m1_m2_difference_after_mm > alone.m1_m2_difference_before_mm);
    // Lengthening M4 (a distal slide) puts the line proximal of its centre: with M2 > 3 mm
    // longer than M3, Barouk's pattern.
    let lengthened = evaluated("plan=m2m3m4&m4.close=0&m4.slide=3").forefoot;
    assert!(lengthened.sm4_offset_after_mm < 0.0);
    assert!(lengthened.central_pattern_after());
}

/// After = before − each ray's ground-projected shortening; heights = before + head rise.
#[test]
fn heads_move_by_each_rays_single_ray_outcomes() {
    let e = evaluated("plan=m2m3m4&m3.slide=-2&m4.cut=60");
    let heads = reference_heads();
    for (k, ray) in Ray::ALL.iter().enumerate() {
        let i = k + 1;
        let o = &e.rays[k].outcomes;
        assert_eq!(e.rays[k].params.anatomy.ray, *ray);
        assert_close(
            e.forefoot.protrusion_after_mm[i],
            heads[i].protrusion_mm - o.ground_shortening_mm,
            1e-12,
            "protrusion after",
        );
        assert_close(
            e.forefoot.head_centre_height_after_mm[i],
            heads[i].centre_height_mm() + o.head_rise_mm,
            1e-12,
            "height after",
        );
    }
    for i in [0, 4] {
        assert_eq!(
            e.forefoot.protrusion_after_mm[i],
            e.forefoot.protrusion_before_mm[i]
        );
        assert_eq!(
            e.forefoot.head_centre_height_after_mm[i],
            e.forefoot.head_centre_height_before_mm[i]
        );
    }
    // §6.6 head heights: M2 16.1, M5 13.0, decreasing laterally.
    assert_eq!(heads[1].head_height_mm, 16.1);
    assert_eq!(heads[4].head_height_mm, 13.0);
    assert!(heads[1..]
        .windows(2)
        .all(|w| w[0].head_height_mm > w[1].head_height_mm));
}

/// §7, robotic cadaver study: shortening (and raising) M2 alone lowers M2's load and raises
/// M1's and M3's. The heuristic must do the same.
#[test]
fn m2_alone_moves_load_to_m1_and_m3() {
    let f = evaluated("plan=m2").forefoot;
    let (before, after) = (f.load_share_before_pct, f.load_share_after_pct);
    assert!(after[1] < before[1], "M2 {} -> {}", before[1], after[1]);
    assert!(after[0] > before[0], "M1 {} -> {}", before[0], after[0]);
    assert!(after[2] > before[2], "M3 {} -> {}", before[2], after[2]);
    assert_close(after.iter().sum::<f64>(), 100.0, 1e-9, "shares");
    // The nearest neighbours gain most.
    assert!(after[2] - before[2] > after[3] - before[3]);
    // Shortening alone (no rise: an axial slide along a ground-parallel cut) moves load too.
    let f = evaluated("plan=m2&m2.preset=weil").forefoot;
    assert_close(f.motions[1].rise_mm, 0.0, 0.01, "M2's rise");
    assert!(f.motions[1].ground_shortening_mm > 4.0);
    assert!(f.load_share_after_pct[1] < 20.0);
    assert!(f.load_share_after_pct[0] > 20.0 && f.load_share_after_pct[2] > 20.0);
}

/// Treating M2, M3 and M4 together is more even than M2 alone (or M2 + M3): lower coefficient
/// of variation of the central shares, and no central ray gains load.
#[test]
fn m2_to_m4_together_is_more_even() {
    let alone = evaluated("plan=m2").forefoot;
    let two = evaluated("plan=m2m3").forefoot;
    let all = evaluated("plan=m2m3m4").forefoot;
    assert!(all.load_central_cv_after() < alone.load_central_cv_after());
    assert!(all.load_central_cv_after() < two.load_central_cv_after());
    assert!(all.load_central_cv_after() < 0.1);
    assert!(alone.load_max_central_increase_pct() > 2.0);
    assert!(two.load_max_central_increase_pct() > 2.0);
    assert!(all.load_max_central_increase_pct() <= 0.0);
    // The pillars take what the central rays lose.
    assert!(all.load_share_after_pct[0] > 20.0 && all.load_share_after_pct[4] > 20.0);
}

/// A transfer warning for a central ray left markedly lower or longer than a treated
/// neighbour: M3 after M2 alone, M4 after M2 + M3, none for the default plan.
#[test]
fn transfer_warnings_follow_the_untreated_neighbour() {
    let at = |q: &str| -> Vec<(u8, u8)> {
        evaluated(q)
            .forefoot
            .transfers
            .iter()
            .map(|t| (t.head.number(), t.neighbour.number()))
            .collect()
    };
    assert_eq!(at("plan=m2"), vec![(3, 2)]);
    assert_eq!(at("plan=m2m3"), vec![(4, 3)]);
    assert!(at("plan=m2m3m4").is_empty());
    // M3 alone: both M2 and M4 at risk.
    assert_eq!(at("plan=m2&m2.kerf=0&m3.preset=dmmo"), vec![(2, 3), (4, 3)]);
}

#[test]
fn plan_presets_and_their_names() {
    for p in PlanPreset::ALL {
        assert_eq!(PlanPreset::from_name(p.name()), Some(p));
        let plan = Plan::new(p);
        assert_eq!(plan_to_query(&plan), format!("plan={}", p.name()));
        assert_eq!(plan.treated_pattern(), Some(p));
        for ray in Ray::ALL {
            let s = plan.state(ray);
            assert_eq!(s.ray, ray);
            if !p.treats(ray) {
                assert_eq!(
                    (s.kerf_mm, s.close_mm, s.slide_mm, s.tilt_deg),
                    (0.0, 0.0, 0.0, 0.0)
                );
            }
        }
    }
    assert_eq!(PlanPreset::from_name("M2+M3"), Some(PlanPreset::M2M3));
}

/// Single-ray queries are untouched by the plan: they are not plan queries, and parse and
/// write exactly as before.
#[test]
fn single_ray_queries_keep_their_meaning() {
    for q in [
        "",
        "preset=dmmo&ray=3&slide=-1",
        "preset=weil",
        "ray=4&cut=60&ref=ground&theme=dark",
    ] {
        assert!(!is_plan_query(q), "{q}");
    }
    let p = parse_query("preset=vertical&ray=3&kerf=3&slide=-1.5");
    assert_eq!(
        to_query(&p.state),
        "preset=vertical&ray=3&kerf=3&slide=-1.5"
    );
}

/// The JSON of `osteoviz eval` for a plan: per-ray objects with the single eval's keys, the
/// heads and the plan metrics, warnings for notices.
#[test]
fn eval_prints_the_plan_json() {
    let bin = env!("CARGO_BIN_EXE_osteoviz");
    let run = |q: &str| {
        let out = std::process::Command::new(bin)
            .args(["eval", q])
            .output()
            .expect("osteoviz runs");
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let (code, text) = run("plan=m2&m3.cut=50&bogus=1");
    assert_eq!(code, Some(0), "{text}");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let single: serde_json::Value =
        serde_json::from_str(&run("preset=dmmo&ray=2").1).expect("single eval JSON");
    for ray in ["m2", "m3", "m4"] {
        let keys: Vec<&String> = json["rays"][ray].as_object().unwrap().keys().collect();
        let single_keys: Vec<&String> = single.as_object().unwrap().keys().collect();
        assert_eq!(keys, single_keys, "{ray}");
    }
    assert_eq!(json["rays"]["m2"]["head_rise_mm"], single["head_rise_mm"]);
    assert_eq!(json["rays"]["m3"]["cut_to_shaft_deg"], 50.0);
    assert_eq!(json["plan"], "m2");
    assert_eq!(json["query"], "plan=m2&m3.cut=50");
    assert_eq!(json["m2_m3_difference_before_mm"], 4.44);
    assert_eq!(json["heads"]["m5"]["protrusion_before_mm"], -20.21);
    assert!(
        json["heads"]["m3"]["load_share_after_pct"]
            .as_f64()
            .unwrap()
            > 20.0
    );
    assert_eq!(json["transfer"][0]["ray"], "m3");
    assert_eq!(json["transfer_warnings"].as_array().unwrap().len(), 1);
    assert!(json["caveat"].as_str().unwrap().contains("3.2%"));
    assert_eq!(json["load_model"], "teaching heuristic, not a measurement");
    let warnings = json["warnings"].as_array().unwrap();
    assert!(warnings
        .iter()
        .any(|w| w.as_str().unwrap().contains("bogus")));
    // Every metric the page shows is in the JSON, under the same key.
    let e = evaluated("plan=m2");
    for (key, _) in plan_metrics(&e).entries() {
        assert!(json.get(key).is_some(), "{key}");
    }
    for (key, _) in head_metrics(&e, Head::M1).entries() {
        assert!(json["heads"]["m1"].get(key).is_some(), "{key}");
    }
    // A bad value is an error; --strict makes any notice one.
    assert_eq!(run("plan=m2&m3.cut=abc").0, Some(2));
    let strict = std::process::Command::new(bin)
        .args(["eval", "--strict", "plan=m2&m3.kerf=9"])
        .output()
        .unwrap();
    assert_eq!(strict.status.code(), Some(2));
}

/// The drawings: one group per head (the lesser rays selectable by `data-ray`), the selected
/// ray and the head at risk marked, every label inside the viewBox.
#[test]
fn plan_drawings_mark_the_selected_ray_and_the_head_at_risk() {
    use osteoviz::scene::plan::{arch_view, top_view};
    use osteoviz::scene::Node;
    use osteoviz::scene::SceneOptions;
    let parsed = parse_plan_query("plan=m2&edit=3");
    let e = evaluate_plan(&parsed.plan).unwrap();
    let options = SceneOptions {
        selected: Some(Ray::M3),
        ..Default::default()
    };
    for (svg, name) in [
        (top_view(&parsed.plan, &e, &options), "top"),
        (arch_view(&parsed.plan, &e, &options), "arch"),
    ] {
        let nodes = svg.descendants();
        let class_of = |n: &Node| n.get("class").unwrap_or_default().into_owned();
        let rays: Vec<&&Node> = nodes
            .iter()
            .filter(|n| n.get("data-ray").is_some())
            .collect();
        assert_eq!(rays.len(), 3, "{name}");
        let m3 = rays.iter().find(|n| n.is("data-ray", "3")).unwrap();
        assert!(
            class_of(m3).contains("selected") && class_of(m3).contains("at-risk"),
            "{name}"
        );
        let m2 = rays.iter().find(|n| n.is("data-ray", "2")).unwrap();
        assert!(class_of(m2).contains("treated") && !class_of(m2).contains("at-risk"));
        let vb = view_box_of(&svg);
        for text in nodes.iter().filter(|n| n.tag == "text") {
            let x: f64 = text.get("x").unwrap().parse().unwrap();
            let y: f64 = text.get("y").unwrap().parse().unwrap();
            assert!(
                x >= vb[0] && x <= vb[0] + vb[2] && y >= vb[1] && y <= vb[1] + vb[3],
                "{name}: {:?} at {x},{y} outside {vb:?}",
                text.text
            );
        }
    }
    let arch = arch_view(&parsed.plan, &e, &options).to_xml();
    assert!(arch.contains("teaching heuristic, not a measurement"));
}

/// `ray=` is read as `edit=` in a plan query; `compare=` takes a plan preset.
#[test]
fn edit_ray_and_compare_keys() {
    let p = parse_plan_query("plan=m2&ray=m4&compare=M2+M3+M4");
    assert!(p.notices.is_empty(), "{:?}", p.notices);
    assert_eq!(p.plan.edit, Ray::M4);
    assert_eq!(p.plan.compare, Some(PlanPreset::M2M3M4));
    assert_eq!(plan_to_query(&p.plan), "plan=m2&edit=4&compare=m2m3m4");
}

/// Any plan the interface can reach: a preset, each ray's state anywhere in (and beyond) its
/// range, the edited ray and the comparison.
fn any_plan() -> impl Strategy<Value = Plan> {
    let ray_state = (
        any::<bool>(),
        0usize..7,
        proptest::collection::vec(proptest::option::weighted(0.4, -1.2f64..1.2), KEYS.len()),
    );
    (
        0usize..3,
        [ray_state.clone(), ray_state.clone(), ray_state],
        0usize..3,
        proptest::option::of(0usize..3),
    )
        .prop_map(|(preset, rays, edit, compare)| {
            let preset = PlanPreset::ALL[preset];
            let mut plan = Plan::new(preset);
            for (k, (ground, start, fractions)) in rays.into_iter().enumerate() {
                let ray = Ray::ALL[k];
                let mut s: State = match start {
                    0..=5 => osteoviz::state::Preset::ALL[start].state(ray),
                    _ => preset.base_state(ray),
                };
                if ground {
                    s.set_reference(AngleReference::Ground);
                }
                for (spec, f) in KEYS.iter().zip(fractions) {
                    if let Some(f) = f {
                        let (lo, hi) = (spec.min, spec.max);
                        s.set(
                            spec.key,
                            lo + (hi - lo) * (f + 1.2) / 2.4 * 1.4 - (hi - lo) * 0.2,
                        );
                    }
                }
                plan.set_state(s);
            }
            plan.edit = Ray::ALL[edit];
            plan.compare = compare.map(|c| PlanPreset::ALL[c]);
            plan
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// text → plan → text is the identity, without notices.
    #[test]
    fn plan_query_round_trips(plan in any_plan()) {
        let text = plan_to_query(&plan);
        prop_assert!(is_plan_query(&text));
        let parsed = parse_plan_query(&text);
        prop_assert!(parsed.notices.is_empty(), "{text}: {:?}", parsed.notices);
        prop_assert_eq!(parsed.plan, plan);
        prop_assert_eq!(plan_to_query(&parsed.plan), text);
    }

    /// Every reachable plan evaluates to finite metrics, shares summing to 100.
    #[test]
    fn every_plan_evaluates(plan in any_plan()) {
        let e = evaluate_plan(&plan).expect("clamped plans evaluate");
        let f = &e.forefoot;
        prop_assert!(approx::abs_diff_eq!(
            f.load_share_after_pct.iter().sum::<f64>(),
            100.0,
            epsilon = 1e-6
        ));
        prop_assert!(f.load_share_after_pct.iter().all(|s| s.is_finite() && *s >= 0.0));
        for (_, m) in plan_metrics(&e).entries() {
            if let osteoviz::state::plan::Metric::Number(v) = m {
                prop_assert!(v.is_finite());
            }
        }
    }

    /// Parsing never panics and always gives a plan that evaluates and round-trips.
    #[test]
    fn any_text_parses_to_a_usable_plan(
        query in "(plan|edit|compare|m[1-5]\\.(cut|kerf|close|slide|preset|ref|ray|x)|[a-z]{1,4})=[-a-z0-9.%&=]{0,8}(&(plan|m[2-4]\\.[a-z]{2,5})=[-a-z0-9.]{0,6}){0,4}"
    ) {
        let parsed = parse_plan_query(&query);
        prop_assert!(evaluate_plan(&parsed.plan).is_ok());
        let again = parse_plan_query(&plan_to_query(&parsed.plan));
        prop_assert_eq!(again.plan, parsed.plan);
    }

    #[test]
    fn arbitrary_text_never_panics(query in ".{0,80}") {
        let parsed = parse_plan_query(&query);
        prop_assert!(evaluate_plan(&parsed.plan).is_ok());
    }
}

/// The plan panel's English is what it was before its texts moved into the catalogue, word for
/// word (lecturers' scripts and the e2e tests select by some), with the glossary's typography:
/// a no-break space between a number and its unit, the minus sign U+2212; and the English
/// catalogue is what the model's tables say.
#[test]
fn the_plan_panel_english_is_unchanged() {
    use osteoviz::model::plan::{PROVENANCE, SOURCE_PROTRUSION, SOURCE_ROBOTIC};
    use osteoviz::state::i18n::tr;
    use osteoviz::state::plan::{
        edit_hint_in, head_kind_in, how_load_in, how_views_in, mm_in, percent_in, points_in,
        provenance_in, ray_title_in, signed_in, signed_mm_in, Metric, HEAD_COLUMNS, INDICATORS,
    };
    use osteoviz::state::view::Lang;
    let en = Lang::En;
    let rows: Vec<[String; 7]> = INDICATORS
        .iter()
        .map(|i| {
            [
                i.label_in(en).to_string(),
                i.status_in(en, true),
                i.status_in(en, false),
                i.threshold_in(en),
                i.assumption_in(en).unwrap_or("").to_string(),
                i.source.1.to_string(),
                i.value_in(en, Metric::Number(1.46)),
            ]
        })
        .collect();
    let expected = [
        ["M2 longer than M3", "within", "over 3\u{a0}mm",
         "over 3\u{a0}mm, with the SM4 line proximal to the M4 head centre: central metatarsalgia pattern",
         "", "Barouk 2005", "1.5\u{a0}mm"],
        ["SM4 line from the M4 head centre (distal +)", "normal", "outside",
         "normal from 2\u{a0}mm proximal to 4\u{a0}mm distal of the M4 head centre",
         "sesamoid placed on the intact M4 head centre of the mean normal foot", "Maestro", "+1.5\u{a0}mm"],
        ["M1 − M2 length", "normal", "outside",
         "normal: M1 as long as M2 or up to 2\u{a0}mm shorter (−2 to 0\u{a0}mm)", "", "Maestro", "+1.5\u{a0}mm"],
        ["Central metatarsalgia pattern", "no", "yes",
         "M2 over 3\u{a0}mm longer than M3 and the SM4 line proximal to the M4 head centre",
         "", "Barouk 2005", "+1.5\u{a0}mm"],
    ];
    for (row, want) in rows.iter().zip(expected) {
        assert_eq!(*row, want.map(String::from));
    }
    assert_eq!(INDICATORS[3].value_in(en, Metric::Flag(false)), "no");
    assert_eq!(
        HEAD_COLUMNS.map(|id| tr(en, id)),
        [
            "tip before",
            "tip after",
            "height before",
            "height after",
            "load before",
            "load after"
        ]
    );
    assert_eq!(
        [
            head_kind_in(en, Head::M1, false),
            head_kind_in(en, Head::M3, true),
            head_kind_in(en, Head::M4, false),
            head_kind_in(en, Head::M5, true)
        ],
        ["reference", "cut", "not cut", "reference"]
    );
    assert_eq!(
        [tr(en, Msg::PlanHeadShortened), tr(en, Msg::PlanHeadRise)],
        ["shortened", "rise"]
    );
    assert_eq!(
        [
            signed_mm_in(en, 0.04),
            signed_mm_in(en, -0.04),
            signed_mm_in(en, -1.26),
            signed_in(en, 2.26)
        ],
        ["0.0\u{a0}mm", "0.0\u{a0}mm", "\u{2212}1.3\u{a0}mm", "+2.3"]
    );
    assert_eq!(mm_in(en, 16.84), "16.8\u{a0}mm");
    assert_eq!(
        [percent_in(en, 20.0, 0), percent_in(en, 26.54, 1)],
        ["20%", "26.5%"]
    );
    assert_eq!(points_in(en, -3.21), "\u{2212}3.2\u{a0}points");
    assert_eq!(
        format!("{}0.00 → 0.05{}-3.2 points", tr(en, Msg::PlanEvenness), tr(en, Msg::PlanLargestGain)),
        "Evenness of M2-M4 loads (coefficient of variation): 0.00 → 0.05 · largest gain on M2-M4: -3.2 points"
    );
    assert_eq!(ray_title_in(en, Ray::M3), "Edit M3 in its sagittal view");
    assert_eq!(
        edit_hint_in(en, Ray::M4),
        "Below: the sagittal view of M4 (seen from medial). Its controls edit M4 in this plan; \
         select another ray above or click a head."
    );
    assert_eq!(
        PlanPreset::ALL.map(|p| p.description_in(en)),
        [
            "DMMO of M2 alone: its neighbours M1 and M3 take the load it loses.",
            "DMMO of M2 and M3: M4 is left lower and longer than M3.",
            "DMMO of M2, M3 and M4 (the usual plan, even for an asymptomatic M4): the central heads move together.",
        ]
    );
    assert_eq!(
        PlanPreset::M2.description(),
        PlanPreset::M2.description_in(en)
    );
    assert_eq!(
        how_views_in(en),
        format!(
            "Top view: each head's tip moves proximally by its ray's shortening projected on the \
             ground; the default tips are the mean normal parabola ({SOURCE_PROTRUSION}). Arch \
             view: each head centre rises by its ray's head rise."
        )
    );
    assert_eq!(
        tr(en, Msg::PlanHowLoadTitle),
        "Load share, a teaching heuristic, not a measurement"
    );
    assert_eq!(
        how_load_in(en),
        format!(
            " (no published relation from millimetres to plantar pressure exists). Each \
             metatarsal is pressed down by an equal share of the load and rests on its fat pad, a \
             spring k; neighbours are tied by intermetatarsal ligaments, springs 1·k. A head \
             raised by x compresses its pad less: (d_i − x_i) + c·Σ_neighbours (d_i − d_j) = δ₀, \
             load_i = k·(d_i − x_i), share_i = load_i / Σ load, with x = head rise + ground \
             shortening · sin 20° (push-off heel rise) and δ₀ = 3\u{a0}mm; a head pulled off the \
             ground carries nothing. Shortening or raising M2 alone moves load to M1 and M3, as \
             the {SOURCE_ROBOTIC} found. Transfer warning: a central ray more than 1\u{a0}mm lower or \
             longer than a treated neighbour."
        )
    );
    let provenance = provenance_in(en);
    assert_eq!(provenance.len(), PROVENANCE.len());
    for ((name, note, assumption), (what, p)) in provenance.iter().zip(&PROVENANCE) {
        assert_eq!(
            (*name, *note, *assumption),
            (*what, p.note(), p.is_assumption())
        );
    }
    assert_eq!(Msg::PLAN_PROVENANCE_NAME.len(), PROVENANCE.len());
    assert_eq!(Msg::PLAN_PROVENANCE_NOTE.len(), PROVENANCE.len());
    assert_eq!(
        [
            tr(en, Msg::TagAssumption),
            tr(en, Msg::TagPublished),
            tr(en, Msg::AboutColon)
        ],
        ["assumption", "published", ": "]
    );
}

/// A drawing's viewBox: x, y, width, height.
fn view_box_of(svg: &osteoviz::scene::Node) -> Vec<f64> {
    svg.get("viewBox")
        .unwrap()
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect()
}

/// The texts of `svg` whose class contains one of `sizes`' classes, with where each ends, estimated
/// at 0.65 em a character (wider than DejaVu Sans's average) at the size of its class in
/// plan.css.
fn estimated_text_ends(svg: &osteoviz::scene::Node, sizes: &[(&str, f64)]) -> Vec<(String, f64)> {
    svg.descendants()
        .into_iter()
        .filter(|n| n.tag == "text")
        .filter_map(|text| {
            let class = text.get("class").unwrap_or_default();
            let (_, size) = sizes.iter().find(|(c, _)| class.contains(c))?;
            let x: f64 = text.get("x")?.parse().ok()?;
            let content = text.text.as_deref().unwrap_or("").to_string();
            let end = x + content.chars().count() as f64 * 0.65 * size;
            Some((content, end))
        })
        .collect()
}

/// Both plan drawings in each language.
fn plan_views_in_every_language() -> Vec<(
    osteoviz::state::view::Lang,
    osteoviz::scene::Node,
    osteoviz::scene::Node,
)> {
    use osteoviz::scene::plan::{arch_view, top_view};
    use osteoviz::scene::SceneOptions;
    use osteoviz::state::view::Lang;
    let parsed = parse_plan_query("plan=m2m3m4");
    let e = evaluate_plan(&parsed.plan).unwrap();
    [Lang::En, Lang::Fr, Lang::Es]
        .into_iter()
        .map(|lang| {
            let options = SceneOptions {
                lang,
                ..Default::default()
            };
            (
                lang,
                top_view(&parsed.plan, &e, &options),
                arch_view(&parsed.plan, &e, &options),
            )
        })
        .collect()
}

/// The top view's start-anchored texts right of the heads (SM4 line, its value, its normal
/// range) end inside the viewBox in every language.
#[test]
fn the_sm4_texts_fit_in_the_top_view() {
    for (lang, top, _) in plan_views_in_every_language() {
        let vb = view_box_of(&top);
        let right = vb[0] + vb[2];
        let texts = estimated_text_ends(
            &top,
            &[
                ("sm4-label", 2.8),
                ("indicator-value", 3.0),
                ("label-start caption", 2.5),
            ],
        );
        assert!(texts.len() >= 3, "{lang:?}: {texts:?}");
        for (text, end) in texts {
            assert!(
                end <= right,
                "{lang:?}: {text:?} ends near {end:.1} > {right}"
            );
        }
    }
}

/// The arch view's load-share title and heuristic note (left of the bars) end before the M1
/// bar in every language.
#[test]
fn the_load_share_note_clears_the_m1_bar() {
    for (lang, _, arch) in plan_views_in_every_language() {
        let m1_bar_left = arch
            .descendants()
            .into_iter()
            .find(|n| n.is("class", "bar-before"))
            .and_then(|n| n.get("x")?.parse::<f64>().ok())
            .unwrap();
        let texts = estimated_text_ends(&arch, &[("bar-title", 2.9), ("heuristic-note", 2.5)]);
        assert_eq!(texts.len(), 5, "{lang:?}: {texts:?}");
        for (text, end) in texts {
            assert!(
                end <= m1_bar_left - 0.5,
                "{lang:?}: {text:?} ends near {end:.1}, the M1 bar starts at {m1_bar_left}"
            );
        }
    }
}

/// Reference Section 4.2, "Forefoot": with `load=1` each treated head settles under its own
/// share of the ground force (its share relative to an even fifth); the shares follow the new
/// heights, iterated to a fixed point; untreated heads stay where they are.
#[test]
fn under_body_weight_each_treated_head_settles_under_its_share() {
    use osteoviz::model::settle::settle;
    let e = evaluated("plan=m2m3m4&load=1");
    let s = &e.settled;
    assert!(s.iterations >= 2 && s.iterations < 200, "{}", s.iterations);
    assert!(s.final_change_pct < 1e-9, "{}", s.final_change_pct);
    assert_close(
        s.load_share_pct.iter().sum::<f64>(),
        100.0,
        1e-9,
        "shares sum",
    );
    // The fixed point: the shares are the heuristic's for the settled heads...
    let again = osteoviz::model::plan::load_shares(&s.motions.map(|m| m.offload_mm()));
    for (a, b) in again.iter().zip(&s.load_share_pct) {
        assert_close(*a, *b, 1e-6, "fixed point");
    }
    // ...and each treated head settled under its share.
    for (k, ray) in Ray::ALL.iter().enumerate() {
        let head = k + 1;
        let share = s.load_share_pct[head] / 20.0;
        let d = settle(&e.rays[k].settle_input, share).displacement;
        let as_left = e.forefoot.motions[head];
        assert_close(
            s.motions[head].rise_mm,
            as_left.rise_mm + d.y,
            1e-9,
            &format!("{ray:?} rise"),
        );
        assert_close(
            s.motions[head].ground_shortening_mm,
            as_left.ground_shortening_mm - d.x,
            1e-9,
            &format!("{ray:?} shortening"),
        );
    }
    for head in [0, 4] {
        assert_eq!(
            s.motions[head],
            e.forefoot.motions[head],
            "M{} stays",
            head + 1
        );
    }
    // An untreated ray does not move either.
    let alone = evaluated("plan=m2&load=1");
    assert_eq!(alone.settled.motions[2], alone.forefoot.motions[2]);
    assert_ne!(alone.settled.motions[1], alone.forefoot.motions[1]);
    // The views and the table show the settled heads under load.
    assert_eq!(e.shown(true), &e.forefoot_settled);
    assert_eq!(e.shown(false), &e.forefoot);
}

/// An overloaded head rises more than an unloaded one: the same osteotomy under a larger share
/// settles further ("normalization of the pressure under the metatarsal heads").
#[test]
fn a_more_loaded_head_settles_further() {
    use osteoviz::model::settle::settle;
    let e = evaluated("plan=m2m3m4");
    let input = &e.rays[0].settle_input;
    let light = settle(input, 0.5).displacement_mm();
    let heavy = settle(input, 1.5).displacement_mm();
    assert!(heavy > light, "{heavy} > {light}");
}

/// `load` is the plan's: one key for every ray, kept in the canonical text; `mN.load` is not a
/// key.
#[test]
fn load_is_a_plan_key() {
    let parsed = parse_plan_query("plan=m2m3&load=1&m3.cut=50");
    assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
    assert!(parsed.plan.load);
    assert!(parsed.plan.rays.iter().all(|r| !r.load));
    assert!(parsed.plan.edited_view().load);
    let text = plan_to_query(&parsed.plan);
    assert_eq!(text, "plan=m2m3&load=1&m3.cut=50");
    assert_eq!(parse_plan_query(&text).plan, parsed.plan);
    let bad = parse_plan_query("plan=m2&m3.load=1&load=maybe");
    assert_eq!(bad.notices.len(), 2, "{:?}", bad.notices);
    assert!(!bad.plan.load);
}

/// The plan JSON: per head `head_rise_settled_mm` and `load_share_settled_pct`, and
/// `load_central_cv_settled`, with the iterations.
#[test]
fn eval_prints_the_settled_plan() {
    let bin = env!("CARGO_BIN_EXE_osteoviz");
    let out = std::process::Command::new(bin)
        .args(["eval", "plan=m2m3m4&load=1"])
        .output()
        .expect("osteoviz runs");
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let e = evaluated("plan=m2m3m4&load=1");
    assert_eq!(json["load"], 1);
    for (i, name) in ["m1", "m2", "m3", "m4", "m5"].iter().enumerate() {
        let head = &json["heads"][name];
        // (serde_json reads the last digit of a float approximately.)
        let read = |key: &str| head[key].as_f64().unwrap();
        assert_close(
            read("head_rise_settled_mm"),
            e.settled.motions[i].rise_mm,
            1e-12,
            name,
        );
        assert_close(
            read("load_share_settled_pct"),
            e.settled.load_share_pct[i],
            1e-12,
            name,
        );
    }
    assert_close(
        json["load_central_cv_settled"].as_f64().unwrap(),
        ForefootOutcome::central_cv(&e.settled.load_share_pct),
        1e-12,
        "cv",
    );
    assert_eq!(json["settle_iterations"], e.settled.iterations as f64);
    assert!(json["settle_final_change_pct"].as_f64().unwrap() < 1e-9);
}

/// The URLs of tests/plan-urls.tsv: the app and the page's boot script (scripts/split.mjs,
/// checked by tests/e2e/boot.spec.ts) must agree on which are plans.
#[test]
fn plan_urls_of_the_shared_corpus() {
    let corpus = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/plan-urls.tsv"),
    )
    .unwrap();
    let mut checked = 0;
    for line in corpus
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (query, page) = line.split_once('\t').expect("query<TAB>page");
        assert!(matches!(page, "plan" | "ray"), "{line}");
        assert_eq!(is_plan_query(query), page == "plan", "{query}");
        checked += 1;
    }
    assert!(checked >= 20, "{checked} URLs");
}

/// The top view's legend: in every language and theme, each text ends before the next entry's
/// swatch on its row and inside the drawing (it wraps into rows rather than collide).
#[test]
fn the_top_view_legend_never_collides() {
    use osteoviz::scene::plan::top_view;
    use osteoviz::scene::SceneOptions;
    use osteoviz::state::view::{Lang, Theme};
    let parsed = parse_plan_query("plan=m2m3m4");
    let e = evaluate_plan(&parsed.plan).unwrap();
    for theme in Theme::ALL {
        let (size, bold) = if theme == Theme::Projector {
            (3.6, true)
        } else {
            (2.5, false)
        };
        for lang in [Lang::En, Lang::Fr, Lang::Es] {
            let options = SceneOptions {
                lang,
                theme,
                ..Default::default()
            };
            let top = top_view(&parsed.plan, &e, &options);
            let vb = view_box_of(&top);
            let legend = top
                .descendants()
                .into_iter()
                .find(|n| n.is("class", "legend"))
                .expect("a legend");
            // (row y, left, right) of each swatch and each text, in document order.
            let mut items = Vec::new();
            for n in legend.children.iter() {
                let num = |k: &str| n.get(k).and_then(|v| v.parse::<f64>().ok()).unwrap();
                match n.tag {
                    "line" => items.push((num("y1"), num("x1"), num("x2"), None)),
                    "rect" => items.push((num("y") + 1.2, num("x"), num("x") + num("width"), None)),
                    "text" => {
                        let text = n.text.clone().unwrap_or_default();
                        let end = num("x") + osteoviz::scene::label_width_mm(&text, size, bold);
                        items.push((num("y"), num("x"), end, Some(text)));
                    }
                    other => panic!("unexpected {other} in the legend"),
                }
            }
            assert_eq!(items.len(), 6, "{theme:?} {lang:?}: {items:?}");
            for pair in items.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                if approx::abs_diff_eq!(a.0, b.0, epsilon = 1e-9) {
                    assert!(
                        a.2 <= b.1 + 0.2,
                        "{theme:?} {lang:?}: {:?} ends near {:.1}, the next entry starts at {:.1}",
                        a.3,
                        a.2,
                        b.1
                    );
                }
            }
            for item in &items {
                assert!(
                    item.1 >= vb[0] && item.2 <= vb[0] + vb[2],
                    "{theme:?} {lang:?}: {item:?} outside the viewBox {vb:?}"
                );
                assert!(
                    item.0 + 1.5 <= vb[1] + vb[3],
                    "{theme:?} {lang:?}: {item:?} below the viewBox {vb:?}"
                );
            }
        }
    }
}
