//! Scans the chapter's two stability claims over rays, declinations, cut angles and positions
//! and prints every place where they do not hold (`cargo run --example scan`): the settled
//! displacement of a "/" cut as it moves proximally, and the ranking 45° < 90° < 135° at a
//! fixed position. tests/mechanics.rs tests the claims where they hold and cites this scan.
use osteoviz::model::{evaluate, Evaluation, Ray};
use osteoviz::state::{Key, State};

fn evaluate_at(ray: Ray, decl: f64, phi: f64, at: f64) -> Evaluation {
    let mut s = State::default();
    s.set_ray(ray);
    s.set(Key::Decl, decl);
    s.set(Key::Cut, phi);
    s.set(Key::At, at);
    evaluate(&s.to_params()).expect("a state in range evaluates")
}

fn main() {
    let mut dips = 0;
    for ray in Ray::ALL {
        for decl in (0..=25).step_by(5) {
            for phi in (30..=60).step_by(5) {
                let mut last: Option<Evaluation> = None;
                for tenth in (140..=400).step_by(5) {
                    let at = tenth as f64 / 10.0;
                    let e = evaluate_at(ray, decl as f64, phi as f64, at);
                    if let Some(l) = &last {
                        let (d0, d1) = (
                            l.settled_outcomes.displacement_mm,
                            e.settled_outcomes.displacement_mm,
                        );
                        if d1 < d0 - 1e-6
                            || e.outcomes.tipping_lever_mm < l.outcomes.tipping_lever_mm - 1e-6
                        {
                            dips += 1;
                            println!(
                                "proximal step {ray:?} δ {decl} φ {phi} at {at}: settled {d0:.3} → {d1:.3} mm, e {:.2} → {:.2} mm ({:?})",
                                l.outcomes.tipping_lever_mm, e.outcomes.tipping_lever_mm, e.outcomes.verdict
                            );
                        }
                    }
                    last = Some(e);
                }
            }
        }
    }
    let mut swaps = 0;
    for ray in Ray::ALL {
        for decl in 0..=25 {
            for at in 14..=40 {
                let d = |phi: f64| {
                    evaluate_at(ray, decl as f64, phi, at as f64)
                        .settled_outcomes
                        .displacement_mm
                };
                let (a, b, c) = (d(45.0), d(90.0), d(135.0));
                if !(a < b && b < c) {
                    swaps += 1;
                    println!(
                        "ranking {ray:?} δ {decl} at {at}: 45° {a:.3}, 90° {b:.3}, 135° {c:.3} mm"
                    );
                }
            }
        }
    }
    println!(
        "{dips} proximal steps that settle less; {swaps} positions where the ranking does not hold"
    );
}
