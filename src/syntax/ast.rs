//! The syntax tree of the JavaScript subset that Sequelize tutorials use.
//! Every node carries the [`Span`] of the text it came from.

use crate::diagnostic::Span;

#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Stmt {
    /// `const a = 1, { b } = c;` (also `let` and `var`).
    Declare {
        declarations: Vec<Declarator>,
        span: Span,
    },
    Expr {
        expr: Expr,
        span: Span,
    },
    /// `class Pug extends Model {}`; the body's members are not kept.
    Class {
        name: Ident,
        superclass: Option<Expr>,
        span: Span,
    },
    /// `function main() { … }` and `async function main() { … }`.
    Function {
        name: Ident,
        body: Vec<Stmt>,
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
    /// `try { … } catch (e) { … } finally { … }`.
    Try {
        body: Vec<Stmt>,
        handler: Option<(Option<Ident>, Vec<Stmt>)>,
        finalizer: Option<Vec<Stmt>>,
        span: Span,
    },
    /// A statement the playground reads but does not run (`if`, `for`, …); already diagnosed.
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
            | Stmt::Try { span, .. }
            | Stmt::Unsupported { span } => *span,
        }
    }
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

#[derive(Clone, Debug, PartialEq)]
pub enum Pattern {
    Ident(Ident),
    /// `{ DataTypes, Model: Base }`: (property, local name) pairs.
    Object(Vec<(Ident, Ident)>),
    /// `[a, , b]`.
    Array(Vec<Option<Ident>>),
}

impl Pattern {
    /// The names the pattern binds.
    pub fn names(&self) -> Vec<&str> {
        match self {
            Pattern::Ident(ident) => vec![ident.name.as_str()],
            Pattern::Object(pairs) => pairs.iter().map(|(_, local)| local.name.as_str()).collect(),
            Pattern::Array(items) => items.iter().flatten().map(|i| i.name.as_str()).collect(),
        }
    }
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
    Str(String),
    /// A template literal with `${…}`: its text without the substitutions.
    Template(String),
    Bool(bool),
    Null,
    This,
    Regex,
    Array(Vec<Expr>),
    Object(Vec<Property>),
    Member {
        object: Box<Expr>,
        property: Ident,
        optional: bool,
    },
    Index {
        object: Box<Expr>,
        index: Box<Expr>,
    },
    Call {
        callee: Box<Expr>,
        args: Vec<Expr>,
    },
    New {
        callee: Box<Expr>,
        args: Vec<Expr>,
    },
    Await(Box<Expr>),
    Unary {
        op: &'static str,
        operand: Box<Expr>,
    },
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
    Assign {
        op: &'static str,
        target: Box<Expr>,
        value: Box<Expr>,
    },
    /// An arrow function or function expression; `body` holds its statements
    /// (an expression body becomes one `return`).
    Function {
        params: Vec<Ident>,
        body: Vec<Stmt>,
    },
    Spread(Box<Expr>),
    /// A class used as a value: `class extends Model {}`.
    Class,
    /// Stands where the parser could not read an expression (already diagnosed).
    Invalid,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Property {
    pub key: PropertyKey,
    pub value: Expr,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PropertyKey {
    /// `name:`, `'name':`, `42:` and shorthand `name`.
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
            _ => None,
        }
    }
}
