//! The page, in Yew: components render [`crate::state::State`] and dispatch
//! [`crate::state::Action`]s; none of them knows an association rule.

pub mod diagram;
mod editor;
mod embedding;
pub mod form;
pub mod panels;
mod persist;
pub mod run;

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement, KeyboardEvent, MessageEvent, Worker};
use yew::prelude::*;

use crate::embed::{Embed, Panel};
use crate::examples::PRESETS;
use crate::share::{LONG_LINK, TOO_LONG_LINK};
use crate::sql::Dialect;
use crate::state::{Action, Notice, State, Theme};

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
        Rc::new(PageState(self.0.reduce(action)))
    }
}

/// The worker that holds the SQL engine, started on the first run (or the first method
/// explored) and replaced when a run is cancelled (terminating it is the only way to
/// stop a run). Until it says `ready`, requests wait in `pending`; each request has an
/// id, and `jobs` says what its answer is for.
#[derive(Clone)]
struct EngineWorker {
    worker: Worker,
    ready: Rc<std::cell::Cell<bool>>,
    pending: Rc<std::cell::RefCell<Vec<js_sys::Array>>>,
    jobs: Rc<std::cell::RefCell<std::collections::HashMap<u32, Job>>>,
    next_id: Rc<std::cell::Cell<u32>>,
}

/// What a request to the worker is for.
#[derive(Clone)]
enum Job {
    Run,
    Explore {
        model: String,
        method: String,
        code: String,
    },
}

impl EngineWorker {
    fn start(state: UseReducerHandle<PageState>) -> Result<EngineWorker, String> {
        let worker = Worker::new("./worker_loader.js").map_err(|e| format!("{e:?}"))?;
        let engine = EngineWorker {
            worker,
            ready: Rc::default(),
            pending: Rc::default(),
            jobs: Rc::default(),
            next_id: Rc::default(),
        };
        let answering = engine.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            if data.as_string().as_deref() == Some("ready") {
                answering.ready.set(true);
                for request in answering.pending.borrow_mut().drain(..) {
                    answering.post(&request, &state);
                }
                return;
            }
            let answer = js_sys::Array::from(&data);
            let id = answer.get(0).as_f64().map(|id| id as u32);
            let job = id.and_then(|id| answering.jobs.borrow_mut().remove(&id));
            match (job, answer.get(1).as_string()) {
                (Some(Job::Run), Some(json)) => state.dispatch(Action::RunFinished(json)),
                (
                    Some(Job::Explore {
                        model,
                        method,
                        code,
                    }),
                    Some(report),
                ) => state.dispatch(Action::MethodExplored {
                    model,
                    method,
                    code,
                    report,
                }),
                _ => state.dispatch(Action::RunFailed(
                    "the worker sent something unexpected".into(),
                )),
            }
        });
        engine
            .worker
            .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        Ok(engine)
    }

    /// Sends `code` to run now, or once the worker is ready.
    fn submit(&self, job: Job, code: &str, state: &UseReducerHandle<PageState>) {
        let id = self.next_id.get();
        self.next_id.set(id.wrapping_add(1));
        self.jobs.borrow_mut().insert(id, job);
        let request = js_sys::Array::of2(&JsValue::from(id), &JsValue::from_str(code));
        if self.ready.get() {
            self.post(&request, state);
        } else {
            self.pending.borrow_mut().push(request);
        }
    }

    fn post(&self, request: &js_sys::Array, state: &UseReducerHandle<PageState>) {
        if self.worker.post_message(request).is_err() {
            state.dispatch(Action::RunFailed("could not reach the worker".into()));
        }
    }
}

/// The worker, started if there is none yet.
fn engine(
    worker: &Rc<std::cell::RefCell<Option<EngineWorker>>>,
    state: &UseReducerHandle<PageState>,
) -> Result<EngineWorker, String> {
    if let Some(running) = worker.borrow().as_ref() {
        return Ok(running.clone());
    }
    let started = EngineWorker::start(state.clone())?;
    *worker.borrow_mut() = Some(started.clone());
    Ok(started)
}

fn notice_banner(
    notice: &Option<Notice>,
    on_restore: Callback<MouseEvent>,
    on_dismiss: Callback<MouseEvent>,
) -> Html {
    match notice {
        None => html! {},
        Some(Notice::OpenedLink { .. }) => html! {
            <div class="notice" id="notice" role="status">
                { "You opened a shared playground. Your own work is saved: " }
                <button id="restore" onclick={on_restore}>{ "Back to my work" }</button>
                <button class="quiet" onclick={on_dismiss}>{ "Dismiss" }</button>
            </div>
        },
        Some(Notice::BadLink { reason }) => html! {
            <div class="notice bad" id="notice" role="alert">
                { format!("This link could not be opened: {reason}. Your saved work is shown instead.") }
                <button class="quiet" onclick={on_dismiss}>{ "Dismiss" }</button>
            </div>
        },
    }
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

/// A panic is a bug of ours, never the learner's: instead of a dead page, say so and
/// hand them their code back to copy.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("assoc playground: {info}").into());
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let code = document
            .get_element_by_id("code")
            .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
            .map(|area| area.value())
            .unwrap_or_default();
        let Some(body) = document.body() else { return };
        body.set_inner_html("");
        let make = |tag: &str, text: &str| {
            let element = document.create_element(tag).ok()?;
            element.set_text_content(Some(text));
            Some(element)
        };
        let parts = [
            make("h1", "Something went wrong in the playground"),
            make("p", "This is a bug in the playground, not in your code. Your code is below: copy it, then reload the page."),
        ];
        for part in parts.into_iter().flatten() {
            let _ = body.append_child(&part);
        }
        if let Ok(area) = document.create_element("textarea") {
            area.set_id("recovered-code");
            if let Ok(area) = area.dyn_into::<HtmlTextAreaElement>() {
                area.set_value(&code);
                area.set_rows(20);
                area.set_cols(80);
                let _ = body.append_child(&area);
            }
        }
    }));
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        PageState(State::startup(
            &persist::fragment(),
            persist::saved().as_deref(),
        ))
    });
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            persist::on_link_pasted(move |fragment| state.dispatch(Action::OpenFragment(fragment)))
        });
    }
    let embed: Rc<Option<Embed>> = use_memo((), |_| {
        let query = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        crate::embed::from_query(&query)
    });
    let saver = use_mut_ref(persist::Saver::default);
    {
        // An embed never writes the learner's own saved work or the parent's address.
        let embedded = embed.is_some();
        use_effect_with(
            (state.0.code.clone(), state.0.dialect, state.0.should_save()),
            move |(code, dialect, keep)| {
                if !embedded {
                    saver.borrow().save(code, *dialect, *keep);
                }
            },
        );
    }
    use_effect_with((), |_| editor::load());
    {
        // The editor follows the code and shows the findings of each analysis.
        use_effect_with(state.0.code.clone(), |code| editor::sync(code));
        let findings = (state.0.code.clone(), state.0.report.diagnostics.clone());
        use_effect_with(findings, |(code, diagnostics)| {
            editor::show(code, diagnostics)
        });
    }
    let share_status = use_state(|| None::<String>);
    let on_share = {
        let state = state.clone();
        let share_status = share_status.clone();
        Callback::from(move |_: MouseEvent| {
            let link = persist::link(&state.0.code, state.0.dialect);
            persist::copy(&link);
            let length = link.chars().count();
            let advice = if length > TOO_LONG_LINK {
                " — too long for some browsers and servers: share the code itself"
            } else if length > LONG_LINK {
                " — chat apps may cut links this long"
            } else {
                ""
            };
            share_status.set(Some(format!("Link copied ({length} characters){advice}")));
        })
    };
    let on_copy_script = {
        let state = state.clone();
        let share_status = share_status.clone();
        Callback::from(move |_: MouseEvent| {
            persist::copy(&crate::export::node_script(&state.0.code));
            share_status.set(Some(format!(
                "Node script copied: save it as repro.js beside a package.json with {}",
                crate::export::NODE_DEPENDENCIES
            )));
        })
    };
    let on_copy_markdown = {
        let state = state.clone();
        let share_status = share_status.clone();
        Callback::from(move |_: MouseEvent| {
            let current = &state.0;
            let fresh_run = !current.run.is_stale(&current.code);
            let result = current
                .run
                .steps
                .iter()
                .rev()
                .find_map(|s| s.get("show").map(|show| show["value"].clone()))
                .filter(|_| fresh_run);
            persist::copy(&crate::export::markdown(
                &current.code,
                &current.report,
                current.dialect,
                result.as_ref(),
            ));
            share_status.set(Some(
                "Markdown copied: code, tables and the last result".into(),
            ));
        })
    };
    let on_dismiss = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::DismissNotice))
    };
    let on_restore = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::RestoreSaved))
    };
    let on_input = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            state.dispatch(Action::EditCode(area.value()));
        })
    };
    let on_dialect = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(dialect) = Dialect::from_name(&select.value()) {
                state.dispatch(Action::ChooseDialect(dialect));
            }
        })
    };
    // The latest state, for callbacks registered once (message listeners) that would
    // otherwise see the state of the render that registered them.
    let latest = use_mut_ref(|| state.0.clone());
    *latest.borrow_mut() = state.0.clone();
    let worker = use_mut_ref(|| None::<EngineWorker>);
    let on_run = {
        let state = state.clone();
        let worker = worker.clone();
        let latest = latest.clone();
        Callback::from(move |_: ()| match engine(&worker, &state) {
            Ok(engine) => {
                state.dispatch(Action::RunStarted);
                let code = latest.borrow().code.clone();
                engine.submit(Job::Run, &code, &state);
            }
            Err(message) => state.dispatch(Action::RunFailed(message)),
        })
    };
    // Stable across renders, so that the memoized cards do not redraw for a new callback.
    let on_focus = {
        let dispatcher = state.dispatcher();
        use_callback((), move |key: Option<String>, _| {
            dispatcher.dispatch(Action::Focus(key))
        })
    };
    let on_copy_ddl = {
        let state = state.clone();
        let share_status = share_status.clone();
        Callback::from(move |_: ()| {
            persist::copy(&panels::ddl_text(&state.0.report, state.0.dialect));
            share_status.set(Some(format!(
                "CREATE TABLE for {} copied",
                state.0.dialect.name()
            )));
        })
    };
    {
        // The editor marks the calls behind the key pointed at, and says which key
        // the caret or the mouse is on.
        let calls = (
            state.0.code.clone(),
            state.0.report.clone(),
            state.0.focus.clone(),
        );
        use_effect_with(ByAddress(calls), |ByAddress((code, report, focus))| {
            editor::show_links(code, &report.links, focus.as_deref())
        });
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            editor::on_point(move |key| dispatcher.dispatch(Action::Focus(key)))
        });
    }
    let on_toggle_form = {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(Action::ToggleForm))
    };
    let on_edit_form = {
        let state = state.clone();
        Callback::from(move |edit| state.dispatch(Action::EditForm(edit)))
    };
    // Stable across renders: the methods cards are memoized on their props.
    let on_explore = {
        let state = state.clone();
        let worker = worker.clone();
        let latest = latest.clone();
        use_callback((), move |(model, method): (String, String), _| {
            let code = latest.borrow().code.clone();
            let Some(program) = crate::explore::method_snippet(&code, &model, &method) else {
                return;
            };
            state.dispatch(Action::ExploreMethod {
                model: model.clone(),
                method: method.clone(),
            });
            match engine(&worker, &state) {
                Ok(engine) => engine.submit(
                    Job::Explore {
                        model,
                        method,
                        code,
                    },
                    &program,
                    &state,
                ),
                Err(message) => state.dispatch(Action::RunFailed(message)),
            }
        })
    };
    let on_cancel = {
        let state = state.clone();
        let worker = worker.clone();
        Callback::from(move |_: ()| {
            if let Some(running) = worker.borrow_mut().take() {
                running.worker.terminate();
            }
            state.dispatch(Action::RunCancelled);
        })
    };
    let on_keydown = {
        let on_run = on_run.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                on_run.emit(());
            }
        })
    };
    let on_preset = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if !select.value().is_empty() {
                state.dispatch(Action::LoadPreset(select.value()));
                select.set_value("");
            }
        })
    };
    let on_theme = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            state.dispatch(Action::SetTheme(Theme::from_name(&select.value())));
        })
    };
    use_effect_with(state.0.theme, |theme| apply_theme(*theme));
    {
        let state = state.clone();
        let on_run = on_run.clone();
        let embed = embed.clone();
        let latest = latest.clone();
        use_effect_with((), move |_| {
            if let Some(embed) = embed.as_ref() {
                state.dispatch(Action::SetTheme(embed.theme));
                if embed.run_on_load {
                    on_run.emit(());
                }
            }
            let on_run = on_run.clone();
            embedding::listen(move |request, event| match request {
                embedding::Request::SetCode(code) => state.dispatch(Action::EditCode(code)),
                embedding::Request::Run => on_run.emit(()),
                embedding::Request::GetState => {
                    let current = latest.borrow();
                    embedding::reply(
                        event,
                        &[
                            ("type", "state".into()),
                            ("code", current.code.as_str().into()),
                            ("dialect", current.dialect.name().into()),
                        ],
                    )
                }
            });
        });
    }
    use_effect(embedding::post_height);
    if let Some(embed) = embed.as_ref() {
        let current = &state.0;
        let full = persist::link(&current.code, current.dialect).replacen(
            &web_sys::window()
                .and_then(|w| w.location().search().ok())
                .unwrap_or_default(),
            "",
            1,
        );
        return html! {
            <div class="page embed">
                <main class="layout embed-layout">
                    if embed.shows(Panel::Code) {
                        <section class="editor-pane" aria-label="Code">
                            <textarea id="code" class="code" spellcheck="false" value={current.code.clone()}
                                readonly={embed.readonly} oninput={on_input} onkeydown={on_keydown} />
                            <panels::Problems code={current.code.clone()} report={current.report.clone()} />
                        </section>
                    }
                    <section class="views">
                        if embed.shows(Panel::Run) {
                            <run::RunPanel run={current.run.clone()} stale={current.run.is_stale(&current.code)}
                                on_run={on_run} on_cancel={on_cancel} />
                        }
                        if embed.shows(Panel::Tables) { <panels::Tables report={current.report.clone()} focus={current.focus.clone()} on_focus={on_focus.clone()} /> }
                        if embed.shows(Panel::Diagram) { <diagram::DiagramPanel report={current.report.clone()} focus={current.focus.clone()} on_focus={on_focus.clone()} /> }
                        if embed.shows(Panel::Sql) {
                            <panels::Sql report={current.report.clone()} dialect={current.dialect} on_change={on_dialect.clone()}
                        on_copy={on_copy_ddl.clone()} focus={current.focus.clone()} />
                        }
                        if embed.shows(Panel::Methods) { <panels::Methods report={current.report.clone()}
                            explored={current.explored.clone()} code={current.code.clone()} on_explore={on_explore.clone()} /> }
                    </section>
                </main>
                <p class="open-full"><a id="open-playground" href={full} target="_blank" rel="noopener">{ "Open in playground ↗" }</a></p>
            </div>
        };
    }
    let current = &state.0;
    html! {
        <div class="page">
            <header class="bar">
                <div class="title">
                    <h1>{ "assoc playground" }</h1>
                    <p class="tagline">{ "Sequelize associations, live: tables, SQL and methods as Sequelize 6 makes them." }</p>
                </div>
                <div class="controls">
                    <button id="share" onclick={on_share}>{ "Share" }</button>
                    <button id="copy-script" onclick={on_copy_script} title="A runnable script with real Sequelize on SQLite">{ "Copy as Node script" }</button>
                    <button id="copy-markdown" onclick={on_copy_markdown} title="Code, tables and result for an issue or a forum post">{ "Copy as Markdown" }</button>
                    <label>
                        { "Examples " }
                        <select id="presets" onchange={on_preset}>
                            <option value="" selected=true>{ "Load an example…" }</option>
                            { for PRESETS.iter().map(|p| html! { <option value={p.id}>{ p.title }</option> }) }
                        </select>
                    </label>
                    <label>
                        { "Theme " }
                        <select id="theme" onchange={on_theme}>
                            { for [Theme::System, Theme::Light, Theme::Dark].iter().map(|t| html! {
                                <option value={t.name()} selected={*t == current.theme}>{ t.name() }</option>
                            }) }
                        </select>
                    </label>
                </div>
            </header>
            if let Some(status) = (*share_status).clone() {
                <p class="share-status" id="share-status" role="status">{ status }</p>
            }
            { notice_banner(&current.notice, on_restore, on_dismiss) }
            <main class="layout">
                <section class="editor-pane" aria-label="Code">
                    <label class="pane-title" for="code">{ "Your Sequelize code" }</label>
                    <textarea id="code" class="code" spellcheck="false" value={current.code.clone()}
                        oninput={on_input} onkeydown={on_keydown} />
                    <panels::Problems code={current.code.clone()} report={current.report.clone()} />
                    <form::FormPanel code={current.code.clone()} open={current.form_open}
                        on_toggle={on_toggle_form} on_edit={on_edit_form} />
                </section>
                <section class="views" aria-label="What Sequelize makes of it">
                    <run::RunPanel run={current.run.clone()} stale={current.run.is_stale(&current.code)}
                        on_run={on_run} on_cancel={on_cancel} />
                    <run::DataPanel run={current.run.clone()} stale={current.run.is_stale(&current.code)} />
                    <panels::Tables report={current.report.clone()} focus={current.focus.clone()} on_focus={on_focus.clone()} />
                    <diagram::DiagramPanel report={current.report.clone()} focus={current.focus.clone()} on_focus={on_focus.clone()} />
                    <panels::Sql report={current.report.clone()} dialect={current.dialect} on_change={on_dialect.clone()}
                        on_copy={on_copy_ddl.clone()} focus={current.focus.clone()} />
                    <panels::Methods report={current.report.clone()}
                        explored={current.explored.clone()} code={current.code.clone()} on_explore={on_explore.clone()} />
                </section>
            </main>
        </div>
    }
}
