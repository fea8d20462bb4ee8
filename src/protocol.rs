//! What the page and its SQL worker (`src/bin/worker.rs`) say to each other: the page
//! sends [`Request`]s, the worker sends [`Answer`]s, each as JSON text over
//! `postMessage`. Both sides use these types, so a change to the messages is a change
//! to one file that both builds see. The worker runs one request at a time and answers
//! each, in order, so the page tells the answers apart by their order: no ids, and so
//! no JSON numbers for the worker to read.

use serde::{Deserialize, Serialize};

use crate::report::ErrorReport;
use crate::runtime::{Step, StepEnd, TableRows};

/// Run `code`. (Unknown fields are refused: skipping them would need a reader of any
/// JSON value, numbers included, in the worker.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    pub code: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// The worker's first message: it listens now (messages sent before were dropped).
    Ready,
    /// The run of the oldest request not answered yet.
    Ran(RunReport),
    /// That request got no report (it could not be read, say): why.
    Failed(String),
}

/// What the worker answers for a run: [`crate::run`]'s `error`, `steps` and `data`,
/// and where the error was thrown; none of the schema views or findings, which the page
/// has from its own analysis. (Smaller to send, and it keeps the DDL, the diagram and
/// the method descriptions out of the worker's WebAssembly.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunReport {
    pub error: Option<ErrorReport>,
    /// Where `error` was thrown and how to fix it. (Beside `error`, not in it: `error`
    /// is the report format's, the same as [`crate::run`]'s.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thrown_at: Option<ThrownAt>,
    #[serde(deserialize_with = "read_steps")]
    pub steps: Vec<Step>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<TableRows>,
}

/// The place of a run's error in the code (bytes `start..end`, as a diagnostic's), and
/// the hint that goes with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThrownAt {
    pub start: usize,
    pub end: usize,
    pub hint: Option<String>,
}

/// A step as the report format writes it: its `sql` and one of `sync`, `show`, `error`
/// (or none). Read through this plain struct rather than a reader derived for `Step`'s
/// own shape (a flattened enum), which buffers each step and costs the page 4 KB gzip.
#[derive(Deserialize)]
struct WireStep {
    sql: Vec<String>,
    sync: Option<serde::de::IgnoredAny>,
    show: Option<WireShow>,
    error: Option<ErrorReport>,
}

#[derive(Deserialize)]
struct WireShow {
    value: serde_json::Value,
    label: Option<Vec<serde_json::Value>>,
}

fn read_steps<'de, D: serde::Deserializer<'de>>(steps: D) -> Result<Vec<Step>, D::Error> {
    let steps: Vec<WireStep> = Deserialize::deserialize(steps)?;
    Ok(steps.into_iter().map(Step::from).collect())
}

impl From<WireStep> for Step {
    fn from(step: WireStep) -> Step {
        let end = match (step.sync, step.show, step.error) {
            (Some(_), _, _) => StepEnd::Sync {},
            (_, Some(WireShow { value, label }), _) => StepEnd::Show { value, label },
            (_, _, Some(ErrorReport { name, message })) => StepEnd::Error { name, message },
            _ => StepEnd::Trailing {},
        };
        Step { sql: step.sql, end }
    }
}

impl Request {
    pub fn to_json(&self) -> String {
        to_json(self)
    }

    pub fn from_json(text: &str) -> Result<Request, String> {
        serde_json::from_str(text).map_err(|e| format!("the request was not understood: {e}"))
    }
}

impl Answer {
    pub fn to_json(&self) -> String {
        to_json(self)
    }

    pub fn from_json(text: &str) -> Result<Answer, String> {
        serde_json::from_str(text)
            .map_err(|e| format!("the worker's answer was not understood: {e}"))
    }
}

/// JSON text of a message. Serializing these types cannot fail (string keys, values
/// from `serde_json`); if it ever did, the text is a `Failed` saying why (the worker
/// refuses it as a request and answers with its own `Failed`), never nothing.
fn to_json(message: &impl Serialize) -> String {
    serde_json::to_string(message).unwrap_or_else(|e| {
        let failed = Answer::Failed(format!("the message could not be written: {e}"));
        serde_json::to_string(&failed).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_back_as_they_were_sent() {
        let request = Request {
            code: "await sequelize.sync();".into(),
        };
        assert_eq!(Request::from_json(&request.to_json()), Ok(request));
        assert_eq!(
            Answer::from_json(&Answer::Ready.to_json()),
            Ok(Answer::Ready)
        );
        let failed = Answer::Failed("no".into());
        assert_eq!(Answer::from_json(&failed.to_json()), Ok(failed));
        assert!(Answer::from_json("ready").is_err());
        assert!(Request::from_json("ready").is_err());
        assert!(Request::from_json(r#"{"code":"x","id":1}"#).is_err());
    }

    #[cfg(feature = "engine")]
    #[test]
    fn a_run_report_reads_back_with_its_steps_rows_and_error_place() {
        let code = "const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Owner.hasMany(Pug, { as: 'pets' });
await sequelize.sync({ force: true });
await Owner.create({ name: 'Tom' });
console.log(await Owner.findAll({ attributes: ['name'] }), 'owners');
await Owner.findAll({ include: Pug });";
        let report = crate::run_for_page(code, Box::new(|| 0));
        // Every kind of step: sync, a shown value with a label, the error.
        assert_eq!(report.steps.len(), 3, "{:?}", report.steps);
        let thrown = report.thrown_at.clone().expect("the error's place");
        assert_eq!(
            &code[thrown.start..thrown.end],
            "Owner.findAll({ include: Pug })"
        );
        assert!(thrown.hint.is_some_and(|h| h.contains("as: 'pets'")));
        let answer = Answer::Ran(report);
        assert_eq!(Answer::from_json(&answer.to_json()), Ok(answer));
        // A run that ends in a query without a log: its last step is the SQL alone.
        let trailing = crate::run_for_page(
            "const A = sequelize.define('a', {});\nawait sequelize.sync();\nawait A.count();",
            Box::new(|| 0),
        );
        assert!(matches!(
            trailing.steps.last().map(|s| &s.end),
            Some(crate::runtime::StepEnd::Trailing {})
        ));
        let answer = Answer::Ran(trailing);
        assert_eq!(Answer::from_json(&answer.to_json()), Ok(answer));
    }
}
