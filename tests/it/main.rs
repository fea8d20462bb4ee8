//! The one integration-test binary: every data-driven check of the core.

mod cli;
mod corpus;
mod dialects;
mod inflection;
mod js;
mod mistakes;
mod node;
mod presets;
#[cfg(not(target_arch = "wasm32"))]
mod properties;
mod realcode;
mod robustness;
mod seeds;
mod silence;
mod support;
#[cfg(not(target_arch = "wasm32"))]
mod tidy;
mod types;
