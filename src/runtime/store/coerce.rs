//! A value as its column keeps it: the conversion every database makes of a value bound
//! to a column of another type (`'5'` into an INTEGER, `5` into a VARCHAR, `1` into a
//! BOOLEAN). GlueSQL would refuse these; a JavaScript snippet writes them all the time
//! (`findByPk(req.params.id)`, `create(req.body)`). The database's own refusals of what
//! it cannot convert (`invalid input syntax for type integer: "abc"`) are made above,
//! where the dialect is known; here a value that does not convert is left as it is.

use std::collections::HashMap;

use super::{Cell, ColumnKind, Comparison, Filter};

/// The column kinds of each table, as created.
#[derive(Default)]
pub struct Kinds {
    tables: HashMap<String, HashMap<String, ColumnKind>>,
    /// Text equals text whatever its case, as under MySQL's default collations
    /// (`utf8mb4_general_ci`, `utf8mb4_0900_ai_ci`).
    pub text_ignores_case: bool,
}

impl Kinds {
    pub fn created(&mut self, table: &str, columns: &[(String, ColumnKind)]) {
        let columns = columns.iter().cloned().collect();
        self.tables.insert(table.to_string(), columns);
    }

    pub fn dropped(&mut self, table: &str) {
        self.tables.remove(table);
    }

    fn kind(&self, table: &str, column: &str) -> Option<ColumnKind> {
        self.tables.get(table)?.get(column).copied()
    }

    /// `rows`' cells (in `columns`' order) as `table` keeps them.
    pub fn rows(&self, table: &str, columns: &[String], rows: &mut [Vec<Cell>]) {
        let kinds: Vec<Option<ColumnKind>> = columns.iter().map(|c| self.kind(table, c)).collect();
        for row in rows {
            for (cell, kind) in row.iter_mut().zip(&kinds) {
                if let Some(kind) = kind {
                    convert(cell, *kind);
                }
            }
        }
    }

    /// `filter`'s values as `table`'s columns compare them. A value its column cannot
    /// take matches no row (`id = 'abc'` on MySQL and SQLite).
    pub fn filter(&self, table: &str, filter: &mut Filter) {
        let kind = |column: &str| self.kind(table, column);
        match filter {
            Filter::Compare { column, op, value } => {
                if let Some(kind) = kind(column) {
                    if !convert(value, kind) && *op == Comparison::Eq {
                        *filter = Filter::Nothing;
                    } else if self.text_ignores_case && kind == ColumnKind::Text {
                        if let Some(folded) = case_folded(column, *op, value) {
                            *filter = folded;
                        }
                    }
                }
            }
            Filter::In {
                column,
                values,
                negated: false,
            } => {
                if let Some(kind) = kind(column) {
                    values.retain_mut(|value| convert(value, kind));
                    if values.is_empty() {
                        *filter = Filter::Nothing;
                    } else if self.text_ignores_case && kind == ColumnKind::Text {
                        let folded: Option<Vec<Filter>> = values
                            .iter()
                            .map(|v| case_folded(column, Comparison::Eq, v))
                            .collect();
                        if let Some(folded) = folded {
                            *filter = Filter::Or(folded);
                        }
                    }
                }
            }
            Filter::Between {
                column, low, high, ..
            } => {
                if let Some(kind) = kind(column) {
                    convert(low, kind);
                    convert(high, kind);
                }
            }
            Filter::And(items) | Filter::Or(items) => {
                for item in items {
                    self.filter(table, item);
                }
            }
            Filter::In { .. }
            | Filter::All
            | Filter::Nothing
            | Filter::IsNull { .. }
            | Filter::Like { .. }
            | Filter::Invalid(_) => {}
        }
    }
}

/// `column = 'text'` (or `!=`) whatever the case: a case-blind LIKE of the same text,
/// which is the same test when the text has no `%` or `_` (GlueSQL's LIKE has no
/// escape); a text with one keeps its exact comparison.
fn case_folded(column: &str, op: Comparison, value: &Cell) -> Option<Filter> {
    let Cell::Text(text) = value else {
        return None;
    };
    let negated = match op {
        Comparison::Eq => false,
        Comparison::NotEq => true,
        _ => return None,
    };
    (!text.contains(['%', '_'])).then(|| Filter::Like {
        column: column.to_string(),
        pattern: value.clone(),
        negated,
        case_insensitive: true,
    })
}

/// Converts `cell` to `kind` in place; false when it has no value of that kind (it is
/// then left as it was).
pub fn convert(cell: &mut Cell, kind: ColumnKind) -> bool {
    let converted = match (kind, &*cell) {
        (_, Cell::Null) => return true,
        (ColumnKind::Int, Cell::Int(_))
        | (ColumnKind::Float, Cell::Float(_))
        | (ColumnKind::Text, Cell::Text(_))
        | (ColumnKind::Bool, Cell::Bool(_)) => return true,
        (ColumnKind::Int, Cell::Float(f)) if f.is_finite() => Some(Cell::Int(f.round() as i64)),
        (ColumnKind::Int, Cell::Bool(b)) => Some(Cell::Int(i64::from(*b))),
        (ColumnKind::Int, Cell::Text(t)) => integer_in(t).map(Cell::Int),
        (ColumnKind::Float, Cell::Int(i)) => Some(Cell::Float(*i as f64)),
        (ColumnKind::Float, Cell::Bool(b)) => Some(Cell::Float(f64::from(u8::from(*b)))),
        (ColumnKind::Float, Cell::Text(t)) => t.trim().parse::<f64>().ok().map(Cell::Float),
        (ColumnKind::Text, Cell::Int(i)) => Some(Cell::Text(i.to_string())),
        (ColumnKind::Text, Cell::Float(f)) => Some(Cell::Text(crate::js::format_number(*f))),
        (ColumnKind::Text, Cell::Bool(b)) => Some(Cell::Text(b.to_string())),
        (ColumnKind::Bool, Cell::Int(i @ (0 | 1))) => Some(Cell::Bool(*i == 1)),
        (ColumnKind::Bool, Cell::Text(t)) => boolean_in(t).map(Cell::Bool),
        _ => None,
    };
    match converted {
        Some(value) => {
            *cell = value;
            true
        }
        None => false,
    }
}

/// The integer a text spells (`' 5 '`, `'5.0'`), as the databases read one.
pub fn integer_in(text: &str) -> Option<i64> {
    let text = text.trim();
    text.parse::<i64>().ok().or_else(|| {
        let f = text.parse::<f64>().ok()?;
        (f.is_finite() && f.fract() == 0.0 && f.abs() < 9.0e15).then_some(f as i64)
    })
}

/// The boolean a text spells, as PostgreSQL's boolean input reads it.
fn boolean_in(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "t" | "true" | "y" | "yes" | "on" | "1" => Some(true),
        "f" | "false" | "n" | "no" | "off" | "0" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_take_their_column_kind() {
        let converted = |mut cell: Cell, kind| convert(&mut cell, kind).then_some(cell);
        assert_eq!(
            converted(Cell::Text("5".into()), ColumnKind::Int),
            Some(Cell::Int(5))
        );
        assert_eq!(converted(Cell::Text("abc".into()), ColumnKind::Int), None);
        assert_eq!(
            converted(Cell::Int(5), ColumnKind::Text),
            Some(Cell::Text("5".into()))
        );
        assert_eq!(
            converted(Cell::Float(12.5), ColumnKind::Text),
            Some(Cell::Text("12.5".into()))
        );
        assert_eq!(
            converted(Cell::Text("1.5".into()), ColumnKind::Float),
            Some(Cell::Float(1.5))
        );
        assert_eq!(
            converted(Cell::Int(1), ColumnKind::Bool),
            Some(Cell::Bool(true))
        );
        assert_eq!(
            converted(Cell::Text("false".into()), ColumnKind::Bool),
            Some(Cell::Bool(false))
        );
        assert_eq!(converted(Cell::Null, ColumnKind::Int), Some(Cell::Null));
    }

    #[test]
    fn a_value_its_column_cannot_take_matches_nothing() {
        let mut kinds = Kinds::default();
        kinds.created("t", &[("id".into(), ColumnKind::Int)]);
        let mut filter = Filter::eq("id", &Cell::Text("abc".into()));
        kinds.filter("t", &mut filter);
        assert_eq!(filter, Filter::Nothing);
        let mut filter = Filter::eq("id", &Cell::Text("7".into()));
        kinds.filter("t", &mut filter);
        assert_eq!(filter, Filter::eq("id", &Cell::Int(7)));
    }
}
