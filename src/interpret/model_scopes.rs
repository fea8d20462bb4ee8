//! Model scopes (`defaultScope`, `scopes`, `addScope`, `Model.scope(…)`, `unscoped()`).
//! A scope may be a function (`scopes: { named(name) { … } }`), so the interpreter keeps
//! them as the snippet wrote them and calls them when a scope is chosen. A chosen scope
//! is a scoped model: a class object whose prototype is the model's, carrying the
//! merged options (as Sequelize's `scope()` returns a subclass). Each query then takes
//! its model's scope into its options (`runtime::scopes`), includes and association
//! getters their target's default scope.

use std::rc::Rc;

use super::heap::{Call, Callable, JsValue, Key, Kind, ModelClass, Obj, Object};
use super::{Eval, Interpreter};
use crate::diagnostic::Span;
use crate::error::{ErrorName, SequelizeError};
use crate::runtime::calls::{combine_scopes, inject_scope};
use crate::schema::ModelId;
use crate::value::Value;

/// Where each query method takes its options (`findByPk(key, options)`).
fn options_position(method: &str) -> Option<usize> {
    Some(match method {
        "findAll" | "findOne" | "findAndCountAll" | "count" | "destroy" => 0,
        "findByPk" | "update" | "increment" | "decrement" | "max" | "min" | "sum" => 1,
        _ => return None,
    })
}

impl Interpreter {
    /// `define(…, { defaultScope, scopes })` and `init(…, { … })`: kept for the model.
    pub(super) fn add_scopes_option(
        &mut self,
        model: ModelId,
        options: &JsValue,
        span: Span,
    ) -> Eval<()> {
        if !matches!(options, JsValue::Object(_)) {
            return Ok(());
        }
        let default = self.get(options, &Key::Str("defaultScope".into()), span)?;
        if matches!(default, JsValue::Object(_)) {
            self.scopes.push((model, "defaultScope".into(), default));
        }
        let named = self.get(options, &Key::Str("scopes".into()), span)?;
        if matches!(named, JsValue::Object(_)) {
            for name in self.own_keys(&named) {
                let scope = self.get(&named, &Key::Str(name.clone()), span)?;
                self.scopes.push((model, name.to_string(), scope));
            }
        }
        Ok(())
    }

    fn scope_named(&self, model: ModelId, name: &str) -> Option<JsValue> {
        self.scopes
            .iter()
            .rev()
            .find(|(m, n, _)| *m == model && n == name)
            .map(|(_, _, scope)| scope.clone())
    }

    /// The model's default scope, as options.
    fn default_scope(&self, model: ModelId) -> Option<Value> {
        self.scope_named(model, "defaultScope")
            .map(|scope| self.to_data(&scope))
            .filter(|scope| matches!(scope, Value::Object(props) if !props.is_empty()))
    }

    /// `Model.addScope(name, scope, { override })`.
    pub(super) fn add_scope_call(&mut self, model: ModelId, call: &Call<'_>) -> Eval<JsValue> {
        let name = self.string_of(&call.arg(0), call.arg_span(0))?;
        let overriding = match call.arg(2) {
            options @ JsValue::Object(_) => self
                .get(&options, &Key::Str("override".into()), call.span)?
                .truthy(),
            _ => false,
        };
        if self.scope_named(model, &name).is_some() && !overriding {
            return Err(self.error(
                SequelizeError::plain(format!(
                    "The scope {name} already exists. Pass {{ override: true }} as options to silence this error"
                )),
                call.span,
            ));
        }
        self.scopes.push((model, name, call.arg(1)));
        Ok(JsValue::Undefined)
    }

    /// `Model.scope(…names)` (and `unscoped()`, which chooses none): the scoped model.
    pub(super) fn scope_call(
        &mut self,
        model: ModelId,
        call: &Call<'_>,
        args: &[JsValue],
    ) -> Eval<JsValue> {
        let mut chosen = Vec::new();
        for arg in args {
            match arg {
                JsValue::Object(o) if matches!(o.borrow().kind, Kind::Array(_)) => {
                    let Kind::Array(items) = &o.borrow().kind else {
                        unreachable!()
                    };
                    chosen.extend(items.iter().cloned());
                }
                other => chosen.push(other.clone()),
            }
        }
        let mut merged = Value::Object(Vec::new());
        if chosen.first().is_some_and(JsValue::truthy) {
            for option in chosen {
                let scope = self.resolve_scope(model, &option, call.span)?;
                merged = combine_scopes(&merged, &scope);
            }
        }
        Ok(self.scoped_model(model, &call.this, merged))
    }

    /// One argument of `scope(…)`: a scope's name, `{ method: [name, …args] }`, or an
    /// options object; a function scope is called.
    fn resolve_scope(&mut self, model: ModelId, option: &JsValue, span: Span) -> Eval<Value> {
        let invalid = |interp: &mut Interpreter, name: &str| {
            Err(interp.error(
                SequelizeError::new(
                    ErrorName::SequelizeScopeError,
                    format!("Invalid scope {name} called."),
                ),
                span,
            ))
        };
        let (name, args) = match option {
            JsValue::Str(name) => (name.to_string(), Vec::new()),
            object @ JsValue::Object(_) if !object.is_callable() => {
                let method = self.get(object, &Key::Str("method".into()), span)?;
                match &method {
                    JsValue::Undefined => return Ok(self.to_data(object)),
                    JsValue::Str(name) => (name.to_string(), Vec::new()),
                    list @ JsValue::Object(o) => match &o.borrow().kind {
                        Kind::Array(items) if !items.is_empty() => {
                            let name = self.string_of(&items[0], span)?;
                            (name, items[1..].to_vec())
                        }
                        _ => {
                            let name = self.string_of(list, span)?;
                            return invalid(self, &name);
                        }
                    },
                    other => {
                        let name = self.string_of(other, span)?;
                        return invalid(self, &name);
                    }
                }
            }
            other => {
                let name = self.string_of(other, span)?;
                return invalid(self, &name);
            }
        };
        let Some(scope) = self.scope_named(model, &name) else {
            return invalid(self, &name);
        };
        let scope = match scope.is_callable() {
            true => {
                let this = self.model_value(model);
                self.call_function(&scope, this, args, span, None)?
            }
            false => scope,
        };
        match scope {
            JsValue::Object(_) => Ok(self.to_data(&scope)),
            _ => invalid(self, &name),
        }
    }

    /// A class object for the model with `scope` chosen; its prototype is the model.
    fn scoped_model(&mut self, model: ModelId, this: &JsValue, scope: Value) -> JsValue {
        let base = match this {
            JsValue::Object(o) => match &o.borrow().kind {
                Kind::Function(Callable::Model(ModelClass { scope: Some(_), .. })) => {
                    o.borrow().proto.clone()
                }
                _ => Some(o.clone()),
            },
            _ => None,
        };
        let base = base.unwrap_or_else(|| match self.model_value(model) {
            JsValue::Object(o) => o,
            _ => unreachable!("a model's class is an object"),
        });
        JsValue::Object(Obj::new(Object::new(
            Kind::Function(Callable::Model(ModelClass {
                id: model,
                scope: Some(Rc::new(scope)),
            })),
            Some(base),
        )))
    }

    /// The scope a query on `this` takes: a scoped model's own, else the default.
    fn scope_of(&self, this: &JsValue, model: ModelId) -> Option<Value> {
        if let JsValue::Object(o) = this {
            if let Kind::Function(Callable::Model(ModelClass {
                scope: Some(scope), ..
            })) = &o.borrow().kind
            {
                return Some((**scope).clone());
            }
        }
        self.default_scope(model)
    }

    /// A query's options with its model's scope, and each include's target's default
    /// scope, merged in as Sequelize's `_injectScope` does.
    /// Answers the method to run: a scoped `findByPk` runs as Sequelize's does, a
    /// `findOne` whose where is the scope's and `{ id: key }`.
    pub(super) fn with_scopes<'m>(
        &self,
        this: &JsValue,
        model: ModelId,
        method: &'m str,
        values: &mut Vec<Value>,
    ) -> &'m str {
        let Some(at) = options_position(method) else {
            return method;
        };
        let scope = self.scope_of(this, model);
        if scope.is_none() && values.get(at).is_none_or(|o| o.get("include").is_none()) {
            return method;
        }
        while values.len() <= at {
            values.push(Value::Undefined);
        }
        let mut options = match &values[at] {
            Value::Object(_) => values[at].clone(),
            _ => Value::Object(Vec::new()),
        };
        let key = values[0].clone();
        let by_key = method == "findByPk"
            && scope.as_ref().is_some_and(|s| s.get("where").is_some())
            && !matches!(key, Value::Null | Value::Undefined);
        if by_key {
            let pk = self
                .schema
                .model(model)
                .primary_key_attribute()
                .unwrap_or("id")
                .to_string();
            let mut own = match options {
                Value::Object(props) => props,
                _ => Vec::new(),
            };
            own.retain(|(k, _)| k != "where");
            own.push(("where".into(), Value::Object(vec![(pk, key)])));
            options = Value::Object(own);
        }
        if let Some(scope) = &scope {
            options = inject_scope(scope, &options);
        }
        let options = self.include_scopes(options);
        if by_key {
            *values = vec![options];
            return "findOne";
        }
        values[at] = options;
        method
    }

    /// Each include's target's default scope merged into the include.
    fn include_scopes(&self, options: Value) -> Value {
        let Value::Object(mut props) = options else {
            return options;
        };
        for (key, value) in props.iter_mut() {
            if key != "include" {
                continue;
            }
            let items = match std::mem::replace(value, Value::Undefined) {
                Value::Array(items) => items,
                one => vec![one],
            };
            let items = items
                .into_iter()
                .map(|item| {
                    let target = match &item {
                        Value::Model(id) => Some(*id),
                        Value::Object(_) => match item.get("model") {
                            Some(Value::Model(id)) => Some(*id),
                            _ => None,
                        },
                        _ => None,
                    };
                    let item = match (target, self_default(self, target)) {
                        (Some(id), Some(scope)) => {
                            let own = match item {
                                Value::Model(_) => {
                                    Value::Object(vec![("model".into(), Value::Model(id))])
                                }
                                other => other,
                            };
                            inject_scope(&scope, &own)
                        }
                        (_, _) => item,
                    };
                    self.include_scopes(item)
                })
                .collect();
            *value = Value::Array(items);
        }
        Value::Object(props)
    }

    /// The target of an association's getter or counter (`getTasks`, `countTasks`).
    pub(super) fn getter_target(
        &self,
        instance: &crate::value::InstanceRef,
        method: &str,
    ) -> Option<ModelId> {
        let model = instance.borrow().model;
        let (association, kind) = self.schema.model(model).accessor(method)?;
        matches!(
            kind,
            crate::schema::AccessorKind::Get | crate::schema::AccessorKind::Count
        )
        .then_some(association.target)
    }

    /// An association getter's options with its target's scope resolved into
    /// `scope`: the default one, or the one the call names (`getTasks({ scope: 'open'
    /// })`, `scope: false` for none); the runtime's getter merges it as `findAll` does.
    pub(super) fn getter_scope(
        &mut self,
        target: ModelId,
        options: Value,
        span: Span,
    ) -> Eval<Value> {
        let chosen = options.get("scope").cloned();
        let scope = match chosen {
            None => self.default_scope(target),
            Some(Value::Bool(false) | Value::Null) => None,
            Some(Value::Str(name)) => {
                Some(self.resolve_scope(target, &JsValue::str(&name), span)?)
            }
            Some(Value::Array(names)) => {
                let mut merged = Value::Object(Vec::new());
                for name in names {
                    let name = name.as_str().unwrap_or_default().to_string();
                    let scope = self.resolve_scope(target, &JsValue::str(&name), span)?;
                    merged = combine_scopes(&merged, &scope);
                }
                Some(merged)
            }
            Some(_) => self.default_scope(target),
        };
        let mut props = match options {
            Value::Object(props) => props,
            _ => Vec::new(),
        };
        props.retain(|(k, _)| k != "scope");
        if let Some(scope) = scope {
            props.push(("scope".into(), scope));
        }
        Ok(Value::Object(props))
    }
}

fn self_default(interp: &Interpreter, target: Option<ModelId>) -> Option<Value> {
    target.and_then(|id| interp.default_scope(id))
}
