//! Model hooks: `hooks: { beforeCreate(user) {…} }` in a model's options,
//! `Model.addHook('beforeCreate', fn)` and `Model.beforeCreate(fn)`. The interpreter
//! keeps them per model and runs them, awaiting each, around the writes Sequelize runs
//! them around: a create, the save of an existing row, a destroy, a bulkCreate, and
//! `findAll`/`findOne`/`findByPk`/`count` (whose before hooks may change the options;
//! the getters' and findAndCountAll's are in `association_hooks`). The others are read
//! and named in a warning.

use super::heap::{Call, JsValue, Key, Kind};
use super::{Eval, Interpreter};
use crate::diagnostic::{Diagnostic, Span};
use crate::schema::ModelId;

/// Before and after a create (`Model.create`, the save of a built instance).
pub(super) const CREATE: (&[&str], &[&str]) = (
    &[
        "beforeValidate",
        "afterValidate",
        "beforeCreate",
        "beforeSave",
    ],
    &["afterCreate", "afterSave"],
);
/// Before and after the save of a row that exists (`save()`, `update(values)`).
pub(super) const UPDATE: (&[&str], &[&str]) = (
    &[
        "beforeValidate",
        "afterValidate",
        "beforeUpdate",
        "beforeSave",
    ],
    &["afterUpdate", "afterSave"],
);
/// Before and after `instance.destroy()`.
pub(super) const DESTROY: (&[&str], &[&str]) = (&["beforeDestroy"], &["afterDestroy"]);
/// Before and after `Model.bulkCreate(records)`: given the built instances.
pub(super) const BULK_CREATE: (&[&str], &[&str]) = (&["beforeBulkCreate"], &["afterBulkCreate"]);

/// Before and after `Model.findAll`, `findOne` and `findByPk`: the options (which the
/// before hooks may change) and the result.
pub(super) const FIND: (&[&str], &[&str]) = (
    &[
        "beforeFind",
        "beforeFindAfterExpandIncludeAll",
        "beforeFindAfterOptions",
    ],
    &["afterFind"],
);

/// Before `Model.count(options)`: the options, which the hook may change.
pub(super) const COUNT: (&[&str], &[&str]) = (&["beforeCount"], &[]);

fn runs(name: &str) -> bool {
    [CREATE, UPDATE, DESTROY, BULK_CREATE, FIND, COUNT]
        .iter()
        .any(|(before, after)| before.contains(&name) || after.contains(&name))
}

impl Interpreter {
    /// Keeps `function` as `model`'s `name` hook, or says that hook does not run yet.
    pub(super) fn add_hook(&mut self, model: ModelId, name: &str, function: JsValue, span: Span) {
        self.add_hook_to(Some(model), name, function, span);
    }

    /// Keeps `function` as a `name` hook of `model`, or of every model (`None`:
    /// `sequelize.addHook`, run after a model's own), or says that hook does not run yet.
    fn add_hook_to(&mut self, model: Option<ModelId>, name: &str, function: JsValue, span: Span) {
        if !function.is_callable() {
            return;
        }
        if !runs(name) {
            self.diagnostics.push(
                Diagnostic::warning(
                    span,
                    format!("The playground does not run {name} hooks yet: this one is read but never runs"),
                )
                .with_hint("create, save, update, destroy, bulkCreate and find hooks run"),
            );
            return;
        }
        let Some(model) = model else {
            self.universal_hooks.push((name.into(), function));
            return;
        };
        self.hooks.push((model, name.into(), function));
    }

    fn has_own_hook(&self, model: ModelId, name: &str) -> bool {
        self.hooks
            .iter()
            .any(|(m, n, _)| *m == model && &**n == name)
    }

    /// The hooks of a model's options (`hooks: { beforeCreate: fn }`; a list of
    /// functions for a name is taken too).
    pub(super) fn add_hooks_option(
        &mut self,
        model: ModelId,
        options: &JsValue,
        span: Span,
    ) -> Eval<()> {
        let hooks = self.object_at(options, "hooks", span)?;
        self.add_hooks_of(Some(model), &hooks, false, span)
    }

    /// The `hooks` of `new Sequelize(…, options)`: hooks of every model.
    pub(super) fn add_universal_hooks_option(&mut self, options: &JsValue, span: Span) -> Eval<()> {
        let hooks = self.object_at(options, "hooks", span)?;
        self.add_hooks_of(None, &hooks, false, span)
    }

    /// The hooks of the Sequelize options' `define` (every model's defaults), for the
    /// names the model's own options leave out.
    pub(super) fn add_define_hooks(&mut self, model: ModelId, span: Span) -> Eval<()> {
        let instance = self.sequelize_instance.clone();
        let options = self.object_at(&instance, "options", span)?;
        let define = self.object_at(&options, "define", span)?;
        let hooks = self.object_at(&define, "hooks", span)?;
        self.add_hooks_of(Some(model), &hooks, true, span)
    }

    /// `object[key]` when `object` is an object, else undefined.
    fn object_at(&mut self, object: &JsValue, key: &str, span: Span) -> Eval<JsValue> {
        match object {
            JsValue::Object(_) => self.get(object, &Key::Str(key.into()), span),
            _ => Ok(JsValue::Undefined),
        }
    }

    /// Each hook of a `hooks` object (a function, or a list of them, per name) for
    /// `model` (`None`: every model); with `only_new`, the names the model has no hook
    /// of yet.
    fn add_hooks_of(
        &mut self,
        model: Option<ModelId>,
        hooks: &JsValue,
        only_new: bool,
        span: Span,
    ) -> Eval<()> {
        if !matches!(hooks, JsValue::Object(_)) {
            return Ok(());
        }
        for name in self.own_keys(hooks) {
            if only_new && model.is_some_and(|m| self.has_own_hook(m, &name)) {
                continue;
            }
            let value = self.get(hooks, &Key::Str(name.clone()), span)?;
            let listed = match &value {
                JsValue::Object(o) => match &o.borrow().kind {
                    Kind::Array(items) => Some(items.clone()),
                    _ => None,
                },
                _ => None,
            };
            for function in listed.unwrap_or_else(|| vec![value]) {
                self.add_hook_to(model, &name, function, span);
            }
        }
        Ok(())
    }

    /// `Model.removeHook(name, fnOrLabel)`, as Sequelize 6 filters them: the hook that
    /// is that function, or those added with that label (`addHook(name, label, fn)`);
    /// with neither, none.
    pub(super) fn remove_hooks(&mut self, model: ModelId, name: &str, which: &JsValue) {
        let labelled: Vec<JsValue> = match which {
            JsValue::Str(label) => self
                .hook_labels
                .iter()
                .filter(|(m, n, l, _)| *m == model && &**n == name && **l == **label)
                .map(|(_, _, _, f)| f.clone())
                .collect(),
            JsValue::Object(_) => vec![which.clone()],
            _ => Vec::new(),
        };
        self.hooks.retain(|(m, n, f)| {
            !(*m == model && &**n == name && labelled.iter().any(|l| f.strict_equals(l)))
        });
    }

    /// `Model.hasHook(name)`: Sequelize's `hooks[name] && !!hooks[name].length`, so
    /// undefined when none was ever added.
    pub(super) fn has_hook(&self, model: ModelId, name: &str) -> JsValue {
        let held = self
            .hooks
            .iter()
            .any(|(m, n, _)| *m == model && &**n == name);
        let ever = held
            || self
                .hook_labels
                .iter()
                .any(|(m, n, _, _)| *m == model && &**n == name);
        match (held, ever) {
            (true, _) => JsValue::Bool(true),
            (false, true) => JsValue::Bool(false),
            _ => JsValue::Undefined,
        }
    }

    /// `Model.addHook(name, [hookName,] fn)`, and `sequelize.addHook` (`model` `None`).
    pub(super) fn add_hook_call(
        &mut self,
        model: Option<ModelId>,
        call: &Call<'_>,
    ) -> Eval<JsValue> {
        let name = self.string_of(&call.arg(0), call.span)?;
        let function = call
            .args
            .iter()
            .skip(1)
            .rev()
            .find(|a| a.is_callable())
            .cloned();
        if let Some(function) = function {
            if let (Some(model), JsValue::Str(label)) = (model, call.arg(1)) {
                self.hook_labels.push((
                    model,
                    name.as_str().into(),
                    label.clone(),
                    function.clone(),
                ));
            }
            self.add_hook_to(model, &name, function, call.span);
        }
        Ok(call.this.clone())
    }

    /// The options a hook is given: the call's, or (as Sequelize always passes one) an
    /// empty object, so that `options.transaction` reads undefined.
    pub(super) fn hook_options(&mut self, options: JsValue) -> JsValue {
        match options {
            JsValue::Undefined | JsValue::Null => {
                self.adopt(&crate::value::Value::Object(Vec::new()))
            }
            other => other,
        }
    }

    pub(super) fn has_hooks(&self, model: ModelId, (before, after): (&[&str], &[&str])) -> bool {
        let named = |name: &str| before.contains(&name) || after.contains(&name);
        self.hooks
            .iter()
            .any(|(m, name, _)| *m == model && named(name))
            || self.universal_hooks.iter().any(|(name, _)| named(name))
    }

    /// Runs `model`'s hooks of each of `names`, in order, each awaited.
    pub(super) fn run_hooks(
        &mut self,
        model: ModelId,
        names: &[&str],
        args: &[JsValue],
        span: Span,
    ) -> Eval<()> {
        for name in names {
            // The model's own, then every model's (`sequelize.addHook`).
            let functions: Vec<JsValue> = self
                .hooks
                .iter()
                .filter(|(m, n, _)| *m == model && &**n == *name)
                .map(|(_, _, f)| f.clone())
                .chain(
                    self.universal_hooks
                        .iter()
                        .filter(|(n, _)| &**n == *name)
                        .map(|(_, f)| f.clone()),
                )
                .collect();
            for function in functions {
                // A hook runs once what was sent before it has answered.
                self.answer();
                let result =
                    self.call_function(&function, JsValue::Undefined, args.to_vec(), span, None)?;
                self.await_value(result, span)?;
            }
        }
        Ok(())
    }

    /// `body` between `model`'s `hooks.0` and `hooks.1`, as a promise: its value, or
    /// the rejection of whatever threw.
    /// `Model.findAll(options)`, `findOne(options)` or `findByPk(key, options)` with
    /// find hooks: the before hooks get a copy of the options (findByPk's with its
    /// `where` on the key, as it calls findOne) and may change it; the find runs with
    /// it; the after hooks get the result.
    pub(super) fn find_with_hooks(
        &mut self,
        model: ModelId,
        method: &str,
        call: &Call<'_>,
        find: impl FnOnce(&mut Interpreter, &str, Call<'_>) -> Eval<JsValue>,
    ) -> Eval<JsValue> {
        let given = match method {
            "findByPk" => call.arg(1),
            _ => call.arg(0),
        };
        let options = self.copy_of_options(&given);
        let method = match method {
            "findByPk" => {
                let key = self
                    .schema
                    .model(model)
                    .primary_key_attribute()
                    .map(str::to_string);
                if let Some(key) = key {
                    let where_ = self.object_of(vec![(key.as_str(), call.arg(0))]);
                    self.set(&options, Key::Str("where".into()), where_, call.span)?;
                }
                "findOne"
            }
            other => other,
        };
        // The defaults Sequelize's findAll and count set before their hooks run.
        let hooks = match method {
            "count" => {
                self.count_defaults(&options);
                COUNT
            }
            _ => {
                self.find_defaults(&options);
                FIND
            }
        };
        let args = [options.clone()];
        let outcome = self
            .run_hooks(model, hooks.0, &args, call.span)
            .and_then(|()| {
                let found = find(
                    self,
                    method,
                    Call {
                        this: call.this.clone(),
                        args: vec![options.clone()],
                        span: call.span,
                        callee: None,
                        arg_exprs: &[],
                    },
                )?;
                let found = self.await_value(found, call.span)?;
                self.run_hooks(model, hooks.1, &[found.clone(), options.clone()], call.span)?;
                Ok(found)
            });
        self.settled(outcome)
    }

    pub(super) fn around_hooks(
        &mut self,
        model: ModelId,
        (before, after): (&[&str], &[&str]),
        args: &[JsValue],
        span: Span,
        body: impl FnOnce(&mut Interpreter) -> Eval<JsValue>,
    ) -> Eval<JsValue> {
        let outcome = self.run_hooks(model, before, args, span).and_then(|()| {
            let value = body(self)?;
            let value = self.await_value(value, span)?;
            self.run_hooks(model, after, args, span)?;
            Ok(value)
        });
        self.settled(outcome)
    }
}
