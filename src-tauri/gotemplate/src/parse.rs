//! A port of Go's `text/template/parse/parse.go`: the same recursive descent with the same
//! three-token lookahead, so the same inputs are refused with the same message (unknown
//! functions such as `md2`, undefined variables, `{{break}}` outside `{{range}}`, ...). This
//! file holds the parser's state, its token buffer, the tree set and the top level.

use std::collections::HashMap;

use super::ast::{List, Node};
use super::budget::{Limit, MAX_NESTING};
use super::lexer::{Item, ItemType as T};
use super::quote::{go_quote as go_q, unquote};

/// A parse failure: message, and the line/offset of the token Go was looking at.
#[derive(Debug)]
pub(crate) struct ParseError {
    pub message: String,
    pub line: usize,
    pub pos: usize,
    /// Set when the text ran past Textgate's nesting limit rather than failing as in Go.
    pub limit: Option<Limit>,
}

pub(super) type PResult<T> = Result<T, ParseError>;

/// The per-tree state Go keeps in each `Tree` (a `define` or `block` body gets its own).
pub(super) struct TreeState {
    pub(super) token: [Item; 3],
    pub(super) peek_count: usize,
    pub(super) vars: Vec<String>,
    pub(super) range_depth: usize,
    pub(super) action_line: usize,
}

impl TreeState {
    pub(super) fn new() -> Self {
        TreeState {
            token: [Item::zero(), Item::zero(), Item::zero()],
            peek_count: 0,
            vars: vec!["$".into()],
            range_depth: 0,
            action_line: 0,
        }
    }
}

pub(crate) struct Parser {
    pub(super) items: std::vec::IntoIter<Item>,
    pub(super) parse_name: String,
    pub(super) st: TreeState,
    pub(super) depth: usize,
    /// Go's treeSet: every template the text defines, by name.
    pub trees: HashMap<String, List>,
}

/// Go's `IsEmptyTree`: only blank text.
pub(crate) fn is_empty_tree(list: &List) -> bool {
    list.nodes.iter().all(|n| match n {
        Node::Text { text } => text.trim().is_empty(),
        _ => false,
    })
}

impl Parser {
    pub fn new(name: &str, items: Vec<Item>) -> Self {
        Parser {
            items: items.into_iter(),
            parse_name: name.to_string(),
            st: TreeState::new(),
            depth: 0,
            trees: HashMap::new(),
        }
    }

    pub(super) fn errorf<R>(&self, message: String) -> PResult<R> {
        Err(ParseError {
            message,
            line: self.st.token[0].line,
            pos: self.st.token[0].pos,
            limit: None,
        })
    }

    fn limit_error<R>(&self, limit: Limit) -> PResult<R> {
        Err(ParseError {
            message: limit.message(),
            line: self.st.token[0].line,
            pos: self.st.token[0].pos,
            limit: Some(limit),
        })
    }

    pub(super) fn next(&mut self) -> Item {
        if self.st.peek_count > 0 {
            self.st.peek_count -= 1;
        } else {
            self.st.token[0] = self.items.next().unwrap_or_else(Item::zero);
        }
        self.st.token[self.st.peek_count].clone()
    }

    pub(super) fn backup(&mut self) {
        self.st.peek_count += 1;
    }

    pub(super) fn backup2(&mut self, t1: Item) {
        self.st.token[1] = t1;
        self.st.peek_count = 2;
    }

    pub(super) fn backup3(&mut self, t2: Item, t1: Item) {
        self.st.token[1] = t1;
        self.st.token[2] = t2;
        self.st.peek_count = 3;
    }

    pub(super) fn peek(&mut self) -> Item {
        if self.st.peek_count > 0 {
            return self.st.token[self.st.peek_count - 1].clone();
        }
        self.st.peek_count = 1;
        self.st.token[0] = self.items.next().unwrap_or_else(Item::zero);
        self.st.token[0].clone()
    }

    pub(super) fn next_non_space(&mut self) -> Item {
        loop {
            let t = self.next();
            if t.typ != T::Space {
                return t;
            }
        }
    }

    pub(super) fn peek_non_space(&mut self) -> Item {
        let t = self.next_non_space();
        self.backup();
        t
    }

    pub(super) fn expect(&mut self, expected: T, context: &str) -> PResult<Item> {
        let t = self.next_non_space();
        if t.typ != expected {
            return self.unexpected(&t, context);
        }
        Ok(t)
    }

    pub(super) fn unexpected<R>(&self, token: &Item, context: &str) -> PResult<R> {
        if token.typ == T::Error {
            let mut extra = String::new();
            if self.st.action_line != 0 && self.st.action_line != token.line {
                extra = format!(
                    " in action started at {}:{}",
                    self.parse_name, self.st.action_line
                );
                if token.val.ends_with(" action") {
                    extra = extra[" in action".len()..].to_string();
                }
            }
            return self.errorf(format!("{}{extra}", token.describe()));
        }
        self.errorf(format!("unexpected {} in {context}", token.describe()))
    }

    pub(super) fn nest(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return self.limit_error(Limit::Nesting);
        }
        Ok(())
    }

    /// Go's `add`: a name may be redefined only over an empty definition.
    pub(super) fn add(&mut self, name: &str, root: List) -> PResult<()> {
        match self.trees.get(name) {
            Some(old) if !is_empty_tree(old) => {
                if !is_empty_tree(&root) {
                    return self.errorf(format!(
                        "template: multiple definition of template {}",
                        go_q(name)
                    ));
                }
            }
            _ => {
                self.trees.insert(name.to_string(), root);
            }
        }
        Ok(())
    }

    /// Parses the whole text into the tree set (the main template under its own name).
    pub fn parse(&mut self) -> PResult<()> {
        let mut root = List { nodes: Vec::new() };
        while self.peek().typ != T::Eof {
            if self.peek().typ == T::LeftDelim {
                let delim = self.next();
                if self.next_non_space().typ == T::Define {
                    let outer = std::mem::replace(&mut self.st, TreeState::new());
                    let result = self.parse_definition();
                    self.st = outer;
                    result?;
                    continue;
                }
                self.backup2(delim);
            }
            match self.text_or_action()? {
                n @ (Node::End { .. } | Node::Else { .. }) => {
                    return self.errorf(format!("unexpected {n}"));
                }
                n => root.nodes.push(n),
            }
        }
        let name = self.parse_name.clone();
        self.add(&name, root)
    }

    pub(super) fn parse_definition(&mut self) -> PResult<()> {
        const CONTEXT: &str = "define clause";
        let t = self.next_non_space();
        if t.typ != T::String && t.typ != T::RawString {
            return self.unexpected(&t, CONTEXT);
        }
        let name = match unquote(&t.val) {
            Ok(n) => String::from_utf8_lossy(&n).into_owned(),
            Err(e) => return self.errorf(e.to_string()),
        };
        self.expect(T::RightDelim, CONTEXT)?;
        let (root, end) = self.item_list()?;
        if !matches!(end, Node::End { .. }) {
            return self.errorf(format!("unexpected {end} in {CONTEXT}"));
        }
        self.add(&name, root)
    }

    pub(super) fn item_list(&mut self) -> PResult<(List, Node)> {
        let mut list = List { nodes: Vec::new() };
        while self.peek_non_space().typ != T::Eof {
            match self.text_or_action()? {
                n @ (Node::End { .. } | Node::Else { .. }) => return Ok((list, n)),
                n => list.nodes.push(n),
            }
        }
        self.errorf("unexpected EOF".into())
    }

    pub(super) fn text_or_action(&mut self) -> PResult<Node> {
        let token = self.next_non_space();
        match token.typ {
            T::Text => Ok(Node::Text { text: token.val }),
            T::LeftDelim => {
                self.st.action_line = token.line;
                let node = self.action();
                self.st.action_line = 0;
                node
            }
            _ => self.unexpected(&token, "input"),
        }
    }
}
