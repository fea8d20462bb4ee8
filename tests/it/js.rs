//! Real code as people paste it: sequelize-cli model files (both templates), models
//! folders' `associate` hooks, results printed with `JSON.stringify` and `.map`, and
//! typos that V8 reports at the line. Each is checked for what the page shows.

use crate::support::run;

fn table_names(report: &assoc_playground::report::Report) -> Vec<String> {
    report.models.iter().map(|m| m.table_name.clone()).collect()
}

fn printed(report: &assoc_playground::report::Report) -> Vec<String> {
    crate::support::printed(&serde_json::to_value(report).unwrap())
}

#[test]
fn a_pasted_sequelize_cli_class_model_file_shows_its_tables() {
    let code = r#"'use strict';
const { Model } = require('sequelize');
module.exports = (sequelize, DataTypes) => {
  class Post extends Model {
    static associate(models) {
      Post.belongsTo(models.Post, { as: 'parent', foreignKey: 'parentId' });
    }
  }
  Post.init({
    title: DataTypes.STRING,
    body: DataTypes.TEXT
  }, {
    sequelize,
    modelName: 'Post',
  });
  return Post;
};
"#;
    let report = assoc_playground::analyze(code);
    assert!(report.error.is_none(), "{:?}", report.error);
    assert_eq!(table_names(&report), ["Posts"]);
    let post = &report.associations[0];
    assert_eq!(post.associations[0].foreign_key, "parentId");
    assert!(report
        .diagnostics
        .iter()
        .any(|d| d.message.contains("exports a model factory")));
}

#[test]
fn associate_hooks_of_a_models_object_run_as_models_index_runs_them() {
    let code = r#"
const db = {};
const define = (name, attributes) => sequelize.define(name, attributes);
db.User = define('User', { name: DataTypes.STRING });
db.Task = define('Task', { title: DataTypes.STRING });
db.User.associate = function (models) {
  models.User.hasMany(models.Task, { foreignKey: 'ownerId' });
};
db.Task.associate = (models) => {
  models.Task.belongsTo(models.User, { foreignKey: 'ownerId', as: 'owner' });
};
Object.keys(db).forEach((modelName) => {
  if (db[modelName].associate) {
    db[modelName].associate(db);
  }
});
for (const name of ['User', 'Task']) {
  if (!sequelize.isDefined(name)) throw new Error(`${name} is missing`);
}
"#;
    let report = assoc_playground::analyze(code);
    assert!(report.error.is_none(), "{:?}", report.error);
    let tasks = report
        .models
        .iter()
        .find(|m| m.table_name == "Tasks")
        .unwrap();
    assert!(tasks.attributes.iter().any(|a| a.name == "ownerId"));
    let users = &report.associations[0];
    assert_eq!(
        users.instance_methods.len(),
        10,
        "{:?}",
        users.instance_methods
    );
}

#[test]
fn results_print_as_node_prints_them_with_json_stringify_and_map() {
    let code = r#"
const Team = sequelize.define('team', { name: DataTypes.STRING }, { timestamps: false });
await sequelize.sync({ force: true });
await Team.bulkCreate([{ name: 'Ajax' }, { name: 'Celtic' }]);
const teams = await Team.findAll({ order: [['name', 'ASC']] });
console.log(JSON.stringify(teams, null, 2));
console.log(teams.map((t) => t.name));
console.log('teams:', teams.length);
console.log(Object.values(teams[0].toJSON()));
"#;
    let report = run(code);
    assert!(report.error.is_none(), "{:?}", report.error);
    assert_eq!(
        printed(&report),
        [
            "[\n  {\n    \"id\": 1,\n    \"name\": \"Ajax\"\n  },\n  {\n    \"id\": 2,\n    \"name\": \"Celtic\"\n  }\n]",
            "[ 'Ajax', 'Celtic' ]",
            "teams: 2",
            "[ 1, 'Ajax' ]",
        ]
    );
}

#[test]
fn a_method_name_typo_is_v8s_type_error_at_the_call_with_a_did_you_mean() {
    let code = "const Team = sequelize.define('team', {});\nconst Player = sequelize.define('player', {});\nTeam.hasMny(Player);\n";
    let report = assoc_playground::analyze(code);
    let error = report.error.expect("V8 throws");
    assert_eq!(error.name, "TypeError");
    assert_eq!(error.message, "Team.hasMny is not a function");
    let diagnostic = report
        .diagnostics
        .iter()
        .find(|d| d.message.contains("hasMny"))
        .unwrap();
    assert_eq!(
        &code[diagnostic.start..diagnostic.end],
        "Team.hasMny(Player)"
    );
    assert!(diagnostic.hint.as_deref().unwrap().contains("hasMany"));
}

#[test]
fn control_flow_closures_and_classes_run_as_in_node() {
    let code = r#"
class Counter {
  #unused = 0;
  count = 0;
  static made = 0;
  constructor(start = 0) { this.count = start; Counter.made++; }
  add(...ns) { for (const n of ns) { if (n < 0) continue; this.count += n; } return this; }
  get double() { return this.count * 2; }
}
const c = new Counter(1).add(1, -5, 2);
const labels = [];
outer: for (let i = 0; i < 3; i++) {
  switch (i) {
    case 1: labels.push('one'); continue outer;
    default: labels.push(`n${i}`);
  }
}
const makers = [1, 2, 3].map((n) => () => n * 10);
let caught;
try { null.x; } catch ({ message }) { caught = message; } finally { labels.push('finally'); }
const { a, ...rest } = { a: 1, b: 2, c: 3 };
console.log(c.count, c.double, Counter.made, labels, makers.map((f) => f()), caught, rest);
"#;
    let report = run(code);
    assert_eq!(
        printed(&report),
        ["4 8 1 [ 'n0', 'one', 'n2', 'finally' ] [ 10, 20, 30 ] Cannot read properties of null (reading 'x') { b: 2, c: 3 }"]
    );
}

#[test]
fn top_level_then_chains_print_in_nodes_order() {
    let code = r#"
const User = sequelize.define('user', { name: DataTypes.STRING }, { timestamps: false });
sequelize.sync({ force: true })
  .then(() => User.create({ name: 'Ann' }))
  .then((user) => console.log('created', user.name))
  .catch((error) => console.log('failed', error.message))
  .finally(() => console.log('done'));
console.log('first');
"#;
    let report = run(code);
    assert!(report.error.is_none(), "{:?}", report.error);
    assert_eq!(printed(&report), ["first", "created Ann", "done"]);
}

fn project(dir: &str) -> Vec<(String, String)> {
    let root = format!("{}/tests/projects/{dir}", env!("CARGO_MANIFEST_DIR"));
    crate::support::project_files(std::path::Path::new(&root))
}

#[test]
fn sequelize_clis_models_index_runs_unchanged_over_a_models_folder() {
    let files = project("cli-models");
    let report = assoc_playground::run_project(&files, crate::support::clock());
    assert!(report.error.is_none(), "{:?}", report.error);
    assert_eq!(table_names(&report), ["Posts", "Users"]);
    assert_eq!(printed(&report), [r#"[{"name":"Ann","posts":["Hello"]}]"#]);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
}

#[test]
fn a_pasted_models_folder_is_loaded_as_models_index_would_and_says_so() {
    let files: Vec<(String, String)> = project("cli-models")
        .into_iter()
        .filter(|(path, _)| path == "models/user.js" || path == "models/post.js")
        .collect();
    let report = assoc_playground::run_project(&files, crate::support::clock());
    assert!(report.error.is_none(), "{:?}", report.error);
    assert_eq!(report.models.len(), 2);
    let notes: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("model factory"))
        .map(|d| d.file.clone().unwrap())
        .collect();
    assert_eq!(notes.len(), 2, "{:?}", report.diagnostics);
    assert!(notes.contains(&"models/user.js".to_string()));
}

#[test]
fn an_es_module_model_factory_is_loaded_too() {
    let code = "import { Model } from 'sequelize';\nexport default (sequelize, DataTypes) => {\n  class Book extends Model {\n    static associate(models) { Book.belongsTo(models.Book, { as: 'sequel' }); }\n  }\n  Book.init({ title: DataTypes.STRING }, { sequelize, modelName: 'Book' });\n  return Book;\n};\n";
    let report = assoc_playground::analyze(code);
    assert!(report.error.is_none(), "{:?}", report.error);
    assert_eq!(table_names(&report), ["Books"]);
    assert!(report.models[0]
        .attributes
        .iter()
        .any(|a| a.name == "sequelId"));
}

/// Code written for older Sequelize versions: what Sequelize 6 does with it (nothing, or
/// a TypeError), and a hint that says what changed.
#[test]
fn older_sequelize_code_gets_sequelize_6s_behaviour_and_says_what_changed() {
    let code = "const User = sequelize.define('user', {}, {
  classMethods: { associate(models) { User.hasMany(models.task); } },
  instanceMethods: { greet() { return 'hi'; } },
});
const Task = sequelize.import('./task');";
    let report = assoc_playground::analyze(code);
    let hint_of = |needle: &str| {
        let found = report
            .diagnostics
            .iter()
            .find(|d| d.message.contains(needle));
        found.and_then(|d| d.hint.clone()).unwrap_or_default()
    };
    assert!(hint_of("'classMethods'").starts_with("Sequelize 4 removed classMethods"));
    assert!(hint_of("'instanceMethods'").contains("Model.prototype.greet = function"));
    let error = report.error.as_ref().expect("Sequelize 6 throws");
    assert_eq!(error.message, "sequelize.import is not a function");
    assert!(hint_of("sequelize.import is not a function")
        .contains("require('./user')(sequelize, DataTypes)"));
    assert_eq!(
        table_names(&report),
        ["users"],
        "the associations are not made"
    );
}

/// `require` is a value, as in Node: `require.main === module` tells the file Node was
/// started with from the files it requires, and `require.resolve` names a file.
#[test]
fn require_is_a_function_with_main_and_resolve() {
    let file = |path: &str, code: &str| (path.to_string(), code.to_string());
    let files = [
        file(
            "app.js",
            "const routes = require('./routes');\n\
             const load = require;\n\
             if (require.main === module) console.log('app', routes.isMain, typeof load, require.resolve('./routes'));",
        ),
        file("routes.js", "exports.isMain = require.main === module;"),
    ];
    let report = assoc_playground::run_project(&files, crate::support::clock());
    assert!(report.error.is_none(), "{:?}", report.error);
    assert_eq!(printed(&report), ["app false function /app/routes.js"]);
    let missing = [file("index.js", "require.resolve('./nowhere');")];
    let report = assoc_playground::run_project(&missing, crate::support::clock());
    let error = report.error.expect("Node throws");
    assert_eq!(error.message, "Cannot find module './nowhere'");
}
