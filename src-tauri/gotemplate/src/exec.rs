//! The executor's state, a port of Go's `state` (`text/template/exec.go`): the variable stack,
//! the node an error is reported at (Go's `s.node`, "the last node visited", which its messages
//! name even when the failure is further along), how errors are located in the text, the
//! depth guard and what a render has spent of its budget (the limits are in `budget.rs`).
//! Walking the tree is in `walk.rs`, expression evaluation in `eval.rs`.

use std::collections::HashMap;

use super::ast::{Arg, Command, List, Node, Pipe};
use super::budget::{Limit, MAX_DATA, MAX_EXEC_NESTING, MAX_OUTPUT, MAX_STEPS};
use super::error::{ExecContext, Phase, TemplateError};
use super::quote::go_quote;
use super::rv::Rv;
use super::value::Value;
use super::MissingKey;

/// Go's `maxExecDepth`: how many `template` calls may be in progress.
const GO_MAX_TEMPLATE_DEPTH: usize = 100_000;

/// What a walked node asks of the enclosing `range`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flow {
    Normal,
    Break,
    Continue,
}

/// A render error before it is located: message, position and Go's node text, and the
/// template being executed.
#[derive(Debug)]
pub(crate) struct ExecError {
    pub message: String,
    pub pos: usize,
    pub node: String,
    pub tmpl: String,
    /// Set when the render ran past one of Textgate's limits rather than failing as Go does.
    pub limit: Option<Limit>,
}

pub(crate) type EResult<T> = Result<T, ExecError>;

/// A node Go's `s.at` can mark.
#[derive(Clone, Copy)]
pub(crate) enum At<'a> {
    Node(&'a Node),
    Pipe(&'a Pipe),
    Cmd(&'a Command),
    Arg(&'a Arg),
}

impl At<'_> {
    fn located(self) -> (usize, String) {
        match self {
            At::Node(n) => (n.pos(), n.to_string()),
            At::Pipe(p) => (p.pos, p.to_string()),
            At::Cmd(c) => (c.pos, c.to_string()),
            At::Arg(a) => (a.pos(), a.to_string()),
        }
    }
}

pub(crate) struct State<'a> {
    pub trees: &'a HashMap<String, List>,
    pub tmpl: String,
    pub missing: MissingKey,
    pub vars: Vec<(String, Rv)>,
    pub depth: usize,
    /// Work done so far, and bytes produced by functions (see `budget.rs`).
    pub steps: u64,
    pub data: usize,
    pub out: Vec<u8>,
    /// Go's `state.node`: the last node visited, for error locations.
    pub at: Option<At<'a>>,
    /// The `template` calls in progress: each call's node and the template that made it.
    pub calls: Vec<(&'a Node, String)>,
}

/// Where a template's text came from: the parse name (Go's `Tree.ParseName`, the prefix of its
/// error locations) and the text, for the template of the given name.
pub(crate) type Origin<'o> = &'o dyn Fn(&str) -> (String, String);

/// Renders the template `name` of the set over `data`.
pub(crate) fn execute(
    trees: &HashMap<String, List>,
    name: &str,
    origin: Origin<'_>,
    missing: MissingKey,
    data: &Value,
) -> Result<Vec<u8>, TemplateError> {
    let Some(root) = trees.get(name) else {
        let (_, text) = origin(name);
        let msg = format!("{} is an incomplete or empty template", go_quote(name));
        // Go has no node to point at here, so its message has no line.
        return Err(TemplateError::at(name, Phase::Exec, &text, 0, None, msg));
    };
    #[cfg(any(test, feature = "test-support"))]
    let _probe = super::budget::probe::Rendering::start();
    let mut s = State {
        trees,
        tmpl: name.to_string(),
        missing,
        vars: vec![("$".into(), Rv::plain(data.clone()))],
        depth: 0,
        steps: 0,
        data: 0,
        out: Vec::new(),
        at: None,
        calls: Vec::new(),
    };
    let dot = Rv::plain(data.clone());
    s.walk_list(&dot, root).map_err(|e| locate(e, origin))?;
    Ok(s.out)
}

/// Go's `ErrorContext`: the error located in the text of the template that failed.
fn locate(e: ExecError, origin: Origin<'_>) -> TemplateError {
    let (parse_name, text) = origin(&e.tmpl);
    let mut err = TemplateError::at(&parse_name, Phase::Exec, &text, e.pos, None, e.message);
    err.limit = e.limit;
    err.context = Some(Box::new(ExecContext {
        template: e.tmpl,
        node: e.node,
    }));
    err
}

impl<'a> State<'a> {
    /// Go's `s.at`.
    pub fn at(&mut self, at: At<'a>) {
        self.at = Some(at);
    }

    pub fn errorf<T>(&self, message: String) -> EResult<T> {
        Err(self.error_here(message))
    }

    /// An error at the node being executed.
    pub fn error_here(&self, message: String) -> ExecError {
        let (pos, node) = self.at.map(At::located).unwrap_or_default();
        ExecError {
            message,
            pos,
            node,
            tmpl: self.tmpl.clone(),
            limit: None,
        }
    }

    /// Enters a nested list or pipeline: one step, one level.
    pub fn enter(&mut self) -> EResult<()> {
        self.step()?;
        self.depth += 1;
        if self.depth > MAX_EXEC_NESTING {
            return self.depth_error();
        }
        Ok(())
    }

    /// Go's check before a `template` call, at the template node: 100,000 calls in progress.
    pub fn check_call_depth(&self) -> EResult<()> {
        if self.calls.len() >= GO_MAX_TEMPLATE_DEPTH {
            return self.errorf(format!(
                "exceeded maximum template depth ({GO_MAX_TEMPLATE_DEPTH})"
            ));
        }
        Ok(())
    }

    /// Past [`MAX_EXEC_NESTING`] only a template that keeps calling itself gets (the parser
    /// caps nesting within one template) with several levels a call, which Go fails at its
    /// 100000th nested call (if its stack holds): the error names the call that would be,
    /// found from the period of the calls so far.
    fn depth_error<T>(&self) -> EResult<T> {
        let message = format!("exceeded maximum template depth ({GO_MAX_TEMPLATE_DEPTH})");
        let n = self.calls.len();
        let same = |i: usize, j: usize| {
            std::ptr::eq(self.calls[i].0, self.calls[j].0) && self.calls[i].1 == self.calls[j].1
        };
        let period = (1..=n / 3).find(|&p| (n - 2 * p..n).all(|k| same(k, k - p)));
        let Some(p) = period else {
            return self.errorf(message);
        };
        // Go's call k (1-based) is made from nesting depth k-1 and fails at depth 100000.
        let failing = GO_MAX_TEMPLATE_DEPTH + 1;
        let offset = (n as i64 - failing as i64).rem_euclid(p as i64) as usize;
        let (node, tmpl) = &self.calls[n - 1 - offset];
        Err(ExecError {
            message,
            pos: node.pos(),
            node: node.to_string(),
            tmpl: tmpl.clone(),
            limit: None,
        })
    }

    pub fn var_value(&self, name: &str) -> EResult<Rv> {
        match self.vars.iter().rev().find(|(n, _)| n == name) {
            Some((_, v)) => Ok(v.clone()),
            None => self.errorf(format!("undefined variable: {name}")),
        }
    }

    pub fn set_var(&mut self, name: &str, value: Rv) -> EResult<()> {
        match self.vars.iter_mut().rev().find(|(n, _)| n == name) {
            Some(slot) => {
                slot.1 = value;
                Ok(())
            }
            None => self.errorf(format!("undefined variable: {name}")),
        }
    }
}

// What the render has spent of its budget (the limits themselves are in `budget.rs`).
impl State<'_> {
    /// One step of work.
    pub fn step(&mut self) -> EResult<()> {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return self.over(Limit::Steps);
        }
        Ok(())
    }

    /// Appends to the output, within [`MAX_OUTPUT`].
    pub fn emit(&mut self, bytes: &[u8]) -> EResult<()> {
        if self.out.len() + bytes.len() > MAX_OUTPUT {
            return self.over(Limit::Output);
        }
        self.out.extend_from_slice(bytes);
        Ok(())
    }

    /// How many bytes a function may still produce (one more is over the limit).
    pub fn data_left(&self) -> usize {
        MAX_DATA - self.data
    }

    /// Counts `n` bytes a function produced, within [`MAX_DATA`].
    pub fn charge_data(&mut self, n: usize) -> EResult<()> {
        if n > self.data_left() {
            return self.over(Limit::Data);
        }
        self.data += n;
        Ok(())
    }

    /// The error for a limit, at the node being executed.
    fn over<T>(&self, limit: Limit) -> EResult<T> {
        Err(ExecError {
            limit: Some(limit),
            ..self.error_here(limit.message())
        })
    }
}
