//! The one integration-test binary: every data-driven check of the core.

mod cli;
mod corpus;
mod inflection;
mod mistakes;
mod presets;
mod robustness;
mod seeds;
mod types;
