//! Attribute getters and setters: `get()` and `set(value)` in an attribute's definition
//! (a `DataTypes.VIRTUAL` attribute is often only that), and the model options
//! `getterMethods`/`setterMethods`. They are JavaScript, so the interpreter keeps and
//! calls them: reading `user.fullName` or `user.get('fullName')` calls the getter;
//! `toJSON()`, `get({ plain: true })` and `JSON.stringify` list the getters' keys first,
//! then the stored values, as Sequelize's `get()` does; assigning, `set(…)`, `build` and
//! `create` call the setter, which stores with `this.setDataValue`.

use super::heap::{Call, JsValue, Key, Kind};
use super::{Eval, Interpreter};
use crate::diagnostic::Span;
use crate::schema::ModelId;
use crate::value::{Instance, InstanceRef, Value};

/// One attribute's getter and setter, as the snippet wrote them.
#[derive(Clone)]
pub(super) struct Accessors {
    model: ModelId,
    attribute: String,
    get: Option<JsValue>,
    set: Option<JsValue>,
    /// Whether `toJSON()` lists it: an attribute's getter is, a `getterMethods` one
    /// is not (Sequelize 6 defines those on the prototype only).
    listed: bool,
}

impl Interpreter {
    /// Reads the getters and setters of `define(name, attributes, options)` (or `init`).
    pub(super) fn add_attribute_accessors(
        &mut self,
        model: ModelId,
        attributes: &JsValue,
        options: &JsValue,
        span: Span,
    ) -> Eval<()> {
        for (name, definition) in self.attribute_definitions(attributes, span)? {
            let get = self.function_at(&definition, "get", span)?;
            let set = self.function_at(&definition, "set", span)?;
            self.keep_accessors(model, &name, get, set, true);
        }
        if matches!(options, JsValue::Object(_)) {
            for (option, is_getter) in [("getterMethods", true), ("setterMethods", false)] {
                let methods = self.get(options, &Key::Str(option.into()), span)?;
                if !matches!(methods, JsValue::Object(_)) {
                    continue;
                }
                for name in self.own_keys(&methods) {
                    let function = self.function_at(&methods, &name, span)?;
                    match is_getter {
                        true => self.keep_accessors(model, &name, function, None, false),
                        false => self.keep_accessors(model, &name, None, function, false),
                    }
                }
            }
        }
        Ok(())
    }

    /// The attributes of `define(name, attributes)` written as objects (`{ type, get,
    /// defaultValue, validate, … }`), with their names; a bare data type has none of
    /// the JavaScript these readers keep.
    pub(super) fn attribute_definitions(
        &mut self,
        attributes: &JsValue,
        span: Span,
    ) -> Eval<Vec<(std::rc::Rc<str>, JsValue)>> {
        let mut definitions = Vec::new();
        if !matches!(attributes, JsValue::Object(_)) {
            return Ok(definitions);
        }
        for name in self.own_keys(attributes) {
            let definition = self.get(attributes, &Key::Str(name.clone()), span)?;
            if matches!(&definition, JsValue::Object(o) if matches!(o.borrow().kind, Kind::Plain)) {
                definitions.push((name, definition));
            }
        }
        Ok(definitions)
    }

    fn function_at(&mut self, object: &JsValue, key: &str, span: Span) -> Eval<Option<JsValue>> {
        let value = self.get(object, &Key::Str(key.into()), span)?;
        Ok(value.is_callable().then_some(value))
    }

    fn keep_accessors(
        &mut self,
        model: ModelId,
        attribute: &str,
        get: Option<JsValue>,
        set: Option<JsValue>,
        listed: bool,
    ) {
        if get.is_none() && set.is_none() {
            return;
        }
        match self
            .attribute_accessors
            .iter_mut()
            .find(|a| a.model == model && a.attribute == attribute)
        {
            Some(kept) => {
                kept.get = get.or(kept.get.take());
                kept.set = set.or(kept.set.take());
                kept.listed |= listed;
            }
            None => self.attribute_accessors.push(Accessors {
                model,
                attribute: attribute.to_string(),
                get,
                set,
                listed,
            }),
        }
    }

    fn getter(&self, model: ModelId, attribute: &str) -> Option<JsValue> {
        self.attribute_accessors
            .iter()
            .find(|a| a.model == model && a.attribute == attribute)
            .and_then(|a| a.get.clone())
    }

    fn setter(&self, model: ModelId, attribute: &str) -> Option<JsValue> {
        self.attribute_accessors
            .iter()
            .find(|a| a.model == model && a.attribute == attribute)
            .and_then(|a| a.set.clone())
    }

    pub(super) fn has_setters(&self, model: ModelId) -> bool {
        self.attribute_accessors
            .iter()
            .any(|a| a.model == model && a.set.is_some())
    }

    /// `instance.name` or `instance.get(name)` through its getter, if it has one.
    pub(super) fn get_through_getter(
        &mut self,
        instance: &InstanceRef,
        name: &str,
        span: Span,
    ) -> Eval<Option<JsValue>> {
        let model = instance.borrow().model;
        let Some(getter) = self.getter(model, name) else {
            return Ok(None);
        };
        let value = self.call_function(
            &getter,
            JsValue::Instance(instance.clone()),
            vec![JsValue::str(name)],
            span,
            None,
        )?;
        Ok(Some(value))
    }

    /// `instance.name = value` or `instance.set(name, value)` through its setter;
    /// `false` when there is none.
    pub(super) fn set_through_setter(
        &mut self,
        instance: &InstanceRef,
        name: &str,
        value: JsValue,
        span: Span,
    ) -> Eval<bool> {
        let model = instance.borrow().model;
        let Some(setter) = self.setter(model, name) else {
            return Ok(false);
        };
        self.call_function(
            &setter,
            JsValue::Instance(instance.clone()),
            vec![value, JsValue::str(name)],
            span,
            None,
        )?;
        Ok(true)
    }

    /// `toJSON()`, `get({ plain: true })`: the getters' keys first, then the stored
    /// values (an include's instances alike); `None` when no model has getters.
    /// `nested`: included instances made plain too (`toJSON`, `get({ plain: true })`),
    /// or kept as instances (`get()`).
    pub(super) fn plain_with_getters(
        &mut self,
        instance: &InstanceRef,
        span: Span,
        nested: bool,
    ) -> Eval<Option<JsValue>> {
        if !self.attribute_accessors.iter().any(|a| a.get.is_some()) {
            return Ok(None);
        }
        let max_depth = if nested { 8 } else { 0 };
        let value = self.plain_value(instance, span, 0, max_depth)?;
        Ok(Some(self.adopt(&value)))
    }

    fn plain_value(
        &mut self,
        instance: &InstanceRef,
        span: Span,
        depth: usize,
        max_depth: usize,
    ) -> Eval<Value> {
        let model = instance.borrow().model;
        let values = instance.borrow().values.clone();
        // A getter of an attribute the find did not select is left out: a stored one
        // when it is not among the values, a virtual one when the find chose columns
        // (a built instance has every attribute).
        let selected_all = instance.borrow().is_new_record
            || self
                .schema
                .model(model)
                .table_attributes()
                .all(|(name, _)| values.iter().any(|(k, _)| k == name));
        let getters: Vec<String> = self
            .attribute_accessors
            .iter()
            .filter(|a| a.model == model && a.get.is_some() && a.listed)
            .filter(|a| {
                let virtual_attribute = self
                    .schema
                    .model(model)
                    .attribute(&a.attribute)
                    .is_none_or(|attribute| attribute.is_virtual());
                values.iter().any(|(k, _)| *k == a.attribute) || (virtual_attribute && selected_all)
            })
            .map(|a| a.attribute.clone())
            .collect();
        let mut plain: Vec<(String, Value)> = Vec::with_capacity(getters.len() + values.len());
        for name in getters {
            let value = self
                .get_through_getter(instance, &name, span)?
                .unwrap_or(JsValue::Undefined);
            plain.push((name, self.to_data(&value)));
        }
        for (key, value) in values {
            if plain.iter().any(|(k, _)| *k == key) {
                continue;
            }
            let value = match value {
                Value::Instance(child) if depth < max_depth => {
                    self.plain_value(&child, span, depth + 1, max_depth)?
                }
                Value::Array(items) if depth < max_depth => {
                    let mut plain_items = Vec::with_capacity(items.len());
                    for item in items {
                        plain_items.push(match item {
                            Value::Instance(child) => {
                                self.plain_value(&child, span, depth + 1, max_depth)?
                            }
                            other => other,
                        });
                    }
                    Value::Array(plain_items)
                }
                other => other,
            };
            plain.push((key, value));
        }
        Ok(Value::Object(plain))
    }

    /// `create(values)`, `build(values)`: the values as the model's setters store them
    /// (each key through its setter, in the order given; the rest as they are).
    pub(super) fn values_through_setters(
        &mut self,
        model: ModelId,
        values: &JsValue,
        span: Span,
    ) -> Eval<JsValue> {
        if !self.has_setters(model) || !matches!(values, JsValue::Object(_)) {
            return Ok(values.clone());
        }
        let staged = Instance::new(model).into_ref();
        for key in self.own_keys(values) {
            let value = self.get(values, &Key::Str(key.clone()), span)?;
            if !self.set_through_setter(&staged, &key, value.clone(), span)? {
                let data = self.to_data(&value);
                staged.borrow_mut().set(&key, data);
            }
        }
        let stored = Value::Object(staged.borrow().values.clone());
        Ok(self.adopt(&stored))
    }

    /// `create`'s, `build`'s values or `bulkCreate`'s records through the setters.
    pub(super) fn records_through_setters(
        &mut self,
        model: ModelId,
        records: &JsValue,
        span: Span,
    ) -> Eval<JsValue> {
        let items = match records {
            JsValue::Object(o) => match &o.borrow().kind {
                Kind::Array(items) => Some(items.clone()),
                _ => None,
            },
            _ => None,
        };
        match items {
            Some(items) => {
                let mut staged = Vec::with_capacity(items.len());
                for item in items {
                    staged.push(self.values_through_setters(model, &item, span)?);
                }
                Ok(self.array(staged))
            }
            None => self.values_through_setters(model, records, span),
        }
    }

    /// `instance.set({ … })` or `instance.set(key, value)`, each key through its setter;
    /// `false` when no key has one (the runtime sets them).
    pub(super) fn set_call_through_setters(
        &mut self,
        instance: &InstanceRef,
        call: &Call<'_>,
    ) -> Eval<bool> {
        let model = instance.borrow().model;
        if !self.has_setters(model) {
            return Ok(false);
        }
        match call.arg(0) {
            JsValue::Str(key) => {
                if self.set_through_setter(instance, &key, call.arg(1), call.span)? {
                    return Ok(true);
                }
                let data = self.to_data(&call.arg(1));
                crate::runtime::calls::assign(&self.schema, instance, &key, data);
                Ok(true)
            }
            values @ JsValue::Object(_) => {
                for key in self.own_keys(&values) {
                    let value = self.get(&values, &Key::Str(key.clone()), call.span)?;
                    if !self.set_through_setter(instance, &key, value.clone(), call.span)? {
                        let data = self.to_data(&value);
                        crate::runtime::calls::assign(&self.schema, instance, &key, data);
                    }
                }
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}
