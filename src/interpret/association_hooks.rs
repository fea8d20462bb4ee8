//! Find hooks where Sequelize runs them inside other calls: an association's getter
//! and count (`owner.getPugs()`, `countPugs()`, `pug.getOwner()`), which call the
//! target's `findAll`/`findOne` with options they build, and `Model.findAndCountAll`,
//! which runs `count` (its `beforeCount`) and `findAll` (its find hooks) together.
//! The hooks get the options as Sequelize builds them (their keys in its order); what
//! a before hook changes is applied where the getter can take it, and said otherwise.

use super::heap::{Call, JsValue, Key, Kind, Slot};
use super::{hooks, Eval, Interpreter};
use crate::diagnostic::{Diagnostic, Span};
use crate::schema::{AccessorKind, Association, AssociationType, ModelId};
use crate::value::{SqlExpr, Value};

/// The options an association getter hands to the target's find, as built.
struct GetterOptions {
    target: ModelId,
    options: JsValue,
    /// The keys the getter (and the find it calls) set: not the caller's.
    added: Vec<&'static str>,
    /// belongsToMany's include of the join table, last in `include`.
    through_include: Option<JsValue>,
}

impl Interpreter {
    /// `instance.getX(options)` or `countX(options)` when the target has find hooks:
    /// its hooks around the getter, as Sequelize's association runs the target's find.
    /// `None` when it is not such a call.
    pub(super) fn association_find_with_hooks(
        &mut self,
        method: &str,
        call: &Call<'_>,
    ) -> Eval<Option<JsValue>> {
        let Some((instance, association, kind)) = self.run_accessor(method, call) else {
            return Ok(None);
        };
        if association.kind == AssociationType::BelongsToMany
            && matches!(
                kind,
                AccessorKind::Get
                    | AccessorKind::Count
                    | AccessorKind::HasSingle
                    | AccessorKind::HasAll
            )
            && includes_not_a_list(&call.arg(0))
        {
            // Sequelize's getter pushes the join table onto `options.include`.
            let outcome = self.type_error("options.include.push is not a function", call.span);
            return self.settled(outcome).map(Some);
        }
        if !self.has_hooks(association.target, hooks::FIND) {
            return Ok(None);
        }
        if !matches!(kind, AccessorKind::Get | AccessorKind::Count) {
            self.note_find_hooks_not_run(&association, kind, method, call.span);
            return Ok(None);
        }
        let key = instance
            .borrow()
            .get(&association.source_key)
            .cloned()
            .unwrap_or(Value::Undefined);
        let user_where = own_value(&call.arg(0), "where").filter(JsValue::truthy);
        let target_key_is_primary = self
            .schema
            .model(association.target)
            .primary_key_attribute()
            == Some(association.target_key.as_str());
        // `findByPk(null)` resolves null without a find, and without hooks.
        if association.kind == AssociationType::BelongsTo
            && matches!(key, Value::Null | Value::Undefined)
            && target_key_is_primary
            && user_where.is_none()
        {
            return Ok(None);
        }
        let built = self.getter_options(&association, kind, &key, call, target_key_is_primary)?;
        let before = self.to_data(&built.options);
        let span = call.span;
        let outcome = self
            .run_hooks(
                association.target,
                hooks::FIND.0,
                std::slice::from_ref(&built.options),
                span,
            )
            .and_then(|()| match association.kind {
                AssociationType::BelongsToMany => {
                    self.getter_after_hooks(&built, &before, kind, method, call)
                }
                _ => self.target_find_after_hooks(&built, kind, call),
            });
        self.settled(outcome).map(Some)
    }

    /// In a run, `instance.<method>(…)` when it is an association's accessor: the
    /// instance, the association and which accessor.
    pub(super) fn run_accessor(
        &self,
        method: &str,
        call: &Call<'_>,
    ) -> Option<(crate::value::InstanceRef, Association, AccessorKind)> {
        let JsValue::Instance(instance) = &call.this else {
            return None;
        };
        self.runtime.as_ref()?;
        let source = instance.borrow().model;
        let (association, kind) = self.schema.model(source).accessor(method)?;
        Some((instance.clone(), association.clone(), kind))
    }

    /// `hasX()` (and a hasMany's or hasOne's `setX()`) find the target's rows too, and
    /// Sequelize runs its find hooks around that find: the playground does not yet,
    /// and says so at the call.
    fn note_find_hooks_not_run(
        &mut self,
        association: &Association,
        kind: AccessorKind,
        method: &str,
        span: Span,
    ) {
        let finds = match kind {
            AccessorKind::HasSingle | AccessorKind::HasAll => true,
            AccessorKind::Set => matches!(
                association.kind,
                AssociationType::HasMany | AssociationType::HasOne
            ),
            _ => false,
        };
        if !finds {
            return;
        }
        let name = crate::assoc::inflect::upper_first(&self.schema.model(association.target).name);
        self.note_once(
            span,
            "unhooked association find",
            Diagnostic::warning(
                span,
                format!("The playground does not run {name}'s find hooks for {method}() yet: Sequelize runs them around the rows it reads there"),
            )
            .with_hint("the association's getter and count run them"),
        );
    }

    /// hasOne, hasMany and belongsTo getters: the target's `findOne` or `findAll`
    /// with the options as the hooks left them (what Sequelize's getter calls), then
    /// its after hooks; a count answers the `count` of the raw row found.
    fn target_find_after_hooks(
        &mut self,
        built: &GetterOptions,
        kind: AccessorKind,
        call: &Call<'_>,
    ) -> Eval<JsValue> {
        let span = call.span;
        let target = built.target;
        let find = match own_value(&built.options, "plain").is_some_and(|p| p.truthy()) {
            true if kind == AccessorKind::Get => "findOne",
            _ => "findAll",
        };
        let query = Call {
            this: self.model_value(target),
            args: vec![built.options.clone()],
            span,
            callee: None,
            arg_exprs: &[],
        };
        let found = self.scoped_query(target, find, &query)?;
        let found = self.await_value(found, span)?;
        self.run_hooks(
            target,
            hooks::FIND.1,
            &[found.clone(), built.options.clone()],
            span,
        )?;
        if kind != AccessorKind::Count {
            return Ok(found);
        }
        // `parseInt(result.count, 10)`.
        let count = match own_value(&found, "count") {
            Some(JsValue::Number(n)) => n.trunc(),
            Some(JsValue::Str(text)) => text.trim().parse::<f64>().map_or(f64::NAN, f64::trunc),
            _ => f64::NAN,
        };
        Ok(JsValue::Number(count))
    }

    /// belongsToMany getters: the getter itself, with what the hooks changed that it
    /// takes (its join include is built anew), then the after hooks.
    fn getter_after_hooks(
        &mut self,
        built: &GetterOptions,
        before: &Value,
        kind: AccessorKind,
        method: &str,
        call: &Call<'_>,
    ) -> Eval<JsValue> {
        let span = call.span;
        let options = self.options_after_hooks(built, before, method, span)?;
        let getter = Call {
            this: call.this.clone(),
            args: vec![options],
            span,
            callee: None,
            arg_exprs: &[],
        };
        let found = self.instance_call_unhooked(method, getter)?;
        let found = self.await_value(found, span)?;
        let seen = match kind {
            // A count's find answers a raw row: `{ count }`, a string on
            // PostgreSQL (its COUNT is a bigint).
            AccessorKind::Count => {
                let count = match (&found, self.dialect_name()) {
                    (JsValue::Number(n), "postgres") => JsValue::str(&n.to_string()),
                    _ => found.clone(),
                };
                self.object_of(vec![("count", count)])
            }
            _ => found.clone(),
        };
        self.run_hooks(
            built.target,
            hooks::FIND.1,
            &[seen, built.options.clone()],
            span,
        )?;
        Ok(found)
    }

    /// The options Sequelize's getter passes to the target's find: the caller's,
    /// then what the accessor adds (a count's `attributes`, `raw`, `plain`), the key
    /// condition, and the find's own defaults (`limit`, `plain`, `hooks`,
    /// `rejectOnEmpty`).
    fn getter_options(
        &mut self,
        association: &Association,
        kind: AccessorKind,
        key: &Value,
        call: &Call<'_>,
        target_key_is_primary: bool,
    ) -> Eval<GetterOptions> {
        let options = self.copy_of_options(&call.arg(0));
        let had = |name: &str| own_value(&options, name).is_some();
        let mut added: Vec<&'static str> = Vec::new();
        let is_many = association.kind == AssociationType::BelongsToMany;
        if kind == AccessorKind::Count {
            let target = self.schema.model(association.target);
            let column = match is_many {
                true => target.field_of(&association.target_key),
                false => target
                    .primary_key_attribute()
                    .map(|pk| target.field_of(pk))
                    .unwrap_or_else(|| "id".into()),
            };
            let counted = Value::Sql(std::rc::Rc::new(SqlExpr::Fn {
                name: "COUNT".into(),
                args: vec![Value::Sql(std::rc::Rc::new(SqlExpr::Col(format!(
                    "{}.{column}",
                    target.name
                ))))],
            }));
            let attributes = Value::Array(vec![Value::Array(vec![
                counted,
                Value::Str("count".into()),
            ])]);
            let attributes = self.adopt(&attributes);
            self.put(&options, "attributes", attributes, &mut added);
            if is_many {
                let none = self.array(Vec::new());
                self.put(&options, "joinTableAttributes", none, &mut added);
            }
            self.put(&options, "raw", JsValue::Bool(true), &mut added);
            self.put(&options, "plain", JsValue::Bool(true), &mut added);
        }
        let (key_attribute, key_value) = match association.kind {
            AssociationType::BelongsTo => (&association.target_key, key.clone()),
            _ => (&association.foreign_key, key.clone()),
        };
        let key_where = Value::Object(vec![(key_attribute.clone(), key_value)]);
        let user_where = own_value(&options, "where").filter(JsValue::truthy);
        let wrapped = is_many || user_where.is_some();
        let where_ = match is_many {
            // The join's key goes in the include; `where` is the target's scope and
            // the caller's, under Op.and.
            true => self.and_of(vec![
                JsValue::Undefined,
                user_where.unwrap_or(JsValue::Undefined),
            ]),
            false => {
                let keys = self.adopt(&key_where);
                match user_where {
                    Some(given) => self.and_of(vec![keys, given]),
                    None => keys,
                }
            }
        };
        let finds_one = matches!(
            association.kind,
            AssociationType::BelongsTo | AssociationType::HasOne
        ) && kind == AccessorKind::Get;
        // belongsTo's getter sets `limit: null` (before `where`) unless it calls
        // findByPk; findOne adds `limit: 1` to a hasOne's.
        let by_primary_key =
            association.kind == AssociationType::BelongsTo && target_key_is_primary && !wrapped;
        if finds_one && association.kind == AssociationType::BelongsTo && !by_primary_key {
            self.put(&options, "limit", JsValue::Null, &mut added);
        }
        self.put(&options, "where", where_, &mut added);
        let mut through_include = None;
        if is_many {
            // A new list: the caller's includes, then the join table's.
            let through = self.through_include(association, key);
            let mut items = match own_value(&options, "include") {
                Some(JsValue::Object(list)) => match &list.borrow().kind {
                    Kind::Array(items) => items.clone(),
                    _ => vec![JsValue::Object(list.clone())],
                },
                _ => Vec::new(),
            };
            items.push(through.clone());
            let include = self.array(items);
            self.put(&options, "include", include, &mut added);
            through_include = Some(through);
        }
        if finds_one {
            if association.kind == AssociationType::HasOne && !had("limit") {
                self.put(&options, "limit", JsValue::Number(1.0), &mut added);
            }
            self.put(&options, "plain", JsValue::Bool(true), &mut added);
        }
        if !had("hooks") {
            self.put(&options, "hooks", JsValue::Bool(true), &mut added);
        }
        if !had("rejectOnEmpty") {
            self.put(&options, "rejectOnEmpty", JsValue::Bool(false), &mut added);
        }
        Ok(GetterOptions {
            target: association.target,
            options,
            added,
            through_include,
        })
    }

    /// belongsToMany's options once the before hooks ran: the caller's keys as the
    /// hooks left them; a change to what the getter itself sets, named in a warning
    /// (the getter builds those anew).
    fn options_after_hooks(
        &mut self,
        built: &GetterOptions,
        before: &Value,
        method: &str,
        span: Span,
    ) -> Eval<JsValue> {
        let after = self.to_data(&built.options);
        let given = self.plain_object();
        let (JsValue::Object(from), JsValue::Object(to)) = (&built.options, &given) else {
            return Ok(given);
        };
        let mut ignored: Vec<String> = Vec::new();
        for property in from.borrow().props.iter().filter(|p| p.enumerable) {
            let (Key::Str(name), Slot::Value(value)) = (&property.key, &property.slot) else {
                continue;
            };
            let name: &str = name;
            if name == "where" {
                match self.caller_where(value) {
                    Some(JsValue::Undefined) => {}
                    Some(where_) => to.borrow_mut().set_own(Key::Str("where".into()), where_),
                    None => ignored.push(name.to_string()),
                }
                continue;
            }
            if name == "include" {
                // The caller's and the hooks' includes; the getter adds the join's.
                let items: Vec<JsValue> = match value {
                    JsValue::Object(list) => match &list.borrow().kind {
                        Kind::Array(items) => items
                            .iter()
                            .filter(|i| {
                                !built
                                    .through_include
                                    .as_ref()
                                    .is_some_and(|t| t.strict_equals(i))
                            })
                            .cloned()
                            .collect(),
                        _ => vec![value.clone()],
                    },
                    _ => Vec::new(),
                };
                if !items.is_empty() {
                    let include = self.array(items);
                    to.borrow_mut().set_own(Key::Str("include".into()), include);
                }
                continue;
            }
            if built.added.contains(&name) {
                if !same(before.get(name), after.get(name)) {
                    ignored.push(name.to_string());
                }
                continue;
            }
            to.borrow_mut()
                .set_own(Key::Str(name.into()), value.clone());
        }
        if !ignored.is_empty() {
            let keys = ignored.join(", ");
            self.note_once(
                span,
                "getter hook options",
                Diagnostic::warning(
                    span,
                    format!("A beforeFind hook changed {keys} in the options {method}() builds; the playground runs {method}() with its own {keys}, not the hook's"),
                )
                .with_hint("a hook's other options (attributes, order, include, …) are applied"),
            );
        }
        Ok(given)
    }

    /// The caller's part of belongsToMany's `where` after the hooks (`{ [Op.and]:
    /// [scope, given] }`, the scope undefined): `Undefined` when there is none, `None`
    /// when the hooks changed it past recognising (anything beside the Op.and is the
    /// hook's, which the getter cannot take).
    fn caller_where(&mut self, where_: &JsValue) -> Option<JsValue> {
        let JsValue::Object(object) = where_ else {
            return None;
        };
        let object = object.borrow();
        let mut props = object.props.iter().filter(|p| p.enumerable);
        let (Some(only), None) = (props.next(), props.next()) else {
            return None;
        };
        let (Key::Symbol(s), Slot::Value(JsValue::Object(list))) = (&only.key, &only.slot) else {
            return None;
        };
        if !s.0.is_operator || s.0.description.as_deref() != Some("and") {
            return None;
        }
        let list = list.borrow();
        let Kind::Array(items) = &list.kind else {
            return None;
        };
        match items.as_slice() {
            [JsValue::Undefined, given] => Some(given.clone()),
            _ => None,
        }
    }

    /// belongsToMany's include of the join table: its key condition, required.
    fn through_include(&mut self, association: &Association, key: &Value) -> JsValue {
        let where_ = self.adopt(&Value::Object(vec![(
            association.foreign_key.clone(),
            key.clone(),
        )]));
        let through = association
            .through
            .map_or(JsValue::Undefined, |id| self.model_value(id));
        self.object_of(vec![
            ("model", through),
            ("attributes", JsValue::Undefined),
            ("required", JsValue::Bool(true)),
            ("paranoid", JsValue::Bool(true)),
            ("where", where_),
        ])
    }

    /// `Model.findAndCountAll(options)` with count or find hooks: as Sequelize runs
    /// it, `count` on a copy (without `attributes`; its `beforeCount` first) and
    /// `findAll` (its find hooks), the count's SQL logged before the find's.
    pub(super) fn find_and_count_with_hooks(
        &mut self,
        model: ModelId,
        call: &Call<'_>,
    ) -> Eval<JsValue> {
        let span = call.span;
        let count_options = self.copy_of_options(&call.arg(0));
        if own_value(&count_options, "attributes").is_some_and(|a| a.truthy()) {
            self.set(
                &count_options,
                Key::Str("attributes".into()),
                JsValue::Undefined,
                span,
            )?;
        }
        self.count_defaults(&count_options);
        let find_options = self.copy_of_options(&call.arg(0));
        self.find_defaults(&find_options);
        let query = |interp: &mut Interpreter, method: &str, options: &JsValue| {
            let query = Call {
                this: call.this.clone(),
                args: vec![options.clone()],
                span,
                callee: None,
                arg_exprs: &[],
            };
            let promise = interp.scoped_query(model, method, &query)?;
            interp.await_value(promise, span)
        };
        let outcome = self
            .run_hooks(
                model,
                hooks::COUNT.0,
                std::slice::from_ref(&count_options),
                span,
            )
            .and_then(|()| {
                self.run_hooks(
                    model,
                    hooks::FIND.0,
                    std::slice::from_ref(&find_options),
                    span,
                )
            })
            .and_then(|()| {
                // Both are sent together: the find is logged even when the count
                // fails, whose error wins.
                let count = query(self, "count", &count_options);
                let rows = query(self, "findAll", &find_options);
                let (count, rows) = (count?, rows?);
                self.run_hooks(
                    model,
                    hooks::FIND.1,
                    &[rows.clone(), find_options.clone()],
                    span,
                )?;
                let rows = match count {
                    JsValue::Number(0.0) => self.array(Vec::new()),
                    _ => rows,
                };
                Ok(self.object_of(vec![("count", count), ("rows", rows)]))
            });
        self.settled(outcome)
    }

    /// A shallow copy of an options object's own enumerable properties (Sequelize
    /// clones the options it is given before it changes them).
    pub(super) fn copy_of_options(&self, given: &JsValue) -> JsValue {
        let options = self.plain_object();
        if let (JsValue::Object(from), JsValue::Object(to)) = (given, &options) {
            let props: Vec<_> = from
                .borrow()
                .props
                .iter()
                .filter(|p| p.enumerable)
                .cloned()
                .collect();
            to.borrow_mut().props = props;
        }
        options
    }

    /// What `Model.count` sets before its `beforeCount`: `hooks` unless given, `raw`.
    pub(super) fn count_defaults(&self, options: &JsValue) {
        set_default(options, "hooks", JsValue::Bool(true));
        if let JsValue::Object(o) = options {
            o.borrow_mut()
                .set_own(Key::Str("raw".into()), JsValue::Bool(true));
        }
    }

    /// What `Model.findAll` sets before its hooks: `hooks`, `rejectOnEmpty`.
    pub(super) fn find_defaults(&self, options: &JsValue) {
        set_default(options, "hooks", JsValue::Bool(true));
        set_default(options, "rejectOnEmpty", JsValue::Bool(false));
    }

    fn put(&self, options: &JsValue, key: &'static str, value: JsValue, added: &mut Vec<&str>) {
        if let JsValue::Object(o) = options {
            o.borrow_mut().set_own(Key::Str(key.into()), value);
        }
        if !added.contains(&key) {
            added.push(key);
        }
    }

    /// `{ [Op.and]: items }`.
    fn and_of(&mut self, items: Vec<JsValue>) -> JsValue {
        let items = self.array(items);
        self.operator_object("and", items)
    }

    /// `{ [Op.<name>]: value }`.
    pub(super) fn operator_object(&mut self, name: &str, value: JsValue) -> JsValue {
        let JsValue::Symbol(operator) = self.symbol(name, true) else {
            unreachable!("symbol() makes a symbol")
        };
        let object = self.plain_object();
        if let JsValue::Object(handle) = &object {
            handle
                .borrow_mut()
                .set_own(Key::Symbol(super::heap::SymbolKey(operator)), value);
        }
        object
    }
}

/// `include: Model` or `include: { model }` where a list is wanted.
fn includes_not_a_list(options: &JsValue) -> bool {
    match own_value(options, "include") {
        Some(JsValue::Object(include)) => !matches!(include.borrow().kind, Kind::Array(_)),
        Some(other) => other.truthy(),
        None => false,
    }
}

fn own_value(options: &JsValue, key: &str) -> Option<JsValue> {
    let JsValue::Object(object) = options else {
        return None;
    };
    let object = object.borrow();
    match &object.own_str(key)?.slot {
        Slot::Value(value) => Some(value.clone()),
        _ => None,
    }
}

/// Whether two option values are the same data (`Value` has no equality: it holds
/// instances).
fn same(a: Option<&Value>, b: Option<&Value>) -> bool {
    format!("{a:?}") == format!("{b:?}")
}

fn set_default(options: &JsValue, key: &str, value: JsValue) {
    if let JsValue::Object(o) = options {
        if o.borrow().own_str(key).is_none() {
            o.borrow_mut().set_own(Key::Str(key.into()), value);
        }
    }
}
