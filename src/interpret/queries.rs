//! The calls that need the SQL engine — `sync`, `create`, `findAll`, instance methods,
//! `console.log` — handed from the interpreter to the [`crate::runtime`].

use super::{throw, Eval, Interpreter};
use crate::diagnostic::Span;
use crate::error::{ErrorName, SequelizeError};
use crate::runtime::{calls, StepEnd};
use crate::schema::sync_order::sync_order;
use crate::syntax::ast::Expr;
use crate::value::Value;
use crate::value::{to_json, InstanceRef};

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
        if !calls::MODEL_METHODS.contains(&method) {
            return Ok(None);
        }
        let values = self.arguments(args)?;
        reject_unbound(&values)?;
        let schema = &self.schema;
        let rt = self.runtime.as_mut().expect("checked");
        let result = calls::model_call(rt, schema, id, method, &values);
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
        let result = calls::instance_call(rt, schema, instance, method, &values);
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
