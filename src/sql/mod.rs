//! SQL text as Sequelize writes it: the [`Dialect`]s and their differences, and the
//! `CREATE TABLE` statements of `sync()` ([`ddl`]).

pub mod ddl;

use serde::Serialize;

/// The SQL dialects the playground can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    Postgres,
    Mysql,
    Sqlite,
}

impl Dialect {
    pub const ALL: [Dialect; 3] = [Dialect::Postgres, Dialect::Mysql, Dialect::Sqlite];

    pub fn name(self) -> &'static str {
        match self {
            Dialect::Postgres => "postgres",
            Dialect::Mysql => "mysql",
            Dialect::Sqlite => "sqlite",
        }
    }

    pub fn from_name(name: &str) -> Option<Dialect> {
        Dialect::ALL.into_iter().find(|d| d.name() == name)
    }

    /// `"pugs"` on PostgreSQL, `` `pugs` `` elsewhere.
    pub fn quote_identifier(self, name: &str) -> String {
        match self {
            Dialect::Postgres => format!("\"{}\"", name.replace('"', "\"\"")),
            Dialect::Mysql | Dialect::Sqlite => format!("`{}`", name.replace('`', "``")),
        }
    }

    /// A string literal: MySQL escapes with backslashes, the others double the quote.
    pub fn quote_string(self, value: &str) -> String {
        match self {
            Dialect::Mysql => {
                let mut out = String::with_capacity(value.len() + 2);
                out.push('\'');
                for c in value.chars() {
                    match c {
                        '\0' => out.push_str("\\0"),
                        '\u{8}' => out.push_str("\\b"),
                        '\t' => out.push_str("\\t"),
                        '\u{1a}' => out.push_str("\\z"),
                        '\n' => out.push_str("\\n"),
                        '\r' => out.push_str("\\r"),
                        '"' | '\'' | '\\' => {
                            out.push('\\');
                            out.push(c);
                        }
                        _ => out.push(c),
                    }
                }
                out.push('\'');
                out
            }
            Dialect::Postgres | Dialect::Sqlite => format!("'{}'", value.replace('\'', "''")),
        }
    }
}
