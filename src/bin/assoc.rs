//! `assoc report FILE.js`: prints the JSON report of a snippet (see shared/report-format.md).
//! Exits 0 whenever a report was written, even for a snippet with errors; 2 when the
//! file cannot be read or the command is wrong.
//!
//! `assoc link FILE.js [DIALECT]`: prints the fragment of a playground link that opens
//! the snippet (append it to the playground's address after `#`).

use std::process::ExitCode;

use assoc_playground::share::{encode, Shared};
use assoc_playground::sql::Dialect;

const USAGE: &str = "usage: assoc report FILE.js
       assoc link FILE.js [postgres|mysql|sqlite]
(use - as FILE.js to read the snippet from standard input)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [command, path] if command == "report" => report(path),
        [command, path] if command == "link" => link(path, Dialect::Postgres),
        [command, path, dialect] if command == "link" => match Dialect::from_name(dialect) {
            Some(dialect) => link(path, dialect),
            None => usage_error(),
        },
        [flag] if flag == "--help" || flag == "-h" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage_error(),
    }
}

fn usage_error() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// The snippet at `path` (`-`: standard input), or the message to print.
fn read_snippet(path: &str) -> Result<String, String> {
    let source = if path == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map(|_| text)
    } else {
        std::fs::read_to_string(path)
    };
    source.map_err(|error| format!("assoc: cannot read {path}: {error}"))
}

fn link(path: &str, dialect: Dialect) -> ExitCode {
    match read_snippet(path) {
        Ok(source) => {
            println!("{}", encode(&Shared::new(&source, dialect)));
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn report(path: &str) -> ExitCode {
    let source = match read_snippet(path) {
        Ok(source) => source,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let clock = Box::new(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64)
    });
    let report = assoc_playground::run(&source, clock);
    match serde_json::to_string_pretty(&report) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("assoc: cannot write the report: {error}");
            ExitCode::from(2)
        }
    }
}
