//! Statements: declarations, control flow, `try`, labels, and the module forms
//! (`import …`, `export …`).

use std::rc::Rc;

use super::{PResult, Parser};
use crate::diagnostic::Span;
use crate::syntax::ast::*;
use crate::syntax::lexer::TokenKind;

impl Parser<'_> {
    pub(super) fn statement(&mut self) -> PResult<Stmt> {
        let token = self.peek().clone();
        let start = token.span.start;
        if self.eat(";") {
            return Ok(Stmt::Empty { span: token.span });
        }
        if self.at("{") {
            let body = self.block_body()?;
            return Ok(Stmt::Block {
                body,
                span: self.span_from(start),
            });
        }
        let TokenKind::Ident(word) = &token.kind else {
            return self.expression_statement();
        };
        let next = self.peek_at(1).clone();
        match &**word {
            "const" | "var" => self.declaration_statement(),
            "let"
                if matches!(next.kind, TokenKind::Ident(_))
                    || next.is_punct("[")
                    || next.is_punct("{") =>
            {
                self.declaration_statement()
            }
            "class" => {
                let class = self.class(true)?;
                Ok(Stmt::Class {
                    class: Rc::new(class),
                    span: self.span_from(start),
                })
            }
            "function" => self.function_declaration(start),
            "async" if next.is_ident("function") && !next.newline_before => {
                self.function_declaration(start)
            }
            "return" => {
                self.bump();
                let value = if self.at_statement_end() {
                    None
                } else {
                    Some(self.expression()?)
                };
                self.end_of_statement()?;
                Ok(Stmt::Return {
                    value,
                    span: self.span_from(start),
                })
            }
            "if" => {
                self.bump();
                let test = self.paren_expression()?;
                let then = Box::new(self.sub_statement()?);
                let otherwise = if self.eat_word("else") {
                    Some(Box::new(self.sub_statement()?))
                } else {
                    None
                };
                Ok(Stmt::If {
                    test,
                    then,
                    otherwise,
                    span: self.span_from(start),
                })
            }
            "for" => self.for_statement(),
            "while" => {
                self.bump();
                let test = self.paren_expression()?;
                let body = Box::new(self.sub_statement()?);
                Ok(Stmt::While {
                    test,
                    body,
                    span: self.span_from(start),
                })
            }
            "do" => {
                self.bump();
                let body = Box::new(self.sub_statement()?);
                self.expect_word("while")?;
                let test = self.paren_expression()?;
                self.eat(";");
                Ok(Stmt::DoWhile {
                    body,
                    test,
                    span: self.span_from(start),
                })
            }
            "switch" => self.switch_statement(),
            "break" | "continue" => {
                self.bump();
                let label = if !self.at_statement_end()
                    && matches!(self.peek().kind, TokenKind::Ident(_))
                {
                    Some(self.binding_ident("a label")?)
                } else {
                    None
                };
                self.end_of_statement()?;
                let span = self.span_from(start);
                Ok(if &**word == "break" {
                    Stmt::Break { label, span }
                } else {
                    Stmt::Continue { label, span }
                })
            }
            "throw" => {
                self.bump();
                if self.peek().newline_before {
                    let span = self.peek().span;
                    return Err(self.error_at(span, "Illegal newline after throw"));
                }
                let value = self.expression()?;
                self.end_of_statement()?;
                Ok(Stmt::Throw {
                    value,
                    span: self.span_from(start),
                })
            }
            "try" => self.try_statement(),
            "debugger" => {
                self.bump();
                self.end_of_statement()?;
                Ok(Stmt::Empty {
                    span: self.span_from(start),
                })
            }
            "with" => {
                self.bump();
                self.paren_expression()?;
                self.sub_statement()?;
                let span = self.span_from(start);
                self.warn(
                    Span::new(start, token.span.end),
                    "The playground does not run 'with' statements; this one is skipped",
                );
                Ok(Stmt::Unsupported { span })
            }
            "import" if !next.is_punct("(") && !next.is_punct(".") => self.import_declaration(),
            "export" => self.export_declaration(),
            _ if next.is_punct(":") && !super::is_reserved(word) => {
                let label = self.binding_ident("a label")?;
                self.bump();
                let body = Box::new(self.sub_statement()?);
                Ok(Stmt::Labeled {
                    label,
                    body,
                    span: self.span_from(start),
                })
            }
            _ => self.expression_statement(),
        }
    }

    /// The body of `if`, `for`, `while` …: one statement, one level deeper.
    fn sub_statement(&mut self) -> PResult<Stmt> {
        self.nested(|p| p.statement())
    }

    fn expression_statement(&mut self) -> PResult<Stmt> {
        let start = self.peek().span.start;
        let expr = self.expression()?;
        self.end_of_statement()?;
        Ok(Stmt::Expr {
            expr,
            span: self.span_from(start),
        })
    }

    fn paren_expression(&mut self) -> PResult<Expr> {
        self.expect("(")?;
        let expr = self.with_in(|p| p.expression())?;
        self.expect(")")?;
        Ok(expr)
    }

    fn decl_kind(&mut self) -> DeclKind {
        match self.bump().kind {
            TokenKind::Ident("const") => DeclKind::Const,
            TokenKind::Ident("let") => DeclKind::Let,
            _ => DeclKind::Var,
        }
    }

    fn declaration_statement(&mut self) -> PResult<Stmt> {
        let start = self.peek().span.start;
        let kind = self.decl_kind();
        let declarations = self.declarators(kind, None)?;
        self.end_of_statement()?;
        Ok(Stmt::Declare {
            kind,
            declarations,
            span: self.span_from(start),
        })
    }

    /// `a = 1, { b } = c` after the keyword; `first` is a target already read (in `for`).
    fn declarators(&mut self, kind: DeclKind, first: Option<Pattern>) -> PResult<Vec<Declarator>> {
        let mut declarations = Vec::new();
        let mut first = first;
        loop {
            let target = match first.take() {
                Some(target) => target,
                None => self.binding_target()?,
            };
            let decl_start = target.span().start;
            let init = if self.eat("=") {
                Some(self.assignment()?)
            } else {
                if kind == DeclKind::Const && !self.in_for_head() {
                    let span = self.peek().span;
                    return Err(self.error_at(span, "Missing initializer in const declaration"));
                }
                if !matches!(target, Pattern::Ident(_)) && !self.in_for_head() {
                    let span = self.peek().span;
                    return Err(
                        self.error_at(span, "Missing initializer in destructuring declaration")
                    );
                }
                None
            };
            declarations.push(Declarator {
                target,
                init,
                span: self.span_from(decl_start),
            });
            if !self.eat(",") {
                return Ok(declarations);
            }
        }
    }

    /// In a `for (…;` head, where `for (const x; …)` is left for `for` to judge.
    fn in_for_head(&self) -> bool {
        self.no_in && self.at(";")
    }

    fn function_declaration(&mut self, start: usize) -> PResult<Stmt> {
        let function = self.function(true)?;
        Ok(Stmt::Function {
            function: Rc::new(function),
            span: self.span_from(start),
        })
    }

    fn for_statement(&mut self) -> PResult<Stmt> {
        let start = self.bump().span.start;
        let is_await = self.eat_word("await");
        self.expect("(")?;
        let saved = std::mem::replace(&mut self.no_in, true);
        let head = self.for_head();
        self.no_in = saved;
        let head = head?;
        match head {
            ForHead::Each { each, kind, target } => {
                let iterable = match each {
                    ForEachKind::Of => self.assignment()?,
                    ForEachKind::In => self.expression()?,
                };
                self.expect(")")?;
                let body = Box::new(self.sub_statement()?);
                Ok(Stmt::ForEach {
                    each,
                    kind,
                    target,
                    iterable,
                    body,
                    is_await,
                    span: self.span_from(start),
                })
            }
            ForHead::Classic(init) => {
                self.expect(";")?;
                let test = if self.at(";") {
                    None
                } else {
                    Some(self.expression()?)
                };
                self.expect(";")?;
                let update = if self.at(")") {
                    None
                } else {
                    Some(self.expression()?)
                };
                self.expect(")")?;
                let body = Box::new(self.sub_statement()?);
                Ok(Stmt::For {
                    init: init.map(Box::new),
                    test,
                    update,
                    body,
                    span: self.span_from(start),
                })
            }
        }
    }

    /// What stands between `for (` and the first `;` (or `of`/`in`), with `in` not an operator.
    fn for_head(&mut self) -> PResult<ForHead> {
        if self.at(";") {
            return Ok(ForHead::Classic(None));
        }
        let next = self.peek_at(1).clone();
        let declares = self.at_word("const")
            || self.at_word("var")
            || (self.at_word("let")
                && (matches!(next.kind, TokenKind::Ident(_))
                    || next.is_punct("[")
                    || next.is_punct("{")));
        if declares {
            let kind = self.decl_kind();
            let target = self.binding_target()?;
            if let Some(each) = self.for_each_word() {
                return Ok(ForHead::Each {
                    each,
                    kind: Some(kind),
                    target,
                });
            }
            let declarations = self.declarators(kind, Some(target))?;
            return Ok(ForHead::Classic(Some(ForInit::Declare {
                kind,
                declarations,
            })));
        }
        let expr = self.expression()?;
        if let Some(each) = self.for_each_word() {
            let target = self.assignment_target(expr)?;
            return Ok(ForHead::Each {
                each,
                kind: None,
                target,
            });
        }
        Ok(ForHead::Classic(Some(ForInit::Expr(expr))))
    }

    fn for_each_word(&mut self) -> Option<ForEachKind> {
        if self.eat_word("of") {
            Some(ForEachKind::Of)
        } else if self.eat_word("in") {
            Some(ForEachKind::In)
        } else {
            None
        }
    }

    fn switch_statement(&mut self) -> PResult<Stmt> {
        let start = self.bump().span.start;
        let discriminant = self.paren_expression()?;
        self.expect("{")?;
        let mut cases = Vec::new();
        while !self.eat("}") {
            let case_start = self.peek().span.start;
            let test = if self.eat_word("case") {
                Some(self.with_in(|p| p.expression())?)
            } else if self.eat_word("default") {
                None
            } else {
                return Err(self.error_here("'case', 'default' or '}'"));
            };
            self.expect(":")?;
            let mut body = Vec::new();
            while !self.at("}") && !self.at_word("case") && !self.at_word("default") {
                if self.at_eof() {
                    return Err(self.error_here("'}'"));
                }
                self.statement_into(&mut body);
            }
            cases.push(SwitchCase {
                test,
                body,
                span: self.span_from(case_start),
            });
        }
        Ok(Stmt::Switch {
            discriminant,
            cases,
            span: self.span_from(start),
        })
    }

    fn try_statement(&mut self) -> PResult<Stmt> {
        let start = self.bump().span.start;
        let body = self.block_body()?;
        let mut handler = None;
        if self.eat_word("catch") {
            let param = if self.eat("(") {
                let param = self.binding_target()?;
                self.expect(")")?;
                Some(param)
            } else {
                None
            };
            handler = Some(CatchClause {
                param,
                body: self.block_body()?,
            });
        }
        let finalizer = if self.eat_word("finally") {
            Some(self.block_body()?)
        } else {
            None
        };
        if handler.is_none() && finalizer.is_none() {
            return Err(self.error_here("'catch' or 'finally'"));
        }
        Ok(Stmt::Try {
            body,
            handler,
            finalizer,
            span: self.span_from(start),
        })
    }

    /// `import X, { a as b } from 'm'`, `import * as ns from 'm'`, `import 'm'`.
    fn import_declaration(&mut self) -> PResult<Stmt> {
        let start = self.bump().span.start;
        let mut specifiers = Vec::new();
        if !matches!(self.peek().kind, TokenKind::Str(_)) {
            if matches!(self.peek().kind, TokenKind::Ident(_)) {
                specifiers.push(ImportSpecifier::Default(self.binding_ident("a name")?));
                if !self.eat(",") {
                    self.expect_from_clause()?;
                    return self.finish_import(start, specifiers);
                }
            }
            if self.eat("*") {
                self.expect_word("as")?;
                specifiers.push(ImportSpecifier::Namespace(self.binding_ident("a name")?));
            } else if self.eat("{") {
                while !self.eat("}") {
                    let imported = self.module_export_name()?;
                    let local = if self.eat_word("as") {
                        self.binding_ident("a name")?
                    } else {
                        imported.clone()
                    };
                    specifiers.push(ImportSpecifier::Named { imported, local });
                    if !self.eat(",") {
                        self.expect("}")?;
                        break;
                    }
                }
            } else {
                return Err(self.error_here("'{' or '*'"));
            }
            self.expect_from_clause()?;
        }
        self.finish_import(start, specifiers)
    }

    fn expect_from_clause(&mut self) -> PResult<()> {
        if self.at_word("from") {
            Ok(())
        } else {
            Err(self.error_here("'from'"))
        }
    }

    fn finish_import(&mut self, start: usize, specifiers: Vec<ImportSpecifier>) -> PResult<Stmt> {
        self.eat_word("from");
        let source = self.string_literal("a module name")?;
        self.import_attributes()?;
        self.end_of_statement()?;
        Ok(Stmt::Import {
            specifiers,
            source,
            span: self.span_from(start),
        })
    }

    /// `with { type: 'json' }` after a module name: read and dropped.
    fn import_attributes(&mut self) -> PResult<()> {
        if (self.at_word("with") || self.at_word("assert"))
            && !self.peek().newline_before
            && self.peek_at(1).is_punct("{")
        {
            self.bump();
            self.with_in(|p| p.assignment())?;
        }
        Ok(())
    }

    /// A name in an import or export list: any identifier, or a string (`'a-b' as c`).
    fn module_export_name(&mut self) -> PResult<Ident> {
        if let TokenKind::Str(value) = &self.peek().kind {
            let ident = Ident {
                name: value.to_string(),
                span: self.peek().span,
            };
            self.bump();
            return Ok(ident);
        }
        self.any_ident("a name")
    }

    fn export_declaration(&mut self) -> PResult<Stmt> {
        let start = self.bump().span.start;
        let export = if self.eat_word("default") {
            let next = self.peek_at(1).clone();
            if self.at_word("function")
                || (self.at_word("async") && next.is_ident("function") && !next.newline_before)
            {
                let expr_start = self.peek().span.start;
                let function = self.function(false)?;
                Export::Default(Expr::new(
                    ExprKind::Function(Rc::new(function)),
                    self.span_from(expr_start),
                ))
            } else if self.at_word("class") {
                let expr_start = self.peek().span.start;
                let class = self.class(false)?;
                Export::Default(Expr::new(
                    ExprKind::Class(Rc::new(class)),
                    self.span_from(expr_start),
                ))
            } else {
                let expr = self.assignment()?;
                self.end_of_statement()?;
                Export::Default(expr)
            }
        } else if self.eat("*") {
            let alias = if self.eat_word("as") {
                Some(self.module_export_name()?)
            } else {
                None
            };
            self.expect_word("from")?;
            let source = self.string_literal("a module name")?;
            self.import_attributes()?;
            self.end_of_statement()?;
            Export::All { alias, source }
        } else if self.eat("{") {
            let mut specifiers = Vec::new();
            while !self.eat("}") {
                let local = self.module_export_name()?;
                let exported = if self.eat_word("as") {
                    self.module_export_name()?
                } else {
                    local.clone()
                };
                specifiers.push(ExportSpecifier { local, exported });
                if !self.eat(",") {
                    self.expect("}")?;
                    break;
                }
            }
            let source = if self.eat_word("from") {
                let source = self.string_literal("a module name")?;
                self.import_attributes()?;
                Some(source)
            } else {
                None
            };
            self.end_of_statement()?;
            Export::Named { specifiers, source }
        } else {
            let next = self.peek_at(1).clone();
            let declaration = ["const", "let", "var", "class", "function"]
                .iter()
                .any(|w| self.at_word(w))
                || (self.at_word("async") && next.is_ident("function"));
            if !declaration {
                return Err(self.error_here("a declaration, 'default', '{' or '*'"));
            }
            Export::Declaration(Box::new(self.statement()?))
        };
        Ok(Stmt::Export {
            export,
            span: self.span_from(start),
        })
    }
}

enum ForHead {
    Classic(Option<ForInit>),
    Each {
        each: ForEachKind,
        kind: Option<DeclKind>,
        target: Pattern,
    },
}
