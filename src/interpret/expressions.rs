//! Expressions: names, literals, operators with JavaScript's coercions, assignment,
//! object and array literals, templates, `await`.

use super::heap::{JsValue, Key, Kind, Obj, Object, Slot};
use super::scope::{Assigned, Env};
use super::statements::Binding;
use super::{Eval, Flow, Interpreter};
use crate::diagnostic::{Diagnostic, Span};
use crate::error::{ErrorName, SequelizeError};
use crate::js::format_number;
use crate::syntax::ast::*;

impl Interpreter {
    pub(super) fn expr(&mut self, expr: &Expr, env: &Env) -> Eval<JsValue> {
        self.tick(expr.span)?;
        Ok(match &expr.kind {
            ExprKind::Number(n) => JsValue::Number(*n),
            ExprKind::BigInt(digits) => JsValue::Number(digits.parse().unwrap_or(f64::NAN)),
            ExprKind::Str(s) => JsValue::str(s),
            ExprKind::Bool(b) => JsValue::Bool(*b),
            ExprKind::Null => JsValue::Null,
            ExprKind::This => env.this(),
            ExprKind::Template { quasis, exprs } => self.template(quasis, exprs, env)?,
            ExprKind::Regex { pattern, flags } => {
                let object = Object::new(
                    Kind::RegExp {
                        source: pattern.clone(),
                        flags: flags.clone(),
                    },
                    Some(self.realm.regexp_proto.clone()),
                );
                JsValue::Object(Obj::new(object))
            }
            ExprKind::Ident(name) => self.identifier(name, expr.span, env)?,
            ExprKind::Array(items) => {
                let mut values = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        Some(Expr {
                            kind: ExprKind::Spread(inner),
                            span,
                        }) => {
                            let spread = self.expr(inner, env)?;
                            values.extend(self.iterate(&spread, *span, Some(inner))?);
                        }
                        Some(item) => values.push(self.expr(item, env)?),
                        None => values.push(JsValue::Undefined),
                    }
                }
                self.array(values)
            }
            ExprKind::Object(properties) => self.object_literal(properties, env)?,
            ExprKind::Member {
                object,
                property,
                optional,
            } => {
                let target = self.expr(object, env)?;
                if *optional && target.is_nullish() {
                    return Ok(JsValue::Undefined);
                }
                self.member(
                    &target,
                    object,
                    &Key::Str(property.name.as_str().into()),
                    expr.span,
                )?
            }
            ExprKind::Index {
                object,
                index,
                optional,
            } => {
                let target = self.expr(object, env)?;
                if *optional && target.is_nullish() {
                    return Ok(JsValue::Undefined);
                }
                let key = self.expr(index, env)?;
                let key = self.key_of(&key)?;
                self.member(&target, object, &key, expr.span)?
            }
            ExprKind::Call {
                callee,
                args,
                optional,
            } => self.call_expr(callee, args, *optional, expr.span, env)?,
            ExprKind::New { callee, args } => {
                let class = self.expr(callee, env)?;
                let values = self.arguments(args, env)?;
                self.construct(&class, values, Some(callee), args, expr.span)?
            }
            ExprKind::Await(inner) => {
                let value = self.expr(inner, env)?;
                self.await_value(value, expr.span)?
            }
            ExprKind::Unary { op, operand } => self.unary(op, operand, expr.span, env)?,
            ExprKind::Update { op, prefix, target } => {
                let old = self.expr(target, env)?;
                let old = self.number_of(&old)?;
                let new = if *op == "++" { old + 1.0 } else { old - 1.0 };
                self.assign_to(target, JsValue::Number(new), env)?;
                JsValue::Number(if *prefix { new } else { old })
            }
            ExprKind::Binary { op, left, right } => self.binary(op, left, right, expr.span, env)?,
            ExprKind::Conditional {
                test,
                then,
                otherwise,
            } => {
                if self.expr(test, env)?.truthy() {
                    self.expr(then, env)?
                } else {
                    self.expr(otherwise, env)?
                }
            }
            ExprKind::Assign { op, target, value } => self.assignment(op, target, value, env)?,
            ExprKind::Sequence(items) => {
                let mut last = JsValue::Undefined;
                for item in items {
                    last = self.expr(item, env)?;
                }
                last
            }
            ExprKind::Function(def) => self.closure(def, env, None),
            ExprKind::Class(def) => self.class(def, env)?,
            ExprKind::Spread(inner) => self.expr(inner, env)?,
            ExprKind::Import(source) => {
                let source = self.expr(source, env)?;
                let module = self.require_value(&source, expr.span, env)?;
                self.resolved(module)
            }
            ExprKind::Super => env
                .home()
                .and_then(|h| h.proto())
                .map_or(JsValue::Undefined, JsValue::Object),
            ExprKind::Unsupported | ExprKind::Invalid => {
                JsValue::Opaque("an expression the playground cannot read".into())
            }
        })
    }

    fn template(&mut self, quasis: &[String], exprs: &[Expr], env: &Env) -> Eval<JsValue> {
        let mut text = String::new();
        for (i, quasi) in quasis.iter().enumerate() {
            text.push_str(quasi);
            if let Some(expr) = exprs.get(i) {
                let value = self.expr(expr, env)?;
                text.push_str(&self.string_of(&value, expr.span)?);
            }
        }
        Ok(JsValue::str(&text))
    }

    pub(super) fn identifier(&mut self, name: &str, span: Span, env: &Env) -> Eval<JsValue> {
        match env.lookup(name) {
            Some(binding) if binding.initialized => Ok(binding.value),
            Some(_) => Err(self.error(
                SequelizeError::new(
                    ErrorName::ReferenceError,
                    format!("Cannot access '{name}' before initialization"),
                )
                .with_hint(format!("define {name} above the line that uses it")),
                span,
            )),
            None => {
                if name == "undefined" {
                    return Ok(JsValue::Undefined);
                }
                if let Some(model) = self.stand_in_name(name, span, env)? {
                    return Ok(model);
                }
                let mut error = SequelizeError::reference_error(format!("{name} is not defined"));
                let names = env.names();
                if let Some(close) =
                    crate::diagnostic::closest(name, names.iter().map(String::as_str))
                {
                    error = error.with_hint(format!("did you mean {close}?"));
                }
                Err(self.error(error, span))
            }
        }
    }

    fn object_literal(&mut self, properties: &[Property], env: &Env) -> Eval<JsValue> {
        let object = self.plain_object();
        let JsValue::Object(handle) = &object else {
            unreachable!("a plain object")
        };
        for property in properties {
            match &property.value {
                PropertyValue::Spread(inner) => {
                    let source = self.expr(inner, env)?;
                    for (key, value) in self.own_entries(&source)? {
                        handle.borrow_mut().set_own(key, value);
                    }
                }
                PropertyValue::Init(value_expr) => {
                    let key = self.property_key(&property.key, env)?;
                    let value = self.expr(value_expr, env)?;
                    if let (ExprKind::Function(_) | ExprKind::Class(_), Some(name)) =
                        (&value_expr.kind, key.as_str())
                    {
                        self.name_function(&value, name);
                    }
                    handle.borrow_mut().set_own(key, value);
                }
                PropertyValue::Method(def) => {
                    let key = self.property_key(&property.key, env)?;
                    let method = self.closure(def, env, Some(handle.clone()));
                    if let Some(name) = key.as_str() {
                        self.name_function(&method, name);
                    }
                    handle.borrow_mut().set_own(key, method);
                }
                PropertyValue::Getter(def) | PropertyValue::Setter(def) => {
                    let key = self.property_key(&property.key, env)?;
                    let function = self.closure(def, env, Some(handle.clone()));
                    let is_getter = matches!(property.value, PropertyValue::Getter(_));
                    define_accessor(handle, key, function, is_getter, true);
                }
            }
        }
        Ok(object)
    }

    /// A property key as written: a name, or a computed value made a key.
    pub(super) fn property_key(&mut self, key: &PropertyKey, env: &Env) -> Eval<Key> {
        match key {
            PropertyKey::Named(name) => Ok(Key::Str(name.name.as_str().into())),
            PropertyKey::Computed(expr) => {
                let value = self.expr(expr, env)?;
                self.key_of(&value)
            }
            PropertyKey::Spread => Ok(Key::Str("".into())),
        }
    }

    pub(super) fn key_of(&mut self, value: &JsValue) -> Eval<Key> {
        Ok(match value {
            JsValue::Symbol(symbol) => Key::Symbol(super::heap::SymbolKey(symbol.clone())),
            JsValue::Str(s) => Key::Str(s.clone()),
            other => Key::Str(self.string_of(other, Span::default())?.into()),
        })
    }

    fn unary(&mut self, op: &str, operand: &Expr, span: Span, env: &Env) -> Eval<JsValue> {
        if op == "typeof" {
            if let ExprKind::Ident(name) = &operand.kind {
                if env.lookup(name).is_none() {
                    return Ok(JsValue::str("undefined"));
                }
            }
            let value = self.expr(operand, env)?;
            return Ok(JsValue::str(value.type_of()));
        }
        if op == "delete" {
            return self.delete(operand, env);
        }
        let value = self.expr(operand, env)?;
        Ok(match op {
            "!" => JsValue::Bool(!value.truthy()),
            "-" => JsValue::Number(-self.number_of(&value)?),
            "+" => JsValue::Number(self.number_of(&value)?),
            "~" => JsValue::Number(!(to_int32(self.number_of(&value)?)) as f64),
            "void" => JsValue::Undefined,
            _ => {
                let _ = span;
                value
            }
        })
    }

    fn delete(&mut self, operand: &Expr, env: &Env) -> Eval<JsValue> {
        let (target, key) = match &operand.kind {
            ExprKind::Member {
                object, property, ..
            } => (
                self.expr(object, env)?,
                Key::Str(property.name.as_str().into()),
            ),
            ExprKind::Index { object, index, .. } => {
                let target = self.expr(object, env)?;
                let key = self.expr(index, env)?;
                (target, self.key_of(&key)?)
            }
            _ => return Ok(JsValue::Bool(true)),
        };
        match &target {
            JsValue::Object(object) => {
                if let (Kind::Array(items), Some(i)) = (
                    &mut object.borrow_mut().kind,
                    key.as_str().and_then(array_index),
                ) {
                    if i < items.len() {
                        items[i] = JsValue::Undefined;
                    }
                    return Ok(JsValue::Bool(true));
                }
                let frozen = object.borrow().frozen;
                if !frozen {
                    object.borrow_mut().remove(&key);
                }
                Ok(JsValue::Bool(!frozen))
            }
            JsValue::Instance(instance) => {
                if let Some(name) = key.as_str() {
                    instance.borrow_mut().values.retain(|(k, _)| k != name);
                }
                Ok(JsValue::Bool(true))
            }
            _ => Ok(JsValue::Bool(true)),
        }
    }

    fn binary(
        &mut self,
        op: &str,
        left: &Expr,
        right: &Expr,
        span: Span,
        env: &Env,
    ) -> Eval<JsValue> {
        let l = self.expr(left, env)?;
        match op {
            "&&" if !l.truthy() => return Ok(l),
            "||" if l.truthy() => return Ok(l),
            "??" if !l.is_nullish() => return Ok(l),
            "&&" | "||" | "??" => return self.expr(right, env),
            _ => {}
        }
        let r = self.expr(right, env)?;
        self.operate(op, l, r, span, Some(right))
    }

    /// A binary operator on two values (also for compound assignment).
    pub(super) fn operate(
        &mut self,
        op: &str,
        l: JsValue,
        r: JsValue,
        span: Span,
        right: Option<&Expr>,
    ) -> Eval<JsValue> {
        Ok(match op {
            "+" => {
                let l = self.primitive_of(&l, span)?;
                let r = self.primitive_of(&r, span)?;
                if matches!(l, JsValue::Str(_)) || matches!(r, JsValue::Str(_)) {
                    let mut text = self.string_of(&l, span)?;
                    text.push_str(&self.string_of(&r, span)?);
                    JsValue::str(&text)
                } else {
                    JsValue::Number(self.number_of(&l)? + self.number_of(&r)?)
                }
            }
            "-" | "*" | "/" | "%" | "**" => {
                let a = self.number_of(&l)?;
                let b = self.number_of(&r)?;
                JsValue::Number(match op {
                    "-" => a - b,
                    "*" => a * b,
                    "/" => a / b,
                    "%" => a % b,
                    _ => a.powf(b),
                })
            }
            "&" | "|" | "^" | "<<" | ">>" | ">>>" => {
                let a = to_int32(self.number_of(&l)?);
                let b = to_int32(self.number_of(&r)?);
                JsValue::Number(match op {
                    "&" => (a & b) as f64,
                    "|" => (a | b) as f64,
                    "^" => (a ^ b) as f64,
                    "<<" => a.wrapping_shl(b as u32 & 31) as f64,
                    ">>" => (a >> (b as u32 & 31)) as f64,
                    _ => ((a as u32) >> (b as u32 & 31)) as f64,
                })
            }
            "===" => JsValue::Bool(l.strict_equals(&r)),
            "!==" => JsValue::Bool(!l.strict_equals(&r)),
            "==" => JsValue::Bool(self.loose_equals(&l, &r)?),
            "!=" => JsValue::Bool(!self.loose_equals(&l, &r)?),
            "<" | ">" | "<=" | ">=" => self.compare(op, &l, &r, span)?,
            "instanceof" => JsValue::Bool(self.instance_of(&l, &r, span, right)?),
            "in" => {
                if !matches!(r, JsValue::Object(_) | JsValue::Instance(_)) {
                    let key = self.string_of(&l, span)?;
                    let shown = self.string_of(&r, span)?;
                    return self.type_error(
                        format!("Cannot use 'in' operator to search for '{key}' in {shown}"),
                        span,
                    );
                }
                let key = self.key_of(&l)?;
                JsValue::Bool(self.has_property(&r, &key))
            }
            _ => JsValue::Undefined,
        })
    }

    fn compare(&mut self, op: &str, l: &JsValue, r: &JsValue, span: Span) -> Eval<JsValue> {
        let l = self.primitive_of(l, span)?;
        let r = self.primitive_of(r, span)?;
        let ordering = match (&l, &r) {
            (JsValue::Str(a), JsValue::Str(b)) => Some(a.encode_utf16().cmp(b.encode_utf16())),
            _ => {
                let a = self.number_of(&l)?;
                let b = self.number_of(&r)?;
                a.partial_cmp(&b)
            }
        };
        use std::cmp::Ordering::*;
        Ok(JsValue::Bool(match (op, ordering) {
            (_, None) => false,
            ("<", Some(o)) => o == Less,
            (">", Some(o)) => o == Greater,
            ("<=", Some(o)) => o != Greater,
            (_, Some(o)) => o != Less,
        }))
    }

    pub(super) fn loose_equals(&mut self, l: &JsValue, r: &JsValue) -> Eval<bool> {
        Ok(match (l, r) {
            (JsValue::Undefined | JsValue::Null, JsValue::Undefined | JsValue::Null) => true,
            (JsValue::Undefined | JsValue::Null, _) | (_, JsValue::Undefined | JsValue::Null) => {
                false
            }
            (JsValue::Number(_), JsValue::Str(_))
            | (JsValue::Str(_), JsValue::Number(_))
            | (JsValue::Bool(_), _)
            | (_, JsValue::Bool(_)) => {
                if matches!(l, JsValue::Object(_)) || matches!(r, JsValue::Object(_)) {
                    let l = self.primitive_of(l, Span::default())?;
                    let r = self.primitive_of(r, Span::default())?;
                    return self.loose_equals(&l, &r);
                }
                self.number_of(l)? == self.number_of(r)?
            }
            (JsValue::Object(_), JsValue::Str(_) | JsValue::Number(_))
            | (JsValue::Str(_) | JsValue::Number(_), JsValue::Object(_)) => {
                let l = self.primitive_of(l, Span::default())?;
                let r = self.primitive_of(r, Span::default())?;
                l.strict_equals(&r)
                    || (!matches!(l, JsValue::Object(_))
                        && !matches!(r, JsValue::Object(_))
                        && self.loose_equals(&l, &r)?)
            }
            _ => l.strict_equals(r),
        })
    }

    fn assignment(&mut self, op: &str, target: &Pattern, value: &Expr, env: &Env) -> Eval<JsValue> {
        if op == "=" {
            let value = self.named_expr(value, target, env)?;
            self.bind_pattern(target, value.clone(), Binding::Assign, env)?;
            return Ok(value);
        }
        let Pattern::Expr(target_expr) = target else {
            let Pattern::Ident(ident) = target else {
                return Ok(JsValue::Undefined);
            };
            let current = self.identifier(&ident.name, ident.span, env)?;
            return match self.compound(op, current.clone(), value, ident.span, env)? {
                Some(value) => {
                    self.assign_name(&ident.name, value.clone(), env, ident.span)?;
                    Ok(value)
                }
                None => Ok(current),
            };
        };
        let current = self.expr(target_expr, env)?;
        match self.compound(op, current.clone(), value, target_expr.span, env)? {
            Some(value) => {
                self.assign_to(target_expr, value.clone(), env)?;
                Ok(value)
            }
            None => Ok(current),
        }
    }

    /// `a op= b`: the new value, or `None` when a logical assignment leaves `a` as it is.
    fn compound(
        &mut self,
        op: &str,
        current: JsValue,
        value: &Expr,
        span: Span,
        env: &Env,
    ) -> Eval<Option<JsValue>> {
        Ok(match op {
            "&&=" if !current.truthy() => None,
            "||=" if current.truthy() => None,
            "??=" if !current.is_nullish() => None,
            "&&=" | "||=" | "??=" => Some(self.expr(value, env)?),
            _ => {
                let r = self.expr(value, env)?;
                let binary = op.trim_end_matches('=');
                Some(self.operate(binary, current, r, span, Some(value))?)
            }
        })
    }

    pub(super) fn assign_name(
        &mut self,
        name: &str,
        value: JsValue,
        env: &Env,
        span: Span,
    ) -> Eval<()> {
        match env.assign(name, value.clone()) {
            Assigned::Done => Ok(()),
            Assigned::Constant => self.type_error("Assignment to constant variable.", span),
            Assigned::Uninitialized => Err(self.error(
                SequelizeError::new(
                    ErrorName::ReferenceError,
                    format!("Cannot access '{name}' before initialization"),
                ),
                span,
            )),
            Assigned::NotFound => {
                // Sloppy mode: assigning an undeclared name makes a global.
                self.global.declare(name, value, true);
                Ok(())
            }
        }
    }

    /// `target = value` for a name, `a.b` or `a[b]`.
    pub(super) fn assign_to(&mut self, target: &Expr, value: JsValue, env: &Env) -> Eval<()> {
        match &target.kind {
            ExprKind::Ident(name) => self.assign_name(name, value, env, target.span),
            ExprKind::Member {
                object, property, ..
            } => {
                let object_value = self.expr(object, env)?;
                self.set_member(
                    &object_value,
                    object,
                    Key::Str(property.name.as_str().into()),
                    value,
                    target.span,
                )
            }
            ExprKind::Index { object, index, .. } => {
                let object_value = self.expr(object, env)?;
                let key = self.expr(index, env)?;
                let key = self.key_of(&key)?;
                self.set_member(&object_value, object, key, value, target.span)
            }
            _ => Err(self.error(
                SequelizeError::new(ErrorName::Error, "Invalid left-hand side in assignment"),
                target.span,
            )),
        }
    }

    fn set_member(
        &mut self,
        target: &JsValue,
        object: &Expr,
        key: Key,
        value: JsValue,
        span: Span,
    ) -> Eval<()> {
        if target.is_nullish() {
            let what = if matches!(target, JsValue::Null) {
                "null"
            } else {
                "undefined"
            };
            let name = match &key {
                Key::Str(s) => s.to_string(),
                Key::Symbol(s) => {
                    format!("Symbol({})", s.0.description.clone().unwrap_or_default())
                }
            };
            let _ = object;
            return self.type_error(
                format!("Cannot set properties of {what} (setting '{name}')"),
                span,
            );
        }
        self.set(target, key, value, span)
    }

    /// `await value`: runs what is queued, then unwraps a promise (throwing its rejection).
    pub(super) fn await_value(&mut self, value: JsValue, span: Span) -> Eval<JsValue> {
        self.answer();
        self.run_before_await().map_err(Flow::Throw)?;
        let Some(promise) = self.as_promise(&value) else {
            return Ok(value);
        };
        self.settle_now(&promise, span)
    }

    /// An array object.
    pub(super) fn array(&self, items: Vec<JsValue>) -> JsValue {
        JsValue::Object(Obj::new(Object::new(
            Kind::Array(items),
            Some(self.realm.array_proto.clone()),
        )))
    }

    pub(super) fn plain_object(&self) -> JsValue {
        JsValue::Object(Obj::new(Object::new(
            Kind::Plain,
            Some(self.realm.object_proto.clone()),
        )))
    }

    /// A plain object with these properties.
    pub(super) fn object_of(&self, entries: Vec<(&str, JsValue)>) -> JsValue {
        let object = self.plain_object();
        if let JsValue::Object(handle) = &object {
            let mut handle = handle.borrow_mut();
            for (key, value) in entries {
                handle.set_own(key.into(), value);
            }
        }
        object
    }

    /// A note where a value the playground does not model reaches what the page shows.
    pub(super) fn note_opaque(&mut self, span: Span, what: &str) {
        // Without a run, query results are not modeled by design: nothing to say.
        if self.runtime.is_none() {
            return;
        }
        self.note_once(
            span,
            "opaque",
            Diagnostic::note(
                span,
                format!("The playground does not model {what}; it shows [not modeled] here"),
            ),
        );
    }
}

/// An accessor property: a getter or setter added to what the key may hold already.
pub(super) fn define_accessor(
    object: &Obj,
    key: Key,
    function: JsValue,
    is_getter: bool,
    enumerable: bool,
) {
    let mut object = object.borrow_mut();
    let existing = object.props.iter_mut().find(|p| p.key == key);
    match existing {
        Some(property) => {
            if let Slot::Accessor { get, set } = &mut property.slot {
                if is_getter {
                    *get = Some(function);
                } else {
                    *set = Some(function);
                }
            } else {
                property.slot = accessor_slot(function, is_getter);
            }
        }
        None => object.props.push(super::heap::Property {
            key,
            slot: accessor_slot(function, is_getter),
            enumerable,
            writable: true,
        }),
    }
}

fn accessor_slot(function: JsValue, is_getter: bool) -> Slot {
    if is_getter {
        Slot::Accessor {
            get: Some(function),
            set: None,
        }
    } else {
        Slot::Accessor {
            get: None,
            set: Some(function),
        }
    }
}

pub(super) fn to_int32(n: f64) -> i32 {
    if !n.is_finite() {
        return 0;
    }
    let n = n.trunc() % 4_294_967_296.0;
    let n = if n < 0.0 { n + 4_294_967_296.0 } else { n };
    n as u32 as i32
}

/// An array index written as a key (`"0"`, `"12"`).
pub(super) fn array_index(key: &str) -> Option<usize> {
    if key.is_empty() || (key.len() > 1 && key.starts_with('0')) {
        return None;
    }
    key.parse().ok()
}

/// A number as a property key or string.
pub(super) fn number_text(n: f64) -> String {
    format_number(n)
}
