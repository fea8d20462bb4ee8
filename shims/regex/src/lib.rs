//! `regex` for GlueSQL, answered by `regex-lite`.
//!
//! GlueSQL (0.20) uses the `regex` crate for `LIKE`/`ILIKE` (a pattern of escaped
//! literals, `.*` and `.`, matched against text it has already lowercased for
//! `ILIKE`), for its `~` operator and to read `POINT(x y)`. The full `regex` brings
//! Unicode tables and several matching engines: a quarter of the worker's WebAssembly
//! (262 KB of 1.10 MB gzip). `regex-lite`, from the same project, is made for this
//! trade: the same syntax without Unicode classes, smaller and slower on large inputs.
//! What the playground sends (`LIKE` patterns from `Op.like` and friends) matches the
//! same; the corpus tests run through this crate.

pub use regex_lite::{escape, Error, Regex, RegexBuilder};
