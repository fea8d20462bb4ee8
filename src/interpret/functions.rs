//! Functions and classes: making closures, calling (with `this`, `arguments`, default
//! and rest parameters), `new`, classes with `extends` and `super`, and V8's TypeErrors
//! for what cannot be called, named as V8 names the callee.

use std::rc::Rc;

use super::heap::{Call, Callable, Class, Closure, JsValue, Key, Kind, Obj, Object};
use super::scope::{Env, Scope};
use super::statements::Binding;
use super::{Eval, Flow, Interpreter};
use crate::diagnostic::Span;
use crate::error::{ErrorName, SequelizeError};
use crate::syntax::ast::*;

impl Interpreter {
    /// A function value closing over `env`.
    pub(super) fn closure(
        &mut self,
        def: &Rc<FunctionDef>,
        env: &Env,
        home: Option<Obj>,
    ) -> JsValue {
        let closure = Closure {
            def: def.clone(),
            env: env.clone(),
            home,
        };
        let object = Object::new(
            Kind::Function(Callable::Closure(Rc::new(closure))),
            Some(self.realm.function_proto.clone()),
        );
        JsValue::Object(Obj::new(object))
    }

    /// `fn.prototype`, made the first time it is asked for.
    pub(super) fn prototype_of_function(&mut self, function: &Obj) -> JsValue {
        if let Some(property) = function.borrow().own_str("prototype") {
            if let super::heap::Slot::Value(value) = &property.slot {
                return value.clone();
            }
        }
        let is_arrow = matches!(&function.borrow().kind, Kind::Function(Callable::Closure(c)) if c.def.is_arrow);
        if is_arrow {
            return JsValue::Undefined;
        }
        let prototype = self.plain_object();
        if let JsValue::Object(p) = &prototype {
            p.borrow_mut()
                .set_hidden("constructor".into(), JsValue::Object(function.clone()));
        }
        function
            .borrow_mut()
            .set_hidden("prototype".into(), prototype.clone());
        prototype
    }

    /// A class value: its constructor function, static members on it, methods on its
    /// prototype.
    pub(super) fn class(&mut self, def: &Rc<ClassDef>, env: &Env) -> Eval<JsValue> {
        let parent = match &def.superclass {
            Some(expr) => {
                let parent = self.expr(expr, env)?;
                if !parent.is_callable() && !matches!(parent, JsValue::Null | JsValue::Opaque(_)) {
                    let shown = callee_text(expr);
                    return self.type_error(
                        format!("Class extends value {shown} is not a constructor or null"),
                        expr.span,
                    );
                }
                Some(parent)
            }
            None => None,
        };
        let class_env = Scope::block(env);
        let constructor = def.members.iter().find_map(|m| match &m.kind {
            ClassMemberKind::Constructor(f) => Some(f.clone()),
            _ => None,
        });
        let function_proto = match &parent {
            Some(JsValue::Object(p)) => p.clone(),
            _ => self.realm.function_proto.clone(),
        };
        let class = Obj::new(Object::new(
            Kind::Function(Callable::Class(Rc::new(Class {
                def: def.clone(),
                env: class_env.clone(),
                parent: parent.clone(),
                constructor,
                model: std::cell::RefCell::new(None),
            }))),
            Some(function_proto),
        ));
        let parent_prototype = match &parent {
            Some(JsValue::Object(p)) => match self.get(
                &JsValue::Object(p.clone()),
                &Key::from("prototype"),
                def.span,
            )? {
                JsValue::Object(proto) => Some(proto),
                _ => None,
            },
            Some(_) => None,
            None => Some(self.realm.object_proto.clone()),
        };
        let prototype = Obj::new(Object::new(Kind::Plain, parent_prototype));
        prototype
            .borrow_mut()
            .set_hidden("constructor".into(), JsValue::Object(class.clone()));
        class
            .borrow_mut()
            .set_hidden("prototype".into(), JsValue::Object(prototype.clone()));
        if let Some(name) = &def.name {
            class_env.declare(&name.name, JsValue::Object(class.clone()), false);
        }
        for member in &def.members {
            let home = if member.is_static {
                class.clone()
            } else {
                prototype.clone()
            };
            let key = self.property_key(&member.key, &class_env)?;
            match &member.kind {
                ClassMemberKind::Method(f) => {
                    let method = self.closure(f, &class_env, Some(home.clone()));
                    if let Some(name) = key.as_str() {
                        self.name_function(&method, name);
                    }
                    home.borrow_mut().set_hidden(key, method);
                }
                ClassMemberKind::Getter(f) | ClassMemberKind::Setter(f) => {
                    let function = self.closure(f, &class_env, Some(home.clone()));
                    let is_getter = matches!(member.kind, ClassMemberKind::Getter(_));
                    super::expressions::define_accessor(&home, key, function, is_getter, false);
                }
                ClassMemberKind::Field(init) if member.is_static => {
                    let scope = Scope::function(
                        &class_env,
                        Some(JsValue::Object(class.clone())),
                        Some(class.clone()),
                    );
                    let value = match init {
                        Some(init) => self.expr(init, &scope)?,
                        None => JsValue::Undefined,
                    };
                    class.borrow_mut().set_own(key, value);
                }
                ClassMemberKind::StaticBlock(body) => {
                    let scope = Scope::function(
                        &class_env,
                        Some(JsValue::Object(class.clone())),
                        Some(class.clone()),
                    );
                    self.block_in(body, &scope)?;
                }
                ClassMemberKind::Field(_) | ClassMemberKind::Constructor(_) => {}
            }
        }
        Ok(JsValue::Object(class))
    }

    /// The values of call arguments, spread included.
    pub(super) fn arguments(&mut self, args: &[Expr], env: &Env) -> Eval<Vec<JsValue>> {
        let mut values = Vec::with_capacity(args.len());
        for arg in args {
            if let ExprKind::Spread(inner) = &arg.kind {
                let spread = self.expr(inner, env)?;
                values.extend(self.iterate(&spread, arg.span, Some(inner))?);
            } else {
                values.push(self.expr(arg, env)?);
            }
        }
        Ok(values)
    }

    /// `callee(args)` in the source: a method call keeps its receiver as `this`.
    pub(super) fn call_expr(
        &mut self,
        callee: &Expr,
        args: &[Expr],
        optional: bool,
        span: Span,
        env: &Env,
    ) -> Eval<JsValue> {
        let (function, this) = match &callee.kind {
            ExprKind::Super => {
                let values = self.arguments(args, env)?;
                return self.super_call(values, span, env);
            }
            ExprKind::Member {
                object,
                property,
                optional: optional_member,
            } => {
                let target = match self.stand_in_receiver(object, &property.name, env)? {
                    Some(target) => target,
                    None => self.expr(object, env)?,
                };
                if *optional_member && target.is_nullish() {
                    return Ok(JsValue::Undefined);
                }
                let key = Key::Str(property.name.as_str().into());
                let this = if matches!(object.kind, ExprKind::Super) {
                    env.this()
                } else {
                    target.clone()
                };
                (self.member(&target, object, &key, span)?, this)
            }
            ExprKind::Index {
                object,
                index,
                optional: optional_member,
            } => {
                let target = self.expr(object, env)?;
                if *optional_member && target.is_nullish() {
                    return Ok(JsValue::Undefined);
                }
                let key = self.expr(index, env)?;
                let key = self.key_of(&key)?;
                (self.member(&target, object, &key, span)?, target)
            }
            _ => (self.expr(callee, env)?, JsValue::Undefined),
        };
        if optional && function.is_nullish() {
            return Ok(JsValue::Undefined);
        }
        let stand_ins = Self::takes_stand_ins(callee);
        self.stand_ins += usize::from(stand_ins);
        let values = self.arguments(args, env);
        self.stand_ins -= usize::from(stand_ins);
        let values = values?;
        self.call_function_at(&function, this, values, span, Some(callee), args)
    }

    /// Calls `function` as a call in the source does (for messages and notes).
    pub(super) fn call_function_at(
        &mut self,
        function: &JsValue,
        this: JsValue,
        args: Vec<JsValue>,
        span: Span,
        callee: Option<&Expr>,
        arg_exprs: &[Expr],
    ) -> Eval<JsValue> {
        let JsValue::Object(object) = function else {
            if let JsValue::Opaque(what) = function {
                return Ok(JsValue::Opaque(what.clone()));
            }
            return Err(self.not_a_function(callee, function, &this, span));
        };
        let callable = match &object.borrow().kind {
            Kind::Function(callable) => Some(callable.clone()),
            Kind::Host(super::heap::Host::DataType(_)) => None,
            _ => return Err(self.not_a_function(callee, function, &this, span)),
        };
        let Some(callable) = callable else {
            return self.call_data_type(object, args);
        };
        match callable {
            Callable::Closure(closure) => {
                if self.depth >= self.limits.max_call_depth {
                    return Err(self.too_deep(span));
                }
                self.depth += 1;
                let result = self.run_closure(&closure, this, args, span);
                self.depth -= 1;
                result
            }
            Callable::Native(native) => {
                // Built-ins that call back (join → toString → join …) count too, so that
                // an array inside itself cannot overflow the stack.
                if self.native_depth >= MAX_NATIVE_DEPTH {
                    return Err(self.error(
                        SequelizeError::new(
                            ErrorName::RangeError,
                            "Maximum call stack size exceeded",
                        ),
                        span,
                    ));
                }
                let call = Call {
                    this,
                    args,
                    span,
                    callee,
                    arg_exprs,
                };
                // What the snippet changed in an attribute's object is read from here on.
                self.write_back_views();
                self.native_depth += 1;
                let result = (native.run)(self, &native, call);
                self.native_depth -= 1;
                result
            }
            Callable::Bound {
                target,
                this,
                args: bound,
            } => {
                let mut all = bound.clone();
                all.extend(args);
                self.call_function_at(&JsValue::Object(target), this, all, span, callee, &[])
            }
            Callable::Class(class) => {
                let name = class
                    .def
                    .name
                    .as_ref()
                    .map_or("", |n| n.name.as_str())
                    .to_string();
                self.type_error(
                    format!("Class constructor {name} cannot be invoked without 'new'"),
                    span,
                )
            }
            Callable::Model(model) => {
                let name = self.schema.model(model.id).name.clone();
                self.type_error(
                    format!("Class constructor {name} cannot be invoked without 'new'"),
                    span,
                )
            }
        }
    }

    pub(super) fn call_function(
        &mut self,
        function: &JsValue,
        this: JsValue,
        args: Vec<JsValue>,
        span: Span,
        callee: Option<&Expr>,
    ) -> Eval<JsValue> {
        self.call_function_at(function, this, args, span, callee, &[])
    }

    /// V8's "x is not a function", with a did-you-mean for a method name that is close to
    /// one the receiver has.
    fn not_a_function(
        &mut self,
        callee: Option<&Expr>,
        value: &JsValue,
        this: &JsValue,
        span: Span,
    ) -> Flow {
        let shown = callee.map_or_else(|| "expression".to_string(), callee_text);
        let mut error = SequelizeError::type_error(format!("{shown} is not a function"));
        if let Some(Expr {
            kind: ExprKind::Member {
                property, object, ..
            },
            ..
        }) = callee
        {
            if let Some(hint) = self.method_hint(this, &property.name, object) {
                error = error.with_hint(hint);
            }
        }
        let _ = value;
        self.error(error, span)
    }

    fn run_closure(
        &mut self,
        closure: &Rc<Closure>,
        this: JsValue,
        args: Vec<JsValue>,
        span: Span,
    ) -> Eval<JsValue> {
        let def = &closure.def;
        let this = (!def.is_arrow).then_some(this);
        let home = if def.is_arrow {
            None
        } else {
            closure.home.clone()
        };
        let scope = Scope::function(&closure.env, this, home);
        if def.is_async {
            return self.run_async(def, scope, args, span);
        }
        self.run_body(def, &scope, args, span)
    }

    fn run_body(
        &mut self,
        def: &FunctionDef,
        scope: &Env,
        args: Vec<JsValue>,
        span: Span,
    ) -> Eval<JsValue> {
        if def.is_generator {
            // The parser has said it is not run.
            return Ok(JsValue::Opaque("a generator".into()));
        }
        self.bind_parameters(def, scope, args)?;
        let _ = span;
        match self.block_in(&def.body, scope) {
            Ok(()) => Ok(JsValue::Undefined),
            Err(Flow::Return(value)) => Ok(value),
            Err(other) => Err(other),
        }
    }

    /// V8's RangeError for calls nested deeper than the playground follows.
    pub(super) fn too_deep(&mut self, span: Span) -> Flow {
        let hint = format!(
            "functions here call each other {} deep at most: does one call itself without end?",
            self.limits.max_call_depth
        );
        let error = SequelizeError::new(ErrorName::RangeError, "Maximum call stack size exceeded");
        self.error(error.with_hint(hint), span)
    }

    /// The call's `arguments` and its parameters, bound in `scope`.
    pub(super) fn bind_parameters(
        &mut self,
        def: &FunctionDef,
        scope: &Env,
        args: Vec<JsValue>,
    ) -> Eval<()> {
        if !def.is_arrow {
            let arguments = self.array(args.clone());
            scope.declare("arguments", arguments, true);
        }
        let mut args = args.into_iter();
        for param in &def.params {
            let value = args.next().unwrap_or(JsValue::Undefined);
            self.bind_pattern(param, value, Binding::Declare { mutable: true }, scope)?;
        }
        if let Some(rest) = &def.rest {
            let rest_values = self.array(args.collect());
            self.bind_pattern(rest, rest_values, Binding::Declare { mutable: true }, scope)?;
        }
        Ok(())
    }

    /// `new callee(args)`.
    pub(super) fn construct(
        &mut self,
        class: &JsValue,
        args: Vec<JsValue>,
        callee: Option<&Expr>,
        arg_exprs: &[Expr],
        span: Span,
    ) -> Eval<JsValue> {
        let JsValue::Object(object) = class else {
            if let JsValue::Opaque(what) = class {
                return Ok(JsValue::Opaque(what.clone()));
            }
            let shown = callee.map_or_else(|| "expression".into(), callee_text);
            return self.type_error(format!("{shown} is not a constructor"), span);
        };
        self.construct_with_target(object, args, object, callee, arg_exprs, span)
    }

    fn construct_with_target(
        &mut self,
        class: &Obj,
        args: Vec<JsValue>,
        new_target: &Obj,
        callee: Option<&Expr>,
        arg_exprs: &[Expr],
        span: Span,
    ) -> Eval<JsValue> {
        let callable = match &class.borrow().kind {
            Kind::Function(callable) => Some(callable.clone()),
            _ => None,
        };
        let not_constructor = |this: &mut Self| {
            let shown = callee.map_or_else(|| "expression".into(), callee_text);
            this.type_error(format!("{shown} is not a constructor"), span)
        };
        let Some(callable) = callable else {
            return not_constructor(self);
        };
        match callable {
            Callable::Class(c) => self.construct_class(&c, class, args, new_target, span),
            Callable::Closure(closure) if !closure.def.is_arrow && !closure.def.is_async => {
                let prototype = self.prototype_of_function(new_target);
                let proto = prototype
                    .as_object()
                    .cloned()
                    .unwrap_or_else(|| self.realm.object_proto.clone());
                let this = JsValue::Object(Obj::new(Object::new(Kind::Plain, Some(proto))));
                let result = self.run_closure(&closure, this.clone(), args, span)?;
                Ok(if matches!(result, JsValue::Object(_)) {
                    result
                } else {
                    this
                })
            }
            Callable::Native(native) => {
                let call = Call {
                    this: JsValue::Object(new_target.clone()),
                    args,
                    span,
                    callee,
                    arg_exprs,
                };
                self.construct_native(&native, call)
            }
            Callable::Model(model) => self.build_instance(model.id, args, span),
            Callable::Bound {
                target,
                args: bound,
                ..
            } => {
                let mut all = bound.clone();
                all.extend(args);
                self.construct_with_target(&target, all, &target, callee, arg_exprs, span)
            }
            _ => not_constructor(self),
        }
    }

    fn construct_class(
        &mut self,
        class: &Rc<Class>,
        class_object: &Obj,
        args: Vec<JsValue>,
        new_target: &Obj,
        span: Span,
    ) -> Eval<JsValue> {
        if let Some(model) = *class.model.borrow() {
            return self.build_instance(model, args, span);
        }
        let this = match &class.parent {
            None => {
                let prototype = self.prototype_of_function(new_target);
                let proto = prototype.as_object().cloned();
                Some(JsValue::Object(Obj::new(Object::new(Kind::Plain, proto))))
            }
            Some(_) => None,
        };
        let home = class_object
            .borrow()
            .own_str("prototype")
            .and_then(|p| match &p.slot {
                super::heap::Slot::Value(JsValue::Object(o)) => Some(o.clone()),
                _ => None,
            });
        let scope = Scope::function(
            &class.env,
            Some(this.clone().unwrap_or(JsValue::Undefined)),
            home,
        );
        scope.declare("%new.target", JsValue::Object(new_target.clone()), false);
        scope.declare("%class", JsValue::Object(class_object.clone()), false);
        if let Some(this) = &this {
            self.initialize_fields(class, class_object, this)?;
        }
        match &class.constructor {
            Some(def) => {
                let result = self.run_body(def, &scope, args, span)?;
                if matches!(result, JsValue::Object(_)) {
                    return Ok(result);
                }
            }
            None => {
                if class.parent.is_some() {
                    self.super_call(args, span, &scope)?;
                }
            }
        }
        let this = scope.this();
        if matches!(this, JsValue::Undefined) {
            return Err(self.error(
                SequelizeError::reference_error(
                    "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
                ),
                span,
            ));
        }
        Ok(this)
    }

    /// Instance fields (`name = value;`) set on a new object.
    fn initialize_fields(
        &mut self,
        class: &Rc<Class>,
        class_object: &Obj,
        this: &JsValue,
    ) -> Eval<()> {
        for member in &class.def.members {
            if let (ClassMemberKind::Field(init), false) = (&member.kind, member.is_static) {
                let scope = Scope::function(&class.env, Some(this.clone()), None);
                scope.declare("%class", JsValue::Object(class_object.clone()), false);
                let key = self.property_key(&member.key, &scope)?;
                let value = match init {
                    Some(init) => self.expr(init, &scope)?,
                    None => JsValue::Undefined,
                };
                self.set(this, key, value, member.span)?;
            }
        }
        Ok(())
    }

    /// `super(args)` in a derived constructor.
    fn super_call(&mut self, args: Vec<JsValue>, span: Span, env: &Env) -> Eval<JsValue> {
        let (Some(class), Some(new_target)) = (env.lookup("%class"), env.lookup("%new.target"))
        else {
            return Err(self.error(
                SequelizeError::plain("'super' keyword unexpected here"),
                span,
            ));
        };
        let JsValue::Object(class_object) = class.value else {
            return Ok(JsValue::Undefined);
        };
        let JsValue::Object(new_target) = new_target.value else {
            return Ok(JsValue::Undefined);
        };
        let Kind::Function(Callable::Class(class)) = &class_object.borrow().kind else {
            return Ok(JsValue::Undefined);
        };
        let class = class.clone();
        let Some(JsValue::Object(parent)) = class.parent.clone() else {
            return Ok(JsValue::Undefined);
        };
        let this = self.construct_with_target(&parent, args, &new_target, None, &[], span)?;
        if let JsValue::Object(object) = &this {
            // The object was made for `new_target`: its prototype is the derived class's.
            let prototype = self.prototype_of_function(&new_target);
            if let JsValue::Object(proto) = prototype {
                object.borrow_mut().proto = Some(proto);
            }
        }
        env.set_this(this.clone());
        self.initialize_fields(&class, &class_object, &this)?;
        Ok(JsValue::Undefined)
    }
}

/// How deep built-ins may call into each other.
const MAX_NATIVE_DEPTH: usize = 48;

/// How V8 names a callee in "… is not a function": the source of a member chain
/// (`Team.hasMny`, `a[0]`), `x(...)` for a call's result, else `(intermediate value)`.
pub(super) fn callee_text(expr: &Expr) -> String {
    match &expr.kind {
        ExprKind::Ident(name) => name.clone(),
        ExprKind::This => "this".into(),
        ExprKind::Super => "super".into(),
        ExprKind::Member {
            object, property, ..
        } => format!("{}.{}", callee_text(object), property.name),
        ExprKind::Index { object, index, .. } => {
            let inner = match &index.kind {
                ExprKind::Number(n) => crate::js::format_number(*n),
                ExprKind::Str(s) => return format!("{}.{s}", callee_text(object)),
                ExprKind::Ident(name) => name.clone(),
                _ => "(intermediate value)".into(),
            };
            format!("{}[{inner}]", callee_text(object))
        }
        ExprKind::Call { callee, .. } => format!("{}(...)", callee_text(callee)),
        _ => "(intermediate value)".into(),
    }
}
