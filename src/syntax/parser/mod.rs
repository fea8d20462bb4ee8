//! A recursive-descent parser for the JavaScript that Sequelize code is written in
//! (ES2022 scripts and modules): the shared machinery (tokens, errors, recovery, nesting)
//! lives here; statements, expressions and functions/classes/patterns are in submodules.
//!
//! It never fails: a statement it cannot read becomes a located diagnostic and the
//! parser skips to the next statement. A missing comma between two object properties on
//! separate lines (a common slip when pasting) is reported and read as if it were there.

mod expressions;
mod functions;
mod statements;
#[cfg(test)]
mod tests;

use super::ast::*;
use super::lexer::{tokenize, Token, TokenKind};
use crate::diagnostic::{Diagnostic, Span};

/// Parses `source`; the diagnostics say what could not be read.
pub fn parse(source: &str) -> (Program, Vec<Diagnostic>) {
    parse_range(source, 0..source.len())
}

/// Parses `source[range]` (one file of a project held as one text), with spans into
/// the whole `source`, so that every span of a project names one place.
pub fn parse_range(source: &str, range: std::ops::Range<usize>) -> (Program, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let base = range.start;
    let mut tokens = tokenize(&source[range], &mut diagnostics);
    if base > 0 {
        for token in &mut tokens {
            token.span = Span::new(token.span.start + base, token.span.end + base);
        }
        for diagnostic in &mut diagnostics {
            diagnostic.start += base;
            diagnostic.end += base;
        }
    }
    let mut parser = Parser {
        src: source,
        tokens,
        pos: 0,
        diagnostics,
        depth: 0,
        no_in: false,
        in_generator: false,
        cover_inits: Vec::new(),
    };
    let body = parser.statements_until_eof();
    for span in std::mem::take(&mut parser.cover_inits) {
        parser.diagnostics.push(Diagnostic::error(
            span,
            "Invalid shorthand property initializer",
        ));
    }
    (Program { body }, parser.diagnostics)
}

/// Deeper nesting than this is reported instead of risking the stack.
const MAX_NESTING: usize = 64;

/// The error was already pushed as a diagnostic; the caller only has to recover.
struct Reported;

type PResult<T> = Result<T, Reported>;

struct Parser<'a> {
    src: &'a str,
    tokens: Vec<Token<'a>>,
    pos: usize,
    diagnostics: Vec<Diagnostic>,
    depth: usize,
    /// Inside a `for (…;` head, where `in` ends the expression instead of being an operator.
    no_in: bool,
    /// Inside a `function*`, where `yield` is an operator.
    in_generator: bool,
    /// `{ a = 1 }` in object literals not (yet) turned into a pattern: an error unless
    /// the literal turns out to be a destructuring target.
    cover_inits: Vec<Span>,
}

/// Keywords that start a statement at the top of a line; recovery stops at them.
const DECLARATION_KEYWORDS: &[&str] = &["const", "let", "var", "class", "function", "import"];

impl<'a> Parser<'a> {
    // ---- token helpers -------------------------------------------------

    fn peek(&self) -> &Token<'a> {
        &self.tokens[self.pos.min(self.tokens.len() - 1)]
    }

    fn peek_at(&self, offset: usize) -> &Token<'a> {
        &self.tokens[(self.pos + offset).min(self.tokens.len() - 1)]
    }

    fn at_eof(&self) -> bool {
        matches!(self.peek().kind, TokenKind::Eof)
    }

    fn bump(&mut self) -> Token<'a> {
        let token = self.peek().clone();
        if !self.at_eof() {
            self.pos += 1;
        }
        token
    }

    fn at(&self, punct: &str) -> bool {
        self.peek().is_punct(punct)
    }

    fn at_word(&self, word: &str) -> bool {
        self.peek().is_ident(word)
    }

    fn eat(&mut self, punct: &str) -> bool {
        if self.at(punct) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_word(&mut self, word: &str) -> bool {
        if self.at_word(word) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn prev_end(&self) -> usize {
        if self.pos == 0 {
            0
        } else {
            self.tokens[self.pos - 1].span.end
        }
    }

    fn span_from(&self, start: usize) -> Span {
        Span::new(start, self.prev_end().max(start))
    }

    /// How a token reads in a message, as V8 words it: `token '}'`, `identifier 'x'`,
    /// `end of input`.
    fn describe(&self, token: &Token) -> String {
        let text = &self.src[token.span.start..token.span.end];
        match &token.kind {
            TokenKind::Eof => "end of input".to_string(),
            TokenKind::Ident(name) if !is_reserved(name) => format!("identifier '{text}'"),
            TokenKind::Number(_) | TokenKind::BigInt(_) => format!("number '{text}'"),
            TokenKind::Str(_) => format!("string {text}"),
            TokenKind::Template { .. } => "template string".to_string(),
            _ => format!("token '{text}'"),
        }
    }

    fn error_here(&mut self, expected: &str) -> Reported {
        let token = self.peek().clone();
        let message = format!("Unexpected {}: expected {expected}", self.describe(&token));
        self.diagnostics
            .push(Diagnostic::error(token.span, message));
        Reported
    }

    fn error_at(&mut self, span: Span, message: impl Into<String>) -> Reported {
        self.diagnostics.push(Diagnostic::error(span, message));
        Reported
    }

    fn warn(&mut self, span: Span, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::warning(span, message));
    }

    fn warn_with_hint(&mut self, span: Span, message: &str, hint: &str) {
        self.diagnostics
            .push(Diagnostic::warning(span, message).with_hint(hint));
    }

    fn expect(&mut self, punct: &str) -> PResult<Span> {
        if self.at(punct) {
            Ok(self.bump().span)
        } else {
            Err(self.error_here(&format!("'{punct}'")))
        }
    }

    fn expect_word(&mut self, word: &str) -> PResult<Span> {
        if self.at_word(word) {
            Ok(self.bump().span)
        } else {
            Err(self.error_here(&format!("'{word}'")))
        }
    }

    /// An identifier that names a binding or a label (not a reserved word).
    fn binding_ident(&mut self, what: &str) -> PResult<Ident> {
        match &self.peek().kind {
            TokenKind::Ident(name) if !is_reserved(name) => {
                let ident = Ident {
                    name: name.to_string(),
                    span: self.peek().span,
                };
                self.pos += 1;
                Ok(ident)
            }
            _ => Err(self.error_here(what)),
        }
    }

    /// Any identifier, reserved words included (after `.`, in import/export lists).
    fn any_ident(&mut self, what: &str) -> PResult<Ident> {
        match &self.peek().kind {
            TokenKind::Ident(name) => {
                let ident = Ident {
                    name: name.to_string(),
                    span: self.peek().span,
                };
                self.pos += 1;
                Ok(ident)
            }
            _ => Err(self.error_here(what)),
        }
    }

    fn string_literal(&mut self, what: &str) -> PResult<StrLit> {
        match &self.peek().kind {
            TokenKind::Str(value) => {
                let lit = StrLit {
                    value: value.to_string(),
                    span: self.peek().span,
                };
                self.pos += 1;
                Ok(lit)
            }
            _ => Err(self.error_here(what)),
        }
    }

    /// Runs `f` one nesting level deeper, refusing input nested beyond [`MAX_NESTING`].
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        if self.depth >= MAX_NESTING {
            let span = self.peek().span;
            self.diagnostics.push(Diagnostic::error(
                span,
                format!("This is nested more than {MAX_NESTING} levels deep; the playground stops reading here"),
            ));
            return Err(Reported);
        }
        self.depth += 1;
        let result = f(self);
        self.depth -= 1;
        result
    }

    /// Runs `f` where `in` is an operator again (inside brackets, bodies, arguments).
    fn with_in<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        let saved = std::mem::replace(&mut self.no_in, false);
        let result = f(self);
        self.no_in = saved;
        result
    }

    // ---- statement lists and recovery ----------------------------------

    fn statements_until_eof(&mut self) -> Vec<Stmt> {
        let mut body = Vec::new();
        while !self.at_eof() {
            if self.at("}") {
                let span = self.bump().span;
                self.diagnostics.push(Diagnostic::error(
                    span,
                    "Unexpected token '}': there is no '{' for it to close",
                ));
                continue;
            }
            self.statement_into(&mut body);
        }
        body
    }

    /// Statements up to the closing `}` of a block (which is consumed).
    fn block_body(&mut self) -> PResult<Vec<Stmt>> {
        self.expect("{")?;
        self.nested(|p| {
            p.with_in(|p| {
                let mut body = Vec::new();
                while !p.at("}") {
                    if p.at_eof() {
                        return Err(p.error_here("'}'"));
                    }
                    p.statement_into(&mut body);
                }
                p.bump();
                Ok(body)
            })
        })
    }

    fn statement_into(&mut self, body: &mut Vec<Stmt>) {
        let start = self.pos;
        match self.nested(|p| p.statement()) {
            Ok(stmt) => body.push(stmt),
            Err(Reported) => {
                self.recover(start);
                let span = Span::new(
                    self.tokens[start].span.start,
                    self.prev_end().max(self.tokens[start].span.end),
                );
                body.push(Stmt::Unsupported { span });
            }
        }
        if self.pos == start {
            self.bump(); // always make progress
        }
    }

    /// Skips to where the next statement can start: past a `;` or to a line break at the
    /// nesting depth the statement began at. A new declaration keyword at the start of a line
    /// also ends the skip, so one unclosed `{` does not swallow the rest of the snippet.
    fn recover(&mut self, statement_start: usize) {
        let mut depth: i32 = 0;
        for token in &self.tokens[statement_start..self.pos] {
            depth += nesting_delta(token);
        }
        while !self.at_eof() {
            let token = self.peek();
            if token.newline_before && self.pos > statement_start {
                let starts_declaration = DECLARATION_KEYWORDS.iter().any(|w| token.is_ident(w));
                if depth <= 0 || starts_declaration {
                    return;
                }
            }
            if depth <= 0 && token.is_punct("}") {
                return;
            }
            if depth <= 0 && token.is_punct(";") {
                self.bump();
                return;
            }
            depth += nesting_delta(token);
            self.bump();
        }
    }

    /// A statement ends at `;`, before `}`, at the end, or at a line break (automatic semicolon).
    fn end_of_statement(&mut self) -> PResult<()> {
        if self.eat(";") || self.at("}") || self.at_eof() || self.peek().newline_before {
            Ok(())
        } else {
            Err(self.error_here("';' or a line break"))
        }
    }

    /// Whether an automatic semicolon stands here (`return`, `break` … end at a line break).
    fn at_statement_end(&self) -> bool {
        self.at(";") || self.at("}") || self.at_eof() || self.peek().newline_before
    }
}

fn nesting_delta(token: &Token) -> i32 {
    match &token.kind {
        TokenKind::Punct("(" | "[" | "{") => 1,
        TokenKind::Punct(")" | "]" | "}") => -1,
        TokenKind::Template { part, .. } => match part {
            super::lexer::TemplatePart::Head => 1,
            super::lexer::TemplatePart::Tail => -1,
            _ => 0,
        },
        _ => 0,
    }
}

/// Words that cannot name a binding or start an expression as an identifier.
fn is_reserved(word: &str) -> bool {
    matches!(
        word,
        "const"
            | "var"
            | "if"
            | "else"
            | "for"
            | "while"
            | "do"
            | "return"
            | "switch"
            | "case"
            | "default"
            | "break"
            | "continue"
            | "throw"
            | "try"
            | "catch"
            | "finally"
            | "import"
            | "export"
            | "extends"
            | "in"
            | "instanceof"
            | "typeof"
            | "void"
            | "delete"
            | "new"
            | "class"
            | "function"
            | "this"
            | "super"
            | "null"
            | "true"
            | "false"
            | "debugger"
            | "with"
            | "enum"
    )
}
