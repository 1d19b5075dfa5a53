//! Expression evaluation, a port of Go's `evalPipeline`, `evalCommand`, `evalFieldNode`,
//! `evalChainNode`, `evalVariableNode`, `evalFieldChain` and `evalField`: what a field of a
//! struct or map yields (missingkey rules) and the wording and location of the errors on the
//! way. Function calls and arguments are in `eval_call.rs`.

use super::ast::{Arg, Command, Number, Pipe};
use super::exec::{At, EResult, State};
use super::quote::go_quote as go_q;
use super::rv::Rv;
use super::value::{indirect, Value};
use super::MissingKey;

impl<'a> State<'a> {
    pub fn eval_pipeline(&mut self, dot: &Rv, pipe: &'a Pipe) -> EResult<Rv> {
        super::stack::deep(|| self.eval_pipeline_here(dot, pipe))
    }

    fn eval_pipeline_here(&mut self, dot: &Rv, pipe: &'a Pipe) -> EResult<Rv> {
        self.enter()?;
        self.at(At::Pipe(pipe));
        let mut value: Option<Rv> = None;
        for cmd in &pipe.cmds {
            // The previous command's value is this one's final argument.
            let v = self.eval_command(dot, cmd, value.take())?;
            value = Some(v.unwrapped());
        }
        let value = value.unwrap_or_else(Rv::nil);
        for (_, name) in &pipe.decl {
            if pipe.is_assign {
                self.set_var(name, value.clone())?;
            } else {
                self.vars.push((name.clone(), value.clone()));
            }
        }
        self.depth -= 1;
        Ok(value)
    }

    pub fn not_a_function(&self, args: &[Arg], fin: &Option<Rv>) -> EResult<()> {
        if args.len() > 1 || fin.is_some() {
            let first = args.first().map(ToString::to_string).unwrap_or_default();
            return self.errorf(format!("can't give argument to non-function {first}"));
        }
        Ok(())
    }

    fn eval_command(&mut self, dot: &Rv, cmd: &'a Command, fin: Option<Rv>) -> EResult<Rv> {
        self.step()?;
        let Some(first) = cmd.args.first() else {
            return self.errorf("empty command".into());
        };
        match first {
            Arg::Field { ident, .. } => {
                return self.eval_field_node(dot, first, ident, &cmd.args, fin)
            }
            Arg::Chain { node, fields, .. } => {
                return self.eval_chain_node(dot, first, node, fields, &cmd.args, fin)
            }
            Arg::Identifier { name, .. } => {
                let args = &cmd.args[1..];
                return self.eval_function(dot, first, name, At::Cmd(cmd), args, fin);
            }
            Arg::Pipe(p) => {
                // Parenthesized pipeline: its arguments are inside; Go marks nothing first.
                self.not_a_function(&cmd.args, &fin)?;
                return self.eval_pipeline(dot, p);
            }
            Arg::Variable { ident, .. } => {
                return self.eval_variable_node(first, ident, &cmd.args, fin)
            }
            _ => {}
        }
        self.at(At::Arg(first));
        self.not_a_function(&cmd.args, &fin)?;
        match first {
            Arg::Bool { val, .. } => Ok(Rv::plain(Value::Bool(*val))),
            Arg::Dot { .. } => Ok(dot.clone()),
            Arg::Number(n) => self.ideal_constant(first, n),
            Arg::String { text, .. } => Ok(Rv::plain(Value::String(text.clone()))),
            Arg::Nil { .. } => self.errorf("nil is not a command".into()),
            other => self.errorf(format!(
                "can't evaluate command {}",
                go_q(&other.to_string())
            )),
        }
    }

    pub fn ideal_constant(&mut self, node: &'a Arg, n: &Number) -> EResult<Rv> {
        self.at(At::Arg(node));
        match n.ideal_constant() {
            Ok(v) => Ok(Rv::plain(v)),
            Err(msg) => self.errorf(msg),
        }
    }

    pub fn eval_field_node(
        &mut self,
        dot: &Rv,
        field: &'a Arg,
        ident: &[String],
        args: &[Arg],
        fin: Option<Rv>,
    ) -> EResult<Rv> {
        self.at(At::Arg(field));
        self.eval_field_chain(dot.clone(), ident, args, fin)
    }

    /// `(pipeline).A.B` or `fn.A`: the node is evaluated first, and its evaluation moves the
    /// marked node, so a failing field is reported at the last node visited inside it.
    pub fn eval_chain_node(
        &mut self,
        dot: &Rv,
        chain: &'a Arg,
        node: &'a Arg,
        fields: &[String],
        args: &[Arg],
        fin: Option<Rv>,
    ) -> EResult<Rv> {
        self.at(At::Arg(chain));
        if fields.is_empty() {
            return self.errorf("internal error: no fields in evalChainNode".into());
        }
        if matches!(node, Arg::Nil { .. }) {
            return self.errorf(format!("indirection through explicit nil in {chain}"));
        }
        let receiver = self.eval_arg(dot, None, node)?;
        self.eval_field_chain(receiver, fields, args, fin)
    }

    pub fn eval_variable_node(
        &mut self,
        variable: &'a Arg,
        ident: &[String],
        args: &[Arg],
        fin: Option<Rv>,
    ) -> EResult<Rv> {
        self.at(At::Arg(variable));
        let Some((name, fields)) = ident.split_first() else {
            return self.errorf("empty variable".into());
        };
        let value = self.var_value(name)?;
        if fields.is_empty() {
            self.not_a_function(args, &fin)?;
            return Ok(value);
        }
        self.eval_field_chain(value, fields, args, fin)
    }

    /// Go's `evalFieldChain`: only the last field gets the arguments. Marks no node.
    fn eval_field_chain(
        &self,
        mut receiver: Rv,
        ident: &[String],
        args: &[Arg],
        fin: Option<Rv>,
    ) -> EResult<Rv> {
        let Some((last, init)) = ident.split_last() else {
            return Ok(receiver);
        };
        for name in init {
            receiver = self.eval_field(name, &[], None, receiver)?;
        }
        self.eval_field(last, args, fin, receiver)
    }

    fn eval_field(&self, name: &str, args: &[Arg], fin: Option<Rv>, receiver: Rv) -> EResult<Rv> {
        if !receiver.is_valid() {
            if self.missing == MissingKey::Error {
                return self.errorf(format!("nil data; no entry for key {}", go_q(name)));
            }
            return Ok(Rv::nil());
        }
        let typ = receiver.type_name();
        let (inner, is_nil) = indirect(receiver.v);
        if is_nil {
            return self.errorf(format!("nil pointer evaluating {typ}.{name}"));
        }
        let has_args = args.len() > 1 || fin.is_some();
        match &inner {
            Value::Struct(s) => {
                if let Some(v) = s.field(name) {
                    if has_args {
                        return self.errorf(format!(
                            "{name} has arguments but cannot be invoked as function"
                        ));
                    }
                    return Ok(Rv::plain(v.clone()));
                }
            }
            Value::Map(m) => {
                if has_args {
                    return self.errorf(format!("{name} is not a method but has arguments"));
                }
                return match (m.get(name), self.missing) {
                    (Some(v), _) => Ok(Rv::elem(v)),
                    (None, MissingKey::Default) => Ok(Rv::nil()),
                    (None, MissingKey::Zero) => Ok(Rv::plain(Value::NilInterface)),
                    (None, MissingKey::Error) => {
                        self.errorf(format!("map has no entry for key {}", go_q(name)))
                    }
                };
            }
            _ => {}
        }
        self.errorf(format!("can't evaluate field {name} in type {typ}"))
    }
}
