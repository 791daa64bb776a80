//! Every language renders with no missing string: every scene of every preset, ray and
//! interaction state, the summary, the readouts, the controls, the presets, the notices and
//! the motion limits, in English, French and Spanish, hold no `⟦id⟧` marker (an id the
//! catalogue lacks) and no unfilled `{placeholder}`; every id the code names exists; the
//! English catalogue is the text the tables (readouts, keys, provenance) carry.
//! The catalogue itself (every id in every language) is tested in `state::i18n`.
#![cfg(not(target_arch = "wasm32"))]

use osteoviz::model::anatomy::PROVENANCE;
use osteoviz::model::kinematics::MotionLimit;
use osteoviz::model::{evaluate, ModelError, Ray, Verdict};
use osteoviz::scene::{self, SceneOptions};
use osteoviz::state::i18n::Msg;
use osteoviz::state::i18n::{tr, MISSING_MARK};
use osteoviz::state::query::Notice;
use osteoviz::state::readouts::{
    display_in, limit_text_in, model_error_text, report_in, summary_in, verdict_text_in, READOUTS,
    SETTLED_READOUTS,
};
use osteoviz::state::view::Lang;
use osteoviz::state::{parse_query, Preset, KEYS};

/// Text shown to a user: no marker, no unfilled placeholder, not empty.
fn assert_clean(text: &str, what: &str) {
    assert!(!text.trim().is_empty(), "{what}: empty");
    assert!(
        !text.contains(MISSING_MARK),
        "{what}: a missing id in {text:?}"
    );
    assert!(
        !text.contains('{') && !text.contains('}'),
        "{what}: an unfilled placeholder in {text:?}"
    );
}

/// Every text node and every human-facing attribute of an SVG.
fn svg_texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("valid SVG");
    let mut out = Vec::new();
    for node in doc.descendants() {
        if node.is_text() && node.parent().is_some_and(|p| !p.has_tag_name("style")) {
            if let Some(t) = node.text().filter(|t| !t.trim().is_empty()) {
                out.push(t.to_string());
            }
        }
        for name in ["aria-label", "aria-valuetext"] {
            if let Some(v) = node.attribute(name) {
                out.push(v.to_string());
            }
        }
    }
    out
}

/// States that reach every sentence variant: each preset on each ray, plus slides, tilts,
/// partial closures, limits and every verdict.
fn queries() -> Vec<String> {
    let mut out = Vec::new();
    for p in Preset::ALL {
        for ray in [2, 3, 4] {
            out.push(format!("preset={}&ray={ray}", p.name()));
        }
    }
    for extra in [
        "close=1",
        "slide=2&tilt=5",
        "slide=-3&tilt=-4",
        "close=0&kerf=0",
        "kerf=1&tilt=-20",
        "cut=150&slide=4",
        "cut=90&slide=6",
        "cut=0&kerf=0&slide=0",
        "ref=ground&cut=0&slide=-5",
        "mu=0&cut=60",
    ] {
        out.push(format!("preset=dmmo&{extra}"));
    }
    out
}

#[test]
fn every_scene_in_every_language_has_every_string() {
    let mut verdicts = std::collections::HashSet::new();
    for query in queries() {
        let parsed = parse_query(&query);
        let Ok(e) = evaluate(&parsed.state.to_params()) else {
            continue;
        };
        verdicts.insert(e.outcomes.verdict.key());
        let mut english = None;
        for lang in Lang::ALL {
            for interactive in [true, false] {
                let options = SceneOptions {
                    interactive,
                    standalone: !interactive,
                    lang,
                    caption: vec![summary_in(&parsed.state, &e, lang)],
                    ..Default::default()
                };
                let svg = scene::build(&parsed.state, &e, &options).to_svg();
                let texts = svg_texts(&svg);
                assert!(texts.len() > 10, "{query}: {texts:?}");
                for t in &texts {
                    assert_clean(t, &format!("{query} {}", lang.code()));
                }
                if interactive {
                    match lang {
                        Lang::En => english = Some(texts),
                        _ => assert_ne!(
                            english.as_ref(),
                            Some(&texts),
                            "{query}: {} drawing is the English one",
                            lang.code()
                        ),
                    }
                }
            }
        }
    }
    assert!(verdicts.len() >= 6, "every verdict drawn: {verdicts:?}");
}

#[test]
fn french_and_spanish_drawings_use_the_decimal_comma() {
    let state = Preset::Dmmo.state(Ray::M2);
    let e = evaluate(&state.to_params()).unwrap();
    let draw = |lang| {
        let options = SceneOptions {
            lang,
            ..Default::default()
        };
        scene::build(&state, &e, &options).to_svg()
    };
    let (en, fr, es) = (draw(Lang::En), draw(Lang::Fr), draw(Lang::Es));
    assert!(en.contains("rise 2.3\u{a0}mm") && en.contains("The head tips into dorsiflexion"));
    assert!(
        fr.contains("élévation 2,3\u{a0}mm") && fr.contains("La tête bascule en flexion dorsale")
    );
    assert!(
        es.contains("elevación 2,3\u{a0}mm") && es.contains("La cabeza bascula en flexión dorsal")
    );
    assert!(en.contains("lever e 7.4\u{a0}mm") && fr.contains("levier e 7,4\u{a0}mm"));
    assert!(fr.contains("Forces sur la coupe") && es.contains("Fuerzas sobre el corte"));
    // Machine values (coordinates, aria-valuenow) keep the dot.
    let doc = roxmltree::Document::parse(&fr).unwrap();
    for node in doc.descendants() {
        for attr in ["x", "y", "x1", "cx", "viewBox", "aria-valuenow"] {
            if let Some(v) = node.attribute(attr) {
                assert!(!v.contains(','), "{attr}={v}");
            }
        }
    }
}

#[test]
fn summaries_readouts_limits_and_notices_in_every_language() {
    for query in queries() {
        let parsed = parse_query(&query);
        let Ok(e) = evaluate(&parsed.state.to_params()) else {
            continue;
        };
        let english = summary_in(&parsed.state, &e, Lang::En);
        for lang in Lang::ALL {
            let what = format!("{query} {}", lang.code());
            let s = summary_in(&parsed.state, &e, lang);
            assert_clean(&s, &what);
            assert!(s.ends_with('.'), "{what}: {s}");
            assert!(s.chars().next().unwrap().is_uppercase(), "{what}: {s}");
            if lang != Lang::En {
                assert_ne!(s, english, "{what}");
                assert!(!s.contains(" 2.3 mm"), "{what}: a decimal point in {s}");
            }
            for r in &READOUTS {
                assert_clean(r.label_in(lang), &format!("{what} label {}", r.key));
                assert_clean(
                    &display_in(r, (r.value)(&e.outcomes), lang),
                    &format!("{what} value {}", r.key),
                );
            }
            for l in &e.limits {
                assert_clean(&limit_text_in(l, lang), &what);
            }
        }
    }
    let limits = [
        MotionLimit::ClosureLimitedToKerf {
            requested_mm: 3.0,
            applied_mm: 2.5,
        },
        MotionLimit::ClosureReducedForTilt {
            requested_mm: 2.6,
            applied_mm: 1.25,
        },
        MotionLimit::TiltLimited {
            requested_deg: -20.0,
            applied_deg: -8.4,
        },
    ];
    let notices = [
        Notice::UnknownKey { key: "foo".into() },
        Notice::InvalidValue {
            key: "cut".into(),
            value: "abc".into(),
        },
        Notice::Clamped {
            key: "kerf".into(),
            requested: 99.5,
            applied: 5.0,
        },
    ];
    let errors = [
        ModelError::NotFinite("declination"),
        ModelError::OutOfRange {
            name: "kerf",
            value: 7.5,
            min: 0.0,
            max: 5.0,
        },
    ];
    for lang in Lang::ALL {
        for verdict in Verdict::ALL {
            assert_clean(verdict_text_in(lang, verdict), verdict.key());
        }
        for l in &limits {
            assert_clean(&limit_text_in(l, lang), lang.code());
        }
        for n in &notices {
            let text = n.notice_text(lang);
            assert_clean(&text, lang.code());
            assert_ne!(lang != Lang::En, text == n.to_string(), "{text}");
        }
        for err in &errors {
            assert_clean(&model_error_text(err, lang), lang.code());
        }
        for k in &KEYS {
            assert_clean(k.label_in(lang), k.name);
        }
        for p in Preset::ALL {
            assert_clean(p.label_in(lang), p.name());
            assert_clean(p.description_in(lang), p.name());
        }
    }
    // The notice quotes the URL's value with a dot; the value used follows the language.
    assert_eq!(
        notices[2].notice_text(Lang::Fr),
        "kerf=99.5 est hors limites\u{a0}: 5 retenu"
    );
    assert_eq!(
        limit_text_in(&limits[2], Lang::Es),
        "con esta basculación, los fragmentos se solaparían: basculación limitada de \
         \u{2212}20,00° a \u{2212}8,40°"
    );
}

#[test]
fn the_report_translates_its_texts_and_keeps_its_keys_and_numbers() {
    let parsed = parse_query("preset=dmmo&foo=1&slide=-1");
    let en = serde_json::to_value(report_in(&parsed, Lang::En).unwrap()).unwrap();
    let fr = serde_json::to_value(report_in(&parsed, Lang::Fr).unwrap()).unwrap();
    let keys =
        |v: &serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys(&en), keys(&fr));
    for (k, v) in en.as_object().unwrap() {
        if k != "summary" && k != "warnings" {
            assert_eq!(&fr[k], v, "{k}");
        }
    }
    assert_ne!(en["summary"], fr["summary"]);
    assert_eq!(
        fr["warnings"][0],
        "paramètre inconnu «\u{a0}foo\u{a0}» ignoré"
    );
    assert_eq!(
        en["summary"],
        "Closing the 2.6\u{a0}mm kerf and sliding the head 1.0\u{a0}mm proximally raises the \
         head 1.8\u{a0}mm and shortens the ray 2.5\u{a0}mm; the load’s line of action passes \
         6.4\u{a0}mm dorsal of the bone contact: the head tips into dorsiflexion."
    );
    assert_eq!(
        fr["summary"],
        "En fermant l’espace fraisé de 2,6\u{a0}mm et en reculant la tête de 1,0\u{a0}mm, on \
         élève la tête de 1,8\u{a0}mm et on raccourcit le rayon de 2,5\u{a0}mm\u{a0}; la ligne \
         d’action de la charge passe 6,4\u{a0}mm en dorsal du contact osseux\u{a0}: la tête \
         bascule en flexion dorsale."
    );
}

/// The English catalogue is what the const tables say, so English cannot drift.
#[test]
fn the_english_catalogue_matches_the_tables() {
    // Each table row names its own message.
    for r in &READOUTS {
        assert_eq!(r.label.id(), format!("readout.{}", r.path));
    }
    for r in &SETTLED_READOUTS {
        assert_eq!(r.label.id(), format!("readout.{}", r.path));
    }
    for k in &KEYS {
        assert_eq!(k.label.id(), format!("control.{}", k.name));
    }
    assert_eq!(Msg::ABOUT_PROVENANCE_NAME.len(), PROVENANCE.len());
    assert_eq!(Msg::ABOUT_PROVENANCE_NOTE.len(), PROVENANCE.len());
    for (i, (name, p)) in PROVENANCE.iter().enumerate() {
        assert_eq!(tr(Lang::En, Msg::ABOUT_PROVENANCE_NAME[i]), *name);
        assert_eq!(tr(Lang::En, Msg::ABOUT_PROVENANCE_NOTE[i]), p.note());
    }
    for (group, count) in [
        (Msg::ABOUT_CONVENTIONS, 7),
        (Msg::ABOUT_FORMULAS, 9),
        (Msg::ABOUT_UNKNOWN, 2),
        (Msg::ABOUT_REFERENCES, 9),
    ] {
        assert_eq!(group.len(), count, "{group:?}");
    }
}

/// The forefoot plan's drawings and texts in every language: no missing string, French and
/// Spanish differ from English, English is the text the plan tables carry.
#[test]
fn forefoot_plan_drawings_and_texts_in_every_language() {
    use osteoviz::model::plan::CAVEAT;
    use osteoviz::scene::plan::{arch_view, top_view};
    use osteoviz::state::plan::{
        evaluate_plan, parse_plan_query, transfer_text, transfer_text_in, HEURISTIC_LABEL,
    };
    assert_eq!(tr(Lang::En, Msg::PlanCaveatText), CAVEAT);
    assert_eq!(tr(Lang::En, Msg::PlanHeuristic), HEURISTIC_LABEL);
    for query in ["plan=m2", "plan=m2m3", "plan=m2m3m4", "plan=m2&edit=3"] {
        let plan = parse_plan_query(query).plan;
        let e = evaluate_plan(&plan).unwrap();
        let mut english = Vec::new();
        for lang in [Lang::En, Lang::Fr, Lang::Es] {
            let options = SceneOptions {
                lang,
                ..Default::default()
            };
            let mut texts = Vec::new();
            for svg in [
                top_view(&plan, &e, &options),
                arch_view(&plan, &e, &options),
            ] {
                texts.extend(svg_texts(&svg.to_xml()));
            }
            for t in &texts {
                assert_clean(t, &format!("{query} {}", lang.code()));
            }
            let label = plan.treated_label_in(lang);
            assert_clean(&label, query);
            for t in &e.forefoot.transfers {
                let text = transfer_text_in(t, lang);
                assert_clean(&text, query);
                if lang == Lang::En {
                    assert_eq!(text, transfer_text(t));
                } else {
                    assert_ne!(text, transfer_text(t));
                    assert!(!text.contains(" 1.0 mm"), "{text}");
                }
            }
            if lang == Lang::En {
                assert_eq!(label, plan.treated_label());
                english = texts;
            } else {
                assert_ne!(texts, english, "{query}: {} plan drawing", lang.code());
            }
        }
    }
}

/// English the forefoot plan page used to show in French and Spanish: none of it may be left
/// (tests/e2e/i18n.spec.ts checks the page itself with the same kind of list).
const PLAN_ENGLISH: [&str; 40] = [
    "within",
    "over 3\u{a0}mm",
    "outside",
    "yes",
    "tip before",
    "tip after",
    "height before",
    "load after",
    "reference",
    "not cut",
    " cut",
    "shortened",
    "rise",
    "Evenness",
    "coefficient of variation",
    "largest gain",
    "How the plan is computed",
    "Top view:",
    "Arch view:",
    "Load share",
    "teaching heuristic",
    "pressed down",
    "springs",
    "neighbour",
    "normal feet",
    "not published",
    "interpolated",
    "DMMO of",
    "the usual plan",
    "Edit M",
    "Below:",
    "sagittal view of",
    "assumption",
    "published",
    "head centre",
    "central metatarsalgia pattern",
    "proximal to",
    "sesamoid placed",
    " the ",
    "unknown parameter",
];

/// Everything the plan panel (src/ui/plan.rs) and its drawings write for a plan, in `lang`,
/// through the same functions; the threshold sources (citations) are left out.
fn plan_page_texts(query: &str, lang: Lang) -> Vec<String> {
    use osteoviz::model::plan::Head;
    use osteoviz::scene::plan::{arch_view, top_view};
    use osteoviz::state::i18n::{fixed, trf};
    use osteoviz::state::plan::{
        edit_hint_in, evaluate_plan, head_kind_in, head_metrics, how_load_in, how_views_in, mm_in,
        parse_plan_query, percent_in, plan_metrics, points_in, provenance_in, ray_title_in,
        signed_mm_in, transfer_text_in, Metric, PlanPreset, HEAD_COLUMNS, INDICATORS,
    };
    use osteoviz::state::query::notice_list;
    let parsed = parse_plan_query(query);
    let plan = parsed.plan;
    let e = evaluate_plan(&plan).unwrap();
    let f = &e.forefoot;
    let t = |msg: Msg| tr(lang, msg).to_string();
    let number = |m: Metric| match m {
        Metric::Number(v) => v,
        Metric::Flag(b) => f64::from(u8::from(b)),
    };
    let mut out: Vec<String> = [
        Msg::PlanTitle,
        Msg::PlanPresets,
        Msg::PlanEditRay,
        Msg::PlanCompareWith,
        Msg::PlanCompareNothing,
        Msg::PlanSideBySide,
        Msg::PlanSingleRay,
        Msg::PlanHarmony,
        Msg::PlanBefore,
        Msg::PlanAfter,
        Msg::PlanThresholdSource,
        Msg::PlanHeads,
        Msg::PlanHeuristic,
        Msg::PlanCaveat,
        Msg::PlanCaveatText,
        Msg::PlanHow,
        Msg::PlanHowLoadTitle,
        Msg::PlanEvenness,
        Msg::PlanLargestGain,
        Msg::PlanHeadShortened,
        Msg::PlanHeadRise,
    ]
    .iter()
    .map(|&msg| t(msg))
    .collect();
    out.extend(HEAD_COLUMNS.iter().map(|&msg| t(msg)));
    out.push(trf(
        lang,
        Msg::PlanThisPlan,
        &[("label", &plan.treated_label_in(lang))],
    ));
    out.push(trf(lang, Msg::PlanCutRay, &[("n", &plan.edit.number())]));
    for p in PlanPreset::ALL {
        out.push(p.label_in(lang));
        out.push(p.description_in(lang).to_string());
    }
    for ray in Ray::ALL {
        out.push(ray_title_in(lang, ray));
        out.push(
            tr(
                lang,
                if plan.is_treated(ray) {
                    Msg::PlanHeadCut
                } else {
                    Msg::PlanHeadNotCut
                },
            )
            .to_string(),
        );
    }
    let metrics = plan_metrics(&e).entries();
    let get = |key: &str| {
        metrics
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, m)| *m)
            .unwrap()
    };
    for ind in &INDICATORS {
        out.push(ind.label_in(lang).to_string());
        out.push(ind.status_in(lang, true));
        out.push(ind.status_in(lang, false));
        out.push(ind.threshold_in(lang));
        out.extend(ind.assumption_in(lang).map(String::from));
        out.push(ind.source.1.to_string());
        for when in ["before", "after"] {
            let unit = ind.kind.key_suffix();
            out.push(ind.value_in(lang, get(&format!("{}_{when}{unit}", ind.key))));
        }
    }
    for head in Head::ALL {
        let m = head_metrics(&e, head).entries();
        let get = |key: &str| number(m.iter().find(|(k, _)| *k == key).unwrap().1);
        out.push(head_kind_in(lang, head, get("treated") > 0.0).to_string());
        out.push(signed_mm_in(lang, get("protrusion_after_mm")));
        out.push(mm_in(lang, get("ground_shortening_mm")));
        out.push(mm_in(lang, get("head_centre_height_after_mm")));
        out.push(signed_mm_in(lang, get("head_rise_mm")));
        out.push(percent_in(lang, get("load_share_after_pct"), 1));
    }
    out.push(fixed(lang, number(get("load_central_cv_after")), 2));
    out.push(points_in(
        lang,
        number(get("load_max_central_increase_pct")),
    ));
    if f.transfers.is_empty() {
        out.push(t(Msg::PlanNoTransfer));
    }
    for tr in &f.transfers {
        out.push(t(Msg::PlanTransfer));
        out.push(transfer_text_in(tr, lang));
    }
    out.push(how_views_in(lang));
    out.push(how_load_in(lang));
    for (name, note, assumption) in provenance_in(lang) {
        out.push(format!("{name}{}{note}", t(Msg::AboutColon)));
        out.push(t(if assumption {
            Msg::TagAssumption
        } else {
            Msg::TagPublished
        }));
    }
    out.push(edit_hint_in(lang, plan.edit));
    if !parsed.notices.is_empty() {
        out.push(trf(
            lang,
            Msg::PlanAdjusted,
            &[("list", &notice_list(&parsed.notices, lang))],
        ));
    }
    let options = SceneOptions {
        lang,
        selected: Some(plan.edit),
        ..Default::default()
    };
    for svg in [
        top_view(&plan, &e, &options),
        arch_view(&plan, &e, &options),
    ] {
        out.extend(svg_texts(&svg.to_xml()));
    }
    out
}

/// The forefoot plan page in French and Spanish: every text of the panel and the drawings
/// is there (no marker, no unfilled placeholder), none of the English it used to show is left,
/// and numbers take the decimal comma.
#[test]
fn the_plan_page_in_french_and_spanish_has_no_english_left() {
    let queries = [
        "plan=m2m3m4",
        "plan=m2",
        "plan=m2m3&edit=3&m3.cut=60",
        "plan=m2&m2.kerf=0&m3.preset=dmmo&edit=4",
        "plan=m9&m3.kerf=99&m1.cut=4&bogus=1",
    ];
    let decimal_point = |text: &str| {
        let c: Vec<char> = text.chars().collect();
        c.windows(3)
            .any(|w| w[0].is_ascii_digit() && w[1] == '.' && w[2].is_ascii_digit())
    };
    for query in queries {
        let english = plan_page_texts(query, Lang::En);
        assert!(english.iter().any(|t| decimal_point(t)), "{query}");
        for lang in [Lang::Fr, Lang::Es] {
            let what = format!("{query} {}", lang.code());
            let texts = plan_page_texts(query, lang);
            assert_eq!(texts.len(), english.len(), "{what}");
            for t in &texts {
                assert_clean(t, &what);
                for phrase in PLAN_ENGLISH {
                    assert!(!t.contains(phrase), "{what}: English {phrase:?} in {t:?}");
                }
                assert!(!decimal_point(t), "{what}: a decimal point in {t:?}");
            }
        }
    }
    // The list names what English shows (so it would catch the English texts).
    let english = plan_page_texts("plan=m2&bogus=1", Lang::En).join("\n");
    let missing: Vec<&str> = PLAN_ENGLISH
        .iter()
        .filter(|p| !english.contains(**p))
        .copied()
        .collect();
    assert!(missing.is_empty(), "not in the English page: {missing:?}");
}

// ------------------------------------------------------------ typography (the glossary's rules)
// ../shared/domain/glossary-fr-es.md: a no-break space between a number and its unit in every
// language; French puts a no-break space before « : ; ? ! » and inside « » and writes ’;
// Spanish writes «» without inner spaces; one minus sign (U+2212) on screen. Machine values
// (data-value, JSON, the URL) keep ASCII.

/// The units a displayed number carries, longest first.
const UNITS: [&str; 8] = ["F/mm", "points", "puntos", "point", "mm", "%", "°", "F"];

/// A no-break space, wide or narrow.
fn no_break(c: char) -> bool {
    c == '\u{a0}' || c == '\u{202f}'
}

/// The unit `rest` starts with, if any (a unit of letters must end there: "mm", not "mmHg").
fn unit_at(rest: &[char]) -> Option<&'static str> {
    UNITS.into_iter().find(|unit| {
        let u: Vec<char> = unit.chars().collect();
        rest.starts_with(&u)
            && (!u[0].is_alphabetic() || rest.get(u.len()).is_none_or(|c| !c.is_alphabetic()))
    })
}

/// Where `text` breaks the typography of `lang`, each fault with its context. A `}` counts as
/// the end of a number, so templates are checked as well as the texts filled from them.
fn typography_faults(text: &str, lang: Lang) -> Vec<String> {
    let c: Vec<char> = text.chars().collect();
    let mut faults = Vec::new();
    let mut fault = |i: usize, what: &str| {
        let from = i.saturating_sub(24);
        let to = (i + 24).min(c.len());
        let context: String = c[from..to].iter().collect();
        faults.push(format!("{what}: …{context}…"));
    };
    for i in 0..c.len() {
        let prev = i.checked_sub(1).map(|p| c[p]);
        let next = c.get(i + 1).copied();
        // A number and its unit: never a plain space; a no-break space but before "°" (and "%"
        // in English).
        if c[i].is_ascii_digit() || c[i] == '}' {
            let rest = &c[i + 1..];
            if rest.first() == Some(&' ') && unit_at(&rest[1..]).is_some() {
                fault(i, "a plain space between a number and its unit");
            }
            match unit_at(rest) {
                Some("°") => {}
                Some("%") if lang == Lang::En => {}
                Some(_) => fault(i, "a unit without a no-break space"),
                None => {}
            }
        }
        // One minus sign: a hyphen-minus before a digit is a minus unless it joins two words
        // or numbers (ranges "9-10", ids "M2-M4", "E-44-923") or follows "=" (a URL value).
        if c[i] == '-'
            && next.is_some_and(|n| n.is_ascii_digit())
            && !prev.is_some_and(|p| p.is_alphanumeric() || p == '=')
        {
            fault(i, "a hyphen-minus as a minus sign");
        }
        match lang {
            Lang::Fr => {
                if c[i] == '\'' {
                    fault(i, "a straight apostrophe");
                }
                if ":;?!".contains(c[i]) {
                    if prev == Some(' ') {
                        fault(i, "a plain space before a colon, semicolon, ? or !");
                    }
                    // (A mark alone, such as the plan's risk mark "!", is a symbol.)
                    let ends_a_clause = prev.is_some() && next.is_none_or(char::is_whitespace);
                    if ends_a_clause && !prev.is_some_and(no_break) {
                        fault(i, "no no-break space before a colon, semicolon, ? or !");
                    }
                }
                if c[i] == '«' && !next.is_some_and(no_break) {
                    fault(i, "« without a no-break space after it");
                }
                if c[i] == '»' && !prev.is_some_and(no_break) {
                    fault(i, "» without a no-break space before it");
                }
            }
            Lang::Es => {
                if (c[i] == '«' && next.is_some_and(char::is_whitespace))
                    || (c[i] == '»' && prev.is_some_and(char::is_whitespace))
                {
                    fault(i, "a space inside « »");
                }
            }
            Lang::En => {}
        }
    }
    faults
}

/// Fails with every fault of every text, each named by `what` it is.
fn assert_typography(texts: &[(String, String)], lang: Lang) {
    let faults: Vec<String> = texts
        .iter()
        .flat_map(|(what, text)| {
            typography_faults(text, lang)
                .into_iter()
                .map(move |f| format!("{} {what}: {f}", lang.code()))
        })
        .collect();
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn the_typography_checker_catches_what_the_glossary_forbids() {
    let faults = |text: &str, lang| typography_faults(text, lang).len();
    for (text, lang) in [
        ("élévation 2,3 mm", Lang::Fr),
        ("2,3mm", Lang::Es),
        ("15 %", Lang::Es),
        ("15%", Lang::Fr),
        ("{mm} mm", Lang::En),
        ("k = 0.25 F/mm", Lang::En),
        ("-1.3\u{a0}mm", Lang::En),
        ("de -20,00°", Lang::Es),
        ("(-2 à 0\u{a0}mm)", Lang::Fr),
        ("Plan de l'avant-pied", Lang::Fr),
        ("Statique : R", Lang::Fr),
        ("Statique: R", Lang::Fr),
        ("pas de contact ; N", Lang::Fr),
        ("« foo\u{a0}»", Lang::Fr),
        ("«\u{a0}foo »", Lang::Fr),
        ("« foo »", Lang::Es),
        ("«\u{a0}foo»", Lang::Es),
    ] {
        assert!(faults(text, lang) > 0, "{text:?} passes in {lang:?}");
    }
    for (text, lang) in [
        ("élévation 2,3\u{a0}mm", Lang::Fr),
        ("15\u{a0}%", Lang::Es),
        ("26.5%", Lang::En),
        ("45,0°", Lang::Fr),
        ("\u{2212}1,3\u{a0}mm", Lang::Fr),
        ("about 9-10\u{a0}mm", Lang::En),
        ("2017;23(4):230-235", Lang::Fr),
        ("E-44-923, M2-M4, doi 10.1186/s13018-019-1159-0", Lang::Fr),
        (
            "slide=-30 est hors limites\u{a0}: \u{2212}30 retenu",
            Lang::Fr,
        ),
        ("paramètre inconnu «\u{a0}foo\u{a0}» ignoré", Lang::Fr),
        ("parámetro desconocido «foo» ignorado", Lang::Es),
        ("mm-to-pressure, 2 mmHg", Lang::En),
        ("Plan de l’avant-pied", Lang::Fr),
    ] {
        assert_eq!(
            typography_faults(text, lang),
            Vec::<String>::new(),
            "{text:?}"
        );
    }
}

/// Every message of the catalogue (the page, the drawing, the About panel, the plan), in every
/// language, templates included.
#[test]
fn every_catalogue_message_follows_the_typography() {
    use osteoviz::state::i18n::all_messages;
    for lang in Lang::ALL {
        let texts: Vec<(String, String)> = all_messages()
            .map(|m| (m.id.to_string(), m.text(lang).to_string()))
            .collect();
        assert!(texts.len() > 300, "{}", texts.len());
        assert_typography(&texts, lang);
    }
}

/// What the code builds for the single-ray page and the CLI, in every language: summaries (as
/// left and under body weight), readouts, limits, notices, errors, verdicts and the drawing's
/// texts, for every preset and the states that reach every sentence.
#[test]
fn texts_the_code_builds_follow_the_typography() {
    let mut queries = queries();
    queries.extend(queries.clone().iter().map(|q| format!("{q}&load=1")));
    queries.push("preset=dmmo&slide=-50&decl=-5&bogus=1".into());
    for lang in Lang::ALL {
        let mut texts: Vec<(String, String)> = Vec::new();
        for query in &queries {
            let parsed = parse_query(query);
            let Ok(e) = evaluate(&parsed.state.to_params()) else {
                continue;
            };
            let summary = summary_in(&parsed.state, &e, lang);
            texts.push((format!("{query} summary"), summary.clone()));
            for r in &READOUTS {
                let text = display_in(r, (r.value)(&e.outcomes), lang);
                texts.push((format!("{query} {}", r.key), text));
            }
            for r in &SETTLED_READOUTS {
                let text = display_in(r, (r.value)(&e.settled_outcomes), lang);
                texts.push((format!("{query} settled.{}", r.key), text));
            }
            for l in &e.limits {
                texts.push((format!("{query} limit"), limit_text_in(l, lang)));
            }
            for n in &parsed.notices {
                texts.push((format!("{query} notice"), n.notice_text(lang)));
            }
            let options = SceneOptions {
                interactive: true,
                lang,
                caption: vec![summary],
                ..Default::default()
            };
            let svg = scene::build(&parsed.state, &e, &options).to_svg();
            for t in svg_texts(&svg) {
                texts.push((format!("{query} drawing"), t));
            }
        }
        for verdict in Verdict::ALL {
            texts.push((verdict.key().into(), verdict_text_in(lang, verdict).into()));
        }
        for n in [
            Notice::Clamped {
                key: "slide".into(),
                requested: -50.0,
                applied: -30.0,
            },
            Notice::InvalidValue {
                key: "cut".into(),
                value: "abc".into(),
            },
        ] {
            texts.push(("notice".into(), n.notice_text(lang)));
        }
        for l in [
            MotionLimit::TiltLimited {
                requested_deg: -20.0,
                applied_deg: -8.4,
            },
            MotionLimit::ClosureLimitedToKerf {
                requested_mm: 3.0,
                applied_mm: 2.5,
            },
        ] {
            texts.push(("limit".into(), limit_text_in(&l, lang)));
        }
        let error = ModelError::OutOfRange {
            name: "slide",
            value: -31.5,
            min: -30.0,
            max: 30.0,
        };
        texts.push(("error".into(), model_error_text(&error, lang)));
        assert_typography(&texts, lang);
    }
}

/// What the code builds for the forefoot plan, in every language: the panel and its drawings
/// (as [`plan_page_texts`] collects them) and the one-sentence summary of every plan preset,
/// as the page and `osteoviz eval` give them.
#[test]
fn plan_texts_the_code_builds_follow_the_typography() {
    use osteoviz::state::plan::{
        evaluate_plan, parse_plan_query, plan_report_in, plan_summary_in, PlanPreset,
    };
    let mut queries = vec![
        "plan=m2&m2.kerf=0&m3.preset=dmmo&edit=4".to_string(),
        "plan=m2m3&edit=3&m3.cut=60&m3.slide=-2".to_string(),
        "plan=m9&m3.kerf=99&m1.cut=4&bogus=1".to_string(),
    ];
    for p in PlanPreset::ALL {
        queries.push(format!("plan={}", p.name()));
        queries.push(format!("plan={}&load=1", p.name()));
    }
    for lang in Lang::ALL {
        let mut texts: Vec<(String, String)> = Vec::new();
        for query in &queries {
            for t in plan_page_texts(query, lang) {
                texts.push((format!("{query} page"), t));
            }
            let parsed = parse_plan_query(query);
            let e = evaluate_plan(&parsed.plan).unwrap();
            let summary = plan_summary_in(&parsed.plan, &e, lang);
            texts.push((format!("{query} summary"), summary));
            let report = serde_json::to_value(plan_report_in(&parsed, lang).unwrap()).unwrap();
            for (key, text) in display_strings(&report) {
                texts.push((format!("{query} eval {key}"), text));
            }
        }
        assert_typography(&texts, lang);
    }
}

/// The human-facing strings of an `osteoviz eval` JSON object (summaries, warnings), by key,
/// however deep.
fn display_strings(json: &serde_json::Value) -> Vec<(String, String)> {
    const DISPLAY_KEYS: [&str; 3] = ["summary", "warnings", "transfer_warnings"];
    let mut out = Vec::new();
    let mut stack = vec![(String::new(), json, false)];
    while let Some((key, value, display)) = stack.pop() {
        match value {
            serde_json::Value::String(s) if display => out.push((key, s.clone())),
            serde_json::Value::Array(items) => {
                stack.extend(items.iter().map(|v| (key.clone(), v, display)));
            }
            serde_json::Value::Object(map) => stack.extend(map.iter().map(|(k, v)| {
                (
                    format!("{key}.{k}"),
                    v,
                    display || DISPLAY_KEYS.contains(&k.as_str()),
                )
            })),
            _ => {}
        }
    }
    out
}

/// Every machine string of an `osteoviz eval` JSON (keys, the query, the plan, verdict keys:
/// all but [`display_strings`]) is ASCII; numbers are JSON numbers.
fn assert_machine_json_is_ascii(json: &serde_json::Value, what: &str) {
    const DISPLAY_KEYS: [&str; 3] = ["summary", "warnings", "transfer_warnings"];
    let mut stack = vec![("".to_string(), json)];
    while let Some((key, value)) = stack.pop() {
        match value {
            serde_json::Value::String(s) => assert!(s.is_ascii(), "{what} {key}: {s:?}"),
            serde_json::Value::Array(items) => stack.extend(items.iter().map(|v| (key.clone(), v))),
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    assert!(k.is_ascii(), "{what}: key {k:?}");
                    if !DISPLAY_KEYS.contains(&k.as_str()) {
                        stack.push((format!("{key}.{k}"), v));
                    }
                }
            }
            _ => {}
        }
    }
}

/// Machine values keep ASCII digits, the point and the hyphen-minus in every language: each
/// readout's `data-value` (which reads back as its number), the query, the eval JSON (the same
/// as English but for its texts), the plan's metrics and JSON, the drawing's attributes.
#[test]
fn machine_values_keep_ascii_in_every_language() {
    use osteoviz::state::plan::{evaluate_plan, parse_plan_query, plan_metrics, plan_report_in};
    use osteoviz::state::query::to_query;
    use osteoviz::state::readouts::Value;
    let mut queries = queries();
    queries.push("preset=dmmo&slide=-3&tilt=-4&load=1&foo=1".into());
    for query in &queries {
        let parsed = parse_query(query);
        let Ok(e) = evaluate(&parsed.state.to_params()) else {
            continue;
        };
        let values = READOUTS.iter().map(|r| (r.value)(&e.outcomes)).chain(
            SETTLED_READOUTS
                .iter()
                .map(|r| (r.value)(&e.settled_outcomes)),
        );
        for v in values {
            let text = v.data_value();
            assert!(text.is_ascii(), "{query}: data-value {text:?}");
            if let Value::Number(n) = v {
                assert_eq!(text.parse::<f64>().ok(), Some(n), "{query}: {text}");
            }
        }
        assert!(to_query(&parsed.state).is_ascii(), "{query}");
        let english = serde_json::to_value(report_in(&parsed, Lang::En).unwrap()).unwrap();
        for lang in Lang::ALL {
            let mut json = serde_json::to_value(report_in(&parsed, lang).unwrap()).unwrap();
            assert_machine_json_is_ascii(&json, query);
            let mut english = english.clone();
            for key in ["summary", "warnings"] {
                json.as_object_mut().unwrap().remove(key);
                english.as_object_mut().unwrap().remove(key);
            }
            assert_eq!(json, english, "{query} {}", lang.code());
            // The drawing's attributes but its human-facing ones are machine values.
            let options = SceneOptions {
                interactive: true,
                lang,
                ..Default::default()
            };
            let svg = scene::build(&parsed.state, &e, &options).to_svg();
            let doc = roxmltree::Document::parse(&svg).unwrap();
            for node in doc.descendants() {
                for attr in node.attributes() {
                    if ["aria-label", "aria-valuetext"].contains(&attr.name()) {
                        continue;
                    }
                    assert!(
                        attr.value().is_ascii(),
                        "{query} {}: {}={:?}",
                        lang.code(),
                        attr.name(),
                        attr.value()
                    );
                }
            }
        }
    }
    for query in ["plan=m2m3m4&m3.slide=-1&m3.foo=2", "plan=m2&load=1"] {
        let parsed = parse_plan_query(query);
        let e = evaluate_plan(&parsed.plan).unwrap();
        for (key, metric) in plan_metrics(&e).entries() {
            assert!(metric.data_value().is_ascii(), "{query} {key}");
        }
        for lang in Lang::ALL {
            let json = serde_json::to_value(plan_report_in(&parsed, lang).unwrap()).unwrap();
            assert_machine_json_is_ascii(&json, query);
        }
    }
}

/// Every text of every built-in lesson (titles, captions, notes, hints), in every language,
/// follows the typography as the catalogue does: they are projected the same.
#[test]
fn every_built_in_lesson_follows_the_typography() {
    use osteoviz::state::lesson::{built_in, BUILT_IN};
    for lang in Lang::ALL {
        let mut texts: Vec<(String, String)> = Vec::new();
        for (name, _) in BUILT_IN {
            let lesson = built_in(name).unwrap();
            texts.push((format!("{name} title"), lesson.title.get(lang).to_string()));
            for (i, s) in lesson.steps.iter().enumerate() {
                let n = i + 1;
                texts.push((format!("{name} {n} title"), s.title.get(lang).to_string()));
                texts.push((format!("{name} {n} text"), s.text.get(lang).to_string()));
                if let Some(notes) = &s.notes {
                    texts.push((format!("{name} {n} notes"), notes.get(lang).to_string()));
                }
                for (k, h) in s.challenge.iter().flat_map(|c| c.hints.iter()).enumerate() {
                    texts.push((format!("{name} {n} hint {k}"), h.get(lang).to_string()));
                }
            }
        }
        assert!(texts.len() > 80, "{}", texts.len());
        assert_typography(&texts, lang);
    }
}
