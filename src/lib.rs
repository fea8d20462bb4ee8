//! The pure core of the association playground: Sequelize code in, what Sequelize 6
//! would make of it out. No browser, no clock, no IO — it builds and tests natively.
//!
//! The pipeline: [`syntax`] parses the snippet, [`interpret`] runs it and calls the
//! [`schema`] rules (Sequelize's `define`/`init` and the four association calls),
//! [`sql`] writes the DDL per dialect, and [`report`] gathers everything into the one
//! JSON value every face of the app consumes.

pub mod assoc;
pub mod ddl;
pub mod diagnostic;
pub mod diagram;
pub mod embed;
pub(crate) mod error;
pub mod examples;
pub(crate) mod explain;
pub mod explore;
pub mod export;
pub mod form;
pub mod inspect;
pub mod interpret;
pub(crate) mod js;
pub(crate) mod lint;
pub(crate) mod plan;
pub mod project;
pub mod protocol;
pub mod report;
pub mod runtime;
pub mod schema;
pub mod share;
pub mod sql;
pub mod state;
pub mod syntax;
#[cfg(target_arch = "wasm32")]
pub mod ui;
pub(crate) mod value;
pub mod workload;

use std::rc::Rc;

use report::{associations_report, model_report, DdlReport, ErrorReport, Report};

/// Reads and runs the snippet's definitions and reports what Sequelize would make of
/// them, without running queries. Never fails and never panics on any input: problems
/// are in the report.
pub fn analyze(source: &str) -> Report {
    report(source, None)
}

/// What the page needs on every keystroke: [`analyze`] writing the CREATE TABLE
/// statements of `dialect` only (the others are `skipped`), and without the report
/// format's `models` and `associations` lists (left empty: the page shows `tables`,
/// `methods` and the diagram instead). The CLI and the tests use [`analyze`].
pub fn analyze_for(source: &str, dialect: sql::Dialect) -> Report {
    views(execute(source, None), &[dialect], |_, _| ())
}

/// Like [`analyze`], and runs the queries too, on a fresh GlueSQL store: the report's
/// `steps` hold the SQL Sequelize would log for PostgreSQL and the values the snippet shows.
pub fn run(source: &str, clock: runtime::Clock) -> Report {
    run_with_dialect(source, clock, sql::Dialect::Postgres)
}

/// [`run`] on `dialect`: the steps hold the SQL Sequelize logs for it, and the values it
/// shows there (the report's DDL is every dialect's, as [`run`]'s).
pub fn run_with_dialect(source: &str, clock: runtime::Clock, dialect: sql::Dialect) -> Report {
    report(source, Some(runtime_for(clock, dialect)))
}

/// A fresh runtime logging `dialect`'s SQL, with the default bounds.
fn runtime_for(clock: runtime::Clock, dialect: sql::Dialect) -> runtime::Runtime {
    runtime::Runtime::new(clock, runtime::RunLimits::default()).with_dialect(dialect)
}

/// The largest snippet read, in bytes: thirty times the generated 100-model snippet of
/// the benchmarks. A playground is for examples; this keeps a pasted file from freezing it.
pub const MAX_SOURCE: usize = 512 * 1024;

/// [`run_with_dialect`] for the page's worker: the [`protocol::RunReport`] only.
pub fn run_for_page(
    source: &str,
    clock: runtime::Clock,
    dialect: sql::Dialect,
) -> protocol::RunReport {
    let runtime = runtime_for(clock, dialect);
    page_report(execute(source, Some(runtime)), |span| (None, span))
}

/// The run report of an executed snippet or project; `place` gives the file (in a
/// project) and the span in it of a span the run threw at.
fn page_report(
    executed: Executed,
    place: impl Fn(diagnostic::Span) -> (Option<String>, diagnostic::Span),
) -> protocol::RunReport {
    let Executed {
        outcome,
        steps,
        data,
        ..
    } = executed;
    let thrown = outcome.error.as_ref();
    protocol::RunReport {
        error: thrown.map(error_report),
        thrown_at: thrown.map(|thrown| {
            let (file, span) = place(thrown.span);
            protocol::ThrownAt {
                start: span.start,
                end: span.end,
                hint: thrown.error.hint.clone(),
                file,
            }
        }),
        steps,
        data,
    }
}

/// A snippet parsed and run (its definitions, and its queries when given a runtime).
struct Executed {
    programs: Vec<Rc<syntax::ast::Program>>,
    outcome: interpret::Outcome,
    /// The parser's findings (the run's are in `outcome`).
    diagnostics: Vec<diagnostic::Diagnostic>,
    steps: Vec<runtime::Step>,
    data: Vec<runtime::TableRows>,
}

fn execute(source: &str, runtime: Option<runtime::Runtime>) -> Executed {
    if source.len() > MAX_SOURCE {
        let mut empty = execute("", None);
        empty.diagnostics.push(too_large(source));
        return empty;
    }
    let (program, diagnostics) = syntax::parse(source);
    let program = Rc::new(program);
    let file = snippet_file(&program);
    run_sources(vec![file], 0, vec![program], diagnostics, runtime)
}

/// A one-file snippet as the project it runs as: `index.js`.
fn snippet_file(program: &Rc<syntax::ast::Program>) -> interpret::SourceFile {
    interpret::SourceFile {
        path: "index.js".into(),
        body: interpret::FileBody::Script(program.clone()),
    }
}

/// Runs parsed files from the one at `entry`: the outcome, and the steps and rows when
/// given a runtime.
fn run_sources(
    sources: Vec<interpret::SourceFile>,
    entry: usize,
    programs: Vec<Rc<syntax::ast::Program>>,
    diagnostics: Vec<diagnostic::Diagnostic>,
    runtime: Option<runtime::Runtime>,
) -> Executed {
    let limits = interpret::Limits::default();
    let (outcome, runtime) = interpret::execute_project(sources, entry, limits, runtime);
    let (steps, data) = match runtime {
        Some(mut runtime) => {
            let data = runtime.table_rows(&outcome.schema);
            (runtime.finish(), data)
        }
        None => (Vec::new(), Vec::new()),
    };
    Executed {
        programs,
        outcome,
        diagnostics,
        steps,
        data,
    }
}

/// The whole report: every dialect's DDL and the report format's lists.
fn report(source: &str, runtime: Option<runtime::Runtime>) -> Report {
    let mut report = views(execute(source, runtime), &sql::Dialect::ALL, report_format);
    report.steps = without_stderr(std::mem::take(&mut report.steps));
    report
}

/// The steps as `console.log` cuts them (the report's): what went to stderr ends no
/// segment, its statements belong to the next one. The page shows them all.
pub fn without_stderr(steps: Vec<runtime::Step>) -> Vec<runtime::Step> {
    let mut kept: Vec<runtime::Step> = Vec::with_capacity(steps.len());
    let mut carried: Vec<String> = Vec::new();
    for mut step in steps {
        if step.to_stderr {
            carried.append(&mut step.sql);
            continue;
        }
        if !carried.is_empty() {
            carried.append(&mut step.sql);
            step.sql = std::mem::take(&mut carried);
        }
        kept.push(step);
    }
    if !carried.is_empty() {
        match kept.last_mut() {
            Some(last) if matches!(last.end, runtime::StepEnd::Trailing {}) => {
                last.sql.append(&mut carried)
            }
            _ => kept.push(runtime::Step {
                sql: carried,
                end: runtime::StepEnd::Trailing {},
                to_stderr: false,
            }),
        }
    }
    kept
}

/// What `report` writes beyond the page's views: the report format's `models` and
/// `associations`, compared with Sequelize's. (A separate step, so that the page's
/// bundle, which never calls it, leaves the code out.)
fn report_format(report: &mut Report, schema: &schema::Schema) {
    report.models = schema.models.iter().map(model_report).collect();
    report.associations = schema
        .models
        .iter()
        .map(|m| associations_report(schema, m))
        .collect();
}

/// The report of an executed snippet with the DDL of `dialects`; `more` adds to it.
fn views(
    executed: Executed,
    dialects: &[sql::Dialect],
    more: impl FnOnce(&mut Report, &schema::Schema),
) -> Report {
    let Executed {
        programs,
        mut outcome,
        mut diagnostics,
        steps,
        data,
    } = executed;
    diagnostics.append(&mut outcome.diagnostics);
    for program in &programs {
        diagnostics.extend(lint::lint(&outcome.schema, program));
    }
    diagnostics.sort_by_key(|d| (d.start, d.end));
    let schema = &outcome.schema;
    let error = outcome.error.as_ref().map(|thrown| &thrown.error);
    // An error before sync() means the tables were never created.
    let blocked = error.filter(|_| !outcome.synced);
    let mut report = Report {
        error: outcome.error.as_ref().map(error_report),
        models: Vec::new(),
        associations: Vec::new(),
        ddl: DdlReport::build(schema, blocked, dialects),
        steps,
        diagnostics,
        tables: schema
            .models
            .iter()
            .map(|m| Rc::new(explain::table_view(m)))
            .collect(),
        diagram: diagram::layout(schema),
        links: report::key_links(schema),
        data,
        methods: schema
            .models
            .iter()
            .map(|m| Rc::new(explain::methods(schema, m)))
            .collect(),
        leftovers: Default::default(),
    };
    more(&mut report, schema);
    report.leftovers = report::Leftovers::keep((programs, outcome));
    report
}

/// The error for a snippet over [`MAX_SOURCE`], underlining what lies past the limit.
fn too_large(source: &str) -> diagnostic::Diagnostic {
    let cut = (0..=MAX_SOURCE)
        .rev()
        .find(|&i| source.is_char_boundary(i))
        .unwrap_or(0);
    diagnostic::Diagnostic::error(
        diagnostic::Span::new(cut, source.len()),
        format!(
            "The snippet is {} KB; the playground reads snippets up to {} KB",
            source.len().div_ceil(1024),
            MAX_SOURCE / 1024
        ),
    )
    .with_hint("Keep the models and the queries the example is about; split the rest off.")
}

/// An uncaught error as the report names it (a snippet's own error class by its name).
fn error_report(thrown: &interpret::Thrown) -> ErrorReport {
    ErrorReport {
        name: thrown.name.clone(),
        message: thrown.error.message.clone(),
    }
}

/// A project of several files, run as Node runs its entry (`index.js` or `app.js` at the
/// root, else `models/index.js`, else the first file): the report of [`run`], with each
/// diagnostic's `file` and offsets into that file.
pub fn run_project(files: &[(String, String)], clock: runtime::Clock) -> Report {
    run_project_with_dialect(files, clock, sql::Dialect::Postgres)
}

/// [`run_project`] on `dialect` (see [`run_with_dialect`]).
pub fn run_project_with_dialect(
    files: &[(String, String)],
    clock: runtime::Clock,
    dialect: sql::Dialect,
) -> Report {
    let files: Vec<project::ProjectFile> = files
        .iter()
        .map(|(path, code)| project::ProjectFile::new(path, code))
        .collect();
    let runtime = runtime_for(clock, dialect);
    let (executed, ranges) = execute_project(&files, None, Some(runtime));
    let mut report = views(executed, &sql::Dialect::ALL, report_format);
    locate_in_files(&mut report.diagnostics, &files, &ranges);
    report
}

/// [`analyze_for`] of a project (`entry` names the file that runs, if not Node's usual
/// one): diagnostics name their file, with offsets into it; the key links' calls keep
/// their offsets into the project's one text ([`project::joined`]).
pub fn analyze_project_for(
    files: &[project::ProjectFile],
    entry: Option<&str>,
    dialect: sql::Dialect,
) -> Report {
    let (executed, ranges) = execute_project(files, entry, None);
    let mut report = views(executed, &[dialect], |_, _| ());
    locate_in_files(&mut report.diagnostics, files, &ranges);
    report
}

/// The models and associations a project defines (its entry run without queries).
pub fn project_schema(files: &[project::ProjectFile], entry: Option<&str>) -> schema::Schema {
    execute_project(files, entry, None).0.outcome.schema
}

/// [`run_for_page`] of a project: the error's place names its file.
pub fn run_project_for_page(
    files: &[project::ProjectFile],
    entry: Option<&str>,
    clock: runtime::Clock,
    dialect: sql::Dialect,
) -> protocol::RunReport {
    let runtime = runtime_for(clock, dialect);
    let (executed, ranges) = execute_project(files, entry, Some(runtime));
    page_report(executed, |span| {
        let (index, span) = in_file(&ranges, span);
        (files.get(index).map(|f| f.path.clone()), span)
    })
}

/// The files as one text (each file's spans are its range in it), parsed and run.
fn execute_project(
    files: &[project::ProjectFile],
    entry: Option<&str>,
    runtime: Option<runtime::Runtime>,
) -> (Executed, Vec<std::ops::Range<usize>>) {
    let (text, ranges) = project::joined(files);
    if text.len() > MAX_SOURCE {
        let mut empty = execute("", None);
        empty.diagnostics.push(too_large(&text));
        return (empty, ranges);
    }
    let mut diagnostics = Vec::new();
    let mut programs = Vec::new();
    let mut sources = Vec::new();
    for (file, range) in files.iter().zip(&ranges) {
        let body = if file.path.ends_with(".json") {
            interpret::FileBody::Json(file.code.clone())
        } else {
            let (program, mut found) = syntax::parse_range(&text, range.clone());
            diagnostics.append(&mut found);
            let program = Rc::new(program);
            programs.push(program.clone());
            interpret::FileBody::Script(program)
        };
        sources.push(interpret::SourceFile {
            path: file.path.clone(),
            body,
        });
    }
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let entry = project::entry_file(&paths, entry);
    let executed = run_sources(sources, entry, programs, diagnostics, runtime);
    (executed, ranges)
}

/// Offsets into the project's one text made offsets into each diagnostic's file.
fn locate_in_files(
    diagnostics: &mut [diagnostic::Diagnostic],
    files: &[project::ProjectFile],
    ranges: &[std::ops::Range<usize>],
) {
    for diagnostic in diagnostics {
        let (index, span) = in_file(ranges, diagnostic.span());
        diagnostic.start = span.start;
        diagnostic.end = span.end;
        diagnostic.file = files.get(index).map(|f| f.path.clone());
    }
}

/// The file of the project's one text that `span` starts in, and the span in that file.
fn in_file(ranges: &[std::ops::Range<usize>], span: diagnostic::Span) -> (usize, diagnostic::Span) {
    let (index, start) = project::locate(ranges, span.start).unwrap_or((0, 0));
    let base = ranges.get(index).map_or(0, |r| r.start);
    let end = span.end.saturating_sub(base).max(start);
    (index, diagnostic::Span::new(start, end))
}

/// [`analyze_for`] step by step, calling `done(step)` after each: for
/// `examples/bench_analyze` (`PHASES=1`), which times them.
#[doc(hidden)]
pub fn analyze_in_steps(source: &str, dialect: sql::Dialect, mut done: impl FnMut(&'static str)) {
    let (program, _) = syntax::parse(source);
    done("parse");
    let program = Rc::new(program);
    let limits = interpret::Limits::default();
    let (outcome, _) = interpret::execute_project(vec![snippet_file(&program)], 0, limits, None);
    done("interpret");
    let schema = &outcome.schema;
    let lints = lint::lint(schema, &program);
    done("lint");
    let ddl = DdlReport::build(schema, None, &[dialect]);
    done("ddl");
    let tables: Vec<_> = schema.models.iter().map(explain::table_view).collect();
    done("tables");
    let diagram = diagram::layout(schema);
    done("diagram");
    let links = report::key_links(schema);
    done("links");
    let methods: Vec<_> = schema
        .models
        .iter()
        .map(|m| explain::methods(schema, m))
        .collect();
    done("methods");
    drop((
        lints, ddl, tables, diagram, links, methods, outcome, program,
    ));
    done("drop");
}
