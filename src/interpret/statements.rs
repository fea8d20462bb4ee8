//! Statements: declarations and their hoisting, blocks, control flow (`if`, loops,
//! `switch`, labels, `break`/`continue`), `throw` and `try`, and binding patterns
//! (destructuring) to names.

use std::rc::Rc;

use super::heap::{JsValue, Kind};
use super::scope::{Env, Scope};
use super::{Eval, Exception, Flow, Interpreter};
use crate::diagnostic::{Diagnostic, Span};
use crate::syntax::ast::*;

/// How a pattern's names are bound: declared in a scope, or assigned where they are.
#[derive(Clone, Copy)]
pub enum Binding {
    Declare { mutable: bool },
    Assign,
}

impl Binding {
    pub fn of(kind: DeclKind) -> Binding {
        Binding::Declare {
            mutable: kind != DeclKind::Const,
        }
    }
}

impl Interpreter {
    /// Runs statements in `env`, after hoisting what JavaScript hoists: function
    /// declarations (made at once) and `let`/`const`/`class` names (which exist but may not
    /// be read before their declaration runs).
    pub(super) fn block_in(&mut self, body: &[Stmt], env: &Env) -> Eval<()> {
        self.hoist(body, env);
        for stmt in body {
            self.statement(stmt, env)?;
        }
        Ok(())
    }

    pub(super) fn hoist(&mut self, body: &[Stmt], env: &Env) {
        for stmt in body {
            let stmt = match stmt {
                Stmt::Export {
                    export: Export::Declaration(inner),
                    ..
                } => inner,
                other => other,
            };
            match stmt {
                Stmt::Function { function, .. } => {
                    if let Some(name) = &function.name {
                        let closure = self.closure(function, env, None);
                        env.declare(&name.name, closure, true);
                    }
                }
                Stmt::Class { class, .. } => {
                    if let Some(name) = &class.name {
                        env.hoist(&name.name, true);
                    }
                }
                Stmt::Declare {
                    kind, declarations, ..
                } => {
                    for declaration in declarations {
                        for name in declaration.target.names() {
                            match kind {
                                DeclKind::Var => {
                                    let scope = env.function_scope();
                                    if !scope.has_own(&name.name) {
                                        scope.declare(&name.name, JsValue::Undefined, true);
                                    }
                                }
                                _ => env.hoist(&name.name, *kind == DeclKind::Let),
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }

    pub(super) fn statement(&mut self, stmt: &Stmt, env: &Env) -> Eval<()> {
        self.tick(stmt.span())?;
        match stmt {
            Stmt::Declare {
                kind, declarations, ..
            } => self.declarations(*kind, declarations, env),
            Stmt::Expr { expr, .. } => self.expr(expr, env).map(drop),
            Stmt::Class { class, .. } => {
                let value = self.class(class, env)?;
                if let Some(name) = &class.name {
                    self.bind_name(
                        &name.name,
                        value,
                        Binding::of(DeclKind::Let),
                        env,
                        name.span,
                    )?;
                }
                Ok(())
            }
            Stmt::Function { .. } | Stmt::Empty { .. } | Stmt::Unsupported { .. } => Ok(()),
            Stmt::Block { body, .. } => self.block_in(body, &Scope::block(env)),
            Stmt::Return { value, .. } => {
                let value = match value {
                    Some(expr) => self.expr(expr, env)?,
                    None => JsValue::Undefined,
                };
                Err(Flow::Return(value))
            }
            Stmt::If {
                test,
                then,
                otherwise,
                ..
            } => {
                if self.expr(test, env)?.truthy() {
                    self.statement(then, &Scope::block(env))
                } else if let Some(otherwise) = otherwise {
                    self.statement(otherwise, &Scope::block(env))
                } else {
                    Ok(())
                }
            }
            Stmt::For {
                init,
                test,
                update,
                body,
                ..
            } => self.for_loop(
                init.as_deref(),
                test.as_ref(),
                update.as_ref(),
                body,
                env,
                None,
            ),
            Stmt::ForEach {
                each,
                kind,
                target,
                iterable,
                body,
                span,
                ..
            } => self.for_each(*each, *kind, target, iterable, body, env, None, *span),
            Stmt::While { test, body, .. } => self.while_loop(Some(test), body, env, None, false),
            Stmt::DoWhile { body, test, .. } => self.while_loop(Some(test), body, env, None, true),
            Stmt::Switch {
                discriminant,
                cases,
                ..
            } => self.switch(discriminant, cases, env),
            Stmt::Break { label, .. } => {
                Err(Flow::Break(label.as_ref().map(|l| l.name.as_str().into())))
            }
            Stmt::Continue { label, .. } => Err(Flow::Continue(
                label.as_ref().map(|l| l.name.as_str().into()),
            )),
            Stmt::Throw { value, span } => {
                let value = self.expr(value, env)?;
                Err(Flow::Throw(Exception {
                    value,
                    span: *span,
                    hint: None,
                }))
            }
            Stmt::Try {
                body,
                handler,
                finalizer,
                ..
            } => self.try_statement(body, handler.as_ref(), finalizer.as_deref(), env),
            Stmt::Labeled { label, body, .. } => self.labeled(label, body, env),
            Stmt::Import {
                specifiers,
                source,
                span,
            } => self.import(specifiers, source, *span, env),
            Stmt::Export { export, span } => self.export(export, *span, env),
        }
    }

    fn declarations(&mut self, kind: DeclKind, declarations: &[Declarator], env: &Env) -> Eval<()> {
        for declaration in declarations {
            let value = match &declaration.init {
                Some(init) => self.named_expr(init, &declaration.target, env)?,
                None => JsValue::Undefined,
            };
            let binding = match kind {
                DeclKind::Var => Binding::Assign,
                other => Binding::of(other),
            };
            self.bind_pattern(&declaration.target, value, binding, env)?;
        }
        Ok(())
    }

    /// Evaluates an initializer; an anonymous function or class takes the name it is bound to
    /// (`const main = async () => …` is `main`).
    pub(super) fn named_expr(&mut self, init: &Expr, target: &Pattern, env: &Env) -> Eval<JsValue> {
        let value = self.expr(init, env)?;
        if let (Pattern::Ident(name), ExprKind::Function(_) | ExprKind::Class(_)) =
            (target, &init.kind)
        {
            self.name_function(&value, &name.name);
        }
        Ok(value)
    }

    /// Gives an anonymous function its inferred name.
    pub(super) fn name_function(&mut self, value: &JsValue, name: &str) {
        if let JsValue::Object(object) = value {
            let mut object = object.borrow_mut();
            if matches!(object.kind, Kind::Function(_)) && object.own_str("name").is_none() {
                object.set_hidden("name".into(), JsValue::str(name));
            }
        }
    }

    pub(super) fn bind_name(
        &mut self,
        name: &str,
        value: JsValue,
        binding: Binding,
        env: &Env,
        span: Span,
    ) -> Eval<()> {
        match binding {
            Binding::Declare { mutable } => {
                env.initialize(name, value, mutable);
                Ok(())
            }
            Binding::Assign => self.assign_name(name, value, env, span),
        }
    }

    /// Binds `value` to a pattern's names (destructuring as JavaScript does it).
    pub(super) fn bind_pattern(
        &mut self,
        pattern: &Pattern,
        value: JsValue,
        binding: Binding,
        env: &Env,
    ) -> Eval<()> {
        match pattern {
            Pattern::Ident(ident) => self.bind_name(&ident.name, value, binding, env, ident.span),
            Pattern::Default {
                target, default, ..
            } => {
                let value = match value {
                    JsValue::Undefined => self.named_expr(default, target, env)?,
                    other => other,
                };
                self.bind_pattern(target, value, binding, env)
            }
            Pattern::Object {
                properties,
                rest,
                span,
            } => {
                if value.is_nullish() {
                    let first = properties.first().and_then(|p| match &p.key {
                        PropertyKey::Named(name) => Some(name.name.clone()),
                        _ => None,
                    });
                    let what = if matches!(value, JsValue::Null) {
                        "null"
                    } else {
                        "undefined"
                    };
                    let message = match first {
                        Some(name) => format!(
                            "Cannot destructure property '{name}' of '{what}' as it is {what}."
                        ),
                        None => format!("Cannot destructure '{what}' as it is {what}."),
                    };
                    return self.type_error(message, *span);
                }
                let mut used = Vec::new();
                for property in properties {
                    let key = self.property_key(&property.key, env)?;
                    let element = self.get(&value, &key, property.span)?;
                    used.push(key);
                    self.bind_pattern(&property.value, element, binding, env)?;
                }
                if let Some(rest) = rest {
                    let remaining = self.object_rest(&value, &used)?;
                    self.bind_pattern(rest, remaining, binding, env)?;
                }
                Ok(())
            }
            Pattern::Array {
                elements,
                rest,
                span,
            } => {
                let items = self.iterate(&value, *span, None)?;
                let mut items = items.into_iter();
                for element in elements {
                    let item = items.next().unwrap_or(JsValue::Undefined);
                    if let Some(element) = element {
                        self.bind_pattern(element, item, binding, env)?;
                    }
                }
                if let Some(rest) = rest {
                    let remaining = self.array(items.collect());
                    self.bind_pattern(rest, remaining, binding, env)?;
                }
                Ok(())
            }
            Pattern::Expr(target) => self.assign_to(target, value, env),
        }
    }

    fn for_loop(
        &mut self,
        init: Option<&ForInit>,
        test: Option<&Expr>,
        update: Option<&Expr>,
        body: &Stmt,
        env: &Env,
        label: Option<&str>,
    ) -> Eval<()> {
        let mut loop_env = Scope::block(env);
        let mut per_iteration = Vec::new();
        match init {
            Some(ForInit::Declare { kind, declarations }) => {
                for declaration in declarations {
                    for name in declaration.target.names() {
                        if *kind != DeclKind::Var {
                            loop_env.hoist(&name.name, *kind == DeclKind::Let);
                            per_iteration.push((name.name.clone(), *kind == DeclKind::Let));
                        }
                    }
                }
                self.declarations(*kind, declarations, &loop_env)?;
            }
            Some(ForInit::Expr(expr)) => {
                self.expr(expr, &loop_env)?;
            }
            None => {}
        }
        loop {
            if let Some(test) = test {
                if !self.expr(test, &loop_env)?.truthy() {
                    break;
                }
            }
            if !loop_goes_on(self.statement(body, &Scope::block(&loop_env)), label)? {
                break;
            }
            // `let` in a for head: each iteration has its own binding (closures made in the
            // body keep the value of their iteration).
            if !per_iteration.is_empty() {
                let next = Scope::block(env);
                for (name, mutable) in &per_iteration {
                    let value = loop_env
                        .lookup(name)
                        .map_or(JsValue::Undefined, |b| b.value);
                    next.declare(name, value, *mutable);
                }
                loop_env = next;
            }
            if let Some(update) = update {
                self.expr(update, &loop_env)?;
            }
            self.tick(body.span())?;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn for_each(
        &mut self,
        each: ForEachKind,
        kind: Option<DeclKind>,
        target: &Pattern,
        iterable: &Expr,
        body: &Stmt,
        env: &Env,
        label: Option<&str>,
        span: Span,
    ) -> Eval<()> {
        let subject = self.expr(iterable, env)?;
        let items = match each {
            ForEachKind::Of => self.iterate(&subject, iterable.span, Some(iterable))?,
            ForEachKind::In => self
                .enumerable_keys(&subject)
                .into_iter()
                .map(JsValue::Str)
                .collect(),
        };
        let _ = span;
        for item in items {
            let iteration = Scope::block(env);
            let binding = match kind {
                Some(DeclKind::Var) | None => Binding::Assign,
                Some(kind) => Binding::of(kind),
            };
            self.bind_pattern(target, item, binding, &iteration)?;
            if !loop_goes_on(self.statement(body, &iteration), label)? {
                break;
            }
        }
        Ok(())
    }

    fn while_loop(
        &mut self,
        test: Option<&Expr>,
        body: &Stmt,
        env: &Env,
        label: Option<&str>,
        body_first: bool,
    ) -> Eval<()> {
        let mut first = body_first;
        loop {
            if !first {
                if let Some(test) = test {
                    if !self.expr(test, env)?.truthy() {
                        break;
                    }
                }
            }
            first = false;
            if !loop_goes_on(self.statement(body, &Scope::block(env)), label)? {
                break;
            }
            self.tick(body.span())?;
        }
        Ok(())
    }

    fn switch(&mut self, discriminant: &Expr, cases: &[SwitchCase], env: &Env) -> Eval<()> {
        let value = self.expr(discriminant, env)?;
        let scope = Scope::block(env);
        for case in cases {
            self.hoist(&case.body, &scope);
        }
        let mut start = None;
        for (i, case) in cases.iter().enumerate() {
            if let Some(test) = &case.test {
                if self.expr(test, &scope)?.strict_equals(&value) {
                    start = Some(i);
                    break;
                }
            }
        }
        let start = start.or_else(|| cases.iter().position(|c| c.test.is_none()));
        let Some(start) = start else {
            return Ok(());
        };
        for case in &cases[start..] {
            for stmt in &case.body {
                match self.statement(stmt, &scope) {
                    Ok(()) => {}
                    Err(Flow::Break(None)) => return Ok(()),
                    Err(other) => return Err(other),
                }
            }
        }
        Ok(())
    }

    fn labeled(&mut self, label: &Ident, body: &Stmt, env: &Env) -> Eval<()> {
        let name = Some(label.name.as_str());
        let result = match body {
            Stmt::For {
                init,
                test,
                update,
                body,
                ..
            } => self.for_loop(
                init.as_deref(),
                test.as_ref(),
                update.as_ref(),
                body,
                env,
                name,
            ),
            Stmt::ForEach {
                each,
                kind,
                target,
                iterable,
                body,
                span,
                ..
            } => self.for_each(*each, *kind, target, iterable, body, env, name, *span),
            Stmt::While { test, body, .. } => self.while_loop(Some(test), body, env, name, false),
            Stmt::DoWhile { body, test, .. } => self.while_loop(Some(test), body, env, name, true),
            other => self.statement(other, env),
        };
        match result {
            Err(Flow::Break(Some(l))) if *l == *label.name => Ok(()),
            other => other,
        }
    }

    fn try_statement(
        &mut self,
        body: &[Stmt],
        handler: Option<&CatchClause>,
        finalizer: Option<&[Stmt]>,
        env: &Env,
    ) -> Eval<()> {
        let result = self.block_in(body, &Scope::block(env));
        let result = match (result, handler) {
            (Err(Flow::Throw(exception)), Some(handler)) => {
                let scope = Scope::block(env);
                let caught = match &handler.param {
                    Some(param) => self.bind_pattern(
                        param,
                        exception.value,
                        Binding::Declare { mutable: true },
                        &scope,
                    ),
                    None => Ok(()),
                };
                caught.and_then(|()| self.block_in(&handler.body, &scope))
            }
            (other, _) => other,
        };
        if let Some(finalizer) = finalizer {
            self.block_in(finalizer, &Scope::block(env))?;
        }
        result
    }

    /// A note for a statement the playground reads but does not run.
    pub(super) fn unsupported(&mut self, span: Span, what: &str) {
        self.diagnostics.push(
            Diagnostic::warning(
                span,
                format!("The playground does not run {what} yet; it is skipped"),
            )
            .with_hint("write it another way, or run it in Node"),
        );
    }

    /// The keys `for…in` visits: enumerable own string keys, then the prototype's.
    pub(super) fn enumerable_keys(&self, value: &JsValue) -> Vec<Rc<str>> {
        match value {
            JsValue::Object(_) | JsValue::Instance(_) | JsValue::Str(_) => self.own_keys(value),
            _ => Vec::new(),
        }
    }
}

/// How a loop's body ended, for the loop: `Ok(true)` to go on (normally, or at a
/// `continue` aimed at this loop), `Ok(false)` at its `break`; anything else leaves.
fn loop_goes_on(result: Eval<()>, label: Option<&str>) -> Eval<bool> {
    match result {
        Ok(()) | Err(Flow::Continue(None)) => Ok(true),
        Err(Flow::Continue(Some(l))) if Some(&*l) == label => Ok(true),
        Err(Flow::Break(None)) => Ok(false),
        Err(Flow::Break(Some(l))) if Some(&*l) == label => Ok(false),
        Err(other) => Err(other),
    }
}
