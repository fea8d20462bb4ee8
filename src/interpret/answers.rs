//! When the database answers. Sequelize sends a query (and logs it) after the caller's
//! synchronous code has run, and its promise stays pending until the answer comes back:
//! `const users = User.findAll(); console.log(users)` prints `Promise { <pending> }`
//! before the SELECT is logged. The in-page database answers at once, so the
//! interpreter holds a call's statements back, and shows its promise as pending, until
//! the program next yields: an `await`, a callback's turn, a hook, a timer.

use super::heap::{JsValue, Obj};
use super::{Eval, Interpreter};

impl Interpreter {
    /// Runs a Sequelize method; when it answers with a promise, the statements it
    /// logged wait for [`Self::answer`], and the promise shows as pending until then.
    pub(super) fn answered_later(
        &mut self,
        call: impl FnOnce(&mut Self) -> Eval<JsValue>,
    ) -> Eval<JsValue> {
        let mark = self.runtime.as_ref().map(|rt| rt.statement_count());
        let result = call(self);
        if let (Some(mark), Ok(value)) = (mark, &result) {
            if let Some(promise) = self.as_promise(value) {
                if let Some(rt) = self.runtime.as_mut() {
                    rt.defer_since(mark);
                }
                self.unanswered.push(promise);
            }
        }
        result
    }

    /// The program yields: every call made so far has its answer.
    pub(super) fn answer(&mut self) {
        self.unanswered.clear();
        if let Some(rt) = self.runtime.as_mut() {
            rt.answered();
        }
    }

    /// Whether `promise` is a Sequelize call's whose answer has not come yet.
    pub(super) fn is_unanswered(&self, promise: &Obj) -> bool {
        self.unanswered.iter().any(|p| p == promise)
    }
}
