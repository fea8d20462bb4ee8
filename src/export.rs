//! Copying a playground out: as a runnable Node script (the minimal reproduction
//! Sequelize's issue template asks for, on SQLite in memory) and as Markdown for an
//! issue or a forum post (code, DDL, result); a project of several files as a script
//! that writes its files and runs its entry, and as one code block per file.

use crate::project::{entry_file, ProjectFile};
use crate::report::{DdlResult, Report};
use crate::share::Shared;
use crate::sql::Dialect;

/// The `package.json` dependencies the script needs.
pub const NODE_DEPENDENCIES: &str =
    r#"{ "dependencies": { "sequelize": "^6.37.8", "sqlite3": "^5.1.7" } }"#;

/// A script that runs `code` with real Sequelize 6 on an in-memory SQLite database.
pub fn node_script(code: &str) -> String {
    let body: String = code
        .lines()
        .map(|line| {
            if line.is_empty() {
                "\n".to_string()
            } else {
                format!("  {line}\n")
            }
        })
        .collect();
    format!(
        "// package.json: {NODE_DEPENDENCIES}\n\
         // Run: npm install && node repro.js\n\
         const {{ Sequelize, DataTypes, Op, Model }} = require('sequelize');\n\
         const sequelize = new Sequelize('sqlite::memory:', {{ logging: console.log }});\n\
         \n\
         (async () => {{\n\
         {body}  await sequelize.close();\n\
         }})().catch((error) => {{\n  console.error(error);\n  process.exitCode = 1;\n}});\n"
    )
}

/// The longest run of backticks in `text`, so a fence can be one longer.
fn fence_for(text: &str) -> String {
    let mut longest = 0;
    let mut current = 0;
    for c in text.chars() {
        current = if c == '`' { current + 1 } else { 0 };
        longest = longest.max(current);
    }
    "`".repeat(longest.max(2) + 1)
}

fn block(language: &str, text: &str) -> String {
    let fence = fence_for(text);
    format!("{fence}{language}\n{}\n{fence}\n", text.trim_end())
}

/// Code, the CREATE TABLE statements for `dialect`, and (when given) a run's result.
/// A script that writes the project's files into `./project` beside it and runs the
/// file that runs, with real Sequelize 6. The project's own `new Sequelize(…)` stays: it
/// is said at the top.
pub fn node_project_script(files: &[ProjectFile], entry: Option<&str>) -> String {
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let runs = paths
        .get(entry_file(&paths, entry))
        .copied()
        .unwrap_or("index.js");
    let listed: String = files
        .iter()
        .map(|f| {
            let text = serde_json::to_string(&f.code).unwrap_or_default();
            let path = serde_json::to_string(&f.path).unwrap_or_default();
            format!("  {path}: {text},\n")
        })
        .collect();
    let runs_json = serde_json::to_string(&format!("./project/{runs}")).unwrap_or_default();
    format!(
        "// package.json: {NODE_DEPENDENCIES}\n\
         // Run: npm install && node repro.js\n\
         // Writes the project's {} files into ./project and runs {runs} there. Its\n\
         // new Sequelize(...) is the project's own: point it at your database, or at\n\
         // 'sqlite::memory:'.\n\
         const fs = require('fs');\n\
         const path = require('path');\n\
         \n\
         const files = {{\n{listed}}};\n\
         for (const [name, text] of Object.entries(files)) {{\n\
         \x20 const file = path.join(__dirname, 'project', name);\n\
         \x20 fs.mkdirSync(path.dirname(file), {{ recursive: true }});\n\
         \x20 fs.writeFileSync(file, text);\n\
         }}\n\
         require({runs_json});\n",
        files.len()
    )
}

/// [`markdown`] of the work a link holds: a project's files one block each, its path
/// above it.
pub fn markdown_of(
    work: &Shared,
    report: &Report,
    dialect: Dialect,
    result: Option<&serde_json::Value>,
) -> String {
    if work.files.is_empty() {
        return markdown(&work.code, report, dialect, result);
    }
    let code: Vec<String> = work
        .files
        .iter()
        .map(|f| format!("`{}`:\n\n{}", f.path, block(language(&f.path), &f.code)))
        .collect();
    with_views(code.join("\n"), report, dialect, result)
}

fn language(path: &str) -> &'static str {
    if path.ends_with(".json") {
        "json"
    } else {
        "js"
    }
}

pub fn markdown(
    code: &str,
    report: &Report,
    dialect: Dialect,
    result: Option<&serde_json::Value>,
) -> String {
    with_views(block("js", code), report, dialect, result)
}

/// The code's Markdown, then the tables, the error and the result.
fn with_views(
    code: String,
    report: &Report,
    dialect: Dialect,
    result: Option<&serde_json::Value>,
) -> String {
    let mut out = code;
    match report.ddl.get(dialect) {
        DdlResult::Tables { create_table } if !create_table.is_empty() => {
            out.push_str(&format!(
                "\nTables Sequelize 6 creates ({}):\n\n",
                dialect.name()
            ));
            out.push_str(&block("sql", &create_table.join("\n")));
        }
        _ => {}
    }
    if let Some(error) = &report.error {
        out.push_str(&format!(
            "\nSequelize throws `{}`: {}\n",
            error.name, error.message
        ));
    }
    if let Some(result) = result {
        out.push_str("\nResult:\n\n");
        out.push_str(&block(
            "json",
            &serde_json::to_string_pretty(result).unwrap_or_default(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_wraps_the_snippet_in_an_async_function() {
        let script = node_script("const A = sequelize.define('a', {});\n\nawait sequelize.sync();");
        assert!(script.contains("new Sequelize('sqlite::memory:'"));
        assert!(script.contains("(async () => {\n  const A = sequelize.define('a', {});\n\n  await sequelize.sync();\n  await sequelize.close();\n})()"));
    }

    #[test]
    fn a_project_copies_as_a_script_that_writes_its_files_and_as_a_block_per_file() {
        let files = [
            ProjectFile::new("models/index.js", "module.exports = require('./user');"),
            ProjectFile::new("models/user.js", "module.exports = 'user';"),
        ];
        let script = node_project_script(&files, None);
        assert!(script.contains("  \"models/user.js\": \"module.exports = 'user';\",\n"));
        assert!(script.ends_with("require(\"./project/models/index.js\");\n"));
        let work = Shared::project(&files, 0, None, Dialect::Postgres);
        let report = crate::analyze("");
        let md = markdown_of(&work, &report, Dialect::Postgres, None);
        assert!(
            md.starts_with("`models/index.js`:\n\n```js\nmodule.exports"),
            "{md}"
        );
        assert!(md.contains("`models/user.js`:\n\n```js\nmodule.exports = 'user';\n```"));
    }

    #[test]
    fn markdown_fences_outgrow_backticks_in_the_code() {
        let code = "const t = `x`; // ``` inside";
        let report = crate::analyze(code);
        let md = markdown(
            code,
            &report,
            Dialect::Postgres,
            Some(&serde_json::json!([1])),
        );
        assert!(md.starts_with("````js\n"));
        assert!(md.contains("```json\n[\n  1\n]\n```"));
    }
}
