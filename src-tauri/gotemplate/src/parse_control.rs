//! The parser's control actions (Go's `action`, `parseControl`, `blockControl`, ...): `if` with
//! `else if` chains, `range` (where `break`/`continue` become legal), `with`, `end`, `else`,
//! and the `define`/`block`/`template` family with its separate variable scopes.

use super::ast::{Branch, BranchKind, List, Node};
use super::lexer::{Item, ItemType as T};
use super::parse::{PResult, Parser, TreeState};
use super::quote::unquote;

impl Parser {
    pub(super) fn action(&mut self) -> PResult<Node> {
        let token = self.next_non_space();
        match token.typ {
            T::Block => return self.block_control(),
            T::Break | T::Continue => return self.loop_control(&token),
            T::Else => return self.else_control(),
            T::End => {
                let t = self.expect(T::RightDelim, "end")?;
                return Ok(Node::End { pos: t.pos });
            }
            T::If => return self.branch(BranchKind::If, "if"),
            T::Range => return self.branch(BranchKind::Range, "range"),
            T::Template => return self.template_control(),
            T::With => return self.branch(BranchKind::With, "with"),
            _ => {}
        }
        self.backup();
        let pos = self.peek().pos;
        Ok(Node::Action {
            pos,
            pipe: self.pipeline("command", T::RightDelim)?,
        })
    }

    pub(super) fn loop_control(&mut self, keyword: &Item) -> PResult<Node> {
        let name = format!("{{{{{}}}}}", keyword.val);
        let t = self.next_non_space();
        if t.typ != T::RightDelim {
            return self.unexpected(&t, &name);
        }
        if self.st.range_depth == 0 {
            return self.errorf(format!("{name} outside {{{{range}}}}"));
        }
        Ok(if keyword.typ == T::Break {
            Node::Break { pos: keyword.pos }
        } else {
            Node::Continue { pos: keyword.pos }
        })
    }

    pub(super) fn else_control(&mut self) -> PResult<Node> {
        let peek = self.peek_non_space();
        if peek.typ == T::If {
            return Ok(Node::Else { pos: peek.pos });
        }
        let t = self.expect(T::RightDelim, "else")?;
        Ok(Node::Else { pos: t.pos })
    }

    /// Go's `parseControl` for `if`, `range` and `with`.
    pub(super) fn branch(&mut self, kind: BranchKind, context: &str) -> PResult<Node> {
        super::stack::deep(|| self.branch_here(kind, context))
    }

    fn branch_here(&mut self, kind: BranchKind, context: &str) -> PResult<Node> {
        self.nest()?;
        let vars = self.st.vars.len();
        let pipe = self.pipeline(context, T::RightDelim)?;
        if kind == BranchKind::Range {
            self.st.range_depth += 1;
        }
        let (list, next) = self.item_list()?;
        if kind == BranchKind::Range {
            self.st.range_depth -= 1;
        }
        let mut else_list = None;
        if matches!(next, Node::Else { .. }) {
            if kind == BranchKind::If && self.peek().typ == T::If {
                self.next();
                else_list = Some(List {
                    nodes: vec![self.branch(BranchKind::If, "if")?],
                });
            } else {
                let (list, end) = self.item_list()?;
                if !matches!(end, Node::End { .. }) {
                    return self.errorf(format!("expected end; found {end}"));
                }
                else_list = Some(list);
            }
        }
        self.st.vars.truncate(vars);
        self.depth -= 1;
        Ok(Node::Branch(
            kind,
            Box::new(Branch {
                pos: pipe.pos,
                pipe,
                list,
                else_list,
            }),
        ))
    }

    pub(super) fn template_name(&mut self, token: &Item, context: &str) -> PResult<String> {
        match token.typ {
            T::String | T::RawString => match unquote(&token.val) {
                Ok(n) => Ok(String::from_utf8_lossy(&n).into_owned()),
                Err(e) => self.errorf(e.to_string()),
            },
            _ => self.unexpected(token, context),
        }
    }

    pub(super) fn block_control(&mut self) -> PResult<Node> {
        const CONTEXT: &str = "block clause";
        let token = self.next_non_space();
        let name = self.template_name(&token, CONTEXT)?;
        let pipe = self.pipeline(CONTEXT, T::RightDelim)?;
        let outer = std::mem::replace(&mut self.st, TreeState::new());
        let body = self.item_list();
        let inner = std::mem::replace(&mut self.st, outer);
        let (root, end) = body?;
        if !matches!(end, Node::End { .. }) {
            return self.errorf(format!("unexpected {end} in {CONTEXT}"));
        }
        let outer = std::mem::replace(&mut self.st, inner);
        let added = self.add(&name, root);
        self.st = outer;
        added?;
        Ok(Node::Template {
            pos: token.pos,
            name,
            pipe: Some(pipe),
        })
    }

    pub(super) fn template_control(&mut self) -> PResult<Node> {
        let token = self.next_non_space();
        let name = self.template_name(&token, "template clause")?;
        let mut pipe = None;
        if self.next_non_space().typ != T::RightDelim {
            self.backup();
            pipe = Some(self.pipeline("template clause", T::RightDelim)?);
        }
        Ok(Node::Template {
            pos: token.pos,
            name,
            pipe,
        })
    }
}
