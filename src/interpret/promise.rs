//! Promises and the event loop. Sequelize's calls settle their promises at once (the
//! in-page database answers synchronously); `.then` callbacks wait in the microtask
//! queue, which runs at each `await` and when the script ends, then `setTimeout`
//! callbacks in the order of their delays: the order Node prints in, for the code
//! tutorials write. A rejection nothing handles ends the run, as it ends Node 20.

use super::heap::{Handled, JsValue, Kind, Obj, Object, PromiseState, Reaction};
use super::{Eval, Exception, Flow, Interpreter, Job};
use crate::diagnostic::{Diagnostic, Span};
use crate::syntax::ast::Expr;

impl Interpreter {
    fn new_promise(&self, state: PromiseState) -> Obj {
        Obj::new(Object::new(
            Kind::Promise(state),
            Some(self.realm.promise_proto.clone()),
        ))
    }

    pub(super) fn pending_promise(&self) -> Obj {
        self.new_promise(PromiseState::Pending(Vec::new()))
    }

    /// `Promise.resolve(value)`: a promise passes through, others are wrapped.
    pub(super) fn resolved(&mut self, value: JsValue) -> JsValue {
        if self.is_promise(&value) {
            return value;
        }
        JsValue::Object(self.new_promise(PromiseState::Fulfilled(value)))
    }

    pub(super) fn rejected(&mut self, reason: JsValue, span: Span) -> JsValue {
        let promise = self.new_promise(PromiseState::Rejected(reason, Handled::No));
        self.rejected.push((promise.clone(), span));
        JsValue::Object(promise)
    }

    pub(super) fn is_promise(&self, value: &JsValue) -> bool {
        self.as_promise(value).is_some()
    }

    pub(super) fn as_promise(&self, value: &JsValue) -> Option<Obj> {
        match value {
            JsValue::Object(object) if matches!(object.borrow().kind, Kind::Promise(_)) => {
                Some(object.clone())
            }
            _ => None,
        }
    }

    /// Settles a pending promise with a value (adopting a promise's outcome) or a reason.
    pub(super) fn settle(&mut self, promise: &Obj, outcome: Result<JsValue, JsValue>, span: Span) {
        if let Ok(value) = &outcome {
            if let Some(inner) = self.as_promise(value) {
                if inner == *promise {
                    return;
                }
                self.subscribe(
                    &inner,
                    Reaction {
                        on_fulfilled: None,
                        on_rejected: None,
                        result: Some(promise.clone()),
                    },
                );
                return;
            }
        }
        let reactions = {
            let mut borrowed = promise.borrow_mut();
            let Kind::Promise(state) = &mut borrowed.kind else {
                return;
            };
            let PromiseState::Pending(reactions) = state else {
                return;
            };
            let reactions = std::mem::take(reactions);
            *state = match &outcome {
                Ok(value) => PromiseState::Fulfilled(value.clone()),
                Err(reason) => PromiseState::Rejected(
                    reason.clone(),
                    if reactions.is_empty() {
                        Handled::No
                    } else {
                        Handled::Yes
                    },
                ),
            };
            reactions
        };
        if outcome.is_err() && reactions.is_empty() {
            self.rejected.push((promise.clone(), span));
        }
        for reaction in reactions {
            self.microtasks.push_back(Job {
                reaction,
                outcome: outcome.clone(),
            });
        }
    }

    /// Adds a reaction: queued now if the promise has settled, else when it does.
    pub(super) fn subscribe(&mut self, promise: &Obj, reaction: Reaction) {
        let mut borrowed = promise.borrow_mut();
        let Kind::Promise(state) = &mut borrowed.kind else {
            return;
        };
        match state {
            PromiseState::Pending(reactions) => reactions.push(reaction),
            PromiseState::Fulfilled(value) => self.microtasks.push_back(Job {
                reaction,
                outcome: Ok(value.clone()),
            }),
            PromiseState::Rejected(reason, handled) => {
                *handled = Handled::Yes;
                self.microtasks.push_back(Job {
                    reaction,
                    outcome: Err(reason.clone()),
                });
            }
        }
    }

    /// `promise.then(onFulfilled, onRejected)`.
    pub(super) fn then(
        &mut self,
        promise: &Obj,
        on_fulfilled: JsValue,
        on_rejected: JsValue,
    ) -> JsValue {
        let result = self.pending_promise();
        let callable = |v: JsValue| v.is_callable().then_some(v);
        self.subscribe(
            promise,
            Reaction {
                on_fulfilled: callable(on_fulfilled),
                on_rejected: callable(on_rejected),
                result: Some(result.clone()),
            },
        );
        JsValue::Object(result)
    }

    /// Runs queued promise callbacks until none is left.
    pub(super) fn run_microtasks(&mut self) -> Result<(), Exception> {
        while let Some(job) = self.microtasks.pop_front() {
            self.tick(Span::default()).map_err(|flow| match flow {
                Flow::Throw(exception) => exception,
                _ => unreachable!("tick only throws"),
            })?;
            let handler = match &job.outcome {
                Ok(_) => job.reaction.on_fulfilled.clone(),
                Err(_) => job.reaction.on_rejected.clone(),
            };
            let outcome = match handler {
                Some(handler) => {
                    let argument = match &job.outcome {
                        Ok(v) | Err(v) => v.clone(),
                    };
                    match self.call_function(
                        &handler,
                        JsValue::Undefined,
                        vec![argument],
                        Span::default(),
                        None,
                    ) {
                        Ok(value) => Ok(value),
                        Err(Flow::Throw(exception)) => Err((exception.value, exception.span)),
                        Err(_) => Ok(JsValue::Undefined),
                    }
                }
                None => job.outcome.map_err(|reason| (reason, Span::default())),
            };
            if let Some(result) = &job.reaction.result {
                match outcome {
                    Ok(value) => self.settle(result, Ok(value), Span::default()),
                    Err((reason, span)) => self.settle(result, Err(reason), span),
                }
            }
        }
        Ok(())
    }

    /// The value of a settled promise, or its rejection thrown. A promise still pending
    /// (a timer not yet fired) lets the event loop run until it settles.
    pub(super) fn settle_now(&mut self, promise: &Obj, span: Span) -> Eval<JsValue> {
        for _ in 0..10_000 {
            let state = match &mut promise.borrow_mut().kind {
                Kind::Promise(PromiseState::Fulfilled(value)) => Some(Ok(value.clone())),
                Kind::Promise(PromiseState::Rejected(reason, handled)) => {
                    *handled = Handled::Yes;
                    Some(Err(reason.clone()))
                }
                _ => None,
            };
            match state {
                Some(Ok(value)) => return Ok(value),
                Some(Err(reason)) => {
                    let at = self.rejection_span(promise).unwrap_or(span);
                    return Err(Flow::Throw(Exception {
                        value: reason,
                        span: at,
                        hint: None,
                    }));
                }
                None => {
                    if !self.fire_next_timer().map_err(Flow::Throw)? {
                        self.note_once(
                            span,
                            "never settles",
                            Diagnostic::warning(span, "This promise never settles: nothing resolves it, so the code after this await never runs")
                                .with_hint("call resolve(…) in the function passed to new Promise"),
                        );
                        return Err(Flow::Return(JsValue::Undefined));
                    }
                }
            }
        }
        Err(Flow::Return(JsValue::Undefined))
    }

    fn rejection_span(&self, promise: &Obj) -> Option<Span> {
        self.rejected
            .iter()
            .find(|(p, _)| p == promise)
            .map(|(_, s)| *s)
            .filter(|s| s.end > 0)
    }

    /// After the script: microtasks, then timers one by one (each followed by its
    /// microtasks).
    pub(super) fn run_event_loop(&mut self) -> Result<(), Exception> {
        self.run_microtasks()?;
        while self.fire_next_timer()? {}
        Ok(())
    }

    /// Runs the earliest `setTimeout` callback; false when none is left.
    fn fire_next_timer(&mut self) -> Result<bool, Exception> {
        self.run_microtasks()?;
        let Some(next) = self
            .timers
            .iter()
            .enumerate()
            .min_by(|(_, a), (_, b)| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
            .map(|(i, _)| i)
        else {
            return Ok(false);
        };
        let (_, _, callback, args) = self.timers.remove(next);
        match self.call_function(&callback, JsValue::Undefined, args, Span::default(), None) {
            Ok(_) => {}
            Err(Flow::Throw(exception)) => return Err(exception),
            Err(_) => {}
        }
        self.run_microtasks()?;
        Ok(true)
    }

    /// A rejection no `.catch` and no `await` took: Node 20 stops with it.
    pub(super) fn unhandled_rejection(&mut self) -> Option<Exception> {
        let rejected = std::mem::take(&mut self.rejected);
        rejected.into_iter().find_map(|(promise, span)| match &promise.borrow().kind {
            Kind::Promise(PromiseState::Rejected(reason, Handled::No)) => Some(Exception {
                value: reason.clone(),
                span,
                hint: Some("nothing caught this rejected promise: await it inside try { … } catch, or add .catch(…)".into()),
            }),
            _ => None,
        })
    }

    /// Reading a property of a promise: the call that made it was not awaited.
    pub(super) fn note_unawaited(&mut self, object: &Expr) {
        let name = object
            .path()
            .map(|p| p.join("."))
            .unwrap_or_else(|| "this value".into());
        self.note_once(
            object.span,
            "unawaited",
            Diagnostic::warning(
                object.span,
                format!("{name} is a promise here, not the result: Sequelize's methods are asynchronous"),
            )
            .with_hint("await the call that made it: const x = await Model.create(…)"),
        );
    }
}
