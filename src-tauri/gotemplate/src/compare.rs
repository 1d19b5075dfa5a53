//! Go's comparison builtins (`eq ne lt le gt ge`): only basic kinds compare, `int` and
//! `uint8` compare across, `eq` takes several right-hand sides, nil compares only with nil, and
//! everything else is an "incompatible types" error that fails the render as on the server.

use super::printf_verbs::sprintf;
use super::unicode::lossy_per_byte;
use super::value::Value;
use std::rc::Rc;

#[derive(PartialEq, Eq, Clone, Copy)]
enum Kind {
    Invalid,
    Bool,
    Complex,
    Int,
    Float,
    String,
    Uint,
}

fn basic_kind(v: &Value) -> Kind {
    match v {
        Value::Bool(_) => Kind::Bool,
        Value::Int(_) | Value::Int64(_) => Kind::Int,
        Value::Uint8(_) => Kind::Uint,
        Value::Float(_) => Kind::Float,
        Value::Complex(..) => Kind::Complex,
        Value::String(_) => Kind::String,
        _ => Kind::Invalid,
    }
}

fn as_int(v: &Value) -> i64 {
    match v {
        Value::Int(i) | Value::Int64(i) => *i,
        Value::Uint8(u) => i64::from(*u),
        _ => 0,
    }
}

pub(crate) fn eq(arg1: &Value, rest: &[Value]) -> Result<bool, String> {
    let arg1 = arg1.clone().unwrap_interface();
    if rest.is_empty() {
        return Err("missing argument for comparison".into());
    }
    let k1 = basic_kind(&arg1);
    for arg in rest {
        let arg = arg.clone().unwrap_interface();
        let k2 = basic_kind(&arg);
        let truth = if k1 != k2 {
            match (k1, k2) {
                (Kind::Int, Kind::Uint) | (Kind::Uint, Kind::Int) => as_int(&arg1) == as_int(&arg),
                _ if arg1 != Value::Nil && arg != Value::Nil => {
                    return Err("incompatible types for comparison".into());
                }
                _ => false,
            }
        } else {
            match (&arg1, &arg) {
                (Value::Bool(a), Value::Bool(b)) => a == b,
                (Value::Complex(a, b), Value::Complex(c, d)) => a == c && b == d,
                (Value::Float(a), Value::Float(b)) => a == b,
                (Value::String(a), Value::String(b)) => a == b,
                (Value::Uint8(a), Value::Uint8(b)) => a == b,
                (a, b) if k1 == Kind::Int => as_int(a) == as_int(b),
                _ => eq_other(&arg1, &arg)?,
            }
        };
        if truth {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Go's reflect kind of a value that is not a basic kind.
fn other_kind(v: &Value) -> &'static str {
    match v {
        Value::List(_) => "slice",
        Value::Map(_) => "map",
        Value::Struct(s) if s.pointer => "ptr",
        Value::Struct(_) => "struct",
        _ => "invalid",
    }
}

/// Go's `fmt.Sprintf` over template values, for error messages that show a value.
fn show(format: &str, args: &[Value]) -> String {
    lossy_per_byte(&sprintf(format.as_bytes(), args, usize::MAX))
}

/// `eq` of two values of no basic kind: nil compares with nil, values of different kinds or
/// of types Go cannot compare (slices, maps) are errors that print the values.
fn eq_other(a: &Value, b: &Value) -> Result<bool, String> {
    let (ka, kb) = (other_kind(a), other_kind(b));
    if ka != kb && ka != "invalid" && kb != "invalid" {
        return Err(show(
            "non-comparable types %s: %v, %s: %v",
            &[
                a.clone(),
                Value::from(a.type_name().as_str()),
                Value::from(b.type_name().as_str()),
                b.clone(),
            ],
        ));
    }
    if a.is_nil() || b.is_nil() {
        return Ok(a.is_nil() == b.is_nil());
    }
    Ok(match (a, b) {
        (Value::Struct(x), Value::Struct(y)) if x.pointer => Rc::ptr_eq(x, y),
        (Value::Struct(x), Value::Struct(y)) => x == y,
        _ => {
            return Err(show(
                "non-comparable type %s: %v",
                &[b.clone(), Value::from(b.type_name().as_str())],
            ))
        }
    })
}

pub(crate) fn lt(arg1: &Value, arg2: &Value) -> Result<bool, String> {
    let (a, b) = (
        arg1.clone().unwrap_interface(),
        arg2.clone().unwrap_interface(),
    );
    let (k1, k2) = (basic_kind(&a), basic_kind(&b));
    if k1 == Kind::Invalid || k2 == Kind::Invalid {
        return Err("invalid type for comparison".into());
    }
    if k1 != k2 {
        return match (k1, k2) {
            (Kind::Int, Kind::Uint) | (Kind::Uint, Kind::Int) => Ok(as_int(&a) < as_int(&b)),
            _ => Err("incompatible types for comparison".into()),
        };
    }
    Ok(match (&a, &b) {
        (Value::Float(x), Value::Float(y)) => x < y,
        (Value::String(x), Value::String(y)) => x < y,
        (Value::Uint8(x), Value::Uint8(y)) => x < y,
        (x, y) if k1 == Kind::Int => as_int(x) < as_int(y),
        _ => return Err("invalid type for comparison".into()),
    })
}

pub(crate) fn le(a: &Value, b: &Value) -> Result<bool, String> {
    if lt(a, b)? {
        return Ok(true);
    }
    eq(a, std::slice::from_ref(b))
}
