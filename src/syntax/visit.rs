//! Walking the syntax tree: every call in a program, in nested functions, classes and
//! control flow too (what the linter and the explorer look for).

use super::ast::*;

/// Calls `f(callee, args)` for every call in `body`, outermost first.
pub fn calls_in(body: &[Stmt], f: &mut dyn FnMut(&Expr, &[Expr])) {
    for stmt in body {
        calls_in_stmt(stmt, f);
    }
}

fn calls_in_stmt(stmt: &Stmt, f: &mut dyn FnMut(&Expr, &[Expr])) {
    match stmt {
        Stmt::Declare { declarations, .. } => {
            declarations.iter().for_each(|d| calls_in_declarator(d, f))
        }
        Stmt::Expr { expr, .. } | Stmt::Throw { value: expr, .. } => calls_in_expr(expr, f),
        Stmt::Return { value, .. } => value.iter().for_each(|v| calls_in_expr(v, f)),
        Stmt::Class { class, .. } => calls_in_class(class, f),
        Stmt::Function { function, .. } => calls_in(&function.body, f),
        Stmt::Block { body, .. } => calls_in(body, f),
        Stmt::If {
            test,
            then,
            otherwise,
            ..
        } => {
            calls_in_expr(test, f);
            calls_in_stmt(then, f);
            otherwise.iter().for_each(|o| calls_in_stmt(o, f));
        }
        Stmt::For {
            init,
            test,
            update,
            body,
            ..
        } => {
            match init.as_deref() {
                Some(ForInit::Declare { declarations, .. }) => {
                    declarations.iter().for_each(|d| calls_in_declarator(d, f))
                }
                Some(ForInit::Expr(expr)) => calls_in_expr(expr, f),
                None => {}
            }
            test.iter().chain(update).for_each(|e| calls_in_expr(e, f));
            calls_in_stmt(body, f);
        }
        Stmt::ForEach { iterable, body, .. } => {
            calls_in_expr(iterable, f);
            calls_in_stmt(body, f);
        }
        Stmt::While { test, body, .. } | Stmt::DoWhile { test, body, .. } => {
            calls_in_expr(test, f);
            calls_in_stmt(body, f);
        }
        Stmt::Switch {
            discriminant,
            cases,
            ..
        } => {
            calls_in_expr(discriminant, f);
            for case in cases {
                case.test.iter().for_each(|t| calls_in_expr(t, f));
                calls_in(&case.body, f);
            }
        }
        Stmt::Try {
            body,
            handler,
            finalizer,
            ..
        } => {
            calls_in(body, f);
            handler.iter().for_each(|h| calls_in(&h.body, f));
            finalizer.iter().for_each(|b| calls_in(b, f));
        }
        Stmt::Labeled { body, .. } => calls_in_stmt(body, f),
        Stmt::Export { export, .. } => match export {
            Export::Declaration(stmt) => calls_in_stmt(stmt, f),
            Export::Default(expr) => calls_in_expr(expr, f),
            _ => {}
        },
        Stmt::Break { .. }
        | Stmt::Continue { .. }
        | Stmt::Import { .. }
        | Stmt::Empty { .. }
        | Stmt::Unsupported { .. } => {}
    }
}

fn calls_in_declarator(declarator: &Declarator, f: &mut dyn FnMut(&Expr, &[Expr])) {
    declarator
        .init
        .iter()
        .for_each(|init| calls_in_expr(init, f));
}

fn calls_in_class(class: &ClassDef, f: &mut dyn FnMut(&Expr, &[Expr])) {
    class.superclass.iter().for_each(|s| calls_in_expr(s, f));
    for member in &class.members {
        match &member.kind {
            ClassMemberKind::Constructor(def)
            | ClassMemberKind::Method(def)
            | ClassMemberKind::Getter(def)
            | ClassMemberKind::Setter(def) => calls_in(&def.body, f),
            ClassMemberKind::Field(init) => init.iter().for_each(|i| calls_in_expr(i, f)),
            ClassMemberKind::StaticBlock(body) => calls_in(body, f),
        }
    }
}

/// Calls `f(callee, args)` for every call in `expr`.
pub fn calls_in_expr(expr: &Expr, f: &mut dyn FnMut(&Expr, &[Expr])) {
    match &expr.kind {
        ExprKind::Call { callee, args, .. } => {
            f(callee, args);
            calls_in_expr(callee, f);
            args.iter().for_each(|a| calls_in_expr(a, f));
        }
        ExprKind::New { callee, args } => {
            calls_in_expr(callee, f);
            args.iter().for_each(|a| calls_in_expr(a, f));
        }
        ExprKind::Await(inner)
        | ExprKind::Spread(inner)
        | ExprKind::Import(inner)
        | ExprKind::Unary { operand: inner, .. }
        | ExprKind::Update { target: inner, .. } => calls_in_expr(inner, f),
        ExprKind::Member { object, .. } => calls_in_expr(object, f),
        ExprKind::Index { object, index, .. } => {
            calls_in_expr(object, f);
            calls_in_expr(index, f);
        }
        ExprKind::Binary { left, right, .. } => {
            calls_in_expr(left, f);
            calls_in_expr(right, f);
        }
        ExprKind::Conditional {
            test,
            then,
            otherwise,
        } => {
            calls_in_expr(test, f);
            calls_in_expr(then, f);
            calls_in_expr(otherwise, f);
        }
        ExprKind::Assign { value, .. } => calls_in_expr(value, f),
        ExprKind::Sequence(items) => items.iter().for_each(|i| calls_in_expr(i, f)),
        ExprKind::Template { exprs, .. } => exprs.iter().for_each(|e| calls_in_expr(e, f)),
        ExprKind::Function(def) => calls_in(&def.body, f),
        ExprKind::Class(class) => calls_in_class(class, f),
        ExprKind::Array(items) => items.iter().flatten().for_each(|i| calls_in_expr(i, f)),
        ExprKind::Object(properties) => {
            for property in properties {
                if let PropertyKey::Computed(key) = &property.key {
                    calls_in_expr(key, f);
                }
                match &property.value {
                    PropertyValue::Init(value) | PropertyValue::Spread(value) => {
                        calls_in_expr(value, f)
                    }
                    PropertyValue::Method(def)
                    | PropertyValue::Getter(def)
                    | PropertyValue::Setter(def) => calls_in(&def.body, f),
                }
            }
        }
        _ => {}
    }
}
