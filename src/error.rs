//! What a snippet throws: one error type for everything Sequelize, the database or
//! V8 would throw, with its name from a closed set spelled as they spell it, the exact
//! message, and where and how to fix it when the playground can tell.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Span;

/// The `name` of a thrown error, serialized as JavaScript prints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ErrorName {
    Error,
    TypeError,
    ReferenceError,
    RangeError,
    SequelizeAssociationError,
    SequelizeDatabaseError,
    SequelizeEagerLoadingError,
    SequelizeEmptyResultError,
    SequelizeForeignKeyConstraintError,
    SequelizeInstanceError,
    SequelizeScopeError,
    SequelizeUniqueConstraintError,
    SequelizeValidationError,
    /// `bulkCreate(records, { validate: true })`'s, holding each record's error.
    AggregateError,
}

impl ErrorName {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorName::Error => "Error",
            ErrorName::TypeError => "TypeError",
            ErrorName::ReferenceError => "ReferenceError",
            ErrorName::RangeError => "RangeError",
            ErrorName::SequelizeAssociationError => "SequelizeAssociationError",
            ErrorName::SequelizeDatabaseError => "SequelizeDatabaseError",
            ErrorName::SequelizeEagerLoadingError => "SequelizeEagerLoadingError",
            ErrorName::SequelizeEmptyResultError => "SequelizeEmptyResultError",
            ErrorName::SequelizeForeignKeyConstraintError => "SequelizeForeignKeyConstraintError",
            ErrorName::SequelizeInstanceError => "SequelizeInstanceError",
            ErrorName::SequelizeScopeError => "SequelizeScopeError",
            ErrorName::SequelizeUniqueConstraintError => "SequelizeUniqueConstraintError",
            ErrorName::SequelizeValidationError => "SequelizeValidationError",
            ErrorName::AggregateError => "AggregateError",
        }
    }
}

impl fmt::Display for ErrorName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error Sequelize (or the database, or V8) would throw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SequelizeError {
    pub name: ErrorName,
    pub message: String,
    /// Where exactly the problem is, when finer than the call that threw
    /// (the attribute with the unknown type, say).
    pub at: Option<Span>,
    /// How to fix it, when the playground can tell.
    pub hint: Option<String>,
    /// The error object's other properties, as Sequelize sets them (a unique
    /// violation's `errors` and `fields`).
    pub properties: Vec<(String, serde_json::Value)>,
}

impl SequelizeError {
    pub fn new(name: ErrorName, message: impl Into<String>) -> SequelizeError {
        SequelizeError {
            name,
            message: message.into(),
            at: None,
            hint: None,
            properties: Vec::new(),
        }
    }

    /// A plain `Error` (what Sequelize throws for most definition mistakes).
    pub fn plain(message: impl Into<String>) -> SequelizeError {
        SequelizeError::new(ErrorName::Error, message)
    }

    pub fn association(message: impl Into<String>) -> SequelizeError {
        SequelizeError::new(ErrorName::SequelizeAssociationError, message)
    }

    pub fn type_error(message: impl Into<String>) -> SequelizeError {
        SequelizeError::new(ErrorName::TypeError, message)
    }

    pub fn reference_error(message: impl Into<String>) -> SequelizeError {
        SequelizeError::new(ErrorName::ReferenceError, message)
    }

    /// Adds how to fix it, shown beside the thrown message.
    pub fn with_hint(mut self, hint: impl Into<String>) -> SequelizeError {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a property of the thrown error object.
    pub fn with_property(mut self, name: &str, value: serde_json::Value) -> SequelizeError {
        self.properties.push((name.to_string(), value));
        self
    }

    /// Points the error at `span`, if known.
    pub fn at(mut self, span: Option<Span>) -> SequelizeError {
        self.at = span;
        self
    }
}
