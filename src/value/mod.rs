//! The plain values the runtime and the schema rules read and make: JavaScript data
//! (numbers, strings, arrays, objects as property lists), dates, model instances (shared
//! with the interpreter), and the Sequelize objects an option can name (a model, a data
//! type, an operator). The interpreter's own values, shared by reference, are
//! `interpret::heap`; it hands the runtime snapshots of them as these.

mod instance;
mod json;
mod sql;

pub use instance::{Instance, InstanceRef};
pub use json::{from_json, to_json};
pub use sql::SqlExpr;

use crate::schema::ModelId;
use crate::sql::DataType;

#[derive(Clone, Debug)]
pub enum Value {
    Undefined,
    Null,
    Bool(bool),
    Number(f64),
    Str(String),
    Array(Vec<Value>),
    /// Properties in insertion order; an operator key is written `Symbol(gt)`.
    Object(Vec<(String, Value)>),
    /// A Sequelize instance (`sequelize`, `new Sequelize(…)`): all stand for one database.
    Sequelize,
    DataTypes,
    DataType(DataType),
    /// The `Op` namespace and one of its operators (`Op.gt`).
    Op,
    OpSymbol(String),
    Model(ModelId),
    /// A row as a Sequelize instance (`await Pug.create(…)`).
    Instance(InstanceRef),
    /// A JavaScript `Date`, in milliseconds since the epoch.
    Date(i64),
    /// A function (a getter, a validator, a hook): the runtime does not call it.
    Function,
    /// `sequelize.fn(…)`, `col`, `literal`, `cast`, `where`.
    Sql(std::rc::Rc<SqlExpr>),
    /// A value the playground does not model.
    Opaque,
}

impl Value {
    pub fn truthy(&self) -> bool {
        match self {
            Value::Undefined | Value::Null => false,
            Value::Bool(b) => *b,
            Value::Number(n) => *n != 0.0 && !n.is_nan(),
            Value::Str(s) => !s.is_empty(),
            _ => true,
        }
    }

    /// An own property of a plain object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(props) => props.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// What `typeof` and error messages call it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Undefined => "undefined",
            Value::Null => "object",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::Str(_) => "string",
            Value::Function | Value::Model(_) | Value::DataType(_) => "function",
            _ => "object",
        }
    }
}
