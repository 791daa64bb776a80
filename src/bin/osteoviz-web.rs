//! Web entry point of osteoviz: built for `wasm32-unknown-unknown` by `make build` (cargo,
//! wasm-bindgen, wasm-opt, scripts/page.mjs), it mounts the Yew application into the page.
//!
//! It imports only the interface (`osteoviz::ui`); nothing imports it.

#[cfg(target_arch = "wasm32")]
fn main() {
    // No panic hook: the release wasm aborts at once on a panic (-Cpanic=immediate-abort), so a
    // hook would never run; it only added its code.
    osteoviz::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!(
        "osteoviz-web is the browser entry point of osteoviz; it runs only as WebAssembly.\n\
         Build it with `make build` (output in dist/) or serve it with `make run`."
    );
}
