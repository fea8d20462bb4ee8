//! The playground's state and the one reducer every change goes through. Pure: the
//! page wraps it for Yew, and the tests drive it natively.

use std::rc::Rc;

use crate::report::Report;
use crate::sql::Dialect;

#[derive(Clone, Debug)]
pub struct State {
    pub code: String,
    pub dialect: Dialect,
    /// What `analyze` says about `code`.
    pub report: Rc<Report>,
    /// The latest run, if any (queries run in the worker).
    pub run: Rc<RunView>,
    pub theme: Theme,
}

/// Light or dark; `System` follows the operating system's setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn name(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_name(name: &str) -> Theme {
        match name {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

/// What the Run panel shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunView {
    pub status: RunStatus,
    /// The code that was run; the results are stale once the code differs.
    pub code: String,
    /// The report's `steps`, as JSON.
    pub steps: Vec<serde_json::Value>,
    /// The report's `error`, if the run threw.
    pub error: Option<serde_json::Value>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub enum RunStatus {
    #[default]
    NotRun,
    Running,
    Done,
    Cancelled,
    /// The worker could not answer (it failed to load, say).
    Failed(String),
}

impl RunView {
    pub fn is_stale(&self, code: &str) -> bool {
        self.status == RunStatus::Done && self.code != code
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    EditCode(String),
    ChooseDialect(Dialect),
    /// Replaces the code with a preset's (by id; an unknown id changes nothing).
    LoadPreset(String),
    SetTheme(Theme),
    /// The code was sent to the worker.
    RunStarted,
    /// The worker's report, as JSON text.
    RunFinished(String),
    RunCancelled,
    RunFailed(String),
}

impl State {
    pub fn new(code: &str) -> State {
        State {
            code: code.to_string(),
            dialect: Dialect::Postgres,
            report: Rc::new(crate::analyze(code)),
            run: Rc::new(RunView::default()),
            theme: Theme::System,
        }
    }

    pub fn reduce(&self, action: Action) -> State {
        match action {
            Action::EditCode(code) => State {
                report: Rc::new(crate::analyze(&code)),
                code,
                ..self.clone()
            },
            Action::ChooseDialect(dialect) => State {
                dialect,
                ..self.clone()
            },
            Action::LoadPreset(id) => match crate::examples::preset(&id) {
                Some(preset) => self.reduce(Action::EditCode(preset.code.to_string())),
                None => self.clone(),
            },
            Action::SetTheme(theme) => State {
                theme,
                ..self.clone()
            },
            Action::RunStarted => self.with_run(RunView {
                status: RunStatus::Running,
                code: self.code.clone(),
                ..RunView::default()
            }),
            Action::RunFinished(json) => {
                let code = self.run.code.clone();
                match serde_json::from_str::<serde_json::Value>(&json) {
                    Ok(report) => self.with_run(RunView {
                        status: RunStatus::Done,
                        code,
                        steps: report["steps"].as_array().cloned().unwrap_or_default(),
                        error: Some(report["error"].clone()).filter(|e| !e.is_null()),
                    }),
                    Err(error) => self.with_run(RunView {
                        status: RunStatus::Failed(format!(
                            "the worker's answer was not JSON: {error}"
                        )),
                        code,
                        ..RunView::default()
                    }),
                }
            }
            Action::RunCancelled => self.with_run(RunView {
                status: RunStatus::Cancelled,
                ..(*self.run).clone()
            }),
            Action::RunFailed(message) => self.with_run(RunView {
                status: RunStatus::Failed(message),
                ..(*self.run).clone()
            }),
        }
    }

    fn with_run(&self, run: RunView) -> State {
        State {
            run: Rc::new(run),
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_replace_the_code() {
        let state = State::new("").reduce(Action::LoadPreset("many-to-many".into()));
        assert!(state.code.contains("belongsToMany"));
        assert_eq!(state.report.models.len(), 3);
        let unchanged = state.reduce(Action::LoadPreset("no-such-preset".into()));
        assert_eq!(unchanged.code, state.code);
    }

    #[test]
    fn a_run_goes_running_then_done_and_goes_stale_when_the_code_changes() {
        let state = State::new("const A = sequelize.define('a', {});").reduce(Action::RunStarted);
        assert_eq!(state.run.status, RunStatus::Running);
        let report = r#"{"error":null,"steps":[{"sql":[],"sync":{}}]}"#;
        let state = state.reduce(Action::RunFinished(report.into()));
        assert_eq!(state.run.status, RunStatus::Done);
        assert_eq!(state.run.steps.len(), 1);
        assert!(!state.run.is_stale(&state.code));
        let state = state.reduce(Action::EditCode("const B = 1;".into()));
        assert!(state.run.is_stale(&state.code));
        let state = state.reduce(Action::RunFinished("not json".into()));
        assert!(matches!(state.run.status, RunStatus::Failed(_)));
    }

    #[test]
    fn editing_reanalyzes_and_choosing_a_dialect_keeps_the_report() {
        let state = State::new("const A = sequelize.define('a', {});");
        assert_eq!(state.report.models.len(), 1);
        let state = state.reduce(Action::EditCode(
            "const B = sequelize.define('b', {}); const C = sequelize.define('c', {});".into(),
        ));
        assert_eq!(state.report.models.len(), 2);
        let before = Rc::clone(&state.report);
        let state = state.reduce(Action::ChooseDialect(Dialect::Sqlite));
        assert_eq!(state.dialect, Dialect::Sqlite);
        assert!(Rc::ptr_eq(&before, &state.report));
    }
}
