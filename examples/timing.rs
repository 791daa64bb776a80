//! Times the model (evaluate, with the settle) and the scene build per preset, natively:
//! `cargo run --release --example timing`.
use osteoviz::model::evaluate;
use osteoviz::scene::{build, SceneOptions};
use osteoviz::state::Preset;
use std::time::Instant;

fn main() {
    for preset in Preset::ALL {
        let state = preset.state(osteoviz::model::Ray::M2);
        let params = state.to_params();
        let n = 2000;
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(evaluate(std::hint::black_box(&params)).unwrap());
        }
        let eval_us = t.elapsed().as_secs_f64() * 1e6 / n as f64;
        let e = evaluate(&params).unwrap();
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(osteoviz::model::settle::settle(&e.settle_input, 1.0));
        }
        let settle_us = t.elapsed().as_secs_f64() * 1e6 / n as f64;
        let options = SceneOptions::default();
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(build(&state, &e, &options));
        }
        let scene_us = t.elapsed().as_secs_f64() * 1e6 / n as f64;
        println!(
            "{:>14}: evaluate {eval_us:.1} µs (settle {settle_us:.1} µs), scene {scene_us:.1} µs, phases {}",
            preset.name(),
            e.settled.phases
        );
    }
}
