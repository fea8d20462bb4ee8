//! Validators written as functions: an attribute's custom ones (`validate: { isEven(v)
//! { … } }`) and a model's own (`validate: { bothOrNone() { … } }` in its options). They
//! are JavaScript, so the interpreter keeps them and runs them, as Sequelize's
//! `InstanceValidator` does, on the instance about to be written (`this`); a throw (or
//! a rejection) is a failure, handed to the runtime (`Runtime::supply_function_failures`),
//! whose validation puts it among the built-in validators' failures.

use super::heap::{JsValue, Key};
use super::{Eval, Flow, Interpreter};
use crate::diagnostic::Span;
use crate::runtime::calls::FunctionFailure;
use crate::schema::ModelId;
use crate::value::{InstanceRef, Value};

/// One validator function: an attribute's (`attribute` named) or the model's.
#[derive(Clone)]
pub(super) struct ValidatorFunction {
    model: ModelId,
    attribute: Option<String>,
    name: String,
    function: JsValue,
}

impl Interpreter {
    /// Keeps the validator functions of `define(name, attributes, options)`.
    pub(super) fn add_validator_functions(
        &mut self,
        model: ModelId,
        attributes: &JsValue,
        options: &JsValue,
        span: Span,
    ) -> Eval<()> {
        for (name, definition) in self.attribute_definitions(attributes, span)? {
            let validate = self.get(&definition, &Key::Str("validate".into()), span)?;
            self.keep_validators(model, Some(name.to_string()), &validate, span)?;
        }
        if matches!(options, JsValue::Object(_)) {
            let validate = self.get(options, &Key::Str("validate".into()), span)?;
            self.keep_validators(model, None, &validate, span)?;
        }
        Ok(())
    }

    fn keep_validators(
        &mut self,
        model: ModelId,
        attribute: Option<String>,
        validate: &JsValue,
        span: Span,
    ) -> Eval<()> {
        if !matches!(validate, JsValue::Object(_)) {
            return Ok(());
        }
        for name in self.own_keys(validate) {
            let function = self.get(validate, &Key::Str(name.clone()), span)?;
            if function.is_callable() {
                self.validator_functions.push(ValidatorFunction {
                    model,
                    attribute: attribute.clone(),
                    name: name.to_string(),
                    function,
                });
            }
        }
        Ok(())
    }

    pub(super) fn has_validator_functions(&self, model: ModelId) -> bool {
        self.validator_functions.iter().any(|v| v.model == model)
    }

    /// Runs `instance`'s validator functions (an attribute's only when `only` lists it,
    /// and not on a null value unless the attribute allows null, as Sequelize skips
    /// them) and hands their failures to the runtime for the validation to come.
    pub(super) fn run_validator_functions(
        &mut self,
        instance: &InstanceRef,
        only: Option<&[String]>,
        span: Span,
    ) -> Eval<()> {
        let model = instance.borrow().model;
        let validators: Vec<ValidatorFunction> = self
            .validator_functions
            .iter()
            .filter(|v| v.model == model)
            .cloned()
            .collect();
        if validators.is_empty() {
            return Ok(());
        }
        let mut failures = Vec::new();
        for validator in validators {
            let value = match &validator.attribute {
                Some(attribute) => {
                    if only.is_some_and(|fields| !fields.contains(attribute)) {
                        continue;
                    }
                    let value = instance
                        .borrow()
                        .get(attribute)
                        .cloned()
                        .unwrap_or(Value::Undefined);
                    let allows_null = self
                        .schema
                        .model(model)
                        .attribute(attribute)
                        .is_some_and(|a| a.allow_null == Some(true));
                    if matches!(value, Value::Null | Value::Undefined) && !allows_null {
                        continue;
                    }
                    Some(value)
                }
                None => None,
            };
            let args = value.iter().map(|v| self.adopt(v)).collect();
            let this = JsValue::Instance(instance.clone());
            let outcome = self
                .call_function(&validator.function, this, args, span, None)
                .and_then(|result| self.await_value(result, span));
            let thrown = match outcome {
                Ok(_) => continue,
                Err(Flow::Throw(exception)) => exception.value,
                Err(flow) => return Err(flow),
            };
            failures.push(FunctionFailure {
                attribute: validator.attribute.clone(),
                validator: validator.name.clone(),
                message: self.failure_message(&thrown, span)?,
                value: value.unwrap_or(Value::Null),
                thrown: self.to_data(&thrown),
            });
        }
        if let Some(rt) = self.runtime.as_mut() {
            rt.supply_function_failures(failures);
        }
        Ok(())
    }

    /// `rawError.message || rawError || 'Validation error'`, as `_pushError` words it.
    fn failure_message(&mut self, thrown: &JsValue, span: Span) -> Eval<String> {
        if matches!(thrown, JsValue::Object(_)) {
            let message = self.get(thrown, &Key::Str("message".into()), span)?;
            if message.truthy() {
                return self.string_of(&message, span);
            }
        }
        match thrown {
            JsValue::Undefined | JsValue::Null => Ok("Validation error".into()),
            JsValue::Str(s) if s.is_empty() => Ok("Validation error".into()),
            other => self.string_of(other, span),
        }
    }
}
