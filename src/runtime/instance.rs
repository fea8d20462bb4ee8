//! How stored rows become model instances: each cell as the value Sequelize (with
//! node-postgres) hands back, in Sequelize's key order.

use serde_json::Value as Json;

use super::store::{Cell, Row};
use crate::schema::{Model, ModelId};
use crate::value::{from_json, Instance, Value};

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
        let attribute = crate::plan::source_of(renamed, key);
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
