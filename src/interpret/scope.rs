//! Scopes: the names a block, a function or a module binds, chained to the scope they
//! were made in, so closures keep theirs. A function's scope also holds its `this`, the
//! object `super` starts from, and (for modules) nothing more: `module` and `exports`
//! are ordinary bindings.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use super::heap::{JsValue, Obj};

pub type Env = Rc<Scope>;

thread_local! {
    /// Every scope of the runs under way (see [`release_scopes`]).
    static SCOPES: RefCell<Vec<std::rc::Weak<Scope>>> = const { RefCell::new(Vec::new()) };
}

/// Empties every scope made since the last call, breaking the cycles closures make
/// (a scope holds a function that holds the scope).
pub fn release_scopes() {
    let scopes = SCOPES.with(|scopes| std::mem::take(&mut *scopes.borrow_mut()));
    for scope in scopes {
        if let Some(scope) = scope.upgrade() {
            if let Ok(mut vars) = scope.vars.try_borrow_mut() {
                vars.clear();
            }
        }
    }
}

fn registered(scope: Scope) -> Env {
    let scope = Rc::new(scope);
    SCOPES.with(|scopes| scopes.borrow_mut().push(Rc::downgrade(&scope)));
    scope
}

/// FNV-1a. A scope's keys are short names, for which SipHash's setup and finish cost
/// more than the hashing; and they are the snippet's own, not an attacker's.
struct NameHasher(u64);

impl Default for NameHasher {
    fn default() -> NameHasher {
        NameHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for NameHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

type Names = HashMap<Rc<str>, Binding, BuildHasherDefault<NameHasher>>;

#[derive(Debug)]
pub struct Scope {
    vars: RefCell<Names>,
    pub parent: Option<Env>,
    /// Set on a function's (not an arrow's) scope and the module scope.
    pub this: Option<RefCell<JsValue>>,
    /// For methods: the prototype of the object the method was defined on.
    pub home: Option<Obj>,
    /// A function scope (where `var` lands), as opposed to a block.
    pub is_function: bool,
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub value: JsValue,
    pub mutable: bool,
    /// False between a `let`/`const`/`class` hoisting and its declaration running (the
    /// temporal dead zone).
    pub initialized: bool,
}

/// What assigning to a name found.
pub enum Assigned {
    Done,
    Constant,
    Uninitialized,
    NotFound,
}

impl Scope {
    pub fn root() -> Env {
        registered(Scope {
            vars: RefCell::default(),
            parent: None,
            this: Some(RefCell::new(JsValue::Undefined)),
            home: None,
            is_function: true,
        })
    }

    pub fn block(parent: &Env) -> Env {
        registered(Scope {
            vars: RefCell::default(),
            parent: Some(parent.clone()),
            this: None,
            home: None,
            is_function: false,
        })
    }

    /// A function's scope; `this` is `None` for arrows (they see their parent's).
    pub fn function(parent: &Env, this: Option<JsValue>, home: Option<Obj>) -> Env {
        registered(Scope {
            vars: RefCell::default(),
            parent: Some(parent.clone()),
            this: this.map(RefCell::new),
            home,
            is_function: true,
        })
    }

    pub fn declare(&self, name: &str, value: JsValue, mutable: bool) {
        self.vars.borrow_mut().insert(
            name.into(),
            Binding {
                value,
                mutable,
                initialized: true,
            },
        );
    }

    /// Hoists a `let`/`const`/`class` name: it exists but cannot be read yet.
    pub fn hoist(&self, name: &str, mutable: bool) {
        self.vars.borrow_mut().insert(
            name.into(),
            Binding {
                value: JsValue::Undefined,
                mutable,
                initialized: false,
            },
        );
    }

    pub fn has_own(&self, name: &str) -> bool {
        self.vars.borrow().contains_key(name)
    }

    pub fn lookup(self: &Rc<Self>, name: &str) -> Option<Binding> {
        let mut scope = Some(self);
        while let Some(s) = scope {
            if let Some(binding) = s.vars.borrow().get(name) {
                return Some(binding.clone());
            }
            scope = s.parent.as_ref();
        }
        None
    }

    pub fn assign(self: &Rc<Self>, name: &str, value: JsValue) -> Assigned {
        let mut scope = Some(self);
        while let Some(s) = scope {
            if let Some(binding) = s.vars.borrow_mut().get_mut(name) {
                if !binding.initialized {
                    return Assigned::Uninitialized;
                }
                if !binding.mutable {
                    return Assigned::Constant;
                }
                binding.value = value;
                return Assigned::Done;
            }
            scope = s.parent.as_ref();
        }
        Assigned::NotFound
    }

    /// Runs a declaration: the hoisted name gets its first value.
    pub fn initialize(&self, name: &str, value: JsValue, mutable: bool) {
        self.declare(name, value, mutable);
    }

    /// The `this` of the nearest non-arrow function.
    pub fn this(self: &Rc<Self>) -> JsValue {
        let mut scope = Some(self);
        while let Some(s) = scope {
            if let Some(this) = &s.this {
                return this.borrow().clone();
            }
            scope = s.parent.as_ref();
        }
        JsValue::Undefined
    }

    /// Sets `this` in the nearest non-arrow function (after `super(…)` returns).
    pub fn set_this(self: &Rc<Self>, value: JsValue) {
        let mut scope = Some(self);
        while let Some(s) = scope {
            if let Some(this) = &s.this {
                *this.borrow_mut() = value;
                return;
            }
            scope = s.parent.as_ref();
        }
    }

    pub fn home(self: &Rc<Self>) -> Option<Obj> {
        let mut scope = Some(self);
        while let Some(s) = scope {
            if s.this.is_some() {
                return s.home.clone();
            }
            scope = s.parent.as_ref();
        }
        None
    }

    /// The nearest function scope (where `var` declares).
    pub fn function_scope(self: &Rc<Self>) -> Env {
        let mut scope = self.clone();
        while !scope.is_function {
            let parent = scope.parent.clone().expect("the root is a function scope");
            scope = parent;
        }
        scope
    }

    /// Every name in reach, for did-you-mean hints.
    pub fn names(self: &Rc<Self>) -> Vec<String> {
        let mut names = Vec::new();
        let mut scope = Some(self);
        while let Some(s) = scope {
            names.extend(s.vars.borrow().keys().map(|k| k.to_string()));
            scope = s.parent.as_ref();
        }
        names
    }
}
