//! The conformance corpus: each `tests/corpus/NAME.js` snippet beside `NAME.json`, the
//! report real Sequelize 6 gave for it (recorded by `recorder/record.sh`). Our report's
//! `error`, `models`, `associations`, `ddl` and `steps` must equal the recording; SQL
//! text byte for byte. Timestamps differ from run to run, so both sides' ISO dates are
//! compared as `<date>`; a `sync` segment's SQL (catalog look-ups of the real server) is
//! not compared.
//!
//! Adding a case is adding a `.js` file. `ASSOC_RECORD=1 cargo test corpus` records every
//! case again (it needs Node and installs PostgreSQL from apt on first use);
//! `ASSOC_CASE=NAME cargo test corpus` checks only the cases whose names contain NAME.

use std::path::{Path, PathBuf};
use std::process::Command;

use assoc_playground::report::Report;
use serde_json::Value;

use super::support;

const COMPARED: &[&str] = &["error", "models", "associations", "ddl", "steps"];

pub(super) fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir("tests/corpus")
        .expect("tests/corpus exists")
        .map(|entry| entry.expect("readable").path())
        .filter(|path| path.extension().is_some_and(|e| e == "js"))
        .collect();
    cases.sort();
    cases
}

fn record_all() {
    let status = Command::new("recorder/record.sh")
        .status()
        .expect("recorder/record.sh runs");
    assert!(status.success(), "recording failed");
}

/// The first place two JSON values differ, as a path and both sides.
pub(super) fn first_difference(path: &str, ours: &Value, theirs: &Value) -> Option<String> {
    match (ours, theirs) {
        (Value::Object(a), Value::Object(b)) => {
            let keys: Vec<&String> = b
                .keys()
                .chain(a.keys().filter(|k| !b.contains_key(*k)))
                .collect();
            keys.into_iter().find_map(|k| {
                let (x, y) = (
                    a.get(k).unwrap_or(&Value::Null),
                    b.get(k).unwrap_or(&Value::Null),
                );
                if a.contains_key(k) != b.contains_key(k) {
                    return Some(format!(
                        "{path}.{k}: ours {}, Sequelize {}",
                        a.get(k).map_or("absent".into(), |v| v.to_string()),
                        b.get(k).map_or("absent".into(), |v| v.to_string())
                    ));
                }
                first_difference(&format!("{path}.{k}"), x, y)
            })
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .find_map(|(i, (x, y))| first_difference(&format!("{path}[{i}]"), x, y)),
        _ if ours == theirs => None,
        _ => Some(format!(
            "{path}:\n    ours      {ours}\n    Sequelize {theirs}"
        )),
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 24 && b[4] == b'-' && b[10] == b'T' && b[23] == b'Z' && b[19] == b'.'
}

/// findOrCreate's random function names as `$func_<uuid>$`, savepoints' as
/// `<uuid>-sp-1`; dates as `<date>` (ISO
/// strings, the literals Sequelize inlines into SQL, and ISO dates inside printed text
/// such as `JSON.stringify(rows, null, 2)`), and no SQL for sync segments.
pub(super) fn normalized(value: Value) -> Value {
    static SQL_DATE: std::sync::OnceLock<regex_lite::Regex> = std::sync::OnceLock::new();
    static TEXT_DATE: std::sync::OnceLock<regex_lite::Regex> = std::sync::OnceLock::new();
    let sql_date = SQL_DATE.get_or_init(|| {
        regex_lite::Regex::new(r"'\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} \+00:00'").unwrap()
    });
    let text_date = TEXT_DATE.get_or_init(|| {
        regex_lite::Regex::new(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z").unwrap()
    });
    static FUNCTION_TAG: std::sync::OnceLock<regex_lite::Regex> = std::sync::OnceLock::new();
    let function_tag =
        FUNCTION_TAG.get_or_init(|| regex_lite::Regex::new(r"\$func_[0-9a-f]{32}\$").unwrap());
    static SAVEPOINT: std::sync::OnceLock<regex_lite::Regex> = std::sync::OnceLock::new();
    let savepoint = SAVEPOINT.get_or_init(|| {
        regex_lite::Regex::new(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-sp-")
            .unwrap()
    });
    match value {
        // A savepoint is named by its transaction's random uuid.
        Value::String(s) if savepoint.is_match(&s) => normalized(Value::String(
            savepoint.replace_all(&s, "<uuid>-sp-").into_owned(),
        )),
        // findOrCreate's temporary function is named by a random uuid.
        Value::String(s) if function_tag.is_match(&s) => normalized(Value::String(
            function_tag.replace_all(&s, "$$func_<uuid>$$").into_owned(),
        )),
        Value::String(s) if is_iso_date(&s) => Value::String("<date>".into()),
        Value::String(s) if sql_date.is_match(&s) => {
            Value::String(sql_date.replace_all(&s, "'<date>'").into_owned())
        }
        Value::String(s) if text_date.is_match(&s) => {
            Value::String(text_date.replace_all(&s, "<date>").into_owned())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(normalized).collect()),
        Value::Object(mut map) => {
            if map.contains_key("sync") && map.contains_key("sql") {
                map.insert("sql".into(), Value::Array(Vec::new()));
            }
            Value::Object(map.into_iter().map(|(k, v)| (k, normalized(v))).collect())
        }
        other => other,
    }
}

/// Where `report` differs from the recording at `recording_path` (its `error`, `models`,
/// `associations`, `ddl` and `steps`), if anywhere; `record` says how to make a missing one.
pub(super) fn differs_from_recording(
    report: &Report,
    recording_path: &Path,
    record: &str,
) -> Option<String> {
    let Ok(recording) = std::fs::read_to_string(recording_path) else {
        return Some(format!(
            "no recording {}: run {record}",
            recording_path.display()
        ));
    };
    let theirs: Value = normalized(serde_json::from_str(&recording).expect("recording is JSON"));
    let ours = normalized(serde_json::to_value(report).expect("report serializes"));
    COMPARED
        .iter()
        .find_map(|key| first_difference(key, &ours[key], &theirs[key]))
}

/// A snippet's report against its recording, and the worker's answer against the report.
pub(super) fn check_snippet(case: &Path, record: &str) -> Option<String> {
    let source = std::fs::read_to_string(case).expect("case is readable");
    let report = support::run(&source);
    differs_from_recording(&report, &case.with_extension("json"), record)
        .or_else(|| support::differs_from_the_workers(&source, &report))
}

fn check(case: &Path) -> Option<String> {
    check_snippet(case, "ASSOC_RECORD=1 cargo test corpus")
}

#[test]
fn every_case_matches_real_sequelize() {
    if std::env::var_os("ASSOC_RECORD").is_some() {
        record_all();
    }
    let cases = cases();
    assert!(
        cases.len() >= 40,
        "the corpus should hold at least 40 cases, has {}",
        cases.len()
    );
    // ASSOC_CASE=run-where-nulls (or any part of case names) checks only those cases.
    let only = std::env::var("ASSOC_CASE").unwrap_or_default();
    let chosen: Vec<&PathBuf> = cases
        .iter()
        .filter(|case| case.to_string_lossy().contains(&only))
        .collect();
    assert!(!chosen.is_empty(), "no corpus case is named like {only:?}");
    let failures: Vec<String> = chosen
        .iter()
        .filter_map(|case| {
            check(case).map(|d| format!("{}: {d}", case.file_name().unwrap().to_string_lossy()))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from Sequelize:\n{}",
        failures.len(),
        chosen.len(),
        failures.join("\n")
    );
}
