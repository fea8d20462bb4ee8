//! The corpus on the other dialects: each `tests/corpus/NAME.js` run on SQLite and on
//! MySQL, against `tests/corpus/dialects/NAME.sqlite.json` and `NAME.mysql.json`, what
//! real Sequelize 6 did there (`recorder/record.sh --dialect sqlite|mysql`). The report's
//! `error` and `steps` must equal the recording, compared as `corpus.rs` compares them
//! (dates as `<date>`, MySQL's `'2026-01-02 03:04:05'` literals too; sync segments' SQL
//! not compared). The worker's answer must agree with the report.
//!
//! [`KNOWN_MISSES`] lists the cases that differ still; the test insists it is exactly the
//! failing set, so it can only shrink. `ASSOC_CASE=NAME` checks only cases named like NAME.

use std::path::Path;

use assoc_playground::sql::Dialect;
use serde_json::Value;

use super::{corpus, support};

/// (case, dialect) pairs whose run differs from the recording, for now.
const KNOWN_MISSES: &[(&str, &str)] = &[];

const COMPARED: &[&str] = &["error", "steps"];

/// MySQL's date literals as `'<date>'`, then what `corpus.rs` normalizes.
fn normalized(value: Value) -> Value {
    static MYSQL_DATE: std::sync::OnceLock<regex_lite::Regex> = std::sync::OnceLock::new();
    let mysql_date = MYSQL_DATE
        .get_or_init(|| regex_lite::Regex::new(r"'\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}'").unwrap());
    let value = match value {
        Value::String(s) => Value::String(mysql_date.replace_all(&s, "'<date>'").into_owned()),
        Value::Array(items) => Value::Array(items.into_iter().map(normalized).collect()),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, normalized(v))).collect())
        }
        other => other,
    };
    corpus::normalized(value)
}

/// Where the run of `case` on `dialect` differs from its recording, if anywhere.
fn check(case: &Path, dialect: Dialect) -> Option<String> {
    let name = case.file_stem()?.to_string_lossy().into_owned();
    let recording = case
        .with_file_name("dialects")
        .join(format!("{name}.{}.json", dialect.name()));
    let Ok(text) = std::fs::read_to_string(&recording) else {
        return Some(format!(
            "no recording {}: run recorder/record.sh --dialect {}",
            recording.display(),
            dialect.name()
        ));
    };
    let theirs = normalized(serde_json::from_str(&text).expect("recording is JSON"));
    let source = std::fs::read_to_string(case).expect("case is readable");
    let report = assoc_playground::run_with_dialect(&source, support::clock(), dialect);
    let ours = normalized(serde_json::to_value(&report).expect("report serializes"));
    COMPARED
        .iter()
        .find_map(|key| corpus::first_difference(key, &ours[key], &theirs[key]))
        .or_else(|| support::differs_from_the_workers_on(&source, &report, dialect))
}

#[test]
fn every_case_matches_real_sequelize_on_sqlite_and_mysql() {
    let only = std::env::var("ASSOC_CASE").unwrap_or_default();
    let cases: Vec<_> = corpus::cases()
        .into_iter()
        .filter(|case| case.to_string_lossy().contains(&only))
        .collect();
    assert!(!cases.is_empty(), "no corpus case is named like {only:?}");
    let mut misses: Vec<(String, &str, String)> = Vec::new();
    for dialect in [Dialect::Sqlite, Dialect::Mysql] {
        let before = misses.len();
        for case in &cases {
            if let Some(difference) = check(case, dialect) {
                let name = case.file_stem().unwrap().to_string_lossy().into_owned();
                misses.push((name, dialect.name(), difference));
            }
        }
        let passed = cases.len() - (misses.len() - before);
        println!(
            "{}: {passed} of {} cases match",
            dialect.name(),
            cases.len()
        );
    }
    let listed = |name: &str, dialect: &str| KNOWN_MISSES.contains(&(name, dialect));
    let unexpected: Vec<String> = misses
        .iter()
        .filter(|(name, dialect, _)| !listed(name, dialect))
        .map(|(name, dialect, difference)| format!("{name} ({dialect}): {difference}"))
        .collect();
    let fixed: Vec<String> = KNOWN_MISSES
        .iter()
        .filter(|(name, _)| {
            cases
                .iter()
                .any(|c| c.file_stem().is_some_and(|s| s == *name))
        })
        .filter(|(name, dialect)| !misses.iter().any(|(n, d, _)| n == name && d == dialect))
        .map(|(name, dialect)| format!("({name:?}, {dialect:?})"))
        .collect();
    assert!(
        unexpected.is_empty(),
        "{} cases differ from Sequelize:\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
    assert!(
        fixed.is_empty(),
        "these cases match now: remove them from KNOWN_MISSES: {}",
        fixed.join(", ")
    );
}

/// No corpus case orders by a column holding NULLs: MySQL and SQLite list them first
/// in an ascending order, PostgreSQL last.
#[test]
fn ascending_orders_put_nulls_first_off_postgresql() {
    let code = "const Pug = sequelize.define('pug', { age: DataTypes.INTEGER });
await sequelize.sync({ force: true });
await Pug.bulkCreate([{ age: 3 }, { age: null }, { age: 1 }]);
console.log((await Pug.findAll({ order: [['age', 'ASC']] })).map((pug) => pug.age));";
    let ages = |dialect| {
        let report = assoc_playground::run_with_dialect(code, support::clock(), dialect);
        let last = serde_json::to_value(report.steps.last()).unwrap();
        last["show"]["value"].clone()
    };
    assert_eq!(ages(Dialect::Postgres), serde_json::json!([1, 3, null]));
    assert_eq!(ages(Dialect::Mysql), serde_json::json!([null, 1, 3]));
    assert_eq!(ages(Dialect::Sqlite), serde_json::json!([null, 1, 3]));
}

/// MySQL's DATETIME keeps whole seconds (Sequelize writes no milliseconds there): a row
/// read back has lost them, though the created instance has them still.
#[test]
fn mysql_reads_dates_back_to_the_second() {
    let code = "const Pug = sequelize.define('pug', { name: DataTypes.STRING });
await sequelize.sync({ force: true });
console.log((await Pug.create({ name: 'Cody' })).createdAt);
console.log((await Pug.findOne()).createdAt);";
    let dates = |dialect| {
        let report = assoc_playground::run_with_dialect(code, support::clock(), dialect);
        let steps = serde_json::to_value(&report.steps).unwrap();
        (
            steps[1]["show"]["value"].clone(),
            steps[2]["show"]["value"].clone(),
        )
    };
    let (created, read) = dates(Dialect::Mysql);
    assert!(created.as_str().unwrap().ends_with(":00.001Z"), "{created}");
    assert!(read.as_str().unwrap().ends_with(":00.000Z"), "{read}");
    let (created, read) = dates(Dialect::Sqlite);
    assert_eq!(created, read);
}

/// LIKE tells case apart on PostgreSQL only (MySQL's default collation and SQLite's LIKE
/// ignore it).
#[test]
fn like_ignores_case_off_postgresql() {
    let code = "const Pug = sequelize.define('pug', { name: DataTypes.STRING });
await sequelize.sync({ force: true });
await Pug.bulkCreate([{ name: 'Cody' }, { name: 'coco' }, { name: 'Rex' }]);
console.log(await Pug.count({ where: { name: { [Op.like]: 'c%' } } }));";
    let count = |dialect| {
        let report = assoc_playground::run_with_dialect(code, support::clock(), dialect);
        let last = serde_json::to_value(report.steps.last()).unwrap();
        last["show"]["value"].clone()
    };
    assert_eq!(count(Dialect::Postgres), 1);
    assert_eq!(count(Dialect::Mysql), 2);
    assert_eq!(count(Dialect::Sqlite), 2);
}

/// A text an INTEGER column cannot take: PostgreSQL and MySQL refuse the INSERT in their
/// words (recorded from PostgreSQL 15 and MariaDB); SQLite would keep the text, which the
/// playground's typed columns cannot, and it says so rather than fail in its own words.
/// A number compared with a VARCHAR is PostgreSQL's refusal of the operator.
#[test]
fn a_text_for_an_integer_column_is_refused_as_each_database_refuses_it() {
    let code = "const Row = sequelize.define('row', { i: DataTypes.INTEGER, s: DataTypes.STRING });
await sequelize.sync({ force: true });
try {
  await Row.create({ i: 'abc' });
} catch (err) {
  console.log(err.name, err.message);
}
try {
  await Row.findAll({ where: { s: 5 } });
  console.log('ran');
} catch (err) {
  console.log(err.name, err.message);
}";
    let printed = |dialect| {
        let report = assoc_playground::run_with_dialect(code, support::clock(), dialect);
        support::printed(&serde_json::to_value(&report).unwrap())
    };
    assert_eq!(
        printed(Dialect::Postgres),
        [
            "SequelizeDatabaseError invalid input syntax for type integer: \"abc\"",
            "SequelizeDatabaseError operator does not exist: character varying = integer"
        ]
    );
    assert_eq!(
        printed(Dialect::Mysql),
        [
            "SequelizeDatabaseError Incorrect integer value: 'abc' for column `assoc_corpus`.`rows`.`i` at row 1",
            "ran"
        ]
    );
    let sqlite = printed(Dialect::Sqlite);
    assert!(
        sqlite[0].contains("The playground keeps column i as INTEGER"),
        "{sqlite:?}"
    );
    assert_eq!(sqlite[1], "ran");
}
