//! What `console.log` prints: the run's values as [`crate::inspect`] shapes, printed as
//! Node 20 prints them. Sequelize instances and models are not printed (Node would show
//! their internals); the page shows their `toJSON()` instead.

use super::heap::{Callable, Host, JsValue, Key, Kind, Obj, PromiseState, Slot};
use super::Interpreter;
use crate::inspect::{self, FunctionKind, Shape};

/// How deep a value is converted: beyond `console.log`'s depth, and `%o`'s.
const MAX_DEPTH: usize = 6;

struct Walk {
    /// The objects on the path from the root, for cycles.
    path: Vec<Obj>,
    /// Objects seen as a cycle's target, with their reference number.
    referenced: Vec<(Obj, usize)>,
}

impl Interpreter {
    /// The text `console.log(...args)` writes, or `None` when an argument holds a
    /// Sequelize instance or model.
    pub(super) fn printed(&self, args: &[JsValue]) -> Option<String> {
        if args.iter().any(|a| holds_sequelize(a, 0)) {
            return None;
        }
        let shapes: Vec<Shape> = args.iter().map(|a| self.shape(a)).collect();
        Some(inspect::format(&shapes))
    }

    /// What `console.table(data, properties)` writes: Node's box of rows, or, for data
    /// that is no object, what `console.log(data)` writes.
    pub(super) fn table_printed(&self, args: &[JsValue]) -> Option<String> {
        let data = args.first().cloned().unwrap_or(JsValue::Undefined);
        if holds_sequelize(&data, 0) {
            return None;
        }
        let properties: Option<Vec<String>> = match args.get(1) {
            Some(JsValue::Object(o)) if matches!(o.borrow().kind, Kind::Array(_)) => {
                match self.shape(&args[1]) {
                    Shape::Array { items, .. } => Some(
                        items
                            .iter()
                            .flatten()
                            .map(|item| match item {
                                Shape::String(s) => s.clone(),
                                other => inspect::inspect(other, &Default::default()),
                            })
                            .collect(),
                    ),
                    _ => None,
                }
            }
            _ => None,
        };
        inspect::table(&self.shape(&data), properties.as_deref())
            .or_else(|| self.printed(std::slice::from_ref(&data)))
    }

    /// `util.inspect(value, options)` (or the older `(value, showHidden, depth)`), and
    /// `console.dir(value, options)`: the value at the depth asked for (`null` for all).
    pub(super) fn inspected(&self, value: &JsValue, options: &[JsValue]) -> String {
        let depth_of = |depth: &JsValue| match depth {
            JsValue::Number(n) if n.is_finite() && *n >= 0.0 => Some(Some(*n as usize)),
            JsValue::Number(_) | JsValue::Null => Some(None),
            _ => None,
        };
        let depth = match options.first() {
            Some(JsValue::Object(o)) => {
                let depth = o.borrow().own_str("depth").map(|p| p.slot.clone());
                match depth {
                    Some(Slot::Value(depth)) => depth_of(&depth),
                    _ => None,
                }
            }
            Some(_) => options.get(1).and_then(depth_of),
            None => None,
        };
        let mut settings = inspect::Options::default();
        if let Some(depth) = depth {
            settings.depth = depth;
        }
        inspect::inspect(&self.shape(value), &settings)
    }

    pub(super) fn shape(&self, value: &JsValue) -> Shape {
        let mut walk = Walk {
            path: Vec::new(),
            referenced: Vec::new(),
        };
        self.shape_at(value, &mut walk)
    }

    fn shape_at(&self, value: &JsValue, walk: &mut Walk) -> Shape {
        match value {
            JsValue::Undefined => Shape::Undefined,
            JsValue::Null => Shape::Null,
            JsValue::Bool(b) => Shape::Bool(*b),
            JsValue::Number(n) => Shape::Number(*n),
            JsValue::Str(s) => Shape::String(s.to_string()),
            JsValue::Symbol(symbol) => Shape::Symbol(symbol.description.clone()),
            JsValue::Opaque(what) => Shape::Opaque(what.to_string()),
            JsValue::Instance(_) => Shape::Opaque("a Sequelize instance".into()),
            JsValue::Object(object) => {
                if let Some(position) = walk.path.iter().position(|o| o == object) {
                    let id = match walk.referenced.iter().find(|(o, _)| o == object) {
                        Some((_, id)) => *id,
                        None => {
                            let id = walk.referenced.len() + 1;
                            walk.referenced.push((walk.path[position].clone(), id));
                            id
                        }
                    };
                    return Shape::Circular(id);
                }
                if walk.path.len() >= MAX_DEPTH {
                    return self.shallow(object);
                }
                walk.path.push(object.clone());
                let shape = self.object_shape(object, walk);
                walk.path.pop();
                match walk.referenced.iter().find(|(o, _)| o == object) {
                    Some((_, id)) => Shape::Referenced(*id, Box::new(shape)),
                    None => shape,
                }
            }
        }
    }

    /// An object past the conversion depth: empty of its kind (inspect prints `[Object]`
    /// there anyway).
    fn shallow(&self, object: &Obj) -> Shape {
        match &object.borrow().kind {
            Kind::Array(_) => Shape::Array {
                items: vec![Some(Shape::Undefined)],
                props: Vec::new(),
            },
            _ => Shape::Object {
                class: Some("Object".into()),
                props: vec![(inspect::Key::Str("…".into()), Shape::Undefined)],
            },
        }
    }

    fn object_shape(&self, object: &Obj, walk: &mut Walk) -> Shape {
        let b = object.borrow();
        let props = self.own_shapes(object, walk);
        match &b.kind {
            Kind::Array(items) => Shape::Array {
                items: items.iter().map(|v| Some(self.shape_at(v, walk))).collect(),
                props,
            },
            Kind::Function(callable) => match callable {
                Callable::Class(class) => Shape::Class {
                    name: self.function_name(callable),
                    extends: class.parent.as_ref().and_then(|p| match p {
                        JsValue::Object(parent) => match &parent.borrow().kind {
                            Kind::Function(c) => Some(self.function_name(c)),
                            _ => None,
                        },
                        _ => None,
                    }),
                    props,
                },
                Callable::Closure(closure) => Shape::Function {
                    kind: match (closure.def.is_async, closure.def.is_generator) {
                        (true, true) => FunctionKind::AsyncGenerator,
                        (true, false) => FunctionKind::Async,
                        (false, true) => FunctionKind::Generator,
                        (false, false) => FunctionKind::Plain,
                    },
                    name: own_name(&b).unwrap_or_else(|| self.function_name(callable)),
                    props,
                },
                _ => Shape::Function {
                    kind: FunctionKind::Plain,
                    name: self.function_name(callable),
                    props,
                },
            },
            Kind::Error => {
                let stack = match b.own_str("stack").map(|p| &p.slot) {
                    Some(Slot::Value(JsValue::Str(s))) => s.to_string(),
                    _ => "Error".into(),
                };
                // Node leaves out `name`, `message` and `stack` when the stack shows them.
                let props = props
                    .into_iter()
                    .filter(|(key, _)| match key {
                        inspect::Key::Str(k)
                            if ["name", "message", "stack"].contains(&k.as_str()) =>
                        {
                            !inherited_string(object, k).is_some_and(|v| stack.contains(&v))
                        }
                        _ => true,
                    })
                    .collect();
                let name = inherited_string(object, "name").unwrap_or_else(|| "Error".into());
                let constructor = self.class_name(&b.proto);
                let stack = improved_stack(stack, constructor.as_deref(), &name);
                Shape::Error { stack, props }
            }
            Kind::Date(ms) => Shape::Date(ms.is_finite().then_some(*ms as i64)),
            Kind::Map(entries) => Shape::Map(
                entries
                    .iter()
                    .map(|(k, v)| (self.shape_at(k, walk), self.shape_at(v, walk)))
                    .collect(),
            ),
            Kind::Set(items) => Shape::Set(items.iter().map(|v| self.shape_at(v, walk)).collect()),
            Kind::Weak { set: true, .. } => Shape::Weak("WeakSet"),
            Kind::Weak { set: false, .. } => Shape::Weak("WeakMap"),
            Kind::Promise(_) if self.is_unanswered(object) => {
                Shape::Promise(inspect::PromiseState::Pending)
            }
            Kind::Promise(state) => Shape::Promise(match state {
                PromiseState::Pending(_) => inspect::PromiseState::Pending,
                PromiseState::Fulfilled(v) => {
                    inspect::PromiseState::Fulfilled(Box::new(self.shape_at(v, walk)))
                }
                PromiseState::Rejected(v, _) => {
                    inspect::PromiseState::Rejected(Box::new(self.shape_at(v, walk)))
                }
            }),
            Kind::RegExp { source, flags } => Shape::RegExp(format!("/{source}/{flags}")),
            Kind::Host(Host::Sql(expr)) => sql_shape(expr),
            Kind::Host(_) => Shape::Opaque("a Sequelize object".into()),
            Kind::Plain => Shape::Object {
                class: self.class_name(&b.proto),
                props,
            },
        }
    }

    /// `Foo` for an instance of `class Foo`, `Object` for a plain object, none for a
    /// null prototype.
    fn class_name(&self, proto: &Option<Obj>) -> Option<String> {
        let proto = proto.as_ref()?;
        if *proto == self.realm.object_proto {
            return Some("Object".into());
        }
        let constructor = proto
            .borrow()
            .own_str("constructor")
            .map(|p| p.slot.clone());
        Some(match constructor {
            Some(Slot::Value(JsValue::Object(ctor))) => match &ctor.borrow().kind {
                Kind::Function(callable) => self.function_name(callable),
                _ => "Object".into(),
            },
            _ => "Object".into(),
        })
    }

    /// Enumerable own properties (accessors as `[Getter]`), in JavaScript's key order.
    fn own_shapes(&self, object: &Obj, walk: &mut Walk) -> Vec<(inspect::Key, Shape)> {
        let b = object.borrow();
        let mut named = Vec::new();
        let mut numeric = Vec::new();
        let mut symbols = Vec::new();
        for property in b.props.iter().filter(|p| p.enumerable) {
            let shape = match &property.slot {
                Slot::Value(v) => self.shape_at(v, walk),
                Slot::Accessor { get, set } => Shape::Accessor {
                    get: get.is_some(),
                    set: set.is_some(),
                },
            };
            match &property.key {
                Key::Str(k) => match super::expressions::array_index(k) {
                    Some(i) => numeric.push((i, inspect::Key::Str(k.to_string()), shape)),
                    None => named.push((inspect::Key::Str(k.to_string()), shape)),
                },
                Key::Symbol(s) => symbols.push((
                    inspect::Key::Symbol(s.0.description.clone().unwrap_or_default()),
                    shape,
                )),
            }
        }
        numeric.sort_by_key(|(i, _, _)| *i);
        numeric
            .into_iter()
            .map(|(_, k, s)| (k, s))
            .chain(named)
            .chain(symbols)
            .collect()
    }
}

fn own_name(object: &super::heap::Object) -> Option<String> {
    match object.own_str("name").map(|p| &p.slot) {
        Some(Slot::Value(JsValue::Str(s))) => Some(s.to_string()),
        _ => None,
    }
}

/// Whether a value holds a Sequelize instance or model (Node would print its internals).
fn holds_sequelize(value: &JsValue, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    match value {
        JsValue::Instance(_) => true,
        JsValue::Object(object) => {
            let b = object.borrow();
            match &b.kind {
                Kind::Function(Callable::Model(_)) | Kind::Host(Host::Sequelize | Host::Models) => {
                    return true
                }
                Kind::Function(Callable::Class(class)) if class.model.borrow().is_some() => {
                    return true
                }
                Kind::Array(items) | Kind::Set(items)
                    if items.iter().any(|v| holds_sequelize(v, depth + 1)) =>
                {
                    return true
                }
                Kind::Map(entries)
                    if entries.iter().any(|(k, v)| {
                        holds_sequelize(k, depth + 1) || holds_sequelize(v, depth + 1)
                    }) =>
                {
                    return true
                }
                _ => {}
            }
            b.props
                .iter()
                .any(|p| matches!(&p.slot, Slot::Value(v) if holds_sequelize(v, depth + 1)))
        }
        _ => false,
    }
}

/// `sequelize.fn(…)` and its kin as Node prints Sequelize's classes for them
/// (`Fn { fn: 'COUNT', args: [ Col { col: 'id' } ] }`).
fn sql_shape(expr: &crate::value::SqlExpr) -> Shape {
    use crate::value::Value;
    fn of(value: &Value) -> Shape {
        match value {
            Value::Sql(expr) => sql_shape(expr),
            Value::Str(s) => Shape::String(s.clone()),
            Value::Number(n) => Shape::Number(*n),
            Value::Bool(b) => Shape::Bool(*b),
            Value::Null => Shape::Null,
            Value::Array(items) => Shape::Array {
                items: items.iter().map(|i| Some(of(i))).collect(),
                props: Vec::new(),
            },
            Value::Object(props) => Shape::Object {
                class: Some("Object".into()),
                props: props
                    .iter()
                    .map(|(k, v)| (inspect::Key::Str(k.clone()), of(v)))
                    .collect(),
            },
            _ => Shape::Undefined,
        }
    }
    Shape::Object {
        class: Some(expr.class_name().into()),
        props: expr
            .fields()
            .iter()
            .map(|(k, v)| (inspect::Key::Str(k.to_string()), of(v)))
            .collect(),
    }
}

/// A string property of `object` or its prototypes (a data property; getters are not run).
fn inherited_string(object: &Obj, key: &str) -> Option<String> {
    let mut current = Some(object.clone());
    while let Some(o) = current {
        let b = o.borrow();
        if let Some(property) = b.own_str(key) {
            return match &property.slot {
                Slot::Value(JsValue::Str(s)) => Some(s.to_string()),
                _ => None,
            };
        }
        current = b.proto.clone();
    }
    None
}

/// Node's `improveStack`: an error whose class is not its name says both
/// (`ValidationError [SequelizeValidationError]: …`), or the class alone when it
/// contains the name (`class NotFoundError extends Error` prints `NotFoundError: …`).
fn improved_stack(stack: String, constructor: Option<&str>, name: &str) -> String {
    let Some(prefix) = constructor else {
        return stack;
    };
    let len = name.len();
    let regular = name.ends_with("Error")
        && stack.starts_with(name)
        && matches!(stack.as_bytes().get(len), None | Some(b':') | Some(b'\n'));
    if !regular || prefix == name {
        return stack;
    }
    if prefix.contains(name) {
        format!("{prefix}{}", &stack[len..])
    } else {
        format!("{prefix} [{name}]{}", &stack[len..])
    }
}
