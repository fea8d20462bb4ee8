//! What the integration tests share: the fixed clock every run is timed by, and
//! [`check`], which runs a snippet through both faces that run code (the `assoc`
//! command's `run` and the page worker's `run_for_page`) and insists they agree, as
//! sqlparser's `TestedDialects` runs one statement through every dialect.

use assoc_playground::report::Report;
use assoc_playground::runtime::Clock;
use assoc_playground::sql::Dialect;
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

/// Where the worker's answer (`run_for_page`, its statements sent through the wire
/// format as the page's worker sends them) differs from `report`, if anywhere.
pub fn differs_from_the_workers(code: &str, report: &Report) -> Option<String> {
    differs_from_the_workers_on(code, report, Dialect::Postgres)
}

/// [`differs_from_the_workers`] for a report of a run on `dialect`.
pub fn differs_from_the_workers_on(
    code: &str,
    report: &Report,
    dialect: Dialect,
) -> Option<String> {
    let mut page = through_the_wire(|| assoc_playground::run_for_page(code, clock(), dialect));
    // The page shows what went to stderr too; the report only what `console.log` wrote.
    page.steps = assoc_playground::without_stderr(std::mem::take(&mut page.steps));
    let page = serde_json::to_value(page).unwrap();
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

/// What `run` gives with its stores reached as the page's worker reaches them: every
/// statement sent as bytes of the wire format to a store that answers in bytes.
#[cfg(not(feature = "engine"))]
pub fn through_the_wire<T>(run: impl FnOnce() -> T) -> T {
    run()
}

/// What `run` gives with its stores reached as the page's worker reaches them.
#[cfg(feature = "engine")]
pub fn through_the_wire<T>(run: impl FnOnce() -> T) -> T {
    use assoc_playground::runtime::store::{connect_with, Connection, Store};
    struct Loopback(Store);
    impl Connection for Loopback {
        fn call(&mut self, request: &[u8]) -> Vec<u8> {
            self.0.serve(request)
        }
    }
    connect_with(Some(|| Box::new(Loopback(Store::in_process()))));
    let result = run();
    connect_with(None);
    result
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

/// A project directory's files as `assoc report DIR` reads them (src/bin/assoc.rs): every
/// `.js`, `.cjs`, `.mjs` and `.json` file but package.json, outside node_modules and dot
/// folders, by path relative to `root`, folder by folder in name order.
pub fn project_files(root: &std::path::Path) -> Vec<(String, String)> {
    fn collect(root: &std::path::Path, dir: &std::path::Path, files: &mut Vec<(String, String)>) {
        let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .map(|e| e.expect("readable").path())
            .collect();
        paths.sort();
        for path in paths {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.is_dir() {
                if name != "node_modules" && !name.starts_with('.') {
                    collect(root, &path, files);
                }
                continue;
            }
            let is_source = [".js", ".cjs", ".mjs", ".json"]
                .iter()
                .any(|ext| name.ends_with(ext));
            if !is_source || name == "package.json" || name == "package-lock.json" {
                continue;
            }
            let relative = path.strip_prefix(root).unwrap().to_string_lossy();
            let text = std::fs::read_to_string(&path).expect("readable");
            files.push((relative.replace('\\', "/"), text));
        }
    }
    let mut files = Vec::new();
    collect(root, root, &mut files);
    files
}
