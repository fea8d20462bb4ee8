//! Each `DataTypes` expression as each dialect writes it in CREATE TABLE, against
//! Sequelize 6's own data-type classes (recorded by `recorder/record-types.js`).

use serde_json::Value;

/// The type of column `a` in a one-column table, as the DDL of `dialect` writes it.
fn column_type(expr: &str, dialect: &str) -> Option<String> {
    let snippet =
        format!("sequelize.define('t', {{ a: DataTypes.{expr} }}, {{ timestamps: false }});");
    let report = serde_json::to_value(assoc_playground::analyze(&snippet)).unwrap();
    let statement = report["ddl"][dialect]["createTable"][0]
        .as_str()?
        .to_string();
    let quote = if dialect == "postgres" { '"' } else { '`' };
    let start = statement.find(&format!("{quote}a{quote} "))? + 4;
    let rest = &statement[start..];
    let end = rest.find(", PRIMARY KEY").or_else(|| rest.find(");"))?;
    Some(rest[..end].to_string())
}

#[test]
fn data_types_match_sequelize_per_dialect() {
    let text = std::fs::read_to_string("tests/types/expected.json").expect("recording exists");
    let rows: Vec<Value> = serde_json::from_str(&text).expect("JSON");
    let mut mismatches = Vec::new();
    let mut compared = 0;
    for row in &rows {
        let expr = row["expr"].as_str().unwrap();
        for dialect in ["postgres", "mysql", "sqlite"] {
            let Some(expected) = row[dialect].as_str() else {
                continue;
            }; // Sequelize threw
               // Not column types: only valid as defaults, or never stored.
            if ["NOW", "UUIDV4", "VIRTUAL", "ENUM"].contains(&expr) {
                continue;
            }
            let expected = if dialect == "postgres" && expected == "ENUM" {
                "\"public\".\"enum_ts_a\"".to_string()
            } else {
                expected.to_string()
            };
            compared += 1;
            let ours = column_type(expr, dialect);
            if ours.as_deref() != Some(expected.as_str()) {
                mismatches.push(format!(
                    "{expr} on {dialect}: ours {ours:?}, Sequelize {expected:?}"
                ));
            }
        }
    }
    assert!(compared > 150, "compared only {compared}");
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}
