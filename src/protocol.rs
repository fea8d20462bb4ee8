//! What the page and its SQL worker (`src/bin/worker.rs`) say to each other: the page
//! sends [`Request`]s, the worker sends [`Answer`]s, each as JSON text over
//! `postMessage`. Both sides use these types, so a change to the messages is a change
//! to one file that both builds see: serde writes them, and the readers here read them
//! back from the JSON value (both faces have that reader already; derived readers
//! would add 5 KB gzip to each), held to the writers by round-trip tests. The worker runs one request at a time and answers
//! each, in order, so the page tells the answers apart by their order: no ids, and so
//! no JSON numbers for the worker to read.

use serde::Serialize;
use serde_json::Value as Json;

use crate::project::ProjectFile;
use crate::report::ErrorReport;
use crate::runtime::{Step, TableRows};
use crate::sql::Dialect;

/// Run `code`, or the project of `files` (with `entry` the file that runs, if not Node's
/// usual one), logging the SQL of `dialect` (PostgreSQL when the message does not say,
/// as messages from before dialects do not). (Unknown fields are refused.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Request {
    pub code: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<ProjectFile>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    #[serde(skip_serializing_if = "is_postgres")]
    pub dialect: Dialect,
}

fn is_postgres(dialect: &Dialect) -> bool {
    *dialect == Dialect::Postgres
}

impl Request {
    pub fn snippet(code: &str) -> Request {
        Request {
            code: code.to_string(),
            files: Vec::new(),
            entry: None,
            dialect: Dialect::Postgres,
        }
    }

    pub fn project(files: &[ProjectFile], entry: Option<&str>) -> Request {
        Request {
            code: String::new(),
            files: files.to_vec(),
            entry: entry.map(str::to_string),
            dialect: Dialect::Postgres,
        }
    }

    /// The same request, run on `dialect`.
    pub fn on(mut self, dialect: Dialect) -> Request {
        self.dialect = dialect;
        self
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RunReport {
    pub error: Option<ErrorReport>,
    /// Where `error` was thrown and how to fix it. (Beside `error`, not in it: `error`
    /// is the report format's, the same as [`crate::run`]'s.)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thrown_at: Option<ThrownAt>,
    pub steps: Vec<Step>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<TableRows>,
}

/// The place of a run's error in the code (bytes `start..end`, as a diagnostic's), and
/// the hint that goes with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ThrownAt {
    pub start: usize,
    pub end: usize,
    pub hint: Option<String>,
    /// The project's file it was thrown in (offsets are into that file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl Request {
    pub fn to_json(&self) -> String {
        to_json(self)
    }

    /// Reads a request back (by hand, as [`Answer::from_json`] does): an object with a
    /// `code` string, and optionally `files` (of `path` and `code`), `entry` and
    /// `dialect` (a [`Dialect::name`]).
    pub fn from_json(text: &str) -> Result<Request, String> {
        let value: Json = serde_json::from_str(text)
            .map_err(|e| format!("the request was not understood: {e}"))?;
        read::request(&value).ok_or_else(|| {
            "the request was not understood: it is not { code, files?, entry?, dialect? }".into()
        })
    }
}

impl Answer {
    pub fn to_json(&self) -> String {
        to_json(self)
    }

    /// Reads an answer back. (By hand, from the JSON value, rather than with a derived
    /// reader: the page has the JSON value reader already, and derived readers for these
    /// types cost it 5 KB gzip. The round-trip tests below keep both sides in step.)
    pub fn from_json(text: &str) -> Result<Answer, String> {
        let value: Json = serde_json::from_str(text)
            .map_err(|e| format!("the worker's answer was not understood: {e}"))?;
        read::answer(&value)
            .ok_or_else(|| "the worker's answer was not understood: an unknown shape".to_string())
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

/// Answers as serde writes them: `"Ready"`, `{"Ran": {…}}`, `{"Failed": "…"}`, and
/// steps as the report format writes them (`sql` and one of `sync`, `show`, `error`).
mod read {
    use super::{Answer, Json, Request, RunReport, ThrownAt};
    use crate::project::ProjectFile;
    use crate::report::ErrorReport;
    use crate::runtime::{Step, StepEnd, TableRows};
    use crate::sql::Dialect;

    pub(super) fn answer(value: &Json) -> Option<Answer> {
        if value.as_str() == Some("Ready") {
            return Some(Answer::Ready);
        }
        let object = value.as_object().filter(|o| o.len() == 1)?;
        let (tag, inner) = object.iter().next()?;
        match tag.as_str() {
            "Ran" => run_report(inner).map(Answer::Ran),
            "Failed" => string(inner).map(Answer::Failed),
            _ => None,
        }
    }

    pub(super) fn request(value: &Json) -> Option<Request> {
        let object = value.as_object()?;
        let known = ["code", "files", "entry", "dialect"];
        if !object.keys().all(|key| known.contains(&key.as_str())) {
            return None;
        }
        Some(Request {
            code: string(object.get("code")?)?,
            files: optional(object.get("files"), |f| list(f, project_file))?.unwrap_or_default(),
            entry: optional(object.get("entry"), string)?,
            dialect: optional(object.get("dialect"), |d| Dialect::from_name(d.as_str()?))?
                .unwrap_or_default(),
        })
    }

    fn project_file(value: &Json) -> Option<ProjectFile> {
        Some(ProjectFile {
            path: string(value.get("path")?)?,
            code: string(value.get("code")?)?,
        })
    }

    fn run_report(value: &Json) -> Option<RunReport> {
        Some(RunReport {
            error: optional(value.get("error"), error_report)?,
            thrown_at: optional(value.get("thrown_at"), thrown_at)?,
            steps: list(value.get("steps")?, step)?,
            data: optional(value.get("data"), |d| list(d, table_rows))?.unwrap_or_default(),
        })
    }

    fn step(value: &Json) -> Option<Step> {
        let end = if value.get("sync").is_some() {
            StepEnd::Sync {}
        } else if let Some(show) = value.get("show") {
            StepEnd::Show {
                value: show.get("value")?.clone(),
                label: optional(show.get("label"), |l| Some(l.as_array()?.clone()))?,
                printed: optional(show.get("printed"), string)?,
            }
        } else if let Some(error) = value.get("error") {
            let ErrorReport { name, message } = error_report(error)?;
            StepEnd::Error { name, message }
        } else {
            StepEnd::Trailing {}
        };
        Some(Step {
            sql: list(value.get("sql")?, string)?,
            end,
            to_stderr: false,
        })
    }

    fn error_report(value: &Json) -> Option<ErrorReport> {
        Some(ErrorReport {
            name: string(value.get("name")?)?,
            message: string(value.get("message")?)?,
        })
    }

    fn thrown_at(value: &Json) -> Option<ThrownAt> {
        Some(ThrownAt {
            start: usize::try_from(value.get("start")?.as_u64()?).ok()?,
            end: usize::try_from(value.get("end")?.as_u64()?).ok()?,
            hint: optional(value.get("hint"), string)?,
            file: optional(value.get("file"), string)?,
        })
    }

    fn table_rows(value: &Json) -> Option<TableRows> {
        Some(TableRows {
            table: string(value.get("table")?)?,
            columns: list(value.get("columns")?, string)?,
            rows: list(value.get("rows")?, |row| Some(row.as_array()?.clone()))?,
            total: usize::try_from(value.get("total")?.as_u64()?).ok()?,
        })
    }

    /// An absent or null field is `None`; any other value must read.
    fn optional<T>(value: Option<&Json>, read: impl Fn(&Json) -> Option<T>) -> Option<Option<T>> {
        match value {
            None | Some(Json::Null) => Some(None),
            Some(value) => read(value).map(Some),
        }
    }

    fn list<T>(value: &Json, read: impl Fn(&Json) -> Option<T>) -> Option<Vec<T>> {
        value.as_array()?.iter().map(read).collect()
    }

    fn string(value: &Json) -> Option<String> {
        value.as_str().map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_back_as_they_were_sent() {
        let request = Request::snippet("await sequelize.sync();");
        assert_eq!(Request::from_json(&request.to_json()), Ok(request));
        let files = [
            ProjectFile::new("index.js", "require('./models');"),
            ProjectFile::new("models/index.js", "module.exports = {};"),
        ];
        let project = Request::project(&files, Some("index.js"));
        assert_eq!(Request::from_json(&project.to_json()), Ok(project.clone()));
        let on_mysql = project.on(Dialect::Mysql);
        assert!(on_mysql.to_json().contains(r#""dialect":"mysql""#));
        assert_eq!(Request::from_json(&on_mysql.to_json()), Ok(on_mysql));
        assert!(Request::from_json(r#"{"code":"x","dialect":"oracle"}"#).is_err());
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
        let report = crate::run_for_page(code, Box::new(|| 0), Dialect::Postgres);
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
            Dialect::Sqlite,
        );
        assert!(matches!(
            trailing.steps.last().map(|s| &s.end),
            Some(crate::runtime::StepEnd::Trailing {})
        ));
        let answer = Answer::Ran(trailing);
        assert_eq!(Answer::from_json(&answer.to_json()), Ok(answer));
    }
}
