//! The values a snippet computes with: plain JavaScript values plus the handful of
//! Sequelize objects the playground understands (the instance, models, `DataTypes`, `Op`).

mod instance;
mod json;

use std::rc::Rc;

pub use instance::{Instance, InstanceRef};
pub use json::{from_json, to_json};

use crate::schema::ModelId;
use crate::sql::DataType;
use crate::syntax::ast::{Ident, Stmt};

#[derive(Clone, Debug)]
pub enum Value {
    Undefined,
    Null,
    Bool(bool),
    Number(f64),
    Str(String),
    Array(Vec<Value>),
    /// Properties in insertion order.
    Object(Vec<(String, Value)>),
    /// `require('sequelize')`: the `Sequelize` class with `DataTypes`, `Model`, `Op` on it.
    SequelizeModule,
    /// A Sequelize instance (`sequelize`, `db`, `new Sequelize(…)`).
    Sequelize,
    DataTypes,
    DataType(DataType),
    /// The `Op` namespace and one of its operators (`Op.gt`).
    Op,
    OpSymbol(String),
    /// The base `Model` class.
    ModelClass,
    /// `class Pug extends Model {}` before `Pug.init(…)`.
    PendingClass(String),
    Model(ModelId),
    /// A row as a Sequelize instance (`await Pug.create(…)`).
    Instance(InstanceRef),
    /// What an asynchronous Sequelize method returns; `await` gives the value inside.
    Promise(Box<Value>),
    /// A JavaScript `Date`, in milliseconds since the epoch.
    Date(i64),
    Function(Rc<Function>),
    Console,
    /// A `const`/`let`/`class` name before its declaration ran (JavaScript's
    /// temporal dead zone).
    Uninitialized,
    /// A name the snippet never defined, and where it was used.
    Unbound(String, crate::diagnostic::Span),
    /// A value the playground does not model (a query result before the runtime, a module
    /// other than sequelize); property access and calls on it give more of the same.
    Opaque,
}

#[derive(Debug)]
pub struct Function {
    pub params: Vec<Ident>,
    pub body: Vec<Stmt>,
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
            Value::Function(_)
            | Value::Model(_)
            | Value::ModelClass
            | Value::PendingClass(_)
            | Value::SequelizeModule
            | Value::DataType(_) => "function",
            _ => "object",
        }
    }
}
