//! The calls that need the SQL engine — `sync`, `create`, `findAll`, instance methods,
//! `console.log` — handed from the interpreter to the [`crate::runtime`].

use super::{throw, Eval, Interpreter};
use crate::diagnostic::Span;
use crate::error::{ErrorName, SequelizeError};
use crate::runtime::find::{self, FindPlan};
use crate::runtime::{accessors, write, StepEnd};
use crate::schema::sync_order::sync_order;
use crate::schema::Schema;
use crate::syntax::ast::Expr;
use crate::value::Value;
use crate::value::{to_json, InstanceRef};

/// `instance.name`: a data value, or one of the few instance properties tutorials read.
pub fn instance_property(instance: &InstanceRef, name: &str) -> Value {
    let data = instance.borrow();
    match name {
        "dataValues" => Value::Object(data.values.clone()),
        "isNewRecord" => Value::Bool(data.is_new_record),
        _ => data.get(name).cloned().unwrap_or(Value::Undefined),
    }
}

/// `instance.name = value`: sets an attribute and marks it changed.
pub fn assign(schema: &Schema, instance: &InstanceRef, name: &str, value: Value) {
    let mut data = instance.borrow_mut();
    let attribute = schema.model(data.model).attribute(name);
    let is_attribute = attribute.is_some();
    data.set(name, crate::runtime::sanitize(attribute, value));
    if is_attribute && !data.changed.iter().any(|c| c == name) {
        data.changed.push(name.to_string());
    }
}

impl Interpreter {
    /// Runs `target.method(args)` on the runtime if it is a query; `None` when the
    /// interpreter should handle the call itself.
    pub(super) fn runtime_call(
        &mut self,
        target: &Value,
        _object: &Expr,
        method: &str,
        args: &[Expr],
        span: Span,
    ) -> Eval<Option<Value>> {
        let result = match (target, method) {
            (Value::Sequelize, "sync") => {
                let values = self.arguments(args)?;
                reject_unbound(&values)?;
                let force = values
                    .first()
                    .and_then(|o| o.get("force"))
                    .is_some_and(Value::truthy);
                let Some(order) = sync_order(&self.schema) else {
                    return throw(
                        SequelizeError::plain(
                            "The playground cannot sync models whose foreign keys form a cycle yet",
                        ),
                        span,
                    );
                };
                let rt = self.runtime.as_mut().expect("checked");
                if let Err(error) = rt.sync(&self.schema, &order, force) {
                    return Err(thrown(error, span));
                }
                rt.end_step(StepEnd::Sync {});
                self.synced = true;
                Value::Promise(Box::new(Value::Sequelize))
            }
            (Value::Console, "log" | "info" | "dir" | "table") => {
                let values = self.arguments(args)?;
                reject_unbound(&values)?;
                for (arg, value) in args.iter().zip(&values) {
                    if let Value::Promise(_) = value {
                        self.note_unawaited(arg);
                    }
                }
                let value = values.first().map_or(serde_json::Value::Null, to_json);
                let label = (values.len() > 1).then(|| values[1..].iter().map(to_json).collect());
                self.runtime
                    .as_mut()
                    .expect("checked")
                    .end_step(StepEnd::Show { value, label });
                Value::Undefined
            }
            (Value::Model(id), _) => {
                let id = *id;
                match self.model_query(id, method, args, span)? {
                    Some(value) if method == "build" => value,
                    Some(value) => Value::Promise(Box::new(value)),
                    None => return Ok(None),
                }
            }
            (Value::Instance(instance), _) => {
                match self.instance_call(instance, _object, method, args, span)? {
                    Some(value) if matches!(method, "get" | "set" | "toJSON") => value,
                    Some(value) => Value::Promise(Box::new(value)),
                    None => return Ok(None),
                }
            }
            _ => return Ok(None),
        };
        Ok(Some(result))
    }

    fn model_query(
        &mut self,
        id: usize,
        method: &str,
        args: &[Expr],
        span: Span,
    ) -> Eval<Option<Value>> {
        let known = [
            "create",
            "bulkCreate",
            "build",
            "findAll",
            "findOne",
            "findByPk",
            "count",
            "findAndCountAll",
            "sync",
            "destroy",
            "update",
        ];
        if !known.contains(&method) {
            return Ok(None);
        }
        let values = self.arguments(args)?;
        reject_unbound(&values)?;
        let first = values.first();
        let schema = &self.schema;
        let rt = self.runtime.as_mut().expect("checked");
        let result: Result<Value, SequelizeError> = (|| match method {
            "create" => {
                let empty = Value::Object(Vec::new());
                let instance =
                    write::create(rt, schema, id, first.unwrap_or(&empty), values.get(1))?;
                Ok(Value::Instance(instance))
            }
            "bulkCreate" => {
                let records = match first {
                    Some(Value::Array(records)) => records.clone(),
                    _ => Vec::new(),
                };
                let created = write::bulk_create(rt, schema, id, &records)?;
                Ok(Value::Array(
                    created.into_iter().map(Value::Instance).collect(),
                ))
            }
            "build" => {
                let empty = Value::Object(Vec::new());
                Ok(Value::Instance(
                    write::build(rt, schema, id, first.unwrap_or(&empty), &[]).into_ref(),
                ))
            }
            "findAll" => {
                let plan = find::plan(schema, id, first)?;
                let found = find::find(rt, schema, &plan)?;
                Ok(Value::Array(
                    found.into_iter().map(Value::Instance).collect(),
                ))
            }
            "findOne" | "findByPk" => {
                let mut plan: FindPlan = if method == "findByPk" {
                    let mut plan = find::plan(schema, id, values.get(1))?;
                    plan.where_ = find::by_key(schema.model(id), first.unwrap_or(&Value::Null));
                    plan
                } else {
                    find::plan(schema, id, first)?
                };
                let unique = if method == "findByPk" {
                    find::is_primary_key_lookup(schema.model(id), &plan.where_)
                } else {
                    find::is_unique_lookup(schema.model(id), first.and_then(|o| o.get("where")))
                };
                if plan.limit.is_none() && !unique {
                    plan.limit = Some(1);
                }
                Ok(find::find(rt, schema, &plan)?
                    .into_iter()
                    .next()
                    .map_or(Value::Null, Value::Instance))
            }
            "destroy" => Ok(Value::Number(
                write::destroy_where(rt, schema, id, first)? as f64
            )),
            "update" => {
                let empty = Value::Object(Vec::new());
                let affected =
                    write::update_where(rt, schema, id, first.unwrap_or(&empty), values.get(1))?;
                Ok(Value::Array(vec![Value::Number(affected as f64)]))
            }
            "count" => Ok(Value::Number(find::count(rt, schema, id, first)? as f64)),
            "findAndCountAll" => {
                let total = find::count(rt, schema, id, first)?;
                let plan = find::plan(schema, id, first)?;
                let rows = find::find(rt, schema, &plan)?;
                Ok(Value::Object(vec![
                    ("count".into(), Value::Number(total as f64)),
                    (
                        "rows".into(),
                        Value::Array(rows.into_iter().map(Value::Instance).collect()),
                    ),
                ]))
            }
            _ => {
                let order: Vec<usize> = vec![id];
                rt.sync(
                    schema,
                    &order,
                    first
                        .and_then(|o| o.get("force"))
                        .is_some_and(Value::truthy),
                )?;
                Ok(Value::Model(id))
            }
        })();
        result.map(Some).map_err(|e| thrown(e, span))
    }

    fn instance_call(
        &mut self,
        instance: &InstanceRef,
        object: &Expr,
        method: &str,
        args: &[Expr],
        span: Span,
    ) -> Eval<Option<Value>> {
        let values = self.arguments(args)?;
        reject_unbound(&values)?;
        let schema = &self.schema;
        let rt = self.runtime.as_mut().expect("checked");
        let result: Result<Value, SequelizeError> = (|| {
            if let Some((association, kind)) = accessors::lookup(schema, instance, method) {
                let association = association.clone();
                return accessors::call(rt, schema, instance, &association, kind, &values);
            }
            match method {
                "toJSON" | "get"
                    if values.is_empty()
                        || values.first().is_some_and(|v| v.get("plain").is_some()) =>
                {
                    Ok(Value::Object(instance.borrow().values.clone()))
                }
                "get" => Ok(match values.first() {
                    Some(Value::Str(key)) => instance
                        .borrow()
                        .get(key)
                        .cloned()
                        .unwrap_or(Value::Undefined),
                    _ => Value::Undefined,
                }),
                "set" => {
                    if let Some(Value::Str(key)) = values.first() {
                        assign(
                            schema,
                            instance,
                            key,
                            values.get(1).cloned().unwrap_or(Value::Undefined),
                        );
                    } else if let Some(Value::Object(props)) = values.first() {
                        for (key, value) in props {
                            assign(schema, instance, key, value.clone());
                        }
                    }
                    Ok(Value::Instance(instance.clone()))
                }
                "save" => {
                    if instance.borrow().is_new_record {
                        write::insert(rt, schema, instance, &[])?;
                    } else {
                        let changed = instance.borrow().changed.clone();
                        write::update(rt, schema, instance, &changed)?;
                    }
                    Ok(Value::Instance(instance.clone()))
                }
                "destroy" => {
                    write::destroy_instance(rt, schema, instance)?;
                    Ok(Value::Instance(instance.clone()))
                }
                "update" => {
                    if let Some(Value::Object(props)) = values.first() {
                        for (key, value) in props {
                            let unchanged = instance
                                .borrow()
                                .get(key)
                                .is_some_and(|old| same(old, value));
                            if !unchanged {
                                assign(schema, instance, key, value.clone());
                            }
                        }
                    }
                    let changed = instance.borrow().changed.clone();
                    write::update(rt, schema, instance, &changed)?;
                    Ok(Value::Instance(instance.clone()))
                }
                _ => Err(SequelizeError::new(
                    ErrorName::TypeError,
                    format!("{method} is not a function"),
                )),
            }
        })();
        match result {
            Ok(value) => Ok(Some(value)),
            Err(error)
                if error.name == ErrorName::TypeError
                    && error.message.ends_with("is not a function") =>
            {
                // Node names the expression: `tom.getPug is not a function`.
                let model = self.schema.model(instance.borrow().model);
                let receiver = object
                    .path()
                    .map(|p| p.join("."))
                    .unwrap_or_else(|| crate::assoc::inflect::lower_first(&model.name));
                let accessors = model.accessor_names();
                let mut error = SequelizeError::new(
                    ErrorName::TypeError,
                    format!("{receiver}.{method} is not a function"),
                );
                if let Some(close) = crate::diagnostic::closest(method, accessors) {
                    error = error.with_hint(format!("did you mean {receiver}.{close}()?"));
                }
                Err(thrown(error, span))
            }
            Err(error) => Err(thrown(error, span)),
        }
    }
}

/// A name the snippet never defined, passed to a query or `console.log`, is what Node
/// reports: a ReferenceError where the name is used. (Only association and `define`
/// calls stand in models for undefined names.)
fn reject_unbound(values: &[Value]) -> Eval<()> {
    fn find(value: &Value) -> Option<(&str, Span)> {
        match value {
            Value::Unbound(name, span) => Some((name, *span)),
            Value::Array(items) => items.iter().find_map(find),
            Value::Object(props) => props.iter().find_map(|(_, v)| find(v)),
            _ => None,
        }
    }
    match values.iter().find_map(find) {
        Some((name, span)) => throw(
            SequelizeError {
                name: ErrorName::ReferenceError,
                message: format!("{name} is not defined"),
                at: None,
                hint: None,
            },
            span,
        ),
        None => Ok(()),
    }
}

fn thrown(error: SequelizeError, span: Span) -> super::Flow {
    super::Flow::Throw(super::Thrown { error, span })
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Number(x), Value::Number(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Null, Value::Null) => true,
        _ => false,
    }
}
