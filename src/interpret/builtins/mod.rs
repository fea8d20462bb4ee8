//! The built-ins a snippet finds in Node: the prototypes of arrays, strings, numbers,
//! functions, promises …, the global functions and namespaces (`Object`, `JSON`,
//! `Math`, `Promise`, `Map`, `Set`, `Symbol`, `Date`, the `Error` family, `setTimeout`,
//! `console`), each written in Rust as Node behaves.

mod array;
mod clone;
mod collections;
pub(super) mod date;
pub(super) mod errors;
mod function;
mod intl;
pub(super) mod json;
mod number;
mod object;
mod promise;
mod string;

use std::rc::Rc;

use super::heap::{Call, Callable, JsValue, Key, Kind, Native, NativeFn, Obj, Object};
use super::{Eval, Interpreter};

/// The prototypes and constructors every value of a run links to.
pub struct Realm {
    pub object_proto: Obj,
    pub function_proto: Obj,
    pub array_proto: Obj,
    pub string_proto: Obj,
    pub number_proto: Obj,
    pub boolean_proto: Obj,
    pub symbol_proto: Obj,
    pub error_proto: Obj,
    pub date_proto: Obj,
    pub map_proto: Obj,
    pub set_proto: Obj,
    pub weak_map_proto: Obj,
    pub weak_set_proto: Obj,
    pub promise_proto: Obj,
    pub regexp_proto: Obj,
    /// Sequelize's `Model` (its statics: `init`, `hasMany`, `findAll`, …).
    pub model_base: Obj,
    /// `Model.prototype`: what every instance has (`save`, `get`, `toJSON`, …).
    pub model_proto: Obj,
    pub sequelize_proto: Obj,
    pub object_ctor: Obj,
    /// `TypeError.prototype` and its kin, by name.
    pub error_protos: Vec<(&'static str, Obj)>,
    /// Sequelize's error classes (`ValidationError`, …) by class name, for its statics.
    pub sequelize_errors: Vec<(&'static str, JsValue)>,
    /// Interned symbols: `Op.gt` is the same symbol every time, `Symbol.for(k)` too.
    pub symbols: Vec<(String, Rc<super::heap::Symbol>)>,
}

fn bare(proto: Option<&Obj>) -> Obj {
    Obj::new(Object::new(Kind::Plain, proto.cloned()))
}

impl Realm {
    pub fn new() -> Realm {
        let object_proto = bare(None);
        let function_proto = bare(Some(&object_proto));
        let child = || bare(Some(&object_proto));
        let error_proto = child();
        let model_base = bare(Some(&function_proto));
        Realm {
            array_proto: child(),
            string_proto: child(),
            number_proto: child(),
            boolean_proto: child(),
            symbol_proto: child(),
            date_proto: child(),
            map_proto: child(),
            set_proto: child(),
            weak_map_proto: child(),
            weak_set_proto: child(),
            promise_proto: child(),
            regexp_proto: child(),
            model_proto: child(),
            sequelize_proto: child(),
            object_ctor: bare(Some(&function_proto)),
            error_protos: Vec::new(),
            sequelize_errors: Vec::new(),
            symbols: Vec::new(),
            model_base,
            error_proto,
            function_proto,
            object_proto,
        }
    }
}

impl Interpreter {
    /// A built-in function value.
    pub(super) fn native(&self, name: &str, run: NativeFn) -> JsValue {
        self.native_with(name, run, None)
    }

    pub(super) fn native_with(&self, name: &str, run: NativeFn, data: Option<JsValue>) -> JsValue {
        let native = Native {
            name: name.into(),
            run,
            data: data.map(Box::new),
        };
        JsValue::Object(Obj::new(Object::new(
            Kind::Function(Callable::Native(native)),
            Some(self.realm.function_proto.clone()),
        )))
    }

    /// Puts built-in methods on `target` (not enumerable, as Node's are).
    pub(super) fn install(&self, target: &Obj, methods: &'static [(&'static str, NativeFn)]) {
        target
            .borrow_mut()
            .add_natives(super::heap::Natives::Table(methods));
    }

    /// A namespace object (`Math`, `JSON`) with these methods.
    fn namespace(&self, methods: &'static [(&'static str, NativeFn)]) -> Obj {
        let object = Obj::new(Object::new(
            Kind::Plain,
            Some(self.realm.object_proto.clone()),
        ));
        self.install(&object, methods);
        object
    }

    /// A constructor function with statics, linked to its prototype.
    fn constructor(
        &self,
        name: &str,
        run: NativeFn,
        prototype: &Obj,
        statics: &'static [(&'static str, NativeFn)],
    ) -> JsValue {
        let ctor = self.native(name, run);
        let handle = ctor.as_object().expect("a function").clone();
        self.install(&handle, statics);
        handle
            .borrow_mut()
            .set_hidden("prototype".into(), JsValue::Object(prototype.clone()));
        prototype
            .borrow_mut()
            .set_hidden("constructor".into(), ctor.clone());
        ctor
    }

    pub(super) fn install_globals(&mut self) {
        array::install(self);
        string::install(self);
        number::install(self);
        function::install(self);
        promise::install(self);
        collections::install(self);
        date::install(self);
        errors::install(self);
        object::install(self);
        intl::install(self);
        let json = self.namespace(&[("stringify", json::stringify), ("parse", json::parse)]);
        self.global.declare("JSON", JsValue::Object(json), true);
        let math = self.namespace(number::MATH);
        for (name, value) in number::MATH_CONSTANTS {
            math.borrow_mut()
                .set_hidden(Key::from(*name), JsValue::Number(*value));
        }
        self.global.declare("Math", JsValue::Object(math), true);
        for (name, value) in [("NaN", f64::NAN), ("Infinity", f64::INFINITY)] {
            self.global.declare(name, JsValue::Number(value), false);
        }
        for (name, run) in number::GLOBAL_FUNCTIONS {
            let function = self.native(name, *run);
            self.global.declare(name, function, true);
        }
        for (name, run) in [
            ("setTimeout", set_timeout as NativeFn),
            ("setImmediate", set_timeout),
            ("clearTimeout", ignore),
            ("setInterval", set_interval),
            ("structuredClone", clone::structured_clone),
        ] {
            let function = self.native(name, run);
            self.global.declare(name, function, true);
        }
        let global_this = self.plain_object();
        self.global.declare("globalThis", global_this, true);
        super::sequelize::install(self);
    }

    /// An interned symbol (the same `Rc` for the same name).
    pub(super) fn symbol(&mut self, name: &str, is_operator: bool) -> JsValue {
        if let Some((_, symbol)) = self
            .realm
            .symbols
            .iter()
            .find(|(n, s)| n == name && s.is_operator == is_operator)
        {
            return JsValue::Symbol(symbol.clone());
        }
        let symbol = Rc::new(super::heap::Symbol {
            description: Some(name.to_string()),
            is_operator,
        });
        self.realm.symbols.push((name.to_string(), symbol.clone()));
        JsValue::Symbol(symbol)
    }

    /// `new Native(…)` for the built-in constructors.
    pub(super) fn construct_native(&mut self, native: &Native, call: Call<'_>) -> Eval<JsValue> {
        match &*native.name {
            "Error" | "TypeError" | "RangeError" | "ReferenceError" | "SyntaxError"
            | "EvalError" | "URIError" => errors::construct(self, native, call),
            name if errors::is_sequelize_class(name) => errors::construct(self, native, call),
            "Date" => date::construct(self, call),
            "Map" | "Set" => collections::construct(self, native, call),
            "WeakMap" | "WeakSet" => collections::construct_weak(self, native, call),
            "Promise" => promise::construct(self, call),
            "Sequelize" => super::sequelize::construct(self, call),
            "Object" | "Array" | "String" | "Number" | "Boolean" | "Symbol" | "RegExp"
            | "NumberFormat" | "DateTimeFormat" => (native.run)(self, native, call),
            "Model" => self.type_error(
                "Model is abstract: define a model with sequelize.define or class X extends Model",
                call.span,
            ),
            _ => {
                let name = native.name.clone();
                self.type_error(format!("{name} is not a constructor"), call.span)
            }
        }
    }
}

fn set_timeout(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let callback = call.arg(0);
    let delay = match call.arg(1) {
        JsValue::Number(n) if n > 0.0 => n,
        _ => 0.0,
    };
    if callback.is_callable() {
        let order = interp.timers.len() + interp.steps;
        let now = interp.virtual_time();
        interp.timers.push((
            now + delay,
            order,
            callback,
            call.args.iter().skip(2).cloned().collect(),
        ));
    }
    Ok(JsValue::Number(interp.timers.len() as f64))
}

fn set_interval(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    interp.unsupported(call.span, "setInterval (it would never stop)");
    Ok(JsValue::Number(0.0))
}

fn ignore(_: &mut Interpreter, _: &Native, _: Call<'_>) -> Eval<JsValue> {
    Ok(JsValue::Undefined)
}

impl Interpreter {
    /// The time timers are scheduled against: the run's steps stand in for the clock.
    fn virtual_time(&self) -> f64 {
        0.0
    }

    /// `this` as the array it must be, for array methods.
    pub(super) fn this_items(&self, call: &Call<'_>) -> Vec<JsValue> {
        match &call.this {
            JsValue::Object(object) => match &object.borrow().kind {
                Kind::Array(items) => items.clone(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }
}
