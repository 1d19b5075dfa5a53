//! Go's builtin template functions (`text/template/funcs.go`): which names exist (anything else,
//! such as Telegram's `md2`, is a parse error), their parameter types (which decide what an
//! argument may be), the dispatch, and `index`, `slice`, `len`, `call`, `not` and the `print`
//! family; comparisons are in `compare.rs`, escapers in `escape.rs`.

use super::compare::{eq, le, lt};
use super::escape::{eval_args, html_escape, js_escape, query_escape};
use super::printf::{sprint, sprintln};
use super::printf_verbs::sprintf;
use super::rv::Rv;
use super::value::{indirect, Value};
use std::rc::Rc;

/// The Go type of a builtin's parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Param {
    /// `reflect.Value`: anything, even no value.
    Refl,
    /// `interface{}`.
    Any,
    /// `string`.
    Str,
}

/// Fixed parameters, then the type of the variadic tail if any.
pub(crate) struct Sig {
    pub fixed: &'static [Param],
    pub variadic: Option<Param>,
}

const BUILTINS: [&str; 19] = [
    "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf",
    "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne",
];

pub(crate) fn is_builtin(name: &str) -> bool {
    BUILTINS.contains(&name)
}

pub(crate) fn signature(name: &str) -> Sig {
    use Param::*;
    let (fixed, variadic): (&'static [Param], Option<Param>) = match name {
        "and" | "or" | "call" | "index" | "slice" | "eq" => (&[Refl], Some(Refl)),
        "html" | "js" | "urlquery" | "print" | "println" => (&[], Some(Any)),
        "printf" => (&[Str], Some(Any)),
        "len" | "not" => (&[Refl], None),
        _ => (&[Refl, Refl], None),
    };
    Sig { fixed, variadic }
}

type FResult = Result<Rv, String>;

/// Calls a builtin other than `and`/`or` (which the executor short-circuits).
/// `limit`: how many bytes a result may have; the printing functions stop soon after it, and
/// the caller refuses a longer result (see `budget.rs`).
pub(crate) fn call(name: &str, argv: &[Rv], limit: usize) -> FResult {
    let args: Vec<Value> = argv.iter().map(|a| a.v.clone()).collect();
    let a = |i: usize| args.get(i).cloned().unwrap_or(Value::Nil);
    let rest = |v: &[Value]| v.get(1..).unwrap_or_default().to_vec();
    let plain = |v: Value| Ok(Rv::plain(v));
    match name {
        "call" => match a(0).unwrap_interface() {
            Value::Nil => Err("call of nil".into()),
            f => Err(format!("non-function of type {}", f.type_name())),
        },
        "html" => plain(Value::String(html_escape(&eval_args(&args, limit)).into())),
        "js" => plain(Value::String(js_escape(&eval_args(&args, limit)).into())),
        "urlquery" => plain(Value::String(query_escape(&eval_args(&args, limit)).into())),
        "index" => index(a(0), &rest(&args)),
        "slice" => slice(a(0), argv.get(1..).unwrap_or_default()).map(Rv::plain),
        "len" => length(a(0)).map(Rv::plain),
        "not" => plain(Value::Bool(!a(0).unwrap_interface().truth())),
        "print" => plain(Value::String(sprint(&args, limit).into())),
        "println" => plain(Value::String(sprintln(&args, limit).into())),
        "printf" => match a(0) {
            Value::String(f) => plain(Value::String(sprintf(&f, &rest(&args), limit).into())),
            _ => Err("printf needs a format string".into()),
        },
        "eq" => eq(&a(0), &rest(&args)).map(|e| Rv::plain(Value::Bool(e))),
        "ne" => eq(&a(0), &[a(1)]).map(|e| Rv::plain(Value::Bool(!e))),
        "lt" => lt(&a(0), &a(1)).map(|v| Rv::plain(Value::Bool(v))),
        "le" => le(&a(0), &a(1)).map(|v| Rv::plain(Value::Bool(v))),
        "gt" => le(&a(0), &a(1)).map(|v| Rv::plain(Value::Bool(!v))),
        "ge" => lt(&a(0), &a(1)).map(|v| Rv::plain(Value::Bool(!v))),
        _ => Err(format!("{name} is not a builtin")),
    }
}

/// Go's `indexArg`, which goes by the argument's kind: an `interface {}` one (what `slice`
/// gets from a map or list element) is refused even when it holds an integer.
fn index_arg(index: &Rv, cap: usize) -> Result<usize, String> {
    let x = match &index.v {
        _ if index.iface => {
            return Err("cannot index slice/array with type interface {}".into());
        }
        Value::Int(i) | Value::Int64(i) => *i,
        Value::Uint8(u) => i64::from(*u),
        Value::Nil => return Err("cannot index slice/array with nil".into()),
        other => {
            return Err(format!(
                "cannot index slice/array with type {}",
                other.type_name()
            ))
        }
    };
    if x < 0 || x as u64 > cap as u64 {
        return Err(format!("index out of range: {x}"));
    }
    Ok(x as usize)
}

fn index(item: Value, indexes: &[Value]) -> FResult {
    let mut item = Rv::plain(item.unwrap_interface());
    if !item.is_valid() {
        return Err("index of untyped nil".into());
    }
    for index in indexes {
        let index = Rv::plain(index.clone().unwrap_interface());
        let (it, is_nil) = indirect(item.v);
        if is_nil {
            return Err("index of nil pointer".into());
        }
        item = match &it {
            Value::List(l) => {
                let x = index_arg(&index, l.len())?;
                Rv::elem(l.get(x).ok_or("reflect: slice index out of range")?)
            }
            Value::String(s) => {
                let x = index_arg(&index, s.len())?;
                Rv::plain(Value::Uint8(
                    *s.get(x).ok_or("reflect: string index out of range")?,
                ))
            }
            Value::Map(m) => match &index.v {
                Value::String(k) => std::str::from_utf8(k)
                    .ok()
                    .and_then(|k| m.get(k))
                    .map_or(Rv::plain(Value::NilInterface), Rv::elem),
                Value::Nil => return Err("value is nil; should be of type string".into()),
                other => {
                    return Err(format!(
                        "value has type {}; should be string",
                        other.type_name()
                    ))
                }
            },
            other => return Err(format!("can't index item of type {}", other.type_name())),
        };
    }
    Ok(item)
}

fn slice(item: Value, indexes: &[Rv]) -> Result<Value, String> {
    let item = item.unwrap_interface();
    if item == Value::Nil {
        return Err("slice of untyped nil".into());
    }
    if indexes.len() > 3 {
        return Err(format!("too many slice indexes: {}", indexes.len()));
    }
    let len = match &item {
        Value::String(_) if indexes.len() == 3 => {
            return Err("cannot 3-index slice a string".into())
        }
        Value::String(s) => s.len(),
        Value::List(l) => l.len(),
        other => return Err(format!("can't slice item of type {}", other.type_name())),
    };
    let mut idx = [0, len, len];
    for (i, index) in indexes.iter().enumerate() {
        idx[i] = index_arg(index, len)?;
    }
    if idx[0] > idx[1] {
        return Err(format!("invalid slice index: {} > {}", idx[0], idx[1]));
    }
    if indexes.len() == 3 && idx[1] > idx[2] {
        return Err(format!("invalid slice index: {} > {}", idx[1], idx[2]));
    }
    Ok(match item {
        Value::String(s) => Value::String(s[idx[0]..idx[1]].into()),
        Value::List(l) => Value::List(Rc::new(l[idx[0]..idx[1]].to_vec())),
        other => other,
    })
}

fn length(item: Value) -> Result<Value, String> {
    match indirect(item) {
        (_, true) => Err("len of nil pointer".into()),
        (Value::Nil, _) => Err("reflect: call of reflect.Value.Type on zero Value".into()),
        (Value::String(s), _) => Ok(Value::Int(s.len() as i64)),
        (Value::List(l), _) => Ok(Value::Int(l.len() as i64)),
        (Value::Map(m), _) => Ok(Value::Int(m.len() as i64)),
        (other, _) => Err(format!("len of type {}", other.type_name())),
    }
}
