//! The parser's tests: the tree for each construct family, automatic semicolons,
//! recovery, and no panic on truncated input.

use super::*;

fn parse_ok(src: &str) -> Program {
    let (program, diagnostics) = parse(src);
    assert!(
        diagnostics.is_empty(),
        "unexpected diagnostics: {diagnostics:?}"
    );
    program
}

#[test]
fn define_with_options() {
    let program = parse_ok(
        "const { DataTypes } = require('sequelize');\n\
         const Pug = sequelize.define('pug', { name: DataTypes.STRING(255), }, { timestamps: false });",
    );
    assert_eq!(program.body.len(), 2);
}

#[test]
fn class_init_and_arrow_iife() {
    let program = parse_ok(
        "class User extends Model {}\nUser.init({ a: { type: DataTypes.INTEGER } }, { sequelize });\n\
         (async () => { await sequelize.sync(); })();",
    );
    assert!(matches!(program.body[0], Stmt::Class { .. }));
    assert_eq!(program.body.len(), 3);
}

#[test]
fn missing_comma_between_lines_is_reported_and_read_through() {
    let src = "await Stories.create({\n  created_by: 1 // user id\n  title: 'x',\n});";
    let (program, diagnostics) = parse(src);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(diagnostics[0].message.starts_with("Missing ','"));
    let Stmt::Expr { expr, .. } = &program.body[0] else {
        panic!()
    };
    let ExprKind::Await(call) = &expr.kind else {
        panic!()
    };
    let ExprKind::Call { args, .. } = &call.kind else {
        panic!()
    };
    let ExprKind::Object(props) = &args[0].kind else {
        panic!()
    };
    assert_eq!(props.len(), 2);
}

#[test]
fn a_broken_statement_does_not_hide_the_next_one() {
    let (program, diagnostics) = parse("const A = sequelize.define('a', {\nconst B = 1;");
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(matches!(program.body.last(), Some(Stmt::Declare { .. })));
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    for src in [
        "[".repeat(10_000),
        "{".repeat(10_000),
        "(".repeat(10_000),
        "if (a) ".repeat(5_000),
        "!".repeat(10_000),
        "a = ".repeat(10_000),
        "x => ".repeat(10_000),
        "`${".repeat(5_000),
    ] {
        let (_, diagnostics) = parse(&src);
        assert!(!diagnostics.is_empty());
    }
}
