//! `assoc report`: a report for any snippet (exit 0), a clear message otherwise (exit 2).

use std::process::Command;

fn assoc(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_assoc"))
        .args(args)
        .output()
        .expect("assoc runs")
}

#[test]
fn reports_a_snippet_even_when_sequelize_would_throw() {
    let output = assoc(&["report", "tests/corpus/error-naming-collision.js"]);
    assert_eq!(output.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    assert_eq!(report["error"]["name"], "Error");
    assert!(report["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with("Naming collision between attribute 'owner'"));
    for key in ["models", "associations", "ddl", "steps", "diagnostics"] {
        assert!(report.get(key).is_some(), "report has {key}");
    }
}

#[test]
fn a_missing_file_is_exit_2_with_a_message() {
    let output = assoc(&["report", "tests/corpus/no-such-file.js"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot read tests/corpus/no-such-file.js"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn reports_the_sql_of_the_dialect_asked_for() {
    let snippet = "tests/corpus/run-create-and-show.js";
    let output = assoc(&["report", "--dialect", "mysql", snippet]);
    assert_eq!(output.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    let insert = report["steps"][1]["sql"][0].as_str().unwrap();
    assert!(insert.starts_with("INSERT INTO `owners`"), "{insert}");
    assert!(insert.ends_with("VALUES (DEFAULT,?,?,?,?);"), "{insert}");
    assert_eq!(
        assoc(&["report", "--dialect", "oracle", snippet])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn wrong_usage_is_exit_2() {
    let output = assoc(&["frobnicate"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("usage: assoc report FILE.js"));
}

#[test]
fn link_prints_a_fragment_that_opens_the_snippet() {
    let output = assoc(&["link", "tests/corpus/one-to-many-seed.js", "sqlite"]);
    assert_eq!(output.status.code(), Some(0));
    let fragment = String::from_utf8(output.stdout).unwrap();
    let shared = assoc_playground::share::decode(fragment.trim())
        .expect("a good link")
        .expect("a state");
    assert_eq!(
        shared.code,
        std::fs::read_to_string("tests/corpus/one-to-many-seed.js").unwrap()
    );
    assert_eq!(shared.dialect, "sqlite");
    assert_eq!(
        assoc(&["link", "tests/corpus/one-to-many-seed.js", "oracle"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn link_of_a_directory_opens_the_project_with_every_file() {
    let output = assoc(&["link", "tests/projects/cli-models"]);
    assert_eq!(output.status.code(), Some(0));
    let fragment = String::from_utf8(output.stdout).unwrap();
    assert!(fragment.starts_with("v3."), "{fragment}");
    let shared = assoc_playground::share::decode(fragment.trim())
        .expect("a good link")
        .expect("a state");
    let paths: Vec<&str> = shared.files.iter().map(|f| f.path.as_str()).collect();
    assert!(paths.contains(&"models/index.js") && paths.contains(&"config/config.json"));
    assert_eq!(paths[shared.active], "index.js", "the entry is shown");
}

#[test]
fn a_run_ending_in_queries_without_output_is_reported() {
    let output = Command::new(env!("CARGO_BIN_EXE_assoc"))
        .args(["report", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(
                b"const Owner = sequelize.define('owner', {});\nawait sequelize.sync();\nawait Owner.create({});\n",
            )?;
            child.wait_with_output()
        })
        .expect("assoc runs");
    assert_eq!(output.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let last = report["steps"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last.as_object().unwrap().len(), 1, "only sql: {last}");
    assert!(last["sql"][0]
        .as_str()
        .unwrap()
        .starts_with("INSERT INTO \"owners\""));
}

#[test]
fn report_takes_a_project_directory_and_names_each_diagnostics_file() {
    let output = assoc(&["report", "tests/projects/cli-models"]);
    assert_eq!(output.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let tables: Vec<&str> = report["models"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["tableName"].as_str().unwrap())
        .collect();
    assert_eq!(tables, ["Posts", "Users"]);
    let files = assoc(&[
        "report",
        "tests/projects/cli-models/models/user.js",
        "tests/projects/cli-models/models/post.js",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&files.stdout).unwrap();
    let named: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["file"].as_str())
        .collect();
    assert!(
        named.contains(&"tests/projects/cli-models/models/user.js"),
        "{named:?}"
    );
}
