//! Copying a playground out: as a runnable Node script (the minimal reproduction
//! Sequelize's issue template asks for, on SQLite in memory) and as Markdown for an
//! issue or a forum post (code, DDL, result).

use crate::report::{DdlResult, Report};
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
pub fn markdown(
    code: &str,
    report: &Report,
    dialect: Dialect,
    result: Option<&serde_json::Value>,
) -> String {
    let mut out = block("js", code);
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
