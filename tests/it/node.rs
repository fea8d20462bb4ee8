//! The interpreter against Node 20's own output (`tests/node/*.json`, recorded by
//! `scripts/record-node.mjs`): what `console.log` prints for each program, and the
//! error V8 throws for each program that throws. A mismatch lists every case that differs.

use serde_json::Value;

use crate::support::run;

fn cases(file: &str) -> Vec<Value> {
    let path = format!("{}/tests/node/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str::<Vec<Value>>(&text).expect("a JSON array of cases")
}

/// What the run printed: every `console.log` line, as Node writes them.
fn printed(code: &str) -> String {
    let report = serde_json::to_value(run(code)).unwrap();
    let mut lines = Vec::new();
    for step in report["steps"].as_array().into_iter().flatten() {
        if let Some(show) = step.get("show") {
            match show.get("printed").and_then(Value::as_str) {
                Some(text) => lines.push(text.to_string()),
                None => lines.push(format!("<not printed: {}>", show["value"])),
            }
        }
        if let Some(error) = step.get("error") {
            lines.push(format!("<threw {}: {}>", error["name"], error["message"]));
        }
    }
    lines.join("\n")
}

#[test]
fn console_log_prints_what_node_prints() {
    let cases = cases("printed.json");
    let mut differences = Vec::new();
    for case in &cases {
        let code = case["code"].as_str().unwrap();
        let expected = case["printed"].as_str().unwrap();
        let ours = printed(code);
        if ours != expected {
            differences.push(format!(
                "{code}\n    node: {expected:?}\n    ours: {ours:?}"
            ));
        }
    }
    let matched = cases.len() - differences.len();
    eprintln!(
        "console.log: {matched} of {} cases print as Node 20 prints",
        cases.len()
    );
    assert!(
        differences.len() <= KNOWN_PRINT_MISSES,
        "{} of {} cases print differently from Node:\n{}",
        differences.len(),
        cases.len(),
        differences.join("\n")
    );
}

/// How many recorded cases may still differ while the interpreter catches up (BigInt,
/// array holes, boxed primitives, `%o`'s hidden properties, two async bodies taking
/// turns at each `await`, …): these figures only go down (session 6 added 8 async-order
/// cases, one of them a miss); the closing note of each session says where they stand.
const KNOWN_PRINT_MISSES: usize = 18;
const KNOWN_ERROR_MISSES: usize = 13;

#[test]
fn errors_are_the_ones_v8_throws() {
    let cases = cases("errors.json");
    let mut differences = Vec::new();
    for case in &cases {
        let code = case["code"].as_str().unwrap();
        let (Some(name), Some(message)) = (case["name"].as_str(), case["message"].as_str()) else {
            continue;
        };
        let report = run(code);
        let ours = report
            .error
            .as_ref()
            .map(|e| format!("{}: {}", e.name, e.message));
        let expected = format!("{name}: {message}");
        if ours.as_deref() != Some(expected.as_str()) {
            differences.push(format!("{code}\n    node: {expected}\n    ours: {ours:?}"));
        }
    }
    eprintln!(
        "errors: {} of {} as V8 words them",
        cases.len() - differences.len(),
        cases.len()
    );
    assert!(
        differences.len() <= KNOWN_ERROR_MISSES,
        "{} of {} errors differ from V8's:\n{}",
        differences.len(),
        cases.len(),
        differences.join("\n")
    );
}
