//! Model instances: their `dataValues` in Sequelize's key order, how rows become
//! instances, and `toJSON`.

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::{Map, Number, Value as Json};

use super::iso_date;
use super::store::{Cell, Row};
use crate::interpret::value::Value;
use crate::schema::{Model, ModelId};

pub type InstanceRef = Rc<RefCell<Instance>>;

#[derive(Debug)]
pub struct Instance {
    pub model: ModelId,
    /// `dataValues`, in insertion order; included associations live here too.
    pub values: Vec<(String, Value)>,
    pub is_new_record: bool,
    /// Attributes set since the last save.
    pub changed: Vec<String>,
}

impl Instance {
    pub fn new(model: ModelId) -> Instance {
        Instance {
            model,
            values: Vec::new(),
            is_new_record: true,
            changed: Vec::new(),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.values.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Sets a value; a key that exists keeps its place, as in a JavaScript object.
    pub fn set(&mut self, key: &str, value: Value) {
        match self.values.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = value,
            None => self.values.push((key.to_string(), value)),
        }
    }

    /// A copy with its own data values (included instances stay shared).
    pub fn duplicate(&self) -> Instance {
        Instance {
            model: self.model,
            values: self.values.clone(),
            is_new_record: self.is_new_record,
            changed: self.changed.clone(),
        }
    }

    pub fn into_ref(self) -> InstanceRef {
        Rc::new(RefCell::new(self))
    }
}

/// A stored cell as the value Sequelize (with node-postgres) hands back for `attribute`.
pub fn value_of(model: &Model, attribute: &str, cell: Cell) -> Value {
    let key = model
        .attribute(attribute)
        .and_then(|a| a.data_type.as_ref())
        .map(|t| t.key.as_str())
        .unwrap_or("");
    match (key, cell) {
        (_, Cell::Null) => Value::Null,
        ("DATE", Cell::Int(ms)) => Value::Date(ms),
        ("JSON" | "JSONB", Cell::Text(text)) => serde_json::from_str::<Json>(&text)
            .map(from_json)
            .unwrap_or(Value::Str(text)),
        (_, Cell::Int(i)) => Value::Number(i as f64),
        (_, Cell::Float(f)) => Value::Number(f),
        (_, Cell::Bool(b)) => Value::Bool(b),
        (_, Cell::Text(s)) => Value::Str(s),
    }
}

/// A fetched row as an instance: the selected attributes in attribute order.
/// An instance of the attributes `keys` read from a stored row; `renamed` says which
/// keys are aliases of which attribute (`attributes: [['name', 'title']]`).
pub fn from_row(
    id: ModelId,
    model: &Model,
    row: &Row,
    keys: &[String],
    renamed: &[(String, String)],
) -> Instance {
    let mut instance = Instance::new(id);
    instance.is_new_record = false;
    instance.values.reserve(keys.len());
    for key in keys {
        let attribute = super::find::source_of(renamed, key);
        let cell = match model.attribute(attribute).and_then(|a| a.field.as_deref()) {
            Some(field) => row.iter().find(|(c, _)| **c == *field),
            None => row.iter().find(|(c, _)| **c == *attribute),
        };
        let cell = cell.map_or(Cell::Null, |(_, v)| v.clone());
        instance
            .values
            .push((key.clone(), value_of(model, attribute, cell)));
    }
    instance
}

fn from_json(json: Json) -> Value {
    match json {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(b),
        Json::Number(n) => Value::Number(n.as_f64().unwrap_or(0.0)),
        Json::String(s) => Value::Str(s),
        Json::Array(items) => Value::Array(items.into_iter().map(from_json).collect()),
        Json::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, from_json(v))).collect())
        }
    }
}

fn number(n: f64) -> Json {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        Json::Number(Number::from(n as i64))
    } else {
        Number::from_f64(n).map_or(Json::Null, Json::Number)
    }
}

/// `JSON.parse(JSON.stringify(value))`: instances become plain objects, dates ISO strings.
pub fn to_json(value: &Value) -> Json {
    match value {
        Value::Undefined | Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => number(*n),
        Value::Str(s) => Json::String(s.clone()),
        Value::Date(ms) => Json::String(iso_date(*ms)),
        Value::Array(items) => Json::Array(items.iter().map(to_json).collect()),
        Value::Object(props) => Json::Object(
            props
                .iter()
                .filter(|(_, v)| !matches!(v, Value::Undefined | Value::Function(_)))
                .map(|(k, v)| (k.clone(), to_json(v)))
                .collect::<Map<String, Json>>(),
        ),
        Value::Instance(instance) => Json::Object(
            instance
                .borrow()
                .values
                .iter()
                .filter(|(_, v)| !matches!(v, Value::Undefined))
                .map(|(k, v)| (k.clone(), to_json(v)))
                .collect::<Map<String, Json>>(),
        ),
        // A promise, a model, a function: JSON.stringify gives `{}` (or nothing).
        _ => Json::Object(Map::new()),
    }
}
