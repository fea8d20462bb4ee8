//! A plan's `where` as the store's filter: the same rows the run's database would keep
//! (LIKE ignores case on MySQL and SQLite), or a filter the store refuses with a message
//! when a comparison cannot be made.

use crate::plan::{CompareOp, Literal, Where, WhereValue};
use crate::runtime::store::{Cell, Filter};
use crate::sql::Dialect;

/// The same condition for the store (column names without a table alias), as `dialect`
/// reads it.
pub fn store_filter(condition: &Where, dialect: Dialect) -> Filter {
    let each = |items: &[Where]| items.iter().map(|i| store_filter(i, dialect)).collect();
    match condition {
        Where::And(items) if items.is_empty() => Filter::All,
        // An empty Op.or keeps no row (Sequelize writes `0 = 1`).
        Where::Or(items) if items.is_empty() => Filter::Nothing,
        Where::And(items) => Filter::And(each(items)),
        Where::Or(items) => Filter::Or(each(items)),
        Where::Group(inner) => store_filter(inner, dialect),
        // SQL pieces under the NOT are checked after, on the rows kept.
        Where::Not(inner) if super::expr::has_sql(inner) => Filter::All,
        Where::Not(inner) => store_filter(inner, dialect).negated(),
        // Moved onto its include before the store is asked (`load::hoist_nested`).
        Where::Nested { .. } => Filter::All,
        // SQL pieces and JSON paths: the store keeps every row, and `expr` checks them
        // after.
        Where::Sql(_)
        | Where::Json { .. }
        | Where::Compare {
            value: WhereValue::Sql(_),
            ..
        } => Filter::All,
        Where::Compare {
            field, op, value, ..
        } => compare_filter(field, *op, value, dialect),
    }
}

fn compare_filter(field: &str, op: CompareOp, value: &WhereValue, dialect: Dialect) -> Filter {
    use crate::runtime::store::Comparison;
    let column = field.to_string();
    let compare = |comparison| match value {
        WhereValue::One(literal) => Filter::Compare {
            column: column.clone(),
            op: comparison,
            value: store_cell(literal),
        },
        WhereValue::List(_) | WhereValue::Sql(_) => cannot_say(op.sql(), value),
    };
    let like = |negated, case_insensitive| match value {
        WhereValue::One(literal) => Filter::Like {
            column: column.clone(),
            pattern: store_cell(literal),
            negated,
            case_insensitive,
        },
        WhereValue::List(_) | WhereValue::Sql(_) => cannot_say(op.sql(), value),
    };
    match op {
        // Matched row by row afterwards ([`super::expr::has_sql`]): the store keeps all.
        CompareOp::Regexp | CompareOp::NotRegexp | CompareOp::IRegexp | CompareOp::NotIRegexp => {
            Filter::All
        }
        CompareOp::Eq => compare(Comparison::Eq),
        CompareOp::Ne => compare(Comparison::NotEq),
        CompareOp::Gt => compare(Comparison::Gt),
        CompareOp::Gte => compare(Comparison::GtEq),
        CompareOp::Lt => compare(Comparison::Lt),
        CompareOp::Lte => compare(Comparison::LtEq),
        CompareOp::Like => like(false, !dialect.has_case_sensitive_like()),
        CompareOp::NotLike => like(true, !dialect.has_case_sensitive_like()),
        CompareOp::ILike => like(false, true),
        CompareOp::NotILike => like(true, true),
        CompareOp::In | CompareOp::NotIn => match value {
            WhereValue::List(items) if items.is_empty() => match op {
                CompareOp::NotIn => Filter::All,
                _ => Filter::Nothing,
            },
            // `x NOT IN (3, NULL)` is never true: it is NULL where it is not false.
            WhereValue::List(items) if op == CompareOp::NotIn && items.contains(&Literal::Null) => {
                Filter::Nothing
            }
            WhereValue::List(items) => Filter::In {
                column,
                values: items.iter().map(store_cell).collect(),
                negated: op == CompareOp::NotIn,
            },
            WhereValue::One(_) | WhereValue::Sql(_) => cannot_say(op.sql(), value),
        },
        CompareOp::Between | CompareOp::NotBetween => match value {
            WhereValue::List(items) if items.len() == 2 => Filter::Between {
                column,
                low: store_cell(&items[0]),
                high: store_cell(&items[1]),
                negated: op == CompareOp::NotBetween,
            },
            _ => cannot_say(op.sql(), value),
        },
        CompareOp::Is | CompareOp::IsNot => {
            let negated = op == CompareOp::IsNot;
            match value {
                WhereValue::One(Literal::Null) => Filter::IsNull { column, negated },
                // IS TRUE / IS NOT TRUE: a NULL is not TRUE.
                WhereValue::One(Literal::Bool(b)) => {
                    let compare = |op| Filter::Compare {
                        column: column.clone(),
                        op,
                        value: Cell::Bool(*b),
                    };
                    match negated {
                        false => compare(Comparison::Eq),
                        true => Filter::Or(vec![
                            Filter::IsNull {
                                column: column.clone(),
                                negated: false,
                            },
                            compare(Comparison::NotEq),
                        ]),
                    }
                }
                _ => cannot_say(op.sql(), value),
            }
        }
    }
}

/// A condition PostgreSQL would refuse as written (`IN 5`, `LIKE ('a', 'b')`).
fn cannot_say(op: &str, value: &WhereValue) -> Filter {
    let written = match value {
        WhereValue::One(literal) => store_literal_text(literal),
        WhereValue::List(items) => format!(
            "({})",
            items
                .iter()
                .map(store_literal_text)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        WhereValue::Sql(expr) => crate::sql::respell::unmark(&crate::runtime::log::expr_sql(expr)),
    };
    Filter::Invalid(format!("cannot compare with {op} {written}"))
}

fn store_literal_text(literal: &Literal) -> String {
    match literal {
        Literal::Date(ms) => ms.to_string(),
        other => crate::runtime::log::literal_sql(other),
    }
}

/// A where value as the store keeps it: dates as milliseconds, whole numbers as
/// integers.
pub(super) fn store_cell(literal: &Literal) -> Cell {
    match literal {
        Literal::Null => Cell::Null,
        Literal::Bool(b) => Cell::Bool(*b),
        Literal::Number(n) => crate::runtime::number_cell(*n),
        Literal::Str(s) => Cell::Text(s.clone()),
        Literal::Date(ms) => Cell::Int(*ms),
    }
}
