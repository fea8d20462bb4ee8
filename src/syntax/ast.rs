//! The syntax tree of the JavaScript that Sequelize code is written in: scripts and
//! modules as Node 20 reads them, less what such code never uses (generators, `with`,
//! tagged templates, private `#names` are read and kept as [`Stmt::Unsupported`] /
//! [`ExprKind::Unsupported`], with a diagnostic). Every node carries the [`Span`] of the
//! text it came from. Function and class bodies are behind `Rc`, so a closure made from
//! them at run time shares the tree instead of copying it.

use std::rc::Rc;

use crate::diagnostic::Span;

#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    pub body: Vec<Stmt>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeclKind {
    Const,
    Let,
    Var,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Stmt {
    /// `const a = 1, { b } = c;` (also `let` and `var`).
    Declare {
        kind: DeclKind,
        declarations: Vec<Declarator>,
        span: Span,
    },
    Expr {
        expr: Expr,
        span: Span,
    },
    /// `class Pug extends Model { … }`.
    Class {
        class: Rc<ClassDef>,
        span: Span,
    },
    /// `function main() { … }`, `async function main() { … }`; `function.name` is set.
    Function {
        function: Rc<FunctionDef>,
        span: Span,
    },
    Block {
        body: Vec<Stmt>,
        span: Span,
    },
    Return {
        value: Option<Expr>,
        span: Span,
    },
    If {
        test: Expr,
        then: Box<Stmt>,
        otherwise: Option<Box<Stmt>>,
        span: Span,
    },
    /// `for (init; test; update) body`.
    For {
        init: Option<Box<ForInit>>,
        test: Option<Expr>,
        update: Option<Expr>,
        body: Box<Stmt>,
        span: Span,
    },
    /// `for (const x of xs)`, `for await (const x of xs)`, `for (const k in obj)`.
    ForEach {
        each: ForEachKind,
        /// `None` when the loop assigns to an existing target: `for (x of xs)`.
        kind: Option<DeclKind>,
        target: Pattern,
        iterable: Expr,
        body: Box<Stmt>,
        is_await: bool,
        span: Span,
    },
    While {
        test: Expr,
        body: Box<Stmt>,
        span: Span,
    },
    DoWhile {
        body: Box<Stmt>,
        test: Expr,
        span: Span,
    },
    Switch {
        discriminant: Expr,
        cases: Vec<SwitchCase>,
        span: Span,
    },
    Break {
        label: Option<Ident>,
        span: Span,
    },
    Continue {
        label: Option<Ident>,
        span: Span,
    },
    Throw {
        value: Expr,
        span: Span,
    },
    /// `try { … } catch (e) { … } finally { … }`; the catch parameter may be a pattern
    /// or left out (`catch { … }`).
    Try {
        body: Vec<Stmt>,
        handler: Option<CatchClause>,
        finalizer: Option<Vec<Stmt>>,
        span: Span,
    },
    Labeled {
        label: Ident,
        body: Box<Stmt>,
        span: Span,
    },
    /// `import X, { a as b } from 'mod'`, `import * as ns from 'mod'`, `import 'mod'`.
    Import {
        specifiers: Vec<ImportSpecifier>,
        source: StrLit,
        span: Span,
    },
    /// `export …` in all its forms.
    Export {
        export: Export,
        span: Span,
    },
    /// `;` on its own, `debugger;`.
    Empty {
        span: Span,
    },
    /// A statement the playground reads but does not run; already diagnosed.
    Unsupported {
        span: Span,
    },
}

impl Stmt {
    pub fn span(&self) -> Span {
        match self {
            Stmt::Declare { span, .. }
            | Stmt::Expr { span, .. }
            | Stmt::Class { span, .. }
            | Stmt::Function { span, .. }
            | Stmt::Block { span, .. }
            | Stmt::Return { span, .. }
            | Stmt::If { span, .. }
            | Stmt::For { span, .. }
            | Stmt::ForEach { span, .. }
            | Stmt::While { span, .. }
            | Stmt::DoWhile { span, .. }
            | Stmt::Switch { span, .. }
            | Stmt::Break { span, .. }
            | Stmt::Continue { span, .. }
            | Stmt::Throw { span, .. }
            | Stmt::Try { span, .. }
            | Stmt::Labeled { span, .. }
            | Stmt::Import { span, .. }
            | Stmt::Export { span, .. }
            | Stmt::Empty { span }
            | Stmt::Unsupported { span } => *span,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ForInit {
    Declare {
        kind: DeclKind,
        declarations: Vec<Declarator>,
    },
    Expr(Expr),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ForEachKind {
    Of,
    In,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SwitchCase {
    /// `None` for `default:`.
    pub test: Option<Expr>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CatchClause {
    pub param: Option<Pattern>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StrLit {
    pub value: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ImportSpecifier {
    /// `import X from 'm'`.
    Default(Ident),
    /// `import * as X from 'm'`.
    Namespace(Ident),
    /// `import { imported as local } from 'm'` (`local` equals `imported` without `as`).
    Named { imported: Ident, local: Ident },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Export {
    /// `export const a = 1`, `export function f() {}`, `export class C {}`.
    Declaration(Box<Stmt>),
    /// `export default <expression>` (also `export default function …`/`class …`, whose
    /// names, when present, are bound in the module as well).
    Default(Expr),
    /// `export { a, b as c }` and, with `source`, `export { a } from 'm'`.
    Named {
        specifiers: Vec<ExportSpecifier>,
        source: Option<StrLit>,
    },
    /// `export * from 'm'` and `export * as ns from 'm'`.
    All {
        alias: Option<Ident>,
        source: StrLit,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExportSpecifier {
    pub local: Ident,
    pub exported: Ident,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Declarator {
    pub target: Pattern,
    pub init: Option<Expr>,
    pub span: Span,
}

/// What a declaration, a parameter or a destructuring assignment binds.
#[derive(Clone, Debug, PartialEq)]
pub enum Pattern {
    Ident(Ident),
    /// `{ a, b: c, [k]: d = 1, ...rest }`.
    Object {
        properties: Vec<PatternProperty>,
        rest: Option<Box<Pattern>>,
        span: Span,
    },
    /// `[a, , b = 2, ...rest]`.
    Array {
        elements: Vec<Option<Pattern>>,
        rest: Option<Box<Pattern>>,
        span: Span,
    },
    /// `target = default`.
    Default {
        target: Box<Pattern>,
        default: Box<Expr>,
        span: Span,
    },
    /// A member expression as an assignment target: `[obj.a, obj[k]] = …`
    /// (only in assignments and `for (x.y of …)`).
    Expr(Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct PatternProperty {
    pub key: PropertyKey,
    pub value: Pattern,
    pub span: Span,
}

impl Pattern {
    pub fn span(&self) -> Span {
        match self {
            Pattern::Ident(ident) => ident.span,
            Pattern::Object { span, .. }
            | Pattern::Array { span, .. }
            | Pattern::Default { span, .. } => *span,
            Pattern::Expr(expr) => expr.span,
        }
    }

    /// The names the pattern binds, in source order.
    pub fn names(&self) -> Vec<&Ident> {
        let mut names = Vec::new();
        self.collect_names(&mut names);
        names
    }

    fn collect_names<'a>(&'a self, names: &mut Vec<&'a Ident>) {
        match self {
            Pattern::Ident(ident) => names.push(ident),
            Pattern::Object {
                properties, rest, ..
            } => {
                for property in properties {
                    property.value.collect_names(names);
                }
                if let Some(rest) = rest {
                    rest.collect_names(names);
                }
            }
            Pattern::Array { elements, rest, .. } => {
                for element in elements.iter().flatten() {
                    element.collect_names(names);
                }
                if let Some(rest) = rest {
                    rest.collect_names(names);
                }
            }
            Pattern::Default { target, .. } => target.collect_names(names),
            Pattern::Expr(_) => {}
        }
    }
}

/// A function of any form: declaration, expression, arrow, method, getter, setter,
/// class constructor.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    /// The declared name (`function main`), or `None` (the interpreter names anonymous
    /// functions after what they are assigned to, as JavaScript does).
    pub name: Option<Ident>,
    /// Each parameter; a default value is a [`Pattern::Default`].
    pub params: Vec<Pattern>,
    /// `...rest`.
    pub rest: Option<Pattern>,
    /// The statements; an arrow's expression body is one [`Stmt::Return`].
    pub body: Vec<Stmt>,
    pub is_arrow: bool,
    pub is_async: bool,
    /// `function*`: read, not run.
    pub is_generator: bool,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub name: Option<Ident>,
    pub superclass: Option<Expr>,
    pub members: Vec<ClassMember>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassMember {
    pub key: PropertyKey,
    pub is_static: bool,
    pub kind: ClassMemberKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ClassMemberKind {
    /// `constructor(…) { … }` (its key is `constructor`).
    Constructor(Rc<FunctionDef>),
    Method(Rc<FunctionDef>),
    Getter(Rc<FunctionDef>),
    Setter(Rc<FunctionDef>),
    /// `name = value;` or `name;`.
    Field(Option<Expr>),
    /// `static { … }`.
    StaticBlock(Vec<Stmt>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Ident(String),
    Number(f64),
    /// `123n`, as its digits.
    BigInt(String),
    Str(String),
    /// A template literal: `quasis` has one more element than `exprs`
    /// (`` `a${x}b` `` is `["a", "b"]` and `[x]`), escapes resolved.
    Template {
        quasis: Vec<String>,
        exprs: Vec<Expr>,
    },
    Bool(bool),
    Null,
    This,
    /// `super` as in `super.init(…)` and `super(…)`.
    Super,
    Regex {
        pattern: String,
        flags: String,
    },
    /// `[a, , ...b]`: `None` is a hole.
    Array(Vec<Option<Expr>>),
    Object(Vec<Property>),
    /// `a.b` and `a?.b`.
    Member {
        object: Box<Expr>,
        property: Ident,
        optional: bool,
    },
    /// `a[b]` and `a?.[b]`.
    Index {
        object: Box<Expr>,
        index: Box<Expr>,
        optional: bool,
    },
    /// `f(x)` and `f?.(x)`.
    Call {
        callee: Box<Expr>,
        args: Vec<Expr>,
        optional: bool,
    },
    New {
        callee: Box<Expr>,
        args: Vec<Expr>,
    },
    Await(Box<Expr>),
    /// `!`, `-`, `+`, `~`, `typeof`, `void`, `delete`.
    Unary {
        op: &'static str,
        operand: Box<Expr>,
    },
    /// `++x`, `x--`.
    Update {
        op: &'static str,
        prefix: bool,
        target: Box<Expr>,
    },
    /// Arithmetic, comparison, bitwise, `in`, `instanceof`, and the logical `&&`, `||`,
    /// `??` (which do not evaluate `right` when `left` decides).
    Binary {
        op: &'static str,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    Conditional {
        test: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    /// `target op value`, `op` one of `=`, `+=`, …, `&&=`, `||=`, `??=`.
    Assign {
        op: &'static str,
        target: Box<Pattern>,
        value: Box<Expr>,
    },
    /// `a, b`.
    Sequence(Vec<Expr>),
    Function(Rc<FunctionDef>),
    Class(Rc<ClassDef>),
    /// `...x` in arrays and arguments.
    Spread(Box<Expr>),
    /// `import('m')`.
    Import(Box<Expr>),
    /// `new.target`, `import.meta`, tagged templates, `yield`, `#private` … : read, not run;
    /// already diagnosed.
    Unsupported,
    /// Stands where the parser could not read an expression (already diagnosed).
    Invalid,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Property {
    pub key: PropertyKey,
    pub value: PropertyValue,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PropertyValue {
    /// `key: value` and shorthand `key` (whose value is the identifier).
    Init(Expr),
    /// `key() { … }`, `async key() { … }`.
    Method(Rc<FunctionDef>),
    Getter(Rc<FunctionDef>),
    Setter(Rc<FunctionDef>),
    /// `...value` (the key is [`PropertyKey::Spread`]).
    Spread(Expr),
}

#[derive(Clone, Debug, PartialEq)]
pub enum PropertyKey {
    /// `name:`, `'name':`, `42:` (as its `Number::toString` text) and shorthand `name`.
    Named(Ident),
    /// `[Op.gt]:`.
    Computed(Expr),
    /// `...rest`.
    Spread,
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }

    /// The dotted path of a plain member chain: `DataTypes.INTEGER.UNSIGNED`.
    pub fn path(&self) -> Option<Vec<&str>> {
        match &self.kind {
            ExprKind::Ident(name) => Some(vec![name.as_str()]),
            ExprKind::This => Some(vec!["this"]),
            ExprKind::Member {
                object, property, ..
            } => {
                let mut path = object.path()?;
                path.push(property.name.as_str());
                Some(path)
            }
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            ExprKind::Str(s) => Some(s),
            ExprKind::Template { quasis, exprs } if exprs.is_empty() => {
                quasis.first().map(String::as_str)
            }
            _ => None,
        }
    }
}

impl Property {
    /// The value of a `key: value` (or shorthand) property.
    pub fn init(&self) -> Option<&Expr> {
        match &self.value {
            PropertyValue::Init(expr) => Some(expr),
            _ => None,
        }
    }

    /// The key's name when it is written out (`name:`, `'name':`).
    pub fn name(&self) -> Option<&str> {
        match &self.key {
            PropertyKey::Named(ident) => Some(&ident.name),
            _ => None,
        }
    }
}
