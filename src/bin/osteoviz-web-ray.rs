//! Web entry point of the single-ray page: the same app as `osteoviz-web` without the forefoot
//! plan page, so that a page without `plan=` in its URL loads a smaller WebAssembly bundle.
//! `make build` builds it once per interface language, and scripts/split.mjs makes the page
//! choose.
//!
//! It imports only the interface (`osteoviz::ui`); nothing imports it.

#[cfg(target_arch = "wasm32")]
fn main() {
    // No panic hook: the release wasm aborts at once on a panic (-Cpanic=immediate-abort), so a
    // hook would never run; it only added its code.
    osteoviz::ui::start_single_ray();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!(
        "osteoviz-web-ray is the browser entry point of the single-ray page; it runs only as\n\
         WebAssembly. `make build` builds it into dist/."
    );
}
