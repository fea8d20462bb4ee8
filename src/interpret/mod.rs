//! Walks the syntax tree as JavaScript would run it, for the part of the language
//! tutorials use, and hands the Sequelize calls to the [`crate::schema`] rules.
//!
//! It owns the scopes and values of a run and the first thrown error. What the playground
//! does not model (queries, before the runtime exists) evaluates to an opaque value, so
//! the rest of the snippet still runs. Every run is bounded: call depth and evaluation
//! steps are capped, so no snippet can hang or overflow the stack.

pub(crate) mod options;
mod queries;

use std::collections::HashMap;
use std::rc::Rc;

use crate::assoc::inflect::upper_first;
use crate::diagnostic::{Diagnostic, Span};
use crate::error::{ErrorName, SequelizeError};
use crate::runtime::{Runtime, StepEnd};
use crate::schema::{AssociationType, ModelId, Schema};
use crate::sql::DataType;
use crate::syntax::ast::*;
use crate::value::{Function, Value};

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

/// A JavaScript exception on its way up: the error value and the call that threw it.
#[derive(Clone, Debug)]
pub struct Thrown {
    pub error: SequelizeError,
    pub span: Span,
}

/// What running the snippet's definitions produced.
#[derive(Debug, Default)]
pub struct Outcome {
    pub schema: Schema,
    /// The first uncaught error, as Sequelize would throw it.
    pub error: Option<Thrown>,
    /// `sync()` completed before the error (if any), so the tables exist.
    pub synced: bool,
    pub diagnostics: Vec<Diagnostic>,
}

/// Runs the definitions only: queries evaluate to opaque values (no SQL engine).
pub fn run(program: &Program, limits: Limits) -> Outcome {
    execute(program, limits, None).0
}

/// Runs the snippet; with a [`Runtime`], queries run on it, and it comes back with the
/// steps and the tables as the run left them.
pub fn execute(
    program: &Program,
    limits: Limits,
    runtime: Option<Runtime>,
) -> (Outcome, Option<Runtime>) {
    let mut interpreter = Interpreter {
        schema: Schema::default(),
        scopes: vec![HashMap::new()],
        diagnostics: Vec::new(),
        synced: false,
        limits,
        depth: 0,
        steps: 0,
        unbound_noted: Vec::new(),
        runtime,
    };
    let error = match interpreter.block(&program.body) {
        Ok(_) => None,
        Err(Flow::Throw(thrown)) => Some(thrown),
        Err(Flow::Return(_)) => None,
    };
    if let Some(thrown) = &error {
        interpreter.diagnostics.push(thrown_diagnostic(thrown));
        if let Some(rt) = interpreter.runtime.as_mut() {
            rt.end_step(StepEnd::Error {
                name: thrown.error.name.to_string(),
                message: thrown.error.message.clone(),
            });
        }
    }
    let runtime = interpreter.runtime.take();
    let outcome = Outcome {
        schema: interpreter.schema,
        error,
        synced: interpreter.synced,
        diagnostics: interpreter.diagnostics,
    };
    (outcome, runtime)
}

fn thrown_diagnostic(thrown: &Thrown) -> Diagnostic {
    let message = if thrown.error.name == ErrorName::Error {
        thrown.error.message.clone()
    } else {
        format!("{}: {}", thrown.error.name, thrown.error.message)
    };
    let diagnostic = Diagnostic::error(thrown.span, message);
    match &thrown.error.hint {
        Some(hint) => diagnostic.with_hint(hint.clone()),
        None => diagnostic,
    }
}

/// How control leaves a statement early.
enum Flow {
    Throw(Thrown),
    Return(Value),
}

type Eval<T> = Result<T, Flow>;

fn throw<T>(error: SequelizeError, span: Span) -> Eval<T> {
    let span = error.at.unwrap_or(span);
    Err(Flow::Throw(Thrown { error, span }))
}

/// Node's TypeError for `object.property` on null or undefined; for null, the usual
/// cause in a Sequelize snippet (a find that matched nothing).
fn read_of_nothing(object: &Expr, value: &Value, property: &str) -> SequelizeError {
    let nothing = if matches!(value, Value::Null) {
        "null"
    } else {
        "undefined"
    };
    let error = SequelizeError::type_error(format!(
        "Cannot read properties of {nothing} (reading '{property}')"
    ));
    match (value, object.path()) {
        (Value::Null, Some(path)) => {
            let name = path.join(".");
            error.with_hint(format!("{name} is null: findOne and findByPk give null when no row matches; check it first, if ({name}) {{ … }}"))
        }
        _ => error,
    }
}

struct Interpreter {
    schema: Schema,
    scopes: Vec<HashMap<String, Value>>,
    diagnostics: Vec<Diagnostic>,
    synced: bool,
    limits: Limits,
    depth: usize,
    steps: usize,
    /// Unbound names already explained once.
    unbound_noted: Vec<String>,
    /// Present when queries really run (`run`), absent for analysis.
    runtime: Option<Runtime>,
}

/// Model methods that return promises.
const QUERY_METHODS: &[&str] = &[
    "create",
    "bulkCreate",
    "findAll",
    "findOne",
    "findByPk",
    "count",
    "findAndCountAll",
    "destroy",
    "update",
    "findOrCreate",
    "upsert",
    "max",
    "min",
    "sum",
];

/// Names the snippet may use without defining them, as in the report format.
fn global(name: &str) -> Option<Value> {
    Some(match name {
        "sequelize" => Value::Sequelize,
        "DataTypes" => Value::DataTypes,
        "Op" => Value::Op,
        "Model" => Value::ModelClass,
        "Sequelize" => Value::SequelizeModule,
        "console" => Value::Console,
        "undefined" => Value::Undefined,
        "NaN" => Value::Number(f64::NAN),
        "Infinity" => Value::Number(f64::INFINITY),
        "module" | "exports" | "process" | "JSON" | "Math" | "Date" | "Promise" | "Object"
        | "Array" | "String" | "Number" => Value::Opaque,
        _ => return None,
    })
}

impl Interpreter {
    // ---- scopes --------------------------------------------------------

    fn lookup(&self, name: &str) -> Option<Value> {
        self.scopes
            .iter()
            .rev()
            .find_map(|scope| scope.get(name).cloned())
            .or_else(|| global(name))
    }

    fn bind(&mut self, name: &str, value: Value) {
        self.scopes
            .last_mut()
            .expect("a scope")
            .insert(name.to_string(), value);
    }

    fn assign_existing(&mut self, name: &str, value: Value) {
        for scope in self.scopes.iter_mut().rev() {
            if let Some(slot) = scope.get_mut(name) {
                *slot = value;
                return;
            }
        }
        self.bind(name, value);
    }

    fn known_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.scopes.iter().flat_map(|s| s.keys().cloned()).collect();
        names.extend(["sequelize", "DataTypes", "Op", "Model", "Sequelize"].map(String::from));
        names
    }

    fn tick(&mut self, span: Span) -> Eval<()> {
        self.steps += 1;
        if self.steps > self.limits.max_steps {
            return throw(
                SequelizeError::plain(format!(
                    "The playground stopped this snippet after {} steps; it looks like it never ends",
                    self.limits.max_steps
                ))
                .with_hint("look for a function that calls itself, or one that calls others many times over"),
                span,
            );
        }
        Ok(())
    }

    // ---- statements ----------------------------------------------------

    fn block(&mut self, body: &[Stmt]) -> Eval<Value> {
        // As in JavaScript: function declarations are hoisted; names declared later in
        // the block exist already but may not be read yet.
        for stmt in body {
            match stmt {
                Stmt::Function { name, body, .. } => {
                    let function = Function {
                        params: Vec::new(),
                        body: body.clone(),
                    };
                    self.bind(&name.name, Value::Function(Rc::new(function)));
                }
                Stmt::Class { name, .. } => self.bind(&name.name, Value::Uninitialized),
                Stmt::Declare { declarations, .. } => {
                    for declaration in declarations {
                        for name in declaration.target.names() {
                            self.bind(name, Value::Uninitialized);
                        }
                    }
                }
                _ => {}
            }
        }
        for stmt in body {
            self.statement(stmt)?;
        }
        Ok(Value::Undefined)
    }

    fn statement(&mut self, stmt: &Stmt) -> Eval<()> {
        self.tick(stmt.span())?;
        match stmt {
            Stmt::Declare { declarations, .. } => {
                for declaration in declarations {
                    let value = match &declaration.init {
                        Some(init) => self.expr(init)?,
                        None => Value::Undefined,
                    };
                    self.bind_pattern(&declaration.target, value);
                }
            }
            Stmt::Expr { expr, .. } => {
                self.expr(expr)?;
            }
            Stmt::Class {
                name, superclass, ..
            } => {
                if let Some(superclass) = superclass {
                    let parent = self.expr(superclass)?;
                    if !matches!(parent, Value::ModelClass | Value::Model(_) | Value::Opaque) {
                        self.diagnostics.push(
                            Diagnostic::warning(
                                superclass.span,
                                "A model class should extend Model",
                            )
                            .with_hint("write `class Pug extends Model {}`"),
                        );
                    }
                }
                self.bind(&name.name, Value::PendingClass(name.name.clone()));
            }
            Stmt::Function { .. } | Stmt::Unsupported { .. } => {}
            Stmt::Block { body, .. } => {
                self.scopes.push(HashMap::new());
                let result = self.block(body);
                self.scopes.pop();
                result?;
            }
            Stmt::Return { value, .. } => {
                let value = match value {
                    Some(expr) => self.expr(expr)?,
                    None => Value::Undefined,
                };
                return Err(Flow::Return(value));
            }
            Stmt::Try {
                body,
                handler,
                finalizer,
                ..
            } => {
                self.scopes.push(HashMap::new());
                let result = self.block(body);
                self.scopes.pop();
                let result = match (result, handler) {
                    (Err(Flow::Throw(thrown)), Some((param, handler_body))) => {
                        self.scopes.push(HashMap::new());
                        if let Some(param) = param {
                            let error = Value::Object(vec![
                                ("name".into(), Value::Str(thrown.error.name.to_string())),
                                ("message".into(), Value::Str(thrown.error.message.clone())),
                            ]);
                            self.bind(&param.name, error);
                        }
                        let r = self.block(handler_body);
                        self.scopes.pop();
                        r
                    }
                    (other, _) => other,
                };
                if let Some(finalizer) = finalizer {
                    self.block(finalizer)?;
                }
                result?;
            }
        }
        Ok(())
    }

    fn bind_pattern(&mut self, pattern: &Pattern, value: Value) {
        match pattern {
            Pattern::Ident(ident) => self.bind(&ident.name, value),
            Pattern::Object(pairs) => {
                for (key, local) in pairs {
                    let property = self
                        .property(&value, &key.name, key.span)
                        .unwrap_or(Value::Undefined);
                    self.bind(&local.name, property);
                }
            }
            Pattern::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    if let Some(ident) = item {
                        let element = match &value {
                            Value::Array(elements) => {
                                elements.get(i).cloned().unwrap_or(Value::Undefined)
                            }
                            Value::Opaque => Value::Opaque,
                            _ => Value::Undefined,
                        };
                        self.bind(&ident.name, element);
                    }
                }
            }
        }
    }

    // ---- expressions ---------------------------------------------------

    fn expr(&mut self, expr: &Expr) -> Eval<Value> {
        self.tick(expr.span)?;
        Ok(match &expr.kind {
            ExprKind::Number(n) => Value::Number(*n),
            ExprKind::Str(s) => Value::Str(s.clone()),
            ExprKind::Template(text) => {
                self.diagnostics.push(
                    Diagnostic::warning(
                        expr.span,
                        "The playground does not fill in ${…} in template strings",
                    )
                    .with_hint("write the name out as a plain string"),
                );
                Value::Str(text.clone())
            }
            ExprKind::Bool(b) => Value::Bool(*b),
            ExprKind::Null => Value::Null,
            ExprKind::This | ExprKind::Regex | ExprKind::Class | ExprKind::Invalid => Value::Opaque,
            ExprKind::Ident(name) => self.identifier(name, expr.span)?,
            ExprKind::Array(items) => {
                let mut values = Vec::with_capacity(items.len());
                for item in items {
                    if let ExprKind::Spread(inner) = &item.kind {
                        if let Value::Array(spread) = self.expr(inner)? {
                            values.extend(spread);
                        }
                    } else {
                        values.push(self.expr(item)?);
                    }
                }
                Value::Array(values)
            }
            ExprKind::Object(properties) => self.object(properties)?,
            ExprKind::Member {
                object, property, ..
            } => {
                let target = self.expr(object)?;
                if let Value::Promise(_) = target {
                    self.note_unawaited(object);
                    return Ok(Value::Undefined);
                }
                if matches!(target, Value::Undefined | Value::Null) {
                    return throw(read_of_nothing(object, &target, &property.name), expr.span);
                }
                self.property(&target, &property.name, property.span)?
            }
            ExprKind::Index { object, index } => {
                let target = self.expr(object)?;
                let key = self.expr(index)?;
                match (&target, &key) {
                    (Value::Array(items), Value::Number(n)) => {
                        items.get(*n as usize).cloned().unwrap_or(Value::Undefined)
                    }
                    (_, Value::Str(k)) => self.property(&target, k, index.span)?,
                    (Value::Opaque, _) => Value::Opaque,
                    _ => Value::Undefined,
                }
            }
            ExprKind::Call { callee, args } => self.call(callee, args, expr.span)?,
            ExprKind::New { callee, args } => {
                let class = self.expr(callee)?;
                for arg in args {
                    self.expr(arg)?;
                }
                match class {
                    Value::SequelizeModule => Value::Sequelize,
                    _ => Value::Opaque,
                }
            }
            ExprKind::Await(inner) => match self.expr(inner)? {
                Value::Promise(value) => *value,
                other => other,
            },
            ExprKind::Unary { op, operand } => {
                let value = self.expr(operand)?;
                match *op {
                    "!" => Value::Bool(!value.truthy()),
                    "-" => match value {
                        Value::Number(n) => Value::Number(-n),
                        _ => Value::Opaque,
                    },
                    "typeof" => Value::Str(value.type_name().into()),
                    "void" => Value::Undefined,
                    _ => value,
                }
            }
            ExprKind::Binary { op, left, right } => self.binary(op, left, right)?,
            ExprKind::Conditional {
                test,
                then,
                otherwise,
            } => {
                if self.expr(test)?.truthy() {
                    self.expr(then)?
                } else {
                    self.expr(otherwise)?
                }
            }
            ExprKind::Assign { target, value, .. } => {
                let value = self.expr(value)?;
                match &target.kind {
                    ExprKind::Ident(name) => self.assign_existing(name, value.clone()),
                    ExprKind::Member {
                        object, property, ..
                    } => {
                        if let Value::Instance(instance) = self.expr(object)? {
                            crate::runtime::calls::assign(
                                &self.schema,
                                &instance,
                                &property.name,
                                value.clone(),
                            );
                        }
                    }
                    _ => {}
                }
                value
            }
            ExprKind::Function { params, body } => Value::Function(Rc::new(Function {
                params: params.clone(),
                body: body.clone(),
            })),
            ExprKind::Spread(inner) => self.expr(inner)?,
        })
    }

    fn binary(&mut self, op: &str, left: &Expr, right: &Expr) -> Eval<Value> {
        let l = self.expr(left)?;
        match op {
            "&&" if !l.truthy() => return Ok(l),
            "||" if l.truthy() => return Ok(l),
            "??" if !matches!(l, Value::Undefined | Value::Null) => return Ok(l),
            "&&" | "||" | "??" => return self.expr(right),
            _ => {}
        }
        let r = self.expr(right)?;
        Ok(match (op, &l, &r) {
            ("+", Value::Str(a), b) => Value::Str(format!("{a}{}", display(b))),
            ("+", a, Value::Str(b)) => Value::Str(format!("{}{b}", display(a))),
            ("+", Value::Number(a), Value::Number(b)) => Value::Number(a + b),
            ("-", Value::Number(a), Value::Number(b)) => Value::Number(a - b),
            ("*", Value::Number(a), Value::Number(b)) => Value::Number(a * b),
            ("/", Value::Number(a), Value::Number(b)) => Value::Number(a / b),
            _ => Value::Opaque,
        })
    }

    fn identifier(&mut self, name: &str, span: Span) -> Eval<Value> {
        if let Some(value) = self.lookup(name) {
            if let Value::Uninitialized = value {
                return throw(
                    SequelizeError {
                        name: ErrorName::ReferenceError,
                        message: format!("Cannot access '{name}' before initialization"),
                        at: None,
                        hint: Some(format!("define {name} above the line that uses it")),
                    },
                    span,
                );
            }
            return Ok(value);
        }
        Ok(Value::Unbound(name.to_string(), span))
    }

    fn object(&mut self, properties: &[Property]) -> Eval<Value> {
        let mut props: Vec<(String, Value)> = Vec::with_capacity(properties.len());
        for property in properties {
            match &property.key {
                PropertyKey::Named(key) => {
                    let value = self.expr(&property.value)?;
                    set_property(&mut props, &key.name, value);
                }
                PropertyKey::Computed(key) => {
                    let key = match self.expr(key)? {
                        Value::Str(s) => s,
                        Value::OpSymbol(op) => format!("Symbol({op})"),
                        Value::Number(n) => crate::js::format_number(n),
                        _ => continue,
                    };
                    let value = self.expr(&property.value)?;
                    set_property(&mut props, &key, value);
                }
                PropertyKey::Spread => {
                    if let Value::Object(spread) = self.expr(&property.value)? {
                        for (k, v) in spread {
                            set_property(&mut props, &k, v);
                        }
                    }
                }
            }
        }
        Ok(Value::Object(props))
    }

    /// `target.name`.
    fn property(&mut self, target: &Value, name: &str, span: Span) -> Eval<Value> {
        Ok(match target {
            Value::Object(_) => target.get(name).cloned().unwrap_or(Value::Undefined),
            Value::Array(items) if name == "length" => Value::Number(items.len() as f64),
            Value::Str(s) if name == "length" => Value::Number(s.chars().count() as f64),
            Value::SequelizeModule => match name {
                "DataTypes" => Value::DataTypes,
                "Model" => Value::ModelClass,
                "Op" => Value::Op,
                "Sequelize" => Value::SequelizeModule,
                _ => self.data_type_member(name, span),
            },
            Value::DataTypes => self.data_type_member(name, span),
            Value::DataType(data_type) => options::data_type_flag(data_type, name),
            Value::Op => Value::OpSymbol(name.to_string()),
            Value::Model(id) => match name {
                "name" => Value::Str(self.schema.model(*id).name.clone()),
                "tableName" => Value::Str(self.schema.model(*id).table_name.clone()),
                "rawAttributes" | "associations" => Value::Opaque,
                _ => Value::Opaque,
            },
            Value::PendingClass(class) if name == "name" => Value::Str(class.clone()),
            Value::Instance(instance) => crate::runtime::calls::instance_property(instance, name),
            Value::Unbound(..) => Value::Opaque,
            _ => Value::Opaque,
        })
    }

    /// Reading a property of a promise: the call that made it was not awaited.
    fn note_unawaited(&mut self, object: &Expr) {
        let name = object
            .path()
            .map(|p| p.join("."))
            .unwrap_or_else(|| "this value".into());
        if self
            .diagnostics
            .iter()
            .any(|d| d.start == object.span.start && d.message.contains("is a promise"))
        {
            return;
        }
        self.diagnostics.push(
            Diagnostic::warning(
                object.span,
                format!("{name} is a promise here, not the result: Sequelize's methods are asynchronous"),
            )
            .with_hint("await the call that made it: const x = await Model.create(…)"),
        );
    }

    fn data_type_member(&mut self, name: &str, span: Span) -> Value {
        if crate::sql::types::KNOWN_TYPES.contains(&name) {
            return Value::DataType(DataType::new(name));
        }
        let mut diagnostic =
            Diagnostic::error(span, format!("DataTypes has no type called '{name}'"));
        if let Some(close) =
            crate::diagnostic::closest(name, crate::sql::types::KNOWN_TYPES.iter().copied())
        {
            diagnostic = diagnostic.with_hint(format!("did you mean DataTypes.{close}?"));
        }
        self.diagnostics.push(diagnostic);
        Value::Undefined
    }

    // ---- calls ---------------------------------------------------------

    fn arguments(&mut self, args: &[Expr]) -> Eval<Vec<Value>> {
        let mut values = Vec::with_capacity(args.len());
        for arg in args {
            if let ExprKind::Spread(inner) = &arg.kind {
                if let Value::Array(spread) = self.expr(inner)? {
                    values.extend(spread);
                    continue;
                }
            }
            values.push(self.expr(arg)?);
        }
        Ok(values)
    }

    fn call(&mut self, callee: &Expr, args: &[Expr], span: Span) -> Eval<Value> {
        if let ExprKind::Member {
            object, property, ..
        } = &callee.kind
        {
            let target = self.expr(object)?;
            return self.method_call(target, object, &property.name, args, span);
        }
        let function = self.expr(callee)?;
        let values = self.arguments(args)?;
        match function {
            Value::Function(function) => self.invoke(&function, values, span),
            Value::Unbound(name, _) if name == "require" => {
                Ok(self.require(values.first(), args.first()))
            }
            Value::DataType(data_type) => Ok(options::data_type_call(data_type, &values)),
            Value::Unbound(name, name_span) => throw(
                SequelizeError::reference_error(format!("{name} is not defined")),
                name_span,
            ),
            Value::Undefined | Value::Null => throw(
                SequelizeError::type_error(format!(
                    "{} is not a function",
                    describe_callee(callee)
                )),
                span,
            ),
            _ => Ok(Value::Opaque),
        }
    }

    fn require(&mut self, module: Option<&Value>, arg: Option<&Expr>) -> Value {
        match module.and_then(Value::as_str) {
            Some("sequelize") | Some("@sequelize/core") => Value::SequelizeModule,
            Some(other) => {
                if let Some(arg) = arg {
                    self.diagnostics.push(
                        Diagnostic::note(
                            arg.span,
                            format!(
                                "The playground has no module '{other}'; its exports are left out"
                            ),
                        )
                        .with_hint("paste the models that file defines into this snippet"),
                    );
                }
                Value::Opaque
            }
            None => Value::Opaque,
        }
    }

    fn invoke(&mut self, function: &Function, args: Vec<Value>, span: Span) -> Eval<Value> {
        if self.depth >= self.limits.max_call_depth {
            return throw(
                SequelizeError {
                    name: ErrorName::RangeError,
                    message: "Maximum call stack size exceeded".into(),
                    at: None,
                    hint: Some(format!(
                        "functions here call each other {} deep at most: does one call itself without end?",
                        self.limits.max_call_depth
                    )),
                },
                span,
            );
        }
        self.depth += 1;
        self.scopes.push(HashMap::new());
        for (param, arg) in function
            .params
            .iter()
            .zip(args.into_iter().chain(std::iter::repeat(Value::Undefined)))
        {
            self.bind(&param.name, arg);
        }
        let result = self.block(&function.body);
        self.scopes.pop();
        self.depth -= 1;
        match result {
            Ok(_) => Ok(Value::Undefined),
            Err(Flow::Return(value)) => Ok(value),
            Err(thrown) => Err(thrown),
        }
    }

    fn method_call(
        &mut self,
        target: Value,
        object: &Expr,
        method: &str,
        args: &[Expr],
        span: Span,
    ) -> Eval<Value> {
        if let (Value::Model(id), "create" | "build") = (&target, method) {
            self.note_associations_without_include(*id, object, method, args);
        }
        // Without the SQL engine no run can happen: leaving the call out keeps the
        // runtime (find, write, association methods) out of the page's own bundle.
        if cfg!(feature = "engine") && self.runtime.is_some() {
            if let Some(result) = self.runtime_call(&target, object, method, args, span)? {
                return Ok(result);
            }
        }
        match (&target, method) {
            (Value::Sequelize, "define") => self.define(args, span),
            (Value::Sequelize, "model") => {
                let name = self
                    .arguments(args)?
                    .first()
                    .and_then(|v| v.as_str().map(str::to_string));
                match name.as_deref().and_then(|n| self.schema.find_model(n)) {
                    Some(id) => Ok(Value::Model(id)),
                    None => throw(
                        SequelizeError::plain(format!(
                            "{} has not been defined",
                            name.unwrap_or_else(|| "undefined".into())
                        )),
                        span,
                    ),
                }
            }
            (Value::Unbound(name, name_span), "define") => {
                self.diagnostics.push(
                    Diagnostic::note(*name_span, format!("'{name}' is not defined here; the playground takes it to be your Sequelize instance"))
                        .with_hint(format!("in your app, `{name}` is the `new Sequelize(…)` you connect with")),
                );
                self.define(args, span)
            }
            (Value::Sequelize, "sync") | (Value::Model(_), "sync") => {
                self.arguments(args)?;
                self.synced = true;
                Ok(Value::Opaque)
            }
            (Value::Sequelize, "authenticate" | "close" | "query" | "transaction" | "drop") => {
                self.arguments(args)?;
                Ok(Value::Opaque)
            }
            (Value::PendingClass(_), "init") | (Value::Model(_), "init") => {
                let class = match &target {
                    Value::PendingClass(class) => class.clone(),
                    Value::Model(id) => self.schema.model(*id).name.clone(),
                    _ => unreachable!(),
                };
                let model = self.init(&class, args, span)?;
                if let ExprKind::Ident(name) = &object.kind {
                    self.assign_existing(name, model.clone());
                }
                Ok(model)
            }
            (Value::Model(source), "hasOne" | "belongsTo" | "hasMany" | "belongsToMany") => {
                let kind = match method {
                    "hasOne" => AssociationType::HasOne,
                    "belongsTo" => AssociationType::BelongsTo,
                    "hasMany" => AssociationType::HasMany,
                    _ => AssociationType::BelongsToMany,
                };
                self.associate(*source, kind, args, span)
            }
            (Value::Unbound(..), "hasOne" | "belongsTo" | "hasMany" | "belongsToMany") => {
                let source = self.model_or_stub(&target, object.span)?;
                self.method_call(Value::Model(source), object, method, args, span)
            }
            (Value::Console, _) => {
                for (arg, value) in args.iter().zip(self.arguments(args)?) {
                    if let Value::Promise(_) = value {
                        self.note_unawaited(arg);
                    }
                }
                Ok(Value::Undefined)
            }
            (Value::Model(_), query) if QUERY_METHODS.contains(&query) => {
                // Analysis only (no SQL engine): the result is unknown, but it is a promise.
                self.arguments(args)?;
                Ok(Value::Promise(Box::new(Value::Opaque)))
            }
            (Value::Model(id), _) if self.is_instance_accessor(*id, method) => {
                let model = &self.schema.model(*id).name;
                let receiver = object
                    .path()
                    .map(|p| p.join("."))
                    .unwrap_or_else(|| upper_first(model));
                let one = crate::assoc::inflect::lower_first(model);
                throw(
                    SequelizeError {
                        name: ErrorName::TypeError,
                        message: format!("{receiver}.{method} is not a function"),
                        at: None,
                        hint: Some(format!(
                            "{method}() belongs to each {model}, not to the model: const {one} = await {receiver}.findByPk(1); await {one}.{method}()"
                        )),
                    },
                    span,
                )
            }
            (Value::Promise(_), _)
                if method != "then" && method != "catch" && method != "finally" =>
            {
                self.note_unawaited(object);
                let name = object
                    .path()
                    .map(|p| p.join("."))
                    .unwrap_or_else(|| "value".into());
                throw(
                    SequelizeError {
                        name: ErrorName::TypeError,
                        message: format!("{name}.{method} is not a function"),
                        at: None,
                        hint: Some(format!("{name} is a promise: await the call that made it")),
                    },
                    span,
                )
            }
            (Value::Unbound(name, name_span), _) => {
                let model_var = upper_first(name);
                if let Some(Value::Model(_)) = self.lookup(&model_var) {
                    self.diagnostics.push(
                        Diagnostic::note(*name_span, format!("'{name}' is an instance of {model_var}; make one before calling {method}()"))
                            .with_hint(format!("const {name} = await {model_var}.create({{ … }});")),
                    );
                }
                throw(
                    SequelizeError::reference_error(format!("{name} is not defined")),
                    *name_span,
                )
            }
            (Value::Undefined | Value::Null, _) => {
                throw(read_of_nothing(object, &target, method), span)
            }
            _ => {
                let callee = self.property(&target, method, span)?;
                let values = self.arguments(args)?;
                match callee {
                    Value::DataType(data_type) => Ok(options::data_type_call(data_type, &values)),
                    Value::Function(function) => self.invoke(&function, values, span),
                    _ => Ok(Value::Opaque),
                }
            }
        }
    }

    /// `Owner.create({ name, pugs: [...] })` with no `{ include }`: Sequelize saves the
    /// owner and drops the pugs without a word.
    fn note_associations_without_include(
        &mut self,
        model: ModelId,
        receiver: &Expr,
        method: &str,
        args: &[Expr],
    ) {
        let Some(ExprKind::Object(properties)) = args.first().map(|a| &a.kind) else {
            return;
        };
        let has_include = matches!(args.get(1).map(|a| &a.kind), Some(ExprKind::Object(options))
            if options.iter().any(|o| matches!(&o.key, PropertyKey::Named(k) if k.name == "include")));
        if has_include {
            return;
        }
        let model = self.schema.model(model);
        let receiver = receiver
            .path()
            .map(|p| p.join("."))
            .unwrap_or_else(|| upper_first(&model.name));
        for property in properties {
            let PropertyKey::Named(key) = &property.key else {
                continue;
            };
            let Some(association) = model.associations.iter().find(|a| a.as_name == key.name)
            else {
                continue;
            };
            let target = upper_first(&self.schema.model(association.target).name);
            let include = if association.is_aliased {
                format!("{{ model: {target}, as: '{}' }}", association.as_name)
            } else {
                target
            };
            self.diagnostics.push(
                Diagnostic::warning(
                    property.span,
                    format!(
                        "{} is an association of {}: without {{ include }} Sequelize creates the {} alone and ignores {}",
                        key.name, model.name, model.name, key.name
                    ),
                )
                .with_hint(format!("pass it in the options: {receiver}.{method}({{ …, {}: … }}, {{ include: [{include}] }})", key.name)),
            );
        }
    }

    /// Whether `method` is one the model's associations add to its instances
    /// (`getPugs`, `setOwner`, …), which learners often call on the model itself.
    fn is_instance_accessor(&self, model: ModelId, method: &str) -> bool {
        self.schema.model(model).accessor(method).is_some()
    }

    /// A model, or for a name the snippet never defined, an empty model standing in for
    /// it (tutorial excerpts often leave their other models out). A near miss of a known
    /// name is a typo instead, reported as JavaScript would.
    fn model_or_stub(&mut self, value: &Value, span: Span) -> Eval<ModelId> {
        match value {
            Value::Model(id) => Ok(*id),
            Value::Unbound(name, name_span) => {
                let known = self.known_names();
                if let Some(close) =
                    crate::diagnostic::closest(name, known.iter().map(String::as_str))
                {
                    self.diagnostics.push(
                        Diagnostic::note(*name_span, format!("did you mean {close}?")).with_hint(
                            format!("{close} is defined in this snippet; {name} is not"),
                        ),
                    );
                    return throw(
                        SequelizeError::reference_error(format!("{name} is not defined")),
                        *name_span,
                    );
                }
                // Tutorials name the variable `Pug` and the model 'pug'.
                let model_name = crate::assoc::inflect::lower_first(name);
                if let Some(id) = self.schema.find_model(&model_name) {
                    return Ok(id);
                }
                if !self.unbound_noted.contains(name) {
                    self.unbound_noted.push(name.clone());
                    self.diagnostics.push(
                        Diagnostic::warning(
                            *name_span,
                            format!("'{name}' is not defined in this snippet; the playground stands in sequelize.define('{model_name}', {{}}) for it"),
                        )
                        .with_hint(format!("define it first: const {name} = sequelize.define('{model_name}', {{ name: DataTypes.STRING }});")),
                    );
                }
                let id = self
                    .schema
                    .define(&model_name, Vec::new(), Default::default(), *name_span)
                    .map_err(|error| Flow::Throw(Thrown { error, span }))?;
                self.bind(name, Value::Model(id));
                Ok(id)
            }
            _ => throw(SequelizeError::plain("not a model"), span),
        }
    }

    fn check_model_budget(&self, span: Span) -> Eval<()> {
        if self.schema.models.len() >= self.limits.max_models {
            return throw(
                SequelizeError::plain(format!(
                    "The playground stops at {} models",
                    self.limits.max_models
                ))
                .with_hint("an example that teaches needs a handful of models"),
                span,
            );
        }
        Ok(())
    }

    /// `sequelize.define(modelName, attributes, options)`.
    fn define(&mut self, args: &[Expr], span: Span) -> Eval<Value> {
        self.check_model_budget(span)?;
        let values = self.arguments(args)?;
        let name = match values.first() {
            Some(Value::Str(name)) => name.clone(),
            _ => {
                let at = args.first().map_or(span, |a| a.span);
                return throw(
                    SequelizeError::plain(
                        "sequelize.define needs the model name as its first argument",
                    ),
                    at,
                );
            }
        };
        let attributes = self.attributes(values.get(1), args.get(1), span)?;
        let options = self.model_options(values.get(2), args.get(2))?;
        match self.schema.define(&name, attributes, options, span) {
            Ok(id) => Ok(Value::Model(id)),
            Err(error) => throw(error, span),
        }
    }

    /// `Model.init(attributes, { sequelize, modelName, … })`.
    fn init(&mut self, class: &str, args: &[Expr], span: Span) -> Eval<Value> {
        self.check_model_budget(span)?;
        let values = self.arguments(args)?;
        let options_value = values.get(1);
        let has_instance = options_value
            .and_then(|o| o.get("sequelize"))
            .is_some_and(|v| matches!(v, Value::Sequelize | Value::Unbound(..)));
        if !has_instance {
            return throw(SequelizeError::plain("No Sequelize instance passed"), span);
        }
        let name = options_value
            .and_then(|o| o.get("modelName"))
            .and_then(Value::as_str)
            .unwrap_or(class)
            .to_string();
        let attributes = self.attributes(values.first(), args.first(), span)?;
        let options = self.model_options(options_value, args.get(1))?;
        match self.schema.define(&name, attributes, options, span) {
            Ok(id) => Ok(Value::Model(id)),
            Err(error) => throw(error, span),
        }
    }

    fn associate(
        &mut self,
        source: ModelId,
        kind: AssociationType,
        args: &[Expr],
        span: Span,
    ) -> Eval<Value> {
        let values = self.arguments(args)?;
        let target_value = values.first().cloned().unwrap_or(Value::Undefined);
        let target = match &target_value {
            Value::Model(id) => *id,
            Value::Unbound(..) => self.model_or_stub(&target_value, args[0].span)?,
            _ => {
                let source_name = &self.schema.model(source).name;
                let method = kind.method();
                let source = upper_first(source_name);
                let hint = match &target_value {
                    Value::Str(name) => {
                        format!("pass the model itself, not its name: {source}.{method}({name})")
                    }
                    _ => format!(
                        "pass a model made with sequelize.define: {source}.{method}(OtherModel)"
                    ),
                };
                return throw(
                    SequelizeError::plain(format!(
                        "{source_name}.{method} called with something that's not a subclass of Sequelize.Model"
                    ))
                    .with_hint(hint),
                    args.first().map_or(span, |a| a.span),
                );
            }
        };
        let options = self.association_options(kind, values.get(1), args.get(1))?;
        let result = match kind {
            AssociationType::BelongsTo => self.schema.belongs_to(source, target, options, span),
            AssociationType::HasOne => self.schema.has_one(source, target, options, span),
            AssociationType::HasMany => self.schema.has_many(source, target, options, span),
            AssociationType::BelongsToMany => {
                self.schema.belongs_to_many(source, target, options, span)
            }
        };
        match result {
            Ok(()) => Ok(Value::Opaque),
            Err(error) => throw(error, span),
        }
    }
}

fn set_property(props: &mut Vec<(String, Value)>, key: &str, value: Value) {
    match props.iter_mut().find(|(k, _)| k == key) {
        Some(slot) => slot.1 = value,
        None => props.push((key.to_string(), value)),
    }
}

/// A value as string concatenation shows it.
fn display(value: &Value) -> String {
    match value {
        Value::Str(s) => s.clone(),
        Value::Number(n) => crate::js::format_number(*n),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        Value::Undefined => "undefined".into(),
        _ => "[object Object]".into(),
    }
}

fn describe_callee(callee: &Expr) -> String {
    callee
        .path()
        .map(|p| p.join("."))
        .unwrap_or_else(|| "expression".into())
}
