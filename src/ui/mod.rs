//! The page, in Yew: components render [`crate::state::State`] and dispatch
//! [`crate::state::Action`]s; none of them knows an association rule.

mod panels;

use std::rc::Rc;

use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::examples::DEFAULT_EXAMPLE;
use crate::sql::Dialect;
use crate::state::{Action, State};

/// The state as Yew holds it; every change is one [`Action`] through [`State::reduce`].
#[derive(Clone)]
pub struct PageState(pub State);

impl PartialEq for PageState {
    fn eq(&self, other: &Self) -> bool {
        self.0.code == other.0.code
            && self.0.dialect == other.0.dialect
            && Rc::ptr_eq(&self.0.report, &other.0.report)
    }
}

impl Reducible for PageState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(PageState(self.0.reduce(action)))
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| PageState(State::new(DEFAULT_EXAMPLE)));
    let on_input = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            state.dispatch(Action::EditCode(area.value()));
        })
    };
    let on_dialect = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(dialect) = Dialect::from_name(&select.value()) {
                state.dispatch(Action::ChooseDialect(dialect));
            }
        })
    };
    let current = &state.0;
    html! {
        <div class="page">
            <header class="bar">
                <h1>{ "assoc playground" }</h1>
                <p class="tagline">{ "Sequelize associations, live: tables, SQL and methods as Sequelize 6 makes them." }</p>
            </header>
            <main class="layout">
                <section class="editor-pane" aria-label="Code">
                    <label class="pane-title" for="code">{ "Your Sequelize code" }</label>
                    <textarea id="code" class="code" spellcheck="false" value={current.code.clone()} oninput={on_input} />
                    <panels::Problems code={current.code.clone()} report={current.report.clone()} />
                </section>
                <section class="views" aria-label="What Sequelize makes of it">
                    <panels::Tables report={current.report.clone()} />
                    <panels::Sql report={current.report.clone()} dialect={current.dialect} on_change={on_dialect} />
                    <panels::Methods report={current.report.clone()} />
                </section>
            </main>
        </div>
    }
}
