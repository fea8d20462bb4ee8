//! How stored rows become model instances: each cell as the value Sequelize (with
//! node-postgres) hands back, in Sequelize's key order.

use serde_json::Value as Json;

use super::store::{Cell, Row};
use crate::schema::{Model, ModelId};
use crate::sql::Dialect;
use crate::value::{from_json, Instance, Value};

/// A stored cell as the value Sequelize (with the dialect's driver) hands back for
/// `attribute`.
pub fn value_of(model: &Model, attribute: &str, cell: Cell, dialect: Dialect) -> Value {
    let data_type = model
        .attribute(attribute)
        .and_then(|a| a.data_type.as_ref());
    let key = data_type.map(|t| t.key.as_str()).unwrap_or("");
    match (key, cell) {
        (_, Cell::Null) => Value::Null,
        ("DATE", Cell::Int(ms)) => Value::Date(ms),
        // node-postgres hands back an int8 as a string; mysql2 and sqlite3 a number.
        ("BIGINT", Cell::Int(i)) if dialect == Dialect::Postgres => Value::Str(i.to_string()),
        ("DECIMAL" | "NUMERIC", Cell::Float(n)) if dialect != Dialect::Sqlite => {
            Value::Str(decimal_text(n, data_type.and_then(decimal_scale), dialect))
        }
        ("JSON" | "JSONB", Cell::Text(text)) => serde_json::from_str::<Json>(&text)
            .map(from_json)
            .unwrap_or(Value::Str(text)),
        (_, Cell::Int(i)) => Value::Number(i as f64),
        (_, Cell::Float(f)) => Value::Number(f),
        (_, Cell::Bool(b)) => Value::Bool(b),
        (_, Cell::Text(s)) => Value::Str(s),
    }
}

/// A value of a raw row (`raw: true`, a grouped count) as the driver hands it over
/// without Sequelize's parsing: mysql2 and sqlite3 give a BOOLEAN as 1 or 0; sqlite3
/// gives a DATE and a JSON column as the text stored (Sequelize's sqlite query parses
/// column types only for instances).
pub fn raw_value(value: Value, dialect: Dialect) -> Value {
    match value {
        Value::Bool(b) if dialect != Dialect::Postgres => Value::Number(f64::from(u8::from(b))),
        Value::Date(ms) if dialect == Dialect::Sqlite => {
            let iso = crate::js::iso_date(ms);
            Value::Str(format!("{} {} +00:00", &iso[..10], &iso[11..23]))
        }
        json @ (Value::Object(_) | Value::Array(_)) if dialect == Dialect::Sqlite => {
            Value::Str(serde_json::to_string(&crate::value::to_json(&json)).unwrap_or_default())
        }
        other => other,
    }
}

/// The scale of `DECIMAL(10, 2)` (2); `None` when none was given.
pub fn decimal_scale(data_type: &crate::sql::types::DataType) -> Option<usize> {
    data_type.decimals.as_deref()?.trim().parse().ok()
}

/// The decimals a DECIMAL of `scale` keeps on PostgreSQL and MySQL: its scale; without
/// one, none on MySQL (its DECIMAL is DECIMAL(10,0)) and, on PostgreSQL, the number as
/// written (`None`).
pub fn kept_decimals(scale: Option<usize>, dialect: Dialect) -> Option<usize> {
    match (scale, dialect) {
        (Some(scale), _) => Some(scale),
        (None, Dialect::Mysql) => Some(0),
        (None, _) => None,
    }
}

/// A DECIMAL as PostgreSQL and MySQL give it back: with the decimals it keeps.
pub fn decimal_text(n: f64, scale: Option<usize>, dialect: Dialect) -> String {
    match kept_decimals(scale, dialect) {
        Some(kept) => format!("{:.kept$}", crate::js::round_decimal(n, kept)),
        None => crate::js::format_number(n),
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
    dialect: Dialect,
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
            .push((key.clone(), value_of(model, attribute, cell, dialect)));
    }
    instance
}
