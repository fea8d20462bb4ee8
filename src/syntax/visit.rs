//! Walking the syntax tree: every expression of a program, outermost first, in control
//! flow and (when asked) in nested functions and classes. On it: every call (what the
//! linter and the explorer look for), and whether a statement awaits (where an async
//! function's body stops running synchronously).

use super::ast::*;

/// Calls `f(callee, args)` for every call in `body`, outermost first.
pub fn calls_in(body: &[Stmt], f: &mut dyn FnMut(&Expr, &[Expr])) {
    Walker::new(true, &mut |expr: &Expr| on_call(expr, f)).body(body);
}

/// Calls `f(callee, args)` for every call in `expr`.
pub fn calls_in_expr(expr: &Expr, f: &mut dyn FnMut(&Expr, &[Expr])) {
    Walker::new(true, &mut |expr: &Expr| on_call(expr, f)).expr(expr);
}

fn on_call(expr: &Expr, f: &mut dyn FnMut(&Expr, &[Expr])) {
    if let ExprKind::Call { callee, args, .. } = &expr.kind {
        f(callee, args);
    }
}

/// Whether `expr` awaits itself (not in a function it holds).
pub fn expr_awaits(expr: &Expr) -> bool {
    let mut found = false;
    Walker::new(false, &mut |expr: &Expr| {
        found |= matches!(expr.kind, ExprKind::Await(_));
    })
    .expr(expr);
    found
}

/// Whether `stmt` awaits (an `await`, a `for await`) itself, not in a function it holds.
pub fn awaits(stmt: &Stmt) -> bool {
    let mut found = false;
    Walker::new(false, &mut |expr: &Expr| {
        found |= matches!(expr.kind, ExprKind::Await(_));
    })
    .stmt(stmt);
    found || for_await(stmt)
}

/// A `for await` loop anywhere in `stmt`'s own control flow.
fn for_await(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::ForEach { is_await, body, .. } => *is_await || for_await(body),
        Stmt::Block { body, .. } => body.iter().any(for_await),
        Stmt::If {
            then, otherwise, ..
        } => for_await(then) || otherwise.as_deref().is_some_and(for_await),
        Stmt::For { body, .. }
        | Stmt::While { body, .. }
        | Stmt::DoWhile { body, .. }
        | Stmt::Labeled { body, .. } => for_await(body),
        Stmt::Switch { cases, .. } => cases.iter().any(|c| c.body.iter().any(for_await)),
        Stmt::Try {
            body,
            handler,
            finalizer,
            ..
        } => {
            body.iter().any(for_await)
                || handler.iter().any(|h| h.body.iter().any(for_await))
                || finalizer.iter().any(|f| f.iter().any(for_await))
        }
        _ => false,
    }
}

/// Visits every expression, outermost first; into function bodies only when
/// `functions` is set. (`dyn`: one copy of the walk in the WebAssembly, not one per use.)
struct Walker<'f> {
    functions: bool,
    f: &'f mut dyn FnMut(&Expr),
}

impl<'f> Walker<'f> {
    fn new(functions: bool, f: &'f mut dyn FnMut(&Expr)) -> Self {
        Walker { functions, f }
    }

    fn body(&mut self, body: &[Stmt]) {
        for stmt in body {
            self.stmt(stmt);
        }
    }

    fn function(&mut self, def: &FunctionDef) {
        if self.functions {
            self.body(&def.body);
        }
    }

    fn exprs<'e>(&mut self, exprs: impl IntoIterator<Item = &'e Expr>) {
        for expr in exprs {
            self.expr(expr);
        }
    }

    fn declarators(&mut self, declarations: &[Declarator]) {
        self.exprs(declarations.iter().filter_map(|d| d.init.as_ref()));
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match stmt {
            Stmt::Declare { declarations, .. } => self.declarators(declarations),
            Stmt::Expr { expr, .. } | Stmt::Throw { value: expr, .. } => self.expr(expr),
            Stmt::Return { value, .. } => self.exprs(value),
            Stmt::Class { class, .. } => self.class(class),
            Stmt::Function { function, .. } => self.function(function),
            Stmt::Block { body, .. } => self.body(body),
            Stmt::If {
                test,
                then,
                otherwise,
                ..
            } => {
                self.expr(test);
                self.stmt(then);
                if let Some(otherwise) = otherwise {
                    self.stmt(otherwise);
                }
            }
            Stmt::For {
                init,
                test,
                update,
                body,
                ..
            } => {
                match init.as_deref() {
                    Some(ForInit::Declare { declarations, .. }) => self.declarators(declarations),
                    Some(ForInit::Expr(expr)) => self.expr(expr),
                    None => {}
                }
                self.exprs(test.iter().chain(update));
                self.stmt(body);
            }
            Stmt::ForEach { iterable, body, .. } => {
                self.expr(iterable);
                self.stmt(body);
            }
            Stmt::While { test, body, .. } | Stmt::DoWhile { test, body, .. } => {
                self.expr(test);
                self.stmt(body);
            }
            Stmt::Switch {
                discriminant,
                cases,
                ..
            } => {
                self.expr(discriminant);
                for case in cases {
                    self.exprs(&case.test);
                    self.body(&case.body);
                }
            }
            Stmt::Try {
                body,
                handler,
                finalizer,
                ..
            } => {
                self.body(body);
                if let Some(handler) = handler {
                    self.body(&handler.body);
                }
                if let Some(finalizer) = finalizer {
                    self.body(finalizer);
                }
            }
            Stmt::Labeled { body, .. } => self.stmt(body),
            Stmt::Export { export, .. } => match export {
                Export::Declaration(stmt) => self.stmt(stmt),
                Export::Default(expr) => self.expr(expr),
                _ => {}
            },
            Stmt::Break { .. }
            | Stmt::Continue { .. }
            | Stmt::Import { .. }
            | Stmt::Empty { .. }
            | Stmt::Unsupported { .. } => {}
        }
    }

    fn class(&mut self, class: &ClassDef) {
        self.exprs(&class.superclass);
        for member in &class.members {
            match &member.kind {
                ClassMemberKind::Constructor(def)
                | ClassMemberKind::Method(def)
                | ClassMemberKind::Getter(def)
                | ClassMemberKind::Setter(def) => self.function(def),
                ClassMemberKind::Field(init) => self.exprs(init),
                ClassMemberKind::StaticBlock(body) => self.body(body),
            }
        }
    }

    fn expr(&mut self, expr: &Expr) {
        (self.f)(expr);
        match &expr.kind {
            ExprKind::Call { callee, args, .. } | ExprKind::New { callee, args } => {
                self.expr(callee);
                self.exprs(args);
            }
            ExprKind::Await(inner)
            | ExprKind::Spread(inner)
            | ExprKind::Import(inner)
            | ExprKind::Unary { operand: inner, .. }
            | ExprKind::Update { target: inner, .. } => self.expr(inner),
            ExprKind::Member { object, .. } => self.expr(object),
            ExprKind::Index { object, index, .. } => {
                self.expr(object);
                self.expr(index);
            }
            ExprKind::Binary { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::Conditional {
                test,
                then,
                otherwise,
            } => {
                self.expr(test);
                self.expr(then);
                self.expr(otherwise);
            }
            ExprKind::Assign { value, .. } => self.expr(value),
            ExprKind::Sequence(items) => self.exprs(items),
            ExprKind::Template { exprs, .. } => self.exprs(exprs),
            ExprKind::Function(def) => self.function(def),
            ExprKind::Class(class) => self.class(class),
            ExprKind::Array(items) => self.exprs(items.iter().flatten()),
            ExprKind::Object(properties) => {
                for property in properties {
                    if let PropertyKey::Computed(key) = &property.key {
                        self.expr(key);
                    }
                    match &property.value {
                        PropertyValue::Init(value) | PropertyValue::Spread(value) => {
                            self.expr(value)
                        }
                        PropertyValue::Method(def)
                        | PropertyValue::Getter(def)
                        | PropertyValue::Setter(def) => self.function(def),
                    }
                }
            }
            _ => {}
        }
    }
}
