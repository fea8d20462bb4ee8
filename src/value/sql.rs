//! What `sequelize.fn`, `col`, `literal`, `cast` and `where` return: pieces of SQL a
//! snippet puts into a find's `attributes`, `where`, `order`, `group` and `having`.
//! Kept as written; the runtime writes them into the logged SQL and computes them.

use super::Value;

#[derive(Clone, Debug)]
pub enum SqlExpr {
    /// `fn('COUNT', col('id'))`: the function's name as written, and its arguments
    /// (strings are values, `col`/`fn`/… are [`Value::Sql`]).
    Fn { name: String, args: Vec<Value> },
    /// `col('pugs.id')`: a column, as written (`*` too).
    Col(String),
    /// `literal('home + away')`: SQL text, logged as it is.
    Literal(String),
    /// `cast(col('home'), 'TEXT')`.
    Cast { value: Value, type_name: String },
    /// `where(fn('lower', col('name')), Op.eq, 'tom')`: a condition; `op` is the
    /// operator's name (`eq`, `gt`) or the comparison as written (`'>'`), `None` when
    /// left out.
    Where {
        left: Value,
        op: Option<String>,
        right: Value,
    },
}

impl SqlExpr {
    /// Its own fields as Sequelize's object for it holds them (`{ fn, args }`,
    /// `{ col }`, …): what `console.log` and `JSON.stringify` show.
    pub fn fields(&self) -> Vec<(&'static str, Value)> {
        let text = |s: &str| Value::Str(s.to_string());
        match self {
            SqlExpr::Fn { name, args } => {
                vec![("fn", text(name)), ("args", Value::Array(args.clone()))]
            }
            SqlExpr::Col(name) => vec![("col", text(name))],
            SqlExpr::Literal(sql) => vec![("val", text(sql))],
            SqlExpr::Cast { value, type_name } => vec![
                ("val", value.clone()),
                ("type", text(&type_name.to_lowercase())),
                ("json", Value::Bool(false)),
            ],
            SqlExpr::Where { left, op, right } => vec![
                ("attribute", left.clone()),
                ("comparator", text(op.as_deref().unwrap_or("="))),
                ("logic", right.clone()),
            ],
        }
    }

    /// The name Sequelize's classes print for it (`Fn`, `Col`, `Literal`, …).
    pub fn class_name(&self) -> &'static str {
        match self {
            SqlExpr::Fn { .. } => "Fn",
            SqlExpr::Col(_) => "Col",
            SqlExpr::Literal(_) => "Literal",
            SqlExpr::Cast { .. } => "Cast",
            SqlExpr::Where { .. } => "Where",
        }
    }
}

/// Two pieces are equal when they are the same piece (a snippet's values have no
/// other equality that a plan needs).
impl PartialEq for SqlExpr {
    fn eq(&self, other: &SqlExpr) -> bool {
        std::ptr::eq(self, other)
    }
}
