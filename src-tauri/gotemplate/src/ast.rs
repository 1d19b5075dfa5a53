//! The parse tree, shaped like Go's `text/template/parse` nodes so the executor can follow Go's
//! evaluation rules one node kind at a time. `Display` reproduces Go's `Node.String()`, which Go
//! quotes in error messages (`executing "join" at <.Nope>`).

use std::fmt;

use super::stack::deep;

/// A Go number literal with every reading Go allows (`NumberNode`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Number {
    pub pos: usize,
    pub text: String,
    pub is_int: bool,
    pub is_uint: bool,
    pub is_float: bool,
    pub is_complex: bool,
    pub int: i64,
    pub uint: u64,
    pub float: f64,
    pub complex: (f64, f64),
}

/// An operand: Go's argument node kinds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Arg {
    Identifier {
        pos: usize,
        name: String,
    },
    Dot {
        pos: usize,
    },
    Nil {
        pos: usize,
    },
    /// `$`, `$x`, `$x.A.B`: `ident[0]` is the variable.
    Variable {
        pos: usize,
        ident: Vec<String>,
    },
    /// `.A.B` → `["A", "B"]`.
    Field {
        pos: usize,
        ident: Vec<String>,
    },
    Bool {
        pos: usize,
        val: bool,
    },
    Number(Box<Number>),
    String {
        pos: usize,
        quoted: String,
        text: std::rc::Rc<[u8]>,
    },
    Pipe(Box<Pipe>),
    /// `(pipeline).A.B` or `ident.A`.
    Chain {
        pos: usize,
        node: Box<Arg>,
        fields: Vec<String>,
    },
}

impl Arg {
    pub fn pos(&self) -> usize {
        match self {
            Arg::Identifier { pos, .. }
            | Arg::Dot { pos }
            | Arg::Nil { pos }
            | Arg::Variable { pos, .. }
            | Arg::Field { pos, .. }
            | Arg::Bool { pos, .. }
            | Arg::String { pos, .. }
            | Arg::Chain { pos, .. } => *pos,
            Arg::Number(n) => n.pos,
            Arg::Pipe(p) => p.pos,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Command {
    pub pos: usize,
    pub args: Vec<Arg>,
}

#[derive(Debug, PartialEq)]
pub(crate) struct Pipe {
    pub pos: usize,
    pub is_assign: bool,
    /// Declared or assigned variables (names with `$`).
    pub decl: Vec<(usize, String)>,
    pub cmds: Vec<Command>,
}

#[derive(Debug, PartialEq)]
pub(crate) struct List {
    pub nodes: Vec<Node>,
}

/// `if`, `range` and `with` share Go's `BranchNode`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Branch {
    pub pos: usize,
    pub pipe: Pipe,
    pub list: List,
    pub else_list: Option<List>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BranchKind {
    If,
    Range,
    With,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Text {
        text: String,
    },
    Action {
        pos: usize,
        pipe: Pipe,
    },
    Branch(BranchKind, Box<Branch>),
    Template {
        pos: usize,
        name: String,
        pipe: Option<Pipe>,
    },
    Break {
        pos: usize,
    },
    Continue {
        pos: usize,
    },
    /// Parser-internal: `{{end}}` and `{{else}}` close a list.
    End {
        pos: usize,
    },
    Else {
        pos: usize,
    },
}

impl Node {
    /// Go's `Position()`: where the node starts in the text (text nodes are never located).
    pub fn pos(&self) -> usize {
        match self {
            Node::Text { .. } => 0,
            Node::Action { pos, .. }
            | Node::Template { pos, .. }
            | Node::Break { pos }
            | Node::Continue { pos }
            | Node::End { pos }
            | Node::Else { pos } => *pos,
            Node::Branch(_, b) => b.pos,
        }
    }
}

fn write_joined(f: &mut fmt::Formatter<'_>, parts: &[String], sep: &str) -> fmt::Result {
    f.write_str(&parts.join(sep))
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Identifier { name, .. } => f.write_str(name),
            Arg::Dot { .. } => f.write_str("."),
            Arg::Nil { .. } => f.write_str("nil"),
            Arg::Variable { ident, .. } => write_joined(f, ident, "."),
            Arg::Field { ident, .. } => {
                for id in ident {
                    write!(f, ".{id}")?;
                }
                Ok(())
            }
            Arg::Bool { val, .. } => write!(f, "{val}"),
            Arg::Number(n) => f.write_str(&n.text),
            Arg::String { quoted, .. } => f.write_str(quoted),
            Arg::Pipe(p) => write!(f, "{p}"),
            Arg::Chain { node, fields, .. } => {
                match node.as_ref() {
                    Arg::Pipe(p) => write!(f, "({p})")?,
                    other => write!(f, "{other}")?,
                }
                for field in fields {
                    write!(f, ".{field}")?;
                }
                Ok(())
            }
        }
    }
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, arg) in self.args.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            match arg {
                Arg::Pipe(p) => write!(f, "({p})")?,
                other => write!(f, "{other}")?,
            }
        }
        Ok(())
    }
}

impl fmt::Display for Pipe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        deep(|| self.fmt_here(f))
    }
}

impl Pipe {
    fn fmt_here(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.decl.is_empty() {
            let names: Vec<String> = self.decl.iter().map(|(_, n)| n.clone()).collect();
            write_joined(f, &names, ", ")?;
            f.write_str(" := ")?;
        }
        for (i, c) in self.cmds.iter().enumerate() {
            if i > 0 {
                f.write_str(" | ")?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

impl fmt::Display for List {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        deep(|| self.nodes.iter().try_for_each(|n| write!(f, "{n}")))
    }
}

impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // Go's `TextNode.String` is the text itself (`%s`), as its error contexts show it.
            Node::Text { text } => f.write_str(text),
            Node::Action { pipe, .. } => write!(f, "{{{{{pipe}}}}}"),
            Node::Branch(kind, b) => {
                let name = match kind {
                    BranchKind::If => "if",
                    BranchKind::Range => "range",
                    BranchKind::With => "with",
                };
                write!(f, "{{{{{name} {}}}}}{}", b.pipe, b.list)?;
                if let Some(e) = &b.else_list {
                    write!(f, "{{{{else}}}}{e}")?;
                }
                f.write_str("{{end}}")
            }
            Node::Template { name, pipe, .. } => {
                let q = super::quote::quote(name.as_bytes(), false);
                write!(f, "{{{{template {}", String::from_utf8_lossy(&q))?;
                if let Some(p) = pipe {
                    write!(f, " {p}")?;
                }
                f.write_str("}}")
            }
            Node::Break { .. } => f.write_str("{{break}}"),
            Node::Continue { .. } => f.write_str("{{continue}}"),
            Node::End { .. } => f.write_str("{{end}}"),
            Node::Else { .. } => f.write_str("{{else}}"),
        }
    }
}
