//! The views beside the editor: problems, tables, `CREATE TABLE` SQL and methods.
//! Each renders a part of the report, nothing more.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::diagnostic::{line_col, Severity};
use crate::explain::{ModelMethods, TableView};
use crate::project::ProjectFile;
use crate::report::{DdlResult, Report};
use crate::sql::Dialect;
use crate::state::Explored;

/// Props holding the report; equal when they hold the same report.
#[derive(Properties, Clone)]
pub struct ReportProps {
    pub report: Rc<Report>,
}

impl PartialEq for ReportProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
    }
}

#[derive(Properties, Clone)]
pub struct ProblemsProps {
    /// The code shown (a one-file snippet's, or the shown file's).
    pub code: String,
    /// A project's files (empty for a snippet): its findings name their file.
    pub files: Vec<ProjectFile>,
    /// The file shown, in a project.
    pub shown: Option<String>,
    pub report: Rc<Report>,
    /// Moves the editor's caret to a place of the code.
    pub on_locate: super::Locate,
}

impl PartialEq for ProblemsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report) && self.shown == other.shown
    }
}

/// The findings of the snippet, or of every file of a project (those of other files
/// than the one shown say which; a click shows that file).
#[function_component(Problems)]
pub fn problems(props: &ProblemsProps) -> Html {
    let report = &props.report;
    if report.diagnostics.is_empty() {
        return html! { <p class="ok" id="problems">{ "No problems found." }</p> };
    }
    let text_of = |file: &Option<String>| match file {
        Some(path) if props.shown.is_some() => props
            .files
            .iter()
            .find(|f| f.path == *path)
            .map_or("", |f| f.code.as_str()),
        _ => props.code.as_str(),
    };
    html! {
        <ul class="problems" id="problems" aria-label="Problems">
            { for report.diagnostics.iter().map(|d| {
                let (line, column) = line_col(text_of(&d.file), d.start);
                let class = match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Note => "note",
                };
                let file = d.file.clone().filter(|_| props.shown.is_some());
                let elsewhere = file.as_ref().filter(|f| Some(*f) != props.shown.as_ref());
                let place = match elsewhere {
                    Some(path) => format!("{path} {line}:{column}"),
                    None => format!("{line}:{column}"),
                };
                let span = (file, d.start, d.end);
                html! {
                    <li class={classes!("problem", class)}>
                        <button class="where place" onclick={props.on_locate.reform(move |_: MouseEvent| span.clone())}
                            title="Show this place in the code">{ place }</button>
                        <span class="message">{ &d.message }</span>
                        if let Some(hint) = &d.hint {
                            <span class="hint">{ hint }</span>
                        }
                    </li>
                }
            }) }
        </ul>
    }
}

/// Scrolls the card of `table` into view and focuses it (the page's address keeps its
/// `#v2.` state: no fragment navigation).
fn show_table(table: &str) -> Callback<MouseEvent> {
    let id = table_anchor(table);
    Callback::from(move |_: MouseEvent| {
        let card = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id));
        if let Some(card) = card {
            card.scroll_into_view();
            if let Ok(card) = card.dyn_into::<web_sys::HtmlElement>() {
                let _ = card.focus();
            }
        }
    })
}

/// The element id of a table's card (foreign keys link to it).
fn table_anchor(table: &str) -> String {
    let safe: String = table
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("table-{safe}")
}

#[derive(Properties, Clone, PartialEq)]
struct TableCardProps {
    table: Rc<TableView>,
    /// The column of this table pointed at, if any.
    focused: Option<String>,
    on_focus: Callback<Option<String>>,
}

/// One table; equal props skip the re-render, so an edit redraws only what changed.
#[function_component(TableCard)]
fn table_card(props: &TableCardProps) -> Html {
    let table = &props.table;
    html! {
        <article class="table-card" data-table={table.table_name.clone()} id={table_anchor(&table.table_name)} tabindex="-1">
            <h3>{ &table.table_name }<small>{ format!(" model {}", table.model) }</small></h3>
            <p class="line"><code>{ &table.line }</code></p>
            <table>
                <tbody>
                    { for table.columns.iter().map(|c| {
                        let key = format!("{}.{}", table.table_name, c.name);
                        let point = |to: Option<String>| {
                            let on_focus = props.on_focus.clone();
                            Callback::from(move |_: FocusEvent| on_focus.emit(to.clone()))
                        };
                        let hover = |to: Option<String>| {
                            let on_focus = props.on_focus.clone();
                            Callback::from(move |_: MouseEvent| on_focus.emit(to.clone()))
                        };
                        let is_fk = c.references.is_some();
                        let highlighted = props.focused.as_deref() == Some(c.name.as_str());
                        html! {
                        <tr class={classes!(is_fk.then_some("fk"), c.primary_key.then_some("pk"), highlighted.then_some("highlight"))}
                            tabindex={is_fk.then_some("0")}
                            onmouseenter={is_fk.then(|| hover(Some(key.clone())))} onmouseleave={is_fk.then(|| hover(None))}
                            onfocus={is_fk.then(|| point(Some(key.clone())))} onblur={is_fk.then(|| point(None))}>
                            <td class="col">{ &c.name }</td>
                            <td class="type">{ &c.data_type }</td>
                            <td class="keys">
                                if c.primary_key { <span class="badge pk">{ "PK" }</span> }
                                if let Some(target) = &c.references {
                                    <button class="badge fk" onclick={show_table(target.split('.').next().unwrap_or_default())}
                                        title={format!("Show the table {target} refers to")}>{ format!("FK → {target}") }</button>
                                }
                                if !c.nullable && !c.primary_key { <span class="badge nn">{ "NOT NULL" }</span> }
                            </td>
                        </tr>
                        }
                    }) }
                </tbody>
            </table>
        </article>
    }
}

#[derive(Properties, Clone)]
pub struct TablesProps {
    pub report: Rc<Report>,
    pub focus: Option<String>,
    pub on_focus: Callback<Option<String>>,
}

impl PartialEq for TablesProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
            && self.focus == other.focus
            && self.on_focus == other.on_focus
    }
}

#[function_component(Tables)]
pub fn tables(props: &TablesProps) -> Html {
    html! {
        <section class="panel" id="tables" aria-labelledby="tables-title">
            <h2 id="tables-title">{ "Tables" }</h2>
            if props.report.tables.is_empty() {
                <p class="empty">{ "Define a model with sequelize.define('name', { … }) to see its table." }</p>
            }
            <div class="tables">
                { for props.report.tables.iter().map(|table| {
                    let focused = props.focus.as_deref()
                        .and_then(|key| key.strip_prefix(table.table_name.as_str()))
                        .and_then(|rest| rest.strip_prefix('.'))
                        .map(str::to_string);
                    html! {
                        <TableCard key={table.table_name.clone()} table={table.clone()} {focused}
                            on_focus={props.on_focus.clone()} />
                    }
                }) }
            </div>
        </section>
    }
}

#[derive(Properties, Clone)]
pub struct SqlProps {
    pub report: Rc<Report>,
    pub dialect: Dialect,
    pub on_change: Callback<Event>,
    /// Copies the statements shown.
    pub on_copy: Callback<()>,
    /// The foreign key pointed at: its REFERENCES is marked.
    pub focus: Option<String>,
}

impl PartialEq for SqlProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
            && self.dialect == other.dialect
            && self.focus == other.focus
    }
}

/// The statements of `dialect` as the panel shows them.
pub fn ddl_text(report: &Report, dialect: Dialect) -> String {
    match report.ddl.get(dialect) {
        DdlResult::Tables { create_table } => create_table.join("\n\n"),
        DdlResult::Error { error } => format!("-- sync() would stop: {error}"),
        // The state writes the DDL of the dialect shown; nothing else reaches here.
        DdlResult::Skipped { .. } => String::new(),
    }
}

#[function_component(Sql)]
pub fn sql(props: &SqlProps) -> Html {
    let text = ddl_text(&props.report, props.dialect);
    let marked = props.focus.as_deref().and_then(|key| {
        let link = props.report.links.iter().find(|l| l.key == key)?;
        crate::ddl::reference_range(&text, props.dialect, &link.table, &link.column)
    });
    let body = match marked {
        Some((start, end)) => html! {
            <>{ &text[..start] }<mark class="highlight">{ &text[start..end] }</mark>{ &text[end..] }</>
        },
        None => html! { { text.clone() } },
    };
    let on_copy = {
        let on_copy = props.on_copy.clone();
        Callback::from(move |_: MouseEvent| on_copy.emit(()))
    };
    html! {
        <section class="panel" id="sql" aria-labelledby="sql-title">
            <div class="panel-head">
                <h2 id="sql-title">{ "CREATE TABLE" }</h2>
                <label>
                    { "Dialect " }
                    <select id="dialect" onchange={props.on_change.clone()}>
                        { for Dialect::ALL.iter().map(|d| html! {
                            <option value={d.name()} selected={*d == props.dialect}>{ d.name() }</option>
                        }) }
                    </select>
                </label>
                <button id="copy-ddl" onclick={on_copy} title="Copy these statements">{ "Copy" }</button>
            </div>
            <pre class="ddl"><code>{ body }</code></pre>
        </section>
    }
}

#[derive(Properties, Clone, PartialEq)]
struct MethodsCardProps {
    model: Rc<ModelMethods>,
    /// The explored method's SQL, if it is one of this model's.
    explored: Option<Rc<Explored>>,
    stale: bool,
    on_explore: Callback<(String, String)>,
}

#[function_component(MethodsCard)]
fn methods_card(props: &MethodsCardProps) -> Html {
    let model = &props.model;
    let sql_of = |method: &str| {
        let explored = props
            .explored
            .as_ref()
            .filter(|e| e.is_for(&model.model, method))?;
        let body = match &explored.sql {
            None => html! { <p class="explored pending">{ "Asking the SQL engine…" }</p> },
            Some(Ok(sql)) => {
                html! { <pre class="sql explored"><code>{ sql.join("\n") }</code></pre> }
            }
            Some(Err(error)) => html! { <p class="explored run-error">{ error }</p> },
        };
        Some(html! {
            <div class={classes!("explored-sql", props.stale.then_some("stale"))} role="status">
                if props.stale { <p class="stale-note">{ "The code changed: choose the method again to refresh." }</p> }
                { body }
            </div>
        })
    };
    html! {
        <article class="methods-card" data-model={model.model.clone()}>
            <h3>{ &model.model }</h3>
            <dl>
                { for model.methods().map(|m| {
                    let on_click = {
                        let on_explore = props.on_explore.clone();
                        let key = (model.model.clone(), m.name.clone());
                        Callback::from(move |_: MouseEvent| on_explore.emit(key.clone()))
                    };
                    html! {
                        <>
                            <dt>
                                <code class="method" data-method={m.name.clone()}>{ &m.signature }</code>
                                <button class="quiet explore" data-method={m.name.clone()} onclick={on_click}
                                    title="Show the SQL this method issues">{ "SQL" }</button>
                            </dt>
                            <dd>{ &m.description }{ sql_of(&m.name).unwrap_or_default() }</dd>
                        </>
                    }
                }) }
            </dl>
        </article>
    }
}

#[derive(Properties, Clone)]
pub struct MethodsProps {
    pub report: Rc<Report>,
    pub explored: Option<Rc<Explored>>,
    /// The code now, to mark an answer for older code stale.
    pub code: String,
    pub on_explore: Callback<(String, String)>,
}

impl PartialEq for MethodsProps {
    fn eq(&self, other: &Self) -> bool {
        (Rc::ptr_eq(&self.report, &other.report) || self.report.methods == other.report.methods)
            && self.explored == other.explored
            && self.code == other.code
            && self.on_explore == other.on_explore
    }
}

#[function_component(Methods)]
pub fn methods(props: &MethodsProps) -> Html {
    let with_methods: Vec<_> = props
        .report
        .methods
        .iter()
        .filter(|m| !m.is_empty())
        .collect();
    html! {
        <section class="panel" id="methods" aria-labelledby="methods-title">
            <h2 id="methods-title">{ "Instance methods from associations" }</h2>
            if with_methods.is_empty() {
                <p class="empty">{ "Associate two models (Pug.belongsTo(Owner)) to see the methods Sequelize adds." }</p>
            }
            { for with_methods.into_iter().map(|model| {
                let explored = props.explored.clone().filter(|e| e.model == model.model);
                let stale = explored.as_ref().is_some_and(|e| e.code != props.code);
                html! {
                    <MethodsCard key={model.model.clone()} model={model.clone()} {explored} {stale}
                        on_explore={props.on_explore.clone()} />
                }
            }) }
        </section>
    }
}
