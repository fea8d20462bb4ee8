//! Reading and writing properties as JavaScript does: own properties, then the prototype
//! chain, getters and setters run with the right `this`; the properties primitives
//! borrow from their prototypes (`'abc'.length`, `[].map`); and the conversions that
//! may run code (`ToPrimitive`, `ToString`, `ToNumber`), iteration, `instanceof`.

use std::rc::Rc;

use super::expressions::{array_index, number_text};
use super::heap::{Callable, Host, JsValue, Key, Kind, Obj, Slot};
use super::{Eval, Interpreter};
use crate::diagnostic::Span;
use crate::syntax::ast::{Expr, ExprKind};

impl Interpreter {
    /// `target.key` where `object` is the expression that gave `target` (for V8's message
    /// when it is null or undefined).
    pub(super) fn member(
        &mut self,
        target: &JsValue,
        object: &Expr,
        key: &Key,
        span: Span,
    ) -> Eval<JsValue> {
        if target.is_nullish() {
            let what = if matches!(target, JsValue::Null) {
                "null"
            } else {
                "undefined"
            };
            let name = key_text(key);
            let mut error = crate::error::SequelizeError::type_error(format!(
                "Cannot read properties of {what} (reading '{name}')"
            ));
            if let (JsValue::Null, Some(path)) = (target, object.path()) {
                let path = path.join(".");
                error = error.with_hint(format!(
                    "{path} is null: findOne and findByPk give null when no row matches; check it first, if ({path}) {{ … }}"
                ));
            }
            return Err(self.error(error, span));
        }
        if self.is_promise(target) && !matches!(key.as_str(), Some("then" | "catch" | "finally")) {
            self.note_unawaited(object);
        }
        self.get(target, key, span)
    }

    /// `target[key]` (the receiver of getters is `target`).
    pub(super) fn get(&mut self, target: &JsValue, key: &Key, span: Span) -> Eval<JsValue> {
        let start = match target {
            JsValue::Undefined | JsValue::Null => return Ok(JsValue::Undefined),
            JsValue::Bool(_) => self.realm.boolean_proto.clone(),
            JsValue::Number(_) => self.realm.number_proto.clone(),
            JsValue::Str(s) => {
                if let Some(value) = string_property(s, key) {
                    return Ok(value);
                }
                self.realm.string_proto.clone()
            }
            JsValue::Symbol(symbol) => {
                if key.as_str() == Some("description") {
                    return Ok(symbol
                        .description
                        .as_deref()
                        .map_or(JsValue::Undefined, JsValue::str));
                }
                self.realm.symbol_proto.clone()
            }
            JsValue::Opaque(what) => return Ok(JsValue::Opaque(what.clone())),
            JsValue::Instance(instance) => return self.instance_get(instance, key, span),
            JsValue::Object(object) => object.clone(),
        };
        self.get_from(&start, key, target, span)
    }

    /// Looks `key` up from `start` along the prototype chain.
    pub(super) fn get_from(
        &mut self,
        start: &Obj,
        key: &Key,
        receiver: &JsValue,
        span: Span,
    ) -> Eval<JsValue> {
        let mut current = Some(start.clone());
        let mut hops = 0;
        while let Some(object) = current {
            if let Some(value) = self.virtual_property(&object, key, receiver, span)? {
                return Ok(value);
            }
            let slot = object.borrow().own(key).map(|p| p.slot.clone());
            match slot {
                Some(Slot::Value(value)) => return Ok(value),
                Some(Slot::Accessor { get, .. }) => {
                    return match get {
                        Some(getter) => {
                            self.call_function(&getter, receiver.clone(), Vec::new(), span, None)
                        }
                        None => Ok(JsValue::Undefined),
                    }
                }
                None => {
                    let native = key
                        .as_str()
                        .and_then(|name| object.borrow().native_named(name));
                    if let Some((name, run)) = native {
                        let function = self.native(name, run);
                        object
                            .borrow_mut()
                            .set_hidden(key.clone(), function.clone());
                        return Ok(function);
                    }
                }
            }
            hops += 1;
            if hops > 1000 {
                break;
            }
            current = object.proto();
        }
        Ok(JsValue::Undefined)
    }

    /// Properties an object has by its kind rather than as stored properties.
    fn virtual_property(
        &mut self,
        object: &Obj,
        key: &Key,
        receiver: &JsValue,
        span: Span,
    ) -> Eval<Option<JsValue>> {
        let Some(name) = key.as_str() else {
            return Ok(None);
        };
        let borrowed = object.borrow();
        Ok(match &borrowed.kind {
            Kind::Array(items) => match name {
                "length" => Some(JsValue::Number(items.len() as f64)),
                _ => array_index(name).map(|i| items.get(i).cloned().unwrap_or(JsValue::Undefined)),
            },
            Kind::Function(callable) if borrowed.own_str(name).is_none() => match name {
                "name" => Some(JsValue::str(&self.function_name(callable))),
                "length" => Some(JsValue::Number(function_length(callable) as f64)),
                "prototype" => {
                    drop(borrowed);
                    return Ok(Some(self.prototype_of_function(object)));
                }
                _ => {
                    if let Some(model) = self.model_of(object) {
                        drop(borrowed);
                        return self.model_property(model, name, receiver);
                    }
                    // `Sequelize.STRING`: the data types hang off the class too.
                    let is_sequelize =
                        matches!(callable, Callable::Native(n) if &*n.name == "Sequelize");
                    let is_type = is_sequelize && crate::sql::types::KNOWN_TYPES.contains(&name);
                    drop(borrowed);
                    return Ok(is_type.then(|| self.bare_data_type(name)));
                }
            },
            Kind::Map(entries) if name == "size" => Some(JsValue::Number(entries.len() as f64)),
            Kind::Set(items) if name == "size" => Some(JsValue::Number(items.len() as f64)),
            Kind::RegExp { source, flags } => match name {
                "source" => Some(JsValue::str(source)),
                "flags" => Some(JsValue::str(flags)),
                "global" => Some(JsValue::Bool(flags.contains('g'))),
                _ => None,
            },
            Kind::Host(host) => {
                let host = host.clone();
                drop(borrowed);
                return self.host_property(&host, object, name, span);
            }
            _ => None,
        })
    }

    /// `target[key] = value`: a setter along the chain runs; otherwise an own property.
    pub(super) fn set(
        &mut self,
        target: &JsValue,
        key: Key,
        value: JsValue,
        span: Span,
    ) -> Eval<()> {
        let object = match target {
            JsValue::Object(object) => object.clone(),
            JsValue::Instance(instance) => return self.instance_set(instance, &key, value, span),
            // Primitives and stand-ins drop the write, as sloppy JavaScript does.
            _ => return Ok(()),
        };
        if let Some(name) = key.as_str() {
            let mut borrowed = object.borrow_mut();
            if let Kind::Array(items) = &mut borrowed.kind {
                if name == "length" {
                    let length = match &value {
                        JsValue::Number(n) if *n >= 0.0 && n.fract() == 0.0 => *n as usize,
                        _ => {
                            drop(borrowed);
                            return Err(self.error(
                                crate::error::SequelizeError::new(
                                    crate::error::ErrorName::RangeError,
                                    "Invalid array length",
                                ),
                                span,
                            ));
                        }
                    };
                    items.resize(length.min(MAX_ARRAY_LENGTH), JsValue::Undefined);
                    return Ok(());
                }
                if let Some(i) = array_index(name) {
                    if i >= MAX_ARRAY_LENGTH {
                        return Ok(());
                    }
                    if i >= items.len() {
                        items.resize(i + 1, JsValue::Undefined);
                    }
                    items[i] = value;
                    return Ok(());
                }
            }
            if let Kind::Host(Host::Models) = borrowed.kind {
                // `sequelize.models.X = …` is allowed; it is an ordinary object.
            }
        }
        if let Some(setter) = self.find_setter(&object, &key) {
            self.call_function(&setter, target.clone(), vec![value], span, None)?;
            return Ok(());
        }
        let mut borrowed = object.borrow_mut();
        if borrowed.frozen {
            return Ok(());
        }
        borrowed.set_own(key, value);
        Ok(())
    }

    fn find_setter(&self, object: &Obj, key: &Key) -> Option<JsValue> {
        let mut current = Some(object.clone());
        while let Some(o) = current {
            if let Some(property) = o.borrow().own(key) {
                return match &property.slot {
                    Slot::Accessor { set, .. } => set
                        .clone()
                        .or(Some(JsValue::Undefined))
                        .filter(|s| !matches!(s, JsValue::Undefined)),
                    Slot::Value(_) => None,
                };
            }
            current = o.proto();
        }
        None
    }

    /// `key in target`.
    pub(super) fn has_property(&mut self, target: &JsValue, key: &Key) -> bool {
        match target {
            JsValue::Instance(instance) => key
                .as_str()
                .is_some_and(|k| instance.borrow().get(k).is_some()),
            JsValue::Object(object) => {
                let mut current = Some(object.clone());
                let mut hops = 0;
                while let Some(o) = current {
                    hops += 1;
                    if hops > 1000 {
                        return false;
                    }
                    let b = o.borrow();
                    if b.own(key).is_some()
                        || key.as_str().is_some_and(|k| b.native_named(k).is_some())
                    {
                        return true;
                    }
                    if let (Kind::Array(items), Some(k)) = (&b.kind, key.as_str()) {
                        if k == "length" || array_index(k).is_some_and(|i| i < items.len()) {
                            return true;
                        }
                    }
                    drop(b);
                    current = o.proto();
                }
                false
            }
            _ => false,
        }
    }

    /// Enumerable own string keys, in JavaScript's order (`Object.keys`).
    pub(super) fn own_keys(&self, value: &JsValue) -> Vec<Rc<str>> {
        match value {
            JsValue::Object(object) => {
                let b = object.borrow();
                let mut keys: Vec<Rc<str>> = match &b.kind {
                    Kind::Array(items) => (0..items.len()).map(|i| i.to_string().into()).collect(),
                    // `fn(…)`, `col(…)`, `where(…)`: Sequelize's object's own fields.
                    Kind::Host(super::heap::Host::Sql(expr)) => {
                        expr.fields().into_iter().map(|(k, _)| k.into()).collect()
                    }
                    _ => Vec::new(),
                };
                let mut numeric: Vec<(u64, Rc<str>)> = Vec::new();
                let mut named = Vec::new();
                for property in b.props.iter().filter(|p| p.enumerable) {
                    if let Key::Str(k) = &property.key {
                        match array_index(k) {
                            Some(i) => numeric.push((i as u64, k.clone())),
                            None => named.push(k.clone()),
                        }
                    }
                }
                numeric.sort_by_key(|(i, _)| *i);
                keys.extend(numeric.into_iter().map(|(_, k)| k));
                keys.extend(named);
                keys
            }
            JsValue::Instance(instance) => instance
                .borrow()
                .values
                .iter()
                .map(|(k, _)| Rc::from(k.as_str()))
                .collect(),
            JsValue::Str(s) => (0..s.encode_utf16().count())
                .map(|i| i.to_string().into())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Enumerable own properties with their values (getters run), string keys then symbols,
    /// as `Object.assign` and spread copy them.
    pub(super) fn own_entries(&mut self, value: &JsValue) -> Eval<Vec<(Key, JsValue)>> {
        let mut entries = Vec::new();
        for key in self.own_keys(value) {
            let key = Key::Str(key);
            let item = self.get(value, &key, Span::default())?;
            entries.push((key, item));
        }
        if let JsValue::Object(object) = value {
            let symbols: Vec<Key> = object
                .borrow()
                .props
                .iter()
                .filter(|p| p.enumerable && matches!(p.key, Key::Symbol(_)))
                .map(|p| p.key.clone())
                .collect();
            for key in symbols {
                let item = self.get(value, &key, Span::default())?;
                entries.push((key, item));
            }
        }
        Ok(entries)
    }

    /// `{ a, ...rest } = value`: what `rest` gets.
    pub(super) fn object_rest(&mut self, value: &JsValue, used: &[Key]) -> Eval<JsValue> {
        let rest = self.plain_object();
        let entries = self.own_entries(value)?;
        if let JsValue::Object(handle) = &rest {
            let mut handle = handle.borrow_mut();
            for (key, item) in entries {
                if !used.contains(&key) {
                    handle.set_own(key, item);
                }
            }
        }
        Ok(rest)
    }

    /// The items `for…of`, spread and array destructuring visit; V8's TypeError for a value
    /// that cannot be iterated.
    pub(super) fn iterate(
        &mut self,
        value: &JsValue,
        span: Span,
        expr: Option<&Expr>,
    ) -> Eval<Vec<JsValue>> {
        match value {
            JsValue::Str(s) => {
                return Ok(s.chars().map(|c| JsValue::str(&c.to_string())).collect())
            }
            JsValue::Opaque(what) => return Ok(vec![JsValue::Opaque(what.clone())]),
            JsValue::Object(object) => {
                let b = object.borrow();
                match &b.kind {
                    Kind::Array(items) => return Ok(items.clone()),
                    Kind::Set(items) => return Ok(items.clone()),
                    Kind::Map(entries) => {
                        let entries = entries.clone();
                        drop(b);
                        return Ok(entries
                            .into_iter()
                            .map(|(k, v)| self.array(vec![k, v]))
                            .collect());
                    }
                    _ => {}
                }
                if matches!(b.kind, Kind::Plain) && b.own_str("length").is_some() {
                    drop(b);
                    return self.array_like(value);
                }
            }
            _ => {}
        }
        let shown = match expr.map(|e| &e.kind) {
            Some(ExprKind::Ident(name)) => name.clone(),
            _ => self.describe_for_message(value),
        };
        self.type_error(format!("{shown} is not iterable"), span)
    }

    /// `{ length: 2, 0: 'a', 1: 'b' }` as `Array.from` reads it.
    pub(super) fn array_like(&mut self, value: &JsValue) -> Eval<Vec<JsValue>> {
        let length = self.get(value, &Key::from("length"), Span::default())?;
        let length = self.number_of(&length)?;
        let length = if length.is_finite() && length > 0.0 {
            (length as usize).min(1 << 20)
        } else {
            0
        };
        let mut items = Vec::with_capacity(length);
        for i in 0..length {
            items.push(self.get(value, &Key::Str(i.to_string().into()), Span::default())?);
        }
        Ok(items)
    }

    /// How V8 names a value in "… is not iterable" when no expression names it.
    pub(super) fn describe_for_message(&self, value: &JsValue) -> String {
        match value {
            JsValue::Undefined => "undefined".into(),
            JsValue::Null => "null".into(),
            JsValue::Number(n) => number_text(*n),
            JsValue::Bool(b) => b.to_string(),
            JsValue::Str(s) => format!("\"{s}\""),
            _ => "object".into(),
        }
    }

    /// `value instanceof class`.
    pub(super) fn instance_of(
        &mut self,
        value: &JsValue,
        class: &JsValue,
        span: Span,
        right: Option<&Expr>,
    ) -> Eval<bool> {
        let JsValue::Object(class_object) = class else {
            let _ = right;
            return self.type_error("Right-hand side of 'instanceof' is not callable", span);
        };
        if !class_object.is_callable() {
            return self.type_error("Right-hand side of 'instanceof' is not callable", span);
        }
        if let JsValue::Instance(instance) = value {
            let model = instance.borrow().model;
            if let Some(target) = self.model_of(class_object) {
                return Ok(self.schema.model(model).name == self.schema.model(target).name);
            }
            if *class_object == self.realm.model_base || *class_object == self.realm.object_ctor {
                return Ok(true);
            }
            // A class between Model and the model's own (`class Square extends Shape`).
            let own_class = self.model_classes.get(model).cloned().flatten();
            let Some(own_class) = own_class else {
                return Ok(false);
            };
            let own_prototype =
                self.get(&JsValue::Object(own_class), &Key::from("prototype"), span)?;
            let wanted = self.get(class, &Key::from("prototype"), span)?;
            let (JsValue::Object(mut current), JsValue::Object(wanted)) = (own_prototype, wanted)
            else {
                return Ok(false);
            };
            loop {
                if current == wanted {
                    return Ok(true);
                }
                match current.proto() {
                    Some(next) => current = next,
                    None => return Ok(false),
                }
            }
        }
        let prototype = self.get(class, &Key::from("prototype"), span)?;
        let JsValue::Object(prototype) = prototype else {
            return Ok(false);
        };
        let mut current = match value {
            JsValue::Object(object) => object.proto(),
            _ => None,
        };
        while let Some(object) = current {
            if object == prototype {
                return Ok(true);
            }
            current = object.proto();
        }
        Ok(false)
    }

    /// `ToPrimitive` with the default hint: objects give `valueOf()` or `toString()`.
    pub(super) fn primitive_of(&mut self, value: &JsValue, span: Span) -> Eval<JsValue> {
        match value {
            JsValue::Object(object) => {
                if let Kind::Date(ms) = object.borrow().kind {
                    return Ok(JsValue::str(&super::builtins::date::to_string(ms)));
                }
                for method in ["valueOf", "toString"] {
                    let function = self.get(value, &Key::from(method), span)?;
                    if function.is_callable() {
                        let result =
                            self.call_function(&function, value.clone(), Vec::new(), span, None)?;
                        if !matches!(result, JsValue::Object(_)) {
                            return Ok(result);
                        }
                    }
                }
                self.type_error("Cannot convert object to primitive value", span)
            }
            JsValue::Instance(_) => Ok(JsValue::str("[object SequelizeInstance:")),
            other => Ok(other.clone()),
        }
    }

    /// `String(value)`.
    pub(super) fn string_of(&mut self, value: &JsValue, span: Span) -> Eval<String> {
        Ok(match value {
            JsValue::Undefined => "undefined".into(),
            JsValue::Null => "null".into(),
            JsValue::Bool(b) => b.to_string(),
            JsValue::Number(n) => number_text(*n),
            JsValue::Str(s) => s.to_string(),
            JsValue::Symbol(_) => {
                return self.type_error("Cannot convert a Symbol value to a string", span)
            }
            JsValue::Opaque(what) => format!("[not modeled: {what}]"),
            JsValue::Instance(instance) => {
                let model = instance.borrow().model;
                format!(
                    "[object SequelizeInstance:{}]",
                    self.schema.model(model).name
                )
            }
            JsValue::Object(_) => {
                let primitive = self.primitive_of(value, span)?;
                return self.string_of(&primitive, span);
            }
        })
    }

    /// `Number(value)`.
    pub(super) fn number_of(&mut self, value: &JsValue) -> Eval<f64> {
        Ok(match value {
            JsValue::Undefined => f64::NAN,
            JsValue::Null => 0.0,
            JsValue::Bool(b) => f64::from(u8::from(*b)),
            JsValue::Number(n) => *n,
            JsValue::Str(s) => string_to_number(s),
            JsValue::Symbol(_) => {
                return self
                    .type_error("Cannot convert a Symbol value to a number", Span::default())
            }
            JsValue::Object(object) => {
                if let Kind::Date(ms) = object.borrow().kind {
                    return Ok(ms);
                }
                let primitive = self.primitive_of(value, Span::default())?;
                return self.number_of(&primitive);
            }
            JsValue::Instance(_) | JsValue::Opaque(_) => f64::NAN,
        })
    }

    /// The function's name as `.name` gives it.
    pub(super) fn function_name(&self, callable: &Callable) -> String {
        match callable {
            Callable::Closure(closure) => closure
                .def
                .name
                .as_ref()
                .map(|n| n.name.clone())
                .unwrap_or_default(),
            Callable::Class(class) => class
                .def
                .name
                .as_ref()
                .map(|n| n.name.clone())
                .unwrap_or_default(),
            Callable::Native(native) => native.name.to_string(),
            Callable::Bound { target, .. } => match &target.borrow().kind {
                Kind::Function(inner) => format!("bound {}", self.function_name(inner)),
                _ => "bound ".into(),
            },
            Callable::Model(model) => self.schema.model(model.id).name.clone(),
        }
    }
}

fn function_length(callable: &Callable) -> usize {
    match callable {
        Callable::Closure(closure) => closure
            .def
            .params
            .iter()
            .take_while(|p| !matches!(p, crate::syntax::ast::Pattern::Default { .. }))
            .count(),
        _ => 0,
    }
}

/// `'abc'.length` and `'abc'[1]`.
fn string_property(s: &str, key: &Key) -> Option<JsValue> {
    let name = key.as_str()?;
    if name == "length" {
        return Some(JsValue::Number(s.encode_utf16().count() as f64));
    }
    let index = array_index(name)?;
    let unit = s.encode_utf16().nth(index);
    Some(match unit {
        Some(unit) => JsValue::str(&String::from_utf16_lossy(&[unit])),
        None => JsValue::Undefined,
    })
}

/// JavaScript's `Number("…")`.
pub(super) fn string_to_number(s: &str) -> f64 {
    let t = s.trim();
    if t.is_empty() {
        return 0.0;
    }
    let radix = |prefix: &str, radix: u32| {
        t.strip_prefix(prefix)
            .or_else(|| t.strip_prefix(&prefix.to_uppercase()))
            .map(|digits| i64::from_str_radix(digits, radix).map_or(f64::NAN, |n| n as f64))
    };
    if let Some(n) = radix("0x", 16)
        .or_else(|| radix("0o", 8))
        .or_else(|| radix("0b", 2))
    {
        return n;
    }
    match t {
        "Infinity" | "+Infinity" => f64::INFINITY,
        "-Infinity" => f64::NEG_INFINITY,
        _ if t
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-')) =>
        {
            t.parse().unwrap_or(f64::NAN)
        }
        _ => f64::NAN,
    }
}

/// The longest array a run may make (`arr.length = 1e9` would take the page's memory).
const MAX_ARRAY_LENGTH: usize = 1 << 20;

pub(super) fn key_text(key: &Key) -> String {
    match key {
        Key::Str(s) => s.to_string(),
        Key::Symbol(s) => format!("Symbol({})", s.0.description.clone().unwrap_or_default()),
    }
}
