//! Functions of every form (declarations, expressions, arrows, methods), their
//! parameters, binding patterns, and classes with their members.

use std::rc::Rc;

use super::{PResult, Parser};
use crate::syntax::ast::*;
use crate::syntax::lexer::TokenKind;

impl Parser<'_> {
    /// `[async] function [*] [name] (…) { … }`; `declaration` requires the name.
    pub(super) fn function(&mut self, declaration: bool) -> PResult<FunctionDef> {
        let start = self.peek().span.start;
        let is_async = self.eat_word("async");
        self.expect_word("function")?;
        let is_generator = self.eat("*");
        let named = matches!(self.peek().kind, TokenKind::Ident(_));
        let name = if declaration || named {
            Some(self.binding_ident("a function name")?)
        } else {
            None
        };
        self.function_rest(start, name, is_async, is_generator)
    }

    pub(super) fn function_expression(&mut self) -> PResult<Expr> {
        let start = self.peek().span.start;
        let function = self.function(false)?;
        Ok(Expr::new(
            ExprKind::Function(Rc::new(function)),
            self.span_from(start),
        ))
    }

    /// A method from its `(`: the span starts at `start` (the member's first token).
    pub(super) fn method_function(
        &mut self,
        start: usize,
        is_async: bool,
        is_generator: bool,
    ) -> PResult<FunctionDef> {
        self.function_rest(start, None, is_async, is_generator)
    }

    fn function_rest(
        &mut self,
        start: usize,
        name: Option<Ident>,
        is_async: bool,
        is_generator: bool,
    ) -> PResult<FunctionDef> {
        let saved = std::mem::replace(&mut self.in_generator, is_generator);
        let result = self.params_and_body();
        self.in_generator = saved;
        let (params, rest, body) = result?;
        let span = self.span_from(start);
        if is_generator {
            self.warn_with_hint(
                span,
                "The playground does not run generator functions",
                "write a function that returns an array instead",
            );
        }
        Ok(FunctionDef {
            name,
            params,
            rest,
            body,
            is_arrow: false,
            is_async,
            is_generator,
            span,
        })
    }

    fn params_and_body(&mut self) -> PResult<(Vec<Pattern>, Option<Pattern>, Vec<Stmt>)> {
        let (params, rest) = self.params()?;
        let body = self.block_body()?;
        Ok((params, rest, body))
    }

    /// `( a, { b } = {}, ...rest )`.
    fn params(&mut self) -> PResult<(Vec<Pattern>, Option<Pattern>)> {
        self.expect("(")?;
        self.with_in(|p| {
            let mut params = Vec::new();
            let mut rest = None;
            while !p.eat(")") {
                if p.eat("...") {
                    rest = Some(p.binding_target()?);
                    p.eat(",");
                    p.expect(")")?;
                    break;
                }
                params.push(p.binding_element()?);
                if !p.eat(",") {
                    p.expect(")")?;
                    break;
                }
            }
            Ok((params, rest))
        })
    }

    pub(super) fn arrow_function(&mut self) -> PResult<Expr> {
        let start = self.peek().span.start;
        let is_async = self.at_word("async") && !self.peek_at(1).is_punct("=>");
        if is_async {
            self.bump();
        }
        let (params, rest) = if self.at("(") {
            self.params()?
        } else {
            (
                vec![Pattern::Ident(self.binding_ident("a parameter")?)],
                None,
            )
        };
        if self.peek().newline_before {
            return Err(self.error_here("'=>' on the same line"));
        }
        self.expect("=>")?;
        let saved = std::mem::replace(&mut self.in_generator, false);
        let body = if self.at("{") {
            self.block_body()
        } else {
            self.assignment().map(|value| {
                let span = value.span;
                vec![Stmt::Return {
                    value: Some(value),
                    span,
                }]
            })
        };
        self.in_generator = saved;
        let body = body?;
        let span = self.span_from(start);
        let function = FunctionDef {
            name: None,
            params,
            rest,
            body,
            is_arrow: true,
            is_async,
            is_generator: false,
            span,
        };
        Ok(Expr::new(ExprKind::Function(Rc::new(function)), span))
    }

    /// A binding target with an optional default: `a = 1`, `{ b } = {}`.
    pub(super) fn binding_element(&mut self) -> PResult<Pattern> {
        let target = self.binding_target()?;
        if self.eat("=") {
            let default = self.assignment()?;
            let span = target.span().to(default.span);
            return Ok(Pattern::Default {
                target: Box::new(target),
                default: Box::new(default),
                span,
            });
        }
        Ok(target)
    }

    /// What a declaration or parameter binds: a name, `{ … }` or `[ … ]`.
    pub(super) fn binding_target(&mut self) -> PResult<Pattern> {
        self.nested(|p| {
            if p.at("{") {
                p.with_in(|p| p.object_pattern())
            } else if p.at("[") {
                p.with_in(|p| p.array_pattern())
            } else {
                Ok(Pattern::Ident(p.binding_ident("a variable name")?))
            }
        })
    }

    fn object_pattern(&mut self) -> PResult<Pattern> {
        let start = self.bump().span.start;
        let mut properties = Vec::new();
        let mut rest = None;
        while !self.eat("}") {
            let prop_start = self.peek().span.start;
            if self.eat("...") {
                rest = Some(Box::new(self.binding_target()?));
                self.eat(",");
                self.expect("}")?;
                break;
            }
            let key_token = self.peek().clone();
            let key = self.property_key()?;
            let value = if self.eat(":") {
                self.binding_element()?
            } else {
                let PropertyKey::Named(ident) = &key else {
                    return Err(self.error_here("':'"));
                };
                if !matches!(key_token.kind, TokenKind::Ident(_)) || super::is_reserved(&ident.name)
                {
                    return Err(self.error_here("':'"));
                }
                let target = Pattern::Ident(ident.clone());
                if self.eat("=") {
                    let default = self.assignment()?;
                    let span = self.span_from(prop_start);
                    Pattern::Default {
                        target: Box::new(target),
                        default: Box::new(default),
                        span,
                    }
                } else {
                    target
                }
            };
            properties.push(PatternProperty {
                key,
                value,
                span: self.span_from(prop_start),
            });
            if !self.eat(",") {
                self.expect("}")?;
                break;
            }
        }
        Ok(Pattern::Object {
            properties,
            rest,
            span: self.span_from(start),
        })
    }

    fn array_pattern(&mut self) -> PResult<Pattern> {
        let start = self.bump().span.start;
        let mut elements = Vec::new();
        let mut rest = None;
        while !self.eat("]") {
            if self.eat(",") {
                elements.push(None);
                continue;
            }
            if self.eat("...") {
                rest = Some(Box::new(self.binding_target()?));
                self.expect("]")?;
                break;
            }
            elements.push(Some(self.binding_element()?));
            if !self.eat(",") {
                self.expect("]")?;
                break;
            }
        }
        Ok(Pattern::Array {
            elements,
            rest,
            span: self.span_from(start),
        })
    }

    /// `class [Name] [extends Expr] { … }`; `declaration` requires the name.
    pub(super) fn class(&mut self, declaration: bool) -> PResult<ClassDef> {
        let start = self.bump().span.start; // `class`
        let name = if declaration
            || (matches!(self.peek().kind, TokenKind::Ident(_)) && !self.at_word("extends"))
        {
            Some(self.binding_ident("a class name")?)
        } else {
            None
        };
        let superclass = if self.eat_word("extends") {
            Some(self.nested(|p| p.left_hand_side())?)
        } else {
            None
        };
        self.expect("{")?;
        let members = self.nested(|p| {
            p.with_in(|p| {
                let mut members = Vec::new();
                while !p.eat("}") {
                    if p.eat(";") {
                        continue;
                    }
                    if p.at_eof() {
                        return Err(p.error_here("'}'"));
                    }
                    members.push(p.class_member()?);
                }
                Ok(members)
            })
        })?;
        Ok(ClassDef {
            name,
            superclass,
            members,
            span: self.span_from(start),
        })
    }

    /// The superclass after `extends`: a call or member chain (`Model`, `mixin(Base)`).
    fn left_hand_side(&mut self) -> PResult<Expr> {
        self.postfix()
    }

    fn class_member(&mut self) -> PResult<ClassMember> {
        let start = self.peek().span.start;
        let ends_key = |p: &Self| {
            matches!(p.peek_at(1).kind, TokenKind::Punct("(" | "=" | ";" | "}"))
                || p.peek_at(1).newline_before
                    && !p.peek_at(1).is_punct("*")
                    && !matches!(
                        p.peek_at(1).kind,
                        TokenKind::Ident(_)
                            | TokenKind::Str(_)
                            | TokenKind::Number(_)
                            | TokenKind::Punct("[" | "#")
                    )
        };
        let mut is_static = false;
        if self.at_word("static") && !ends_key(self) {
            if self.peek_at(1).is_punct("{") {
                let key_span = self.bump().span;
                let body = self.block_body()?;
                return Ok(ClassMember {
                    key: PropertyKey::Named(Ident {
                        name: "static".into(),
                        span: key_span,
                    }),
                    is_static: true,
                    kind: ClassMemberKind::StaticBlock(body),
                    span: self.span_from(start),
                });
            }
            self.bump();
            is_static = true;
        }
        let mut is_async = false;
        let mut accessor = None;
        if self.at_word("async") && !ends_key(self) && !self.peek_at(1).newline_before {
            self.bump();
            is_async = true;
        } else if (self.at_word("get") || self.at_word("set")) && !ends_key(self) {
            accessor = Some(self.bump().is_ident("get"));
        }
        let is_generator = self.eat("*");
        let key = self.property_key()?;
        let kind = if self.at("(") {
            let function = Rc::new(self.method_function(start, is_async, is_generator)?);
            let is_constructor =
                matches!(&key, PropertyKey::Named(ident) if ident.name == "constructor");
            match accessor {
                Some(true) => ClassMemberKind::Getter(function),
                Some(false) => ClassMemberKind::Setter(function),
                None if is_constructor && !is_static => ClassMemberKind::Constructor(function),
                None => ClassMemberKind::Method(function),
            }
        } else {
            if is_async || is_generator || accessor.is_some() {
                return Err(self.error_here("'('"));
            }
            let init = if self.eat("=") {
                Some(self.assignment()?)
            } else {
                None
            };
            self.end_of_statement()?;
            ClassMemberKind::Field(init)
        };
        let span = self.span_from(start);
        Ok(ClassMember {
            key,
            is_static,
            kind,
            span,
        })
    }
}
