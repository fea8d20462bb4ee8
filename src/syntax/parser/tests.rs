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

const MODELS_INDEX: &str = r#"'use strict';

const fs = require('fs');
const path = require('path');
const Sequelize = require('sequelize');
const process = require('process');
const basename = path.basename(__filename);
const env = process.env.NODE_ENV || 'development';
const config = require(__dirname + '/../config/config.json')[env];
const db = {};

let sequelize;
if (config.use_env_variable) {
  sequelize = new Sequelize(process.env[config.use_env_variable], config);
} else {
  sequelize = new Sequelize(config.database, config.username, config.password, config);
}

fs
  .readdirSync(__dirname)
  .filter(file => {
    return (
      file.indexOf('.') !== 0 &&
      file !== basename &&
      file.slice(-3) === '.js' &&
      file.indexOf('.test.js') === -1
    );
  })
  .forEach(file => {
    const model = require(path.join(__dirname, file))(sequelize, Sequelize.DataTypes);
    db[model.name] = model;
  });

Object.keys(db).forEach(modelName => {
  if (db[modelName].associate) {
    db[modelName].associate(db);
  }
});

db.sequelize = sequelize;
db.Sequelize = Sequelize;

module.exports = db;
"#;

const CLASS_MODEL: &str = r#"'use strict';
const { Model } = require('sequelize');
module.exports = (sequelize, DataTypes) => {
  class User extends Model {
    /**
     * Helper method for defining associations.
     */
    static associate(models) {
      User.hasMany(models.Post, { foreignKey: 'userId' });
    }
  }
  User.init({
    firstName: DataTypes.STRING,
    email: { type: DataTypes.STRING, allowNull: false, validate: { isEmail: true } },
  }, {
    sequelize,
    modelName: 'User',
  });
  return User;
};
"#;

#[test]
fn sequelize_cli_models_index_reads_without_diagnostics() {
    let program = parse_ok(MODELS_INDEX);
    assert_eq!(program.body.len(), 16);
    assert!(matches!(program.body[10], Stmt::If { .. }));
    let Stmt::Expr { expr, .. } = program.body.last().unwrap() else {
        panic!()
    };
    let ExprKind::Assign { target, .. } = &expr.kind else {
        panic!()
    };
    assert!(matches!(**target, Pattern::Expr(_)));
}

#[test]
fn sequelize_cli_class_model_reads_without_diagnostics() {
    let program = parse_ok(CLASS_MODEL);
    let Stmt::Expr { expr, .. } = &program.body[2] else {
        panic!()
    };
    let ExprKind::Assign { value, .. } = &expr.kind else {
        panic!()
    };
    let ExprKind::Function(f) = &value.kind else {
        panic!()
    };
    assert!(f.is_arrow);
    assert_eq!(f.params.len(), 2);
    let Stmt::Class { class, .. } = &f.body[0] else {
        panic!()
    };
    assert_eq!(class.name.as_ref().unwrap().name, "User");
    assert_eq!(class.members.len(), 1);
    assert!(class.members[0].is_static);
    assert!(matches!(class.members[0].kind, ClassMemberKind::Method(_)));
    assert!(matches!(f.body[2], Stmt::Return { .. }));
}

#[test]
fn every_prefix_parses_without_panic() {
    for src in [MODELS_INDEX, CLASS_MODEL, "const { a = 1, b: [c, , ...d], ...e } = f; for await (const x of y) { `t${x}u${`v${w}`}` }"] {
        let mut end = 0;
        while end <= src.len() {
            if src.is_char_boundary(end) {
                let _ = parse(&src[..end]);
            }
            end += 1;
        }
    }
}

fn first_expr(src: &str) -> Expr {
    let program = parse_ok(src);
    match program.body.into_iter().next() {
        Some(Stmt::Expr { expr, .. }) => expr,
        other => panic!("{other:?}"),
    }
}

fn declarator(src: &str) -> Declarator {
    let program = parse_ok(src);
    match program.body.into_iter().next() {
        Some(Stmt::Declare {
            mut declarations, ..
        }) => declarations.remove(0),
        other => panic!("{other:?}"),
    }
}

#[test]
fn destructuring_declarations() {
    let d = declarator("const { a, b: { c }, [k]: d = 1, ...rest } = obj;");
    let Pattern::Object {
        properties,
        rest,
        span,
    } = &d.target
    else {
        panic!()
    };
    assert_eq!(properties.len(), 3);
    assert!(matches!(properties[2].key, PropertyKey::Computed(_)));
    assert!(matches!(properties[2].value, Pattern::Default { .. }));
    assert!(rest.is_some());
    assert_eq!(*span, Span::new(6, 42));
    let names: Vec<&str> = d.target.names().iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["a", "c", "d", "rest"]);
    let d = declarator("let [x, , y = 2, ...zs] = list");
    let Pattern::Array { elements, rest, .. } = &d.target else {
        panic!()
    };
    assert_eq!(elements.len(), 3);
    assert!(elements[1].is_none());
    assert!(rest.is_some());
}

#[test]
fn const_without_initializer_is_v8s_error() {
    let (_, diagnostics) = parse("const a;");
    assert_eq!(
        diagnostics[0].message,
        "Missing initializer in const declaration"
    );
}

#[test]
fn destructuring_assignment_converts_literals() {
    let e = first_expr("[a, b] = [b, a];");
    let ExprKind::Assign { target, .. } = &e.kind else {
        panic!()
    };
    assert!(matches!(**target, Pattern::Array { .. }));
    let e = first_expr("({ a, b: obj.c = 3 } = x);");
    let ExprKind::Assign { target, .. } = &e.kind else {
        panic!()
    };
    let Pattern::Object { properties, .. } = &**target else {
        panic!()
    };
    let Pattern::Default { target, .. } = &properties[1].value else {
        panic!()
    };
    assert!(matches!(**target, Pattern::Expr(_)));
    let (_, diagnostics) = parse("1 = 2;");
    assert_eq!(
        diagnostics[0].message,
        "Invalid destructuring assignment target"
    );
    let (_, diagnostics) = parse("x = { a = 1 };");
    assert_eq!(
        diagnostics[0].message,
        "Invalid shorthand property initializer"
    );
    parse_ok("({ a = 1 } = {});");
}

#[test]
fn control_flow_statements() {
    let program = parse_ok(
        "if (a) b(); else if (c) { d() } else e()\n\
         for (let i = 0, n = xs.length; i < n; i++) {}\n\
         for (;;) break;\n\
         for (const [k, v] of Object.entries(o)) continue;\n\
         for (k in o) {}\n\
         for (x.y of z) {}\n\
         while (x--) {}\n\
         do { x++ } while (x < 3) y();\n\
         switch (x) { case 1: case 2: f(); break; default: g() }\n\
         outer: for (;;) { break outer; }\n\
         try { f() } catch { } finally { g() }\n\
         try { f() } catch ({ message }) { }\n\
         throw new Error('x');\n\
         debugger;\n\
         ;",
    );
    let kinds: Vec<&str> = program
        .body
        .iter()
        .map(|s| match s {
            Stmt::If { .. } => "if",
            Stmt::For { .. } => "for",
            Stmt::ForEach { .. } => "each",
            Stmt::While { .. } => "while",
            Stmt::DoWhile { .. } => "do",
            Stmt::Expr { .. } => "expr",
            Stmt::Switch { .. } => "switch",
            Stmt::Labeled { .. } => "label",
            Stmt::Try { .. } => "try",
            Stmt::Throw { .. } => "throw",
            Stmt::Empty { .. } => "empty",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "if", "for", "for", "each", "each", "each", "while", "do", "expr", "switch", "label",
            "try", "try", "throw", "empty", "empty"
        ]
    );
    let Stmt::Switch { cases, .. } = &program.body[9] else {
        panic!()
    };
    assert_eq!(cases.len(), 3);
    assert!(cases[2].test.is_none());
}

#[test]
fn for_in_initializer_does_not_read_in_as_operator() {
    let program = parse_ok("for (const k in o) {}\nfor (let i = ('a' in o) ? 1 : 2; i;) {}");
    let Stmt::ForEach { each, kind, .. } = &program.body[0] else {
        panic!()
    };
    assert_eq!((*each, *kind), (ForEachKind::In, Some(DeclKind::Const)));
    assert!(matches!(program.body[1], Stmt::For { .. }));
}

#[test]
fn statement_spans_include_the_semicolon() {
    let program = parse_ok("  const a = 1;  f(a) ;\nreturn");
    assert_eq!(program.body[0].span(), Span::new(2, 14));
    assert_eq!(program.body[1].span(), Span::new(16, 22));
}

#[test]
fn automatic_semicolons_and_restricted_productions() {
    let program = parse_ok("function f() {\n  return\n  42\n}\nlet a = 1\nlet b = a\n++b\nx\n(y)");
    let Stmt::Function { function, .. } = &program.body[0] else {
        panic!()
    };
    assert!(matches!(function.body[0], Stmt::Return { value: None, .. }));
    assert_eq!(function.body.len(), 2);
    let Stmt::Expr { expr, .. } = &program.body[3] else {
        panic!()
    };
    assert!(matches!(expr.kind, ExprKind::Update { prefix: true, .. }));
    // `x\n(y)` is a call, as in JavaScript.
    let Stmt::Expr { expr, .. } = &program.body[4] else {
        panic!()
    };
    assert!(matches!(expr.kind, ExprKind::Call { .. }));
    let (_, diagnostics) = parse("throw\nnew Error()");
    assert_eq!(diagnostics[0].message, "Illegal newline after throw");
    let (_, diagnostics) = parse("a b");
    assert_eq!(
        diagnostics[0].message,
        "Unexpected identifier 'b': expected ';' or a line break"
    );
}

#[test]
fn precedence_and_operators() {
    let e = first_expr("a ?? b || c;");
    let _ = e;
    let e = first_expr("2 ** 3 ** 2");
    let ExprKind::Binary {
        op: "**", right, ..
    } = &e.kind
    else {
        panic!()
    };
    assert!(matches!(right.kind, ExprKind::Binary { op: "**", .. }));
    let e = first_expr("a = b ? c : d, e");
    assert!(matches!(e.kind, ExprKind::Sequence(ref items) if items.len() == 2));
    for op in ["&&=", "||=", "??=", "+=", "**=", ">>>="] {
        let e = first_expr(&format!("x.y {op} 1"));
        assert!(matches!(e.kind, ExprKind::Assign { op: o, .. } if o == op));
    }
    let e = first_expr("typeof void delete !-+~x");
    assert!(matches!(e.kind, ExprKind::Unary { op: "typeof", .. }));
    let e = first_expr("a?.b?.[c]?.(d)");
    assert!(matches!(e.kind, ExprKind::Call { optional: true, .. }));
    let e = first_expr("new a.b.C");
    let ExprKind::New { callee, args } = &e.kind else {
        panic!()
    };
    assert_eq!(callee.path(), Some(vec!["a", "b", "C"]));
    assert!(args.is_empty());
    let e = first_expr("new Foo(1).bar()");
    assert!(matches!(e.kind, ExprKind::Call { .. }));
    let (_, diagnostics) = parse("1++");
    assert!(diagnostics[0].message.contains("Invalid left-hand side"));
}

#[test]
fn literals() {
    let (program, diagnostics) = parse("123n");
    let Stmt::Expr { expr, .. } = &program.body[0] else {
        panic!()
    };
    assert!(matches!(expr.kind, ExprKind::BigInt(ref d) if d == "123"));
    assert!(diagnostics[0].message.contains("BigInt"), "{diagnostics:?}");
    assert!(matches!(first_expr("0x10").kind, ExprKind::Number(n) if n == 16.0));
    assert!(
        matches!(first_expr("/a+/g").kind, ExprKind::Regex { ref pattern, ref flags } if pattern == "a+" && flags == "g")
    );
    assert!(matches!(first_expr("'\\u{41}\\x42\\n'").kind, ExprKind::Str(ref s) if s == "AB\n"));
    let e = first_expr("[1, , ...xs]");
    let ExprKind::Array(items) = &e.kind else {
        panic!()
    };
    assert!(items[1].is_none());
    assert!(matches!(
        items[2],
        Some(Expr {
            kind: ExprKind::Spread(_),
            ..
        })
    ));
    let e = first_expr("({ a, 'b-c': 1, 42: 2, 1.5: 3, [k]: 4, ...o, m() {}, async n() {}, get p() { return 1 }, set p(v) {}, get: 1, set() {}, async: 2 })");
    let ExprKind::Object(props) = &e.kind else {
        panic!()
    };
    let names: Vec<Option<&str>> = props.iter().map(|p| p.name()).collect();
    assert_eq!(
        names,
        [
            Some("a"),
            Some("b-c"),
            Some("42"),
            Some("1.5"),
            None,
            None,
            Some("m"),
            Some("n"),
            Some("p"),
            Some("p"),
            Some("get"),
            Some("set"),
            Some("async")
        ]
    );
    assert!(matches!(props[7].value, PropertyValue::Method(ref f) if f.is_async));
    assert!(matches!(props[8].value, PropertyValue::Getter(_)));
    assert!(matches!(props[9].value, PropertyValue::Setter(_)));
    assert!(matches!(props[11].value, PropertyValue::Method(_)));
}

#[test]
fn templates_with_substitutions() {
    let e = first_expr("`a${x}b${ `n${y}` }c`");
    let ExprKind::Template { quasis, exprs } = &e.kind else {
        panic!()
    };
    assert_eq!(quasis, &["a", "b", "c"]);
    assert_eq!(exprs.len(), 2);
    assert!(matches!(exprs[1].kind, ExprKind::Template { .. }));
    assert_eq!(e.span, Span::new(0, 21));
    let (program, diagnostics) = parse("sql`select ${x}`;");
    assert_eq!(
        diagnostics[0].message,
        "The playground does not run tagged templates"
    );
    let Stmt::Expr { expr, .. } = &program.body[0] else {
        panic!()
    };
    assert!(matches!(expr.kind, ExprKind::Unsupported));
}

#[test]
fn arrows_and_functions() {
    for (src, params, rest, is_async) in [
        ("x => x", 1, false, false),
        ("() => {}", 0, false, false),
        ("(a, { b } = {}, [c], ...d) => a", 3, true, false),
        ("async x => x", 1, false, true),
        ("async (a) => { await a }", 1, false, true),
        ("(async function named(a = 1) {})", 1, false, true),
        ("(function () {})", 0, false, false),
    ] {
        let e = first_expr(src);
        let ExprKind::Function(f) = &e.kind else {
            panic!("{src}")
        };
        assert_eq!(
            (f.params.len(), f.rest.is_some(), f.is_async),
            (params, rest, is_async),
            "{src}"
        );
        let inner = if src.starts_with("(async f") || src.starts_with("(f") {
            &src[1..src.len() - 1]
        } else {
            src
        };
        assert_eq!(&src[f.span.start..f.span.end], inner, "{src}");
    }
    let ExprKind::Function(f) = first_expr("x => x + 1").kind else {
        panic!()
    };
    assert!(matches!(f.body[..], [Stmt::Return { value: Some(_), .. }]));
    let (program, diagnostics) = parse("function* g() { yield 1; yield* other(); }");
    assert_eq!(diagnostics.len(), 1);
    let Stmt::Function { function, .. } = &program.body[0] else {
        panic!()
    };
    assert!(function.is_generator);
    let Stmt::Expr { expr, .. } = &function.body[0] else {
        panic!()
    };
    assert!(matches!(expr.kind, ExprKind::Unsupported));
}

#[test]
fn class_members() {
    let src = "class A extends mixin(B) {\n  static x = 1;\n  y\n  #p = 2;\n  constructor(a) { super(a); this.a = a }\n  static async m() {}\n  get v() { return super.v }\n  set v(x) {}\n  [Symbol.iterator]() {}\n  static { init() }\n  static() {}\n  get = 3\n}";
    let (program, diagnostics) = parse(src);
    // Private members run (as properties no listing shows): nothing to say.
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let Stmt::Class { class, span } = &program.body[0] else {
        panic!()
    };
    assert_eq!(*span, class.span);
    assert!(matches!(
        class.superclass,
        Some(Expr {
            kind: ExprKind::Call { .. },
            ..
        })
    ));
    let kinds: Vec<String> = class
        .members
        .iter()
        .map(|m| {
            format!(
                "{}{:?}",
                if m.is_static { "static " } else { "" },
                std::mem::discriminant(&m.kind)
            )
        })
        .collect();
    assert_eq!(kinds.len(), 11);
    assert!(matches!(
        class.members[0].kind,
        ClassMemberKind::Field(Some(_))
    ));
    assert!(matches!(
        class.members[1].kind,
        ClassMemberKind::Field(None)
    ));
    assert!(matches!(
        class.members[3].kind,
        ClassMemberKind::Constructor(_)
    ));
    assert!(matches!(class.members[4].kind, ClassMemberKind::Method(ref f) if f.is_async));
    assert!(matches!(class.members[5].kind, ClassMemberKind::Getter(_)));
    assert!(matches!(class.members[6].kind, ClassMemberKind::Setter(_)));
    assert!(matches!(class.members[7].key, PropertyKey::Computed(_)));
    assert!(matches!(
        class.members[8].kind,
        ClassMemberKind::StaticBlock(_)
    ));
    assert!(
        matches!(class.members[9].kind, ClassMemberKind::Method(_)) && !class.members[9].is_static
    );
    assert!(matches!(
        class.members[10].kind,
        ClassMemberKind::Field(Some(_))
    ));
    assert_eq!(
        &src[class.members[4].span.start..class.members[4].span.end],
        "static async m() {}"
    );
    let e = first_expr("(class extends Model {})");
    assert!(matches!(e.kind, ExprKind::Class(ref c) if c.name.is_none()));
}

#[test]
fn modules() {
    let program = parse_ok(
        "import Sequelize, { DataTypes, Op as O } from 'sequelize';\n\
         import * as fs from 'fs';\n\
         import 'dotenv/config';\n\
         export const a = 1;\n\
         export default function () {}\n\
         export default class {}\n\
         export default a + 1;\n\
         export { a as b, c };\n\
         export { x } from 'm';\n\
         export * from 'm';\n\
         export * as ns from 'm';\n\
         const m = await import('./m.js');",
    );
    let Stmt::Import {
        specifiers, source, ..
    } = &program.body[0]
    else {
        panic!()
    };
    assert_eq!(source.value, "sequelize");
    assert_eq!(specifiers.len(), 3);
    assert!(
        matches!(&specifiers[2], ImportSpecifier::Named { imported, local } if imported.name == "Op" && local.name == "O")
    );
    assert!(
        matches!(&program.body[1], Stmt::Import { specifiers, .. } if matches!(specifiers[0], ImportSpecifier::Namespace(_)))
    );
    assert!(matches!(&program.body[2], Stmt::Import { specifiers, .. } if specifiers.is_empty()));
    assert!(matches!(
        &program.body[3],
        Stmt::Export {
            export: Export::Declaration(_),
            ..
        }
    ));
    assert!(matches!(
        &program.body[4],
        Stmt::Export {
            export: Export::Default(Expr {
                kind: ExprKind::Function(_),
                ..
            }),
            ..
        }
    ));
    assert!(matches!(
        &program.body[5],
        Stmt::Export {
            export: Export::Default(Expr {
                kind: ExprKind::Class(_),
                ..
            }),
            ..
        }
    ));
    assert!(matches!(
        &program.body[6],
        Stmt::Export {
            export: Export::Default(_),
            ..
        }
    ));
    assert!(
        matches!(&program.body[7], Stmt::Export { export: Export::Named { source: None, specifiers }, .. } if specifiers[0].exported.name == "b")
    );
    assert!(matches!(
        &program.body[8],
        Stmt::Export {
            export: Export::Named {
                source: Some(_),
                ..
            },
            ..
        }
    ));
    assert!(matches!(
        &program.body[9],
        Stmt::Export {
            export: Export::All { alias: None, .. },
            ..
        }
    ));
    assert!(matches!(
        &program.body[10],
        Stmt::Export {
            export: Export::All { alias: Some(_), .. },
            ..
        }
    ));
    let Stmt::Declare { declarations, .. } = &program.body[11] else {
        panic!()
    };
    let ExprKind::Await(inner) = &declarations[0].init.as_ref().unwrap().kind else {
        panic!()
    };
    assert!(matches!(inner.kind, ExprKind::Import(_)));
}

#[test]
fn contextual_keywords_are_names() {
    parse_ok("const from = 1, of = 2, as = 3, get = 4, set = 5, async = 6;\nobj.static = obj.class + obj.new;\nlet x = { get: 1, set: 2, static: 3, default: 4, if: 5 };\nfor (const of of ofs) {}\nasync(1);\nlet let2 = 1");
}

#[test]
fn unsupported_meta_properties_are_diagnosed() {
    let (_, diagnostics) = parse("function F() { new.target; import.meta.url; }");
    assert_eq!(diagnostics.len(), 2, "{diagnostics:?}");
}

/// Nesting refused at [`MAX_NESTING`] fits in 512 KiB of stack when optimised (the web
/// page's wasm has 1 MiB); unoptimised frames are several times larger.
#[test]
fn deep_nesting_fits_a_small_stack() {
    let stack = if cfg!(debug_assertions) {
        4 << 20
    } else {
        512 << 10
    };
    let handle = std::thread::Builder::new()
        .stack_size(stack)
        .spawn(|| {
            let inputs = [
                "[".repeat(200),
                "{ a: ".repeat(200),
                "f(".repeat(200),
                "x => ".repeat(200),
                "if (a) { ".repeat(200),
                "function f() { ".repeat(200),
                "(a = [{ b: () => { ".repeat(100),
                "`${".repeat(200),
                "const [".repeat(200),
                "class A { m() { ".repeat(200),
                "a ? ".repeat(200),
                "-".repeat(200),
            ];
            for src in inputs {
                let (_, diagnostics) = parse(&src);
                assert!(!diagnostics.is_empty());
            }
        })
        .unwrap();
    handle.join().unwrap();
}

#[test]
fn class_fields_end_at_line_breaks_and_semicolons() {
    let program = parse_ok("class A {\n  x = 1\n  y = 2;\n  static\n  z() {}\n}");
    let Stmt::Class { class, .. } = &program.body[0] else {
        panic!()
    };
    assert_eq!(class.members.len(), 3);
    assert!(class.members[2].is_static);
}

#[test]
fn a_line_break_does_not_end_a_statement_that_goes_on() {
    let program = parse_ok("const a = b\n  .c()\n  [0]\nlet d = 1");
    assert_eq!(program.body.len(), 2);
}

#[test]
fn recovery_keeps_wording_and_reads_on() {
    let (program, diagnostics) = parse("const a = ;\nconst b = 2;\n}\nf(");
    let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "Unexpected token ';': expected an expression",
            "Unexpected token '}': there is no '{' for it to close",
            "Unexpected end of input: expected an expression",
        ]
    );
    assert!(matches!(program.body[1], Stmt::Declare { .. }));
}

#[test]
fn realistic_snippets_read_without_errors() {
    for src in [
        "app.get('/users/:id', async (req, res, next) => {\n  try {\n    const { id } = req.params;\n    const user = await User.findByPk(id, { include: [{ model: Post, as: 'posts' }] });\n    if (!user) return res.status(404).json({ error: `User ${id} not found` });\n    res.json(user?.toJSON?.() ?? {});\n  } catch (err) {\n    next(err);\n  }\n});",
        "const users = await User.findAll({ where: { [Op.or]: [{ a: 5 }, { b: 6 }], age: { [Op.gte]: 18 } }, order: [['createdAt', 'DESC']], limit: 10 });\nfor await (const u of users) console.log(u.name)\nlabel: for (const [i, x] of xs.entries()) { if (i % 2) continue label; else break }",
        "class Money {\n  #cents = 0;\n  static from(x) { return new Money(x) }\n  get dollars() { return this.#cents / 100 }\n  set dollars(v) { this.#cents = Math.round(v * 100) }\n}",
        "const sum = (...xs) => xs.reduce((a, b) => a + b, 0);\nlet { a = 1, b: { c } = {} } = opts, [d = 2] = arr;\nx ??= 3; y ||= 4; z &&= 5;\nconst re = /^[a-z]+\\/\\d+$/i.test(s);\nconst big = 10n ** 20n;\nswitch (t) { case 'a': { f(); break } default: }\ndo x++; while (x < 10)\nconsole.log(typeof x === 'undefined' ? void 0 : delete o[k]);",
        "module.exports = {\n  up: async (queryInterface, Sequelize) => {\n    await queryInterface.createTable('Users', {\n      id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.INTEGER },\n      createdAt: { allowNull: false, type: Sequelize.DATE }\n    });\n  },\n  async down(queryInterface, Sequelize) {\n    await queryInterface.dropTable('Users');\n  }\n};",
    ] {
        let (_, d) = parse(src);
        let d: Vec<_> = d
            .iter()
            .filter(|d| d.severity == crate::diagnostic::Severity::Error)
            .collect();
        assert!(d.is_empty(), "{src}\n{d:?}");
    }
}
