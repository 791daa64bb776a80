//! `make bench`: one interaction step of the page, natively: a state update (the slide moves
//! by 0.1 mm, as an arrow key does), the model's evaluation (the settled pose included) and the
//! scene build, for each preset and for DMMO under body weight. scripts/bench.mjs reads criterion's estimates and raw samples (target/criterion/)
//! for the median and the 95th percentile and checks the budget (50 µs).
#![cfg(not(target_arch = "wasm32"))]

use criterion::{black_box, criterion_main, Criterion};
use osteoviz::model::{evaluate, Ray};
use osteoviz::scene::{self, SceneOptions};
use osteoviz::state::{Action, History, Key, Preset, State};
use std::time::Duration;

fn update_and_scene(c: &mut Criterion) {
    let mut group = c.benchmark_group("update_scene");
    group
        .sample_size(200)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    let options = SceneOptions::default();
    // Each preset as set, and DMMO under body weight (`load=1`: the head settles anew and the
    // drawing shows it settled, its ghost and the arrow of its motion).
    let cases = Preset::ALL
        .into_iter()
        .map(|preset| (preset.name().to_string(), preset.state(Ray::M2)))
        .chain(std::iter::once((
            "dmmo-load".to_string(),
            State {
                load: true,
                ..Preset::Dmmo.state(Ray::M2)
            },
        )));
    for (name, state) in cases {
        let mut history = History::new(state);
        let mut step = 0u32;
        group.bench_function(name, |b| {
            b.iter(|| {
                // Back and forth over 2 mm, so the states stay near the preset's.
                step = (step + 1) % 40;
                let steps = if step < 20 { 1.0 } else { -1.0 };
                history.apply(Action::Step {
                    key: Key::Slide,
                    steps,
                    coarse: false,
                });
                let state = history.present;
                let e = evaluate(&state.to_params()).expect("presets evaluate");
                black_box(scene::build(&state, &e, &options))
            })
        });
    }
    group.finish();
}

/// The parts of one step, for DMMO: where the time goes.
fn parts(c: &mut Criterion) {
    let mut group = c.benchmark_group("parts");
    group
        .sample_size(100)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    let state = Preset::Dmmo.state(Ray::M2);
    let e = evaluate(&state.to_params()).expect("dmmo evaluates");
    let options = SceneOptions::default();
    group.bench_function("evaluate", |b| {
        b.iter(|| black_box(evaluate(black_box(&state.to_params()))))
    });
    group.bench_function("scene_build", |b| {
        b.iter(|| black_box(scene::build(black_box(&state), &e, &options)))
    });
    let built = scene::build(&state, &e, &options);
    group.bench_function("scene_to_svg", |b| b.iter(|| black_box(built.to_svg())));
    group.finish();
}

/// The benchmarks as one group for `criterion_main!`, in a module of its own: the `pub fn` that
/// `criterion_group!` writes has no documentation and stays private here.
mod group {
    use super::{parts, update_and_scene};
    criterion::criterion_group!(benches, update_and_scene, parts);
}

criterion_main!(group::benches);
