//! The SQL dialects and their differences: quoting, literals, and how each one spells
//! Sequelize's data types ([`types`]). The statements themselves are written above
//! this layer (`ddl` for `sync()`, the runtime's log for queries); [`respell`] turns a
//! logged statement of PostgreSQL's into MySQL's or SQLite's, and [`refusal`] words a
//! database's errors as each database does.

pub mod format;
pub mod refusal;
pub mod respell;
pub mod types;

pub use types::DataType;

/// The database a PostgreSQL run is in: the recorder's, so that the catalog queries
/// that name it read as recorded.
pub const POSTGRES_DATABASE: &str = "postgres";

/// Sequelize's `getForeignKeyReferencesForTable` query on PostgreSQL or MySQL (the
/// catalog look-up `sequelize.drop()` makes before dropping tables in definition order).
pub fn foreign_key_references_query(dialect: Dialect, table: &str) -> String {
    match dialect {
        Dialect::Mysql => format!(
            "SELECT CONSTRAINT_NAME as constraint_name,CONSTRAINT_NAME as constraintName,CONSTRAINT_SCHEMA as constraintSchema,CONSTRAINT_SCHEMA as constraintCatalog,TABLE_NAME as tableName,TABLE_SCHEMA as tableSchema,TABLE_SCHEMA as tableCatalog,COLUMN_NAME as columnName,REFERENCED_TABLE_SCHEMA as referencedTableSchema,REFERENCED_TABLE_SCHEMA as referencedTableCatalog,REFERENCED_TABLE_NAME as referencedTableName,REFERENCED_COLUMN_NAME as referencedColumnName FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE where TABLE_NAME = '{table}' AND CONSTRAINT_NAME!='PRIMARY' AND CONSTRAINT_SCHEMA='{}' AND REFERENCED_TABLE_NAME IS NOT NULL;",
            refusal::MYSQL_DATABASE
        ),
        _ => format!(
            "SELECT DISTINCT tc.constraint_name as constraint_name, tc.constraint_schema as constraint_schema, tc.constraint_catalog as constraint_catalog, tc.table_name as table_name,tc.table_schema as table_schema,tc.table_catalog as table_catalog,tc.initially_deferred as initially_deferred,tc.is_deferrable as is_deferrable,kcu.column_name as column_name,ccu.table_schema  AS referenced_table_schema,ccu.table_catalog  AS referenced_table_catalog,ccu.table_name  AS referenced_table_name,ccu.column_name AS referenced_column_name FROM information_schema.table_constraints AS tc JOIN information_schema.key_column_usage AS kcu ON tc.constraint_name = kcu.constraint_name JOIN information_schema.constraint_column_usage AS ccu ON ccu.constraint_name = tc.constraint_name WHERE constraint_type = 'FOREIGN KEY' AND tc.table_name = '{table}' AND tc.table_catalog = '{POSTGRES_DATABASE}'"
        ),
    }
}

use serde::Serialize;

/// The SQL dialects the playground can show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    #[default]
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

    /// The database's own name, as a learner reads it.
    pub fn title(self) -> &'static str {
        match self {
            Dialect::Postgres => "PostgreSQL",
            Dialect::Mysql => "MySQL",
            Dialect::Sqlite => "SQLite",
        }
    }

    pub fn from_name(name: &str) -> Option<Dialect> {
        Dialect::ALL.into_iter().find(|d| d.name() == name)
    }

    /// `"pugs"` on PostgreSQL, `` `pugs` `` elsewhere.
    pub fn quote_identifier(self, name: &str) -> String {
        let mut quoted = String::with_capacity(name.len() + 2);
        self.push_identifier(&mut quoted, name);
        quoted
    }

    /// [`Dialect::quote_identifier`] written onto `out` (the DDL writes many of them).
    pub fn push_identifier(self, out: &mut String, name: &str) {
        let quote = match self {
            Dialect::Postgres => '"',
            Dialect::Mysql | Dialect::Sqlite => '`',
        };
        out.push(quote);
        for c in name.chars() {
            if c == quote {
                out.push(quote);
            }
            out.push(c);
        }
        out.push(quote);
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

    /// Whether an INSERT can say `RETURNING` (elsewhere Sequelize learns only the new id,
    /// from the driver).
    pub fn has_returning(self) -> bool {
        self == Dialect::Postgres
    }

    /// Whether `ORDER BY … ASC` lists NULLs first (MySQL and SQLite take NULL for the
    /// smallest value; PostgreSQL for the largest).
    pub fn nulls_first_ascending(self) -> bool {
        self != Dialect::Postgres
    }

    /// Whether LIKE tells upper from lower case (MySQL's default collation and SQLite's
    /// LIKE do not).
    pub fn has_case_sensitive_like(self) -> bool {
        self == Dialect::Postgres
    }

    /// Whether `BOOLEAN` is a type of its own (elsewhere it is `TINYINT(1)`).
    pub fn has_boolean(self) -> bool {
        self == Dialect::Postgres
    }

    /// Whether `CITEXT` is a type (SQLite writes `TEXT COLLATE NOCASE`).
    pub fn has_citext(self) -> bool {
        self != Dialect::Sqlite
    }

    /// Whether `UUID` is a type (MySQL keeps uuids as `CHAR(36) BINARY`).
    pub fn has_uuid(self) -> bool {
        self != Dialect::Mysql
    }

    /// Whether `DECIMAL` keeps `UNSIGNED` and `ZEROFILL` (MySQL's only).
    pub fn has_unsigned_decimal(self) -> bool {
        self == Dialect::Mysql
    }

    /// The word after NOT NULL that makes a column count by itself (` SERIAL` on
    /// PostgreSQL, ` auto_increment` on MySQL; SQLite's comes after PRIMARY KEY).
    pub fn auto_increment_word(self) -> Option<&'static str> {
        match self {
            Dialect::Postgres => Some(" SERIAL"),
            Dialect::Mysql => Some(" auto_increment"),
            Dialect::Sqlite => None,
        }
    }

    /// SQLite's ` AUTOINCREMENT`, written after PRIMARY KEY.
    pub fn primary_key_auto_increment_word(self) -> Option<&'static str> {
        (self == Dialect::Sqlite).then_some(" AUTOINCREMENT")
    }

    /// Whether every column type takes a DEFAULT (MySQL refuses one on BLOB, TEXT,
    /// GEOMETRY, JSON and binary strings, and Sequelize leaves it out).
    pub fn defaults_on_every_type(self) -> bool {
        self != Dialect::Mysql
    }

    /// Whether a column's `comment` is written into its definition (MySQL's COMMENT).
    pub fn has_column_comments(self) -> bool {
        self == Dialect::Mysql
    }

    /// Whether ENUMs are named types of their own (PostgreSQL's `enum_table_column`).
    pub fn names_enum_types(self) -> bool {
        self == Dialect::Postgres
    }
}
