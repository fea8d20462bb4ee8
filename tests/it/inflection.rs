//! Our plurals against the real npm `inflection` package's, recorded by
//! `recorder/record-inflection.js` into `tests/inflection/expected.json`.

use assoc_playground::assoc::inflect::{pluralize, singularize, underscore};
use serde_json::Value;

#[test]
fn matches_the_recorded_npm_inflection_package() {
    let text = std::fs::read_to_string("tests/inflection/expected.json").expect("recording exists");
    let recording: Value = serde_json::from_str(&text).expect("recording is JSON");
    let rows = recording["rows"].as_array().expect("rows");
    assert!(
        rows.len() >= 200,
        "the recording should cover at least 200 words"
    );
    let mut mismatches = Vec::new();
    for row in rows {
        let word = row["word"].as_str().unwrap();
        for (name, ours) in [
            ("pluralize", pluralize(word)),
            ("singularize", singularize(word)),
            ("underscore", underscore(word)),
        ] {
            let theirs = row[name].as_str().unwrap();
            if ours != theirs {
                mismatches.push(format!(
                    "{name}({word}): ours {ours:?}, inflection {theirs:?}"
                ));
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}
