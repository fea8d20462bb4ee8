//! The `CREATE TABLE` statements `sequelize.sync()` sends, byte for byte as Sequelize 6's
//! query generators write them for each dialect — odd spacing included
//! (`"id"   SERIAL ,` on PostgreSQL comes from removing words out of `INTEGER NOT NULL
//! SERIAL PRIMARY KEY`).

use std::borrow::Cow;

use crate::schema::{sync_order::sync_order, Attribute, DefaultValue, Model, Schema, Unique};
use crate::sql::Dialect;

/// The statements of `sync()` in its order, or why there are none.
pub fn create_tables(schema: &Schema, dialect: Dialect) -> Result<Vec<String>, String> {
    create_tables_in(schema, &[dialect])
        .pop()
        .expect("one dialect asked, one answer")
}

/// [`create_tables`] for several dialects, sorting the tables once.
pub fn create_tables_in(schema: &Schema, dialects: &[Dialect]) -> Vec<Result<Vec<String>, String>> {
    match sync_order(schema) {
        Some(order) => dialects
            .iter()
            .map(|&dialect| {
                Ok(order
                    .iter()
                    .map(|&id| create_table(schema.model(id), dialect))
                    .collect())
            })
            .collect(),
        None => {
            let error = "cyclic foreign keys: sync() creates the tables without constraints, then alters them";
            dialects.iter().map(|_| Err(error.to_string())).collect()
        }
    }
}

/// A model's `CREATE TABLE` without its foreign keys: the first step of syncing models
/// whose foreign keys form a cycle (see [`foreign_key_alters`]).
pub fn create_table_without_references(model: &Model, dialect: Dialect) -> String {
    let mut bare = model.clone();
    for (_, attribute) in &mut bare.attributes {
        attribute.references = None;
    }
    create_table(&bare, dialect)
}

/// `ALTER TABLE … ADD FOREIGN KEY …` for each of a model's foreign keys, as Sequelize's
/// `sync({ alter: true })` adds them after [`create_table_without_references`].
pub fn foreign_key_alters(model: &Model, dialect: Dialect) -> Vec<String> {
    model
        .table_attributes()
        .filter(|(_, attribute)| attribute.references.is_some())
        .map(|(name, attribute)| {
            let mut references = String::new();
            push_references(&mut references, attribute, dialect);
            let mut sql = String::from("ALTER TABLE ");
            dialect.push_identifier(&mut sql, &model.table_name);
            // PostgreSQL's generator leaves an empty constraint name between the two.
            sql.push_str(match dialect {
                Dialect::Postgres => "  ADD FOREIGN KEY (",
                _ => " ADD FOREIGN KEY (",
            });
            dialect.push_identifier(&mut sql, attribute.field.as_deref().unwrap_or(name));
            sql.push(')');
            sql.push_str(&references);
            sql.push(';');
            sql
        })
        .collect()
}

/// One model's `CREATE TABLE … IF NOT EXISTS`.
pub fn create_table(model: &Model, dialect: Dialect) -> String {
    let columns: Vec<(&str, String)> = model
        .table_attributes()
        .map(|(name, attribute)| {
            let field = attribute.field.as_deref().unwrap_or(name);
            (field, attribute_sql(model, field, attribute, dialect))
        })
        .collect();
    let unique_keys = unique_keys(model);
    match dialect {
        Dialect::Postgres => postgres_table(model, columns, &unique_keys),
        Dialect::Mysql => mysql_table(model, columns, &unique_keys),
        Dialect::Sqlite => sqlite_table(model, columns, &unique_keys),
    }
}

/// A named unique key over several columns (`customIndex` in Sequelize).
struct UniqueKey {
    name: String,
    fields: Vec<String>,
    custom: bool,
}

/// `Model.uniqueKeys`: one entry per key name, in the order attributes name them.
fn unique_keys(model: &Model) -> Vec<UniqueKey> {
    let mut keys: Vec<UniqueKey> = Vec::new();
    for (name, attribute) in &model.attributes {
        let (key_name, custom) = match &attribute.unique {
            Some(Unique::Flag(true)) => (format!("{}_{}_unique", model.table_name, name), false),
            Some(Unique::Named(key)) => (key.clone(), true),
            _ => continue,
        };
        let field = attribute.field.clone().unwrap_or_else(|| name.clone());
        match keys.iter_mut().find(|k| k.name == key_name) {
            Some(key) => {
                key.fields.push(field);
                key.custom = custom;
            }
            None => keys.push(UniqueKey {
                name: key_name,
                fields: vec![field],
                custom,
            }),
        }
    }
    keys
}

fn quoted_list(dialect: Dialect, fields: &[impl AsRef<str>], separator: &str) -> String {
    let mut list = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            list.push_str(separator);
        }
        dialect.push_identifier(&mut list, field.as_ref());
    }
    list
}

/// The column definition as each dialect's `attributeToSQL` writes it: one order of
/// clauses, with what differs asked of the [`Dialect`].
fn attribute_sql(model: &Model, field: &str, attribute: &Attribute, dialect: Dialect) -> String {
    let untyped;
    let data_type = match &attribute.data_type {
        Some(data_type) => data_type,
        None => {
            untyped = crate::sql::DataType::default();
            &untyped
        }
    };
    let mut sql = match (dialect.names_enum_types(), data_type.key.as_str()) {
        // Written out here, named by the table's type mapping below.
        (true, "ENUM") => format!("ENUM({})", data_type.quoted_values(dialect)),
        _ => data_type.sql(dialect),
    };
    let auto_increment = attribute.auto_increment == Some(true);
    if attribute.allow_null == Some(false) {
        sql.push_str(" NOT NULL");
    }
    if let Some(word) = dialect.auto_increment_word().filter(|_| auto_increment) {
        sql.push_str(word);
    }
    let takes_default = dialect.defaults_on_every_type()
        || (!matches!(sql.as_str(), "BLOB" | "TEXT" | "GEOMETRY" | "JSON") && !data_type.binary);
    push_default(&mut sql, attribute, dialect, takes_default);
    if attribute.unique == Some(Unique::Flag(true)) {
        sql.push_str(" UNIQUE");
    }
    if attribute.is_primary_key() {
        sql.push_str(" PRIMARY KEY");
        if let Some(word) = dialect
            .primary_key_auto_increment_word()
            .filter(|_| auto_increment)
        {
            sql.push_str(word);
        }
    }
    if let Some(comment) = attribute
        .comment
        .as_ref()
        .filter(|_| dialect.has_column_comments())
    {
        sql.push_str(&format!(" COMMENT {}", dialect.quote_string(comment)));
    }
    push_references(&mut sql, attribute, dialect);
    if dialect.names_enum_types() {
        postgres_type_mapping(&model.table_name, field, sql)
    } else {
        sql
    }
}

fn push_default(sql: &mut String, attribute: &Attribute, dialect: Dialect, allowed: bool) {
    let Some(value) = &attribute.default_value else {
        return;
    };
    if !allowed {
        return;
    }
    let Some(literal) = default_literal(value, attribute, dialect) else {
        return;
    };
    sql.push_str(" DEFAULT ");
    sql.push_str(&literal);
}

/// A default as the column's DDL writes it: an ARRAY's as PostgreSQL's array literal
/// (`ARRAY[]::VARCHAR(255)[]`), which MySQL's escaping writes as its bare elements.
fn default_literal(
    value: &DefaultValue,
    attribute: &Attribute,
    dialect: Dialect,
) -> Option<String> {
    Some(match value {
        DefaultValue::Computed(_) => return None,
        DefaultValue::Str(s) => dialect.quote_string(s),
        DefaultValue::Number(n) => crate::js::format_number(*n),
        DefaultValue::Bool(b) => b.to_string(),
        DefaultValue::Null => "NULL".to_string(),
        DefaultValue::Json(text) => dialect.quote_string(text),
        DefaultValue::Sql(text) => {
            crate::sql::respell::unmark(&crate::sql::respell::respell_marked(text, dialect))
        }
        DefaultValue::Date(ms) => {
            let iso = crate::js::iso_date(*ms);
            match dialect {
                Dialect::Mysql => dialect.quote_string(&format!("{} {}", &iso[..10], &iso[11..19])),
                _ => dialect.quote_string(&format!("{} {} +00:00", &iso[..10], &iso[11..23])),
            }
        }
        DefaultValue::List(items) => {
            let elements: Vec<String> = items
                .iter()
                .filter_map(|item| default_literal(item, attribute, dialect))
                .collect();
            match dialect {
                Dialect::Mysql => elements.join(", "),
                _ => {
                    let array_type = attribute
                        .data_type
                        .as_ref()
                        .map_or_else(|| "ARRAY".into(), |t| t.sql(dialect));
                    format!("ARRAY[{}]::{array_type}", elements.join(","))
                }
            }
        }
    })
}

fn push_references(sql: &mut String, attribute: &Attribute, dialect: Dialect) {
    let Some(references) = &attribute.references else {
        return;
    };
    sql.push_str(" REFERENCES ");
    dialect.push_identifier(sql, references.model.as_deref().unwrap_or_default());
    sql.push_str(" (");
    dialect.push_identifier(sql, references.key.as_deref().unwrap_or("id"));
    sql.push(')');
    if let Some(on_delete) = &attribute.on_delete {
        sql.push_str(&format!(" ON DELETE {}", on_delete.to_uppercase()));
    }
    if let Some(on_update) = &attribute.on_update {
        sql.push_str(&format!(" ON UPDATE {}", on_update.to_uppercase()));
    }
}

/// PostgreSQL's `dataTypeMapping`: the primary key moves to the table clause, an
/// auto-increment integer becomes `SERIAL`, and an ENUM becomes its named type
/// (in the `public` schema, where Sequelize creates it).
fn postgres_type_mapping(table: &str, field: &str, mut sql: String) -> String {
    if sql.contains("PRIMARY KEY") {
        sql = sql.replacen("PRIMARY KEY", "", 1);
    }
    if sql.contains("SERIAL") {
        if sql.contains("BIGINT") {
            sql = sql
                .replacen("SERIAL", "BIGSERIAL", 1)
                .replacen("BIGINT", "", 1);
        } else if sql.contains("SMALLINT") {
            sql = sql
                .replacen("SERIAL", "SMALLSERIAL", 1)
                .replacen("SMALLINT", "", 1);
        } else {
            sql = sql.replacen("INTEGER", "", 1);
        }
        sql = sql.replacen("NOT NULL", "", 1);
    }
    if sql.starts_with("ENUM(") {
        if let Some(close) = enum_prefix_end(&sql) {
            sql = format!("\"public\".\"enum_{table}_{field}\"{}", &sql[close..]);
        }
    }
    sql
}

/// Where `ENUM(.+)` ends when matched greedily, as the JS regex `^ENUM\(.+\)` does:
/// just past the last `)` on the line.
fn enum_prefix_end(sql: &str) -> Option<usize> {
    let line_end = sql.find('\n').unwrap_or(sql.len());
    let close = sql[..line_end].rfind(')')?;
    (close > 5).then_some(close + 1)
}

fn postgres_table(
    model: &Model,
    columns: Vec<(&str, String)>,
    unique_keys: &[UniqueKey],
) -> String {
    let d = Dialect::Postgres;
    let mut clause = column_list(d, columns.iter().map(|(field, sql)| (*field, sql.as_str())));
    for key in unique_keys.iter().filter(|k| k.custom) {
        clause.push_str(&format!(", UNIQUE ({})", quoted_list(d, &key.fields, ", ")));
    }
    let primary_keys = primary_key_fields(model);
    if !primary_keys.is_empty() {
        clause.push_str(&format!(
            ", PRIMARY KEY ({})",
            quoted_list(d, &primary_keys, ",")
        ));
    }
    format!(
        "CREATE TABLE IF NOT EXISTS {} ({clause});",
        d.quote_identifier(&model.table_name)
    )
}

fn primary_key_fields(model: &Model) -> Vec<&str> {
    model
        .table_attributes()
        .filter(|(_, a)| a.is_primary_key())
        .map(|(name, a)| a.field.as_deref().unwrap_or(name))
        .collect()
}

/// `"field" definition, …`: the column definitions of a table clause, in one string.
fn column_list<'a>(d: Dialect, columns: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let mut clause = String::new();
    for (i, (field, sql)) in columns.enumerate() {
        if i > 0 {
            clause.push_str(", ");
        }
        d.push_identifier(&mut clause, field);
        clause.push(' ');
        clause.push_str(sql);
    }
    clause
}

fn mysql_table(model: &Model, columns: Vec<(&str, String)>, unique_keys: &[UniqueKey]) -> String {
    let d = Dialect::Mysql;
    let mut primary_keys = Vec::new();
    let mut foreign_keys = Vec::new();
    let mut definitions = Vec::new();
    for (field, sql) in &columns {
        let (column, references) = match sql.rfind(" REFERENCES") {
            Some(at) => (&sql[..at], Some(&sql[at + 1..])),
            None => (sql.as_str(), None),
        };
        let column = if column.contains("PRIMARY KEY") {
            primary_keys.push(*field);
            Cow::Owned(column.replacen("PRIMARY KEY", "", 1))
        } else {
            Cow::Borrowed(column)
        };
        definitions.push((*field, column));
        if let Some(references) = references {
            foreign_keys.push((*field, references));
        }
    }
    let mut clause = column_list(d, definitions.iter().map(|(f, c)| (*f, c.as_ref())));
    for key in unique_keys.iter().filter(|k| k.custom) {
        clause.push_str(&format!(
            ", UNIQUE {} ({})",
            d.quote_identifier(&key.name),
            quoted_list(d, &key.fields, ", ")
        ));
    }
    if !primary_keys.is_empty() {
        clause.push_str(&format!(
            ", PRIMARY KEY ({})",
            quoted_list(d, &primary_keys, ", ")
        ));
    }
    for (field, references) in foreign_keys {
        clause.push_str(", FOREIGN KEY (");
        d.push_identifier(&mut clause, field);
        clause.push_str(") ");
        clause.push_str(references);
    }
    let engine = model.options.engine.as_deref().unwrap_or("InnoDB");
    format!(
        "CREATE TABLE IF NOT EXISTS {} ({clause}) ENGINE={engine};",
        d.quote_identifier(&model.table_name)
    )
}

fn sqlite_table(model: &Model, columns: Vec<(&str, String)>, unique_keys: &[UniqueKey]) -> String {
    let d = Dialect::Sqlite;
    let several_primary_keys = columns
        .iter()
        .filter(|(_, sql)| sql.contains("PRIMARY KEY"))
        .count()
        > 1;
    let mut primary_keys = Vec::new();
    let mut definitions = Vec::new();
    for (field, sql) in &columns {
        let column = if sql.contains("PRIMARY KEY") {
            if several_primary_keys {
                primary_keys.push(*field);
            }
            Cow::Owned(sqlite_key_column(sql, several_primary_keys))
        } else {
            Cow::Borrowed(sql.as_str())
        };
        definitions.push((*field, column));
    }
    let mut clause = column_list(d, definitions.iter().map(|(f, c)| (*f, c.as_ref())));
    for key in unique_keys.iter().filter(|k| k.custom) {
        clause.push_str(&format!(", UNIQUE ({})", quoted_list(d, &key.fields, ", ")));
    }
    if !primary_keys.is_empty() {
        clause.push_str(&format!(
            ", PRIMARY KEY ({})",
            quoted_list(d, &primary_keys, ", ")
        ));
    }
    let sql = format!(
        "CREATE TABLE IF NOT EXISTS {} ({clause});",
        d.quote_identifier(&model.table_name)
    );
    if !sql.contains("DEFAULT ") {
        return sql; // Most tables: no boolean default to rewrite, and no copies made.
    }
    sql.replace("DEFAULT false", "DEFAULT 0")
        .replace("DEFAULT 'false'", "DEFAULT 0")
        .replace("DEFAULT true", "DEFAULT 1")
        .replace("DEFAULT 'true'", "DEFAULT 1")
}

/// A primary key column on SQLite: an integer one is `INTEGER PRIMARY KEY` (a rowid
/// alias); with `several` keys the table clause names them, and the column does not.
fn sqlite_key_column(sql: &str, several: bool) -> String {
    if several {
        return if sql.contains("NOT NULL") {
            sql.replacen(" PRIMARY KEY", "", 1)
        } else {
            sql.replacen("PRIMARY KEY", "NOT NULL", 1)
        };
    }
    if !sql.contains("INT") {
        return sql.to_string();
    }
    let mut column = if sql.contains("AUTOINCREMENT") {
        "INTEGER PRIMARY KEY AUTOINCREMENT".to_string()
    } else {
        "INTEGER PRIMARY KEY".to_string()
    };
    if let Some(at) = sql.find(" REFERENCES") {
        column.push_str(&sql[at..]);
    }
    column
}

/// Where, in the CREATE TABLE text `ddl`, the column `column` of `table` refers to its
/// target: from the column (or MySQL's `FOREIGN KEY (column)`) to the end of its
/// `REFERENCES target (key)`. The page highlights it with the association behind it.
pub fn reference_range(
    ddl: &str,
    dialect: Dialect,
    table: &str,
    column: &str,
) -> Option<(usize, usize)> {
    let quoted = |name: &str| dialect.quote_identifier(name);
    let statement = ddl.find(&format!("CREATE TABLE IF NOT EXISTS {} (", quoted(table)))?;
    let length = ddl[statement..].find(';').unwrap_or(ddl.len() - statement);
    let body = &ddl[statement..statement + length];
    let start = body
        .find(&format!("FOREIGN KEY ({})", quoted(column)))
        .or_else(|| body.find(&format!("{} ", quoted(column))))?;
    let references = start + body[start..].find("REFERENCES")?;
    // The REFERENCES must belong to this column, not to one defined after it.
    let next_column = format!(", {}", &quoted("")[..1]);
    if body[start..references].contains(&next_column) {
        return None;
    }
    let end = references + body[references..].find(')')? + 1;
    Some((statement + start, statement + end))
}

#[cfg(test)]
mod reference_tests {
    use super::*;

    #[test]
    fn finds_the_column_and_its_references_in_each_dialect() {
        let code = "const Owner = sequelize.define('owner', {});
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Pug.belongsTo(Owner);";
        for dialect in Dialect::ALL {
            let report = crate::analyze_for(code, dialect);
            let crate::report::DdlResult::Tables { create_table } = report.ddl.get(dialect) else {
                panic!("DDL for {dialect:?}");
            };
            let text = create_table.join("\n\n");
            let (start, end) = reference_range(&text, dialect, "pugs", "ownerId").unwrap();
            let marked = &text[start..end];
            let q = |n: &str| dialect.quote_identifier(n);
            assert!(
                marked.starts_with(&q("ownerId")) || marked.starts_with("FOREIGN KEY"),
                "{marked}"
            );
            assert!(
                marked.ends_with(&format!("REFERENCES {} ({})", q("owners"), q("id"))),
                "{marked}"
            );
            assert_eq!(reference_range(&text, dialect, "pugs", "name"), None);
        }
    }
}
