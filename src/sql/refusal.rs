//! What each database says when it refuses a statement, word for word as Sequelize
//! passes it on in the error's message: PostgreSQL's, SQLite's (`SQLITE_ERROR: …`, as
//! npm `sqlite3` prefixes it) and MariaDB's for the mysql dialect.

use super::Dialect;

/// The database a MySQL run is in: the recorder's, so that the messages that name it
/// (a missing table, a foreign key) read as recorded.
pub const MYSQL_DATABASE: &str = "assoc_corpus";

/// The clause a column was named in (MariaDB says which).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clause {
    Select,
    Where,
    Order,
}

/// A statement on a table that `sync()` has not created.
pub fn no_table(dialect: Dialect, table: &str) -> String {
    match dialect {
        Dialect::Postgres => format!("relation \"{table}\" does not exist"),
        Dialect::Mysql => format!("Table '{MYSQL_DATABASE}.{table}' doesn't exist"),
        Dialect::Sqlite => format!("SQLITE_ERROR: no such table: {table}"),
    }
}

/// A column the table does not have, qualified by a table alias or not.
pub fn no_column(dialect: Dialect, qualifier: Option<&str>, name: &str, clause: Clause) -> String {
    let qualified = match qualifier {
        Some(table) => format!("{table}.{name}"),
        None => name.to_string(),
    };
    match (dialect, qualifier) {
        (Dialect::Postgres, Some(_)) => format!("column {qualified} does not exist"),
        (Dialect::Postgres, None) => format!("column \"{name}\" does not exist"),
        (Dialect::Mysql, _) => {
            let clause = match clause {
                Clause::Select => "SELECT",
                Clause::Where => "WHERE",
                Clause::Order => "ORDER BY",
            };
            format!("Unknown column '{qualified}' in '{clause}'")
        }
        (Dialect::Sqlite, _) => format!("SQLITE_ERROR: no such column: {qualified}"),
    }
}

/// A foreign key as the messages about it name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForeignKey<'a> {
    /// The referencing table and column.
    pub table: &'a str,
    pub field: &'a str,
    /// Its place among the table's foreign keys, from 1 (MariaDB's `pugs_ibfk_1`).
    pub number: usize,
    /// The referenced table and column.
    pub references: &'a str,
    pub key: &'a str,
    /// The rules as the table's definition states them (`ON DELETE SET NULL …`).
    pub on_delete: Option<&'a str>,
    pub on_update: Option<&'a str>,
}

/// An INSERT or UPDATE whose key refers to no row.
pub fn child_without_parent(dialect: Dialect, key: &ForeignKey) -> String {
    match dialect {
        Dialect::Postgres => format!(
            "insert or update on table \"{}\" violates foreign key constraint \"{}_{}_fkey\"",
            key.table, key.table, key.field
        ),
        Dialect::Mysql => format!(
            "Cannot add or update a child row: a foreign key constraint fails ({})",
            mariadb_constraint(key)
        ),
        Dialect::Sqlite => "SQLITE_CONSTRAINT: FOREIGN KEY constraint failed".into(),
    }
}

/// Which row a foreign key refused: a child naming no parent (with the record's value
/// of the key, when an instance was written), or a parent `table`'s row children name.
pub enum Refused<'a> {
    Child { value: Option<serde_json::Value> },
    Parent { table: &'a str },
}

/// The properties Sequelize's `ForeignKeyConstraintError` gets from the driver's
/// error (`table`, `fields`, `value`, `index`, `reltype`), read as each dialect's query
/// parser reads its message: PostgreSQL names the first table of its message (the
/// parent's, for a refused DELETE), MySQL the referenced one and whether the refused row
/// is the child or the parent; SQLite's message names none.
pub fn foreign_key_error_properties(
    dialect: Dialect,
    key: &ForeignKey,
    refused: Refused<'_>,
) -> Vec<(&'static str, serde_json::Value)> {
    use serde_json::json;
    match dialect {
        Dialect::Postgres => vec![
            (
                "table",
                json!(match refused {
                    Refused::Parent { table } => table,
                    Refused::Child { .. } => key.table,
                }),
            ),
            ("fields", serde_json::Value::Null),
            ("index", json!(format!("{}_{}_fkey", key.table, key.field))),
        ],
        Dialect::Mysql => {
            let mut properties = vec![
                ("table", json!(key.references)),
                ("fields", json!([key.field])),
            ];
            // `instance[field] || undefined`: a falsy value is left out.
            let truthy = |v: &serde_json::Value| {
                !matches!(v, serde_json::Value::Null | serde_json::Value::Bool(false))
                    && v != &json!(0)
                    && v != &json!("")
            };
            let reltype = match refused {
                Refused::Child { value } => {
                    if let Some(value) = value.filter(truthy) {
                        properties.push(("value", value));
                    }
                    "child"
                }
                Refused::Parent { .. } => "parent",
            };
            properties.push(("index", json!(format!("{}_ibfk_{}", key.table, key.number))));
            properties.push(("reltype", json!(reltype)));
            properties
        }
        Dialect::Sqlite => Vec::new(),
    }
}

/// The driver's own error, as Sequelize keeps it in `parent` and `original`.
pub enum DriverError<'a> {
    /// A row whose foreign key names no row of `key.references`, with the key's value.
    NoParent {
        key: &'a ForeignKey<'a>,
        value: &'a str,
    },
    /// A DELETE of the row `key.references` keeps as `value`, which rows of `key.table`
    /// still name.
    StillReferenced {
        key: &'a ForeignKey<'a>,
        value: &'a str,
    },
    /// A statement on a table the database does not have.
    NoTable { table: &'a str },
    /// A row whose `fields` repeat another's `values`: a `primary` key, or the unique key
    /// `name` (MySQL's index name: the `unique` option's name, or the column's).
    Duplicate {
        table: &'a str,
        fields: &'a [String],
        values: &'a [String],
        primary: bool,
        name: &'a str,
    },
}

/// The statement the driver refused and its bind parameters (none when its values are
/// inline), which Sequelize adds to the driver's error.
pub struct Refusing<'a> {
    pub sql: &'a str,
    pub parameters: Option<serde_json::Value>,
}

/// The driver's error object as `JSON.stringify` shows it: node-postgres's fields of the
/// server's ErrorResponse (PostgreSQL 15's source file, line and routine that raise it;
/// `length` the message's size), mysql2's `code`, `errno`, `sqlState` and `sqlMessage`,
/// sqlite3's `errno` and `code`; then the statement and its parameters.
pub fn driver_error(
    dialect: Dialect,
    error: DriverError<'_>,
    refusing: Refusing<'_>,
) -> serde_json::Value {
    use serde_json::json;
    let object = match dialect {
        Dialect::Postgres => postgres_error(&error, refusing.sql),
        Dialect::Mysql => {
            let (code, errno, message) = match &error {
                DriverError::NoTable { table } => {
                    let message = no_table(dialect, table);
                    return with_statement(
                        dialect,
                        json!({ "code": "ER_NO_SUCH_TABLE", "errno": 1146, "sqlState": "42S02", "sqlMessage": message }),
                        refusing,
                    );
                }
                DriverError::NoParent { key, .. } => (
                    "ER_NO_REFERENCED_ROW_2",
                    1452,
                    child_without_parent(dialect, key),
                ),
                DriverError::StillReferenced { key, .. } => (
                    "ER_ROW_IS_REFERENCED_2",
                    1451,
                    parent_with_children(dialect, key.references, key),
                ),
                DriverError::Duplicate {
                    values,
                    primary,
                    name,
                    ..
                } => (
                    "ER_DUP_ENTRY",
                    1062,
                    format!(
                        "Duplicate entry '{}' for key '{}'",
                        values.join("-"),
                        if *primary { "PRIMARY" } else { name }
                    ),
                ),
            };
            json!({ "code": code, "errno": errno, "sqlState": "23000", "sqlMessage": message })
        }
        Dialect::Sqlite => match error {
            DriverError::NoTable { .. } => json!({ "errno": 1, "code": "SQLITE_ERROR" }),
            _ => json!({ "errno": 19, "code": "SQLITE_CONSTRAINT" }),
        },
    };
    with_statement(dialect, object, refusing)
}

/// The driver's error with the statement Sequelize adds to it.
fn with_statement(
    dialect: Dialect,
    mut object: serde_json::Value,
    refusing: Refusing<'_>,
) -> serde_json::Value {
    if let Some(map) = object.as_object_mut() {
        map.insert("sql".into(), serde_json::json!(refusing.sql));
        // sqlite3 keeps no parameters on its error.
        if let Some(parameters) = refusing.parameters.filter(|_| dialect != Dialect::Sqlite) {
            map.insert("parameters".into(), parameters);
        }
    }
    object
}

/// PostgreSQL's refusal of a missing table: where in the statement the name stands.
fn postgres_no_table(table: &str, sql: &str) -> serde_json::Value {
    let quoted = format!("\"{table}\"");
    let at = sql
        .find(&quoted)
        .or_else(|| sql.find(table))
        .map_or(1, |i| sql[..i].chars().count() + 1)
        .to_string();
    let message = no_table(Dialect::Postgres, table);
    let (file, line, routine) = ("parse_relation.c", "1392", "parserOpenTable");
    let fields = [
        "ERROR", "ERROR", "42P01", &message, &at, file, line, routine,
    ];
    serde_json::json!({
        "length": error_response_length(&fields),
        "name": "error",
        "severity": "ERROR",
        "code": "42P01",
        "position": at,
        "file": file,
        "line": line,
        "routine": routine,
    })
}

/// An ErrorResponse's size: its length word, each field's type byte and text with its
/// terminator, and the closing byte.
fn error_response_length(fields: &[&str]) -> usize {
    4 + fields.iter().map(|f| f.len() + 2).sum::<usize>() + 1
}

/// node-postgres's error: the fields PostgreSQL 15 sends, in its order.
fn postgres_error(error: &DriverError<'_>, sql: &str) -> serde_json::Value {
    use serde_json::json;
    let (code, message, detail, table, constraint, place) = match error {
        DriverError::NoParent { key, value } => (
            "23503",
            child_without_parent(Dialect::Postgres, key),
            format!(
                "Key ({})=({value}) is not present in table \"{}\".",
                key.field, key.references
            ),
            key.table.to_string(),
            format!("{}_{}_fkey", key.table, key.field),
            ("ri_triggers.c", "2596", "ri_ReportViolation"),
        ),
        DriverError::StillReferenced { key, value } => (
            "23503",
            parent_with_children(Dialect::Postgres, key.references, key),
            format!(
                "Key ({})=({value}) is still referenced from table \"{}\".",
                key.key, key.table
            ),
            key.table.to_string(),
            format!("{}_{}_fkey", key.table, key.field),
            ("ri_triggers.c", "2609", "ri_ReportViolation"),
        ),
        DriverError::NoTable { table } => return postgres_no_table(table, sql),
        DriverError::Duplicate {
            table,
            fields,
            values,
            primary,
            ..
        } => {
            let constraint = if *primary {
                format!("{table}_pkey")
            } else {
                format!("{table}_{}_key", fields.join("_"))
            };
            (
                "23505",
                format!("duplicate key value violates unique constraint \"{constraint}\""),
                format!(
                    "Key ({})=({}) already exists.",
                    fields.join(", "),
                    values.join(", ")
                ),
                table.to_string(),
                constraint,
                ("nbtinsert.c", "664", "_bt_check_unique"),
            )
        }
    };
    let (file, line, routine) = place;
    // Severity twice: localized and not.
    let fields = [
        "ERROR",
        "ERROR",
        code,
        &message,
        &detail,
        "public",
        &table,
        &constraint,
        file,
        line,
        routine,
    ];
    let length = error_response_length(&fields);
    json!({
        "length": length,
        "name": "error",
        "severity": "ERROR",
        "code": code,
        "detail": detail,
        "schema": "public",
        "table": table,
        "constraint": constraint,
        "file": file,
        "line": line,
        "routine": routine,
    })
}

/// A DELETE of a row that rows of `key.table` still refer to.
pub fn parent_with_children(dialect: Dialect, parent: &str, key: &ForeignKey) -> String {
    match dialect {
        Dialect::Postgres => format!(
            "update or delete on table \"{parent}\" violates foreign key constraint \"{}_{}_fkey\" on table \"{}\"",
            key.table, key.field, key.table
        ),
        Dialect::Mysql => format!(
            "Cannot delete or update a parent row: a foreign key constraint fails ({})",
            mariadb_constraint(key)
        ),
        Dialect::Sqlite => "SQLITE_CONSTRAINT: FOREIGN KEY constraint failed".into(),
    }
}

/// `DROP TABLE` of a table another table's foreign key references (`None` on SQLite,
/// which drops it after deleting its rows as the children's ON DELETE says).
pub fn referenced_table_drop(dialect: Dialect, table: &str) -> Option<String> {
    match dialect {
        Dialect::Postgres => Some(format!(
            "cannot drop table \"{table}\" because other objects depend on it"
        )),
        Dialect::Mysql => {
            Some("Cannot delete or update a parent row: a foreign key constraint fails".into())
        }
        Dialect::Sqlite => None,
    }
}

/// `` `db`.`pugs`, CONSTRAINT `pugs_ibfk_1` FOREIGN KEY (`ownerId`) REFERENCES `owners` (`id`) ON … ``
/// (MariaDB leaves out RESTRICT and NO ACTION, its defaults).
fn mariadb_constraint(key: &ForeignKey) -> String {
    let q = |name: &str| Dialect::Mysql.quote_identifier(name);
    let mut text = format!(
        "{}.{}, CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {} ({})",
        q(MYSQL_DATABASE),
        q(key.table),
        q(&format!("{}_ibfk_{}", key.table, key.number)),
        q(key.field),
        q(key.references),
        q(key.key)
    );
    for (event, rule) in [("DELETE", key.on_delete), ("UPDATE", key.on_update)] {
        let rule = rule.map(str::to_uppercase);
        if let Some(rule) = rule.filter(|r| r != "RESTRICT" && r != "NO ACTION") {
            text.push_str(&format!(" ON {event} {rule}"));
        }
    }
    text
}

/// The refusal of `n` for the INTEGER column `field`, or `None` where the database takes
/// it: SQLite keeps any number in a column but its INTEGER PRIMARY KEY, and MySQL rounds
/// a fraction.
pub fn not_an_integer(dialect: Dialect, n: f64, field: &str, primary_key: bool) -> Option<String> {
    let text = crate::js::format_number(n);
    let whole = n.is_finite() && n.fract() == 0.0;
    let in_range = n.is_finite() && n.abs() <= f64::from(i32::MAX);
    match dialect {
        Dialect::Postgres if !whole => {
            Some(format!("invalid input syntax for type integer: \"{text}\""))
        }
        Dialect::Postgres if !in_range => {
            Some(format!("value \"{text}\" is out of range for type integer"))
        }
        Dialect::Mysql if !in_range => {
            Some(format!("Out of range value for column '{field}' at row 1"))
        }
        Dialect::Sqlite if primary_key && !whole => {
            Some("SQLITE_MISMATCH: datatype mismatch".into())
        }
        _ => None,
    }
}

/// PostgreSQL's name of the column type a Sequelize type key is made (`integer`,
/// `character varying`), for the types whose input it checks; `None` for the rest.
pub fn postgres_type_name(key: &str) -> Option<&'static str> {
    Some(match key {
        "INTEGER" | "MEDIUMINT" => "integer",
        "BIGINT" => "bigint",
        "SMALLINT" | "TINYINT" => "smallint",
        "FLOAT" | "DOUBLE" => "double precision",
        "REAL" => "real",
        "DECIMAL" | "NUMERIC" => "numeric",
        "BOOLEAN" => "boolean",
        "UUID" => "uuid",
        "STRING" => "character varying",
        "CHAR" => "character",
        "TEXT" => "text",
        _ => return None,
    })
}

/// PostgreSQL's refusal of a text bound to or compared with a column of type
/// `type_name` that does not spell one of its values (`'abc'` for an integer).
pub fn postgres_bad_input(type_name: &str, text: &str) -> String {
    format!("invalid input syntax for type {type_name}: \"{text}\"")
}

/// MySQL's refusal of a text written to an integer column.
pub fn mysql_bad_integer(table: &str, field: &str, text: &str) -> String {
    format!("Incorrect integer value: '{text}' for column `{MYSQL_DATABASE}`.`{table}`.`{field}` at row 1")
}

/// PostgreSQL's refusal of a number compared with a text column (`"name" = 5`).
pub fn postgres_no_operator(type_name: &str, op: &str, n: f64) -> String {
    let number = if n.fract() == 0.0 {
        "integer"
    } else {
        "numeric"
    };
    format!("operator does not exist: {type_name} {op} {number}")
}

/// The refusal of a keyword of `statement` (as logged) the dialect's grammar lacks, or
/// `None`: PostgreSQL's ILIKE, which Sequelize writes for any dialect.
pub fn syntax_error(dialect: Dialect, statement: &str) -> Option<String> {
    if dialect == Dialect::Mysql {
        if let Some(at) = quoted_table_in_verbatim(statement) {
            return Some(mariadb_near(&super::respell::unmark(&statement[at..])));
        }
    }
    if dialect == Dialect::Postgres {
        return None;
    }
    // MariaDB has no NULLS FIRST / NULLS LAST in an ORDER BY, nor a quoted LIMIT.
    if dialect == Dialect::Mysql {
        if let Some(at) = statement.find(" LIMIT '") {
            return Some(mariadb_near(&statement[at + " LIMIT ".len()..]));
        }
        if let Some(at) = super::respell::find_keyword(statement, "NULLS") {
            return Some(mariadb_near(&super::respell::unmark(&statement[at..])));
        }
    }
    let at = super::respell::find_keyword(statement, "ILIKE")?;
    let rest = super::respell::unmark(&statement[at..]);
    Some(match dialect {
        Dialect::Sqlite => "SQLITE_ERROR: near \"ILIKE\": syntax error".into(),
        _ => mariadb_near(&rest),
    })
}

/// The refusal of a `CREATE TABLE` with an ARRAY column (`"tags" VARCHAR(255)[]`): a
/// syntax error on SQLite and MySQL, which have no array types; on PostgreSQL the
/// playground's own (its engine keeps no arrays).
pub fn array_column(dialect: Dialect, statement: &str, attribute: &str) -> (bool, String) {
    let at = statement.find("[]").unwrap_or_default();
    match dialect {
        Dialect::Sqlite => (true, "SQLITE_ERROR: near \"[]\": syntax error".into()),
        Dialect::Mysql => (true, mariadb_near(&statement[at..])),
        Dialect::Postgres => (
            false,
            format!("The playground does not store DataTypes.ARRAY columns yet ({attribute})"),
        ),
    }
}

/// MariaDB's syntax error, quoting the statement from where it stopped reading (its
/// first 77 characters and `...` when longer than 80).
fn mariadb_near(rest: &str) -> String {
    let rest = rest.trim_end_matches(';');
    let near: String = match rest.chars().count() > 80 {
        true => rest.chars().take(77).chain("...".chars()).collect(),
        false => rest.to_string(),
    };
    format!("You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '{near}' at line 1")
}

/// Where a snippet's own SQL names a table or a table's column in double quotes
/// (`FROM "pugs"`, `pugs."ownerId"`): MySQL reads a string there, and stops.
fn quoted_table_in_verbatim(statement: &str) -> Option<usize> {
    use super::respell::{VERBATIM_END, VERBATIM_START};
    let mut from = 0;
    while let Some(start) = statement[from..].find(VERBATIM_START) {
        let start = from + start;
        let end = statement[start..]
            .find(VERBATIM_END)
            .map_or(statement.len(), |e| start + e);
        let text = &statement[start..end];
        let upper = text.to_uppercase();
        if let Some(at) = upper.find("FROM \"") {
            return Some(start + at + "FROM ".len());
        }
        // `messages."chatId"`: a string cannot follow a table's name and its dot.
        if let Some(at) = text.find(".\"") {
            return Some(start + at + 1);
        }
        // A double-quoted name in an INSERT's column list or an UPDATE's SET.
        let head = upper.trim_start_matches(|c: char| !c.is_ascii_alphabetic());
        let changes = head.starts_with("INSERT") || head.starts_with("UPDATE");
        let names_end = upper
            .find(" VALUES")
            .or_else(|| upper.find(" WHERE"))
            .unwrap_or(upper.len());
        if changes {
            if let Some(at) = text[..names_end].find('"') {
                return Some(start + at);
            }
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mariadb_names_the_constraint_and_its_rules_but_its_defaults() {
        let key = ForeignKey {
            table: "pugs",
            field: "ownerId",
            number: 2,
            references: "owners",
            key: "id",
            on_delete: Some("restrict"),
            on_update: Some("CASCADE"),
        };
        assert_eq!(
            parent_with_children(Dialect::Mysql, "owners", &key),
            "Cannot delete or update a parent row: a foreign key constraint fails (`assoc_corpus`.`pugs`, CONSTRAINT `pugs_ibfk_2` FOREIGN KEY (`ownerId`) REFERENCES `owners` (`id`) ON UPDATE CASCADE)"
        );
        assert_eq!(
            child_without_parent(Dialect::Postgres, &key),
            "insert or update on table \"pugs\" violates foreign key constraint \"pugs_ownerId_fkey\""
        );
    }

    #[test]
    fn ilike_is_refused_off_postgresql_only_as_a_keyword() {
        let statement = "SELECT `id` FROM `pugs` AS `pug` WHERE `pug`.`name` ILIKE 'c%';";
        assert_eq!(syntax_error(Dialect::Postgres, statement), None);
        assert_eq!(
            syntax_error(Dialect::Sqlite, statement).as_deref(),
            Some("SQLITE_ERROR: near \"ILIKE\": syntax error")
        );
        assert!(syntax_error(Dialect::Mysql, statement)
            .is_some_and(|m| m.ends_with("near 'ILIKE 'c%'' at line 1")));
        let quoted = "SELECT `id` FROM `pugs` WHERE `name` = ' ILIKE ';";
        assert_eq!(syntax_error(Dialect::Mysql, quoted), None);
    }

    #[test]
    fn integers_each_database_refuses() {
        assert!(not_an_integer(Dialect::Postgres, 1.5, "age", false).is_some());
        assert_eq!(not_an_integer(Dialect::Mysql, 1.5, "age", false), None);
        assert_eq!(
            not_an_integer(Dialect::Mysql, f64::INFINITY, "id", true).as_deref(),
            Some("Out of range value for column 'id' at row 1")
        );
        assert_eq!(not_an_integer(Dialect::Sqlite, 1.5, "age", false), None);
        assert!(not_an_integer(Dialect::Sqlite, f64::INFINITY, "id", true).is_some());
    }
}
