//! Runs a snippet's JavaScript as Node 20 would, and hands its Sequelize calls to the
//! [`crate::schema`] rules (definitions) and the [`crate::runtime`] (queries).
//!
//! It owns the run's scopes, objects and promises (`heap`, `scope`), the language
//! (`statements`, `expressions`, `functions`, `props`), the built-ins (`builtins`), the
//! Sequelize objects it stands in for (`sequelize`), and the conversions to the runtime's
//! plain values (`convert`). Promises settle at once (the database answers
//! synchronously); their callbacks wait in a microtask queue that runs at each `await` and
//! when the script ends, so output comes in Node's order. Every run is bounded: call
//! depth and evaluation steps are capped, so no snippet can hang or overflow the stack.

mod answers;
mod association_hooks;
mod builtins;
mod convert;
mod defaults;
mod expressions;
mod functions;
mod getters;
pub(crate) mod heap;
mod hooks;
mod model_scopes;
mod modules;
pub(crate) mod options;
mod promise;
mod props;
mod scope;
mod sequelize;
mod show;
mod statements;
mod validators;
mod views;

use std::collections::VecDeque;
use std::rc::Rc;

use crate::diagnostic::{Diagnostic, Span};
use crate::error::{ErrorName, SequelizeError};
use crate::runtime::{Runtime, StepEnd};
use crate::schema::Schema;
use crate::syntax::ast::Program;

use builtins::Realm;
use heap::{JsValue, Obj};
use scope::{Env, Scope};

/// Bounds on one run.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub max_call_depth: usize,
    pub max_steps: usize,
    pub max_models: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_call_depth: 32,
            max_steps: 200_000,
            max_models: 500,
        }
    }
}

/// An uncaught exception: the error as Sequelize or V8 words it, its JavaScript name
/// (a snippet's own `class NotFound extends Error` included), and where it was thrown.
#[derive(Clone, Debug)]
pub struct Thrown {
    pub error: SequelizeError,
    pub name: String,
    pub span: Span,
}

/// What running the snippet produced.
#[derive(Debug, Default)]
pub struct Outcome {
    pub schema: Schema,
    /// The first uncaught error.
    pub error: Option<Thrown>,
    /// `sync()` completed before the error (if any), so the tables exist.
    pub synced: bool,
    pub diagnostics: Vec<Diagnostic>,
}

/// Runs the definitions only: queries evaluate to values the playground does not model
/// (no SQL engine).
pub fn run(program: &Program, limits: Limits) -> Outcome {
    execute(program, limits, None).0
}

/// One file of a project: its path from the project's root and what it holds.
pub struct SourceFile {
    pub path: String,
    pub body: FileBody,
}

pub enum FileBody {
    Script(Rc<Program>),
    /// A `.json` file's text (`require('../config/config.json')`).
    Json(String),
}

/// Runs the snippet; with a [`Runtime`], queries run on it, and it comes back with the
/// steps and the tables as the run left them.
pub fn execute(
    program: &Program,
    limits: Limits,
    runtime: Option<Runtime>,
) -> (Outcome, Option<Runtime>) {
    let file = SourceFile {
        path: "index.js".into(),
        body: FileBody::Script(Rc::new(program.clone())),
    };
    execute_project(vec![file], 0, limits, runtime)
}

/// Runs a project of files as Node runs `node <entry>`: `require` and `import` load the
/// others (once each); model files nothing loads are loaded as sequelize-cli's
/// `models/index.js` would.
pub fn execute_project(
    files: Vec<SourceFile>,
    entry: usize,
    limits: Limits,
    runtime: Option<Runtime>,
) -> (Outcome, Option<Runtime>) {
    let mut interpreter = Interpreter::new(limits, runtime);
    interpreter.modules = files.into_iter().map(modules::Module::new).collect();
    let result = interpreter.run_project(entry);
    let error = match result {
        Ok(()) => interpreter.unhandled_rejection(),
        Err(exception) => Some(exception),
    };
    let error = error.map(|exception| interpreter.uncaught(exception));
    if let Some(thrown) = &error {
        interpreter.diagnostics.push(thrown_diagnostic(thrown));
        if let Some(rt) = interpreter.runtime.as_mut() {
            rt.end_step(StepEnd::Error {
                name: thrown.name.clone(),
                message: thrown.error.message.clone(),
            });
        }
    }
    let runtime = interpreter.runtime.take();
    let outcome = Outcome {
        schema: std::mem::take(&mut interpreter.schema),
        error,
        synced: interpreter.synced,
        diagnostics: std::mem::take(&mut interpreter.diagnostics),
    };
    drop(interpreter);
    scope::release_scopes();
    heap::release_objects();
    (outcome, runtime)
}

fn thrown_diagnostic(thrown: &Thrown) -> Diagnostic {
    let message = if thrown.name == "Error" {
        thrown.error.message.clone()
    } else {
        format!("{}: {}", thrown.name, thrown.error.message)
    };
    let diagnostic = Diagnostic::error(thrown.span, message);
    match &thrown.error.hint {
        Some(hint) => diagnostic.with_hint(hint.clone()),
        None => diagnostic,
    }
}

/// A JavaScript exception on its way up: the thrown value, where, and a hint for the
/// learner when the playground has one.
#[derive(Clone, Debug)]
pub struct Exception {
    pub value: JsValue,
    pub span: Span,
    pub hint: Option<String>,
}

/// How control leaves a statement early.
pub enum Flow {
    Throw(Exception),
    Return(JsValue),
    Break(Option<Rc<str>>),
    Continue(Option<Rc<str>>),
}

pub type Eval<T> = Result<T, Flow>;

/// A job of the microtask queue: a promise reaction to run with the settled value.
struct Job {
    reaction: heap::Reaction,
    outcome: Result<JsValue, JsValue>,
    /// The rest of an async call's body (not a `.then` callback).
    resumes: bool,
}

pub struct Interpreter {
    schema: Schema,
    diagnostics: Vec<Diagnostic>,
    synced: bool,
    limits: Limits,
    depth: usize,
    steps: usize,
    /// Present when queries really run (`run`), absent for analysis.
    runtime: Option<Runtime>,
    realm: Realm,
    global: Env,
    /// The class object of each model, by [`crate::schema::ModelId`].
    model_classes: Vec<Option<Obj>>,
    /// Object-valued attributes handed to the snippet (`views`).
    views: Vec<views::View>,
    /// `DataTypes.STRING` and its kin, made once each.
    bare_data_types: Vec<(String, JsValue)>,
    microtasks: VecDeque<Job>,
    /// The rest of each async call's body, waiting to run (`promise::Continuation`).
    continuations: Vec<Option<promise::Continuation>>,
    /// How many async bodies are running their rest (their `await`s let `.then`
    /// callbacks run first, not the other async bodies waiting).
    resuming: usize,
    /// `setTimeout` callbacks: (due time, order made, callback, arguments).
    timers: Vec<(f64, usize, JsValue, Vec<JsValue>)>,
    /// Promises rejected with no handler yet, with where they were rejected.
    rejected: Vec<(Obj, Span)>,
    /// Notes already given once (by their place and text).
    noted: Vec<(usize, &'static str)>,
    /// Undefined names already stood in for by a model.
    stubbed: Vec<String>,
    /// Arrays being joined (`String(a)` of an array inside itself gives `''`).
    joining: Vec<Obj>,
    /// Built-ins running inside one another (see `functions`).
    native_depth: usize,
    /// Inside the arguments of a definition call: undefined model names get stand-ins.
    stand_ins: usize,
    /// `require('sequelize')`, the one `sequelize` instance, and its `models`.
    sequelize_module: JsValue,
    sequelize_instance: JsValue,
    models_object: JsValue,
    /// `QueryTypes`, shared by `require('sequelize')` and `sequelize.QueryTypes`.
    query_types: JsValue,
    /// The playground's hint for each error object it made, kept beside it so that a
    /// rejection caught later (an awaited query) still carries it.
    error_hints: Vec<(Obj, String)>,
    /// Each model's hooks, in the order they were added: (model, hook name, function).
    hooks: Vec<(crate::schema::ModelId, Rc<str>, JsValue)>,
    /// Every model's hooks (`sequelize.addHook`), in the order they were added.
    universal_hooks: Vec<(Rc<str>, JsValue)>,
    /// The hooks added with a label (`addHook(name, label, fn)`), for `removeHook`.
    hook_labels: Vec<(crate::schema::ModelId, Rc<str>, Rc<str>, JsValue)>,
    /// `t.afterCommit(fn)`: each transaction's callbacks, by its number.
    after_commit: Vec<(usize, JsValue)>,
    /// Each model's scopes as written, in the order they were added: (model, name,
    /// options or function); the default scope is named `defaultScope`.
    scopes: Vec<(crate::schema::ModelId, String, JsValue)>,
    /// Each attribute's getter and setter, as written (`get()`, `set(v)`).
    attribute_accessors: Vec<getters::Accessors>,
    /// Each attribute's `defaultValue` function, as written.
    default_functions: Vec<defaults::DefaultFunction>,
    /// The promises of Sequelize calls made since the program last yielded.
    unanswered: Vec<Obj>,
    /// Each validator written as a function, as written.
    validator_functions: Vec<validators::ValidatorFunction>,
    /// The project's files, loaded as modules when required.
    modules: Vec<modules::Module>,
    /// `Math.random`'s state: runs repeat.
    random_state: u64,
}

impl Interpreter {
    fn new(limits: Limits, runtime: Option<Runtime>) -> Interpreter {
        let global = Scope::root();
        let realm = Realm::new();
        let mut interpreter = Interpreter {
            schema: Schema::default(),
            diagnostics: Vec::new(),
            synced: false,
            limits,
            depth: 0,
            steps: 0,
            runtime,
            realm,
            global,
            model_classes: Vec::new(),
            views: Vec::new(),
            bare_data_types: Vec::new(),
            microtasks: VecDeque::new(),
            continuations: Vec::new(),
            resuming: 0,
            timers: Vec::new(),
            rejected: Vec::new(),
            noted: Vec::new(),
            stubbed: Vec::new(),
            stand_ins: 0,
            native_depth: 0,
            joining: Vec::new(),
            sequelize_module: JsValue::Undefined,
            sequelize_instance: JsValue::Undefined,
            models_object: JsValue::Undefined,
            query_types: JsValue::Undefined,
            error_hints: Vec::new(),
            hook_labels: Vec::new(),
            universal_hooks: Vec::new(),
            hooks: Vec::new(),
            after_commit: Vec::new(),
            scopes: Vec::new(),
            attribute_accessors: Vec::new(),
            default_functions: Vec::new(),
            unanswered: Vec::new(),
            validator_functions: Vec::new(),
            modules: Vec::new(),
            random_state: 0x2545_f491_4f6c_dd1d,
        };
        interpreter.install_globals();
        interpreter
    }

    fn run_project(&mut self, entry: usize) -> Result<(), Exception> {
        let result = self.load_module(entry).map(drop);
        match result {
            Ok(()) | Err(Flow::Return(_)) => self.run_event_loop()?,
            Err(Flow::Throw(exception)) => return Err(exception),
            Err(Flow::Break(_) | Flow::Continue(_)) => {}
        }
        self.load_model_factories(entry)
    }

    /// Counts one step of evaluation, stopping a snippet that never ends.
    fn tick(&mut self, span: Span) -> Eval<()> {
        self.steps += 1;
        if self.steps > self.limits.max_steps {
            return Err(self.error(
                SequelizeError::plain(format!(
                    "The playground stopped this snippet after {} steps; it looks like it never ends",
                    self.limits.max_steps
                ))
                .with_hint("look for a loop whose condition stays true, or a function that calls itself"),
                span,
            ));
        }
        Ok(())
    }

    /// A thrown error: the error object JavaScript code would catch, at `span` (or where
    /// the error itself points).
    fn error(&mut self, error: SequelizeError, span: Span) -> Flow {
        let span = error.at.unwrap_or(span);
        let hint = error.hint.clone();
        let value = builtins::errors::make(self, error.name.as_str(), &error.message);
        if let JsValue::Object(object) = &value {
            self.set_error_properties(object, &error);
        }
        if let (Some(hint), JsValue::Object(object)) = (&hint, &value) {
            self.error_hints.push((object.clone(), hint.clone()));
        }
        Flow::Throw(Exception { value, span, hint })
    }

    /// The properties the runtime gave `error`, on its object. A Sequelize error's `name`
    /// and its class's fields are own enumerable properties, in the class's order
    /// (`JSON.stringify(err)` shows them): `original` is `parent`, and a database
    /// error's `sql` and `parameters` are the driver error's (`{}` when it has none).
    fn set_error_properties(&mut self, object: &Obj, error: &SequelizeError) {
        let given = |name: &str| {
            error
                .properties
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        };
        let parent = given("parent");
        let adopted: Vec<(&str, JsValue)> = error
            .properties
            .iter()
            .map(|(name, json)| {
                let value = self.adopt(&crate::value::from_json(json.clone()));
                (name.as_str(), value)
            })
            .collect();
        let parent_value = adopted
            .iter()
            .find(|(n, _)| *n == "parent")
            .map(|(_, v)| v.clone());
        let refused = self
            .runtime
            .as_mut()
            .and_then(|rt| rt.take_refused_instance());
        if let (Some(instance), Some((_, JsValue::Object(items)))) =
            (refused, adopted.iter().find(|(n, _)| *n == "errors"))
        {
            // Each item's `instance` is the record itself, not a copy.
            if let heap::Kind::Array(items) = &items.borrow().kind {
                for item in items {
                    if let JsValue::Object(item) = item {
                        let mut item = item.borrow_mut();
                        let named = item
                            .own_str("instance")
                            .is_some_and(|p| !matches!(p.slot, heap::Slot::Value(JsValue::Null)));
                        if named {
                            item.set_own("instance".into(), JsValue::Instance(instance.clone()));
                        }
                    }
                }
            }
        }
        let name = error.name.as_str();
        if !builtins::errors::is_sequelize_name(name) {
            let mut b = object.borrow_mut();
            for (name, value) in adopted {
                b.set_hidden(name.into(), value);
            }
            return;
        }
        let mut b = object.borrow_mut();
        b.remove(&"name".into());
        b.set_own("name".into(), JsValue::str(name));
        for field in builtins::errors::own_fields(name) {
            let own = adopted
                .iter()
                .find(|(n, _)| n == field)
                .map(|(_, v)| v.clone());
            let of_parent = |key: &str| {
                parent
                    .as_ref()
                    .and_then(|p| p.get(key))
                    .map(|v| crate::value::from_json(v.clone()))
            };
            let value = match (*field, own) {
                (_, Some(value)) => value,
                ("original", None) => parent_value.clone().unwrap_or(JsValue::Undefined),
                ("sql", None) => match of_parent("sql") {
                    Some(sql) => self.adopt(&sql),
                    None => JsValue::Undefined,
                },
                ("parameters", None) => match of_parent("parameters") {
                    Some(p) => self.adopt(&p),
                    None => self.adopt(&crate::value::Value::Object(Vec::new())),
                },
                _ => JsValue::Undefined,
            };
            b.set_own((*field).into(), value);
        }
        for (name, value) in adopted {
            if !builtins::errors::own_fields(error.name.as_str()).contains(&name) {
                b.set_hidden(name.into(), value);
            }
        }
    }

    fn type_error<T>(&mut self, message: impl Into<String>, span: Span) -> Eval<T> {
        Err(self.error(SequelizeError::type_error(message), span))
    }

    /// A diagnostic once per place and kind.
    fn note_once(&mut self, span: Span, key: &'static str, diagnostic: Diagnostic) {
        if self.noted.contains(&(span.start, key)) {
            return;
        }
        self.noted.push((span.start, key));
        self.diagnostics.push(diagnostic);
    }

    /// The report's view of an uncaught exception.
    fn uncaught(&mut self, exception: Exception) -> Thrown {
        let (name, message) = builtins::errors::name_and_message(self, &exception.value);
        let error_name = [
            ErrorName::Error,
            ErrorName::TypeError,
            ErrorName::ReferenceError,
            ErrorName::RangeError,
            ErrorName::SequelizeAssociationError,
            ErrorName::SequelizeDatabaseError,
            ErrorName::SequelizeEagerLoadingError,
            ErrorName::SequelizeForeignKeyConstraintError,
            ErrorName::SequelizeInstanceError,
            ErrorName::SequelizeUniqueConstraintError,
            ErrorName::SequelizeValidationError,
            ErrorName::AggregateError,
        ]
        .into_iter()
        .find(|n| n.as_str() == name)
        .unwrap_or(ErrorName::Error);
        let mut error = SequelizeError::new(error_name, message);
        error.hint = exception.hint.or_else(|| match &exception.value {
            JsValue::Object(object) => self
                .error_hints
                .iter()
                .find(|(o, _)| o == object)
                .map(|(_, h)| h.clone()),
            _ => None,
        });
        Thrown {
            error,
            name,
            span: exception.span,
        }
    }
}
