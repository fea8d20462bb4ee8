//! The playground's state and the one reducer every change goes through. Pure: the
//! page wraps it for Yew, and the tests drive it natively.

use std::rc::Rc;

use crate::report::Report;
use crate::sql::Dialect;

#[derive(Clone, Debug)]
pub struct State {
    pub code: String,
    pub dialect: Dialect,
    /// What `analyze` says about `code`.
    pub report: Rc<Report>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    EditCode(String),
    ChooseDialect(Dialect),
}

impl State {
    pub fn new(code: &str) -> State {
        State {
            code: code.to_string(),
            dialect: Dialect::Postgres,
            report: Rc::new(crate::analyze(code)),
        }
    }

    pub fn reduce(&self, action: Action) -> State {
        match action {
            Action::EditCode(code) => State {
                report: Rc::new(crate::analyze(&code)),
                code,
                ..self.clone()
            },
            Action::ChooseDialect(dialect) => State {
                dialect,
                ..self.clone()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_reanalyzes_and_choosing_a_dialect_keeps_the_report() {
        let state = State::new("const A = sequelize.define('a', {});");
        assert_eq!(state.report.models.len(), 1);
        let state = state.reduce(Action::EditCode(
            "const B = sequelize.define('b', {}); const C = sequelize.define('c', {});".into(),
        ));
        assert_eq!(state.report.models.len(), 2);
        let before = Rc::clone(&state.report);
        let state = state.reduce(Action::ChooseDialect(Dialect::Sqlite));
        assert_eq!(state.dialect, Dialect::Sqlite);
        assert!(Rc::ptr_eq(&before, &state.report));
    }
}
