//! An instance's object-valued attributes as the snippet holds them: `user.settings`
//! read twice is the same object, and what the snippet changes in it
//! (`user.settings.theme = 'dark'`, `post.tags.push('x')`) is in the instance's values
//! from then on, as in Sequelize, where the object is the one in `dataValues`. As there,
//! such a change does not mark the attribute changed: `changed('settings', true)` does.
//! `instance.dataValues` is such an object too: a key the snippet adds to it (an
//! `afterFind` hook's `p.dataValues.seen = true`) is one of the instance's values.

use std::rc::{Rc, Weak};

use super::heap::JsValue;
use super::Interpreter;
use crate::value::{Instance, InstanceRef, Value};

const MAX_VIEWS: usize = 32;

/// The view of an instance's whole `dataValues` object.
const DATA_VALUES: &str = "dataValues";

/// One attribute's object, handed to the snippet.
pub(super) struct View {
    instance: Weak<std::cell::RefCell<Instance>>,
    attribute: String,
    object: JsValue,
    /// The attribute's value when last handed out or written back.
    seen: serde_json::Value,
}

impl Interpreter {
    /// The object the snippet holds for `instance`'s `attribute` (whose value is an
    /// object or an array): the one handed out before, while the instance still has
    /// the value it was made from.
    pub(super) fn attribute_view(
        &mut self,
        instance: &InstanceRef,
        attribute: &str,
        value: &Value,
    ) -> JsValue {
        let current = crate::value::to_json(value);
        if let Some(view) = self.views.iter().find(|v| {
            v.attribute == attribute
                && v.instance
                    .upgrade()
                    .is_some_and(|i| Rc::ptr_eq(&i, instance))
        }) {
            if view.seen == current {
                return view.object.clone();
            }
        }
        let object = self.adopt(value);
        self.views.retain(|v| {
            v.instance.strong_count() > 0
                && !(v.attribute == attribute
                    && v.instance
                        .upgrade()
                        .is_some_and(|i| Rc::ptr_eq(&i, instance)))
        });
        // The latest few: an older one is read as a copy again (the write-back before
        // each call costs a conversion per view).
        if self.views.len() >= MAX_VIEWS {
            self.views.remove(0);
        }
        self.views.push(View {
            instance: Rc::downgrade(instance),
            attribute: attribute.to_string(),
            object: object.clone(),
            seen: current,
        });
        object
    }

    /// Writes what the snippet changed in the objects it holds back into their
    /// instances' values (not marking them changed), before anything reads them.
    pub(super) fn write_back_views(&mut self) {
        if self.views.is_empty() {
            return;
        }
        self.views.retain(|v| v.instance.strong_count() > 0);
        for index in 0..self.views.len() {
            let data = self.to_data(&self.views[index].object);
            let now = crate::value::to_json(&data);
            let view = &mut self.views[index];
            if now == view.seen {
                continue;
            }
            let Some(instance) = view.instance.upgrade() else {
                continue;
            };
            let whole = view.attribute == DATA_VALUES;
            let unchanged_since = match whole {
                true => {
                    let values = Value::Object(instance.borrow().values.clone());
                    crate::value::to_json(&values) == view.seen
                }
                false => instance
                    .borrow()
                    .get(&view.attribute)
                    .is_some_and(|v| crate::value::to_json(v) == view.seen),
            };
            match (unchanged_since, whole, data) {
                (true, true, Value::Object(props)) => instance.borrow_mut().values = props,
                (true, false, data) => instance.borrow_mut().set(&view.attribute, data),
                _ => {}
            }
            view.seen = now;
        }
    }
}
