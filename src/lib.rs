//! osteoviz: the geometry of the Distal Minimally invasive Metatarsal Osteotomy (DMMO).
//!
//! Layers, imports pointing down: `ui` (Yew, wasm only) and the CLI → [`scene`] → [`state`] →
//! [`model`].
//!
//! [`numtext`] is a leaf utility every layer may use: it imports nothing of the crate. `raster`
//! (native only) makes the scene's SVG a PNG for the CLI: it imports the scene.
pub mod model;
pub mod numtext;
#[cfg(not(target_arch = "wasm32"))]
pub mod raster;
pub mod scene;
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod ui;
