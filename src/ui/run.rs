//! The Run panel: a Run button (Ctrl+Enter in the editor too), then per step what
//! `console.log` showed (or the error, with a link to where it was thrown) and, one
//! click away, the SQL Sequelize logs, formatted and highlighted by `sql::format`.

use std::rc::Rc;

use yew::prelude::*;

use crate::runtime::{Step, StepEnd, TableRows};
use crate::sql::format::{format, tokens, TokenKind};
use crate::state::{counted, ErrorPlace, RunStatus, RunView, SyntaxError};

#[derive(Properties, Clone)]
pub struct RunProps {
    pub run: Rc<RunView>,
    pub stale: bool,
    /// The dialect the page shows (a run's SQL is the dialect it ran on).
    pub dialect: crate::sql::Dialect,
    pub on_run: Callback<()>,
    pub on_cancel: Callback<()>,
    /// Moves the editor's caret to bytes `start..end` of the code.
    pub on_locate: super::Locate,
}

impl PartialEq for RunProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.run, &other.run)
            && self.stale == other.stale
            && self.dialect == other.dialect
    }
}

fn pretty(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// How a shown value is drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ResultMode {
    Tree,
    Table,
    Json,
}

#[derive(Properties, Clone, PartialEq)]
struct ResultProps {
    value: serde_json::Value,
}

/// A value `console.log` showed: a collapsible tree (the first levels open), a table
/// of its rows, or the JSON text. The mode is this view's own (presentation only).
#[function_component(ResultView)]
fn result_view(props: &ResultProps) -> Html {
    let mode = use_state(|| ResultMode::Tree);
    let choose = |to: ResultMode| {
        let mode = mode.clone();
        Callback::from(move |_: MouseEvent| mode.set(to))
    };
    let button = |to: ResultMode, label: &'static str| {
        html! {
            <button class={classes!("quiet", (*mode == to).then_some("chosen"))}
                aria-pressed={(*mode == to).to_string()} onclick={choose(to)}>{ label }</button>
        }
    };
    let body = match *mode {
        ResultMode::Tree => html! { <div class="json-tree">{ json_tree(&props.value, 0) }</div> },
        ResultMode::Table => rows_table(&props.value),
        ResultMode::Json => html! { <pre class="json"><code>{ pretty(&props.value) }</code></pre> },
    };
    html! {
        <div class="result" data-json={pretty(&props.value)}>
            <div class="result-modes" role="group" aria-label="Show the result as">
                { button(ResultMode::Tree, "Tree") }
                { button(ResultMode::Table, "Table") }
                { button(ResultMode::Json, "JSON") }
            </div>
            { body }
        </div>
    }
}

fn scalar(value: &serde_json::Value) -> Html {
    use serde_json::Value;
    match value {
        Value::String(s) => html! { <span class="json-string">{ format!("\"{s}\"") }</span> },
        Value::Number(n) => html! { <span class="json-number">{ n.to_string() }</span> },
        Value::Bool(b) => html! { <span class="json-literal">{ b.to_string() }</span> },
        _ => html! { <span class="json-literal">{ "null" }</span> },
    }
}

/// Objects and arrays fold; the first two levels start open.
fn json_tree(value: &serde_json::Value, depth: usize) -> Html {
    use serde_json::Value;
    match value {
        Value::Object(fields) => html! {
            <details class="json-node" open={depth < 2}>
                <summary>{ format!("{{…}} {}", counted(fields.len(), "key", "keys")) }</summary>
                <ul>
                    { for fields.iter().map(|(key, v)| html! {
                        <li><span class="json-key">{ key }</span>{ ": " }{ json_tree(v, depth + 1) }</li>
                    }) }
                </ul>
            </details>
        },
        Value::Array(items) => html! {
            <details class="json-node" open={depth < 2}>
                <summary>{ format!("[…] {}", counted(items.len(), "item", "items")) }</summary>
                <ol start="0">
                    { for items.iter().map(|v| html! { <li>{ json_tree(v, depth + 1) }</li> }) }
                </ol>
            </details>
        },
        other => scalar(other),
    }
}

/// An array of objects (or one object) as a table: a column per key, nested values
/// in short.
fn rows_table(value: &serde_json::Value) -> Html {
    use serde_json::Value;
    let rows: Vec<&serde_json::Map<String, Value>> = match value {
        Value::Array(items) => items.iter().filter_map(Value::as_object).collect(),
        Value::Object(fields) => vec![fields],
        _ => Vec::new(),
    };
    if rows.is_empty() {
        return html! { <p class="step-note">{ "Only a list of records can be shown as a table." }</p> };
    }
    let mut columns: Vec<&String> = Vec::new();
    for row in &rows {
        for key in row.keys() {
            if !columns.contains(&key) {
                columns.push(key);
            }
        }
    }
    let cell = |value: Option<&Value>| match value {
        Some(Value::Array(items)) => format!("[{}]", counted(items.len(), "item", "items")),
        Some(Value::Object(fields)) => format!("{{{}}}", counted(fields.len(), "key", "keys")),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    html! {
        // Focusable, so that a table wider than the panel scrolls with the keyboard too.
        <div class="table-scroll" tabindex="0" role="region" aria-label="Result as a table">
            <table class="result-table">
                <thead><tr>{ for columns.iter().map(|c| html! { <th>{ *c }</th> }) }</tr></thead>
                <tbody>
                    { for rows.iter().map(|row| html! {
                        <tr>{ for columns.iter().map(|c| html! { <td>{ cell(row.get(*c)) }</td> }) }</tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// A label `console.log` printed before the value, as Node prints it (strings bare).
fn label_text(label: &[serde_json::Value]) -> String {
    let words: Vec<String> = label
        .iter()
        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
        .collect();
    words.join(" ")
}

/// A link to a place in the code: a click or Enter moves the editor's caret there.
fn place_link(place: &ErrorPlace, on_locate: &super::Locate) -> Html {
    let span = (place.file.clone(), place.start, place.end);
    let onclick = on_locate.reform(move |_: MouseEvent| span.clone());
    html! {
        <button class="place" {onclick} title="Show this place in the code">
            if let Some(file) = &place.file { { format!("{file}, ") } }
            { format!("line {}, column {}", place.line, place.column) }
        </button>
    }
}

/// SQL statements, each formatted on its lines and highlighted.
fn sql_view(statements: &[String]) -> Html {
    let class = |kind| match kind {
        TokenKind::Keyword => Some("sql-keyword"),
        TokenKind::Identifier => Some("sql-name"),
        TokenKind::Text => Some("sql-string"),
        TokenKind::Number | TokenKind::Parameter => Some("sql-literal"),
        TokenKind::Plain => None,
    };
    let statement = |sql: &String| {
        let text = format(sql);
        let parts = tokens(&text)
            .into_iter()
            .map(|(kind, part)| match class(kind) {
                Some(class) => html! { <span {class}>{ part }</span> },
                None => html! { { part } },
            })
            .collect::<Html>();
        html! { <code class="statement">{ parts }</code> }
    };
    html! { <pre class="sql">{ for statements.iter().map(statement) }</pre> }
}

/// A step's SQL, folded: the result comes first.
fn sql_details(statements: &[String]) -> Html {
    if statements.is_empty() {
        return html! {};
    }
    html! {
        <details class="step-sql">
            <summary>{ format!("SQL: {}", counted(statements.len(), "query", "queries")) }</summary>
            { sql_view(statements) }
        </details>
    }
}

/// What one `console.log` printed, as a console shows it: strings and numbers as text,
/// records as a tree (or table, or JSON), then the label.
/// A `console.log` as Node prints it, or, for Sequelize instances (whose internals Node
/// would print), their `toJSON()` as a tree.
fn console_entry(
    value: &serde_json::Value,
    label: Option<&Vec<serde_json::Value>>,
    printed: Option<&str>,
) -> Html {
    if let Some(text) = printed {
        return html! { <div class="console"><pre class="console-text">{ text }</pre></div> };
    }
    let printed = match value {
        serde_json::Value::Array(_) | serde_json::Value::Object(_) => {
            html! { <ResultView value={value.clone()} /> }
        }
        other => {
            html! { <div class="console-text">{ label_text(std::slice::from_ref(other)) }</div> }
        }
    };
    html! {
        <div class="console">
            { printed }
            if let Some(label) = label { <div class="console-label">{ label_text(label) }</div> }
        </div>
    }
}

fn error_view(
    name: &str,
    message: &str,
    place: Option<&ErrorPlace>,
    on_locate: &super::Locate,
) -> Html {
    html! {
        <div class="run-error">
            <p>
                <strong>{ name }</strong>{ ": " }{ message }
                if let Some(place) = place {
                    <span class="where">{ " (" }{ place_link(place, on_locate) }{ ")" }</span>
                }
            </p>
            if let Some(hint) = place.and_then(|p| p.hint.as_ref()) {
                <p class="hint">{ hint }</p>
            }
        </div>
    }
}

fn step_view(
    index: usize,
    step: &Step,
    place: Option<&ErrorPlace>,
    on_locate: &super::Locate,
) -> Html {
    let (kind, body) = match &step.end {
        StepEnd::Sync {} => (
            "sync",
            html! { <p class="step-note">{ "sync(): tables created" }</p> },
        ),
        StepEnd::Show {
            value,
            label,
            printed,
        } => (
            "show",
            console_entry(value, label.as_ref(), printed.as_deref()),
        ),
        StepEnd::Error { name, message } => ("error", error_view(name, message, place, on_locate)),
        StepEnd::Trailing {} => (
            "trailing",
            html! { <p class="step-note">{ "The last query (no console.log shows its result)" }</p> },
        ),
    };
    html! {
        <li class={classes!("step", kind)} data-step={index.to_string()}>
            { body }
            { sql_details(&step.sql) }
        </li>
    }
}

/// Why the code cannot run as written: each syntax error, linked to its place.
fn syntax_view(errors: &[SyntaxError], on_locate: &super::Locate) -> Html {
    if errors.is_empty() {
        return html! {};
    }
    html! {
        <div class="run-blocked run-error">
            <p><strong>{ "The code has a syntax error" }</strong>{ ": the run skips what cannot be read." }</p>
            <ul>
                { for errors.iter().map(|e| html! {
                    <li>{ place_link(&e.place, on_locate) }{ " " }{ &e.message }
                        if let Some(hint) = &e.place.hint { <span class="hint">{ hint }</span> }
                    </li>
                }) }
            </ul>
        </div>
    }
}

#[function_component(RunPanel)]
pub fn run_panel(props: &RunProps) -> Html {
    let run = &props.run;
    let running = run.status == RunStatus::Running;
    let on_run = {
        let on_run = props.on_run.clone();
        Callback::from(move |_| on_run.emit(()))
    };
    let on_cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_| on_cancel.emit(()))
    };
    let status = match &run.status {
        RunStatus::NotRun => format!(
            "Run the snippet on a real SQL engine in your browser (GlueSQL); the SQL is shown as Sequelize logs it for {}.",
            props.dialect.title()
        ),
        RunStatus::Running => "Running…".to_string(),
        RunStatus::Done if props.stale && run.dialect != props.dialect => format!(
            "This run's SQL is {}'s: run again for {}.",
            run.dialect.title(),
            props.dialect.title()
        ),
        RunStatus::Done if props.stale => {
            "The code changed since this run: run again to refresh.".to_string()
        }
        RunStatus::Done if run.steps.is_empty() && !run.syntax_errors.is_empty() => {
            "Nothing ran: the code has a syntax error.".to_string()
        }
        RunStatus::Done => format!(
            "{}, SQL as Sequelize logs it for {}",
            counted(run.steps.len(), "step", "steps"),
            run.dialect.title()
        ),
        RunStatus::Cancelled => "Cancelled.".to_string(),
        RunStatus::Failed(message) => format!("The run could not finish: {message}"),
    };
    html! {
        <section class={classes!("panel", props.stale.then_some("stale"))} id="run" aria-labelledby="run-title">
            <div class="panel-head">
                <h2 id="run-title">{ "Run" }</h2>
                <div class="run-buttons">
                    if running {
                        <button id="cancel" onclick={on_cancel}>{ "Cancel" }</button>
                    }
                    <button id="run-button" class="primary" onclick={on_run} disabled={running}
                        title="Run (Ctrl+Enter)">{ "Run ▶" }</button>
                </div>
            </div>
            <p class="run-status" aria-live="polite">{ status }</p>
            if run.status == RunStatus::Done { { syntax_view(&run.syntax_errors, &props.on_locate) } }
            <ol class="steps">
                { for run.steps.iter().enumerate().map(|(i, s)| step_view(i, s, run.error_place.as_ref(), &props.on_locate)) }
            </ol>
        </section>
    }
}

#[derive(Properties, Clone)]
pub struct DataProps {
    pub run: Rc<RunView>,
    pub stale: bool,
}

impl PartialEq for DataProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.run, &other.run) && self.stale == other.stale
    }
}

/// The rows in each GlueSQL table when the last run ended.
#[function_component(DataPanel)]
pub fn data_panel(props: &DataProps) -> Html {
    let tables = &props.run.data;
    html! {
        <section class={classes!("panel", props.stale.then_some("stale"))} id="data" aria-labelledby="data-title">
            <h2 id="data-title">{ "Data" }</h2>
            if tables.is_empty() {
                <p class="empty">{ "After a run, the rows in each table show here." }</p>
            }
            { for tables.iter().map(data_table) }
        </section>
    }
}

/// One table's rows, and how many it holds beyond those shown.
fn data_table(table: &TableRows) -> Html {
    let cell = |v: &serde_json::Value| v.as_str().map_or_else(|| v.to_string(), str::to_string);
    html! {
        <article class="data-table" data-table={table.table.clone()}>
            <h3>{ &table.table }<small>{ format!(" {}", counted(table.total, "row", "rows")) }</small></h3>
            <div class="table-scroll" tabindex="0" role="region"
                aria-label={format!("Rows of {}", table.table)}>
                <table>
                    <thead><tr>{ for table.columns.iter().map(|c| html! { <th>{ c }</th> }) }</tr></thead>
                    <tbody>
                        { for table.rows.iter().map(|row| html! {
                            <tr>{ for row.iter().map(|v| html! { <td>{ cell(v) }</td> }) }</tr>
                        }) }
                    </tbody>
                </table>
            </div>
            if table.rows.len() < table.total {
                <p class="step-note">{ format!("The first {} of {} rows.", table.rows.len(), table.total) }</p>
            }
        </article>
    }
}
