//! Nothing is lost in silence: every construct the playground reads but does not run,
//! and every call on an object it stands in for, has a diagnostic at its place.

use assoc_playground::diagnostic::Severity;

/// (snippet, the text the diagnostic underlines, words of its message, how severe).
const CASES: &[(&str, &str, &str, Severity)] = &[
    (
        "function* ids() { yield 1; }",
        "function* ids() { yield 1; }",
        "does not run generator functions",
        Severity::Warning,
    ),
    (
        "const s = String.raw`a${1}`;",
        "String.raw`a${1}`",
        "does not run tagged templates",
        Severity::Warning,
    ),
    (
        "const P = sequelize.define('p', {}); const T = sequelize.define('t', {}); P.belongsToMany(T, { through: 'PT', scope: { kind: 'x' } });",
        "scope",
        "does not run this association scope yet",
        Severity::Warning,
    ),
    (
        "const big = 10n;",
        "10n",
        "reads a BigInt as a plain number",
        Severity::Warning,
    ),
    (
        "function F() { return new.target; }",
        "new.target",
        "does not run new.target",
        Severity::Warning,
    ),
    (
        "const o = {}; with (o) { }",
        "with",
        "does not run 'with' statements",
        Severity::Warning,
    ),
    (
        "setInterval(() => {}, 10);",
        "setInterval(() => {}, 10)",
        "does not run setInterval",
        Severity::Warning,
    ),
    (
        "const User = sequelize.define('user', {}); User.addHook('afterBulkSync', () => {});",
        "User.addHook('afterBulkSync', () => {})",
        "does not run afterBulkSync hooks yet",
        Severity::Warning,
    ),
    (
        "const User = sequelize.define('user', { n: { type: DataTypes.INTEGER, validate: { isDivisibleBy: 3 } } });",
        "n",
        "does not run these validators of n yet: isDivisibleBy",
        Severity::Warning,
    ),
    (
        "const User = sequelize.define('user', {}); User.describe();",
        "User.describe()",
        "does not run describe() yet",
        Severity::Warning,
    ),
    (
        "sequelize.query('SELECT 1');",
        "sequelize.query('SELECT 1')",
        "does not run sequelize.query() yet",
        Severity::Warning,
    ),
    (
        "const bcrypt = require('bcrypt');",
        "require('bcrypt')",
        "stands in an inert object for 'bcrypt'",
        Severity::Note,
    ),
    (
        "const db = require('./models');",
        "require('./models')",
        "has no file './models'",
        Severity::Warning,
    ),
    (
        "const Pug = sequelize.define('pug', {}); Pug.belongsTo(Owner);",
        "Owner",
        "'Owner' is not defined in this snippet",
        Severity::Warning,
    ),
    (
        "const Pug = db.define('pug', {});",
        "db",
        "takes it for the Sequelize instance",
        Severity::Warning,
    ),
    (
        "const Pug = sequelize.define('pug', { name: DataTypes.STRNG });",
        "STRNG",
        "DataTypes has no type called 'STRNG'",
        Severity::Error,
    ),
];

#[test]
fn every_construct_not_run_is_said_at_its_place() {
    let mut missing = Vec::new();
    for (code, place, words, severity) in CASES {
        let report = assoc_playground::analyze(code);
        let found = report.diagnostics.iter().any(|d| {
            d.message.contains(words) && d.severity == *severity && &code[d.start..d.end] == *place
        });
        if !found {
            missing.push(format!(
                "{code}\n    wanted {severity:?} '{words}' at '{place}'\n    got {:?}",
                report.diagnostics
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// The run of `code` stops with an error whose message holds `words`, at the call that
/// starts with `place`; the report, for more checks.
fn refused_at(code: &str, words: &str, place: &str) -> assoc_playground::report::Report {
    let report = crate::support::run(code);
    let refusal = report
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
        .unwrap_or_else(|| panic!("no error: {:?}", report.diagnostics));
    assert!(refusal.message.contains(words), "{}", refusal.message);
    assert!(code[refusal.start..refusal.end].starts_with(place));
    report
}

#[test]
fn an_operator_not_run_on_a_json_path_is_refused_where_it_is_written() {
    let code = "const Event = sequelize.define('event', { meta: DataTypes.JSON });\nawait sequelize.sync();\nawait Event.findAll({ where: { meta: { tags: { [Op.contains]: ['a'] } } } });";
    refused_at(
        code,
        "does not run Op.contains on a path inside a JSON column yet",
        "Event.findAll",
    );
}

#[test]
fn a_right_join_is_refused_where_it_is_written() {
    let code = "const A = sequelize.define('a', {});\nconst B = sequelize.define('b', {});\nB.belongsTo(A);\nawait sequelize.sync();\nawait B.findAll({ include: { model: A, right: true } });";
    refused_at(code, "right: true (a RIGHT OUTER JOIN)", "B.findAll");
}

#[test]
fn an_array_column_is_refused_at_the_sync_that_creates_its_table() {
    let code = "const Recipe = sequelize.define('recipe', { tags: DataTypes.ARRAY(DataTypes.STRING) });\nawait sequelize.sync({ force: true });\nawait Recipe.create({ tags: ['a'] });";
    let report = refused_at(
        code,
        "does not store DataTypes.ARRAY columns yet (tags)",
        "sequelize.sync",
    );
    let ddl = serde_json::to_value(&report.ddl).unwrap();
    assert!(ddl["postgres"]["createTable"][0]
        .as_str()
        .is_some_and(|sql| sql.contains("\"tags\" VARCHAR(255)[]")));
}

#[test]
fn a_value_the_playground_does_not_model_prints_as_such_never_as_an_empty_object() {
    let code = "const bcrypt = require('bcrypt');\nconsole.log(bcrypt.hashSync('x', 10));\nconsole.log(JSON.stringify({ hash: bcrypt.hashSync('x', 10) }));";
    let report = crate::support::run(code);
    assert_eq!(
        crate::support::printed(&serde_json::to_value(&report).unwrap()),
        [
            "[not modeled: the npm module 'bcrypt']",
            "{\"hash\":\"[not modeled: the npm module 'bcrypt']\"}"
        ]
    );
}

/// Hooks run around `Model.create`, `save`, `update` and `destroy`, and around an
/// association's create (its target's); a belongsToMany create still writes its rows
/// without them, and says so at the call.
#[test]
fn an_association_create_says_it_skips_the_targets_hooks() {
    let code = "const User = sequelize.define('user', {});\n\
        const Post = sequelize.define('post', { title: DataTypes.STRING });\n\
        User.belongsToMany(Post, { through: 'UserPosts' });\n\
        Post.beforeCreate((post) => { post.title = 'x'; });\n\
        await sequelize.sync();\n\
        const ann = await User.create({});\n\
        await ann.createPost({});";
    let report = crate::support::run(code);
    let note = report
        .diagnostics
        .iter()
        .find(|d| {
            d.message
                .contains("does not run Post's hooks for createPost() yet")
        })
        .unwrap_or_else(|| panic!("no note about the skipped hook: {:?}", report.diagnostics));
    assert_eq!(&code[note.start..note.end], "ann.createPost({})");
}

/// A belongsToMany getter runs its target's find hooks, then builds its own find: a
/// `where` a hook wrote in place of the one it was given is not applied, and a
/// warning at the call says so; `hasX()` does not run them yet, and says so too. (hasOne, hasMany and belongsTo getters find with the
/// options as the hooks left them, as Sequelize does: the corpus holds those.)
#[test]
fn a_hook_replacing_what_a_belongs_to_many_getter_builds_is_said_at_the_getter() {
    let code = "const User = sequelize.define('user', {});\n\
        const Team = sequelize.define('team', { active: DataTypes.BOOLEAN });\n\
        User.belongsToMany(Team, { through: 'Members' });\n\
        Team.addHook('beforeFind', (options) => { options.where = { active: true }; });\n\
        await sequelize.sync();\n\
        const ann = await User.create({});\n\
        await ann.getTeams();\n\
        await ann.hasTeam(1);";
    let report = crate::support::run(code);
    let warning = report
        .diagnostics
        .iter()
        .find(|d| {
            d.message
                .contains("A beforeFind hook changed where in the options getTeams() builds")
        })
        .unwrap_or_else(|| panic!("no warning: {:?}", report.diagnostics));
    assert_eq!(&code[warning.start..warning.end], "ann.getTeams()");
    let unhooked = report
        .diagnostics
        .iter()
        .find(|d| {
            d.message
                .contains("does not run Team's find hooks for hasTeam() yet")
        })
        .unwrap_or_else(|| panic!("no warning for hasTeam: {:?}", report.diagnostics));
    assert_eq!(&code[unhooked.start..unhooked.end], "ann.hasTeam(1)");
}
