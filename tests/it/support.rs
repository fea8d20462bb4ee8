//! What the integration tests share: the fixed clock every run is timed by, and
//! [`check`], which runs a snippet through both faces that run code (the `assoc`
//! command's `run` and the page worker's `run_for_page`) and insists they agree, as
//! sqlparser's `TestedDialects` runs one statement through every dialect.

use assoc_playground::report::Report;
use assoc_playground::runtime::Clock;
use serde_json::Value;

/// 2026-01-01T00:00:00Z: when every test run starts.
pub const CLOCK_START: i64 = 1_767_225_600_000;

/// A clock from [`CLOCK_START`], one millisecond later on every reading.
pub fn clock() -> Clock {
    let mut now = CLOCK_START;
    Box::new(move || {
        now += 1;
        now
    })
}

/// `run(code)` on the test clock.
pub fn run(code: &str) -> Report {
    assoc_playground::run(code, clock())
}

/// [`run`], checked against the page's worker: its answer must hold the same error,
/// steps and rows as the report.
pub fn check(code: &str) -> Report {
    let report = run(code);
    if let Some(difference) = differs_from_the_workers(code, &report) {
        panic!("{difference}");
    }
    report
}

/// Where the worker's answer (`run_for_page`) differs from `report`, if anywhere.
pub fn differs_from_the_workers(code: &str, report: &Report) -> Option<String> {
    let page = serde_json::to_value(assoc_playground::run_for_page(code, clock())).unwrap();
    let full = serde_json::to_value(report).unwrap();
    ["error", "steps", "data"].iter().find_map(|key| {
        let missing = Value::Null;
        let (page, full) = (
            page.get(key).unwrap_or(&missing),
            full.get(key).unwrap_or(&missing),
        );
        (page != full).then(|| format!("the worker's {key} differs from run()'s: {page} vs {full}"))
    })
}

/// What each `console.log` of a report printed, in order (the steps' `show.printed`).
pub fn printed(report: &Value) -> Vec<String> {
    report["steps"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["show"]["printed"].as_str().map(str::to_string))
        .collect()
}
