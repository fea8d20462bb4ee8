//! JavaScript's values as the interpreter holds them: primitives, and objects shared by
//! reference (`Rc<RefCell<…>>`), each with its own properties in insertion order, a
//! prototype, and what kind of object it is (array, function, date, promise, …, or one
//! of the Sequelize objects the playground stands in for).
//!
//! This module knows no interpreter: property lookup along the prototype chain for
//! plain data is here; what needs to run code (getters, host objects) is in
//! [`super::props`].

use std::cell::RefCell;
use std::rc::Rc;

use crate::schema::ModelId;
use crate::sql::DataType;
use crate::syntax::ast::{ClassDef, FunctionDef};
use crate::value::InstanceRef;

use super::scope::Env;

#[derive(Clone, Debug)]
pub enum JsValue {
    Undefined,
    Null,
    Bool(bool),
    Number(f64),
    Str(Rc<str>),
    Symbol(Rc<Symbol>),
    Object(Obj),
    /// A Sequelize model instance (a row): its data lives in the runtime's [`InstanceRef`],
    /// shared with the runtime, so both see every change.
    Instance(InstanceRef),
    /// A value the playground does not model (a query's result when nothing runs, an npm
    /// module it stands in for); reading from it or calling it gives more of the same.
    Opaque(Rc<str>),
}

#[derive(Debug)]
pub struct Symbol {
    pub description: Option<String>,
    /// `Op.gt` and its kin: Sequelize's operators (the runtime reads them by name).
    pub is_operator: bool,
}

/// An object, shared.
#[derive(Clone, Debug)]
pub struct Obj(pub Rc<RefCell<Object>>);

impl PartialEq for Obj {
    fn eq(&self, other: &Obj) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

thread_local! {
    /// Every object of the runs under way, to break their cycles when a run ends (see
    /// [`release_objects`]).
    static OBJECTS: RefCell<Vec<std::rc::Weak<RefCell<Object>>>> = const { RefCell::new(Vec::new()) };
}

/// Empties every object made since the last call. JavaScript's values refer to each
/// other in cycles (a function's scope holds the function; `a.self = a`), which `Rc`
/// never frees; a run's objects are dropped when it ends, or the page, which analyses on
/// every keystroke, would keep them all.
pub fn release_objects() {
    let objects = OBJECTS.with(|objects| std::mem::take(&mut *objects.borrow_mut()));
    for object in objects {
        if let Some(object) = object.upgrade() {
            if let Ok(mut object) = object.try_borrow_mut() {
                object.props.clear();
                object.proto = None;
                object.kind = Kind::Plain;
            }
        }
    }
}

impl Obj {
    pub fn new(object: Object) -> Obj {
        let object = Rc::new(RefCell::new(object));
        OBJECTS.with(|objects| objects.borrow_mut().push(Rc::downgrade(&object)));
        Obj(object)
    }

    pub fn borrow(&self) -> std::cell::Ref<'_, Object> {
        self.0.borrow()
    }

    pub fn borrow_mut(&self) -> std::cell::RefMut<'_, Object> {
        self.0.borrow_mut()
    }

    pub fn proto(&self) -> Option<Obj> {
        self.borrow().proto.clone()
    }

    pub fn is_callable(&self) -> bool {
        matches!(self.borrow().kind, Kind::Function(_))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Key {
    Str(Rc<str>),
    Symbol(SymbolKey),
}

/// A symbol as a key: compared by identity.
#[derive(Clone, Debug)]
pub struct SymbolKey(pub Rc<Symbol>);

impl PartialEq for SymbolKey {
    fn eq(&self, other: &SymbolKey) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Key {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Key::Str(s) => Some(s),
            Key::Symbol(_) => None,
        }
    }
}

impl From<&str> for Key {
    fn from(s: &str) -> Key {
        Key::Str(s.into())
    }
}

#[derive(Clone, Debug)]
pub enum Slot {
    Value(JsValue),
    Accessor {
        get: Option<JsValue>,
        set: Option<JsValue>,
    },
}

#[derive(Clone, Debug)]
pub struct Property {
    pub key: Key,
    pub slot: Slot,
    pub enumerable: bool,
    pub writable: bool,
}

#[derive(Debug)]
pub struct Object {
    pub kind: Kind,
    pub proto: Option<Obj>,
    /// Own properties in JavaScript's order (integer-like keys are not sorted first: the
    /// objects Sequelize code builds rarely have them).
    pub props: Vec<Property>,
    pub frozen: bool,
    /// Built-in methods not made yet: a function object is made the first time one is
    /// read (a run reads a handful of the hundreds there are).
    pub natives: [Natives; 2],
}

/// A table of built-in methods, by name.
#[derive(Clone, Copy)]
pub enum Natives {
    None,
    /// Each name with its own code.
    Table(&'static [(&'static str, NativeFn)]),
    /// Names that share one code (which reads the name it was called by).
    Named(&'static [&'static str], NativeFn),
}

impl Natives {
    pub fn find(&self, name: &str) -> Option<(&'static str, NativeFn)> {
        match self {
            Natives::None => None,
            Natives::Table(table) => table.iter().find(|(n, _)| *n == name).copied(),
            Natives::Named(names, run) => names.iter().find(|n| **n == name).map(|n| (*n, *run)),
        }
    }
}

impl std::fmt::Debug for Natives {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[natives]")
    }
}

impl Object {
    pub fn new(kind: Kind, proto: Option<Obj>) -> Object {
        Object {
            kind,
            proto,
            props: Vec::new(),
            frozen: false,
            natives: [Natives::None; 2],
        }
    }

    pub fn own(&self, key: &Key) -> Option<&Property> {
        self.props.iter().find(|p| &p.key == key)
    }

    pub fn own_str(&self, key: &str) -> Option<&Property> {
        self.props
            .iter()
            .find(|p| matches!(&p.key, Key::Str(k) if &**k == key))
    }

    /// Sets an own data property (keeping its place when it exists). A private name
    /// (`#count`) is never enumerable: console.log, JSON and `Object.keys` skip it.
    pub fn set_own(&mut self, key: Key, value: JsValue) {
        match self.props.iter_mut().find(|p| p.key == key) {
            Some(property) => property.slot = Slot::Value(value),
            None => {
                let private = matches!(&key, Key::Str(name) if name.starts_with('#'));
                self.props.push(Property {
                    key,
                    slot: Slot::Value(value),
                    enumerable: !private,
                    writable: true,
                })
            }
        }
    }

    /// A non-enumerable own property, as built-ins and class methods are.
    pub fn set_hidden(&mut self, key: Key, value: JsValue) {
        self.props.retain(|p| p.key != key);
        self.props.push(Property {
            key,
            slot: Slot::Value(value),
            enumerable: false,
            writable: true,
        });
    }

    /// Adds a table of built-in methods (made when first read).
    pub fn add_natives(&mut self, natives: Natives) {
        match self.natives.iter_mut().find(|n| matches!(n, Natives::None)) {
            Some(slot) => *slot = natives,
            None => self.natives[1] = natives,
        }
    }

    /// The built-in method `name`, if a table has it.
    pub fn native_named(&self, name: &str) -> Option<(&'static str, NativeFn)> {
        self.natives.iter().find_map(|n| n.find(name))
    }

    pub fn remove(&mut self, key: &Key) -> bool {
        let before = self.props.len();
        self.props.retain(|p| &p.key != key);
        before != self.props.len()
    }
}

/// What an object is, beyond its properties.
#[derive(Debug)]
pub enum Kind {
    Plain,
    Array(Vec<JsValue>),
    Function(Callable),
    Error,
    /// Milliseconds since the epoch; NaN for an invalid date.
    Date(f64),
    Map(Vec<(JsValue, JsValue)>),
    Set(Vec<JsValue>),
    /// A `WeakMap` (values kept) or `WeakSet` (values `undefined`): keyed by object
    /// identity, never listed (Node prints `WeakMap { <items unknown> }`).
    Weak {
        set: bool,
        entries: Vec<(JsValue, JsValue)>,
    },
    Promise(PromiseState),
    RegExp {
        source: String,
        flags: String,
    },
    /// `arguments`, boxed primitives and the like are plain; these are Sequelize's.
    Host(Host),
}

#[derive(Debug)]
pub enum PromiseState {
    Pending(Vec<Reaction>),
    Fulfilled(JsValue),
    Rejected(JsValue, Handled),
}

/// Whether something will see a rejection (a `.catch`, an `await`), as Node tracks it to
/// report unhandled rejections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handled {
    No,
    Yes,
}

/// What runs when a pending promise settles: its `.then(on_fulfilled, on_rejected)`, whose
/// own promise `result` takes the outcome.
#[derive(Debug, Clone)]
pub struct Reaction {
    pub on_fulfilled: Option<JsValue>,
    pub on_rejected: Option<JsValue>,
    pub result: Option<Obj>,
}

/// The Sequelize objects the playground stands in for.
#[derive(Debug, Clone)]
pub enum Host {
    /// `new Sequelize(…)`: every instance stands for the playground's one database.
    Sequelize,
    DataTypes,
    DataType(DataType),
    Op,
    /// `sequelize.models`, kept current as models are defined.
    Models,
    /// What `sequelize.fn(…)`, `col`, `literal`, `cast` and `where` return.
    Sql(std::rc::Rc<crate::value::SqlExpr>),
}

/// How a function object runs.
#[derive(Debug, Clone)]
pub enum Callable {
    /// A function the snippet wrote; `env` is where it was made (its closure).
    Closure(Rc<Closure>),
    /// A class the snippet wrote (`class A extends B { … }`).
    Class(Rc<Class>),
    /// A built-in, written in Rust.
    Native(Native),
    /// `f.bind(this, …args)`.
    Bound {
        target: Obj,
        this: JsValue,
        args: Vec<JsValue>,
    },
    /// A Sequelize model (a class too): `sequelize.define(…)` or a class after
    /// `Model.init(…)`.
    Model(ModelClass),
}

#[derive(Debug)]
pub struct Closure {
    pub def: Rc<FunctionDef>,
    pub env: Env,
    /// The object a method was defined on, for `super.x` inside it.
    pub home: Option<Obj>,
}

#[derive(Debug)]
pub struct Class {
    pub def: Rc<ClassDef>,
    pub env: Env,
    /// The class it extends (a function object), if any.
    pub parent: Option<JsValue>,
    /// The `constructor(…)` written in the body.
    pub constructor: Option<Rc<FunctionDef>>,
    /// Set by `User.init(…)`: the class is then that model.
    pub model: RefCell<Option<ModelId>>,
}

#[derive(Debug, Clone)]
pub struct ModelClass {
    pub id: ModelId,
    /// `Model.scope(…)`: the options the chosen scopes merge to (`None`: the model
    /// itself, whose default scope applies).
    pub scope: Option<Rc<crate::value::Value>>,
}

/// A built-in function: its name (as `.name` and error messages give it) and code.
#[derive(Clone)]
pub struct Native {
    pub name: Rc<str>,
    pub run: NativeFn,
    /// A value the built-in carries (the model a Sequelize method belongs to, the
    /// promise a `resolve` settles, …).
    pub data: Option<Box<JsValue>>,
}

impl std::fmt::Debug for Native {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[native {}]", self.name)
    }
}

pub type NativeFn = fn(&mut super::Interpreter, &Native, Call<'_>) -> super::Eval<JsValue>;

/// One call of a function: `this`, the arguments, and where the call is in the snippet.
pub struct Call<'a> {
    pub this: JsValue,
    pub args: Vec<JsValue>,
    pub span: crate::diagnostic::Span,
    /// The callee as written (`Team.hasMany`), for messages.
    pub callee: Option<&'a crate::syntax::ast::Expr>,
    /// The argument expressions, when the call is in the source (for spans and notes).
    pub arg_exprs: &'a [crate::syntax::ast::Expr],
}

impl Call<'_> {
    pub fn arg(&self, i: usize) -> JsValue {
        self.args.get(i).cloned().unwrap_or(JsValue::Undefined)
    }

    pub fn arg_span(&self, i: usize) -> crate::diagnostic::Span {
        self.arg_exprs.get(i).map_or(self.span, |e| e.span)
    }
}

impl JsValue {
    pub fn str(s: &str) -> JsValue {
        JsValue::Str(s.into())
    }

    pub fn truthy(&self) -> bool {
        match self {
            JsValue::Undefined | JsValue::Null => false,
            JsValue::Bool(b) => *b,
            JsValue::Number(n) => *n != 0.0 && !n.is_nan(),
            JsValue::Str(s) => !s.is_empty(),
            _ => true,
        }
    }

    pub fn is_nullish(&self) -> bool {
        matches!(self, JsValue::Undefined | JsValue::Null)
    }

    pub fn as_object(&self) -> Option<&Obj> {
        match self {
            JsValue::Object(o) => Some(o),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            JsValue::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_callable(&self) -> bool {
        matches!(self, JsValue::Object(o) if o.is_callable())
    }

    /// What `typeof` answers.
    pub fn type_of(&self) -> &'static str {
        match self {
            JsValue::Undefined => "undefined",
            JsValue::Null => "object",
            JsValue::Bool(_) => "boolean",
            JsValue::Number(_) => "number",
            JsValue::Str(_) => "string",
            JsValue::Symbol(_) => "symbol",
            JsValue::Object(o) if o.is_callable() => "function",
            JsValue::Object(o) if matches!(o.borrow().kind, Kind::Host(Host::DataType(_))) => {
                "function"
            }
            _ => "object",
        }
    }

    /// `===`.
    pub fn strict_equals(&self, other: &JsValue) -> bool {
        match (self, other) {
            (JsValue::Undefined, JsValue::Undefined) | (JsValue::Null, JsValue::Null) => true,
            (JsValue::Bool(a), JsValue::Bool(b)) => a == b,
            (JsValue::Number(a), JsValue::Number(b)) => a == b,
            (JsValue::Str(a), JsValue::Str(b)) => a == b,
            (JsValue::Symbol(a), JsValue::Symbol(b)) => Rc::ptr_eq(a, b),
            (JsValue::Object(a), JsValue::Object(b)) => a == b,
            (JsValue::Instance(a), JsValue::Instance(b)) => Rc::ptr_eq(a, b),
            (JsValue::Opaque(a), JsValue::Opaque(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// SameValueZero, as `includes`, `Map` and `Set` compare.
    pub fn same_value_zero(&self, other: &JsValue) -> bool {
        match (self, other) {
            (JsValue::Number(a), JsValue::Number(b)) if a.is_nan() && b.is_nan() => true,
            _ => self.strict_equals(other),
        }
    }
}
