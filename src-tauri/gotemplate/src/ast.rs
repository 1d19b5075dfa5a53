//! The parse tree, shaped like Go's `text/template/parse` nodes so the executor can follow Go's
//! evaluation rules one node kind at a time. Its `Display` (Go's `Node.String()`) is in
//! `ast_display.rs`; copying and dropping a deep tree go through `stack::deep`.

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

// A tree can nest 150,000 levels deep (see `budget::MAX_NESTING`): copying and dropping it
// recurse once per list or parenthesised pipeline, each step with room on the stack.
impl Clone for List {
    fn clone(&self) -> Self {
        deep(|| List {
            nodes: self.nodes.clone(),
        })
    }
}

impl Drop for List {
    fn drop(&mut self) {
        if !self.nodes.is_empty() {
            let nodes = std::mem::take(&mut self.nodes);
            deep(move || drop(nodes));
        }
    }
}

impl Clone for Pipe {
    fn clone(&self) -> Self {
        deep(|| Pipe {
            pos: self.pos,
            is_assign: self.is_assign,
            decl: self.decl.clone(),
            cmds: self.cmds.clone(),
        })
    }
}

impl Drop for Pipe {
    fn drop(&mut self) {
        if !self.cmds.is_empty() {
            let cmds = std::mem::take(&mut self.cmds);
            deep(move || drop(cmds));
        }
    }
}
