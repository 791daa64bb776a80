//! Property tests over the whole parameter space.
#![cfg(not(target_arch = "wasm32"))]

use osteoviz::model::cut::{angle_against_deg, angle_to_shaft_deg};
use osteoviz::model::polygon::Polygon;
use osteoviz::model::{evaluate, AngleReference, Point, Ray};
use osteoviz::state::{parse_query, to_query, Key, State, KEYS};
use proptest::prelude::*;

/// Any state the interface can reach: every key anywhere in (and beyond) its range.
fn any_state() -> impl Strategy<Value = State> {
    let values = proptest::collection::vec(-1.2f64..1.2, KEYS.len());
    (0usize..3, any::<bool>(), any::<bool>(), values).prop_map(|(ray, ground, load, fractions)| {
        let mut s = State {
            load,
            ..State::default()
        };
        s.set_ray(Ray::ALL[ray]);
        s.set_reference(if ground {
            AngleReference::Ground
        } else {
            AngleReference::Shaft
        });
        for (spec, f) in KEYS.iter().zip(fractions) {
            let (lo, hi) = (spec.min, spec.max);
            s.set(
                spec.key,
                lo + (hi - lo) * (f + 1.2) / 2.4 * 1.4 - (hi - lo) * 0.2,
            );
        }
        s
    })
}

fn strictly_inside(polygon: &Polygon, p: &Point, margin: f64) -> bool {
    // Inside, and not within `margin` of any edge.
    if !polygon.contains(p) {
        return false;
    }
    let n = polygon.vertices.len();
    (0..n).all(|i| {
        let a = polygon.vertices[i];
        let b = polygon.vertices[(i + 1) % n];
        let ab = b - a;
        let t = osteoviz::numtext::clamp((p - a).dot(&ab) / ab.norm_squared().max(1e-18), 0.0, 1.0);
        (a + ab * t - p).norm() > margin
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_state_evaluates_to_finite_numbers(state in any_state()) {
        let e = evaluate(&state.to_params()).expect("clamped states evaluate");
        let o = e.outcomes;
        for v in [o.cut_to_shaft_deg, o.cut_to_ground_deg, o.head_rise_mm, o.axial_shortening_mm,
                  o.ground_shortening_mm, o.dorsal_shift_mm, o.declination_before_deg,
                  o.declination_after_deg, o.contact_mm, o.contact_fraction, o.cut_length_mm,
                  o.gap_mm, o.lever_arm_mm, o.normal_ratio, o.tangential_ratio] {
            prop_assert!(v.is_finite());
        }
        prop_assert!((0.0..=1.0).contains(&o.contact_fraction));
        prop_assert!(o.gap_mm >= 0.0);
        for polygon in [&e.geometry.proximal, &e.geometry.head_after, &e.geometry.kerf_strip] {
            prop_assert!(polygon.vertices.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
        }
    }

    #[test]
    fn motion_keeps_the_head_fragment_area(state in any_state()) {
        let e = evaluate(&state.to_params()).unwrap();
        let before = e.geometry.head_before.area();
        prop_assert!(approx::abs_diff_eq!(
            e.geometry.head_after.area(),
            before,
            epsilon = 1e-9 * before.max(1.0)
        ));
    }

    #[test]
    fn fragments_never_overlap(state in any_state()) {
        let e = evaluate(&state.to_params()).unwrap();
        let g = &e.geometry;
        for p in &g.head_after.vertices {
            prop_assert!(!strictly_inside(&g.proximal, p, 1e-5), "head vertex {p:?} inside the proximal fragment");
        }
        for p in &g.proximal.vertices {
            prop_assert!(!strictly_inside(&g.head_after, p, 1e-5), "proximal vertex {p:?} inside the head fragment");
        }
    }

    #[test]
    fn the_closure_never_exceeds_the_kerf(state in any_state()) {
        let e = evaluate(&state.to_params()).unwrap();
        prop_assert!(e.params.motion.closure_mm <= e.params.cut.kerf_mm + 1e-12);
        prop_assert!(e.params.motion.closure_mm >= 0.0);
    }

    #[test]
    fn angle_references_round_trip(phi in 0.0f64..180.0, delta in 0.0f64..35.0) {
        let theta = angle_against_deg(phi, AngleReference::Ground, delta);
        prop_assert!(approx::abs_diff_eq!(
            angle_to_shaft_deg(theta, AngleReference::Ground, delta),
            phi,
            epsilon = 1e-9
        ));
        let mut s = State::default();
        s.set(Key::Decl, delta);
        s.set(Key::Cut, phi);
        let shaft = s.cut_to_shaft_deg();
        s.set_reference(AngleReference::Ground);
        prop_assert!(approx::abs_diff_eq!(s.cut_to_shaft_deg(), shaft, epsilon = 0.05 + 1e-9));
    }

    #[test]
    fn stability_ranking_holds_for_any_declination(delta_deg in 0.0f64..=25.0, mu in 0.0f64..1.5) {
        let n = |phi: f64| {
            let mut s = State::default();
            s.set(Key::Decl, delta_deg);
            s.set(Key::Mu, mu);
            s.set(Key::Pull, 0.0);
            s.set(Key::Cut, phi);
            evaluate(&s.to_params()).unwrap().outcomes.normal_ratio
        };
        prop_assert!(n(45.0) > n(90.0) && n(90.0) > n(135.0) && n(135.0) < 0.0);
    }

    #[test]
    fn query_text_round_trips(state in any_state()) {
        let text = to_query(&state);
        let parsed = parse_query(&text);
        prop_assert!(parsed.notices.is_empty(), "{text}: {:?}", parsed.notices);
        prop_assert_eq!(parsed.state, state);
        prop_assert_eq!(to_query(&parsed.state), text);
    }

    #[test]
    fn any_text_parses_to_a_usable_state(query in ".{0,80}") {
        let parsed = parse_query(&query);
        let e = evaluate(&parsed.state.to_params());
        prop_assert!(e.is_ok());
        let again = parse_query(&to_query(&parsed.state));
        prop_assert_eq!(again.state, parsed.state);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The model remembers the outline and its split for the latest anatomy and cut
    /// (`model::evaluate`): an evaluation after other states, in any order, equals one made on a
    /// fresh thread, where nothing is remembered.
    #[test]
    fn remembering_the_split_never_changes_an_evaluation(a in any_state(), b in any_state()) {
        let (pa, pb) = (a.to_params(), b.to_params());
        let first = evaluate(&pa);
        let _ = evaluate(&pb);
        let again = evaluate(&pa);
        let fresh = std::thread::spawn(move || evaluate(&pa)).join().expect("no panic");
        prop_assert_eq!(&first, &again);
        prop_assert_eq!(&again, &fresh);
    }
}
