//! The learners' mistakes guide: each `tests/mistakes/NAME.js` begins with
//! `// expect SEVERITY "MESSAGE" at "SPAN TEXT"[#N] [hint "HINT"]`, and running the snippet
//! must give a diagnostic of that severity whose message contains MESSAGE, located
//! exactly at SPAN TEXT (its first place in the code below that line, or its N-th with
//! `#N`), with a hint containing HINT.

use super::support;
use assoc_playground::diagnostic::Severity;

struct Expectation {
    severity: Severity,
    message: String,
    at: String,
    occurrence: usize,
    hint: Option<String>,
}

/// The quoted strings of the expectation line, in order (`\"` escapes a quote).
fn quoted(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut text = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => text.extend(chars.next()),
                '"' => break,
                other => text.push(other),
            }
        }
        out.push(text);
    }
    out
}

fn expectation(first_line: &str) -> Expectation {
    let rest = first_line
        .strip_prefix("// expect ")
        .expect("starts with // expect");
    let severity = match rest.split_whitespace().next() {
        Some("error") => Severity::Error,
        Some("warning") => Severity::Warning,
        Some("note") => Severity::Note,
        other => panic!("unknown severity {other:?}"),
    };
    let strings = quoted(rest);
    let occurrence = rest
        .split_once(&format!("\"{}\"#", strings[1]))
        .and_then(|(_, after)| after.split_whitespace().next()?.parse().ok())
        .unwrap_or(1);
    Expectation {
        severity,
        message: strings[0].clone(),
        at: strings[1].clone(),
        occurrence,
        hint: strings.get(2).cloned(),
    }
}

#[test]
fn every_mistake_is_explained_at_its_place() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for entry in std::fs::read_dir("tests/mistakes").unwrap() {
        let path = entry.unwrap().path();
        let code = std::fs::read_to_string(&path).unwrap();
        let expected = expectation(code.lines().next().unwrap());
        let body = code.find('\n').expect("a snippet after the expectation") + 1;
        let start = code[body..]
            .match_indices(&expected.at)
            .nth(expected.occurrence - 1)
            .map(|(i, _)| i + body)
            .unwrap_or_else(|| panic!("{}: the span text is not in the snippet", path.display()));
        let span = (start, start + expected.at.len());
        let report = support::check(&code);
        let found = report.diagnostics.iter().find(|d| {
            d.severity == expected.severity
                && d.message.contains(&expected.message)
                && (d.start, d.end) == span
                && expected
                    .hint
                    .as_ref()
                    .is_none_or(|h| d.hint.as_deref().is_some_and(|dh| dh.contains(h)))
        });
        if found.is_some_and(|d| d.hint.is_none()) {
            failures.push(format!("{}: the diagnostic has no hint", path.display()));
        }
        if found.is_none() {
            failures.push(format!(
                "{}: wanted {:?} {:?} at {:?} (bytes {span:?}) hint {:?}; got {:#?}",
                path.display(),
                expected.severity,
                expected.message,
                expected.at,
                expected.hint,
                report.diagnostics
            ));
        }
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} mistakes");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
