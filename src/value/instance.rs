//! A model instance as a value: its `dataValues` in Sequelize's key order, shared
//! (`Rc`) as JavaScript shares objects.

use std::cell::RefCell;
use std::rc::Rc;

use super::Value;
use crate::schema::ModelId;

pub type InstanceRef = Rc<RefCell<Instance>>;

#[derive(Debug)]
pub struct Instance {
    pub model: ModelId,
    /// `dataValues`, in insertion order; included associations live here too.
    pub values: Vec<(String, Value)>,
    pub is_new_record: bool,
    /// Attributes set since the last save.
    pub changed: Vec<String>,
    /// What each changed attribute held before its first change since the last save
    /// (Sequelize's `_previousDataValues`, for `previous()`).
    pub previous: Vec<(String, Value)>,
}

impl Instance {
    pub fn new(model: ModelId) -> Instance {
        Instance {
            model,
            values: Vec::new(),
            is_new_record: true,
            changed: Vec::new(),
            previous: Vec::new(),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.values.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Sets a value; a key that exists keeps its place, as in a JavaScript object.
    pub fn set(&mut self, key: &str, value: Value) {
        match self.values.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = value,
            None => self.values.push((key.to_string(), value)),
        }
    }

    /// A copy with its own data values (included instances stay shared).
    pub fn duplicate(&self) -> Instance {
        Instance {
            model: self.model,
            values: self.values.clone(),
            is_new_record: self.is_new_record,
            changed: self.changed.clone(),
            previous: self.previous.clone(),
        }
    }

    /// After a save or a reload: nothing is changed, and `previous()` is the present.
    pub fn mark_saved(&mut self) {
        self.changed.clear();
        self.previous.clear();
    }

    /// What `previous(key)` answers: the value before the first change since the last
    /// save, or the present value when it has not changed.
    pub fn previous_value(&self, key: &str) -> Option<&Value> {
        match self.previous.iter().find(|(k, _)| k == key) {
            Some((_, value)) => Some(value),
            None => self.get(key),
        }
    }

    pub fn into_ref(self) -> InstanceRef {
        Rc::new(RefCell::new(self))
    }
}
