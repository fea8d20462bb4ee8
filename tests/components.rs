//! Component tests in headless Chromium (wasm-bindgen-test): each panel rendered alone
//! with a real report, read back from the DOM, and its controls clicked.
//! Run by scripts/test.sh: `cargo test --target wasm32-unknown-unknown --test components`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use assoc_playground::form::FormEdit;
use assoc_playground::runtime::{Step, StepEnd};
use assoc_playground::state::{ErrorPlace, RunStatus, RunView};
use assoc_playground::ui::{form, panels, run};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = "const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Pug.belongsTo(Owner);
Owner.hasMany(Pug);
";

/// A fresh element in the document to render into.
fn root() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Lets Yew's scheduler render (it runs after the current task).
async fn rendered() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let found = root.query_selector_all(selector).unwrap();
    (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|node| node.text_content())
        .collect()
}

#[wasm_bindgen_test]
async fn tables_show_each_table_with_its_foreign_key() {
    let root = root();
    let report = Rc::new(assoc_playground::analyze(SEED));
    yew::Renderer::<panels::Tables>::with_root_and_props(
        root.clone(),
        panels::TablesProps {
            report,
            focus: Some("pugs.ownerId".into()),
            on_focus: Callback::noop(),
        },
    )
    .render();
    rendered().await;
    assert_eq!(
        texts(&root, ".table-card h3"),
        ["owners model owner", "pugs model pug"]
    );
    assert_eq!(
        texts(&root, ".table-card[data-table='pugs'] tr.fk td.col"),
        ["ownerId"]
    );
    assert_eq!(
        texts(&root, ".table-card[data-table='pugs'] tr.highlight td.col"),
        ["ownerId"],
        "the key pointed at is highlighted"
    );
    assert_eq!(
        texts(&root, ".table-card[data-table='pugs'] .line code"),
        ["id | name | createdAt | updatedAt | ownerId"]
    );
}

#[wasm_bindgen_test]
async fn methods_ask_for_the_sql_of_the_method_clicked() {
    let root = root();
    let asked = Rc::new(RefCell::new(Vec::new()));
    let on_explore = {
        let asked = asked.clone();
        Callback::from(move |pair: (String, String)| asked.borrow_mut().push(pair))
    };
    yew::Renderer::<panels::Methods>::with_root_and_props(
        root.clone(),
        panels::MethodsProps {
            report: Rc::new(assoc_playground::analyze(SEED)),
            explored: None,
            code: SEED.into(),
            on_explore,
        },
    )
    .render();
    rendered().await;
    let names = texts(&root, "[data-model='owner'] code.method");
    assert!(
        names.contains(&"owner.countPugs(options)".to_string()),
        "{names:?}"
    );
    let button: HtmlElement = root
        .query_selector("[data-model='owner'] button.explore[data-method='countPugs']")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    button.click();
    assert_eq!(
        *asked.borrow(),
        [("owner".to_string(), "countPugs".to_string())]
    );
}

#[wasm_bindgen_test]
async fn the_form_sends_an_edit_for_a_changed_alias() {
    let root = root();
    let edits = Rc::new(RefCell::new(Vec::new()));
    let on_edit = {
        let edits = edits.clone();
        Callback::from(move |edit: FormEdit| edits.borrow_mut().push(edit))
    };
    yew::Renderer::<form::FormPanel>::with_root_and_props(
        root.clone(),
        form::FormProps {
            code: SEED.into(),
            file: None,
            open: true,
            on_toggle: Callback::noop(),
            on_edit,
        },
    )
    .render();
    rendered().await;
    assert_eq!(texts(&root, ".form-model legend"), ["Owner", "Pug"]);
    assert_eq!(
        texts(
            &root,
            ".form-association[data-call='Pug.belongsTo(Owner)'] .association-method option"
        ),
        ["belongsTo", "hasOne", "hasMany", "belongsToMany"]
    );
    let alias: HtmlInputElement = root
        .query_selector(".form-association[data-call='Owner.hasMany(Pug)'] input.association-as")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    alias.set_value("dogs");
    let change = web_sys::Event::new_with_event_init_dict("change", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    alias.dispatch_event(&change).unwrap();
    let edits = edits.borrow();
    let [FormEdit::SetAssociation(1, association)] = edits.as_slice() else {
        panic!("{edits:?}");
    };
    assert_eq!(association.as_name.as_deref(), Some("dogs"));
    let code = assoc_playground::form::apply(SEED, &edits[0]).unwrap();
    assert!(
        code.contains("Owner.hasMany(Pug, { as: 'dogs' });"),
        "{code}"
    );
}

#[wasm_bindgen_test]
async fn the_run_panel_shows_sql_and_the_nested_result() {
    let root = root();
    let steps = vec![Step {
        sql: vec!["SELECT 1;".into()],
        end: StepEnd::Show {
            value: serde_json::json!([{ "name": "Tom", "pugs": [{ "name": "Cody" }] }]),
            label: None,
            printed: None,
        },
        to_stderr: false,
    }];
    yew::Renderer::<run::RunPanel>::with_root_and_props(
        root.clone(),
        run::RunProps {
            run: Rc::new(RunView {
                status: RunStatus::Done,
                code: SEED.into(),
                steps,
                ..RunView::default()
            }),
            stale: false,
            dialect: assoc_playground::sql::Dialect::Postgres,
            on_run: Callback::noop(),
            on_cancel: Callback::noop(),
            on_locate: Callback::noop(),
        },
    )
    .render();
    rendered().await;
    // The result first; the SQL folded under it.
    assert_eq!(
        texts(&root, ".step details.step-sql:not([open]) pre.sql"),
        ["SELECT 1;"]
    );
    assert_eq!(texts(&root, ".step pre.sql .sql-keyword"), ["SELECT"]);
    // A tree by default, the first levels open; the JSON rides along for copying.
    assert_eq!(
        texts(&root, ".json-tree .json-key"),
        ["name", "pugs", "name"]
    );
    let json = root
        .query_selector(".step .result")
        .unwrap()
        .unwrap()
        .get_attribute("data-json")
        .unwrap();
    assert!(json.contains("\"pugs\": ["), "{json}");
    let table: HtmlElement = root
        .query_selector(".result-modes button:nth-child(2)")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    table.click();
    rendered().await;
    assert_eq!(texts(&root, ".result-table th"), ["name", "pugs"]);
    assert_eq!(texts(&root, ".result-table td"), ["Tom", "[1 item]"]);
    assert_eq!(
        texts(&root, ".run-status"),
        ["1 step, SQL as Sequelize logs it for PostgreSQL"]
    );
}

#[wasm_bindgen_test]
async fn the_run_panel_shows_where_the_error_was_thrown_and_the_hint() {
    let root = root();
    let error = Step {
        sql: Vec::new(),
        end: StepEnd::Error {
            name: "SequelizeEagerLoadingError".into(),
            message: "pug is associated to owner using an alias.".into(),
        },
        to_stderr: false,
    };
    let located = Rc::new(RefCell::new(None));
    let on_locate = {
        let located = located.clone();
        Callback::from(move |span| *located.borrow_mut() = Some(span))
    };
    yew::Renderer::<run::RunPanel>::with_root_and_props(
        root.clone(),
        run::RunProps {
            run: Rc::new(RunView {
                status: RunStatus::Done,
                code: SEED.into(),
                steps: vec![error],
                error_place: Some(ErrorPlace {
                    file: None,
                    line: 5,
                    column: 19,
                    hint: Some("include it the same way: { model: Pug, as: 'pets' }".into()),
                    start: 40,
                    end: 52,
                }),
                ..RunView::default()
            }),
            stale: false,
            dialect: assoc_playground::sql::Dialect::Postgres,
            on_run: Callback::noop(),
            on_cancel: Callback::noop(),
            on_locate,
        },
    )
    .render();
    rendered().await;
    assert_eq!(
        texts(&root, ".step.error p:first-child"),
        ["SequelizeEagerLoadingError: pug is associated to owner using an alias. (line 5, column 19)"]
    );
    assert_eq!(
        texts(&root, ".step.error .hint"),
        ["include it the same way: { model: Pug, as: 'pets' }"]
    );
    // The place is a link to the code.
    let place: HtmlElement = root
        .query_selector(".step.error button.place")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    place.click();
    assert_eq!(*located.borrow(), Some((None, 40, 52)));
}
