//! A project's files as Node's modules: `require` resolution (relative paths, `.js`,
//! `.json`, a folder's `index.js`), each module run once and cached, its own `module`,
//! `exports`, `__dirname` and `__filename`; `fs` over the project's files; and the model
//! files nothing loads, loaded as sequelize-cli's `models/index.js` would.

use std::rc::Rc;

use super::heap::{Call, Callable, JsValue, Key, Kind, Native};
use super::scope::{Env, Scope};
use super::{Eval, Exception, FileBody, Flow, Interpreter, SourceFile};
use crate::diagnostic::{Diagnostic, Span};

/// Where the project's files sit, as `__dirname` shows it.
const ROOT: &str = "/app";

pub(super) struct Module {
    /// `/app/models/user.js`.
    pub path: String,
    body: Rc<FileBody>,
    /// `module.exports`, once the module has run (or while it runs: cycles see it).
    exports: Option<JsValue>,
    module_object: Option<JsValue>,
    /// The module Node was started with (`require.main`): the first one run.
    main: bool,
}

impl Module {
    pub fn new(file: SourceFile) -> Module {
        Module {
            path: format!("{ROOT}/{}", file.path.trim_start_matches("./")),
            body: Rc::new(file.body),
            exports: None,
            module_object: None,
            main: false,
        }
    }
}

/// `dir/spec` made absolute and normal (`.` and `..` resolved).
pub(super) fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    format!("/{}", parts.join("/"))
}

fn dirname(path: &str) -> &str {
    path.rfind('/')
        .map_or("/", |i| if i == 0 { "/" } else { &path[..i] })
}

impl Interpreter {
    /// The module a `require(spec)` from `dir` names, by Node's rules for files.
    pub(super) fn resolve(&self, dir: &str, spec: &str) -> Option<usize> {
        let base = if spec.starts_with('/') {
            normalize(spec)
        } else {
            normalize(&format!("{dir}/{spec}"))
        };
        let candidates = [
            base.clone(),
            format!("{base}.js"),
            format!("{base}.json"),
            format!("{base}/index.js"),
        ];
        candidates
            .iter()
            .find_map(|candidate| self.modules.iter().position(|m| &m.path == candidate))
    }

    /// Runs module `index` (once) and gives its `module.exports`.
    pub(super) fn load_module(&mut self, index: usize) -> Eval<JsValue> {
        if let Some(exports) = &self.modules[index].exports {
            return Ok(exports.clone());
        }
        let body = self.modules[index].body.clone();
        let path = self.modules[index].path.clone();
        match &*body {
            FileBody::Json(text) => {
                let value = match serde_json::from_str::<serde_json::Value>(text) {
                    Ok(json) => self.adopt(&crate::value::from_json(json)),
                    Err(error) => {
                        let message = format!("{path}: {error}");
                        return Err(self.error(
                            crate::error::SequelizeError::plain(message),
                            Span::default(),
                        ));
                    }
                };
                self.modules[index].exports = Some(value.clone());
                Ok(value)
            }
            FileBody::Script(program) => {
                let first = self.modules.iter().all(|m| m.module_object.is_none());
                self.modules[index].main = first;
                let scope = self.module_scope(&path, first);
                let module = scope
                    .lookup("module")
                    .map(|b| b.value)
                    .unwrap_or(JsValue::Undefined);
                let exports = scope
                    .lookup("exports")
                    .map(|b| b.value)
                    .unwrap_or(JsValue::Undefined);
                self.modules[index].exports = Some(exports);
                self.modules[index].module_object = Some(module.clone());
                let result = self.block_in(&program.body, &scope);
                match result {
                    Ok(()) | Err(Flow::Return(_)) => {}
                    Err(other) => return Err(other),
                }
                let exports = self.get(&module, &Key::from("exports"), Span::default())?;
                self.modules[index].exports = Some(exports.clone());
                Ok(exports)
            }
        }
    }

    /// What a module sees: `module`, `exports`, `require`, `__dirname`, `__filename`.
    fn module_scope(&mut self, path: &str, main: bool) -> Env {
        let scope = Scope::function(&self.global, Some(JsValue::Undefined), None);
        let exports = self.plain_object();
        let module = self.object_of(vec![
            ("exports", exports.clone()),
            ("id", JsValue::str(if main { "." } else { path })),
            ("filename", JsValue::str(path)),
        ]);
        let main_module = match main {
            true => Some(module.clone()),
            false => self
                .modules
                .iter()
                .find(|m| m.main)
                .and_then(|m| m.module_object.clone()),
        };
        let require = self.require_function(dirname(path), main_module);
        scope.declare("require", require, true);
        scope.declare("module", module, true);
        scope.declare("exports", exports, true);
        scope.declare("__dirname", JsValue::str(dirname(path)), true);
        scope.declare("__filename", JsValue::str(path), true);
        scope
    }

    /// A module's `require`: a function (so `require.main === module` and passing it
    /// around work) that resolves from `dir`, with `main`, `resolve` and `cache`.
    fn require_function(&mut self, dir: &str, main: Option<JsValue>) -> JsValue {
        let dir = JsValue::str(dir);
        let require = self.native_with("require", require_call, Some(dir.clone()));
        let resolve = self.native_with("resolve", require_resolve, Some(dir));
        let cache = self.plain_object();
        for (name, value) in [
            ("main", main.unwrap_or(JsValue::Undefined)),
            ("resolve", resolve),
            ("cache", cache),
        ] {
            if let JsValue::Object(o) = &require {
                o.borrow_mut().set_own(Key::from(name), value);
            }
        }
        require
    }

    /// The directory of the module `env` belongs to.
    pub(super) fn module_dir(&self, env: &Env) -> String {
        match env.lookup("__dirname").map(|b| b.value) {
            Some(JsValue::Str(dir)) => dir.to_string(),
            _ => ROOT.to_string(),
        }
    }

    /// `require(spec)` from `dir` of one of the project's files, if it is one.
    pub(super) fn require_file(&mut self, spec: &str, dir: &str) -> Eval<Option<JsValue>> {
        if !(spec.starts_with('.') || spec.starts_with('/')) {
            return Ok(None);
        }
        match self.resolve(dir, spec) {
            Some(index) => self.load_module(index).map(Some),
            None => Ok(None),
        }
    }

    /// The names `fs.readdirSync(dir)` lists: the project's files and folders in `dir`.
    pub(super) fn directory_entries(&self, dir: &str) -> Vec<String> {
        let dir = normalize(dir);
        let prefix = if dir == "/" {
            "/".to_string()
        } else {
            format!("{dir}/")
        };
        let mut names: Vec<String> = self
            .modules
            .iter()
            .filter_map(|m| m.path.strip_prefix(&prefix))
            .map(|rest| rest.split('/').next().unwrap_or(rest).to_string())
            .collect();
        names.sort();
        names.dedup();
        names
    }

    pub(super) fn path_exists(&self, path: &str) -> bool {
        let path = normalize(path);
        self.modules
            .iter()
            .any(|m| m.path == path || m.path.starts_with(&format!("{path}/")))
    }

    /// After the entry ran: a model factory (`module.exports = (sequelize, DataTypes) =>
    /// …`) that nothing called is called, as `models/index.js` would, then every model's
    /// `associate(models)`; files nothing required run too.
    pub(super) fn load_model_factories(&mut self, entry: usize) -> Result<(), Exception> {
        let to_exception = |flow: Flow| match flow {
            Flow::Throw(exception) => Some(exception),
            _ => None,
        };
        let mut factories = Vec::new();
        for index in 0..self.modules.len() {
            let was_loaded = self.modules[index].exports.is_some();
            if !matches!(*self.modules[index].body, FileBody::Script(_))
                || (was_loaded && index != entry)
            {
                continue;
            }
            let exports = match self.load_module(index) {
                Ok(exports) => exports,
                Err(flow) => return to_exception(flow).map_or(Ok(()), Err),
            };
            // `export default (sequelize, DataTypes) => …` too.
            let default = match &exports {
                JsValue::Object(o) if !o.is_callable() => {
                    o.borrow().own_str("default").and_then(|p| match &p.slot {
                        super::heap::Slot::Value(v) => Some(v.clone()),
                        _ => None,
                    })
                }
                _ => None,
            };
            if let Some(factory) = [Some(exports), default]
                .into_iter()
                .flatten()
                .find(is_factory)
            {
                factories.push((index, factory));
            }
        }
        if factories.is_empty() {
            return self.run_event_loop();
        }
        let sequelize = self.sequelize_instance.clone();
        let data_types = self
            .get(
                &self.sequelize_module.clone(),
                &Key::from("DataTypes"),
                Span::default(),
            )
            .unwrap_or(JsValue::Undefined);
        for (_, factory) in &factories {
            let span = factory_span(factory);
            if let Err(flow) = self.call_function(
                factory,
                JsValue::Undefined,
                vec![sequelize.clone(), data_types.clone()],
                span,
                None,
            ) {
                return to_exception(flow).map_or(Ok(()), Err);
            }
            self.diagnostics.push(Diagnostic::note(
                Span::new(span.start, span.start),
                "This file exports a model factory and nothing here calls it: the playground calls it with sequelize and DataTypes, then each model's associate(models), as sequelize-cli's models/index.js does",
            ));
        }
        let models = self.models_object.clone();
        for id in 0..self.schema.models.len() {
            let class = self.model_value(id);
            let associate = self
                .get(&class, &Key::from("associate"), Span::default())
                .unwrap_or(JsValue::Undefined);
            if associate.is_callable() {
                if let Err(flow) = self.call_function(
                    &associate,
                    class.clone(),
                    vec![models.clone()],
                    Span::default(),
                    None,
                ) {
                    return to_exception(flow).map_or(Ok(()), Err);
                }
            }
        }
        self.run_event_loop()
    }
}

/// `(sequelize, DataTypes) => { … }` as a models file exports it.
fn is_factory(value: &JsValue) -> bool {
    matches!(value, JsValue::Object(o) if matches!(&o.borrow().kind,
        Kind::Function(Callable::Closure(closure)) if !closure.def.params.is_empty()))
}

fn factory_span(value: &JsValue) -> Span {
    match value {
        JsValue::Object(o) => match &o.borrow().kind {
            Kind::Function(Callable::Closure(closure)) => closure.def.span,
            _ => Span::default(),
        },
        _ => Span::default(),
    }
}

/// The directory a module's `require` (or `require.resolve`) resolves from.
fn required_from(native: &Native) -> String {
    match native.data.as_deref() {
        Some(JsValue::Str(dir)) => dir.to_string(),
        _ => ROOT.to_string(),
    }
}

fn require_call(interpreter: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    interpreter.require_in(&required_from(native), &call.arg(0), call.span)
}

/// `require.resolve(spec)`: the project file's path, a built-in module's name, or Node's
/// "Cannot find module" error.
fn require_resolve(
    interpreter: &mut Interpreter,
    native: &Native,
    call: Call<'_>,
) -> Eval<JsValue> {
    let spec = call.arg(0).as_str().map(str::to_string).unwrap_or_default();
    if !(spec.starts_with('.') || spec.starts_with('/')) {
        return Ok(JsValue::str(&spec));
    }
    match interpreter.resolve(&required_from(native), &spec) {
        Some(index) => Ok(JsValue::str(&interpreter.modules[index].path.clone())),
        None => {
            let message = format!("Cannot find module '{spec}'");
            Err(interpreter.error(crate::error::SequelizeError::plain(message), call.span))
        }
    }
}
