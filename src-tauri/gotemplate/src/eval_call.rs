//! Function calls and their arguments, a port of Go's `evalFunction`, `evalCall`,
//! `validateType`, `evalArg` and `evalEmptyInterface`: argument counts and types, how
//! `and`/`or` short-circuit, and where a builtin's own error is reported (at the whole command,
//! as Go's `evalCall` marks it, rather than at the last argument evaluated).

use super::ast::Arg;
use super::exec::{At, EResult, State};
use super::funcs::{self, Param};
use super::quote::go_quote as go_q;
use super::rv::Rv;
use super::value::Value;

impl<'a> State<'a> {
    /// Go's `evalFunction`: `node` is what an error of the call itself is reported at (the
    /// command, or the bare identifier when it is an argument); `args` excludes the name.
    pub fn eval_function(
        &mut self,
        dot: &Rv,
        ident: &'a Arg,
        name: &str,
        node: At<'a>,
        args: &'a [Arg],
        fin: Option<Rv>,
    ) -> EResult<Rv> {
        self.at(At::Arg(ident));
        if !funcs::is_builtin(name) {
            return self.errorf(format!("{} is not a defined function", go_q(name)));
        }
        let sig = funcs::signature(name);
        let num_in = args.len() + usize::from(fin.is_some());
        let mut num_fixed = args.len();
        if sig.variadic.is_some() {
            num_fixed = sig.fixed.len();
            if num_in < num_fixed {
                return self.errorf(format!(
                    "wrong number of args for {name}: want at least {} got {}",
                    sig.fixed.len(),
                    args.len()
                ));
            }
        } else if num_in != sig.fixed.len() {
            return self.errorf(format!(
                "wrong number of args for {name}: want {} got {num_in}",
                sig.fixed.len()
            ));
        }
        if name == "and" || name == "or" {
            let mut v = Rv::nil();
            for arg in args {
                v = self.eval_arg(dot, Some(Param::Refl), arg)?;
                if v.concrete().truth() == (name == "or") {
                    return Ok(v);
                }
            }
            if let Some(f) = fin {
                v = self.validate_type(f, Some(Param::Refl))?;
            }
            return Ok(v);
        }
        let param = |i: usize| {
            sig.fixed
                .get(i)
                .copied()
                .or(sig.variadic)
                .unwrap_or(Param::Refl)
        };
        let mut argv = Vec::with_capacity(num_in);
        for (i, arg) in args.iter().enumerate() {
            argv.push(self.eval_arg(dot, Some(param(i)), arg)?);
        }
        if let Some(f) = fin {
            let t = if sig.variadic.is_some() && num_in > num_fixed {
                sig.variadic
            } else {
                sig.fixed.get(num_in - 1).copied()
            };
            argv.push(self.validate_type(f, t)?);
        }
        match funcs::call(name, &argv, self.data_left()) {
            Ok(v) => {
                if let Value::String(s) = &v.v {
                    self.charge_data(s.len())?;
                }
                Ok(v)
            }
            Err(e) => {
                self.at(node);
                self.errorf(format!("error calling {name}: {e}"))
            }
        }
    }

    /// Go's `validateType` for the parameter types builtins have (`None` is Go's nil type).
    fn validate_type(&self, value: Rv, typ: Option<Param>) -> EResult<Rv> {
        if !value.is_valid() {
            return match typ {
                Some(Param::Str) => self.errorf("invalid value; expected string".into()),
                _ => Ok(Rv::nil()),
            };
        }
        match typ {
            None | Some(Param::Refl) => Ok(value),
            Some(Param::Any) if value.v.is_nil() => Ok(Rv::nil()),
            Some(Param::Any) => Ok(value),
            // An `interface {}` holding a string is unwrapped; a nil one keeps its type name.
            Some(Param::Str) => match value.v {
                v @ Value::String(_) => Ok(Rv::plain(v)),
                v => self.errorf(format!(
                    "wrong type for value; expected string; got {}",
                    v.type_name()
                )),
            },
        }
    }

    pub fn eval_arg(&mut self, dot: &Rv, typ: Option<Param>, n: &'a Arg) -> EResult<Rv> {
        self.at(At::Arg(n));
        let v = match n {
            Arg::Dot { .. } => dot.clone(),
            Arg::Nil { .. } => {
                if typ == Some(Param::Str) {
                    return self.errorf("cannot assign nil to string".into());
                }
                return Ok(Rv::nil());
            }
            Arg::Field { ident, .. } => {
                self.eval_field_node(dot, n, ident, std::slice::from_ref(n), None)?
            }
            Arg::Variable { ident, .. } => self.eval_variable_node(n, ident, &[], None)?,
            Arg::Pipe(p) => self.eval_pipeline(dot, p)?,
            Arg::Identifier { name, .. } => {
                self.eval_function(dot, n, name, At::Arg(n), &[], None)?
            }
            Arg::Chain { node, fields, .. } => {
                self.eval_chain_node(dot, n, node, fields, &[], None)?
            }
            Arg::Bool { .. } | Arg::Number(_) | Arg::String { .. } => {
                return match typ {
                    Some(Param::Str) => match n {
                        Arg::String { text, .. } => Ok(Rv::plain(Value::String(text.clone()))),
                        _ => self.errorf(format!("expected string; found {n}")),
                    },
                    Some(Param::Refl | Param::Any) => self.eval_empty_interface(n),
                    None => self.errorf(format!("can't handle {n} for arg of type <nil>")),
                };
            }
        };
        self.validate_type(v, typ)
    }

    fn eval_empty_interface(&mut self, n: &'a Arg) -> EResult<Rv> {
        self.at(At::Arg(n));
        match n {
            Arg::Bool { val, .. } => Ok(Rv::plain(Value::Bool(*val))),
            Arg::Number(num) => self.ideal_constant(n, num),
            Arg::String { text, .. } => Ok(Rv::plain(Value::String(text.clone()))),
            _ => self.errorf(format!(
                "can't handle assignment of {n} to empty interface argument"
            )),
        }
    }
}
