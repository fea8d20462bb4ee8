//! The page's side of its worker (`www/worker.js`, which serves runs with the page's own
//! module and the SQL engine's, `src/bin/app.rs` and `src/bin/sql.rs`): starting it,
//! sending it [`Request`]s, and turning its [`Answer`]s into [`Action`]s.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::prelude::*;

use super::PageState;
use crate::protocol::{Answer, Request, RunReport};
use crate::state::{Action, State};

/// What the page asks of the worker, as callbacks for the panels.
pub(super) struct Engine {
    /// Runs the code now in the state.
    pub on_run: Callback<()>,
    /// Asks for the SQL of `(model, method)`. Stable across renders: the method cards
    /// are memoized on their props.
    pub on_explore: Callback<(String, String)>,
    /// Stops the run (the worker is terminated; the next request starts another).
    pub on_cancel: Callback<()>,
}

/// The worker's callbacks. `latest` is the state now, for callbacks registered once.
#[hook]
pub(super) fn use_engine(
    state: &UseReducerHandle<PageState>,
    latest: &Rc<RefCell<State>>,
) -> Engine {
    let worker = use_mut_ref(|| None::<EngineWorker>);
    let on_run = {
        let (state, worker, latest) = (state.clone(), worker.clone(), latest.clone());
        Callback::from(move |_: ()| match engine(&worker, &state) {
            Ok(engine) => {
                state.dispatch(Action::RunStarted);
                let request = {
                    let current = latest.borrow();
                    let request = match current.files.is_empty() {
                        true => Request::snippet(&current.code),
                        false => Request::project(&current.files, current.entry.as_deref()),
                    };
                    request.on(current.dialect)
                };
                engine.submit(Job::Run, request, &state);
            }
            Err(message) => state.dispatch(Action::RunFailed(message)),
        })
    };
    let on_explore = {
        let (state, worker, latest) = (state.clone(), worker.clone(), latest.clone());
        use_callback((), move |(model, method): (String, String), _| {
            let (code, request) = {
                let current = latest.borrow();
                (
                    current.source_key(),
                    explorer_request(&current, &model, &method),
                )
            };
            let Some(request) = request else {
                return;
            };
            state.dispatch(Action::ExploreMethod {
                model: model.clone(),
                method: method.clone(),
            });
            let job = Job::Explore {
                model,
                method,
                code,
            };
            match engine(&worker, &state) {
                Ok(engine) => engine.submit(job, request, &state),
                Err(message) => state.dispatch(Action::RunFailed(message)),
            }
        })
    };
    let on_cancel = {
        let state = state.clone();
        Callback::from(move |_: ()| {
            if let Some(running) = worker.borrow_mut().take() {
                running.worker.terminate();
            }
            state.dispatch(Action::RunCancelled);
        })
    };
    Engine {
        on_run,
        on_explore,
        on_cancel,
    }
}

/// The program that shows the SQL of `model`'s `method`: a snippet's definitions and the
/// call, or a project with the explorer's file as the one that runs; on the state's dialect.
fn explorer_request(state: &State, model: &str, method: &str) -> Option<Request> {
    use crate::explore::{method_project, method_snippet, EXPLORER_FILE};
    let request = match state.files.is_empty() {
        true => method_snippet(&state.code, model, method).map(|p| Request::snippet(&p)),
        false => method_project(&state.files, state.entry.as_deref(), model, method)
            .map(|project| Request::project(&project, Some(EXPLORER_FILE))),
    };
    request.map(|request| request.on(state.dialect))
}

/// The worker that holds the SQL engine, started on the first run (or the first method
/// explored) and replaced when a run is cancelled (terminating it is the only way to
/// stop a run). Until it says [`Answer::Ready`], requests wait in `pending`. It answers
/// the requests in the order they were sent: `jobs` says what each answer to come is
/// for, oldest first.
#[derive(Clone)]
struct EngineWorker {
    worker: Worker,
    ready: Rc<Cell<bool>>,
    /// Requests as JSON text.
    pending: Rc<RefCell<Vec<String>>>,
    jobs: Rc<RefCell<VecDeque<Job>>>,
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

impl Job {
    fn answered(self, report: RunReport) -> Action {
        match self {
            Job::Run => Action::RunFinished(report),
            Job::Explore {
                model,
                method,
                code,
            } => Action::MethodExplored {
                model,
                method,
                code,
                report,
            },
        }
    }
}

impl EngineWorker {
    fn start(
        state: UseReducerHandle<PageState>,
        holder: Rc<RefCell<Option<EngineWorker>>>,
    ) -> Result<EngineWorker, String> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options("./worker.js", &options)
            .map_err(|_| "the browser could not start the playground's worker".to_string())?;
        let engine = EngineWorker {
            worker,
            ready: Rc::default(),
            pending: Rc::default(),
            jobs: Rc::default(),
        };
        let answering = engine.clone();
        let answered = state.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            answering.answered(Answer::from_json(&text), &answered);
        });
        engine
            .worker
            .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // The worker stopped on a bug of ours (or could not load): say so, and let the
        // next run start a new one.
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            if let Some(stopped) = holder.borrow_mut().take() {
                stopped.worker.terminate();
            }
            state.dispatch(Action::RunFailed(
                "the run stopped on a bug of the playground's, not of your code; Run starts afresh"
                    .into(),
            ));
        });
        engine
            .worker
            .set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        Ok(engine)
    }

    fn answered(&self, answer: Result<Answer, String>, state: &UseReducerHandle<PageState>) {
        match answer {
            Ok(Answer::Ready) => {
                self.ready.set(true);
                for request in self.pending.borrow_mut().drain(..) {
                    self.post(&request, state);
                }
            }
            Ok(Answer::Ran(report)) => {
                let job = self.jobs.borrow_mut().pop_front();
                match job {
                    Some(job) => state.dispatch(job.answered(report)),
                    None => state.dispatch(Action::RunFailed(
                        "the worker answered a request the page did not send".into(),
                    )),
                }
            }
            Ok(Answer::Failed(reason)) => {
                self.jobs.borrow_mut().pop_front();
                state.dispatch(Action::RunFailed(reason));
            }
            Err(reason) => state.dispatch(Action::RunFailed(reason)),
        }
    }

    /// Sends `request` now, or once the worker is ready.
    fn submit(&self, job: Job, request: Request, state: &UseReducerHandle<PageState>) {
        self.jobs.borrow_mut().push_back(job);
        let request = request.to_json();
        if self.ready.get() {
            self.post(&request, state);
        } else {
            self.pending.borrow_mut().push(request);
        }
    }

    fn post(&self, request: &str, state: &UseReducerHandle<PageState>) {
        if self
            .worker
            .post_message(&JsValue::from_str(request))
            .is_err()
        {
            state.dispatch(Action::RunFailed("could not reach the worker".into()));
        }
    }
}

/// The worker, started if there is none yet.
fn engine(
    worker: &Rc<RefCell<Option<EngineWorker>>>,
    state: &UseReducerHandle<PageState>,
) -> Result<EngineWorker, String> {
    if let Some(running) = worker.borrow().as_ref() {
        return Ok(running.clone());
    }
    let started = EngineWorker::start(state.clone(), worker.clone())?;
    *worker.borrow_mut() = Some(started.clone());
    Ok(started)
}
