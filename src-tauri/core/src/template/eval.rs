//! Expression evaluation, a port of Go's `evalPipeline`, `evalCommand`, `evalField`,
//! `evalCall` and `evalArg`: what a field of a struct or map yields (missingkey rules), when an
//! argument is refused for its type, how `and`/`or` short-circuit, and how builtins are called.

use super::ast::{Arg, Command, Number, Pipe};
use super::exec::{At, EResult, State};
use super::funcs::{self, Param};
use super::quote::go_quote as go_q;
use super::value::Value;
use super::MissingKey;

impl<'a> State<'a> {
    pub fn eval_pipeline(&mut self, dot: &Value, pipe: &'a Pipe) -> EResult<Value> {
        self.enter()?;
        self.at = Some(At::Pipe(pipe));
        let mut value: Option<Value> = None;
        for cmd in &pipe.cmds {
            let v = self.eval_command(dot, cmd, value.take())?;
            value = Some(v.unwrap_interface());
        }
        let value = value.unwrap_or(Value::Nil);
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

    fn not_a_function(&self, args: &[Arg], fin: &Option<Value>) -> EResult<()> {
        if args.len() > 1 || fin.is_some() {
            let first = args.first().map(ToString::to_string).unwrap_or_default();
            return self.errorf(format!("can't give argument to non-function {first}"));
        }
        Ok(())
    }

    fn eval_command(
        &mut self,
        dot: &Value,
        cmd: &'a Command,
        fin: Option<Value>,
    ) -> EResult<Value> {
        let Some(first) = cmd.args.first() else {
            return self.errorf("empty command".into());
        };
        match first {
            Arg::Field { ident, .. } => {
                return self.eval_field_chain(dot.clone(), first, ident, &cmd.args, fin)
            }
            Arg::Chain { node, fields, .. } => {
                return self.eval_chain(dot, first, node, fields, &cmd.args, fin)
            }
            Arg::Identifier { name, .. } => {
                self.at = Some(At::Arg(first));
                return self.eval_call(dot, first, name, &cmd.args[1..], fin);
            }
            Arg::Pipe(p) => {
                self.not_a_function(&cmd.args, &fin)?;
                return self.eval_pipeline(dot, p);
            }
            Arg::Variable { ident, .. } => return self.eval_variable(first, ident, &cmd.args, fin),
            _ => {}
        }
        self.at = Some(At::Arg(first));
        self.not_a_function(&cmd.args, &fin)?;
        match first {
            Arg::Bool { val, .. } => Ok(Value::Bool(*val)),
            Arg::Dot { .. } => Ok(dot.clone()),
            Arg::Number(n) => self.ideal_constant(n),
            Arg::String { text, .. } => Ok(Value::String(text.clone())),
            _ => self.errorf("nil is not a command".into()),
        }
    }

    fn ideal_constant(&self, n: &Number) -> EResult<Value> {
        n.ideal_constant().or_else(|msg| self.errorf(msg))
    }

    fn eval_chain(
        &mut self,
        dot: &Value,
        chain: &'a Arg,
        node: &'a Arg,
        fields: &[String],
        args: &'a [Arg],
        fin: Option<Value>,
    ) -> EResult<Value> {
        self.at = Some(At::Arg(chain));
        if matches!(node, Arg::Nil { .. }) {
            return self.errorf(format!("indirection through explicit nil in {chain}"));
        }
        let receiver = self.eval_arg(dot, None, node)?;
        self.eval_field_chain(receiver, chain, fields, args, fin)
    }

    fn eval_variable(
        &mut self,
        node: &'a Arg,
        ident: &[String],
        args: &'a [Arg],
        fin: Option<Value>,
    ) -> EResult<Value> {
        self.at = Some(At::Arg(node));
        let value = self.var_value(&ident[0])?;
        if ident.len() == 1 {
            self.not_a_function(args, &fin)?;
            return Ok(value);
        }
        self.eval_field_chain(value, node, &ident[1..], args, fin)
    }

    fn eval_field_chain(
        &mut self,
        mut receiver: Value,
        node: &'a Arg,
        ident: &[String],
        args: &[Arg],
        fin: Option<Value>,
    ) -> EResult<Value> {
        self.at = Some(At::Arg(node));
        let Some((last, init)) = ident.split_last() else {
            return Ok(receiver);
        };
        for name in init {
            receiver = self.eval_field(name, &[], None, receiver)?;
        }
        self.eval_field(last, args, fin, receiver)
    }

    fn eval_field(
        &self,
        name: &str,
        args: &[Arg],
        fin: Option<Value>,
        receiver: Value,
    ) -> EResult<Value> {
        let has_args = args.len() > 1 || fin.is_some();
        match &receiver {
            Value::Nil => {
                if self.missing == MissingKey::Error {
                    return self.errorf(format!("nil data; no entry for key {}", go_q(name)));
                }
                return Ok(Value::Nil);
            }
            Value::NilInterface => {
                return self.errorf(format!("nil pointer evaluating interface {{}}.{name}"));
            }
            Value::Struct(s) => {
                if let Some(v) = s.field(name) {
                    if has_args {
                        return self.errorf(format!(
                            "{name} has arguments but cannot be invoked as function"
                        ));
                    }
                    return Ok(v.clone());
                }
            }
            Value::Map(m) => {
                if has_args {
                    return self.errorf(format!("{name} is not a method but has arguments"));
                }
                return match (m.get(name), self.missing) {
                    (Some(v), _) => Ok(v.as_element()),
                    (None, MissingKey::Default) => Ok(Value::Nil),
                    (None, MissingKey::Zero) => Ok(Value::NilInterface),
                    (None, MissingKey::Error) => {
                        self.errorf(format!("map has no entry for key {}", go_q(name)))
                    }
                };
            }
            _ => {}
        }
        self.errorf(format!(
            "can't evaluate field {name} in type {}",
            receiver.type_name()
        ))
    }

    /// Go's `evalCall` for a builtin; `args` excludes the function's own name.
    fn eval_call(
        &mut self,
        dot: &Value,
        node: &'a Arg,
        name: &str,
        args: &'a [Arg],
        fin: Option<Value>,
    ) -> EResult<Value> {
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
        let param = |i: usize| {
            sig.fixed
                .get(i)
                .copied()
                .or(sig.variadic)
                .unwrap_or(Param::Refl)
        };
        if name == "and" || name == "or" {
            let mut v = Value::Nil;
            for arg in args {
                v = self.eval_arg(dot, Some(Param::Refl), arg)?;
                if v.truth() == (name == "or") {
                    return Ok(v);
                }
            }
            if let Some(f) = fin {
                v = self.validate_type(f, Some(Param::Refl))?;
            }
            return Ok(v);
        }
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
        match funcs::call(name, argv) {
            Ok(v) => Ok(v),
            Err(e) => {
                self.at = Some(At::Arg(node));
                self.errorf(format!("error calling {name}: {e}"))
            }
        }
    }

    fn validate_type(&self, value: Value, typ: Option<Param>) -> EResult<Value> {
        match (typ, value) {
            (Some(Param::Any), v) if v.is_nil() => Ok(Value::Nil),
            (Some(Param::Str), Value::Nil) => self.errorf("invalid value; expected string".into()),
            (Some(Param::Str), v @ Value::String(_))
            | (None | Some(Param::Refl | Param::Any), v) => Ok(v),
            (Some(Param::Str), v) => self.errorf(format!(
                "wrong type for value; expected string; got {}",
                v.type_name()
            )),
        }
    }

    fn eval_arg(&mut self, dot: &Value, typ: Option<Param>, n: &'a Arg) -> EResult<Value> {
        self.at = Some(At::Arg(n));
        let v = match n {
            Arg::Dot { .. } => dot.clone(),
            Arg::Nil { .. } => {
                if typ == Some(Param::Str) {
                    return self.errorf("cannot assign nil to string".into());
                }
                return Ok(Value::Nil);
            }
            Arg::Field { ident, .. } => {
                self.eval_field_chain(dot.clone(), n, ident, std::slice::from_ref(n), None)?
            }
            Arg::Variable { ident, .. } => self.eval_variable(n, ident, &[], None)?,
            Arg::Pipe(p) => self.eval_pipeline(dot, p)?,
            Arg::Identifier { name, .. } => self.eval_call(dot, n, name, &[], None)?,
            Arg::Chain { node, fields, .. } => self.eval_chain(dot, n, node, fields, &[], None)?,
            Arg::Bool { val, .. } if typ != Some(Param::Str) => return Ok(Value::Bool(*val)),
            Arg::Number(num) if typ != Some(Param::Str) => return self.ideal_constant(num),
            Arg::String { text, .. } => return Ok(Value::String(text.clone())),
            _ => return self.errorf(format!("expected string; found {n}")),
        };
        self.validate_type(v, typ)
    }
}
