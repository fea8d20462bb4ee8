//! Reading snippet text: tokens ([`lexer`]), the syntax tree ([`ast`]) and the parser
//! ([`parser`]). Parsing never fails; what cannot be read comes back as diagnostics.

pub mod ast;
pub mod lexer;
pub mod parser;
pub mod visit;

pub use parser::{parse, parse_range};
