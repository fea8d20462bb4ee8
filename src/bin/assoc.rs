//! `assoc report FILE.js`: prints the JSON report of a snippet (see shared/report-format.md).
//! Exits 0 whenever a report was written, even for a snippet with errors; 2 when the
//! file cannot be read or the command is wrong.

use std::process::ExitCode;

const USAGE: &str = "usage: assoc report FILE.js   (use - to read the snippet from standard input)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [command, path] if command == "report" => report(path),
        [flag] if flag == "--help" || flag == "-h" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn report(path: &str) -> ExitCode {
    let source = if path == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map(|_| text)
    } else {
        std::fs::read_to_string(path)
    };
    let source = match source {
        Ok(source) => source,
        Err(error) => {
            eprintln!("assoc: cannot read {path}: {error}");
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
