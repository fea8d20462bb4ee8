//! A recursive-descent parser for the JavaScript that Sequelize tutorials use.
//!
//! It never fails: a statement it cannot read becomes a located diagnostic and the
//! parser skips to the next statement. A missing comma between two object properties on
//! separate lines (a common slip when pasting) is reported and read as if it were there.

use super::ast::*;
use super::lexer::{tokenize, Token, TokenKind};
use crate::diagnostic::{Diagnostic, Span};
use crate::js::format_number;

/// Parses `source`; the diagnostics say what could not be read.
pub fn parse(source: &str) -> (Program, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let tokens = tokenize(source, &mut diagnostics);
    let mut parser = Parser {
        src: source,
        tokens,
        pos: 0,
        diagnostics,
        depth: 0,
    };
    let body = parser.statements_until_eof();
    (Program { body }, parser.diagnostics)
}

/// Deeper nesting than this is reported instead of risking the stack.
const MAX_NESTING: usize = 64;

/// The error was already pushed as a diagnostic; the caller only has to recover.
struct Reported;

type PResult<T> = Result<T, Reported>;

struct Parser<'a> {
    src: &'a str,
    tokens: Vec<Token>,
    pos: usize,
    diagnostics: Vec<Diagnostic>,
    depth: usize,
}

const BINARY_PRECEDENCE: &[(&str, u8)] = &[
    ("??", 1),
    ("||", 2),
    ("&&", 3),
    ("|", 4),
    ("^", 5),
    ("&", 6),
    ("==", 7),
    ("!=", 7),
    ("===", 7),
    ("!==", 7),
    ("<", 8),
    (">", 8),
    ("<=", 8),
    (">=", 8),
    ("instanceof", 8),
    ("in", 8),
    ("<<", 9),
    (">>", 9),
    (">>>", 9),
    ("+", 10),
    ("-", 10),
    ("*", 11),
    ("/", 11),
    ("%", 11),
    ("**", 12),
];

const ASSIGN_OPS: &[&str] = &[
    "=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=", "&=", "|=", "^=", "&&=", "||=",
    "??=",
];

/// Keywords that start a statement at the top of a line; recovery stops at them.
const DECLARATION_KEYWORDS: &[&str] = &["const", "let", "var", "class", "function", "import"];

/// Statements that can be read but that the playground does not run.
const UNSUPPORTED_STATEMENTS: &[&str] = &[
    "if", "for", "while", "do", "switch", "throw", "break", "continue", "debugger", "with", "label",
];

impl<'a> Parser<'a> {
    // ---- token helpers -------------------------------------------------

    fn peek(&self) -> &Token {
        &self.tokens[self.pos.min(self.tokens.len() - 1)]
    }

    fn peek_at(&self, offset: usize) -> &Token {
        &self.tokens[(self.pos + offset).min(self.tokens.len() - 1)]
    }

    fn at_eof(&self) -> bool {
        matches!(self.peek().kind, TokenKind::Eof)
    }

    fn bump(&mut self) -> Token {
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

    fn prev_end(&self) -> usize {
        if self.pos == 0 {
            0
        } else {
            self.tokens[self.pos - 1].span.end
        }
    }

    fn error_here(&mut self, expected: &str) -> Reported {
        let token = self.peek().clone();
        let message = format!(
            "Unexpected {}: expected {expected}",
            token.describe(self.src)
        );
        self.diagnostics
            .push(Diagnostic::error(token.span, message));
        Reported
    }

    fn expect(&mut self, punct: &str) -> PResult<Span> {
        if self.at(punct) {
            Ok(self.bump().span)
        } else {
            Err(self.error_here(&format!("'{punct}'")))
        }
    }

    fn ident_token(&mut self, what: &str) -> PResult<Ident> {
        match &self.peek().kind {
            TokenKind::Ident(name) => {
                let ident = Ident {
                    name: name.clone(),
                    span: self.peek().span,
                };
                self.pos += 1;
                Ok(ident)
            }
            _ => Err(self.error_here(what)),
        }
    }

    // ---- statements ----------------------------------------------------

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
        let mut body = Vec::new();
        while !self.at("}") {
            if self.at_eof() {
                return Err(self.error_here("'}'"));
            }
            self.statement_into(&mut body);
        }
        self.bump();
        Ok(body)
    }

    fn statement_into(&mut self, body: &mut Vec<Stmt>) {
        let start = self.pos;
        match self.statement() {
            Ok(Some(stmt)) => body.push(stmt),
            Ok(None) => {}
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

    fn statement(&mut self) -> PResult<Option<Stmt>> {
        let token = self.peek().clone();
        let start = token.span.start;
        if self.eat(";") {
            return Ok(None);
        }
        if let TokenKind::Ident(word) = &token.kind {
            match word.as_str() {
                "const" | "let" | "var" => return self.declaration().map(Some),
                "class" => return self.class_declaration().map(Some),
                "function" => return self.function_declaration().map(Some),
                "async"
                    if self.peek_at(1).is_ident("function") && !self.peek_at(1).newline_before =>
                {
                    self.bump();
                    return self.function_declaration().map(Some);
                }
                "return" => {
                    self.bump();
                    let value = if self.at(";")
                        || self.at("}")
                        || self.at_eof()
                        || self.peek().newline_before
                    {
                        None
                    } else {
                        Some(self.expression()?)
                    };
                    self.end_of_statement()?;
                    return Ok(Some(Stmt::Return {
                        value,
                        span: Span::new(start, self.prev_end()),
                    }));
                }
                "try" => return self.try_statement().map(Some),
                "import" if !self.peek_at(1).is_punct("(") => {
                    return self.import_declaration().map(Some)
                }
                "export" => {
                    self.bump();
                    self.eat_word("default");
                    return self.statement();
                }
                w if UNSUPPORTED_STATEMENTS.contains(&w) => {
                    self.skip_statement();
                    let span = Span::new(start, self.prev_end());
                    self.diagnostics.push(
                        Diagnostic::warning(
                            Span::new(start, token.span.end),
                            format!(
                                "The playground does not run '{w}' statements; this one is skipped"
                            ),
                        )
                        .with_hint("write the calls one after another at the top level"),
                    );
                    return Ok(Some(Stmt::Unsupported { span }));
                }
                _ => {}
            }
        }
        if self.at("{") {
            let body = self.nested(|p| p.block_body())?;
            return Ok(Some(Stmt::Block {
                body,
                span: Span::new(start, self.prev_end()),
            }));
        }
        let expr = self.expression()?;
        self.end_of_statement()?;
        Ok(Some(Stmt::Expr {
            expr,
            span: Span::new(start, self.prev_end()),
        }))
    }

    fn eat_word(&mut self, word: &str) -> bool {
        if self.at_word(word) {
            self.pos += 1;
            true
        } else {
            false
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

    /// Skips one statement whose contents are not read (`if (…) { … } else { … }`).
    fn skip_statement(&mut self) {
        let mut depth = 0i32;
        self.bump();
        while !self.at_eof() {
            let token = self.peek();
            if depth == 0 {
                if token.is_punct(";") {
                    self.bump();
                    return;
                }
                if token.is_punct("}") {
                    return;
                }
                let continues =
                    token.is_ident("else") || token.is_ident("catch") || token.is_ident("while");
                if token.newline_before && !continues && self.tokens[self.pos - 1].is_punct("}") {
                    return;
                }
            }
            depth += nesting_delta(token);
            self.bump();
            if depth == 0
                && self.tokens[self.pos - 1].is_punct("}")
                && !self.at_word("else")
                && !self.at_word("catch")
                && !self.at_word("while")
                && !self.at_word("finally")
            {
                return;
            }
        }
    }

    fn declaration(&mut self) -> PResult<Stmt> {
        let start = self.bump().span.start;
        let mut declarations = Vec::new();
        loop {
            let decl_start = self.peek().span.start;
            let target = self.pattern()?;
            let init = if self.eat("=") {
                Some(self.assignment()?)
            } else {
                None
            };
            declarations.push(Declarator {
                target,
                init,
                span: Span::new(decl_start, self.prev_end()),
            });
            if !self.eat(",") {
                break;
            }
        }
        self.end_of_statement()?;
        Ok(Stmt::Declare {
            declarations,
            span: Span::new(start, self.prev_end()),
        })
    }

    fn pattern(&mut self) -> PResult<Pattern> {
        if self.eat("{") {
            let mut pairs = Vec::new();
            while !self.eat("}") {
                let key = self.property_name()?;
                let local = if self.eat(":") {
                    self.ident_token("a name")?
                } else {
                    key.clone()
                };
                if self.eat("=") {
                    self.assignment()?; // default values are not used
                }
                pairs.push((key, local));
                if !self.eat(",") {
                    self.expect("}")?;
                    break;
                }
            }
            Ok(Pattern::Object(pairs))
        } else if self.eat("[") {
            let mut items = Vec::new();
            while !self.eat("]") {
                if self.at(",") {
                    self.bump();
                    items.push(None);
                    continue;
                }
                items.push(Some(self.ident_token("a name")?));
                if !self.eat(",") {
                    self.expect("]")?;
                    break;
                }
            }
            Ok(Pattern::Array(items))
        } else {
            Ok(Pattern::Ident(self.ident_token("a variable name")?))
        }
    }

    fn class_declaration(&mut self) -> PResult<Stmt> {
        let start = self.bump().span.start;
        let name = self.ident_token("a class name")?;
        let superclass = if self.eat_word("extends") {
            Some(self.postfix()?)
        } else {
            None
        };
        self.class_body()?;
        Ok(Stmt::Class {
            name,
            superclass,
            span: Span::new(start, self.prev_end()),
        })
    }

    /// Skips a class body; its members (static methods, fields) are not run.
    fn class_body(&mut self) -> PResult<()> {
        let open = self.expect("{")?;
        self.skip_balanced_until("}")?;
        let close = self.prev_end();
        if close > open.end + 1 && !self.src[open.end..close - 1].trim().is_empty() {
            self.diagnostics.push(
                Diagnostic::note(
                    Span::new(open.start, close),
                    "The playground does not run class members",
                )
                .with_hint("define attributes with Model.init() and associations after the class"),
            );
        }
        Ok(())
    }

    /// Consumes tokens up to and including the `close` that balances the one just consumed.
    fn skip_balanced_until(&mut self, close: &str) -> PResult<()> {
        let mut depth = 1i32;
        while !self.at_eof() {
            let token = self.bump();
            depth += nesting_delta(&token);
            if depth == 0 && token.is_punct(close) {
                return Ok(());
            }
        }
        Err(self.error_here(&format!("'{close}'")))
    }

    fn function_declaration(&mut self) -> PResult<Stmt> {
        let start = self.bump().span.start; // `function`
        self.eat("*");
        let name = self.ident_token("a function name")?;
        let (_, body) = self.function_rest()?;
        Ok(Stmt::Function {
            name,
            body,
            span: Span::new(start, self.prev_end()),
        })
    }

    /// Parameters and body of a function, from its `(`.
    fn function_rest(&mut self) -> PResult<(Vec<Ident>, Vec<Stmt>)> {
        let params = self.params()?;
        let body = self.nested(|p| p.block_body())?;
        Ok((params, body))
    }

    /// Reads `( … )` and keeps the plain parameter names (patterns and defaults are skipped).
    fn params(&mut self) -> PResult<Vec<Ident>> {
        self.expect("(")?;
        let mut params = Vec::new();
        let mut depth = 1i32;
        let mut expecting_name = true;
        while !self.at_eof() {
            let token = self.bump();
            depth += nesting_delta(&token);
            if depth == 0 {
                return Ok(params);
            }
            if depth == 1 {
                match &token.kind {
                    TokenKind::Ident(name) if expecting_name => {
                        params.push(Ident {
                            name: name.clone(),
                            span: token.span,
                        });
                        expecting_name = false;
                    }
                    TokenKind::Punct(",") => expecting_name = true,
                    TokenKind::Punct("...") => {}
                    _ => expecting_name = false,
                }
            } else {
                expecting_name = false;
            }
        }
        Err(self.error_here("')'"))
    }

    fn try_statement(&mut self) -> PResult<Stmt> {
        let start = self.bump().span.start;
        let body = self.block_body()?;
        let mut handler = None;
        if self.eat_word("catch") {
            let param = if self.at("(") {
                let params = self.params()?;
                params.into_iter().next()
            } else {
                None
            };
            handler = Some((param, self.block_body()?));
        }
        let finalizer = if self.eat_word("finally") {
            Some(self.block_body()?)
        } else {
            None
        };
        Ok(Stmt::Try {
            body,
            handler,
            finalizer,
            span: Span::new(start, self.prev_end()),
        })
    }

    /// `import X, { A, B as C } from 'sequelize'` reads as `const {…} = require('sequelize')`.
    fn import_declaration(&mut self) -> PResult<Stmt> {
        let start = self.bump().span.start;
        let mut pairs = Vec::new();
        let mut default = None;
        if let TokenKind::Str { .. } = self.peek().kind {
            self.bump(); // `import 'x'`: nothing to bind
        } else {
            if let TokenKind::Ident(_) = self.peek().kind {
                if !self.at("{") && !self.at("*") {
                    default = Some(self.ident_token("a name")?);
                    self.eat(",");
                }
            }
            if self.eat("*") {
                self.eat_word("as");
                default = Some(self.ident_token("a name")?);
            }
            if self.eat("{") {
                while !self.eat("}") {
                    let key = self.property_name()?;
                    let local = if self.eat_word("as") {
                        self.ident_token("a name")?
                    } else {
                        key.clone()
                    };
                    pairs.push((key, local));
                    if !self.eat(",") {
                        self.expect("}")?;
                        break;
                    }
                }
            }
            if !self.eat_word("from") {
                return Err(self.error_here("'from'"));
            }
            self.bump();
        }
        let module_token = &self.tokens[self.pos - 1];
        let module = match &module_token.kind {
            TokenKind::Str { value, .. } => value.clone(),
            _ => String::new(),
        };
        let module_span = module_token.span;
        self.end_of_statement()?;
        let span = Span::new(start, self.prev_end());
        let require = Expr::new(
            ExprKind::Call {
                callee: Box::new(Expr::new(ExprKind::Ident("require".into()), module_span)),
                args: vec![Expr::new(ExprKind::Str(module), module_span)],
            },
            module_span,
        );
        let mut declarations = Vec::new();
        if let Some(name) = default {
            declarations.push(Declarator {
                target: Pattern::Ident(name),
                init: Some(require.clone()),
                span,
            });
        }
        if !pairs.is_empty() {
            declarations.push(Declarator {
                target: Pattern::Object(pairs),
                init: Some(require),
                span,
            });
        }
        Ok(Stmt::Declare { declarations, span })
    }

    // ---- expressions ---------------------------------------------------

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

    fn expression(&mut self) -> PResult<Expr> {
        let first = self.assignment()?;
        if !self.at(",") {
            return Ok(first);
        }
        // A comma sequence keeps its last value, as in JavaScript.
        let mut last = first;
        while self.eat(",") {
            last = self.assignment()?;
        }
        Ok(last)
    }

    fn assignment(&mut self) -> PResult<Expr> {
        self.nested(|p| p.assignment_inner())
    }

    fn assignment_inner(&mut self) -> PResult<Expr> {
        let start = self.peek().span.start;
        if self.arrow_ahead() {
            return self.arrow_function();
        }
        let target = self.conditional()?;
        if let TokenKind::Punct(op) = self.peek().kind {
            if ASSIGN_OPS.contains(&op) {
                self.bump();
                let value = self.assignment()?;
                return Ok(Expr::new(
                    ExprKind::Assign {
                        op,
                        target: Box::new(target),
                        value: Box::new(value),
                    },
                    Span::new(start, self.prev_end()),
                ));
            }
        }
        Ok(target)
    }

    /// Is an arrow function next: `x =>`, `(a, b) =>`, `async x =>`, `async (…) =>`?
    fn arrow_ahead(&self) -> bool {
        let mut i = self.pos;
        let next = &self.tokens[(i + 1).min(self.tokens.len() - 1)];
        if self.tokens[i].is_ident("async")
            && !next.newline_before
            && (matches!(next.kind, TokenKind::Ident(_)) || next.is_punct("("))
        {
            i += 1;
        }
        match &self.tokens[i].kind {
            TokenKind::Ident(_) => self.tokens.get(i + 1).is_some_and(|t| t.is_punct("=>")),
            TokenKind::Punct("(") => {
                let mut depth = 0i32;
                for (j, token) in self.tokens[i..].iter().enumerate() {
                    depth += nesting_delta(token);
                    if depth == 0 {
                        return self.tokens.get(i + j + 1).is_some_and(|t| t.is_punct("=>"));
                    }
                }
                false
            }
            _ => false,
        }
    }

    fn arrow_function(&mut self) -> PResult<Expr> {
        let start = self.peek().span.start;
        if self.at_word("async") && !self.peek_at(1).is_punct("=>") {
            self.bump();
        }
        let params = if self.at("(") {
            self.params()?
        } else {
            vec![self.ident_token("a parameter")?]
        };
        self.expect("=>")?;
        let body = if self.at("{") {
            self.nested(|p| p.block_body())?
        } else {
            let value = self.assignment()?;
            let span = value.span;
            vec![Stmt::Return {
                value: Some(value),
                span,
            }]
        };
        Ok(Expr::new(
            ExprKind::Function { params, body },
            Span::new(start, self.prev_end()),
        ))
    }

    fn conditional(&mut self) -> PResult<Expr> {
        let test = self.binary(0)?;
        if !self.eat("?") {
            return Ok(test);
        }
        let then = self.assignment()?;
        self.expect(":")?;
        let otherwise = self.assignment()?;
        let span = test.span.to(otherwise.span);
        Ok(Expr::new(
            ExprKind::Conditional {
                test: Box::new(test),
                then: Box::new(then),
                otherwise: Box::new(otherwise),
            },
            span,
        ))
    }

    fn binary_operator(&self) -> Option<(&'static str, u8)> {
        let token = self.peek();
        BINARY_PRECEDENCE
            .iter()
            .copied()
            .find(|(op, _)| match &token.kind {
                TokenKind::Punct(p) => p == op,
                TokenKind::Ident(w) => w == op,
                _ => false,
            })
    }

    fn binary(&mut self, min_precedence: u8) -> PResult<Expr> {
        let mut left = self.unary()?;
        while let Some((op, precedence)) = self.binary_operator() {
            if precedence <= min_precedence {
                break;
            }
            self.bump();
            // `**` is right-associative; the rest are left-associative.
            let next_min = if op == "**" {
                precedence - 1
            } else {
                precedence
            };
            let right = self.nested(|p| p.binary(next_min))?;
            let span = left.span.to(right.span);
            left = Expr::new(
                ExprKind::Binary {
                    op,
                    left: Box::new(left),
                    right: Box::new(right),
                },
                span,
            );
        }
        Ok(left)
    }

    fn unary(&mut self) -> PResult<Expr> {
        let token = self.peek().clone();
        let start = token.span.start;
        let op = match &token.kind {
            TokenKind::Punct(p @ ("!" | "-" | "+" | "~" | "++" | "--")) => Some(*p),
            TokenKind::Ident(w) if w == "typeof" => Some("typeof"),
            TokenKind::Ident(w) if w == "void" => Some("void"),
            TokenKind::Ident(w) if w == "delete" => Some("delete"),
            _ => None,
        };
        if let Some(op) = op {
            self.bump();
            let operand = self.nested(|p| p.unary())?;
            return Ok(Expr::new(
                ExprKind::Unary {
                    op,
                    operand: Box::new(operand),
                },
                Span::new(start, self.prev_end()),
            ));
        }
        if token.is_ident("await") && self.starts_expression(self.peek_at(1)) {
            self.bump();
            let operand = self.nested(|p| p.unary())?;
            return Ok(Expr::new(
                ExprKind::Await(Box::new(operand)),
                Span::new(start, self.prev_end()),
            ));
        }
        self.postfix()
    }

    fn starts_expression(&self, token: &Token) -> bool {
        match &token.kind {
            TokenKind::Punct(p) => {
                matches!(*p, "(" | "[" | "{" | "!" | "-" | "+" | "~" | "++" | "--")
            }
            TokenKind::Eof => false,
            _ => true,
        }
    }

    fn postfix(&mut self) -> PResult<Expr> {
        let mut expr = self.primary()?;
        loop {
            let start = expr.span.start;
            if self.eat(".")
                || (self.at("?.")
                    && !self.peek_at(1).is_punct("(")
                    && !self.peek_at(1).is_punct("["))
            {
                let optional = self.tokens[self.pos - 1].is_punct("?.") || {
                    if self.at("?.") {
                        self.bump();
                        true
                    } else {
                        false
                    }
                };
                let property = self.property_after_dot()?;
                expr = Expr::new(
                    ExprKind::Member {
                        object: Box::new(expr),
                        property,
                        optional,
                    },
                    Span::new(start, self.prev_end()),
                );
            } else if self.at("?.") {
                self.bump(); // `a?.(…)` and `a?.[…]` read as plain calls and indexes
            } else if self.at("[") {
                self.bump();
                let index = self.expression()?;
                self.expect("]")?;
                expr = Expr::new(
                    ExprKind::Index {
                        object: Box::new(expr),
                        index: Box::new(index),
                    },
                    Span::new(start, self.prev_end()),
                );
            } else if self.at("(") {
                let args = self.arguments()?;
                expr = Expr::new(
                    ExprKind::Call {
                        callee: Box::new(expr),
                        args,
                    },
                    Span::new(start, self.prev_end()),
                );
            } else if (self.at("++") || self.at("--")) && !self.peek().newline_before {
                self.bump();
                expr.span = Span::new(start, self.prev_end());
            } else if matches!(self.peek().kind, TokenKind::Str { template: true, .. })
                && !self.peek().newline_before
            {
                self.bump(); // a tagged template: kept as the tag's value
            } else {
                return Ok(expr);
            }
        }
    }

    fn property_after_dot(&mut self) -> PResult<Ident> {
        if self.eat("#") {
            return self.ident_token("a property name");
        }
        self.ident_token("a property name after '.'")
    }

    fn arguments(&mut self) -> PResult<Vec<Expr>> {
        self.expect("(")?;
        let mut args = Vec::new();
        while !self.eat(")") {
            args.push(self.spread_or_assignment()?);
            if !self.eat(",") {
                self.expect(")")?;
                break;
            }
        }
        Ok(args)
    }

    fn spread_or_assignment(&mut self) -> PResult<Expr> {
        if self.at("...") {
            let start = self.bump().span.start;
            let inner = self.assignment()?;
            return Ok(Expr::new(
                ExprKind::Spread(Box::new(inner)),
                Span::new(start, self.prev_end()),
            ));
        }
        self.assignment()
    }

    fn primary(&mut self) -> PResult<Expr> {
        let token = self.peek().clone();
        let span = token.span;
        let kind = match &token.kind {
            TokenKind::Number(n) => ExprKind::Number(*n),
            TokenKind::Str {
                value,
                substitutions,
                ..
            } => {
                if *substitutions {
                    ExprKind::Template(value.clone())
                } else {
                    ExprKind::Str(value.clone())
                }
            }
            TokenKind::Regex => ExprKind::Regex,
            TokenKind::Punct("(") => {
                self.bump();
                let mut inner = self.expression()?;
                let close = self.expect(")")?;
                inner.span = Span::new(span.start, close.end);
                return Ok(inner);
            }
            TokenKind::Punct("[") => return self.array_literal(),
            TokenKind::Punct("{") => return self.object_literal(),
            TokenKind::Ident(word) => match word.as_str() {
                "true" => ExprKind::Bool(true),
                "false" => ExprKind::Bool(false),
                "null" => ExprKind::Null,
                "this" => ExprKind::This,
                "function" => return self.function_expression(),
                "async" if self.peek_at(1).is_ident("function") => {
                    self.bump();
                    return self.function_expression();
                }
                "class" => {
                    self.bump();
                    if let TokenKind::Ident(_) = self.peek().kind {
                        if !self.at_word("extends") {
                            self.bump();
                        }
                    }
                    if self.eat_word("extends") {
                        self.postfix()?;
                    }
                    self.class_body()?;
                    return Ok(Expr::new(
                        ExprKind::Class,
                        Span::new(span.start, self.prev_end()),
                    ));
                }
                "new" => {
                    self.bump();
                    if self.eat(".") {
                        self.ident_token("'target'")?; // new.target
                        return Ok(Expr::new(
                            ExprKind::Invalid,
                            Span::new(span.start, self.prev_end()),
                        ));
                    }
                    let callee = self.new_callee()?;
                    let args = if self.at("(") {
                        self.arguments()?
                    } else {
                        Vec::new()
                    };
                    return Ok(Expr::new(
                        ExprKind::New {
                            callee: Box::new(callee),
                            args,
                        },
                        Span::new(span.start, self.prev_end()),
                    ));
                }
                _ if is_reserved(word) => return Err(self.error_here("an expression")),
                _ => ExprKind::Ident(word.clone()),
            },
            _ => return Err(self.error_here("an expression")),
        };
        self.bump();
        Ok(Expr::new(kind, span))
    }

    /// The callee of `new`: a member chain without calls (`new Sequelize.Op.x`).
    fn new_callee(&mut self) -> PResult<Expr> {
        let mut expr = self.primary()?;
        while self.eat(".") {
            let property = self.property_after_dot()?;
            let span = expr.span.to(property.span);
            expr = Expr::new(
                ExprKind::Member {
                    object: Box::new(expr),
                    property,
                    optional: false,
                },
                span,
            );
        }
        Ok(expr)
    }

    fn function_expression(&mut self) -> PResult<Expr> {
        let start = self.bump().span.start; // `function`
        self.eat("*");
        if let TokenKind::Ident(_) = self.peek().kind {
            self.bump();
        }
        let (params, body) = self.function_rest()?;
        Ok(Expr::new(
            ExprKind::Function { params, body },
            Span::new(start, self.prev_end()),
        ))
    }

    fn array_literal(&mut self) -> PResult<Expr> {
        let start = self.bump().span.start;
        let mut items = Vec::new();
        while !self.eat("]") {
            if self.at(",") {
                let span = self.bump().span;
                items.push(Expr::new(ExprKind::Invalid, span)); // a hole
                continue;
            }
            items.push(self.spread_or_assignment()?);
            if !self.eat(",") {
                self.expect("]")?;
                break;
            }
        }
        Ok(Expr::new(
            ExprKind::Array(items),
            Span::new(start, self.prev_end()),
        ))
    }

    /// A property name: an identifier (keywords allowed), a string or a number.
    fn property_name(&mut self) -> PResult<Ident> {
        let token = self.peek().clone();
        let name = match &token.kind {
            TokenKind::Ident(name) => name.clone(),
            TokenKind::Str { value, .. } => value.clone(),
            TokenKind::Number(n) => format_number(*n),
            _ => return Err(self.error_here("a property name")),
        };
        self.bump();
        Ok(Ident {
            name,
            span: token.span,
        })
    }

    fn object_literal(&mut self) -> PResult<Expr> {
        let start = self.bump().span.start;
        let mut properties = Vec::new();
        loop {
            if self.eat("}") {
                break;
            }
            if self.at_declaration_start() {
                return Err(self.error_here("'}'"));
            }
            properties.push(self.object_property()?);
            if self.eat(",") {
                continue;
            }
            if self.eat("}") {
                break;
            }
            if self.peek().newline_before && self.looks_like_property() {
                let previous_end = self.prev_end();
                self.diagnostics.push(
                    Diagnostic::error(
                        Span::new(previous_end.saturating_sub(1), previous_end),
                        format!("Missing ',' before {}", self.peek().describe(self.src)),
                    )
                    .with_hint("separate object properties with commas"),
                );
                continue;
            }
            return Err(self.error_here("',' or '}'"));
        }
        Ok(Expr::new(
            ExprKind::Object(properties),
            Span::new(start, self.prev_end()),
        ))
    }

    /// A declaration keyword at the start of a line, not used as a property name: the
    /// object before it was never closed.
    fn at_declaration_start(&self) -> bool {
        let token = self.peek();
        token.newline_before
            && DECLARATION_KEYWORDS.iter().any(|w| token.is_ident(w))
            && !matches!(
                self.peek_at(1).kind,
                TokenKind::Punct(":" | "," | "(" | "}")
            )
    }

    fn looks_like_property(&self) -> bool {
        let named = matches!(
            self.peek().kind,
            TokenKind::Ident(_) | TokenKind::Str { .. } | TokenKind::Number(_)
        );
        (named
            && matches!(
                self.peek_at(1).kind,
                TokenKind::Punct(":" | "," | "(" | "}")
            ))
            || self.at("...")
            || self.at("[")
    }

    fn object_property(&mut self) -> PResult<Property> {
        let start = self.peek().span.start;
        if self.eat("...") {
            let value = self.assignment()?;
            return Ok(Property {
                key: PropertyKey::Spread,
                value,
                span: Span::new(start, self.prev_end()),
            });
        }
        if self.eat("[") {
            let key = self.assignment()?;
            self.expect("]")?;
            let value = if self.at("(") {
                self.method_value()?
            } else {
                self.expect(":")?;
                self.assignment()?
            };
            return Ok(Property {
                key: PropertyKey::Computed(key),
                value,
                span: Span::new(start, self.prev_end()),
            });
        }
        // `get x() {}`, `set x(v) {}`, `async x() {}`: read the accessor as a plain method.
        let modifier = ["get", "set", "async"].iter().any(|w| self.at_word(w));
        if modifier
            && !matches!(
                self.peek_at(1).kind,
                TokenKind::Punct(":" | "," | "(" | "}")
            )
        {
            self.bump();
            self.eat("*");
        }
        let key = self.property_name()?;
        let value = if self.eat(":") {
            self.assignment()?
        } else if self.at("(") {
            self.method_value()?
        } else if self.at("=") {
            // `{ a = 1 }` only makes sense in a pattern; keep the name.
            self.bump();
            self.assignment()?;
            Expr::new(ExprKind::Ident(key.name.clone()), key.span)
        } else {
            Expr::new(ExprKind::Ident(key.name.clone()), key.span)
        };
        Ok(Property {
            key: PropertyKey::Named(key),
            value,
            span: Span::new(start, self.prev_end()),
        })
    }

    fn method_value(&mut self) -> PResult<Expr> {
        let start = self.peek().span.start;
        let (params, body) = self.function_rest()?;
        Ok(Expr::new(
            ExprKind::Function { params, body },
            Span::new(start, self.prev_end()),
        ))
    }
}

fn nesting_delta(token: &Token) -> i32 {
    match token.kind {
        TokenKind::Punct("(" | "[" | "{") => 1,
        TokenKind::Punct(")" | "]" | "}") => -1,
        _ => 0,
    }
}

fn is_reserved(word: &str) -> bool {
    matches!(
        word,
        "const"
            | "let"
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
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(src: &str) -> Program {
        let (program, diagnostics) = parse(src);
        assert!(
            diagnostics.is_empty(),
            "unexpected diagnostics: {diagnostics:?}"
        );
        program
    }

    #[test]
    fn define_with_options() {
        let program = parse_ok(
            "const { DataTypes } = require('sequelize');\n\
             const Pug = sequelize.define('pug', { name: DataTypes.STRING(255), }, { timestamps: false });",
        );
        assert_eq!(program.body.len(), 2);
    }

    #[test]
    fn class_init_and_arrow_iife() {
        let program = parse_ok(
            "class User extends Model {}\nUser.init({ a: { type: DataTypes.INTEGER } }, { sequelize });\n\
             (async () => { await sequelize.sync(); })();",
        );
        assert!(matches!(program.body[0], Stmt::Class { .. }));
        assert_eq!(program.body.len(), 3);
    }

    #[test]
    fn missing_comma_between_lines_is_reported_and_read_through() {
        let src = "await Stories.create({\n  created_by: 1 // user id\n  title: 'x',\n});";
        let (program, diagnostics) = parse(src);
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert!(diagnostics[0].message.starts_with("Missing ','"));
        let Stmt::Expr { expr, .. } = &program.body[0] else {
            panic!()
        };
        let ExprKind::Await(call) = &expr.kind else {
            panic!()
        };
        let ExprKind::Call { args, .. } = &call.kind else {
            panic!()
        };
        let ExprKind::Object(props) = &args[0].kind else {
            panic!()
        };
        assert_eq!(props.len(), 2);
    }

    #[test]
    fn a_broken_statement_does_not_hide_the_next_one() {
        let (program, diagnostics) = parse("const A = sequelize.define('a', {\nconst B = 1;");
        assert_eq!(diagnostics.len(), 1);
        assert!(matches!(program.body.last(), Some(Stmt::Declare { .. })));
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let src = "[".repeat(10_000);
        let (_, diagnostics) = parse(&src);
        assert!(!diagnostics.is_empty());
    }
}
