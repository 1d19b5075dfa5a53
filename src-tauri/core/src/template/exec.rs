//! The executor's control flow, a port of Go's `state.walk*` (`text/template/exec.go`): text,
//! actions, `if`/`with`/`range` (with `break`/`continue`), `template` calls, variable scopes,
//! and how an action's result is printed. Expression evaluation lives in `eval.rs`.

use std::collections::HashMap;

use super::ast::{Arg, Branch, BranchKind, List, Node, Pipe};
use super::error::{ExecContext, Phase, TemplateError};
use super::printf::sprint;
use super::quote::go_quote;
use super::value::{StructValue, Value};
use super::MissingKey;

/// How deep actions, pipelines and template calls may nest while rendering (Go allows 100000
/// template calls; a chat template never needs more than a handful).
pub(crate) const MAX_EXEC_DEPTH: usize = 300;

/// What a walked node asks of the enclosing `range`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flow {
    Normal,
    Break,
    Continue,
}

/// A render error before it is located: message, position and Go's node text.
#[derive(Debug)]
pub(crate) struct ExecError {
    pub message: String,
    pub pos: usize,
    pub node: String,
    pub tmpl: String,
}

pub(crate) type EResult<T> = Result<T, ExecError>;

pub(crate) struct State<'a> {
    pub trees: &'a HashMap<String, List>,
    pub tmpl: String,
    pub missing: MissingKey,
    pub vars: Vec<(String, Value)>,
    pub depth: usize,
    pub out: Vec<u8>,
    /// The node being evaluated (Go's `state.node`), for error locations.
    pub at: Option<At<'a>>,
}

/// A node an error can point at.
#[derive(Clone, Copy)]
pub(crate) enum At<'a> {
    Node(usize, &'a Node),
    Arg(&'a Arg),
    Pipe(&'a Pipe),
}

/// Renders `tree` (named `name`) of the set over `data`.
pub(crate) fn execute(
    trees: &HashMap<String, List>,
    parse_name: &str,
    text: &str,
    missing: MissingKey,
    data: &Value,
) -> Result<Vec<u8>, TemplateError> {
    let located = |e: ExecError| {
        let mut err = TemplateError::at(parse_name, Phase::Exec, text, e.pos, None, e.message);
        err.context = Some(Box::new(ExecContext {
            template: e.tmpl,
            node: e.node,
        }));
        err
    };
    let Some(root) = trees.get(parse_name) else {
        let msg = format!(
            "{} is an incomplete or empty template",
            go_quote(parse_name)
        );
        return Err(TemplateError::at(
            parse_name,
            Phase::Exec,
            text,
            0,
            Some(0),
            msg,
        ));
    };
    let mut s = State {
        trees,
        tmpl: parse_name.to_string(),
        missing,
        vars: vec![("$".into(), data.clone())],
        depth: 0,
        out: Vec::new(),
        at: None,
    };
    s.walk_list(data, root).map_err(located)?;
    Ok(s.out)
}

impl<'a> State<'a> {
    pub fn errorf<T>(&self, message: String) -> EResult<T> {
        let (pos, node) = match self.at {
            Some(At::Node(pos, n)) => (pos, n.to_string()),
            Some(At::Arg(a)) => (a.pos(), a.to_string()),
            Some(At::Pipe(p)) => (p.pos, p.to_string()),
            None => (0, String::new()),
        };
        Err(ExecError {
            message,
            pos,
            node,
            tmpl: self.tmpl.clone(),
        })
    }

    pub fn enter(&mut self) -> EResult<()> {
        self.depth += 1;
        if self.depth > MAX_EXEC_DEPTH {
            return self.errorf(format!(
                "exceeded maximum template depth ({MAX_EXEC_DEPTH})"
            ));
        }
        Ok(())
    }

    pub fn var_value(&self, name: &str) -> EResult<Value> {
        match self.vars.iter().rev().find(|(n, _)| n == name) {
            Some((_, v)) => Ok(v.clone()),
            None => self.errorf(format!("undefined variable: {name}")),
        }
    }

    pub fn set_var(&mut self, name: &str, value: Value) -> EResult<()> {
        match self.vars.iter_mut().rev().find(|(n, _)| n == name) {
            Some(slot) => {
                slot.1 = value;
                Ok(())
            }
            None => self.errorf(format!("undefined variable: {name}")),
        }
    }

    pub fn walk_list(&mut self, dot: &Value, list: &'a List) -> EResult<Flow> {
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

    fn walk(&mut self, dot: &Value, node: &'a Node) -> EResult<Flow> {
        match node {
            Node::Text { text } => self.out.extend_from_slice(text.as_bytes()),
            Node::Action { pos, pipe } => {
                self.at = Some(At::Node(*pos, node));
                let val = self.eval_pipeline(dot, pipe)?;
                if pipe.decl.is_empty() {
                    self.at = Some(At::Node(*pos, node));
                    self.print_value(val);
                }
            }
            Node::Break { .. } => return Ok(Flow::Break),
            Node::Continue { .. } => return Ok(Flow::Continue),
            Node::Branch(BranchKind::Range, b) => {
                self.at = Some(At::Node(b.pos, node));
                return self.walk_range(dot, b);
            }
            Node::Branch(kind, b) => return self.walk_if_or_with(*kind, dot, b),
            Node::Template { pos, name, pipe } => {
                self.at = Some(At::Node(*pos, node));
                let Some(tree) = self.trees.get(name) else {
                    return self.errorf(format!("template {} not defined", go_quote(name)));
                };
                let dot = match pipe {
                    Some(p) => self.eval_pipeline(dot, p)?,
                    None => Value::Nil,
                };
                let vars = std::mem::replace(&mut self.vars, vec![("$".into(), dot.clone())]);
                let tmpl = std::mem::replace(&mut self.tmpl, name.clone());
                let result = self.walk_list(&dot, tree);
                self.vars = vars;
                self.tmpl = tmpl;
                result?;
            }
            Node::End { .. } | Node::Else { .. } => {}
        }
        Ok(Flow::Normal)
    }

    fn walk_if_or_with(&mut self, kind: BranchKind, dot: &Value, b: &'a Branch) -> EResult<Flow> {
        let mark = self.vars.len();
        let val = self.eval_pipeline(dot, &b.pipe)?;
        let flow = if val.truth() {
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

    fn walk_range(&mut self, dot: &Value, r: &'a Branch) -> EResult<Flow> {
        let mark0 = self.vars.len();
        let val = match self.eval_pipeline(dot, &r.pipe)? {
            Value::Struct(s) if s.pointer => Value::Struct(std::rc::Rc::new(StructValue {
                pointer: false,
                ..(*s).clone()
            })),
            other => other,
        };
        let mark = self.vars.len();
        let items: Vec<(Value, Value)> = match &val {
            Value::List(l) => l
                .iter()
                .enumerate()
                .map(|(i, e)| (Value::Int(i as i64), e.as_element()))
                .collect(),
            Value::Map(m) => m
                .iter()
                .map(|(k, v)| (Value::from(k.as_str()), v.as_element()))
                .collect(),
            Value::Nil => Vec::new(),
            other => {
                let shown =
                    String::from_utf8_lossy(&sprint(std::slice::from_ref(other))).into_owned();
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

    /// Go's `printValue`: pointers print as what they point to; no value prints `<no value>`.
    fn print_value(&mut self, val: Value) {
        let printable = match val {
            Value::Nil | Value::NilInterface => Value::from("<no value>"),
            Value::Struct(s) if s.pointer => Value::Struct(std::rc::Rc::new(StructValue {
                pointer: false,
                ..(*s).clone()
            })),
            other => other,
        };
        let bytes = sprint(&[printable]);
        self.out.extend_from_slice(&bytes);
    }
}
