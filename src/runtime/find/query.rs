//! `sequelize.query(sql, { replacements, bind, type, plain, model })` of a SELECT: the
//! statement logged as Sequelize logs it (the snippet's text, each replacement escaped
//! as the dialect escapes it, bind parameters left as `$1`), then read with the
//! expression reader of [`super::expr`] and answered from the store: one table and its
//! joins, filtered, grouped, computed, ordered and cut as the database would.

use super::expr::{self, eval, eval_group, parse_select, passes, Joined, Select, Term};
use crate::error::SequelizeError;
use crate::runtime::instance::{from_row, value_of};
use crate::runtime::store::{Cell, Filter, Row};
use crate::runtime::{engine_error, RunResult, Runtime};
use crate::schema::{Model, Schema};
use crate::sql::Dialect;
use crate::value::Value;

/// Whether the playground runs this statement: a SELECT its reader reads, or an
/// INSERT, UPDATE or DELETE of one table ([`super::statement`]), its placeholders read
/// as NULL; the others are named in a warning.
pub fn is_run(sql: &str) -> bool {
    let placeholders_as_null = placeholders_to_null(sql);
    parse_select(&placeholders_as_null).is_ok()
        || super::statement::parse_change(&placeholders_as_null).is_some()
}

fn placeholders_to_null(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let chars: Vec<char> = sql.chars().collect();
    let mut quote: Option<char> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let word = |j: usize| {
            chars
                .get(j)
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '_')
        };
        match (quote, c) {
            (Some(q), _) => {
                quote = (c != q).then_some(q);
                out.push(c);
            }
            (None, '\'' | '"' | '`') => {
                quote = Some(c);
                out.push(c);
            }
            (None, '?') => out.push_str("NULL"),
            (None, ':' | '$') if word(i + 1) && (i == 0 || chars[i - 1] != ':') => {
                out.push_str("NULL");
                while word(i + 1) {
                    i += 1;
                }
            }
            (None, _) => out.push(c),
        }
        i += 1;
    }
    out
}

/// Runs `sequelize.query(sql, options)` of a SELECT.
pub fn raw_query(
    rt: &mut Runtime,
    schema: &Schema,
    sql: &str,
    options: &Value,
) -> RunResult<Value> {
    let dialect = rt.dialect();
    let replacements = options.get("replacements");
    let logged = substitute(sql, replacements, dialect)?;
    rt.log(crate::sql::respell::verbatim(&logged))?;
    let executed = bind(
        &substitute(sql, replacements, Dialect::Postgres)?,
        options.get("bind"),
    );
    if let Some(change) = super::statement::parse_change(&executed) {
        let touched = super::statement::run_change(rt, schema, &change)?;
        // The driver's answer (`[results, metadata]`; a row count with some query
        // types) is not modeled past the count.
        return Ok(match options.get("type").and_then(Value::as_str) {
            Some("UPDATE" | "BULKUPDATE" | "DELETE" | "BULKDELETE") => {
                Value::Array(vec![Value::Undefined, Value::Number(touched as f64)])
            }
            _ => Value::Array(vec![Value::Array(Vec::new()), Value::Opaque]),
        });
    }
    let select = parse_select(&executed)?;
    let rows = answer(rt, schema, &select)?;
    let model = match options.get("model") {
        Some(Value::Model(id)) => Some(*id),
        _ => None,
    };
    let plain = options.get("plain").is_some_and(Value::truthy);
    let typed = options.get("type").and_then(Value::as_str) == Some("SELECT");
    let shaped: Vec<Value> = match model {
        Some(id) => rows
            .into_iter()
            .map(|(row, _)| {
                let model = schema.model(id);
                let keys: Vec<String> = model
                    .table_attributes()
                    .filter(|(name, _)| row.iter().any(|(c, _)| **c == *model.field_of(name)))
                    .map(|(name, _)| name.clone())
                    .collect();
                Value::Instance(from_row(id, model, &row, &keys, &[], rt.dialect()).into_ref())
            })
            .collect(),
        None => rows.into_iter().map(|(_, shown)| shown).collect(),
    };
    Ok(match (plain, typed || model.is_some()) {
        (true, _) => shaped.into_iter().next().unwrap_or(Value::Null),
        (false, true) => Value::Array(shaped),
        // `[results, metadata]`: the driver's metadata is not modeled.
        (false, false) => Value::Array(vec![Value::Array(shaped), Value::Opaque]),
    })
}

/// The statement with `:name` and `?` replacements written in as `dialect` escapes
/// them (outside strings and quoted names; `::` casts are left alone).
fn substitute(sql: &str, replacements: Option<&Value>, dialect: Dialect) -> RunResult<String> {
    let Some(replacements) = replacements else {
        return Ok(sql.to_string());
    };
    let chars: Vec<char> = sql.chars().collect();
    let mut out = String::with_capacity(sql.len());
    let mut positional = 0;
    let mut quote: Option<char> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(q) = quote {
            out.push(c);
            if c == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        match c {
            '\'' | '"' | '`' => {
                quote = Some(c);
                out.push(c);
                i += 1;
            }
            ':' if chars
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '_')
                && (i == 0 || chars[i - 1] != ':') =>
            {
                let start = i + 1;
                let mut end = start;
                while end < chars.len() && (chars[end].is_ascii_alphanumeric() || chars[end] == '_')
                {
                    end += 1;
                }
                let name: String = chars[start..end].iter().collect();
                let value = replacements.get(&name).ok_or_else(|| {
                    SequelizeError::plain(format!(
                        "Named replacement \":{name}\" has no entry in the replacement map."
                    ))
                })?;
                out.push_str(&escaped(value, dialect));
                i = end;
            }
            '?' => {
                let Value::Array(items) = replacements else {
                    out.push(c);
                    i += 1;
                    continue;
                };
                let value = items.get(positional).cloned().unwrap_or(Value::Undefined);
                positional += 1;
                out.push_str(&escaped(&value, dialect));
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    Ok(out)
}

/// A replacement as Sequelize escapes it: strings quoted (MySQL with backslashes),
/// lists as `a, b`.
fn escaped(value: &Value, dialect: Dialect) -> String {
    match value {
        Value::Null | Value::Undefined => "NULL".into(),
        Value::Bool(b) => match dialect {
            Dialect::Sqlite => u8::from(*b).to_string(),
            _ => b.to_string(),
        },
        Value::Number(n) => crate::js::format_number(*n),
        Value::Str(s) => match dialect {
            Dialect::Mysql => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
            _ => format!("'{}'", s.replace('\'', "''")),
        },
        Value::Array(items) => items
            .iter()
            .map(|i| escaped(i, dialect))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Date(ms) => crate::runtime::log::literal_sql(&crate::plan::Literal::Date(*ms)),
        other => format!("'{}'", crate::value::to_json(other)),
    }
}

/// The statement as run: `$1` and `$name` bind parameters replaced by their values.
fn bind(sql: &str, values: Option<&Value>) -> String {
    let Some(values) = values else {
        return sql.to_string();
    };
    let chars: Vec<char> = sql.chars().collect();
    let mut out = String::with_capacity(sql.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '$'
            && chars
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_')
        {
            let start = i + 1;
            let mut end = start;
            while end < chars.len() && (chars[end].is_ascii_alphanumeric() || chars[end] == '_') {
                end += 1;
            }
            let name: String = chars[start..end].iter().collect();
            let value = match (values, name.parse::<usize>()) {
                (Value::Array(items), Ok(n)) if n >= 1 => items.get(n - 1).cloned(),
                (object @ Value::Object(_), _) => object.get(&name).cloned(),
                _ => None,
            };
            if let Some(value) = value {
                out.push_str(&escaped(&value, Dialect::Postgres));
                i = end;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// The model whose table `table` is, if one is.
fn model_of_table<'s>(schema: &'s Schema, table: &str) -> Option<&'s Model> {
    schema.models.iter().find(|m| m.table_name == table)
}

fn table_rows(rt: &mut Runtime, table: &str) -> RunResult<Vec<Row>> {
    rt.require_table(table)?;
    let rows = rt.store.select(table, &Filter::All).map_err(engine_error)?;
    rt.count_rows(rows.len())?;
    Ok(rows)
}

/// The answer's rows: each as the columns it read (for `model`) and as shown.
fn answer(rt: &mut Runtime, schema: &Schema, select: &Select) -> RunResult<Vec<(Row, Value)>> {
    let dialect = rt.dialect();
    let mut joined: Vec<Joined> = table_rows(rt, &select.table)?
        .iter()
        .map(|row| Joined::of(&select.alias, row))
        .collect();
    for join in &select.joins {
        let rows = table_rows(rt, &join.table)?;
        let mut next = Vec::new();
        for left in joined {
            let mut matched = false;
            for row in &rows {
                let mut candidate = left.clone();
                candidate.tables.push((join.alias.clone(), row.clone()));
                if passes(&join.on, std::slice::from_ref(&candidate), false, dialect)? {
                    matched = true;
                    next.push(candidate);
                }
            }
            if !matched && join.left {
                let mut candidate = left;
                candidate
                    .tables
                    .push((join.alias.clone(), null_row(schema, &join.table)));
                next.push(candidate);
            }
        }
        joined = next;
    }
    if let Some(filter) = &select.filter {
        let mut kept = Vec::with_capacity(joined.len());
        for row in joined {
            if passes(filter, std::slice::from_ref(&row), false, dialect)? {
                kept.push(row);
            }
        }
        joined = kept;
    }
    let grouped = !select.group.is_empty()
        || select.having.is_some()
        || select
            .columns
            .iter()
            .flatten()
            .any(|(term, _)| matches!(term, Term::Call { name, .. } if ["COUNT", "SUM", "AVG", "MIN", "MAX"].iter().any(|a| a.eq_ignore_ascii_case(name))));
    let groups: Vec<Vec<Joined>> = match grouped {
        true => super::group::group_by_terms(&select.group, joined, dialect)?,
        false => joined.into_iter().map(|row| vec![row]).collect(),
    };
    let mut answered: Vec<(Vec<Joined>, Row, Value)> = Vec::with_capacity(groups.len());
    for mut rows in groups {
        let (cells, shown) = columns(schema, select, &rows, grouped, dialect)?;
        if rows.is_empty() {
            rows.push(Joined::default());
        }
        rows[0].tables.push((String::new(), cells.clone()));
        if let Some(having) = &select.having {
            if !passes(having, &rows, true, dialect)? {
                continue;
            }
        }
        answered.push((rows, cells, shown));
    }
    if !select.order.is_empty() {
        let mut keyed = Vec::with_capacity(answered.len());
        for item in answered {
            let key = select
                .order
                .iter()
                .map(|(term, _)| eval_in_answer(term, &item.0, grouped, dialect))
                .collect::<RunResult<Vec<Cell>>>()?;
            keyed.push((key, item));
        }
        let directions: Vec<&str> = select.order.iter().map(|(_, d)| *d).collect();
        keyed.sort_by(|(a, _), (b, _)| super::load::compare_keys(a, b, &directions, dialect));
        answered = keyed.into_iter().map(|(_, item)| item).collect();
    }
    let offset = select.offset.unwrap_or(0);
    let limit = select.limit.unwrap_or(usize::MAX);
    Ok(answered
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|(_, cells, shown)| (cells, shown))
        .collect())
}

/// An ORDER BY term: a selected key's alias first, then the tables' columns.
fn eval_in_answer(
    term: &Term,
    rows: &[Joined],
    grouped: bool,
    dialect: Dialect,
) -> RunResult<Cell> {
    let mut rows = rows.to_vec();
    if let Some(first) = rows.first_mut() {
        // The selected keys (under "") are found before the tables' columns.
        first.tables.rotate_right(1);
    }
    match grouped {
        true => eval_group(term, &rows, dialect),
        false => eval(term, &rows[0], dialect),
    }
}

fn null_row(schema: &Schema, table: &str) -> Row {
    model_of_table(schema, table).map_or_else(Vec::new, expr::nulls_of)
}

/// One answer row's columns: as cells under their keys, and shown as Sequelize shows a
/// raw row (a column of a model's table typed as its attribute: dates as dates).
fn columns(
    schema: &Schema,
    select: &Select,
    rows: &[Joined],
    grouped: bool,
    dialect: Dialect,
) -> RunResult<(Row, Value)> {
    let mut cells: Row = Vec::new();
    let mut shown: Vec<(String, Value)> = Vec::new();
    let mut put = |key: &str, cell: Cell, value: Value| {
        match shown.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = value,
            None => shown.push((key.to_string(), value)),
        }
        cells.push((key.into(), cell));
    };
    let table_of = |alias: Option<&str>| -> Option<&str> {
        match alias {
            Some(alias) if alias == select.alias => Some(select.table.as_str()),
            Some(alias) => select
                .joins
                .iter()
                .find(|j| j.alias == alias)
                .map(|j| j.table.as_str()),
            None => Some(select.table.as_str()),
        }
    };
    let typed = |table: Option<&str>, field: &str, cell: Cell| -> Value {
        match table.and_then(|t| model_of_table(schema, t)) {
            Some(model) => {
                let attribute = model
                    .table_attributes()
                    .find(|(name, _)| model.field_of(name) == field)
                    .map_or(field.to_string(), |(name, _)| name.clone());
                let value = value_of(model, &attribute, cell, dialect);
                crate::runtime::instance::raw_value(value, dialect)
            }
            None => expr::shown(cell),
        }
    };
    match &select.columns {
        None => {
            if let Some(first) = rows.first() {
                for (alias, row) in &first.tables {
                    let table = table_of(Some(alias));
                    for (field, cell) in row {
                        put(field, cell.clone(), typed(table, field, cell.clone()));
                    }
                }
            }
        }
        Some(columns) => {
            for (term, key) in columns {
                let cell = match grouped {
                    true => eval_group(term, rows, dialect)?,
                    false => match rows.first() {
                        Some(row) => eval(term, row, dialect)?,
                        None => Cell::Null,
                    },
                };
                let value = match term {
                    Term::Column { table, name } => {
                        typed(table_of(table.as_deref()), name, cell.clone())
                    }
                    _ => expr::shown(cell.clone()),
                };
                put(key, cell, value);
            }
        }
    }
    Ok((cells, Value::Object(shown)))
}
