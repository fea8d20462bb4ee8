//! What the page and its SQL worker (`src/bin/worker.rs`) say to each other: the page
//! sends [`Request`]s, the worker sends [`Answer`]s, each as JSON text over
//! `postMessage`. Both sides use these types, so a change to the messages is a change
//! to one file that both builds see.

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Span};
use crate::report::ErrorReport;
use crate::runtime::{Step, TableRows};

/// Run `code`; the answer carries the same `id`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub id: u32,
    pub code: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// The worker's first message: it listens now (messages sent before were dropped).
    Ready,
    /// The run of request `id`.
    Ran { id: u32, report: RunReport },
    /// A request got no report (it could not be read, say): `reason` says why.
    Failed { reason: String },
}

/// What the worker answers for a run: [`crate::run`]'s `error`, `steps` and `data`,
/// with the run's own findings but none of the schema views, which the page draws from
/// its own analysis. (Smaller to send, and it keeps the DDL, the diagram and the method
/// descriptions out of the worker's WebAssembly.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunReport {
    pub error: Option<ErrorReport>,
    /// Where `error` was thrown and how to fix it. (Beside `error`, not in it: `error`
    /// is the report format's, the same as [`crate::run`]'s.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thrown_at: Option<ThrownAt>,
    pub steps: Vec<Step>,
    pub diagnostics: Vec<Diagnostic>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<TableRows>,
}

/// The place of a run's error in the code, and the hint that goes with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThrownAt {
    pub span: Span,
    pub hint: Option<String>,
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
/// from `serde_json`), but if it ever did the other side reads why, not nothing.
fn to_json(message: &impl Serialize) -> String {
    serde_json::to_string(message).unwrap_or_else(|e| {
        let failed = Answer::Failed {
            reason: format!("the message could not be written: {e}"),
        };
        serde_json::to_string(&failed).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_back_as_they_were_sent() {
        let request = Request {
            id: 7,
            code: "await sequelize.sync();".into(),
        };
        assert_eq!(Request::from_json(&request.to_json()), Ok(request));
        assert_eq!(
            Answer::from_json(&Answer::Ready.to_json()),
            Ok(Answer::Ready)
        );
        let failed = Answer::Failed {
            reason: "no".into(),
        };
        assert_eq!(Answer::from_json(&failed.to_json()), Ok(failed));
        assert!(Answer::from_json("ready").is_err());
        assert!(Request::from_json("ready").is_err());
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
            &code[thrown.span.start..thrown.span.end],
            "Owner.findAll({ include: Pug })"
        );
        assert!(thrown.hint.is_some_and(|h| h.contains("as: 'pets'")));
        let answer = Answer::Ran { id: 1, report };
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
        let answer = Answer::Ran {
            id: 2,
            report: trailing,
        };
        assert_eq!(Answer::from_json(&answer.to_json()), Ok(answer));
    }
}
