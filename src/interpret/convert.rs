//! Between the interpreter's values and the runtime's plain ones ([`crate::value::Value`]):
//! option objects and rows go down as data (a snapshot, as Sequelize reads its options
//! once), results come back up as new JavaScript objects; instances are shared both ways.

use super::heap::{Callable, Host, JsValue, Key, Kind, Slot};
use super::Interpreter;
use crate::value::Value;

/// Deeper than this, a value is cut (a snapshot of a cycle ends).
const MAX_DEPTH: usize = 32;

impl Interpreter {
    pub(super) fn to_data(&self, value: &JsValue) -> Value {
        self.to_data_at(value, 0)
    }

    fn to_data_at(&self, value: &JsValue, depth: usize) -> Value {
        if depth > MAX_DEPTH {
            return Value::Opaque;
        }
        match value {
            JsValue::Undefined => Value::Undefined,
            JsValue::Null => Value::Null,
            JsValue::Bool(b) => Value::Bool(*b),
            JsValue::Number(n) => Value::Number(*n),
            JsValue::Str(s) => Value::Str(s.to_string()),
            JsValue::Symbol(symbol) if symbol.is_operator => {
                Value::OpSymbol(symbol.description.clone().unwrap_or_default())
            }
            JsValue::Symbol(_) | JsValue::Opaque(_) => Value::Opaque,
            JsValue::Instance(instance) => Value::Instance(instance.clone()),
            JsValue::Object(object) => {
                let b = object.borrow();
                match &b.kind {
                    Kind::Array(items) => Value::Array(
                        items
                            .iter()
                            .map(|v| self.to_data_at(v, depth + 1))
                            .collect(),
                    ),
                    Kind::Date(ms) => Value::Date(*ms as i64),
                    Kind::Host(Host::Sequelize) => Value::Sequelize,
                    Kind::Host(Host::DataTypes) => Value::DataTypes,
                    Kind::Host(Host::DataType(t)) => Value::DataType(t.clone()),
                    Kind::Host(Host::Op) => Value::Op,
                    Kind::Host(Host::Sql(expr)) => Value::Sql(expr.clone()),
                    Kind::Function(Callable::Model(model)) => Value::Model(model.id),
                    Kind::Function(Callable::Class(class)) => match *class.model.borrow() {
                        Some(id) => Value::Model(id),
                        None => Value::Function,
                    },
                    Kind::Function(_) => Value::Function,
                    // A regular expression as its parts (`validate: { is: /^[a-z]+$/i }`).
                    Kind::RegExp { source, flags } => Value::Object(vec![
                        ("source".into(), Value::Str(source.clone())),
                        ("flags".into(), Value::Str(flags.clone())),
                    ]),
                    _ => {
                        let mut props = Vec::with_capacity(b.props.len());
                        for property in b.props.iter().filter(|p| p.enumerable) {
                            let Slot::Value(item) = &property.slot else {
                                continue;
                            };
                            let key = match &property.key {
                                Key::Str(k) => k.to_string(),
                                Key::Symbol(s) => format!(
                                    "Symbol({})",
                                    s.0.description.clone().unwrap_or_default()
                                ),
                            };
                            props.push((key, self.to_data_at(item, depth + 1)));
                        }
                        Value::Object(props)
                    }
                }
            }
        }
    }

    pub(super) fn adopt(&mut self, value: &Value) -> JsValue {
        match value {
            Value::Undefined => JsValue::Undefined,
            Value::Null => JsValue::Null,
            Value::Bool(b) => JsValue::Bool(*b),
            Value::Number(n) => JsValue::Number(*n),
            Value::Str(s) => JsValue::str(s),
            Value::Array(items) => {
                let items = items.iter().map(|v| self.adopt(v)).collect();
                self.array(items)
            }
            Value::Object(props) => {
                let object = self.plain_object();
                if let JsValue::Object(handle) = &object {
                    for (key, item) in props {
                        let item = self.adopt(item);
                        handle
                            .borrow_mut()
                            .set_own(Key::Str(key.as_str().into()), item);
                    }
                }
                object
            }
            Value::Date(ms) => self.date(*ms as f64),
            Value::Instance(instance) => JsValue::Instance(instance.clone()),
            Value::Model(id) => self.model_value(*id),
            Value::Sequelize => self.sequelize_instance.clone(),
            Value::DataType(t) => self.data_type_value(t.clone()),
            Value::OpSymbol(name) => self.symbol(name, true),
            Value::Sql(expr) => self.sql_value(expr.clone()),
            Value::DataTypes | Value::Op | Value::Function | Value::Opaque => {
                JsValue::Opaque("a value the playground does not model".into())
            }
        }
    }
}
