//! The browser interface: a thin Yew shell over the state, model and scene layers (wasm only).
//!
//! DOM contracts relied on by the tests and by lecturers' scripts: `<main id="app">`; an inline
//! `<svg class="scene">` with a millimetre `viewBox`; for every state key a range input and a
//! number input with `name` equal to the query key (range inputs have `id="control-KEY"`);
//! readouts `<output data-outcome="JSON_KEY" data-value="FULL_PRECISION">`.
//!
//! Files: [`app`] (the root component, its toolbar and stage), [`hooks`] (the root's effects:
//! shortcuts, animation clock, URL, document language; and its memoised drawing), [`model`] (the
//! page's model and actions), [`keys`] (shortcuts), [`lecture`] (the lecture bar and exports),
//! [`controls`], [`outcomes`], [`scene_view`] (the drawing in the page), [`browser`] (what the
//! browser offers), [`plan`] (the forefoot plan page), `lesson` (the lesson page, whole app),
//! `about`. The interface may import every
//! layer below it (scene, state, model); nothing imports it but the web binaries.

#[cfg(feature = "about-panel")]
pub mod about;
mod app;
pub mod browser;
#[cfg(feature = "compare")]
mod compare;
pub mod controls;
#[cfg(feature = "embed-panel")]
mod embed;
mod hooks;
mod keys;
mod lecture;
#[cfg(feature = "lessons")]
pub mod lesson;
mod model;
pub mod outcomes;
pub mod plan;
pub mod scene_view;

pub use app::{App, AppProps};
pub use lecture::caption_lines;
pub use model::{AppModel, PageAction, PASS_THROUGH_PREFIXES};

/// Mounts [`App`] into the document body (called by the `osteoviz-web` binary).
pub fn start() {
    // Built without the `plan` feature (the single-ray bundles), nothing refers to the plan
    // page, so its views, model and text stay out of the wasm.
    // A lesson may step into a plan: its page wraps both.
    #[cfg(feature = "lessons")]
    if lesson::is_lesson_page() {
        return lesson::start();
    }
    #[cfg(feature = "plan")]
    if plan::is_plan_page() {
        return plan::start();
    }
    start_single_ray();
}

/// Mounts the single-ray [`App`] only: what [`start`] does when the URL does not ask for a
/// forefoot plan, and all it does in the single-ray bundles (built without the `plan`
/// feature, see scripts/split.mjs).
pub fn start_single_ray() {
    yew::Renderer::<App>::with_props(AppProps {
        query: None,
        sync_url: true,
        #[cfg(feature = "lessons")]
        goto: None,
    })
    .render();
}
