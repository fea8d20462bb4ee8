//! Promises and the event loop. Sequelize's calls settle their promises at once (the
//! in-page database answers synchronously); `.then` callbacks wait in the microtask
//! queue, which runs at each `await` of a promise still pending and when the script
//! ends, then `setTimeout` callbacks in the order of their delays: the order Node
//! prints in, for the code tutorials write. An async function's call runs its body up
//! to the first statement that awaits, as Node does up to its first `await`; the rest
//! is a microtask (so `main(); console.log('started')` prints `started` first). A
//! rejection nothing handles ends the run, as it ends Node 20.

use std::rc::Rc;

use super::heap::{Call, Handled, JsValue, Kind, Native, Obj, Object, PromiseState, Reaction};
use super::scope::Env;
use super::{Eval, Exception, Flow, Interpreter, Job};
use crate::diagnostic::{Diagnostic, Span};
use crate::syntax::ast::{Expr, FunctionDef};

/// The rest of an async call's body: its statements from `from` on, in its scope, and
/// the promise the call returned.
pub(super) struct Continuation {
    def: Rc<FunctionDef>,
    from: usize,
    /// The value the body's first await waits for, evaluated before the body
    /// suspended, and what the awaited value goes to.
    pending: Option<(JsValue, Suspended)>,
    scope: Env,
    promise: Obj,
    /// The call that made it (where a call nested too deep is reported).
    call: Span,
}

/// Where the value of an await that suspended an async body goes when it resumes.
pub(super) enum Suspended {
    /// `const books = await author.getBooks();`
    Declare {
        kind: crate::syntax::ast::DeclKind,
        target: crate::syntax::ast::Pattern,
    },
    /// `await user.save();`
    Discard,
}

/// The operand of a statement that is a single await (`const x = await e;`,
/// `await e;`) with no await inside `e`, and where its value goes.
fn single_await(stmt: &crate::syntax::ast::Stmt) -> Option<(&Expr, Suspended)> {
    use crate::syntax::ast::{ExprKind, Stmt};
    fn operand(expr: &Expr) -> Option<&Expr> {
        match &expr.kind {
            ExprKind::Await(inner) if !crate::syntax::visit::expr_awaits(inner) => Some(inner),
            _ => None,
        }
    }
    match stmt {
        Stmt::Declare {
            kind, declarations, ..
        } if declarations.len() == 1 => {
            let declaration = &declarations[0];
            let inner = operand(declaration.init.as_ref()?)?;
            Some((
                inner,
                Suspended::Declare {
                    kind: *kind,
                    target: declaration.target.clone(),
                },
            ))
        }
        Stmt::Expr { expr, .. } => Some((operand(expr)?, Suspended::Discard)),
        _ => None,
    }
}

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

    /// A promise of `outcome`: resolved with its value, or rejected with what it threw
    /// (other flows pass on).
    pub(super) fn settled(&mut self, outcome: Eval<JsValue>) -> Eval<JsValue> {
        match outcome {
            Ok(value) => Ok(self.resolved(value)),
            Err(Flow::Throw(exception)) => Ok(self.rejected(exception.value, exception.span)),
            Err(flow) => Err(flow),
        }
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
        // Kept for where the rejection began (an await of it throws there); only one
        // nothing handles is reported as unhandled.
        if outcome.is_err() {
            self.rejected.push((promise.clone(), span));
        }
        for reaction in reactions {
            self.microtasks.push_back(Job {
                reaction,
                outcome: outcome.clone(),
                resumes: false,
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
                resumes: false,
            }),
            PromiseState::Rejected(reason, handled) => {
                *handled = Handled::Yes;
                self.microtasks.push_back(Job {
                    reaction,
                    outcome: Err(reason.clone()),
                    resumes: false,
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

    /// An async function's call: its body up to the first statement that awaits runs
    /// now, the rest as a microtask; the promise settles when the body ends.
    pub(super) fn run_async(
        &mut self,
        def: &Rc<FunctionDef>,
        scope: Env,
        args: Vec<JsValue>,
        span: Span,
    ) -> Eval<JsValue> {
        let start = self.bind_parameters(def, &scope, args).and_then(|()| {
            self.hoist(&def.body, &scope);
            let from = def.body.iter().position(crate::syntax::visit::awaits);
            let now = &def.body[..from.unwrap_or(def.body.len())];
            now.iter()
                .try_for_each(|stmt| self.statement(stmt, &scope))?;
            // The first await's operand runs now, as in Node (a query is sent before the
            // caller goes on); the body resumes with its value.
            let Some(at) = from else {
                return Ok(None);
            };
            match single_await(&def.body[at]) {
                Some((operand, then)) => {
                    let value = self.expr(operand, &scope)?;
                    Ok(Some((at + 1, Some((value, then)))))
                }
                None => Ok(Some((at, None))),
            }
        });
        let promise = self.pending_promise();
        match start {
            Ok(Some((from, pending))) => {
                let continuation = Continuation {
                    def: def.clone(),
                    from,
                    pending,
                    scope,
                    promise: promise.clone(),
                    call: span,
                };
                self.queue_continuation(continuation);
            }
            Ok(None) => self.settle(&promise, Ok(JsValue::Undefined), span),
            Err(flow) => self.settle_with(&promise, flow, span)?,
        }
        Ok(JsValue::Object(promise))
    }

    /// Settles an async call's promise with how its body ended.
    fn settle_with(&mut self, promise: &Obj, flow: Flow, span: Span) -> Eval<()> {
        match flow {
            Flow::Return(value) => self.settle(promise, Ok(value), span),
            Flow::Throw(exception) => self.settle(promise, Err(exception.value), exception.span),
            Flow::Break(_) | Flow::Continue(_) => {
                self.settle(promise, Ok(JsValue::Undefined), span)
            }
        }
        Ok(())
    }

    fn queue_continuation(&mut self, continuation: Continuation) {
        let index = self.continuations.len();
        self.continuations.push(Some(continuation));
        let resume = self.native_with("resume", resume, Some(JsValue::Number(index as f64)));
        self.microtasks.push_back(Job {
            reaction: Reaction {
                on_fulfilled: Some(resume),
                on_rejected: None,
                result: None,
            },
            outcome: Ok(JsValue::Undefined),
            resumes: true,
        });
    }

    /// Runs queued promise callbacks until none is left.
    pub(super) fn run_microtasks(&mut self) -> Result<(), Exception> {
        while let Some(job) = self.microtasks.pop_front() {
            self.run_job(job)?;
        }
        Ok(())
    }

    /// What an `await` lets run first: every queued job at the top level; inside an async
    /// body's rest, the `.then` callbacks only (the other async bodies waiting go on after
    /// this one, as they would after its next `await` in Node).
    pub(super) fn run_before_await(&mut self) -> Result<(), Exception> {
        if self.resuming == 0 {
            return self.run_microtasks();
        }
        while let Some(index) = self.microtasks.iter().position(|job| !job.resumes) {
            let job = self.microtasks.remove(index).expect("found");
            self.run_job(job)?;
        }
        Ok(())
    }

    fn run_job(&mut self, job: Job) -> Result<(), Exception> {
        self.answer();
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
                // The async bodies and callbacks waiting may settle it; else a timer.
                None if !self.microtasks.is_empty() => {
                    self.run_microtasks().map_err(Flow::Throw)?;
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
        self.answer();
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

/// The microtask that runs the rest of an async call's body, then settles its promise.
fn resume(interpreter: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    let index = match native.data.as_deref() {
        Some(JsValue::Number(n)) => *n as usize,
        _ => return Ok(JsValue::Undefined),
    };
    let Some(continuation) = interpreter
        .continuations
        .get_mut(index)
        .and_then(Option::take)
    else {
        return Ok(JsValue::Undefined);
    };
    // The await it resumes from waits for a promise still pending (another async
    // call's): it resumes when that settles, as Node's await does, rather than making
    // the event loop run inside it.
    let waiting = match &continuation.pending {
        Some((value, _)) => interpreter
            .as_promise(value)
            .filter(|p| matches!(p.borrow().kind, Kind::Promise(PromiseState::Pending(_)))),
        None => None,
    };
    if let Some(awaited) = waiting {
        interpreter.continuations[index] = Some(continuation);
        let resume = interpreter.native_with("resume", resume, Some(JsValue::Number(index as f64)));
        interpreter.subscribe(
            &awaited,
            Reaction {
                on_fulfilled: Some(resume.clone()),
                on_rejected: Some(resume),
                result: None,
            },
        );
        return Ok(JsValue::Undefined);
    }
    let Continuation {
        def,
        from,
        pending,
        scope,
        promise,
        call: made_at,
    } = continuation;
    // The rest of a body runs inside the awaits that wait for it: it counts as a call.
    let ended = if interpreter.depth >= interpreter.limits.max_call_depth {
        Err(interpreter.too_deep(made_at))
    } else {
        interpreter.resuming += 1;
        interpreter.depth += 1;
        let resumed = match pending {
            Some((value, then)) => {
                let span = def.body.get(from - 1).map_or(made_at, |s| s.span());
                interpreter
                    .await_value(value, span)
                    .and_then(|awaited| match then {
                        Suspended::Declare { kind, target } => {
                            let binding = match kind {
                                crate::syntax::ast::DeclKind::Var => {
                                    super::statements::Binding::Assign
                                }
                                other => super::statements::Binding::of(other),
                            };
                            interpreter.bind_pattern(&target, awaited, binding, &scope)
                        }
                        Suspended::Discard => Ok(()),
                    })
            }
            None => Ok(()),
        };
        let ended = resumed.and_then(|()| {
            def.body[from..]
                .iter()
                .try_for_each(|stmt| interpreter.statement(stmt, &scope))
        });
        interpreter.depth -= 1;
        interpreter.resuming -= 1;
        ended
    };
    match ended {
        Ok(()) => interpreter.settle(&promise, Ok(JsValue::Undefined), call.span),
        Err(flow) => interpreter.settle_with(&promise, flow, call.span)?,
    }
    Ok(JsValue::Undefined)
}
