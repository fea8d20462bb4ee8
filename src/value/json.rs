//! Values to and from JSON: `JSON.parse(JSON.stringify(value))` as the report shows
//! values, and JSON columns read back as values.

use serde_json::{Map, Number, Value as Json};

use super::Value;
use crate::js::iso_date;

/// A JSON value as the JavaScript value `JSON.parse` makes of it.
pub fn from_json(json: Json) -> Value {
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
                .filter(|(_, v)| !matches!(v, Value::Undefined | Value::Function))
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
        Value::Sql(expr) => sql_json(expr),
        // A promise, a model, a function: JSON.stringify gives `{}` (or nothing).
        _ => Json::Object(Map::new()),
    }
}

/// A SQL piece's own fields, as `JSON.stringify` shows Sequelize's objects for them.
fn sql_json(expr: &super::SqlExpr) -> Json {
    Json::Object(
        expr.fields()
            .into_iter()
            .map(|(k, v)| (k.to_string(), to_json(&v)))
            .collect(),
    )
}
