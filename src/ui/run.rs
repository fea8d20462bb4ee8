//! The Run panel: a Run button (Ctrl+Enter in the editor too), then per step the SQL
//! Sequelize logs and what `console.log` showed, or the error.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::{RunStatus, RunView};

#[derive(Properties, Clone)]
pub struct RunProps {
    pub run: Rc<RunView>,
    pub stale: bool,
    pub on_run: Callback<()>,
    pub on_cancel: Callback<()>,
}

impl PartialEq for RunProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.run, &other.run) && self.stale == other.stale
    }
}

fn pretty(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

fn step_view(index: usize, step: &serde_json::Value) -> Html {
    let sql: Vec<String> = step["sql"]
        .as_array()
        .map(|s| {
            s.iter()
                .filter_map(|q| q.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let (kind, body) = if step.get("sync").is_some() {
        (
            "sync",
            html! { <p class="step-note">{ "sync(): tables created" }</p> },
        )
    } else if let Some(show) = step.get("show") {
        let label = show["label"].as_array().map(|l| {
            l.iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                .collect::<Vec<_>>()
                .join(" ")
        });
        (
            "show",
            html! {
                <>
                    if let Some(label) = label { <p class="step-note">{ format!("console.log(…, {label})") }</p> }
                    <pre class="json"><code>{ pretty(&show["value"]) }</code></pre>
                </>
            },
        )
    } else if let Some(error) = step.get("error") {
        (
            "error",
            html! {
                <p class="run-error">
                    <strong>{ error["name"].as_str().unwrap_or("Error") }</strong>{ ": " }{ error["message"].as_str().unwrap_or("") }
                </p>
            },
        )
    } else {
        ("trailing", html! {})
    };
    html! {
        <li class={classes!("step", kind)} data-step={index.to_string()}>
            if !sql.is_empty() {
                <pre class="sql"><code>{ sql.join("\n") }</code></pre>
            }
            { body }
        </li>
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
        RunStatus::NotRun => {
            "Run the snippet on a real SQL engine in your browser (GlueSQL).".to_string()
        }
        RunStatus::Running => "Running…".to_string(),
        RunStatus::Done if props.stale => {
            "The code changed since this run: run again to refresh.".to_string()
        }
        RunStatus::Done => format!("{} steps", run.steps.len()),
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
            <ol class="steps">
                { for run.steps.iter().enumerate().map(|(i, s)| step_view(i, s)) }
            </ol>
        </section>
    }
}
