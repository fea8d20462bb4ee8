//! Function `defaultValue`s (`defaultValue: () => uuidv4()`): JavaScript, so the
//! interpreter keeps and calls them. Sequelize's `build` calls every one of a model's
//! default functions for each new record (given values or not), in attribute order; the
//! interpreter does that before the call that builds and hands the runtime the values
//! (`Runtime::supplied_defaults`), which its `build` takes for the keys left unset.

use super::heap::{JsValue, Key, Kind};
use super::{Eval, Interpreter};
use crate::diagnostic::{Diagnostic, Span};
use crate::schema::ModelId;

/// One attribute's `defaultValue` function.
#[derive(Clone)]
pub(super) struct DefaultFunction {
    model: ModelId,
    attribute: String,
    function: JsValue,
}

impl Interpreter {
    /// Keeps the default functions among `define(name, attributes)`'s attributes.
    pub(super) fn add_default_functions(
        &mut self,
        model: ModelId,
        attributes: &JsValue,
        span: Span,
    ) -> Eval<()> {
        for (name, definition) in self.attribute_definitions(attributes, span)? {
            let default = self.get(&definition, &Key::Str("defaultValue".into()), span)?;
            if default.is_callable() {
                self.default_functions.push(DefaultFunction {
                    model,
                    attribute: name.to_string(),
                    function: default,
                });
            }
        }
        Ok(())
    }

    /// Before a call that builds `records` new `model` records: each record's default
    /// functions called, their values handed to the runtime.
    pub(super) fn supply_defaults(
        &mut self,
        model: ModelId,
        records: usize,
        span: Span,
    ) -> Eval<()> {
        let functions: Vec<DefaultFunction> = self
            .default_functions
            .iter()
            .filter(|d| d.model == model)
            .cloned()
            .collect();
        if functions.is_empty() || self.runtime.is_none() {
            return Ok(());
        }
        for _ in 0..records {
            let mut values = Vec::with_capacity(functions.len());
            for default in &functions {
                let value =
                    self.call_function(&default.function, JsValue::Undefined, vec![], span, None)?;
                values.push((default.attribute.clone(), self.to_data(&value)));
            }
            if let Some(rt) = self.runtime.as_mut() {
                rt.supply_defaults(model, values);
            }
        }
        Ok(())
    }

    /// Before `Model.create(record, { include })`: the default functions of each nested
    /// record the include builds, in the order the builds take them (each record
    /// before its own includes).
    pub(super) fn supply_nested_defaults(
        &mut self,
        model: ModelId,
        record: &JsValue,
        include: &JsValue,
        span: Span,
    ) -> Eval<()> {
        let items = match include {
            JsValue::Object(o) => match &o.borrow().kind {
                Kind::Array(items) => items.clone(),
                _ => vec![include.clone()],
            },
            _ => return Ok(()),
        };
        for item in items {
            let (target, alias, nested) = match &item {
                JsValue::Object(o) if self.model_of(o).is_some() => {
                    (self.model_of(o), None, JsValue::Undefined)
                }
                JsValue::Object(_) => {
                    let of = |interp: &mut Self, key: &str| {
                        interp.get(&item, &Key::Str(key.into()), span)
                    };
                    let target = match of(self, "model")? {
                        JsValue::Object(m) => self.model_of(&m),
                        _ => None,
                    };
                    let alias = match (of(self, "as")?, of(self, "association")?) {
                        (JsValue::Str(alias), _) | (_, JsValue::Str(alias)) => {
                            Some(alias.to_string())
                        }
                        _ => None,
                    };
                    (target, alias, of(self, "include")?)
                }
                _ => continue,
            };
            let association = self.schema.model(model).associations.iter().find(|a| {
                target.is_none_or(|t| a.target == t)
                    && alias.as_ref().is_none_or(|n| *n == a.as_name)
            });
            let Some((target, key)) = association.map(|a| (a.target, a.as_name.clone())) else {
                continue;
            };
            let children = self.get(record, &Key::Str(key.into()), span)?;
            let children = match &children {
                JsValue::Object(o) => match &o.borrow().kind {
                    Kind::Array(items) => items.clone(),
                    _ => vec![children.clone()],
                },
                _ => Vec::new(),
            };
            for child in children {
                self.supply_defaults(target, 1, span)?;
                self.supply_nested_defaults(target, &child, &nested, span)?;
            }
        }
        Ok(())
    }

    /// After a call that may have built records: values supplied but not taken are
    /// dropped (a `findOrCreate` that found its row), and a default function that a
    /// `build` had no value for (a record of a nested include) is said at the call.
    pub(super) fn settle_defaults(&mut self, span: Span) {
        let Some(rt) = self.runtime.as_mut() else {
            return;
        };
        if let Some((model, attribute)) = rt.settle_defaults() {
            let model = &self.schema.model(model).name;
            self.diagnostics.push(
                Diagnostic::warning(
                    span,
                    format!("The playground does not call {model}.{attribute}'s defaultValue function for a record built here yet; it stays null"),
                )
                .with_hint("give the value in the record, or create the record with its own create()"),
            );
        }
    }

    /// How many new records `Model.method(first, …)` builds, for [`Self::supply_defaults`].
    pub(super) fn records_built(method: &str, first: &JsValue) -> usize {
        match method {
            "create" | "build" | "findOrCreate" | "findCreateFind" | "findOrBuild" => 1,
            "bulkCreate" => match first {
                JsValue::Object(o) => match &o.borrow().kind {
                    Kind::Array(items) => items.len(),
                    _ => 0,
                },
                _ => 0,
            },
            _ => 0,
        }
    }
}
