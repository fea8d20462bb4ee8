//! Placeholder while the parser is rewritten for the new tree.
use super::ast::*;
use crate::diagnostic::Diagnostic;
pub fn parse(_source: &str) -> (Program, Vec<Diagnostic>) {
    (Program { body: Vec::new() }, Vec::new())
}
