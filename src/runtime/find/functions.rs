//! Which SQL functions each database has, the error it gives for one it lacks, and the
//! scalar functions beyond the everyday few in [`super::expr`]: text (`SUBSTR`,
//! `REPLACE`), numbers (`FLOOR`, `CEIL`, `MOD`, `POWER`, `GREATEST`), comparisons
//! (`NULLIF`), and dates as each database spells them (MySQL's `YEAR` and
//! `DATE_FORMAT`, SQLite's `strftime`, PostgreSQL's `date_trunc` and `to_char`).

use super::expr::{number, text};
use crate::error::{ErrorName, SequelizeError};
use crate::runtime::store::Cell;
use crate::sql::Dialect;

/// Functions only some databases have, by upper-case name, with the ones that have them.
const ONLY_IN: &[(&str, &[Dialect])] = &[
    ("IFNULL", &[Dialect::Mysql, Dialect::Sqlite]),
    ("GREATEST", &[Dialect::Postgres, Dialect::Mysql]),
    ("LEAST", &[Dialect::Postgres, Dialect::Mysql]),
    ("CHAR_LENGTH", &[Dialect::Postgres, Dialect::Mysql]),
    ("CHARACTER_LENGTH", &[Dialect::Postgres, Dialect::Mysql]),
    ("LCASE", &[Dialect::Mysql]),
    ("UCASE", &[Dialect::Mysql]),
    ("NOW", &[Dialect::Postgres, Dialect::Mysql]),
    ("YEAR", &[Dialect::Mysql]),
    ("MONTH", &[Dialect::Mysql]),
    ("DAY", &[Dialect::Mysql]),
    ("DAYOFMONTH", &[Dialect::Mysql]),
    ("HOUR", &[Dialect::Mysql]),
    ("MINUTE", &[Dialect::Mysql]),
    ("SECOND", &[Dialect::Mysql]),
    ("DATE_FORMAT", &[Dialect::Mysql]),
    ("GROUP_CONCAT", &[Dialect::Mysql, Dialect::Sqlite]),
    ("STRING_AGG", &[Dialect::Postgres, Dialect::Sqlite]),
    ("DATE_TRUNC", &[Dialect::Postgres]),
    ("DATE_PART", &[Dialect::Postgres]),
    // MariaDB has TO_CHAR too (MySQL itself does not).
    ("TO_CHAR", &[Dialect::Postgres, Dialect::Mysql]),
    ("STRFTIME", &[Dialect::Sqlite]),
    ("EXTRACT", &[Dialect::Postgres, Dialect::Mysql]),
];

/// Whether the database has the function `name` (upper case); functions the playground
/// does not know are left to the caller.
pub fn exists(name: &str, dialect: Dialect) -> bool {
    ONLY_IN
        .iter()
        .find(|(n, _)| *n == name)
        .is_none_or(|(_, dialects)| dialects.contains(&dialect))
}

/// The database's error for a function it does not have: PostgreSQL names it with its
/// arguments' types (`function year(timestamp with time zone) does not exist`), MySQL
/// with the database (`FUNCTION assoc_corpus.date_trunc does not exist`), SQLite as
/// written.
pub fn missing(written: &str, argument_types: &[String], dialect: Dialect) -> SequelizeError {
    let message = match dialect {
        Dialect::Postgres => format!(
            "function {}({}) does not exist",
            written.to_lowercase(),
            argument_types.join(", ")
        ),
        Dialect::Mysql => format!(
            "FUNCTION {}.{written} does not exist",
            crate::sql::refusal::MYSQL_DATABASE
        ),
        // SQLite has no `EXTRACT(field FROM …)` syntax at all.
        Dialect::Sqlite if written.eq_ignore_ascii_case("EXTRACT") => {
            "SQLITE_ERROR: near \"FROM\": syntax error".to_string()
        }
        Dialect::Sqlite => format!("SQLITE_ERROR: no such function: {written}"),
    };
    let hint = match written.to_uppercase().as_str() {
        "YEAR" | "MONTH" | "DAY" | "DAYOFMONTH" | "HOUR" | "MINUTE" | "SECOND" | "DATE_FORMAT"
        | "DATE_TRUNC" | "DATE_PART" | "TO_CHAR" | "STRFTIME" => {
            "each database has its own date functions: MySQL's YEAR() and DATE_FORMAT(), PostgreSQL's date_trunc() and to_char(), SQLite's strftime()"
        }
        "GROUP_CONCAT" | "STRING_AGG" => {
            "MySQL and SQLite join a group's values with GROUP_CONCAT, PostgreSQL (and SQLite) with STRING_AGG(column, ', ')"
        }
        "IFNULL" => "COALESCE(column, fallback) works on every database",
        _ => "this database does not have that function",
    };
    SequelizeError::new(ErrorName::SequelizeDatabaseError, message).with_hint(hint)
}

/// A scalar function of this module on one row's values, or `None` when `name` is not
/// one of them.
pub fn compute(name: &str, values: &[Cell], dialect: Dialect) -> Option<Cell> {
    let arg = |i: usize| values.get(i).cloned().unwrap_or(Cell::Null);
    let any_null = |count: usize| (0..count).any(|i| arg(i) == Cell::Null);
    Some(match name {
        "SUBSTR" | "SUBSTRING" => {
            if any_null(2) {
                return Some(Cell::Null);
            }
            let text = text(&arg(0))?;
            let start = number(&arg(1))? as i64;
            let length = values.get(2).and_then(number).map(|n| n as i64);
            Cell::Text(substring(&text, start, length))
        }
        "REPLACE" => match (text(&arg(0)), text(&arg(1)), text(&arg(2))) {
            (Some(text), Some(from), Some(to)) if !from.is_empty() => {
                Cell::Text(text.replace(&from, &to))
            }
            (Some(text), Some(_), Some(_)) => Cell::Text(text),
            _ => Cell::Null,
        },
        "NULLIF" => match same_value(&arg(0), &arg(1)) {
            true => Cell::Null,
            false => arg(0),
        },
        "FLOOR" | "CEIL" | "CEILING" => match number(&arg(0)) {
            None => Cell::Null,
            Some(n) if name == "FLOOR" => whole(n.floor(), &arg(0)),
            Some(n) => whole(n.ceil(), &arg(0)),
        },
        "MOD" => match (&arg(0), &arg(1)) {
            (Cell::Int(a), Cell::Int(b)) if *b != 0 => Cell::Int(a % b),
            (a, b) => match (number(a), number(b)) {
                (Some(a), Some(b)) if b != 0.0 => Cell::Float(a % b),
                _ => Cell::Null,
            },
        },
        "POWER" | "POW" => match (number(&arg(0)), number(&arg(1))) {
            (Some(a), Some(b)) => Cell::Float(a.powf(b)),
            _ => Cell::Null,
        },
        "SQRT" => number(&arg(0)).map_or(Cell::Null, |n| Cell::Float(n.sqrt())),
        "GREATEST" | "LEAST" => extreme(values, name == "GREATEST", dialect),
        "YEAR" | "MONTH" | "DAY" | "DAYOFMONTH" | "HOUR" | "MINUTE" | "SECOND" => {
            let Some(ms) = millis_of(&arg(0)) else {
                return Some(Cell::Null);
            };
            let parts = DateParts::of(ms);
            Cell::Int(match name {
                "YEAR" => parts.year,
                "MONTH" => parts.month,
                "DAY" | "DAYOFMONTH" => parts.day,
                "HOUR" => parts.hour,
                "MINUTE" => parts.minute,
                _ => parts.second,
            })
        }
        "DATE_FORMAT" => format_date(&arg(0), &arg(1), mysql_format),
        "STRFTIME" => format_date(&arg(1), &arg(0), sqlite_format),
        "TO_CHAR" => format_date(&arg(0), &arg(1), postgres_format),
        "DATE_TRUNC" => match (text(&arg(0)), millis_of(&arg(1))) {
            (Some(unit), Some(ms)) => Cell::Int(truncate(ms, &unit.to_lowercase())?),
            _ => Cell::Null,
        },
        // PostgreSQL's EXTRACT answers a numeric (text to the driver); MySQL's an integer.
        "EXTRACT" => match (text(&arg(0)), millis_of(&arg(1))) {
            (Some(field), Some(ms)) => {
                let part = date_part(ms, &field.to_lowercase())?;
                match (dialect, field.to_lowercase().as_str()) {
                    (Dialect::Postgres, "second" | "epoch") => Cell::Text(format!("{part:.6}")),
                    (Dialect::Postgres, _) => Cell::Text(format!("{part}")),
                    _ => Cell::Int(part as i64),
                }
            }
            _ => Cell::Null,
        },
        "DATE_PART" => match (text(&arg(0)), millis_of(&arg(1))) {
            (Some(unit), Some(ms)) => Cell::Float(date_part(ms, &unit.to_lowercase())?),
            _ => Cell::Null,
        },
        _ => return None,
    })
}

/// `FLOOR`/`CEIL` of an integer stays one; of anything else it is a double.
fn whole(n: f64, input: &Cell) -> Cell {
    match input {
        Cell::Int(_) => Cell::Int(n as i64),
        _ => Cell::Float(n),
    }
}

fn extreme(values: &[Cell], greatest: bool, dialect: Dialect) -> Cell {
    // PostgreSQL skips NULLs; MySQL's answer is NULL when any value is.
    if dialect == Dialect::Mysql && values.contains(&Cell::Null) {
        return Cell::Null;
    }
    let mut best: Option<&Cell> = None;
    for value in values.iter().filter(|v| **v != Cell::Null) {
        let better = best.is_none_or(|b| {
            let ordering = super::load::compare_cells(value, b, dialect);
            if greatest {
                ordering.is_gt()
            } else {
                ordering.is_lt()
            }
        });
        if better {
            best = Some(value);
        }
    }
    best.cloned().unwrap_or(Cell::Null)
}

fn same_value(a: &Cell, b: &Cell) -> bool {
    match (number(a), number(b)) {
        (Some(x), Some(y)) if !matches!(a, Cell::Text(_)) || !matches!(b, Cell::Text(_)) => x == y,
        _ => a == b,
    }
}

/// SQL's 1-based `SUBSTR(text, start, length)`, counted in characters; a start of 0
/// or below eats into the length, as every database counts it.
fn substring(text: &str, start: i64, length: Option<i64>) -> String {
    let chars: Vec<char> = text.chars().collect();
    let count = chars.len() as i64;
    let (from, to) = match start {
        s if s > 0 => (s - 1, length.map_or(count, |l| s - 1 + l.max(0))),
        s => (0, length.map_or(count, |l| s - 1 + l)),
    };
    let (from, to) = (from.clamp(0, count), to.clamp(0, count));
    if from >= to {
        return String::new();
    }
    chars[from as usize..to as usize].iter().collect()
}

/// A date's milliseconds since the epoch: stored dates are milliseconds; SQLite's are
/// the text Sequelize writes (`2024-01-02 03:04:05.000 +00:00`).
fn millis_of(cell: &Cell) -> Option<i64> {
    match cell {
        Cell::Int(ms) => Some(*ms),
        Cell::Text(text) => crate::js::parse_iso_date(&text.replace(" +", "+").replace(" -", "-")),
        _ => None,
    }
}

struct DateParts {
    /// Milliseconds since the epoch, the parts' source.
    epoch_ms: i64,
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    minute: i64,
    second: i64,
    millis: i64,
    /// 0 for Sunday.
    weekday: i64,
    /// 1 for the first of January.
    day_of_year: i64,
}

impl DateParts {
    fn of(ms: i64) -> DateParts {
        let iso = crate::js::iso_date(ms);
        let field = |range: std::ops::Range<usize>| iso[range].parse::<i64>().unwrap_or(0);
        let days = ms.div_euclid(86_400_000);
        let year = field(0..4);
        let new_year = crate::js::parse_iso_date(&format!("{year:04}-01-01")).unwrap_or(0);
        DateParts {
            epoch_ms: ms,
            year,
            month: field(5..7),
            day: field(8..10),
            hour: field(11..13),
            minute: field(14..16),
            second: field(17..19),
            millis: field(20..23),
            // 1970-01-01 was a Thursday.
            weekday: (days + 4).rem_euclid(7),
            day_of_year: days - new_year.div_euclid(86_400_000) + 1,
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

fn format_date(date: &Cell, format: &Cell, write: fn(&DateParts, &str) -> String) -> Cell {
    match (millis_of(date), text(format)) {
        (Some(ms), Some(format)) => Cell::Text(write(&DateParts::of(ms), &format)),
        _ => Cell::Null,
    }
}

fn month_name(p: &DateParts) -> &'static str {
    MONTHS[(p.month - 1).clamp(0, 11) as usize]
}

fn weekday_name(p: &DateParts) -> &'static str {
    WEEKDAYS[p.weekday as usize]
}

fn twelve_hour(p: &DateParts) -> i64 {
    match p.hour % 12 {
        0 => 12,
        h => h,
    }
}

/// `format` with each `%x` replaced by `specifier(x)` (a trailing `%` dropped): the
/// shape of MySQL's `DATE_FORMAT` and SQLite's `strftime` formats.
fn expand_percents(format: &str, specifier: impl Fn(char) -> String) -> String {
    let mut out = String::new();
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        match c {
            '%' => match chars.next() {
                Some(spec) => out.push_str(&specifier(spec)),
                None => break,
            },
            c => out.push(c),
        }
    }
    out
}

/// MySQL's `DATE_FORMAT` specifiers (`%Y-%m-%d %H:%i:%s`, `%M`, `%b`, `%W`, …); an
/// unknown one is its letter.
fn mysql_format(p: &DateParts, format: &str) -> String {
    expand_percents(format, |spec| match spec {
        'Y' => format!("{:04}", p.year),
        'y' => format!("{:02}", p.year % 100),
        'm' => format!("{:02}", p.month),
        'c' => p.month.to_string(),
        'd' => format!("{:02}", p.day),
        'e' => p.day.to_string(),
        'H' => format!("{:02}", p.hour),
        'k' => p.hour.to_string(),
        'h' | 'I' => format!("{:02}", twelve_hour(p)),
        'l' => twelve_hour(p).to_string(),
        'i' => format!("{:02}", p.minute),
        's' | 'S' => format!("{:02}", p.second),
        'f' => format!("{:06}", p.millis * 1000),
        'p' => (if p.hour < 12 { "AM" } else { "PM" }).to_string(),
        'T' => format!("{:02}:{:02}:{:02}", p.hour, p.minute, p.second),
        'M' => month_name(p).to_string(),
        'b' => month_name(p)[..3].to_string(),
        'W' => weekday_name(p).to_string(),
        'a' => weekday_name(p)[..3].to_string(),
        'w' => p.weekday.to_string(),
        'j' => format!("{:03}", p.day_of_year),
        other => other.to_string(),
    })
}

/// SQLite's `strftime` specifiers (`%Y-%m-%d`, `%H:%M:%S`, `%j`, `%w`, `%s`, `%f`); an
/// unknown one is kept as written.
fn sqlite_format(p: &DateParts, format: &str) -> String {
    expand_percents(format, |spec| match spec {
        'Y' => format!("{:04}", p.year),
        'm' => format!("{:02}", p.month),
        'd' => format!("{:02}", p.day),
        'H' => format!("{:02}", p.hour),
        'M' => format!("{:02}", p.minute),
        'S' => format!("{:02}", p.second),
        'f' => format!("{:02}.{:03}", p.second, p.millis),
        'j' => format!("{:03}", p.day_of_year),
        'w' => p.weekday.to_string(),
        's' => p.epoch_ms.div_euclid(1000).to_string(),
        other => format!("%{other}"),
    })
}

/// PostgreSQL's `to_char` patterns (`YYYY-MM-DD`, `HH24:MI:SS`, `Mon`, `Month`, `Day`,
/// `FM` to drop the padding); anything else is copied, as PostgreSQL copies it.
fn postgres_format(p: &DateParts, format: &str) -> String {
    let mut out = String::new();
    let mut rest = format;
    let mut fill_mode = false;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("FM") {
            fill_mode = true;
            rest = after;
            continue;
        }
        let pad = |text: String, width: usize, fill: bool| match fill {
            true => text,
            false => format!("{text:<width$}"),
        };
        let number = |n: i64, width: usize, fill: bool| match fill {
            true => n.to_string(),
            false => format!("{n:0width$}"),
        };
        let cased = |name: &str, pattern: &str| {
            if pattern.chars().all(|c| c.is_ascii_uppercase()) {
                name.to_uppercase()
            } else if pattern.chars().all(|c| c.is_ascii_lowercase()) {
                name.to_lowercase()
            } else {
                name.to_string()
            }
        };
        let tokens: &[&str] = &[
            "YYYY", "HH24", "HH12", "MONTH", "Month", "month", "DDD", "YY", "MM", "DD", "HH", "MI",
            "SS", "MS", "MON", "Mon", "mon", "DAY", "Day", "day", "DY", "Dy", "dy", "AM", "PM",
            "am", "pm", "Q", "D",
        ];
        let Some(token) = tokens.iter().find(|t| rest.starts_with(**t)) else {
            let c = rest.chars().next().unwrap_or_default();
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        };
        let fill = std::mem::take(&mut fill_mode);
        let text = match *token {
            "YYYY" => number(p.year, 4, fill),
            "YY" => number(p.year % 100, 2, fill),
            "MM" => number(p.month, 2, fill),
            "DD" => number(p.day, 2, fill),
            "DDD" => number(p.day_of_year, 3, fill),
            "D" => (p.weekday + 1).to_string(),
            "HH24" => number(p.hour, 2, fill),
            "HH12" | "HH" => number(twelve_hour(p), 2, fill),
            "MI" => number(p.minute, 2, fill),
            "SS" => number(p.second, 2, fill),
            "MS" => number(p.millis, 3, fill),
            "Q" => ((p.month - 1) / 3 + 1).to_string(),
            "AM" | "PM" => (if p.hour < 12 { "AM" } else { "PM" }).to_string(),
            "am" | "pm" => (if p.hour < 12 { "am" } else { "pm" }).to_string(),
            "MONTH" | "Month" | "month" => pad(cased(month_name(p), token), 9, fill),
            "MON" | "Mon" | "mon" => cased(&month_name(p)[..3], token),
            "DAY" | "Day" | "day" => pad(cased(weekday_name(p), token), 9, fill),
            _ => cased(&weekday_name(p)[..3], token),
        };
        out.push_str(&text);
        rest = &rest[token.len()..];
    }
    out
}

/// PostgreSQL's `date_trunc(unit, timestamp)` in UTC; `None` for a unit it refuses.
fn truncate(ms: i64, unit: &str) -> Option<i64> {
    let p = DateParts::of(ms);
    let at = |year: i64, month: i64, day: i64, hour: i64, minute: i64, second: i64| {
        crate::js::parse_iso_date(&format!(
            "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z"
        ))
    };
    match unit {
        "millennium" => at((p.year - 1) / 1000 * 1000 + 1, 1, 1, 0, 0, 0),
        "century" => at((p.year - 1) / 100 * 100 + 1, 1, 1, 0, 0, 0),
        "decade" => at(p.year / 10 * 10, 1, 1, 0, 0, 0),
        "year" => at(p.year, 1, 1, 0, 0, 0),
        "quarter" => at(p.year, (p.month - 1) / 3 * 3 + 1, 1, 0, 0, 0),
        "month" => at(p.year, p.month, 1, 0, 0, 0),
        "week" => {
            let day = at(p.year, p.month, p.day, 0, 0, 0)?;
            // Weeks start on Monday.
            Some(day - (p.weekday + 6).rem_euclid(7) * 86_400_000)
        }
        "day" => at(p.year, p.month, p.day, 0, 0, 0),
        "hour" => at(p.year, p.month, p.day, p.hour, 0, 0),
        "minute" => at(p.year, p.month, p.day, p.hour, p.minute, 0),
        "second" => at(p.year, p.month, p.day, p.hour, p.minute, p.second),
        "milliseconds" | "microseconds" => Some(ms),
        _ => None,
    }
}

/// PostgreSQL's `date_part(unit, timestamp)`, a double.
fn date_part(ms: i64, unit: &str) -> Option<f64> {
    let p = DateParts::of(ms);
    Some(match unit {
        "year" => p.year as f64,
        "month" => p.month as f64,
        "day" => p.day as f64,
        "hour" => p.hour as f64,
        "minute" => p.minute as f64,
        "second" => p.second as f64 + p.millis as f64 / 1000.0,
        "dow" => p.weekday as f64,
        "doy" => p.day_of_year as f64,
        "quarter" => ((p.month - 1) / 3 + 1) as f64,
        "epoch" => ms as f64 / 1000.0,
        _ => return None,
    })
}

/// The tables a find reads, by alias, to name a column's type in PostgreSQL's error.
pub struct Tables<'s> {
    pub schema: &'s crate::schema::Schema,
    pub tables: Vec<(String, crate::schema::ModelId)>,
}

impl<'s> Tables<'s> {
    /// The model's table under `alias` and each include's under its path (`pugs->toys`).
    pub fn of_find(
        schema: &'s crate::schema::Schema,
        model: crate::schema::ModelId,
        alias: &str,
        includes: &[crate::plan::IncludePlan],
    ) -> Tables<'s> {
        fn add(
            tables: &mut Vec<(String, crate::schema::ModelId)>,
            prefix: Option<&str>,
            includes: &[crate::plan::IncludePlan],
        ) {
            for include in includes {
                let path = match prefix {
                    Some(p) => format!("{p}->{}", include.as_name),
                    None => include.as_name.clone(),
                };
                tables.push((path.clone(), include.model));
                add(tables, Some(&path), &include.children);
            }
        }
        let mut tables = vec![(alias.to_string(), model)];
        add(&mut tables, None, includes);
        Tables { schema, tables }
    }

    /// PostgreSQL's name for the type of `table.field` (`character varying`).
    fn postgres_type(&self, table: Option<&str>, field: &str) -> Option<String> {
        self.tables
            .iter()
            .filter(|(alias, _)| table.is_none_or(|t| t == alias))
            .find_map(|(_, id)| {
                let model = self.schema.model(*id);
                let (name, attribute) = model
                    .table_attributes()
                    .find(|(name, _)| model.field_of(name) == field)?;
                let data_type = attribute.data_type.as_ref()?;
                Some(match data_type.key.as_str() {
                    "STRING" if data_type.binary => "bytea".into(),
                    "STRING" => "character varying".into(),
                    "CHAR" => "character".into(),
                    "TEXT" | "CITEXT" => data_type.key.to_lowercase(),
                    "INTEGER" | "MEDIUMINT" => "integer".into(),
                    "BIGINT" => "bigint".into(),
                    "SMALLINT" | "TINYINT" => "smallint".into(),
                    "FLOAT" | "DOUBLE" => "double precision".into(),
                    "REAL" => "real".into(),
                    "DECIMAL" | "NUMERIC" => "numeric".into(),
                    "BOOLEAN" => "boolean".into(),
                    "DATE" => "timestamp with time zone".into(),
                    "DATEONLY" => "date".into(),
                    "TIME" => "time without time zone".into(),
                    "ENUM" => format!("enum_{}_{}", model.table_name, model.field_of(name)),
                    other => other.to_lowercase(),
                })
            })
    }
}

/// PostgreSQL's name for the type of `term`, as its "does not exist" error lists it.
fn postgres_type_of(term: &super::expr::Term, tables: Option<&Tables>) -> String {
    use super::expr::Term;
    match term {
        Term::Column { table, name } => tables
            .and_then(|t| t.postgres_type(table.as_deref(), name))
            .unwrap_or_else(|| "unknown".into()),
        Term::Value(Cell::Int(_)) => "integer".into(),
        Term::Value(Cell::Float(_)) => "numeric".into(),
        Term::Value(Cell::Bool(_)) => "boolean".into(),
        Term::Value(_) | Term::Star => "unknown".into(),
        Term::Call { name, args } => match name.to_uppercase().as_str() {
            "COUNT" => "bigint".into(),
            "LOWER" | "UPPER" | "CONCAT" | "TRIM" | "REPLACE" | "SUBSTR" | "SUBSTRING"
            | "TO_CHAR" | "STRING_AGG" => "text".into(),
            "LENGTH" | "CHAR_LENGTH" => "integer".into(),
            "NOW" | "DATE_TRUNC" => "timestamp with time zone".into(),
            "AVG" => "numeric".into(),
            "DATE_PART" | "POWER" => "double precision".into(),
            _ => args
                .first()
                .map_or_else(|| "unknown".into(), |a| postgres_type_of(a, tables)),
        },
        Term::Cast { type_name, .. } => type_name.to_lowercase(),
        Term::Arithmetic { left, .. } => postgres_type_of(left, tables),
        Term::Compare { .. } | Term::And(_) | Term::Or(_) | Term::Not(_) => "boolean".into(),
        Term::JsonPath { .. } => "text".into(),
        Term::List(_) | Term::Subquery(_) => "unknown".into(),
    }
}

/// The error for a call to a function the database lacks, its arguments typed from
/// `tables` where they name columns.
pub fn missing_call(
    written: &str,
    args: &[super::expr::Term],
    tables: Option<&Tables>,
    dialect: Dialect,
) -> SequelizeError {
    let types: Vec<String> = match dialect {
        Dialect::Postgres => args.iter().map(|a| postgres_type_of(a, tables)).collect(),
        _ => Vec::new(),
    };
    missing(written, &types, dialect)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substring_counts_from_one_and_clips() {
        assert_eq!(substring("Notebook", 1, Some(3)), "Not");
        assert_eq!(substring("Notebook", 5, None), "book");
        assert_eq!(substring("Notebook", 0, Some(3)), "No");
        assert_eq!(substring("Notebook", 20, Some(3)), "");
    }

    #[test]
    fn dates_format_as_each_database_writes_them() {
        let ms = crate::js::parse_iso_date("2023-03-05T14:20:30.250Z").unwrap();
        let p = DateParts::of(ms);
        assert_eq!(
            mysql_format(&p, "%Y-%m-%d %H:%i:%s %b %W %j"),
            "2023-03-05 14:20:30 Mar Sunday 064"
        );
        assert_eq!(sqlite_format(&p, "%Y/%m %w %f"), "2023/03 0 30.250");
        assert_eq!(
            postgres_format(&p, "YYYY-MM Mon FMMonth Day HH12 PM"),
            "2023-03 Mar March Sunday    02 PM"
        );
        assert_eq!(
            truncate(ms, "week").map(crate::js::iso_date).as_deref(),
            Some("2023-02-27T00:00:00.000Z")
        );
    }
}
