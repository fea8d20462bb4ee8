//! Expressions, by precedence from the comma down to primaries; object and array
//! literals, templates, and turning a literal into an assignment target.

use std::rc::Rc;

use super::{nesting_delta, PResult, Parser, DECLARATION_KEYWORDS};
use crate::diagnostic::{Diagnostic, Span};
use crate::js::format_number;
use crate::syntax::ast::*;
use crate::syntax::lexer::{TemplatePart, Token, TokenKind};

/// A binary operator and its precedence, by its text. A `match`, not a table searched
/// in order: it runs after every operand, for the token that ends it too.
fn binary_precedence(op: &str) -> Option<(&'static str, u8)> {
    Some(match op {
        "??" => ("??", 1),
        "||" => ("||", 2),
        "&&" => ("&&", 3),
        "|" => ("|", 4),
        "^" => ("^", 5),
        "&" => ("&", 6),
        "==" => ("==", 7),
        "!=" => ("!=", 7),
        "===" => ("===", 7),
        "!==" => ("!==", 7),
        "<" => ("<", 8),
        ">" => (">", 8),
        "<=" => ("<=", 8),
        ">=" => (">=", 8),
        "instanceof" => ("instanceof", 8),
        "in" => ("in", 8),
        "<<" => ("<<", 9),
        ">>" => (">>", 9),
        ">>>" => (">>>", 9),
        "+" => ("+", 10),
        "-" => ("-", 10),
        "*" => ("*", 11),
        "/" => ("/", 11),
        "%" => ("%", 11),
        "**" => ("**", 12),
        _ => return None,
    })
}

const ASSIGN_OPS: &[&str] = &[
    "=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=", "&=", "|=", "^=", "&&=", "||=",
    "??=",
];

impl Parser<'_> {
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        let first = self.assignment()?;
        if !self.at(",") {
            return Ok(first);
        }
        let start = first.span.start;
        let mut items = vec![first];
        while self.eat(",") {
            items.push(self.assignment()?);
        }
        Ok(Expr::new(ExprKind::Sequence(items), self.span_from(start)))
    }

    pub(super) fn assignment(&mut self) -> PResult<Expr> {
        self.nested(|p| p.assignment_inner())
    }

    fn assignment_inner(&mut self) -> PResult<Expr> {
        let start = self.peek().span.start;
        if self.arrow_ahead() {
            return self.arrow_function();
        }
        if self.in_generator && self.at_word("yield") {
            self.bump();
            if !self.peek().newline_before {
                self.eat("*");
                if self.starts_expression(self.peek()) {
                    self.assignment()?;
                }
            }
            return Ok(Expr::new(ExprKind::Unsupported, self.span_from(start)));
        }
        let target = self.conditional()?;
        if let TokenKind::Punct(op) = self.peek().kind {
            if ASSIGN_OPS.contains(&op) {
                let op_span = self.peek().span;
                let pattern = if op == "=" {
                    self.assignment_target(target)?
                } else {
                    match target.kind {
                        ExprKind::Ident(name) => Pattern::Ident(Ident {
                            name,
                            span: target.span,
                        }),
                        ExprKind::Member {
                            optional: false, ..
                        }
                        | ExprKind::Index {
                            optional: false, ..
                        }
                        | ExprKind::Unsupported
                        | ExprKind::Invalid => Pattern::Expr(Box::new(target)),
                        _ => {
                            return Err(
                                self.error_at(op_span, "Invalid left-hand side in assignment")
                            )
                        }
                    }
                };
                self.bump();
                let value = self.assignment()?;
                return Ok(Expr::new(
                    ExprKind::Assign {
                        op,
                        target: Box::new(pattern),
                        value: Box::new(value),
                    },
                    self.span_from(start),
                ));
            }
        }
        Ok(target)
    }

    /// An expression read as a literal, turned into what it assigns to:
    /// `[a, b] = …`, `({ a, b: c = 1 } = …)`, `obj.x = …`.
    pub(super) fn assignment_target(&mut self, expr: Expr) -> PResult<Pattern> {
        let span = expr.span;
        match expr.kind {
            ExprKind::Ident(name) => Ok(Pattern::Ident(Ident { name, span })),
            ExprKind::Member {
                optional: false, ..
            }
            | ExprKind::Index {
                optional: false, ..
            }
            // `this.#x = …`: already diagnosed.
            | ExprKind::Unsupported
            | ExprKind::Invalid => Ok(Pattern::Expr(Box::new(expr))),
            ExprKind::Assign {
                op: "=",
                target,
                value,
            } => {
                self.cover_inits
                    .retain(|s| !(s.start >= span.start && s.end <= span.end));
                Ok(Pattern::Default {
                    target,
                    default: value,
                    span,
                })
            }
            ExprKind::Array(items) => {
                let mut elements = Vec::new();
                let mut rest = None;
                let count = items.len();
                for (i, item) in items.into_iter().enumerate() {
                    match item {
                        None => elements.push(None),
                        Some(Expr {
                            kind: ExprKind::Spread(inner),
                            ..
                        }) if i + 1 == count => {
                            rest = Some(Box::new(self.assignment_target(*inner)?));
                        }
                        Some(item) => elements.push(Some(self.assignment_target(item)?)),
                    }
                }
                Ok(Pattern::Array {
                    elements,
                    rest,
                    span,
                })
            }
            ExprKind::Object(props) => {
                let mut properties = Vec::new();
                let mut rest = None;
                for prop in props {
                    match prop.value {
                        PropertyValue::Spread(inner) => {
                            rest = Some(Box::new(self.assignment_target(inner)?))
                        }
                        PropertyValue::Init(value) => properties.push(PatternProperty {
                            key: prop.key,
                            value: self.assignment_target(value)?,
                            span: prop.span,
                        }),
                        _ => {
                            return Err(
                                self.error_at(prop.span, "Invalid destructuring assignment target")
                            )
                        }
                    }
                }
                Ok(Pattern::Object {
                    properties,
                    rest,
                    span,
                })
            }
            _ => Err(self.error_at(span, "Invalid destructuring assignment target")),
        }
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
            TokenKind::Ident(_) => self
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.is_punct("=>") && !t.newline_before),
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

    fn conditional(&mut self) -> PResult<Expr> {
        let test = self.binary(0)?;
        if !self.eat("?") {
            return Ok(test);
        }
        let then = self.with_in(|p| p.assignment())?;
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
        match &self.peek().kind {
            TokenKind::Punct(p) => binary_precedence(p),
            TokenKind::Ident(w) if !(self.no_in && &**w == "in") => binary_precedence(w),
            _ => None,
        }
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
            TokenKind::Punct(p @ ("!" | "-" | "+" | "~")) => Some(*p),
            TokenKind::Ident(w) if &**w == "typeof" => Some("typeof"),
            TokenKind::Ident(w) if &**w == "void" => Some("void"),
            TokenKind::Ident(w) if &**w == "delete" => Some("delete"),
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
                self.span_from(start),
            ));
        }
        if let TokenKind::Punct(op @ ("++" | "--")) = token.kind {
            self.bump();
            let target = self.nested(|p| p.unary())?;
            self.check_update_target(&target, "prefix")?;
            return Ok(Expr::new(
                ExprKind::Update {
                    op,
                    prefix: true,
                    target: Box::new(target),
                },
                self.span_from(start),
            ));
        }
        if token.is_ident("await") && self.starts_expression(self.peek_at(1)) {
            self.bump();
            let operand = self.nested(|p| p.unary())?;
            return Ok(Expr::new(
                ExprKind::Await(Box::new(operand)),
                self.span_from(start),
            ));
        }
        let expr = self.postfix()?;
        if let TokenKind::Punct(op @ ("++" | "--")) = self.peek().kind {
            if !self.peek().newline_before {
                self.check_update_target(&expr, "postfix")?;
                self.bump();
                return Ok(Expr::new(
                    ExprKind::Update {
                        op,
                        prefix: false,
                        target: Box::new(expr),
                    },
                    self.span_from(start),
                ));
            }
        }
        Ok(expr)
    }

    fn check_update_target(&mut self, target: &Expr, which: &str) -> PResult<()> {
        match target.kind {
            ExprKind::Ident(_)
            | ExprKind::Member {
                optional: false, ..
            }
            | ExprKind::Index {
                optional: false, ..
            }
            | ExprKind::Invalid
            | ExprKind::Unsupported => Ok(()),
            _ => Err(self.error_at(
                target.span,
                format!("Invalid left-hand side expression in {which} operation"),
            )),
        }
    }

    fn starts_expression(&self, token: &Token) -> bool {
        match &token.kind {
            TokenKind::Punct(p) => {
                matches!(
                    *p,
                    "(" | "[" | "{" | "!" | "-" | "+" | "~" | "++" | "--" | "/" | "#"
                )
            }
            TokenKind::Ident(w) => !matches!(&**w, "in" | "of" | "instanceof"),
            TokenKind::Eof => false,
            _ => true,
        }
    }

    pub(super) fn postfix(&mut self) -> PResult<Expr> {
        let mut expr = self.primary()?;
        loop {
            let start = expr.span.start;
            if self.eat(".") {
                expr = self.member(expr, false)?;
            } else if self.at("?.") {
                self.bump();
                if self.at("(") {
                    let args = self.arguments()?;
                    expr = Expr::new(
                        ExprKind::Call {
                            callee: Box::new(expr),
                            args,
                            optional: true,
                        },
                        self.span_from(start),
                    );
                } else if self.eat("[") {
                    let index = self.with_in(|p| p.expression())?;
                    self.expect("]")?;
                    expr = Expr::new(
                        ExprKind::Index {
                            object: Box::new(expr),
                            index: Box::new(index),
                            optional: true,
                        },
                        self.span_from(start),
                    );
                } else {
                    expr = self.member(expr, true)?;
                }
            } else if self.eat("[") {
                let index = self.with_in(|p| p.expression())?;
                self.expect("]")?;
                expr = Expr::new(
                    ExprKind::Index {
                        object: Box::new(expr),
                        index: Box::new(index),
                        optional: false,
                    },
                    self.span_from(start),
                );
            } else if self.at("(") {
                let args = self.arguments()?;
                expr = Expr::new(
                    ExprKind::Call {
                        callee: Box::new(expr),
                        args,
                        optional: false,
                    },
                    self.span_from(start),
                );
            } else if matches!(
                self.peek().kind,
                TokenKind::Template {
                    part: TemplatePart::Full | TemplatePart::Head,
                    ..
                }
            ) {
                self.template()?;
                let span = self.span_from(start);
                self.warn(span, "The playground does not run tagged templates");
                expr = Expr::new(ExprKind::Unsupported, span);
            } else {
                return Ok(expr);
            }
        }
    }

    /// `object.name` (or `object?.name`) after the `.`; reserved words are names here.
    fn member(&mut self, object: Expr, optional: bool) -> PResult<Expr> {
        let start = object.span.start;
        // `this.#count`: a private name is kept as a property named `#count`, which
        // only dot syntax can reach and which is never listed (see `Object::set_own`).
        let property = if self.at("#") {
            let hash = self.bump().span;
            let ident = self.any_ident("a private name")?;
            Ident {
                name: format!("#{}", ident.name),
                span: Span::new(hash.start, ident.span.end),
            }
        } else {
            self.any_ident("a property name after '.'")?
        };
        Ok(Expr::new(
            ExprKind::Member {
                object: Box::new(object),
                property,
                optional,
            },
            self.span_from(start),
        ))
    }

    pub(super) fn arguments(&mut self) -> PResult<Vec<Expr>> {
        self.expect("(")?;
        self.with_in(|p| {
            let mut args = Vec::new();
            while !p.eat(")") {
                args.push(p.spread_or_assignment()?);
                if !p.eat(",") {
                    p.expect(")")?;
                    break;
                }
            }
            Ok(args)
        })
    }

    fn spread_or_assignment(&mut self) -> PResult<Expr> {
        if self.at("...") {
            let start = self.bump().span.start;
            let inner = self.assignment()?;
            return Ok(Expr::new(
                ExprKind::Spread(Box::new(inner)),
                self.span_from(start),
            ));
        }
        self.assignment()
    }

    /// A template literal from its first piece: `` `a${x}b` ``.
    fn template(&mut self) -> PResult<Expr> {
        let start = self.peek().span.start;
        let mut quasis = Vec::new();
        let mut exprs = Vec::new();
        let TokenKind::Template { cooked, part } = self.bump().kind else {
            return Err(self.error_here("a template"));
        };
        quasis.push(cooked);
        if part == TemplatePart::Head {
            loop {
                exprs.push(self.with_in(|p| p.expression())?);
                match self.peek().kind.clone() {
                    TokenKind::Template {
                        cooked,
                        part: part @ (TemplatePart::Middle | TemplatePart::Tail),
                    } => {
                        self.bump();
                        quasis.push(cooked);
                        if part == TemplatePart::Tail {
                            break;
                        }
                    }
                    _ => return Err(self.error_here("'}'")),
                }
            }
        }
        Ok(Expr::new(
            ExprKind::Template { quasis, exprs },
            self.span_from(start),
        ))
    }

    fn primary(&mut self) -> PResult<Expr> {
        let token = self.peek().clone();
        let span = token.span;
        let start = span.start;
        let kind = match &token.kind {
            TokenKind::Number(n) => ExprKind::Number(*n),
            TokenKind::BigInt(digits) => {
                self.warn(
                    span,
                    "The playground reads a BigInt as a plain number: it prints 10, not 10n, and loses digits past 2^53",
                );
                ExprKind::BigInt(digits.clone())
            }
            TokenKind::Str(value) => ExprKind::Str(value.to_string()),
            TokenKind::Template { .. } => return self.template(),
            TokenKind::Regex { pattern, flags } => ExprKind::Regex {
                pattern: pattern.clone(),
                flags: flags.clone(),
            },
            TokenKind::Punct("(") => {
                self.bump();
                let mut inner = self.with_in(|p| p.expression())?;
                let close = self.expect(")")?;
                inner.span = Span::new(span.start, close.end);
                return Ok(inner);
            }
            TokenKind::Punct("[") => return self.with_in(|p| p.array_literal()),
            TokenKind::Punct("{") => return self.with_in(|p| p.object_literal()),
            TokenKind::Punct("#") => {
                // `#x in obj`: whether obj has the private name.
                self.bump();
                let ident = self.any_ident("a private name")?;
                ExprKind::Str(format!("#{}", ident.name))
            }
            TokenKind::Ident(word) => match &**word {
                "true" => ExprKind::Bool(true),
                "false" => ExprKind::Bool(false),
                "null" => ExprKind::Null,
                "this" => ExprKind::This,
                "super" => ExprKind::Super,
                "function" => return self.function_expression(),
                "async"
                    if self.peek_at(1).is_ident("function") && !self.peek_at(1).newline_before =>
                {
                    return self.function_expression()
                }
                "class" => {
                    let class = self.class(false)?;
                    return Ok(Expr::new(
                        ExprKind::Class(Rc::new(class)),
                        self.span_from(start),
                    ));
                }
                "import" => {
                    self.bump();
                    if self.eat(".") {
                        self.any_ident("'meta'")?;
                        let span = self.span_from(start);
                        self.warn(span, "The playground does not run import.meta");
                        return Ok(Expr::new(ExprKind::Unsupported, span));
                    }
                    self.expect("(")?;
                    let arg = self.with_in(|p| p.assignment())?;
                    if self.eat(",") && !self.at(")") {
                        self.with_in(|p| p.assignment())?; // import options
                        self.eat(",");
                    }
                    self.expect(")")?;
                    return Ok(Expr::new(
                        ExprKind::Import(Box::new(arg)),
                        self.span_from(start),
                    ));
                }
                "new" => return self.new_expression(),
                _ if super::is_reserved(word) => return Err(self.error_here("an expression")),
                _ => ExprKind::Ident(word.to_string()),
            },
            _ => return Err(self.error_here("an expression")),
        };
        self.bump();
        Ok(Expr::new(kind, span))
    }

    /// `new X(…)`, `new X`, `new a.b.C()`, `new.target`.
    fn new_expression(&mut self) -> PResult<Expr> {
        let start = self.bump().span.start;
        if self.eat(".") {
            self.any_ident("'target'")?;
            let span = self.span_from(start);
            self.warn(span, "The playground does not run new.target");
            return Ok(Expr::new(ExprKind::Unsupported, span));
        }
        let mut callee = if self.at_word("new") {
            self.nested(|p| p.new_expression())?
        } else {
            self.primary()?
        };
        loop {
            if self.eat(".") {
                callee = self.member(callee, false)?;
            } else if self.eat("[") {
                let index = self.with_in(|p| p.expression())?;
                self.expect("]")?;
                callee = Expr::new(
                    ExprKind::Index {
                        object: Box::new(callee),
                        index: Box::new(index),
                        optional: false,
                    },
                    self.span_from(start),
                );
            } else {
                break;
            }
        }
        let args = if self.at("(") {
            self.arguments()?
        } else {
            Vec::new()
        };
        Ok(Expr::new(
            ExprKind::New {
                callee: Box::new(callee),
                args,
            },
            self.span_from(start),
        ))
    }

    fn array_literal(&mut self) -> PResult<Expr> {
        let start = self.bump().span.start;
        let mut items = Vec::new();
        while !self.eat("]") {
            if self.eat(",") {
                items.push(None); // a hole
                continue;
            }
            items.push(Some(self.spread_or_assignment()?));
            if !self.eat(",") {
                self.expect("]")?;
                break;
            }
        }
        Ok(Expr::new(ExprKind::Array(items), self.span_from(start)))
    }

    /// A property name: an identifier (keywords allowed), a string, a number, or `[expr]`.
    pub(super) fn property_key(&mut self) -> PResult<PropertyKey> {
        let token = self.peek().clone();
        let name = match &token.kind {
            TokenKind::Ident(name) => name.to_string(),
            TokenKind::Str(value) => value.to_string(),
            TokenKind::Number(n) => format_number(*n),
            TokenKind::BigInt(digits) => digits.clone(),
            TokenKind::Punct("[") => {
                self.bump();
                let key = self.with_in(|p| p.assignment())?;
                self.expect("]")?;
                return Ok(PropertyKey::Computed(key));
            }
            TokenKind::Punct("#") => {
                self.bump();
                let ident = self.any_ident("a private name")?;
                return Ok(PropertyKey::Named(Ident {
                    name: format!("#{}", ident.name),
                    span: self.span_from(token.span.start),
                }));
            }
            _ => return Err(self.error_here("a property name")),
        };
        self.bump();
        Ok(PropertyKey::Named(Ident {
            name,
            span: token.span,
        }))
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
                let message = format!("Missing ',' before {}", self.peek().describe(self.src));
                self.diagnostics.push(
                    Diagnostic::error(
                        Span::new(previous_end.saturating_sub(1), previous_end),
                        message,
                    )
                    .with_hint("separate object properties with commas"),
                );
                continue;
            }
            return Err(self.error_here("',' or '}'"));
        }
        Ok(Expr::new(
            ExprKind::Object(properties),
            self.span_from(start),
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
            TokenKind::Ident(_) | TokenKind::Str(_) | TokenKind::Number(_)
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
                value: PropertyValue::Spread(value),
                span: self.span_from(start),
            });
        }
        let next_ends_key = matches!(
            self.peek_at(1).kind,
            TokenKind::Punct(":" | "," | "(" | "}" | "=")
        );
        let mut is_async = false;
        let mut is_generator = false;
        let mut accessor = None;
        if !next_ends_key {
            if self.at_word("async") && !self.peek_at(1).newline_before {
                self.bump();
                is_async = true;
            } else if self.at_word("get") || self.at_word("set") {
                accessor = Some(self.bump().is_ident("get"));
            }
        }
        if self.eat("*") {
            is_generator = true;
        }
        let key_token = self.peek().clone();
        let key = self.property_key()?;
        if self.at("(") {
            let function = self.method_function(start, is_async, is_generator)?;
            let value = match accessor {
                Some(true) => PropertyValue::Getter(Rc::new(function)),
                Some(false) => PropertyValue::Setter(Rc::new(function)),
                None => PropertyValue::Method(Rc::new(function)),
            };
            return Ok(Property {
                key,
                value,
                span: self.span_from(start),
            });
        }
        if is_async || is_generator || accessor.is_some() {
            return Err(self.error_here("'('"));
        }
        let value = if self.eat(":") {
            self.assignment()?
        } else {
            let PropertyKey::Named(ident) = &key else {
                return Err(self.error_here("':'"));
            };
            if !matches!(key_token.kind, TokenKind::Ident(_)) || super::is_reserved(&ident.name) {
                return Err(self.error_here("':'"));
            }
            let name_expr = Expr::new(ExprKind::Ident(ident.name.clone()), ident.span);
            if self.eat("=") {
                // `{ a = 1 }` is only right in a pattern; kept until it becomes one.
                let default = self.assignment()?;
                let span = self.span_from(start);
                self.cover_inits.push(span);
                Expr::new(
                    ExprKind::Assign {
                        op: "=",
                        target: Box::new(Pattern::Ident(ident.clone())),
                        value: Box::new(default),
                    },
                    span,
                )
            } else {
                name_expr
            }
        };
        Ok(Property {
            key,
            value: PropertyValue::Init(value),
            span: self.span_from(start),
        })
    }
}
