//! `sequelize.query()` of an INSERT, UPDATE or DELETE the expression reader can read:
//! `INSERT INTO t (a, b) VALUES (…), (…)`, `UPDATE t SET a = …, b = … [WHERE …]` and
//! `DELETE FROM t [WHERE …]`, run on the store as the database would run them (keys
//! drawn from the table's sequence, the WHERE and the new values computed on each row).
//! Each is read by rewriting it as a SELECT of [`super::expr`]'s reader: the WHERE and
//! the values are the expressions a SELECT has.

use super::expr::{self, parse_select, passes, Joined, Term};
use crate::runtime::store::{Cell, Filter, Row};
use crate::runtime::{engine_error, RunResult, Runtime};
use crate::schema::Schema;

/// A data-changing statement, read.
pub enum Change {
    Insert {
        table: String,
        columns: Vec<String>,
        rows: Vec<Vec<Term>>,
    },
    Update {
        table: String,
        alias: String,
        sets: Vec<(String, Term)>,
        filter: Option<Term>,
    },
    Delete {
        table: String,
        alias: String,
        filter: Option<Term>,
    },
}

/// `sql` read as a data-changing statement, if it is one the reader reads.
pub fn parse_change(sql: &str) -> Option<Change> {
    let text = sql.trim().trim_end_matches(';').trim();
    let (head, rest) = text.split_once(char::is_whitespace)?;
    match head.to_ascii_uppercase().as_str() {
        "DELETE" => {
            let rest = strip_word(rest.trim_start(), "FROM")?;
            let select = parse_select(&format!("SELECT * FROM {rest}")).ok()?;
            simple(&select).then_some(Change::Delete {
                table: select.table,
                alias: select.alias,
                filter: select.filter,
            })
        }
        "UPDATE" => {
            let (table, after) = split_word(rest, "SET")?;
            let (assignments, condition) = match split_word(after, "WHERE") {
                Some((sets, condition)) => (sets, Some(condition)),
                None => (after, None),
            };
            let mut columns = Vec::new();
            for assignment in split_top_level(assignments, ',') {
                let (column, value) = assignment.split_once('=')?;
                columns.push((unquote(column.trim()), value.trim().to_string()));
            }
            let list: Vec<String> = (columns.iter().enumerate())
                .map(|(i, (_, value))| format!("{value} AS \"c{i}\""))
                .collect();
            let filter = condition.map_or(String::new(), |c| format!(" WHERE {c}"));
            let select =
                parse_select(&format!("SELECT {} FROM {table}{filter}", list.join(", "))).ok()?;
            let terms = select.columns.clone()?;
            simple(&select).then_some(Change::Update {
                table: select.table,
                alias: select.alias,
                sets: (columns.into_iter().map(|(c, _)| c))
                    .zip(terms.into_iter().map(|(term, _)| term))
                    .collect(),
                filter: select.filter,
            })
        }
        "INSERT" => {
            let rest = strip_word(rest.trim_start(), "INTO")?;
            let open = rest.find('(')?;
            let table = unquote(rest[..open].trim());
            let close = open + rest[open..].find(')')?;
            let columns: Vec<String> = split_top_level(&rest[open + 1..close], ',')
                .iter()
                .map(|c| unquote(c.trim()))
                .collect();
            let values = strip_word(rest[close + 1..].trim_start(), "VALUES")?;
            let mut rows = Vec::new();
            for tuple in split_top_level(values, ',') {
                let inner = tuple.trim().strip_prefix('(')?.strip_suffix(')')?;
                let items: Vec<String> = split_top_level(inner, ',');
                let mut row = Vec::with_capacity(items.len());
                for item in items {
                    row.push(
                        expr::parse_literal(item.trim(), crate::sql::Dialect::Postgres)
                            .ok()?
                            .0,
                    );
                }
                (row.len() == columns.len()).then_some(())?;
                rows.push(row);
            }
            Some(Change::Insert {
                table,
                columns,
                rows,
            })
        }
        _ => None,
    }
}

/// A statement of one table, without the rest of a SELECT.
fn simple(select: &expr::Select) -> bool {
    select.joins.is_empty()
        && select.group.is_empty()
        && select.having.is_none()
        && select.order.is_empty()
        && select.limit.is_none()
}

/// Runs `change` on the store; answers the number of rows it touched.
pub fn run_change(rt: &mut Runtime, schema: &Schema, change: &Change) -> RunResult<usize> {
    let dialect = rt.dialect();
    match change {
        Change::Insert {
            table,
            columns,
            rows,
        } => {
            rt.require_table(table)?;
            let model = schema.models.iter().find(|m| m.table_name == *table);
            let key = model.and_then(|m| {
                m.table_attributes()
                    .find(|(_, a)| a.auto_increment == Some(true))
                    .map(|(name, _)| m.field_of(name))
            });
            let is_date = |column: &str| {
                model.is_some_and(|m| {
                    m.table_attributes().any(|(name, a)| {
                        m.field_of(name) == column
                            && a.data_type.as_ref().is_some_and(|t| t.key == "DATE")
                    })
                })
            };
            let empty = Joined::default();
            for values in rows {
                let mut row: Row = Vec::with_capacity(values.len() + 1);
                for (column, term) in columns.iter().zip(values) {
                    let mut cell = expr::eval(term, &empty, dialect)?;
                    // A DATE column keeps milliseconds; the text is read as SQL's dates are.
                    if let (true, Cell::Text(text)) = (is_date(column), &cell) {
                        if let Some(ms) = sql_date(text) {
                            cell = Cell::Int(ms);
                        }
                    }
                    row.push((column.as_str().into(), cell));
                }
                if let Some(key) = &key {
                    match row
                        .iter()
                        .find(|(c, _)| **c == **key)
                        .map(|(_, v)| v.clone())
                    {
                        Some(Cell::Int(id)) => rt.saw_id(table, id),
                        None | Some(Cell::Null) => {
                            let id = rt.next_id(table);
                            row.retain(|(c, _)| **c != **key);
                            row.push((key.as_str().into(), Cell::Int(id)));
                        }
                        Some(_) => {}
                    }
                }
                rt.store.insert(table, &row).map_err(engine_error)?;
            }
            rt.count_rows(rows.len())?;
            Ok(rows.len())
        }
        Change::Update {
            table,
            alias,
            sets,
            filter,
        } => {
            let matching = matching_rows(rt, table, alias, filter.as_ref())?;
            for row in &matching {
                let joined = Joined::of(alias, row);
                let mut assigned = Vec::with_capacity(sets.len());
                for (column, term) in sets {
                    assigned.push((column.clone(), expr::eval(term, &joined, dialect)?));
                }
                rt.update_rows(table, &assigned, &same_row(row))?;
            }
            Ok(matching.len())
        }
        Change::Delete {
            table,
            alias,
            filter,
        } => {
            let matching = matching_rows(rt, table, alias, filter.as_ref())?;
            for row in &matching {
                rt.store
                    .delete(table, &same_row(row))
                    .map_err(engine_error)?;
            }
            Ok(matching.len())
        }
    }
}

/// A date as SQL writes one (`'2024-01-02 03:04:05'`, `… +00:00`), in milliseconds.
fn sql_date(text: &str) -> Option<i64> {
    let text = text.trim();
    let joined = match text.rsplit_once(' ') {
        Some((head, zone)) if zone.starts_with(['+', '-']) && head.len() > 10 => {
            format!("{head}{zone}")
        }
        _ => text.to_string(),
    };
    crate::js::parse_iso_date(&joined)
}

/// The rows of `table` the WHERE keeps.
fn matching_rows(
    rt: &mut Runtime,
    table: &str,
    alias: &str,
    filter: Option<&Term>,
) -> RunResult<Vec<Row>> {
    rt.require_table(table)?;
    let rows = rt.store.select(table, &Filter::All).map_err(engine_error)?;
    rt.count_rows(rows.len())?;
    let dialect = rt.dialect();
    let mut kept = Vec::new();
    for row in rows {
        let keep = match filter {
            Some(filter) => passes(filter, &[Joined::of(alias, &row)], false, dialect)?,
            None => true,
        };
        if keep {
            kept.push(row);
        }
    }
    Ok(kept)
}

/// The filter that finds exactly `row` again (every column equal, NULLs as NULLs).
fn same_row(row: &Row) -> Filter {
    Filter::And(
        row.iter()
            .map(|(column, cell)| Filter::eq(column, cell))
            .collect(),
    )
}

/// `text` without its leading `word` (any case) and the space after it.
fn strip_word<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    let head = text.get(..word.len())?;
    let rest = &text[word.len()..];
    (head.eq_ignore_ascii_case(word) && rest.starts_with(char::is_whitespace))
        .then(|| rest.trim_start())
}

/// `text` split at the first `word` (any case, as a whole word, outside quotes).
fn split_word<'t>(text: &'t str, word: &str) -> Option<(&'t str, &'t str)> {
    let upper = text.to_ascii_uppercase();
    let mut quote = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(c),
            (None, _) => {
                let boundary = |j: usize| {
                    upper[j..]
                        .chars()
                        .next()
                        .is_none_or(|n| !n.is_ascii_alphanumeric() && n != '_')
                };
                let before = i == 0 || boundary(i - 1);
                if before && upper[i..].starts_with(word) && boundary(i + word.len()) {
                    return Some((text[..i].trim(), text[i + word.len()..].trim()));
                }
            }
        }
    }
    None
}

/// `text` split at each top-level `separator` (outside quotes and parentheses).
fn split_top_level(text: &str, separator: char) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let (mut depth, mut quote) = (0usize, None);
    for c in text.chars() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') => depth = depth.saturating_sub(1),
            (None, c) if c == separator && depth == 0 => {
                parts.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    if !current.trim().is_empty() {
        parts.push(current);
    }
    parts
}

/// A name without its quotes (`"pugs"`, `` `pugs` ``).
fn unquote(name: &str) -> String {
    name.trim_matches(|c| c == '"' || c == '`').to_string()
}
