//! The executor's control flow, a port of Go's `state.walk*` (`text/template/exec.go`): text,
//! actions, `if`/`with`/`range` (with `break`/`continue`), `template` calls, variable scopes,
//! and how an action's result is printed. Each step marks the node it is on where Go's does,
//! so errors name the node Go names.

use super::ast::{Branch, BranchKind, List, Node};
use super::exec::{At, EResult, Flow, State};
use super::printf::sprint;
use super::quote::go_quote;
use super::rv::Rv;
use super::stack::deep;
use super::unicode::lossy_per_byte;
use super::value::{StructValue, Value};

/// Go's `indirect` of a whole value: a struct pointer becomes the struct it points to.
fn deref(v: Value) -> Value {
    match v {
        Value::Struct(s) if s.pointer => Value::Struct(std::rc::Rc::new(StructValue {
            pointer: false,
            ..(*s).clone()
        })),
        other => other,
    }
}

impl<'a> State<'a> {
    /// Go's `walk` of a list node. (Go also marks the list and each text node, but nothing can
    /// fail before the next node is marked, so the mark would never show.)
    pub fn walk_list(&mut self, dot: &Rv, list: &'a List) -> EResult<Flow> {
        deep(|| self.walk_list_here(dot, list))
    }

    fn walk_list_here(&mut self, dot: &Rv, list: &'a List) -> EResult<Flow> {
        self.enter()?;
        for node in &list.nodes {
            let flow = self.walk(dot, node)?;
            if flow != Flow::Normal {
                self.depth -= 1;
                return Ok(flow);
            }
        }
        self.depth -= 1;
        Ok(Flow::Normal)
    }

    fn walk(&mut self, dot: &Rv, node: &'a Node) -> EResult<Flow> {
        if !matches!(node, Node::Text { .. }) {
            self.at(At::Node(node));
        }
        match node {
            Node::Text { text } => self.emit(text.as_bytes())?,
            Node::Action { pipe, .. } => {
                // Variables an action declares persist until the enclosing `end`.
                let val = self.eval_pipeline(dot, pipe)?;
                if pipe.decl.is_empty() {
                    self.at(At::Node(node));
                    self.print_value(val.v)?;
                }
            }
            Node::Break { .. } => return Ok(Flow::Break),
            Node::Continue { .. } => return Ok(Flow::Continue),
            Node::Branch(BranchKind::Range, b) => return self.walk_range(dot, b),
            Node::Branch(kind, b) => return self.walk_if_or_with(*kind, dot, b),
            Node::Template { name, pipe, .. } => self.walk_template(dot, node, name, pipe)?,
            Node::End { .. } | Node::Else { .. } => {}
        }
        Ok(Flow::Normal)
    }

    fn walk_if_or_with(&mut self, kind: BranchKind, dot: &Rv, b: &'a Branch) -> EResult<Flow> {
        let mark = self.vars.len();
        let val = self.eval_pipeline(dot, &b.pipe)?;
        let flow = if val.concrete().truth() {
            let dot = if kind == BranchKind::With { &val } else { dot };
            self.walk_list(dot, &b.list)?
        } else if let Some(else_list) = &b.else_list {
            self.walk_list(dot, else_list)?
        } else {
            Flow::Normal
        };
        self.vars.truncate(mark);
        Ok(flow)
    }

    fn walk_range(&mut self, dot: &Rv, r: &'a Branch) -> EResult<Flow> {
        let mark0 = self.vars.len();
        let val = deref(self.eval_pipeline(dot, &r.pipe)?.v);
        let mark = self.vars.len();
        let items: Vec<(Rv, Rv)> = match &val {
            Value::List(l) => l
                .iter()
                .enumerate()
                .map(|(i, e)| (Rv::plain(Value::Int(i as i64)), Rv::elem(e)))
                .collect(),
            Value::Map(m) => m
                .iter()
                .map(|(k, v)| (Rv::plain(Value::from(k.as_str())), Rv::elem(v)))
                .collect(),
            Value::Nil => Vec::new(),
            other => {
                let shown = lossy_per_byte(&sprint(std::slice::from_ref(other), usize::MAX));
                return self.errorf(format!("range can't iterate over {shown}"));
            }
        };
        let mut flow = Flow::Normal;
        if items.is_empty() {
            if let Some(else_list) = &r.else_list {
                // A `break` here stops only this range; a `continue` belongs to an outer one.
                if self.walk_list(dot, else_list)? == Flow::Continue {
                    flow = Flow::Continue;
                }
            }
        }
        for (index, elem) in items {
            // Go sets the top variables, whichever they are (`range $x = ...` assigns).
            let n = self.vars.len();
            if n < r.pipe.decl.len() {
                // Go 1.19 indexes out of range and panics here (`range $, $ = ...`).
                return self.errorf("range variables are out of scope".into());
            }
            if !r.pipe.decl.is_empty() {
                self.vars[n - 1].1 = elem.clone();
            }
            if r.pipe.decl.len() > 1 {
                self.vars[n - 2].1 = index;
            }
            let f = self.walk_list(&elem, &r.list)?;
            self.vars.truncate(mark);
            if f == Flow::Break {
                break;
            }
        }
        self.vars.truncate(mark0);
        Ok(flow)
    }

    /// Go's `walkTemplate`: the called template gets its own variables (`$` is the new dot)
    /// and, as Go runs it on a copy of the state, leaves the caller's marked node alone.
    fn walk_template(
        &mut self,
        dot: &Rv,
        node: &'a Node,
        name: &str,
        pipe: &'a Option<super::ast::Pipe>,
    ) -> EResult<()> {
        let Some(tree) = self.trees.get(name) else {
            return self.errorf(format!("template {} not defined", go_quote(name)));
        };
        self.check_call_depth()?;
        let dot = match pipe {
            Some(p) => self.eval_pipeline(dot, p)?,
            None => Rv::nil(),
        };
        let vars = std::mem::replace(&mut self.vars, vec![("$".into(), dot.clone())]);
        let tmpl = std::mem::replace(&mut self.tmpl, name.to_string());
        let at = self.at;
        self.calls.push((node, tmpl.clone()));
        let result = self.walk_list(&dot, tree);
        self.calls.pop();
        self.vars = vars;
        self.tmpl = tmpl;
        self.at = at;
        result.map(|_| ())
    }

    /// Go's `printValue`: pointers print as what they point to; no value prints `<no value>`.
    fn print_value(&mut self, val: Value) -> EResult<()> {
        let printable = match val {
            Value::Nil | Value::NilInterface => Value::from("<no value>"),
            other => deref(other),
        };
        let bytes = sprint(&[printable], self.data_left());
        self.emit(&bytes)
    }
}
