//! The one integration-test binary: every data-driven check of the core.

mod corpus;
mod inflection;
mod seeds;
mod types;
