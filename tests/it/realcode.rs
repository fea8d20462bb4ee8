//! The real-code corpus: code in the shapes real projects give it (sequelize-cli's
//! generated models in both templates, a whole sequelize-cli project, an Express app's
//! models folder, ES modules, `.then` chains, loops over models, ...), each recorded from
//! real Sequelize 6 on PostgreSQL. `tests/realcode/NAME.js` is a snippet, run as the
//! playground runs pasted code; `tests/realcode/NAME/` is a project, run as `assoc report
//! NAME` runs it (its entry file by src/lib.rs `entry_file`). Either's recording is
//! `tests/realcode/NAME.json`, compared as the corpus compares (tests/it/corpus.rs).
//!
//! `ASSOC_RECORD=1 cargo test realcode` records every case again (`recorder/record.sh
//! realcode`); `ASSOC_CASE=NAME` checks only the cases whose names contain NAME.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{corpus, support};

const RECORD: &str = "ASSOC_RECORD=1 cargo test realcode";

/// Cases the playground does not yet answer as Sequelize does, each with why. The test
/// fails when one of them starts matching, so that it leaves this list.
const KNOWN_MISSES: &[(&str, &str)] = &[];

fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir("tests/realcode")
        .expect("tests/realcode exists")
        .map(|entry| entry.expect("readable").path())
        .filter(|path| path.is_dir() || path.extension().is_some_and(|e| e == "js"))
        .collect();
    cases.sort();
    cases
}

fn name(case: &Path) -> String {
    let name = case.file_name().unwrap().to_string_lossy();
    name.strip_suffix(".js").unwrap_or(&name).to_string()
}

fn check(case: &Path) -> Option<String> {
    if !case.is_dir() {
        return corpus::check_snippet(case, RECORD);
    }
    let files = support::project_files(case);
    let report = assoc_playground::run_project(&files, support::clock());
    corpus::differs_from_recording(&report, &case.with_extension("json"), RECORD)
}

#[test]
fn every_case_matches_real_sequelize_but_the_known_misses() {
    if std::env::var_os("ASSOC_RECORD").is_some() {
        let status = Command::new("recorder/record.sh")
            .arg("realcode")
            .status()
            .expect("recorder/record.sh runs");
        assert!(status.success(), "recording failed");
    }
    let cases = cases();
    let projects = cases.iter().filter(|c| c.is_dir()).count();
    assert!(
        cases.len() >= 40 && projects >= 8,
        "the real-code corpus should hold at least 40 cases, 8 of them projects; has {} ({projects} projects)",
        cases.len()
    );
    let names: Vec<String> = cases.iter().map(|c| name(c)).collect();
    for (miss, _) in KNOWN_MISSES {
        assert!(
            names.iter().any(|n| n == miss),
            "KNOWN_MISSES names {miss}, which is no case"
        );
    }
    let only = std::env::var("ASSOC_CASE").unwrap_or_default();
    let chosen: Vec<&PathBuf> = cases
        .iter()
        .filter(|case| case.to_string_lossy().contains(&only))
        .collect();
    assert!(
        !chosen.is_empty(),
        "no real-code case is named like {only:?}"
    );
    let mut failures = Vec::new();
    for case in chosen {
        let name = name(case);
        let known = KNOWN_MISSES.iter().any(|(miss, _)| *miss == name);
        match (check(case), known) {
            (Some(difference), false) => failures.push(format!("{name}: {difference}")),
            (None, true) => failures.push(format!(
                "{name} now matches Sequelize: take it out of KNOWN_MISSES"
            )),
            _ => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} real-code cases are not as recorded:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
