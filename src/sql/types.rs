//! `DataTypes.*`: what the snippet asked for, and how each dialect writes it in SQL.
//!
//! The spellings follow Sequelize 6's own data-type classes per dialect (recorded in
//! `tests/types/expected.json`): PostgreSQL drops `UNSIGNED` and integer lengths, SQLite
//! drops them for integers but keeps them for floats, MySQL keeps everything.

use super::Dialect;

/// The data types the playground knows, by their `DataTypes` member name.
pub const KNOWN_TYPES: &[&str] = &[
    "STRING",
    "CHAR",
    "TEXT",
    "CITEXT",
    "INTEGER",
    "BIGINT",
    "SMALLINT",
    "TINYINT",
    "MEDIUMINT",
    "FLOAT",
    "REAL",
    "DOUBLE",
    "DECIMAL",
    "NUMBER",
    "BOOLEAN",
    "DATE",
    "DATEONLY",
    "TIME",
    "NOW",
    "UUID",
    "UUIDV1",
    "UUIDV4",
    "ENUM",
    "JSON",
    "JSONB",
    "BLOB",
    "INET",
    "CIDR",
    "MACADDR",
    "HSTORE",
    "VIRTUAL",
    "GEOMETRY",
    "GEOGRAPHY",
    "TSVECTOR",
    "ARRAY",
    "RANGE",
];

/// One `DataTypes` value: its key plus the arguments and flags it was given.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DataType {
    /// `STRING`, `INTEGER`, … (`DOUBLE PRECISION` is `DOUBLE`).
    pub key: String,
    /// `STRING(100)`, `INTEGER(11)`, `FLOAT(11, 2)` → `100`, `11`, `11`; `TEXT('tiny')` → `tiny`.
    pub length: Option<String>,
    /// The second number of `FLOAT(11, 2)` / `DECIMAL(10, 2)`.
    pub decimals: Option<String>,
    pub unsigned: bool,
    pub zerofill: bool,
    pub binary: bool,
    /// `ENUM('a', 'b')`.
    pub values: Vec<String>,
    /// `ARRAY(DataTypes.STRING)`: the elements' type.
    pub element: Option<Box<DataType>>,
}

impl DataType {
    pub fn new(key: &str) -> DataType {
        DataType {
            key: key.to_string(),
            ..DataType::default()
        }
    }

    pub fn is_integer(&self) -> bool {
        matches!(
            self.key.as_str(),
            "INTEGER" | "BIGINT" | "SMALLINT" | "TINYINT" | "MEDIUMINT"
        )
    }

    fn is_float(&self) -> bool {
        matches!(self.key.as_str(), "FLOAT" | "REAL" | "DOUBLE")
    }

    /// Not stored in a column (`VIRTUAL`).
    pub fn is_virtual(&self) -> bool {
        self.key == "VIRTUAL"
    }

    /// A value type, not a column type (`NOW`, `UUIDV4`): only meaningful as a default.
    pub fn is_default_marker(&self) -> bool {
        matches!(self.key.as_str(), "NOW" | "UUIDV1" | "UUIDV4")
    }

    fn sql_key(&self) -> &str {
        if self.key == "DOUBLE" {
            "DOUBLE PRECISION"
        } else {
            &self.key
        }
    }

    /// The type as `dialect` writes it in `CREATE TABLE` (before ENUM naming on PostgreSQL).
    pub fn sql(&self, dialect: Dialect) -> String {
        let key = self.sql_key();
        match self.key.as_str() {
            // Sequelize writes PostgreSQL's array type for every dialect (the others
            // refuse it when the table is created).
            "ARRAY" => match &self.element {
                Some(element) => format!("{}[]", element.sql(Dialect::Postgres)),
                None => "ARRAY".into(),
            },
            "STRING" | "CHAR" => {
                let base = if self.key == "STRING" {
                    "VARCHAR"
                } else {
                    "CHAR"
                };
                let length = self.length.as_deref().unwrap_or("255");
                match (dialect, self.binary) {
                    (Dialect::Postgres, true) => "BYTEA".into(),
                    (Dialect::Mysql, true) => format!("{base}({length}) BINARY"),
                    (Dialect::Sqlite, true) => format!("{base} BINARY({length})"),
                    (_, false) => format!("{base}({length})"),
                }
            }
            "TEXT" => match (dialect, self.length.as_deref()) {
                (Dialect::Mysql, Some(size @ ("tiny" | "medium" | "long"))) => {
                    format!("{}TEXT", size.to_uppercase())
                }
                _ => "TEXT".into(),
            },
            "CITEXT" if !dialect.has_citext() => "TEXT COLLATE NOCASE".into(),
            "BLOB" => match (dialect, self.length.as_deref()) {
                (Dialect::Postgres, _) => "BYTEA".into(),
                (_, Some(size @ ("tiny" | "medium" | "long"))) => {
                    format!("{}BLOB", size.to_uppercase())
                }
                _ => "BLOB".into(),
            },
            "BOOLEAN" if !dialect.has_boolean() => "TINYINT(1)".into(),
            "DATE" => match dialect {
                Dialect::Postgres => "TIMESTAMP WITH TIME ZONE".into(),
                Dialect::Mysql => match &self.length {
                    Some(precision) => format!("DATETIME({precision})"),
                    None => "DATETIME".into(),
                },
                Dialect::Sqlite => "DATETIME".into(),
            },
            "DATEONLY" => "DATE".into(),
            "UUID" if !dialect.has_uuid() => "CHAR(36) BINARY".into(),
            "ENUM" => match dialect {
                Dialect::Postgres => "ENUM".into(),
                Dialect::Mysql => format!("ENUM({})", self.quoted_values(dialect)),
                Dialect::Sqlite => "TEXT".into(),
            },
            _ if self.is_integer() => match dialect {
                Dialect::Postgres => key.into(),
                Dialect::Sqlite => format!("{key}{}", self.length_suffix(false)),
                Dialect::Mysql => {
                    format!("{key}{}{}", self.length_suffix(false), self.sign_flags())
                }
            },
            _ if self.is_float() => match dialect {
                // PostgreSQL keeps a lone precision on FLOAT only: FLOAT(11), but REAL, DOUBLE PRECISION.
                Dialect::Postgres if self.key == "FLOAT" && self.decimals.is_none() => {
                    format!("{key}{}", self.length_suffix(false))
                }
                Dialect::Postgres => key.into(),
                _ => format!("{key}{}{}", self.length_suffix(true), self.sign_flags()),
            },
            "DECIMAL" => {
                let flags = if dialect.has_unsigned_decimal() {
                    self.sign_flags()
                } else {
                    String::new()
                };
                format!("{key}{}{flags}", self.length_suffix(true))
            }
            _ => key.into(),
        }
    }

    /// The type's name in a report: PostgreSQL's spelling, as Sequelize's `toSql()` gives it.
    pub fn report_name(&self) -> String {
        self.sql(Dialect::Postgres)
    }

    /// `(11)` or, with `decimals`, `(11,2)`; empty when no length was given.
    fn length_suffix(&self, with_decimals: bool) -> String {
        match (&self.length, &self.decimals) {
            (Some(length), Some(decimals)) if with_decimals => format!("({length},{decimals})"),
            (Some(length), _) => format!("({length})"),
            _ => String::new(),
        }
    }

    fn sign_flags(&self) -> String {
        let mut flags = String::new();
        if self.unsigned {
            flags.push_str(" UNSIGNED");
        }
        if self.zerofill {
            flags.push_str(" ZEROFILL");
        }
        flags
    }

    /// `'a', 'b'`: ENUM values as string literals of `dialect`.
    pub fn quoted_values(&self, dialect: Dialect) -> String {
        self.values
            .iter()
            .map(|v| dialect.quote_string(v))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
