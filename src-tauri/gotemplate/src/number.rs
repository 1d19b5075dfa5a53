//! Go's reading of a number literal (`parse.newNumber`): one literal can be an int, a uint, a
//! float and a complex at once, and which readings exist decides both parse errors (`08`,
//! `99999999999999999999`) and the Go type the executor gives it (`1` is int, `1.0` float64).

use super::ast::Number;
use super::atoi::{parse_float, parse_int, parse_uint, scan_complex};
use super::quote::{go_quote as go_q, unquote_char};
use super::value::Value;

const TWO_63: f64 = 9_223_372_036_854_775_808.0;
const TWO_64: f64 = 18_446_744_073_709_551_616.0;

/// `float64(int64(f)) == f` as Go on amd64 computes it.
fn exact_int(f: f64) -> Option<i64> {
    (f.fract() == 0.0 && (-TWO_63..TWO_63).contains(&f)).then_some(f as i64)
}

/// `float64(uint64(f)) == f` as Go on amd64 computes it.
fn exact_uint(f: f64) -> Option<u64> {
    (f.fract() == 0.0 && f > -1.0 && f < TWO_64).then_some(f as u64)
}

impl Number {
    fn empty(pos: usize, text: &str) -> Number {
        Number {
            pos,
            text: text.to_string(),
            is_int: false,
            is_uint: false,
            is_float: false,
            is_complex: false,
            int: 0,
            uint: 0,
            float: 0.0,
            complex: (0.0, 0.0),
        }
    }

    fn simplify_complex(&mut self) {
        self.is_float = self.complex.1 == 0.0;
        if self.is_float {
            self.float = self.complex.0;
            if let Some(i) = exact_int(self.float) {
                self.is_int = true;
                self.int = i;
            }
            if let Some(u) = exact_uint(self.float) {
                self.is_uint = true;
                self.uint = u;
            }
        }
    }

    /// A character constant (`'a'`, `'\n'`).
    pub fn from_char(pos: usize, text: &str) -> Result<Number, String> {
        let b = text.as_bytes();
        let (r, _, tail) = unquote_char(
            b.get(1..).unwrap_or(&[]),
            b.first().copied().unwrap_or(b'\''),
        )
        .map_err(str::to_string)?;
        if tail != b"'" {
            return Err(format!("malformed character constant: {text}"));
        }
        let mut n = Number::empty(pos, text);
        n.is_int = true;
        n.is_uint = true;
        n.is_float = true;
        n.int = i64::from(r);
        n.uint = u64::from(r);
        n.float = f64::from(r);
        Ok(n)
    }

    /// A complex constant the lexer found (`1+2i`), read as `fmt.Sscan` reads it.
    pub fn from_complex(pos: usize, text: &str) -> Result<Number, String> {
        let c = scan_complex(text).ok_or_else(|| "expected complex number".to_string())?;
        let mut n = Number::empty(pos, text);
        n.is_complex = true;
        n.complex = c;
        n.simplify_complex();
        Ok(n)
    }

    /// Any other number token.
    pub fn from_text(pos: usize, text: &str) -> Result<Number, String> {
        let mut n = Number::empty(pos, text);
        if let Some(imag) = text.strip_suffix('i') {
            if let Some(f) = parse_float(imag) {
                n.is_complex = true;
                n.complex = (0.0, f);
                n.simplify_complex();
                return Ok(n);
            }
        }
        let u = parse_uint(text);
        if let Some(u) = u {
            n.is_uint = true;
            n.uint = u;
        }
        if let Some(i) = parse_int(text) {
            n.is_int = true;
            n.int = i;
            if i == 0 {
                n.is_uint = true;
                n.uint = u.unwrap_or(0);
            }
        }
        if n.is_int {
            n.is_float = true;
            n.float = n.int as f64;
        } else if n.is_uint {
            n.is_float = true;
            n.float = n.uint as f64;
        } else if let Some(f) = parse_float(text) {
            if !text.contains(['.', 'e', 'E', 'p', 'P']) {
                return Err(format!("integer overflow: {}", go_q(text)));
            }
            n.is_float = true;
            n.float = f;
            if let Some(i) = exact_int(f) {
                n.is_int = true;
                n.int = i;
            }
            if let Some(u) = exact_uint(f) {
                n.is_uint = true;
                n.uint = u;
            }
        }
        if !n.is_int && !n.is_uint && !n.is_float {
            return Err(format!("illegal number syntax: {}", go_q(text)));
        }
        Ok(n)
    }

    /// Go's `idealConstant`: the Go value a number literal stands for when used as a value
    /// (`1` is an `int`, `1.0` and `1e3` are `float64`, `'a'` is an `int`, `1i` a `complex128`).
    pub fn ideal_constant(&self) -> Result<Value, String> {
        let t = &self.text;
        let hex_int = t.len() > 2
            && t.starts_with('0')
            && matches!(t.as_bytes()[1], b'x' | b'X')
            && !t.contains(['p', 'P']);
        if self.is_complex {
            Ok(Value::Complex(self.complex.0, self.complex.1))
        } else if self.is_float
            && !hex_int
            && !t.starts_with('\'')
            && t.contains(['.', 'e', 'E', 'p', 'P'])
        {
            Ok(Value::Float(self.float))
        } else if self.is_int {
            Ok(Value::Int(self.int))
        } else if self.is_uint {
            Err(format!("{t} overflows int"))
        } else {
            Ok(Value::Nil)
        }
    }
}
