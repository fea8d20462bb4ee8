//! The page, in Yew: components render [`crate::state::State`] and dispatch
//! [`crate::state::Action`]s; none of them knows an association rule.

pub mod diagram;
mod editor;
mod embedding;
mod engine;
mod files;
pub mod form;
pub mod panels;
mod persist;
pub mod run;
mod split;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use crate::embed::{shows, Embed, Panel};
use crate::examples::PRESETS;
use crate::sql::Dialect;
use crate::state::{Action, Notice, RunStatus, ShareStatus, State, Theme};

/// Effect dependencies compared by the report's address (a new analysis is a new report).
struct ByAddress((String, Rc<crate::report::Report>, Option<String>));

impl PartialEq for ByAddress {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.0, &other.0);
        a.0 == b.0 && Rc::ptr_eq(&a.1, &b.1) && a.2 == b.2
    }
}

/// The state as Yew holds it; every change is one [`Action`] through [`State::reduce`].
#[derive(Clone)]
pub struct PageState(pub State);

impl PartialEq for PageState {
    fn eq(&self, other: &Self) -> bool {
        self.0.code == other.0.code
            && self.0.dialect == other.0.dialect
            && Rc::ptr_eq(&self.0.report, &other.0.report)
            && Rc::ptr_eq(&self.0.run, &other.0.run)
            && self.0.explored == other.0.explored
    }
}

impl Reducible for PageState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = Rc::new(PageState(self.0.reduce(action)));
        drop_later(self);
        next
    }
}

/// Keeps the state a change replaced until the browser has drawn the new one: freeing
/// the old analysis (100 models' views) is work the key need not wait for.
fn drop_later(old: Rc<PageState>) {
    after(0, move || drop(old));
}

fn notice_banner(notice: &Option<Notice>, dispatch: &Callback<Action>) -> Html {
    let Some(notice) = notice else {
        return html! {};
    };
    let on_dismiss = dispatch.reform(|_: MouseEvent| Action::DismissNotice);
    let (class, role, button) = match notice {
        Notice::OpenedLink { .. } => (
            None,
            "status",
            html! { <button id="restore" onclick={dispatch.reform(|_: MouseEvent| Action::RestoreSaved)}>{ "Back to my work" }</button> },
        ),
        Notice::BadLink { .. } => (Some("bad"), "alert", html! {}),
        Notice::ExampleReplaced { .. } => (
            None,
            "status",
            html! { <button id="undo-example" onclick={dispatch.reform(|_: MouseEvent| Action::Undo)}>{ "Undo" }</button> },
        ),
        Notice::FilesOpened { previous, .. } => (
            None,
            "status",
            match previous {
                Some(_) => {
                    html! { <button id="undo-open" onclick={dispatch.reform(|_: MouseEvent| Action::Undo)}>{ "Undo" }</button> }
                }
                None => html! {},
            },
        ),
        Notice::FileDeleted { .. } => (
            None,
            "status",
            html! { <button id="undo-delete" onclick={dispatch.reform(|_: MouseEvent| Action::Undo)}>{ "Undo" }</button> },
        ),
    };
    html! {
        <div class={classes!("notice", class)} id="notice" {role}>
            { notice.message() }
            { button }
            <button class="quiet" onclick={on_dismiss}>{ "Dismiss" }</button>
        </div>
    }
}

/// How long a Share or Copy confirmation stays.
const STATUS_MS: i32 = 4_000;
/// How long after an edit the editor gets the new findings and calls behind each key.
const EDITOR_DELAY_MS: i32 = 60;

/// A hand-over to the editor that a newer one replaces: at once, or after
/// [`EDITOR_DELAY_MS`] unless another hand-over came meanwhile.
#[derive(Clone, Default)]
struct HandOver(Rc<Cell<u32>>);

impl HandOver {
    fn send(&self, now: bool, show: impl FnOnce() + 'static) {
        let generation = self.0.get().wrapping_add(1);
        self.0.set(generation);
        if now {
            return show();
        }
        let latest = self.0.clone();
        after(EDITOR_DELAY_MS, move || {
            if latest.get() == generation {
                show();
            }
        });
    }
}

/// Calls `done` once, `ms` milliseconds from now.
pub(super) fn after(ms: i32, done: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(done);
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms);
}

/// The chosen theme as `data-theme` on `<html>` (the stylesheet reads it); `system`
/// removes it so `prefers-color-scheme` decides.
fn apply_theme(theme: Theme) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match theme {
        Theme::System => root.remove_attribute("data-theme"),
        other => root.set_attribute("data-theme", other.name()),
    };
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        PageState(State::startup(
            &persist::fragment(),
            persist::saved().as_deref(),
        ))
    });
    let embed: Rc<Option<Embed>> = use_memo((), |_| crate::embed::from_query(&query()));
    // The latest state, for callbacks registered once (message listeners) that would
    // otherwise see the state of the render that registered them.
    let latest = use_mut_ref(|| state.0.clone());
    *latest.borrow_mut() = state.0.clone();
    let engine = engine::use_engine(&state, &latest);
    use_saving(&state, embed.is_some());
    use_editor(&state);
    use_embedding(&state, &embed, &engine.on_run, &latest);
    use_effect_with(state.0.theme, |theme| apply_theme(*theme));
    {
        // Each confirmation goes away by itself; the reducer keeps a newer one.
        let dispatcher = state.dispatcher();
        let shown = (state.0.share_shown, state.0.share_status.is_some());
        use_effect_with(shown, move |&(shown, any)| {
            if any {
                after(STATUS_MS, move || {
                    dispatcher.dispatch(Action::ShareStatusExpired(shown))
                });
            }
        });
    }
    {
        let run_on_load = embed.as_ref().as_ref().is_some_and(|e| e.run_on_load);
        use_effect_with((), move |_| embedding::observe_height(run_on_load));
        let answered = !matches!(state.0.run.status, RunStatus::NotRun | RunStatus::Running);
        use_effect_with(answered, |&answered| {
            if answered {
                embedding::run_settled();
            }
        });
    }
    let dispatch = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action| dispatcher.dispatch(action))
    };
    // Stable across renders, so that the memoized cards do not redraw for a new callback.
    let on_focus = {
        let dispatcher = state.dispatcher();
        use_callback((), move |key: Option<String>, _| {
            dispatcher.dispatch(Action::Focus(key))
        })
    };
    let page = Page {
        state: &state.0,
        embed: (*embed).as_ref(),
        latest,
        dispatch,
        on_focus,
        engine,
    };
    page.render()
}

/// The page's query string (`?embed&panels=…`).
fn query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Saves the code and the dialect as they change: to storage at once, to the address
/// when typing pauses. An embed never writes the learner's own saved work or the
/// parent's address.
#[hook]
fn use_saving(state: &UseReducerHandle<PageState>, embedded: bool) {
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            persist::on_link_pasted(move |fragment| state.dispatch(Action::OpenFragment(fragment)))
        });
    }
    let saver = use_mut_ref(persist::Saver::default);
    use_effect_with(
        (state.0.shared(), state.0.should_save()),
        move |(shared, keep)| {
            if !embedded {
                saver.borrow().save(shared, *keep);
            }
        },
    );
}

/// The code editor: loaded after the first render, it follows the code, shows each
/// analysis's findings and marks the calls behind the key pointed at; it says which
/// key the caret or the mouse is on.
#[hook]
fn use_editor(state: &UseReducerHandle<PageState>) {
    use_effect_with((), |_| editor::load());
    use_effect_with(state.0.code.clone(), |code| editor::sync(code));
    // Sent again when they change: at once when a finding comes or goes, a moment after
    // the typing when they have only moved (the editor moves its underlines with each
    // edit meanwhile; sending them on every key cost ~1 ms on 100 models).
    let code = state.0.code.clone();
    let findings_sent = use_mut_ref(Vec::<crate::diagnostic::Diagnostic>::new);
    let findings = use_mut_ref(HandOver::default).borrow().clone();
    use_effect_with(state.0.findings(), move |diagnostics| {
        let mut sent = findings_sent.borrow_mut();
        let moved_only = sent.len() == diagnostics.len()
            && sent.iter().zip(diagnostics).all(|(a, b)| {
                a.severity == b.severity && a.message == b.message && a.hint == b.hint
            });
        *sent = diagnostics.clone();
        let diagnostics = diagnostics.clone();
        findings.send(!moved_only, move || editor::show(&code, &diagnostics));
    });
    // The calls behind each key, for pointing at a key: at once when the key pointed at
    // changes, a moment after the typing when the code does (the editor moves its marks
    // meanwhile; a new list on every key would cost each key ~1 ms on 100 models).
    let links_sent = use_mut_ref(|| None::<Rc<crate::report::Report>>);
    let links = use_mut_ref(HandOver::default).borrow().clone();
    let calls = (
        state.0.code.clone(),
        state.0.report.clone(),
        state.0.focus.clone(),
    );
    // A project's calls are placed in its one text: the shown file's range of it.
    let shown = state.0.active_range();
    use_effect_with(
        (ByAddress(calls), shown),
        move |(ByAddress((code, report, focus)), shown)| {
            let same_analysis = links_sent
                .replace(Some(report.clone()))
                .is_some_and(|sent| Rc::ptr_eq(&sent, report));
            let (code, report, shown, focus) =
                (code.clone(), report.clone(), shown.clone(), focus.clone());
            links.send(same_analysis, move || {
                editor::show_links(&code, &report.links, focus.as_deref(), shown)
            });
        },
    );
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        editor::on_point(move |key| dispatcher.dispatch(Action::Focus(key)))
    });
}

/// In an embed: its theme, a run on load if asked, and the hosting page's requests.
#[hook]
fn use_embedding(
    state: &UseReducerHandle<PageState>,
    embed: &Rc<Option<Embed>>,
    on_run: &Callback<()>,
    latest: &Rc<RefCell<State>>,
) {
    let (state, embed, on_run, latest) =
        (state.clone(), embed.clone(), on_run.clone(), latest.clone());
    use_effect_with((), move |_| {
        if let Some(embed) = embed.as_ref() {
            state.dispatch(Action::SetTheme(embed.theme));
            if embed.run_on_load {
                on_run.emit(());
            }
        }
        embedding::listen(move |request, event| match request {
            embedding::Request::SetCode(code) => state.dispatch(Action::EditCode(code)),
            embedding::Request::Run => on_run.emit(()),
            embedding::Request::GetState => {
                let current = latest.borrow();
                let files = serde_json::to_string(&current.files).unwrap_or_default();
                embedding::reply(
                    event,
                    &[
                        ("type", "state".into()),
                        ("code", current.code.as_str().into()),
                        ("dialect", current.dialect.name().into()),
                        ("files", files.into()),
                    ],
                )
            }
        });
    });
}

/// One render of the page: the state and what its controls call. The full page and an
/// embed are the same layout; an embed shows only its panels, and no bar.
struct Page<'a> {
    state: &'a State,
    embed: Option<&'a Embed>,
    latest: Rc<RefCell<State>>,
    dispatch: Callback<Action>,
    on_focus: Callback<Option<String>>,
    engine: engine::Engine,
}

impl Page<'_> {
    fn render(&self) -> Html {
        let embedded = self.embed.is_some();
        // A read-only embed takes no files; nothing replaces the page with a dropped file.
        let readonly = self.embed.is_some_and(|e| e.readonly);
        let on_drop = {
            let dispatch = self.dispatch.clone();
            Callback::from(move |e: DragEvent| match readonly {
                true => e.prevent_default(),
                false => files::dropped(&e, &dispatch),
            })
        };
        let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
        html! {
            <div class={classes!("page", embedded.then_some("embed"))}
                ondrop={on_drop} ondragover={on_drag_over}>
                if !embedded {
                    { self.bar() }
                    if let Some(status) = &self.state.share_status {
                        <p class="share-status" id="share-status" role="status">{ status.message() }</p>
                    }
                    { notice_banner(&self.state.notice, &self.dispatch) }
                }
                <main class={classes!("layout", embedded.then_some("embed-layout"), (!embedded).then_some("split"))}
                    style={(!embedded).then(|| format!("--split: {}%", self.state.split))}>
                    if self.shows(Panel::Code) { { self.editor_pane() } }
                    if !embedded {
                        <split::PaneSeparator split={self.state.split}
                            on_resize={self.dispatch.reform(Action::ResizePanes)} />
                    }
                    <section class="views" aria-label="What Sequelize makes of it">
                        { for Panel::VIEWS.into_iter().filter(|p| self.shows(*p)).map(|p| self.view(p)) }
                    </section>
                </main>
                if embedded {
                    <p class="open-full"><a id="open-playground" href={self.full_page_link()} target="_blank" rel="noopener">{ "Open in playground ↗" }</a></p>
                }
            </div>
        }
    }

    fn shows(&self, panel: Panel) -> bool {
        shows(self.embed, panel)
    }

    /// The title, the Share and Copy buttons, the examples and the theme.
    fn bar(&self) -> Html {
        html! {
            <header class="bar">
                <div class="title">
                    <h1>{ "assoc playground" }</h1>
                    <p class="tagline">{ "Sequelize associations, live: tables, SQL and methods as Sequelize 6 makes them." }</p>
                </div>
                <div class="controls">
                    <button id="share" onclick={self.copy(copy_link)}>{ "Share" }</button>
                    <button id="copy-script" onclick={self.copy(copy_script)} title="A runnable script with real Sequelize on SQLite"><span class="narrow-hidden">{ "Copy as " }</span>{ "Node script" }</button>
                    <button id="copy-markdown" onclick={self.copy(copy_markdown)} title="Code, tables and result for an issue or a forum post"><span class="narrow-hidden">{ "Copy as " }</span>{ "Markdown" }</button>
                    { self.examples() }
                    <label>
                        <span class="narrow-hidden">{ "Theme " }</span>
                        <select id="theme" onchange={self.dispatch.reform(|e: Event| Action::SetTheme(Theme::from_name(&selected(&e))))}>
                            { for [Theme::System, Theme::Light, Theme::Dark].iter().map(|t| html! {
                                <option value={t.name()} selected={*t == self.state.theme}>{ t.name() }</option>
                            }) }
                        </select>
                    </label>
                </div>
            </header>
        }
    }

    /// The examples, chosen with the select and loaded with its button (so the arrow
    /// keys only move the choice); the select shows the example loaded, "edited" once
    /// the code differs from it.
    fn examples(&self) -> Html {
        let loaded = self.state.loaded_example();
        let (id, edited) = loaded.map_or(("", false), |(preset, edited)| (preset.id, edited));
        let on_load = self.dispatch.reform(|_: MouseEvent| {
            let select = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("presets"))
                .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok());
            Action::LoadPreset(select.map(|s| s.value()).unwrap_or_default())
        });
        html! {
            <span class="examples">
                <label for="presets" class="narrow-hidden">{ "Examples" }</label>
                // Keyed by what is loaded: a new select shows it selected.
                <select id="presets" key={format!("{id}:{edited}")}>
                    <option value="" selected={loaded.is_none()}>{ "Choose an example…" }</option>
                    { for PRESETS.iter().map(|p| {
                        let title = match p.id == id && edited {
                            true => format!("{} (edited)", p.title),
                            false => p.title.to_string(),
                        };
                        html! { <option value={p.id} selected={p.id == id}>{ title }</option> }
                    }) }
                </select>
                <button id="load-preset" onclick={on_load}>{ "Load" }</button>
            </span>
        }
    }

    /// The code, its problems and (on the full page) the form builder.
    fn editor_pane(&self) -> Html {
        let current = self.state;
        let on_input = self.dispatch.reform(|e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            Action::EditCode(area.value())
        });
        let on_keydown = {
            let on_run = self.engine.on_run.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                    e.prevent_default();
                    on_run.emit(());
                }
            })
        };
        html! {
            <section class="editor-pane" aria-label="Code">
                if self.embed.is_none() {
                    <label class="pane-title" for="code">{ "Your Sequelize code" }</label>
                }
                if self.embed.is_none() || !current.files.is_empty() {
                    <files::FileTabs paths={current.files.iter().map(|f| f.path.clone()).collect::<Vec<_>>()}
                        active={current.active} entry={current.entry.clone()}
                        problem={current.file_problem.clone()} dispatch={self.dispatch.clone()} />
                }
                <textarea id="code" class="code" spellcheck="false" aria-label="Sequelize code" value={current.code.clone()}
                    rows={self.embed.map(|_| crate::embed::editor_rows(&current.code).to_string())}
                    readonly={self.embed.is_some_and(|e| e.readonly)} oninput={on_input} onkeydown={on_keydown} />
                // Tab indents in the editor: say how to leave it.
                <p class="editor-hint" id="editor-hint"><kbd>{ "Esc" }</kbd>{ " then " }<kbd>{ "Tab" }</kbd>{ " leaves the editor · " }<kbd>{ "Ctrl" }</kbd>{ "+" }<kbd>{ "Enter" }</kbd>{ " runs" }</p>
                <panels::Problems code={current.code.clone()} files={current.files.clone()}
                    shown={current.active_path().map(str::to_string)} report={current.report.clone()} on_locate={self.locate()} />
                if self.shows(Panel::Form) {
                    <form::FormPanel code={current.code.clone()} file={current.active_path().map(str::to_string)} open={current.form_open}
                        on_toggle={self.dispatch.reform(|_: ()| Action::ToggleForm)}
                        on_edit={self.dispatch.reform(Action::EditForm)} />
                }
            </section>
        }
    }

    /// One of the panels beside the code.
    fn view(&self, panel: Panel) -> Html {
        let current = self.state;
        let (report, focus) = (&current.report, &current.focus);
        let stale = current.run_is_stale();
        match panel {
            Panel::Run => html! {
                <run::RunPanel run={current.run.clone()} {stale} dialect={current.dialect}
                    on_run={self.engine.on_run.clone()} on_cancel={self.engine.on_cancel.clone()}
                    on_locate={self.locate()} />
            },
            Panel::Data => html! { <run::DataPanel run={current.run.clone()} {stale} /> },
            Panel::Tables => html! {
                <panels::Tables report={report.clone()} focus={focus.clone()} on_focus={self.on_focus.clone()} />
            },
            Panel::Diagram => html! {
                <diagram::DiagramPanel report={report.clone()} focus={focus.clone()} on_focus={self.on_focus.clone()} />
            },
            Panel::Sql => html! {
                <panels::Sql report={report.clone()} dialect={current.dialect} on_change={self.on_dialect()}
                    on_copy={self.copy(copy_ddl)} focus={focus.clone()} />
            },
            Panel::Methods => html! {
                <panels::Methods report={report.clone()} explored={current.explored.clone()}
                    code={current.source_key()} on_explore={self.engine.on_explore.clone()} />
            },
            Panel::Code | Panel::Form => html! {},
        }
    }

    /// A copy button's callback: `copy` puts the latest state's text on the clipboard
    /// and says what it was.
    fn copy<E: 'static>(&self, copy: fn(&State) -> ShareStatus) -> Callback<E> {
        let (latest, dispatch) = (self.latest.clone(), self.dispatch.clone());
        Callback::from(move |_: E| dispatch.emit(Action::Copied(copy(&latest.borrow()))))
    }

    /// Moves the editor's caret to bytes `start..end` of the code (an error's place), in
    /// the project's file it names (shown first, if it is not).
    fn locate(&self) -> Locate {
        let (latest, dispatch) = (self.latest.clone(), self.dispatch.clone());
        Callback::from(move |(file, start, end): (Option<String>, usize, usize)| {
            let index =
                file.and_then(|path| latest.borrow().files.iter().position(|f| f.path == path));
            match index.filter(|&i| i != latest.borrow().active) {
                Some(index) => {
                    dispatch.emit(Action::SelectFile(index));
                    // Once the editor shows that file.
                    let latest = latest.clone();
                    after(0, move || editor::reveal(&latest.borrow().code, start, end));
                }
                None => editor::reveal(&latest.borrow().code, start, end),
            }
        })
    }

    fn on_dialect(&self) -> Callback<Event> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(dialect) = Dialect::from_name(&selected(&e)) {
                dispatch.emit(Action::ChooseDialect(dialect));
            }
        })
    }

    /// The full playground with this code, for the embed's "Open in playground".
    fn full_page_link(&self) -> String {
        persist::link(&self.state.shared()).replacen(&query(), "", 1)
    }
}

/// Moves the editor to a place: the project's file (`None`: the one shown), and bytes
/// `start..end` of it.
pub type Locate = Callback<(Option<String>, usize, usize)>;

fn selected(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

fn copy_link(state: &State) -> ShareStatus {
    let link = persist::link(&state.shared());
    persist::copy(&link);
    ShareStatus::LinkCopied {
        length: link.chars().count(),
    }
}

fn copy_script(state: &State) -> ShareStatus {
    persist::copy(&match state.files.is_empty() {
        true => crate::export::node_script(&state.code),
        false => crate::export::node_project_script(&state.files, state.entry.as_deref()),
    });
    ShareStatus::ScriptCopied
}

fn copy_markdown(state: &State) -> ShareStatus {
    persist::copy(&crate::export::markdown_of(
        &state.shared(),
        &state.report,
        state.dialect,
        state.last_shown(),
    ));
    ShareStatus::MarkdownCopied
}

fn copy_ddl(state: &State) -> ShareStatus {
    persist::copy(&panels::ddl_text(&state.report, state.dialect));
    ShareStatus::DdlCopied(state.dialect)
}
