//! The whole pipeline the CLI and the page's worker run — parse, Sequelize's rules,
//! DDL, queries on GlueSQL, nesting — with the default run bounds (steps, call depth,
//! models, rows, statements), on a fixed clock. It must answer with a report that
//! serializes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|source: &str| {
    let report = assoc_playground::run(source, Box::new(|| 1_700_000_000_000));
    // The CLI prints it and the worker sends it to the page: it must serialize.
    serde_json::to_string(&report).expect("every report serializes");
    for diagnostic in &report.diagnostics {
        assert!(diagnostic.start <= diagnostic.end && diagnostic.end <= source.len());
    }
});
