//! The playground's state and the one reducer every change goes through. Pure: the
//! page wraps it for Yew, and the tests drive it natively.

use std::rc::Rc;

use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::project::{ProjectFile, Upload};
use crate::protocol::RunReport;
use crate::report::{ErrorReport, Report};
use crate::runtime::{Step, StepEnd, TableRows};
use crate::share::Shared;
use crate::sql::Dialect;

#[derive(Clone, Debug)]
pub struct State {
    /// The code in the editor: the snippet, or the project's file shown.
    pub code: String,
    /// The project's files when it has several, in their tabs' order (the one at
    /// `active` is `code`, kept equal by the reducer); empty for a one-file snippet.
    pub files: Vec<ProjectFile>,
    pub active: usize,
    /// The file that runs, when the learner chose one (else Node's usual entry).
    pub entry: Option<String>,
    /// Why the last rename was refused, for the tabs to say.
    pub file_problem: Option<String>,
    pub dialect: Dialect,
    /// What `analyze` says about the snippet or the project (the project's diagnostics
    /// name their file).
    pub report: Rc<Report>,
    /// The latest run, if any (queries run in the worker).
    pub run: Rc<RunView>,
    pub theme: Theme,
    /// A banner about how the page opened (a shared link, a bad link).
    pub notice: Option<Notice>,
    /// The method explorer: the method chosen and, once the worker answered, its SQL.
    pub explored: Option<Rc<Explored>>,
    /// The form builder is open (it reads the code on every edit only then).
    pub form_open: bool,
    /// The foreign key pointed at (`pugs.ownerId`): its association calls, column,
    /// REFERENCES and diagram edge are highlighted together.
    pub focus: Option<String>,
    /// What the last Share or Copy button put on the clipboard.
    pub share_status: Option<ShareStatus>,
    /// The editor's share of the page's width, in percent (the views have the rest).
    pub split: u8,
    /// How many statuses were shown: a status's timer clears it only while it is the
    /// latest ([`Action::ShareStatusExpired`]).
    pub share_shown: u32,
    /// The example the code was loaded from (its preset id), if it was.
    pub example: Option<&'static str>,
}

/// The range [`State::split`] keeps to, so that neither pane gets too narrow to use.
pub const SPLIT_RANGE: std::ops::RangeInclusive<u8> = 25..=75;

/// `n` and the noun, singular for one: "1 row", "2 rows".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What a Share or Copy button copied; the page says it under its bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareStatus {
    /// A link to the playground, `length` characters long.
    LinkCopied {
        length: usize,
    },
    ScriptCopied,
    MarkdownCopied,
    DdlCopied(Dialect),
}

impl ShareStatus {
    pub fn message(&self) -> String {
        use crate::share::{LONG_LINK, TOO_LONG_LINK};
        match self {
            ShareStatus::LinkCopied { length } => {
                let advice = if *length > TOO_LONG_LINK {
                    " — too long for some browsers and servers: share the code itself"
                } else if *length > LONG_LINK {
                    " — chat apps may cut links this long"
                } else {
                    ""
                };
                format!("Link copied ({length} characters){advice}")
            }
            ShareStatus::ScriptCopied => format!(
                "Node script copied: save it as repro.js beside a package.json with {}",
                crate::export::NODE_DEPENDENCIES
            ),
            ShareStatus::MarkdownCopied => {
                "Markdown copied: code, tables and the last result".into()
            }
            ShareStatus::DdlCopied(dialect) => {
                format!("CREATE TABLE for {} copied", dialect.name())
            }
        }
    }
}

/// One association method whose SQL the page asked the worker for.
#[derive(Clone, Debug, PartialEq)]
pub struct Explored {
    pub model: String,
    pub method: String,
    /// What it was asked for ([`State::source_key`]); the answer is stale once it differs.
    pub code: String,
    /// `None` while the worker is at it.
    pub sql: Option<Result<Vec<String>, String>>,
}

impl Explored {
    pub fn is_for(&self, model: &str, method: &str) -> bool {
        self.model == model && self.method == method
    }
}

/// What the page says about where its code came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A shared link was opened over different saved work, kept one click away. The
    /// saved work stays in storage until the link's code (`link`) is edited.
    OpenedLink { saved: Shared, link: Shared },
    /// The link could not be read; `shown` says what the page shows instead.
    BadLink {
        error: crate::share::LinkError,
        shown: Shown,
    },
    /// An example replaced code the learner had written, kept for Undo.
    ExampleReplaced { previous: Shared },
    /// Files dropped or chosen became the project (`count` of them; `left_out` says
    /// what was not taken and why); the work before is kept for Undo.
    FilesOpened {
        count: usize,
        left_out: Vec<String>,
        previous: Option<Shared>,
    },
    /// A file was deleted, kept for Undo.
    FileDeleted { path: String, previous: Shared },
}

/// What a page shows when a link could not be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    SavedWork,
    /// A fresh browser: nothing saved, so the default example.
    Example,
    /// A link pasted into the open page: the code stays as it was.
    Unchanged,
}

impl Notice {
    /// The banner's text (its buttons are the page's).
    pub fn message(&self) -> String {
        match self {
            Notice::OpenedLink { .. } => {
                "You opened a shared playground. Your own work is saved:".into()
            }
            Notice::BadLink { error, shown } => {
                let shown = match shown {
                    Shown::SavedWork => "Your saved work is shown instead.",
                    Shown::Example => "The example is shown instead.",
                    Shown::Unchanged => "Your code is as it was.",
                };
                format!("This link could not be opened: {error}. {shown}")
            }
            Notice::ExampleReplaced { .. } => {
                "The example replaced your code (it is kept until you dismiss this):".into()
            }
            Notice::FilesOpened {
                count, left_out, ..
            } => {
                let opened = match count {
                    0 => "No file could be opened".to_string(),
                    n => format!("Opened {}", counted(*n, "file", "files")),
                };
                match left_out.as_slice() {
                    [] => format!("{opened}."),
                    left => format!("{opened}; left out: {}.", left.join("; ")),
                }
            }
            Notice::FileDeleted { path, .. } => format!("{path} was deleted:"),
        }
    }

    /// The work this notice's Undo brings back.
    fn undone(&self) -> Option<&Shared> {
        match self {
            Notice::ExampleReplaced { previous } | Notice::FileDeleted { previous, .. } => {
                Some(previous)
            }
            Notice::FilesOpened { previous, .. } => previous.as_ref(),
            Notice::OpenedLink { .. } | Notice::BadLink { .. } => None,
        }
    }
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
    /// What was run ([`State::source_key`]); the results are stale once it differs.
    pub code: String,
    /// The project's files that were run (empty for a snippet).
    pub files: Vec<ProjectFile>,
    /// The dialect it ran on (its SQL is that dialect's).
    pub dialect: Dialect,
    pub steps: Vec<Step>,
    /// The error the run threw, if it did.
    pub error: Option<ErrorReport>,
    /// Where in the code the error was thrown, and how to fix it.
    pub error_place: Option<ErrorPlace>,
    /// The rows in each table when the run ended.
    pub data: Vec<TableRows>,
    /// What the parser could not read in the code that was run (the run skips it).
    pub syntax_errors: Vec<SyntaxError>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ErrorPlace {
    /// The project's file (offsets are into it); `None` in a snippet.
    pub file: Option<String>,
    /// 1-based.
    pub line: usize,
    pub column: usize,
    pub hint: Option<String>,
    /// The bytes `start..end` of the code that was run, to underline and select.
    pub start: usize,
    pub end: usize,
}

/// A syntax error in the code that was run: why the snippet cannot run as written.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub message: String,
    pub place: ErrorPlace,
}

impl ErrorPlace {
    /// The place of the run's error in what was run: `code`, or the file of `files` it
    /// names.
    fn of(report: &RunReport, code: &str, files: &[ProjectFile]) -> Option<ErrorPlace> {
        let thrown = report.thrown_at.as_ref()?;
        let text = match &thrown.file {
            Some(path) => files.iter().find(|f| f.path == *path).map(|f| &f.code)?,
            None => code,
        };
        let place = ErrorPlace::at(text, thrown.start, thrown.end, thrown.hint.clone());
        Some(ErrorPlace {
            file: thrown.file.clone(),
            ..place
        })
    }

    fn at(code: &str, start: usize, end: usize, hint: Option<String>) -> ErrorPlace {
        let (line, column) = crate::diagnostic::line_col(code, start);
        ErrorPlace {
            file: None,
            line,
            column,
            hint,
            start,
            end,
        }
    }
}

/// The parser's errors in `code`, or in each of `files` (parsing is what every
/// keystroke does already).
fn syntax_errors(code: &str, files: &[ProjectFile]) -> Vec<SyntaxError> {
    if !files.is_empty() {
        let scripts = files.iter().filter(|f| !f.path.ends_with(".json"));
        return scripts
            .flat_map(|file| {
                syntax_errors(&file.code, &[])
                    .into_iter()
                    .map(|e| SyntaxError {
                        place: ErrorPlace {
                            file: Some(file.path.clone()),
                            ..e.place
                        },
                        ..e
                    })
            })
            .collect();
    }
    let (_, diagnostics) = crate::syntax::parse(code);
    diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| SyntaxError {
            place: ErrorPlace::at(code, d.start, d.end, d.hint),
            message: d.message,
        })
        .collect()
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

    /// The last value the run showed, while the run is of `code`.
    pub fn last_shown(&self, code: &str) -> Option<&serde_json::Value> {
        if self.is_stale(code) {
            return None;
        }
        self.steps.iter().rev().find_map(|step| match &step.end {
            StepEnd::Show { value, .. } => Some(value),
            _ => None,
        })
    }

    /// The run's error as a finding in the file `shown` (`None`: the snippet), while the
    /// run is of `source` ([`State::source_key`]).
    fn finding(&self, source: &str, shown: Option<&str>) -> Option<Diagnostic> {
        let (error, place) = (self.error.as_ref()?, self.error_place.as_ref()?);
        if self.status != RunStatus::Done || self.code != source || place.file.as_deref() != shown {
            return None;
        }
        let message = format!("{}: {} (thrown when run)", error.name, error.message);
        let finding = Diagnostic::error(Span::new(place.start, place.end), message);
        Some(match &place.hint {
            Some(hint) => finding.with_hint(hint.clone()),
            None => finding,
        })
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
    /// The worker's report of the run started last.
    RunFinished(RunReport),
    RunCancelled,
    RunFailed(String),
    DismissNotice,
    /// Back to the work saved before a shared link was opened.
    RestoreSaved,
    /// A link pasted into the address bar of the open page (only its fragment changed).
    OpenFragment(String),
    ToggleForm,
    /// Point at a foreign key (`pugs.ownerId`) or at nothing.
    Focus(Option<String>),
    /// A change made with the form builder's controls; the code is rewritten.
    EditForm(crate::form::FormEdit),
    /// Show the SQL of `model`'s association method `method` (asked of the worker).
    ExploreMethod {
        model: String,
        method: String,
    },
    /// The worker's report for the explorer's program, for `code`.
    MethodExplored {
        model: String,
        method: String,
        code: String,
        report: RunReport,
    },
    /// A Share or Copy button put something on the clipboard.
    Copied(ShareStatus),
    /// Give the editor `percent` of the width (kept within [`SPLIT_RANGE`]).
    ResizePanes(i32),
    /// The timer of the `share_shown`th status ran out: it goes, unless a newer one
    /// took its place.
    ShareStatusExpired(u32),
    /// Back to the work an example, opened files or a deletion replaced.
    Undo,
    /// Show the project's file at this index in the editor.
    SelectFile(usize),
    /// A new empty file (a snippet becomes a project: its code is `index.js`).
    AddFile,
    /// Give file `index` the path `path` (refused, with the reason, if it cannot be).
    RenameFile {
        index: usize,
        path: String,
    },
    DeleteFile(usize),
    /// Run this file (`None`: the file Node would be started with).
    ChooseEntry(Option<String>),
    /// Files dropped on the page or chosen: they become the project.
    OpenFiles(Upload),
}

impl State {
    /// Whether the code should be saved as the learner's work: not while it is still
    /// exactly a shared link opened over other saved work.
    pub fn should_save(&self) -> bool {
        !matches!(&self.notice, Some(Notice::OpenedLink { link, .. }) if link.same_work(&self.shared()))
    }

    /// The work as links and saved work hold it.
    pub fn shared(&self) -> Shared {
        match self.files.is_empty() {
            true => Shared::new(&self.code, self.dialect),
            false => Shared::project(
                &self.files,
                self.active,
                self.entry.as_deref(),
                self.dialect,
            ),
        }
    }

    /// The state holding `work` (its dialect is the caller's to choose).
    fn with_work(&self, work: &Shared) -> State {
        let code = match work.files.get(work.active) {
            Some(file) => file.code.clone(),
            None => work.code.clone(),
        };
        let state = State {
            files: work.files.clone(),
            active: work.active.min(work.files.len().saturating_sub(1)),
            entry: work.entry.clone(),
            file_problem: None,
            ..self.clone()
        };
        state.reduce(Action::EditCode(code))
    }

    /// What a run is of: the snippet, or every file's path and code. A run's results go
    /// stale once it differs.
    pub fn source_key(&self) -> String {
        let mut key = self.code.clone();
        for file in &self.files {
            key.push_str(&format!("\0{}\0{}", file.path, file.code));
        }
        key
    }

    /// The shown file's range of the project's one text (`None`: a one-file snippet),
    /// where the report's key links place their calls.
    pub fn active_range(&self) -> Option<std::ops::Range<usize>> {
        crate::project::ranges(&self.files)
            .get(self.active)
            .cloned()
    }

    /// The path of the file in the editor (`None`: a one-file snippet).
    pub fn active_path(&self) -> Option<&str> {
        self.files.get(self.active).map(|f| f.path.as_str())
    }

    /// Whether the results in the Run panel are of other code than the editor's, or of
    /// another dialect than the one shown.
    pub fn run_is_stale(&self) -> bool {
        let other_dialect = self.run.status == RunStatus::Done && self.run.dialect != self.dialect;
        self.run.is_stale(&self.source_key()) || other_dialect
    }

    /// The last value the run showed, while the run is of the code now.
    pub fn last_shown(&self) -> Option<&serde_json::Value> {
        self.run.last_shown(&self.source_key())
    }

    /// The analysis of the snippet or the project, for `dialect`.
    fn analysis(&self, dialect: Dialect) -> crate::report::Report {
        match self.files.is_empty() {
            true => crate::analyze_for(&self.code, dialect),
            false => crate::analyze_project_for(&self.files, self.entry.as_deref(), dialect),
        }
    }

    /// The findings in the file the editor shows (a project's findings name their file).
    fn shown_diagnostics(&self) -> Vec<Diagnostic> {
        let shown = self.active_path();
        let here = |d: &&Diagnostic| shown.is_none() || d.file.as_deref() == shown;
        self.report
            .diagnostics
            .iter()
            .filter(here)
            .cloned()
            .collect()
    }

    pub fn new(code: &str) -> State {
        State {
            code: code.to_string(),
            files: Vec::new(),
            active: 0,
            entry: None,
            file_problem: None,
            dialect: Dialect::Postgres,
            report: Rc::new(crate::analyze_for(code, Dialect::Postgres)),
            run: Rc::new(RunView::default()),
            theme: Theme::System,
            notice: None,
            explored: None,
            form_open: false,
            focus: None,
            share_status: None,
            split: 50,
            share_shown: 0,
            example: crate::examples::preset_with_code(code).map(|p| p.id),
        }
    }

    /// What the editor underlines: the analysis's findings and, while the last run is
    /// of this code, the error it threw where it was thrown (unless the analysis
    /// found that very error there).
    pub fn findings(&self) -> Vec<Diagnostic> {
        let mut findings = self.shown_diagnostics();
        if let Some(thrown) = self.run.finding(&self.source_key(), self.active_path()) {
            let known = |d: &Diagnostic| d.span() == thrown.span() && d.severity == thrown.severity;
            if !findings.iter().any(known) {
                // In order, as the analysis sorts them (no second sort in the bundle).
                let at =
                    findings.partition_point(|d| (d.start, d.end) <= (thrown.start, thrown.end));
                findings.insert(at, thrown);
            }
        }
        findings
    }

    /// The example the code came from, and whether it was edited since.
    pub fn loaded_example(&self) -> Option<(&'static crate::examples::Preset, bool)> {
        let preset = crate::examples::preset(self.example?)?;
        Some((preset, preset.code != self.code))
    }

    /// Whether loading an example would lose code: anything but an example as it was.
    fn has_own_code(&self) -> bool {
        !self.files.is_empty()
            || !self.code.trim().is_empty()
                && crate::examples::preset_with_code(&self.code).is_none()
    }

    /// The state the page opens with: the link's, else the saved work, else the
    /// example — and the notice to show. A bad link never replaces saved work.
    pub fn startup(fragment: &str, saved: Option<&str>) -> State {
        use crate::share::{decode, from_storage};
        let saved = saved.and_then(from_storage);
        let opened = |work: &Shared| State {
            // Work that is an example as it was (a reload before any edit, a link to
            // it) names that example, as a fresh page does.
            example: match work.files.is_empty() {
                true => crate::examples::preset_with_code(&work.code).map(|p| p.id),
                false => None,
            },
            ..State::new("")
                .with_work(work)
                .reduce(Action::ChooseDialect(work.dialect()))
        };
        let fallback = || match &saved {
            Some(work) => opened(work),
            None => State::new(crate::examples::DEFAULT_EXAMPLE),
        };
        match decode(fragment) {
            Ok(Some(shared)) => {
                let mut state = opened(&shared);
                if let Some(work) = saved.filter(|w| !w.same_work(&shared)) {
                    state.notice = Some(Notice::OpenedLink {
                        saved: work,
                        link: shared,
                    });
                }
                state
            }
            Ok(None) => fallback(),
            Err(error) => State {
                notice: Some(Notice::BadLink {
                    error,
                    shown: if saved.is_some() {
                        Shown::SavedWork
                    } else {
                        Shown::Example
                    },
                }),
                ..fallback()
            },
        }
    }

    pub fn reduce(&self, action: Action) -> State {
        match action {
            Action::EditCode(code) => {
                let mut files = self.files.clone();
                if let Some(file) = files.get_mut(self.active) {
                    file.code = code.clone();
                }
                let edited = State {
                    code,
                    files,
                    ..self.clone()
                };
                State {
                    report: Rc::new(edited.analysis(self.dialect).share_unchanged(&self.report)),
                    ..edited
                }
            }
            Action::ChooseDialect(dialect) => State {
                dialect,
                report: Rc::new(self.analysis(dialect)),
                // The method explored was answered with the SQL of the dialect before.
                explored: self.explored.clone().filter(|_| dialect == self.dialect),
                ..self.clone()
            },
            Action::LoadPreset(id) => match crate::examples::preset(&id) {
                Some(preset) => State {
                    example: Some(preset.id),
                    notice: match self.has_own_code() {
                        true => Some(Notice::ExampleReplaced {
                            previous: self.shared(),
                        }),
                        false => self.notice.clone(),
                    },
                    ..self.with_work(&Shared::new(preset.code, self.dialect))
                },
                None => self.clone(),
            },
            Action::Undo => match self.notice.as_ref().and_then(Notice::undone) {
                Some(previous) => State {
                    notice: None,
                    example: None,
                    ..self.with_work(previous)
                },
                None => self.clone(),
            },
            Action::SelectFile(index) => match self.files.get(index) {
                Some(file) => State {
                    code: file.code.clone(),
                    active: index,
                    file_problem: None,
                    ..self.clone()
                },
                None => self.clone(),
            },
            Action::AddFile => self.add_file(),
            Action::RenameFile { index, path } => self.rename_file(index, &path),
            Action::DeleteFile(index) => self.delete_file(index),
            Action::ChooseEntry(entry) => {
                let chosen = State {
                    entry,
                    ..self.clone()
                };
                chosen.reduce(Action::EditCode(self.code.clone()))
            }
            Action::OpenFiles(upload) => self.open_files(upload),
            Action::SetTheme(theme) => State {
                theme,
                ..self.clone()
            },
            Action::DismissNotice => State {
                notice: None,
                ..self.clone()
            },
            Action::OpenFragment(fragment) => match crate::share::decode(&fragment) {
                Ok(Some(shared)) if !shared.same_work(&self.shared()) => State {
                    notice: Some(Notice::OpenedLink {
                        saved: self.shared(),
                        link: shared.clone(),
                    }),
                    example: None,
                    ..self
                        .with_work(&shared)
                        .reduce(Action::ChooseDialect(shared.dialect()))
                },
                Ok(_) => self.clone(),
                Err(error) => State {
                    notice: Some(Notice::BadLink {
                        error,
                        shown: Shown::Unchanged,
                    }),
                    ..self.clone()
                },
            },
            Action::RestoreSaved => match &self.notice {
                Some(Notice::OpenedLink { saved, .. }) => State {
                    notice: None,
                    example: None,
                    ..self.with_work(saved)
                },
                _ => self.clone(),
            },
            Action::RunStarted => self.with_run(RunView {
                status: RunStatus::Running,
                code: self.source_key(),
                files: self.files.clone(),
                dialect: self.dialect,
                ..RunView::default()
            }),
            Action::RunFinished(report) => {
                let (key, files) = (self.run.code.clone(), self.run.files.clone());
                // A snippet's key is its code.
                let code = if files.is_empty() { key.as_str() } else { "" };
                self.with_run(RunView {
                    status: RunStatus::Done,
                    error_place: ErrorPlace::of(&report, code, &files),
                    steps: report.steps,
                    error: report.error,
                    data: report.data,
                    syntax_errors: syntax_errors(code, &files),
                    code: key,
                    files,
                    dialect: self.run.dialect,
                })
            }
            Action::RunCancelled => self.with_run(RunView {
                status: RunStatus::Cancelled,
                ..(*self.run).clone()
            }),
            Action::RunFailed(message) => self.with_run(RunView {
                status: RunStatus::Failed(message),
                ..(*self.run).clone()
            }),
            Action::Focus(focus) => State {
                focus,
                ..self.clone()
            },
            Action::ToggleForm => State {
                form_open: !self.form_open,
                ..self.clone()
            },
            Action::EditForm(edit) => match crate::form::apply(&self.code, &edit) {
                Some(code) => self.reduce(Action::EditCode(code)),
                None => self.clone(),
            },
            Action::ExploreMethod { model, method } => State {
                explored: Some(Rc::new(Explored {
                    model,
                    method,
                    code: self.source_key(),
                    sql: None,
                })),
                ..self.clone()
            },
            Action::MethodExplored {
                model,
                method,
                code,
                report,
            } => match &self.explored {
                // Only the answer to the latest question counts.
                Some(asked) if asked.is_for(&model, &method) && asked.code == code => State {
                    explored: Some(Rc::new(Explored {
                        sql: Some(crate::explore::call_sql(&report)),
                        ..(**asked).clone()
                    })),
                    ..self.clone()
                },
                _ => self.clone(),
            },
            Action::Copied(status) => State {
                share_status: Some(status),
                share_shown: self.share_shown.wrapping_add(1),
                ..self.clone()
            },
            Action::ResizePanes(percent) => {
                let (low, high) = (*SPLIT_RANGE.start(), *SPLIT_RANGE.end());
                State {
                    split: percent.clamp(low.into(), high.into()) as u8,
                    ..self.clone()
                }
            }
            Action::ShareStatusExpired(shown) if shown == self.share_shown => State {
                share_status: None,
                ..self.clone()
            },
            Action::ShareStatusExpired(_) => self.clone(),
        }
    }

    fn add_file(&self) -> State {
        let mut files = match self.files.is_empty() {
            true => vec![ProjectFile::new("index.js", &self.code)],
            false => self.files.clone(),
        };
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        let name = crate::project::new_file_name(&paths);
        files.push(ProjectFile::new(&name, ""));
        let project = Shared::project(&files, files.len() - 1, self.entry.as_deref(), self.dialect);
        State {
            example: None,
            ..self.with_work(&project)
        }
    }

    fn rename_file(&self, index: usize, path: &str) -> State {
        let Some(file) = self.files.get(index) else {
            return self.clone();
        };
        let others: Vec<&str> = self
            .files
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != index)
            .map(|(_, f)| f.path.as_str())
            .collect();
        if let Some(problem) = crate::project::path_problem(path, &others) {
            return State {
                file_problem: Some(problem),
                ..self.clone()
            };
        }
        let path = crate::project::clean_path(path);
        let mut files = self.files.clone();
        files[index].path = path.clone();
        let entry = match &self.entry {
            Some(entry) if *entry == file.path => Some(path),
            entry => entry.clone(),
        };
        self.with_work(&Shared::project(
            &files,
            self.active,
            entry.as_deref(),
            self.dialect,
        ))
    }

    fn delete_file(&self, index: usize) -> State {
        let Some(file) = self.files.get(index) else {
            return self.clone();
        };
        let mut files = self.files.clone();
        files.remove(index);
        let active = match self.active {
            a if a > index => a - 1,
            a => a.min(files.len().saturating_sub(1)),
        };
        let entry = self.entry.clone().filter(|e| *e != file.path);
        State {
            notice: Some(Notice::FileDeleted {
                path: file.path.clone(),
                previous: self.shared(),
            }),
            ..self.with_work(&Shared::project(
                &files,
                active,
                entry.as_deref(),
                self.dialect,
            ))
        }
    }

    /// The dropped files as the project, the entry file shown first; the work before
    /// is kept for Undo. Nothing opened changes nothing, and says why.
    fn open_files(&self, upload: Upload) -> State {
        let count = upload.files.len();
        if count == 0 {
            return State {
                notice: Some(Notice::FilesOpened {
                    count,
                    left_out: upload.left_out,
                    previous: None,
                }),
                ..self.clone()
            };
        }
        let paths: Vec<&str> = upload.files.iter().map(|f| f.path.as_str()).collect();
        let entry = crate::project::entry_file(&paths, None);
        let project = Shared::project(&upload.files, entry, None, self.dialect);
        State {
            notice: Some(Notice::FilesOpened {
                count,
                left_out: upload.left_out,
                previous: Some(self.shared()),
            }),
            example: None,
            ..self.with_work(&project)
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
    fn opening_pages_never_loses_saved_work() {
        use crate::share::{encode, Shared};
        let saved = encode(&Shared::new(
            "const Mine = sequelize.define('mine', {});",
            Dialect::Sqlite,
        ));
        let link = encode(&Shared::new(
            "const Theirs = sequelize.define('theirs', {});",
            Dialect::Mysql,
        ));
        // No link: the saved work, dialect included.
        let state = State::startup("", Some(&saved));
        assert!(
            state.code.contains("Mine")
                && state.dialect == Dialect::Sqlite
                && state.notice.is_none()
        );
        // A link over other saved work: the link, with the saved work one click away.
        let state = State::startup(&format!("#{link}"), Some(&saved));
        assert!(state.code.contains("Theirs") && state.dialect == Dialect::Mysql);
        assert!(!state.should_save(), "the saved work must survive a reload");
        assert!(state
            .reduce(Action::EditCode("edited".into()))
            .should_save());
        let restored = state.reduce(Action::RestoreSaved);
        assert!(restored.code.contains("Mine") && restored.notice.is_none());
        // A bad link: the saved work and a notice saying why.
        let state = State::startup("#v1.damaged!!", Some(&saved));
        assert!(state.code.contains("Mine"));
        assert!(matches!(state.notice, Some(Notice::BadLink { .. })));
        // Nothing saved, no link: the example.
        let fresh = State::startup("", None);
        assert_eq!(fresh.code, crate::examples::DEFAULT_EXAMPLE);
        // Saved work, or a link, that is still an example names it, as a fresh page does.
        let example = encode(&Shared::new(
            crate::examples::DEFAULT_EXAMPLE,
            Dialect::Postgres,
        ));
        for opened in [
            State::startup("", Some(&example)),
            State::startup(&format!("#{example}"), None),
        ] {
            assert_eq!(opened.code, fresh.code);
            assert!(fresh.example.is_some());
            assert_eq!(opened.example, fresh.example);
        }
        assert_eq!(State::startup("", Some(&saved)).example, None);
    }

    #[test]
    fn a_link_pasted_into_the_open_page_keeps_the_current_work() {
        use crate::share::{encode, Shared};
        let state = State::new("const Mine = 1;");
        let link = encode(&Shared::new("const Theirs = 2;", Dialect::Postgres));
        let opened = state.reduce(Action::OpenFragment(format!("#{link}")));
        assert_eq!(opened.code, "const Theirs = 2;");
        assert_eq!(opened.reduce(Action::RestoreSaved).code, "const Mine = 1;");
        let bad = state.reduce(Action::OpenFragment("#nonsense".into()));
        assert_eq!(bad.code, "const Mine = 1;");
        assert!(matches!(bad.notice, Some(Notice::BadLink { .. })));
    }

    #[test]
    fn presets_replace_the_code() {
        let state = State::new("").reduce(Action::LoadPreset("many-to-many".into()));
        assert!(state.code.contains("belongsToMany"));
        assert_eq!(state.report.tables.len(), 3);
        let unchanged = state.reduce(Action::LoadPreset("no-such-preset".into()));
        assert_eq!(unchanged.code, state.code);
    }

    #[test]
    fn an_example_over_own_code_can_be_undone_and_the_select_names_it() {
        let mine = "const Mine = sequelize.define('mine', {});";
        let state = State::new(mine);
        assert_eq!(state.loaded_example().map(|(p, _)| p.id), None);
        let loaded = state.reduce(Action::LoadPreset("many-to-many".into()));
        let (preset, edited) = loaded.loaded_example().expect("an example");
        assert_eq!((preset.id, edited), ("many-to-many", false));
        assert_eq!(
            loaded.notice,
            Some(Notice::ExampleReplaced {
                previous: Shared::new(mine, Dialect::Postgres)
            })
        );
        assert_eq!(loaded.reduce(Action::Undo).code, mine);
        assert_eq!(loaded.reduce(Action::Undo).loaded_example(), None);
        // An example over an example loses nothing: no notice.
        let again = loaded
            .reduce(Action::DismissNotice)
            .reduce(Action::LoadPreset("one-to-one".into()));
        assert_eq!(again.notice, None);
        let edited = again.reduce(Action::EditCode(format!("{}\n// mine", again.code)));
        assert_eq!(
            edited.loaded_example().map(|(p, e)| (p.id, e)),
            Some(("one-to-one", true))
        );
        // The default example opens named.
        let fresh = State::startup("", None);
        assert_eq!(
            fresh.loaded_example().map(|(p, e)| (p.id, e)),
            Some(("one-to-many", false))
        );
        assert_eq!(fresh.reduce(Action::Undo).code, fresh.code);
    }

    #[test]
    fn a_share_status_goes_away_after_its_own_timer_only() {
        let state = State::new("const A = 1;").reduce(Action::Copied(ShareStatus::ScriptCopied));
        let first = state.share_shown;
        let again = state.reduce(Action::Copied(ShareStatus::MarkdownCopied));
        // The first status's timer must not clear the second.
        let after_first = again.reduce(Action::ShareStatusExpired(first));
        assert_eq!(after_first.share_status, Some(ShareStatus::MarkdownCopied));
        let after_second = after_first.reduce(Action::ShareStatusExpired(again.share_shown));
        assert_eq!(after_second.share_status, None);
    }

    #[test]
    fn a_bad_link_says_what_happened_and_what_is_shown() {
        use crate::share::{encode, Shared};
        let message = |state: &State| {
            state
                .notice
                .as_ref()
                .map(Notice::message)
                .unwrap_or_default()
        };
        let good = encode(&Shared::new("const Theirs = 1;", Dialect::Postgres));
        let cut = format!("#{}", &good[..good.len() - 5]);
        // A fresh browser shows the example, and says so.
        let fresh = State::startup(&cut, None);
        assert_eq!(fresh.code, crate::examples::DEFAULT_EXAMPLE);
        assert_eq!(
            message(&fresh),
            "This link could not be opened: the link is cut short (its end is missing): \
             copy the whole link again. The example is shown instead."
        );
        let saved = crate::share::to_storage(&Shared::new("const Mine = 1;", Dialect::Sqlite));
        let with_saved = State::startup(&cut, Some(&saved));
        assert_eq!(with_saved.code, "const Mine = 1;");
        assert!(message(&with_saved).ends_with("Your saved work is shown instead."));
        let newer = State::startup("#v4.abcdef", Some(&saved));
        assert!(message(&newer).contains("made by a newer version of the playground (v4)"));
        let edited = State::startup("#v2.ab$cd", None);
        assert!(message(&edited).contains("characters a playground link never has"));
        let pasted = State::new("const Open = 1;").reduce(Action::OpenFragment(cut));
        assert_eq!(pasted.code, "const Open = 1;");
        assert!(message(&pasted).ends_with(
            "cut short (its end is missing): copy the whole link again. Your code is as it was."
        ));
    }

    /// A three-file models folder as the browser reads it when dropped.
    fn dropped_models_folder() -> Upload {
        let file = |path: &str, code: &str| (path.to_string(), code.as_bytes().to_vec());
        crate::project::from_upload(vec![
            file(
                "shop/models/index.js",
                "const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');
const Owner = require('./owner')(sequelize, DataTypes);
const Pet = require('./pet')(sequelize, DataTypes);
Owner.hasMany(Pet);
Pet.belongsTo(Owner);
module.exports = { sequelize, Owner, Pet };",
            ),
            file(
                "shop/models/owner.js",
                "module.exports = (sequelize, DataTypes) => sequelize.define('owner', { name: DataTypes.STRING });",
            ),
            file(
                "shop/models/pet.js",
                "module.exports = (sequelize, DataTypes) =>\n  sequelize.define('pet', { name: DataTypes.STRING });",
            ),
            file("shop/node_modules/sequelize/", ""),
        ])
    }

    #[test]
    fn dropped_files_become_the_project_and_can_be_undone() {
        let mine = State::new("const Mine = sequelize.define('mine', {});");
        let opened = mine.reduce(Action::OpenFiles(dropped_models_folder()));
        let paths: Vec<&str> = opened.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            ["models/index.js", "models/owner.js", "models/pet.js"]
        );
        assert_eq!(
            opened.active_path(),
            Some("models/index.js"),
            "the entry is shown"
        );
        assert_eq!(
            opened.report.tables.len(),
            2,
            "{:?}",
            opened.report.diagnostics
        );
        assert_eq!(
            opened.notice.as_ref().map(Notice::message).as_deref(),
            Some("Opened 3 files; left out: node_modules (npm packages load as stand-ins).")
        );
        // The findings shown are the shown file's.
        let pet = opened.reduce(Action::SelectFile(2));
        assert_eq!(pet.code, opened.files[2].code);
        let broken = pet.reduce(Action::EditCode(
            "module.exports = (sequelize, DataTypes) => sequelize.defin('pet', {});".into(),
        ));
        assert!(broken
            .findings()
            .iter()
            .all(|d| d.file.as_deref() == Some("models/pet.js")));
        assert!(
            !broken.findings().is_empty(),
            "{:?}",
            broken.report.diagnostics
        );
        assert!(broken.reduce(Action::SelectFile(1)).findings().is_empty());
        // Undo brings the snippet back.
        let undone = opened.reduce(Action::Undo);
        assert!(undone.files.is_empty() && undone.code.contains("Mine"));
        // A link carries every file.
        let link = crate::share::encode(&opened.shared());
        let reopened = State::startup(&format!("#{link}"), None);
        assert_eq!(reopened.files, opened.files);
        assert_eq!(reopened.report.tables.len(), 2);
    }

    #[test]
    fn files_are_added_renamed_chosen_to_run_and_deleted() {
        let state = State::new("const A = 1;").reduce(Action::AddFile);
        let paths = |s: &State| s.files.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
        assert_eq!(paths(&state), ["index.js", "file.js"]);
        assert_eq!((state.active, state.code.as_str()), (1, ""));
        let refused = state.reduce(Action::RenameFile {
            index: 1,
            path: "index.js".into(),
        });
        assert_eq!(
            refused.file_problem.as_deref(),
            Some("the project already has index.js")
        );
        let renamed = refused.reduce(Action::RenameFile {
            index: 1,
            path: "./lib/app.js".into(),
        });
        assert_eq!(paths(&renamed), ["index.js", "lib/app.js"]);
        assert_eq!(renamed.file_problem, None);
        let runs = renamed.reduce(Action::ChooseEntry(Some("lib/app.js".into())));
        assert_eq!(runs.shared().entry.as_deref(), Some("lib/app.js"));
        let deleted = runs.reduce(Action::DeleteFile(1));
        assert!(deleted.files.is_empty(), "one file left is a snippet again");
        assert_eq!(deleted.code, "const A = 1;");
        assert_eq!(deleted.reduce(Action::Undo).files, runs.files);
    }

    #[cfg(feature = "engine")]
    #[test]
    fn a_run_error_in_another_file_is_placed_in_that_file() {
        let opened = State::new("").reduce(Action::OpenFiles(dropped_models_folder()));
        let pet = opened.reduce(Action::SelectFile(2));
        let broken = pet.reduce(Action::EditCode(
            "module.exports = (sequelize, DataTypes) => sequelize.defin('pet', {});".into(),
        ));
        let shown = broken
            .reduce(Action::SelectFile(0))
            .reduce(Action::RunStarted);
        let report = crate::run_project_for_page(&shown.files, None, Box::new(|| 0), shown.dialect);
        let done = shown.reduce(Action::RunFinished(report));
        let place = done.run.error_place.clone().expect("placed");
        assert_eq!(
            (place.file.as_deref(), place.line),
            (Some("models/pet.js"), 1)
        );
        assert_eq!(
            &done.files[2].code[place.start..place.end],
            "sequelize.defin('pet', {})"
        );
        assert!(done
            .findings()
            .iter()
            .all(|d| d.file.as_deref() != Some("models/pet.js")));
        let there = done.reduce(Action::SelectFile(2));
        assert!(there
            .findings()
            .iter()
            .any(|d| d.message.contains("is not a function")));
    }

    /// A report of `steps` that threw nothing.
    fn report(steps: Vec<Step>) -> RunReport {
        RunReport {
            error: None,
            thrown_at: None,
            steps,
            data: Vec::new(),
        }
    }

    fn shown(sql: &[&str], value: serde_json::Value) -> Step {
        Step {
            sql: sql.iter().map(|s| s.to_string()).collect(),
            end: StepEnd::Show {
                value,
                label: None,
                printed: None,
            },
            to_stderr: false,
        }
    }

    #[test]
    fn a_run_goes_running_then_done_and_goes_stale_when_the_code_changes() {
        let state = State::new("const A = sequelize.define('a', {});").reduce(Action::RunStarted);
        assert_eq!(state.run.status, RunStatus::Running);
        let sync = Step {
            sql: Vec::new(),
            end: StepEnd::Sync {},
            to_stderr: false,
        };
        let steps = vec![
            sync,
            shown(&[], serde_json::json!([1])),
            shown(&[], 2.into()),
        ];
        let state = state.reduce(Action::RunFinished(report(steps)));
        assert_eq!(state.run.status, RunStatus::Done);
        assert_eq!(state.run.steps.len(), 3);
        assert!(!state.run.is_stale(&state.code));
        assert_eq!(state.run.last_shown(&state.code), Some(&2.into()));
        assert!(!state.run_is_stale());
        let on_mysql = state.reduce(Action::ChooseDialect(Dialect::Mysql));
        assert!(on_mysql.run_is_stale(), "the SQL is PostgreSQL's");
        let explored = state.reduce(Action::ExploreMethod {
            model: "a".into(),
            method: "getB".into(),
        });
        let chosen = explored.reduce(Action::ChooseDialect(Dialect::Sqlite));
        assert!(explored.explored.is_some() && chosen.explored.is_none());
        let state = state.reduce(Action::EditCode("const B = 1;".into()));
        assert!(state.run.is_stale(&state.code));
        assert_eq!(state.run.last_shown(&state.code), None, "a stale result");
        let state = state.reduce(Action::RunFailed("the worker did not start".into()));
        assert_eq!(
            state.run.status,
            RunStatus::Failed("the worker did not start".into())
        );
    }

    #[test]
    fn the_share_status_says_what_was_copied() {
        let state = State::new("const A = 1;");
        assert_eq!(state.share_status, None);
        let link = |length| {
            state
                .reduce(Action::Copied(ShareStatus::LinkCopied { length }))
                .share_status
                .map(|s| s.message())
        };
        assert_eq!(link(120).as_deref(), Some("Link copied (120 characters)"));
        assert!(link(3_000)
            .unwrap()
            .ends_with("chat apps may cut links this long"));
        assert!(link(9_000).unwrap().ends_with("share the code itself"));
        let ddl = state.reduce(Action::Copied(ShareStatus::DdlCopied(Dialect::Sqlite)));
        assert_eq!(
            ddl.share_status.map(|s| s.message()).as_deref(),
            Some("CREATE TABLE for sqlite copied")
        );
        // The status stays while the code changes.
        let edited = state
            .reduce(Action::Copied(ShareStatus::MarkdownCopied))
            .reduce(Action::EditCode("const B = 2;".into()));
        assert_eq!(edited.share_status, Some(ShareStatus::MarkdownCopied));
    }

    #[test]
    fn editing_reanalyzes_and_choosing_a_dialect_writes_its_ddl() {
        let state = State::new("const A = sequelize.define('a', {});");
        assert_eq!(state.report.tables.len(), 1);
        let state = state.reduce(Action::EditCode(
            "const B = sequelize.define('b', {}); const C = sequelize.define('c', {});".into(),
        ));
        assert_eq!(state.report.tables.len(), 2);
        let state = state.reduce(Action::ChooseDialect(Dialect::Sqlite));
        assert_eq!(state.dialect, Dialect::Sqlite);
        // The page writes the DDL of the dialect it shows.
        assert!(matches!(
            state.report.ddl.get(Dialect::Sqlite),
            crate::report::DdlResult::Tables { .. }
        ));
        assert!(matches!(
            state.report.ddl.get(Dialect::Postgres),
            crate::report::DdlResult::Skipped { .. }
        ));
    }

    #[test]
    fn an_edit_to_one_model_shares_the_views_of_the_others() {
        let code = |attribute: &str| {
            format!(
                "const Owner = sequelize.define('owner', {{ {attribute}: DataTypes.STRING }});
const Pug = sequelize.define('pug', {{ name: DataTypes.STRING }});
Owner.hasMany(Pug);"
            )
        };
        let before = State::new(&code("name"));
        let after = before.reduce(Action::EditCode(code("nickname")));
        let (old, new) = (&before.report, &after.report);
        // owners changed; pugs (table, box) and Owner's methods did not.
        assert!(!Rc::ptr_eq(&old.tables[0], &new.tables[0]));
        assert!(new.tables[0].line.contains("nickname"));
        assert!(Rc::ptr_eq(&old.tables[1], &new.tables[1]));
        assert!(Rc::ptr_eq(&old.methods[0], &new.methods[0]));
        assert!(!Rc::ptr_eq(&old.diagram.boxes[0], &new.diagram.boxes[0]));
        assert!(Rc::ptr_eq(&old.diagram.boxes[1], &new.diagram.boxes[1]));
        assert!(Rc::ptr_eq(&old.diagram.edges[0], &new.diagram.edges[0]));
        assert!(!new.diagram.is_shared_with(&old.diagram));
        // Text inserted above moves every span, not the views.
        let moved = after.reduce(Action::EditCode(format!("\n\n{}", code("nickname"))));
        assert!(moved.report.diagram.is_shared_with(&after.report.diagram));
        assert!(Rc::ptr_eq(&moved.report.tables[0], &after.report.tables[0]));
    }

    #[test]
    fn the_explorer_keeps_only_the_answer_to_the_latest_question() {
        let state = State::new("const A = 1;").reduce(Action::ExploreMethod {
            model: "owner".into(),
            method: "getPugs".into(),
        });
        let answer = |method: &str, code: &str| Action::MethodExplored {
            model: "owner".into(),
            method: method.into(),
            code: code.into(),
            report: report(vec![
                shown(&["x"], crate::explore::MARK.into()),
                Step {
                    sql: vec!["SELECT 1;".into()],
                    end: StepEnd::Trailing {},
                    to_stderr: false,
                },
            ]),
        };
        let stale = state.reduce(answer("getPugs", "const B = 2;"));
        assert_eq!(stale.explored.as_ref().unwrap().sql, None);
        let other = state.reduce(answer("countPugs", "const A = 1;"));
        assert_eq!(other.explored.as_ref().unwrap().sql, None);
        let answered = state.reduce(answer("getPugs", "const A = 1;"));
        assert_eq!(
            answered.explored.as_ref().unwrap().sql,
            Some(Ok(vec!["SELECT 1;".to_string()]))
        );
    }

    #[test]
    fn a_run_error_is_underlined_where_it_was_thrown_until_the_code_changes() {
        let code = "const A = sequelize.define('a', {});\nawait A.findAll({ include: 'b' });";
        let start = code.find("A.findAll").unwrap();
        let thrown = RunReport {
            error: Some(ErrorReport {
                name: "SequelizeEagerLoadingError".into(),
                message: "b is not associated to a!".into(),
            }),
            thrown_at: Some(crate::protocol::ThrownAt {
                start,
                end: code.len() - 1,
                hint: Some("associate them first".into()),
                file: None,
            }),
            ..report(Vec::new())
        };
        let state = State::new(code)
            .reduce(Action::RunStarted)
            .reduce(Action::RunFinished(thrown));
        let place = state.run.error_place.clone().unwrap();
        assert_eq!((place.line, place.column, place.start), (2, 7, start));
        let findings = state.findings();
        let underlined = findings
            .iter()
            .find(|d| d.start == start)
            .expect("the run's error");
        assert_eq!(
            underlined.message,
            "SequelizeEagerLoadingError: b is not associated to a! (thrown when run)"
        );
        assert_eq!(underlined.hint.as_deref(), Some("associate them first"));
        let edited = state.reduce(Action::EditCode(format!("{code}\n")));
        assert!(edited.findings().iter().all(|d| d.start != start));
    }

    #[test]
    fn a_run_of_code_with_a_syntax_error_says_where_it_is() {
        let code = "const A = sequelize.define('a', {});\nawait A.findAll({ where: );";
        let state = State::new(code)
            .reduce(Action::RunStarted)
            .reduce(Action::RunFinished(report(Vec::new())));
        let first = state.run.syntax_errors.first().expect("a syntax error");
        assert_eq!(first.place.line, 2);
        assert!(!first.message.is_empty());
        let clean = State::new("const A = 1;")
            .reduce(Action::RunStarted)
            .reduce(Action::RunFinished(report(Vec::new())));
        assert!(clean.run.syntax_errors.is_empty());
    }

    #[test]
    fn plurals_and_pane_sizes() {
        assert_eq!(counted(1, "row", "rows"), "1 row");
        assert_eq!(counted(0, "row", "rows"), "0 rows");
        assert_eq!(counted(2, "query", "queries"), "2 queries");
        let state = State::new("");
        assert_eq!(state.split, 50);
        assert_eq!(state.reduce(Action::ResizePanes(40)).split, 40);
        assert_eq!(state.reduce(Action::ResizePanes(-3)).split, 25);
        assert_eq!(state.reduce(Action::ResizePanes(900)).split, 75);
    }

    #[cfg(feature = "engine")]
    #[test]
    fn a_finished_run_keeps_the_error_place_and_the_rows() {
        let code = "const Owner = sequelize.define('owner', { name: DataTypes.STRING });
await sequelize.sync({ force: true });
await Owner.create({ name: 'Tom' });
await Owner.findAll({ include: 'pets' });";
        let report = crate::run_for_page(code, Box::new(|| 0), crate::sql::Dialect::Postgres);
        let state = State::new(code)
            .reduce(Action::RunStarted)
            .reduce(Action::RunFinished(report));
        let place = state.run.error_place.clone().expect("a place");
        assert_eq!((place.line, place.column), (4, 7));
        assert_eq!(state.run.data.len(), 1);
        assert_eq!(state.run.data[0].rows[0][1], "Tom");
        assert_eq!(
            state.run.error.as_ref().map(|e| e.name.as_str()),
            Some("Error")
        );
    }
}
