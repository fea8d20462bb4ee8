//! `assoc report FILE.js`: prints the JSON report of a snippet (see shared/report-format.md);
//! `assoc report A.js B.js …` or `assoc report DIR` that of a project of several files
//! (`node_modules` and files other than `.js`, `.cjs`, `.mjs` and `.json` left out).
//! Exits 0 whenever a report was written, even for a snippet with errors; 2 when the
//! file cannot be read or the command is wrong. `assoc report --dialect mysql|sqlite …`
//! runs the queries on that dialect: the steps hold the SQL Sequelize logs for it.
//!
//! `assoc link FILE.js [DIALECT]`: prints the fragment of a playground link that opens
//! the snippet (append it to the playground's address after `#`); `assoc link DIR` that
//! of the project in the directory, every file in a tab.

use std::process::ExitCode;

use assoc_playground::project::ProjectFile;
use assoc_playground::share::{encode, Shared};
use assoc_playground::sql::Dialect;

const USAGE: &str = "usage: assoc report FILE.js
       assoc report FILE.js FILE.js … | DIR
       assoc report --dialect postgres|mysql|sqlite FILE.js … | DIR
       assoc link FILE.js|DIR [postgres|mysql|sqlite]
(use - as FILE.js to read the snippet from standard input)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [command, flag, dialect, paths @ ..] if command == "report" && flag == "--dialect" => {
            match Dialect::from_name(dialect) {
                Some(dialect) => report_any(paths, dialect),
                None => usage_error(),
            }
        }
        [command, paths @ ..] if command == "report" => report_any(paths, Dialect::Postgres),
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
    let shared = match std::path::Path::new(path).is_dir() {
        true => project_files(&[path.to_string()]).map(|files| {
            let files: Vec<ProjectFile> =
                files.iter().map(|(p, c)| ProjectFile::new(p, c)).collect();
            let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
            let shown = assoc_playground::project::entry_file(&paths, None);
            Shared::project(&files, shown, None, dialect)
        }),
        false => read_snippet(path).map(|source| Shared::new(&source, dialect)),
    };
    match shared {
        Ok(shared) => {
            println!("{}", encode(&shared));
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

/// The report of one snippet, or of the project of several files or a directory.
fn report_any(paths: &[String], dialect: Dialect) -> ExitCode {
    match paths {
        [] => usage_error(),
        [path] if !std::path::Path::new(path).is_dir() => report(path, dialect),
        paths => report_project(paths, dialect),
    }
}

fn report(path: &str, dialect: Dialect) -> ExitCode {
    let source = match read_snippet(path) {
        Ok(source) => source,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    print_report(&assoc_playground::run_with_dialect(
        &source,
        wall_clock(),
        dialect,
    ))
}

/// Prints a report as JSON: exit 0, or 2 if it cannot be written.
fn print_report(report: &assoc_playground::report::Report) -> ExitCode {
    match serde_json::to_string_pretty(report) {
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

/// The files of a project: each path given, or every source file under a directory.
fn project_files(paths: &[String]) -> Result<Vec<(String, String)>, String> {
    let mut files = Vec::new();
    for path in paths {
        let root = std::path::Path::new(path);
        if root.is_dir() {
            collect(root, root, &mut files)?;
        } else {
            let text = read_snippet(path)?;
            files.push((path.trim_start_matches("./").to_string(), text));
        }
    }
    Ok(files)
}

fn collect(
    root: &std::path::Path,
    dir: &std::path::Path,
    files: &mut Vec<(String, String)>,
) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("assoc: cannot read {}: {e}", dir.display()))?;
    let mut paths: Vec<std::path::PathBuf> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if name != "node_modules" && !name.starts_with('.') {
                collect(root, &path, files)?;
            }
            continue;
        }
        let is_source = [".js", ".cjs", ".mjs", ".json"]
            .iter()
            .any(|ext| name.ends_with(ext));
        if !is_source || name == "package.json" || name == "package-lock.json" {
            continue;
        }
        let relative = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("assoc: cannot read {}: {e}", path.display()))?;
        files.push((relative, text));
    }
    Ok(())
}

fn report_project(paths: &[String], dialect: Dialect) -> ExitCode {
    let files = match project_files(paths) {
        Ok(files) => files,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    print_report(&assoc_playground::run_project_with_dialect(
        &files,
        wall_clock(),
        dialect,
    ))
}

fn wall_clock() -> assoc_playground::runtime::Clock {
    Box::new(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64)
    })
}
