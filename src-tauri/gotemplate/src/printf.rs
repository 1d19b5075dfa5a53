//! Go's `fmt/print.go` over template values: the `Printer` behind `print`, `println` and
//! `printf` (whose format walk, `fmt.Sprintf`, is in `printf_verbs.rs`) and the printing of an
//! action's result. Go's verb dispatch by type, its `%!d(string=Ann)` complaints, missing and
//! extra arguments, and `print`'s rule of spacing operands only when neither is a string are all
//! reproduced, because admins see their output verbatim.

use super::format::{Fmt, LDIGITS, UDIGITS};
use super::value::{StructValue, Value};

/// Stand-in address for `%p` (Go prints a real, run-dependent pointer there).
const FAKE_POINTER: u64 = 0xc000010000;

pub(crate) struct Printer {
    fmt: Fmt,
    /// Once the output is longer than this, the remaining operands are not printed (the
    /// caller refuses the result as over its limit; see `budget.rs`).
    limit: usize,
}

impl Printer {
    pub(crate) fn new(limit: usize) -> Self {
        Printer {
            fmt: Fmt::default(),
            limit,
        }
    }

    /// Whether the output is past its limit.
    pub(crate) fn full(&self) -> bool {
        self.fmt.buf.len() > self.limit
    }

    fn write(&mut self, s: &[u8]) {
        self.fmt.buf.extend_from_slice(s);
    }

    fn bad_verb(&mut self, verb: char, arg: &Value) {
        self.write(b"%!");
        self.write(verb.to_string().as_bytes());
        self.write(b"(");
        if arg.is_nil() {
            self.write(b"<nil>");
        } else {
            self.write(arg.type_name().as_bytes());
            self.write(b"=");
            self.print_arg(arg, 'v');
        }
        self.write(b")");
    }

    fn fmt_integer(&mut self, v: u64, signed: bool, verb: char, arg: &Value) {
        let f = &mut self.fmt;
        match verb {
            'v' if f.f.sharp_v && !signed => self.fmt_0x64(v, true),
            'v' | 'd' => f.fmt_integer(v, 10, signed, verb, LDIGITS),
            'b' => f.fmt_integer(v, 2, signed, verb, LDIGITS),
            'o' | 'O' => f.fmt_integer(v, 8, signed, verb, LDIGITS),
            'x' => f.fmt_integer(v, 16, signed, verb, LDIGITS),
            'X' => f.fmt_integer(v, 16, signed, verb, UDIGITS),
            'c' => f.fmt_c(v),
            'q' => f.fmt_qc(v),
            'U' => f.fmt_unicode(v),
            _ => self.bad_verb(verb, arg),
        }
    }

    fn fmt_0x64(&mut self, v: u64, leading0x: bool) {
        let sharp = self.fmt.f.sharp;
        self.fmt.f.sharp = leading0x;
        self.fmt.fmt_integer(v, 16, false, 'v', LDIGITS);
        self.fmt.f.sharp = sharp;
    }

    fn fmt_float(&mut self, v: f64, verb: char, arg: &Value) {
        match verb {
            'v' => self.fmt.fmt_float(v, b'g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => self.fmt.fmt_float(v, verb as u8, -1),
            'f' | 'e' | 'E' => self.fmt.fmt_float(v, verb as u8, 6),
            'F' => self.fmt.fmt_float(v, b'f', 6),
            _ => self.bad_verb(verb, arg),
        }
    }

    fn fmt_string(&mut self, s: &[u8], verb: char, arg: &Value) {
        match verb {
            'v' if self.fmt.f.sharp_v => self.fmt.fmt_q(s),
            'v' | 's' => self.fmt.fmt_s(s),
            'x' => self.fmt.fmt_sx(s, LDIGITS),
            'X' => self.fmt.fmt_sx(s, UDIGITS),
            'q' => self.fmt.fmt_q(s),
            _ => self.bad_verb(verb, arg),
        }
    }

    fn fmt_pointer(&mut self, value: &Value, verb: char) {
        if !matches!(value, Value::List(_) | Value::Map(_) | Value::Struct(_)) {
            return self.bad_verb(verb, value);
        }
        match verb {
            'v' if self.fmt.f.sharp_v => {
                self.write(format!("({})(", value.type_name()).as_bytes());
                self.fmt_0x64(FAKE_POINTER, true);
                self.write(b")");
            }
            'v' => self.fmt_0x64(FAKE_POINTER, !self.fmt.f.sharp),
            'p' => self.fmt_0x64(FAKE_POINTER, !self.fmt.f.sharp),
            'b' | 'o' | 'd' | 'x' | 'X' => self.fmt_integer(FAKE_POINTER, false, verb, value),
            _ => self.bad_verb(verb, value),
        }
    }

    /// Go's `printArg`: one operand of `print`/`printf` (an `interface{}`).
    fn print_arg(&mut self, arg: &Value, verb: char) {
        if arg.is_nil() {
            match verb {
                'T' | 'v' => self.fmt.pad(b"<nil>"),
                _ => self.bad_verb(verb, arg),
            }
            return;
        }
        match verb {
            'T' => return self.fmt.fmt_s(arg.type_name().as_bytes()),
            'p' => return self.fmt_pointer(arg, 'p'),
            _ => {}
        }
        self.print_value(arg, verb, 0);
    }

    fn print_value(&mut self, value: &Value, verb: char, depth: usize) {
        match value {
            Value::Nil if depth == 0 => self.write(b"<invalid reflect.Value>"),
            Value::Nil => match verb {
                'v' => self.write(b"<nil>"),
                _ => self.bad_verb(verb, value),
            },
            // A nil interface{} element: Go prints it the same for every verb.
            Value::NilInterface if self.fmt.f.sharp_v => self.write(b"interface {}(nil)"),
            Value::NilInterface => self.write(b"<nil>"),
            Value::Bool(b) => match verb {
                't' | 'v' => self.fmt.fmt_boolean(*b),
                _ => self.bad_verb(verb, value),
            },
            Value::Int(i) | Value::Int64(i) => self.fmt_integer(*i as u64, true, verb, value),
            Value::Uint8(u) => self.fmt_integer(u64::from(*u), false, verb, value),
            Value::Float(f) => self.fmt_float(*f, verb, value),
            Value::Complex(re, im) => match verb {
                'v' | 'b' | 'g' | 'G' | 'x' | 'X' | 'f' | 'F' | 'e' | 'E' => {
                    let old_plus = self.fmt.f.plus;
                    self.write(b"(");
                    self.fmt_float(*re, verb, value);
                    self.fmt.f.plus = true;
                    self.fmt_float(*im, verb, value);
                    self.write(b"i)");
                    self.fmt.f.plus = old_plus;
                }
                _ => self.bad_verb(verb, value),
            },
            Value::String(s) => self.fmt_string(s, verb, value),
            Value::Map(m) => {
                let sharp_v = self.fmt.f.sharp_v;
                if sharp_v {
                    self.write(value.type_name().as_bytes());
                    self.write(b"{");
                } else {
                    self.write(b"map[");
                }
                for (i, (k, v)) in m.iter().enumerate() {
                    if i > 0 {
                        self.write(if sharp_v { b", " } else { b" " });
                    }
                    self.print_value(&Value::from(k.as_str()), verb, depth + 1);
                    self.write(b":");
                    self.print_value(&v.as_element(), verb, depth + 1);
                }
                self.write(if sharp_v { b"}" } else { b"]" });
            }
            Value::List(l) => {
                let sharp_v = self.fmt.f.sharp_v;
                if sharp_v {
                    self.write(value.type_name().as_bytes());
                }
                self.write(if sharp_v { b"{" } else { b"[" });
                for (i, v) in l.iter().enumerate() {
                    if i > 0 {
                        self.write(if sharp_v { b", " } else { b" " });
                    }
                    self.print_value(&v.as_element(), verb, depth + 1);
                }
                self.write(if sharp_v { b"}" } else { b"]" });
            }
            Value::Struct(s) if s.pointer && depth == 0 => {
                self.write(b"&");
                self.print_struct(s, verb, depth + 1);
            }
            Value::Struct(s) if s.pointer => self.fmt_pointer(value, verb),
            Value::Struct(s) => self.print_struct(s, verb, depth),
        }
    }

    fn print_struct(&mut self, s: &StructValue, verb: char, depth: usize) {
        let sharp_v = self.fmt.f.sharp_v;
        if sharp_v {
            self.write(s.type_name.as_bytes());
        }
        self.write(b"{");
        for (i, (name, v)) in s.fields.iter().enumerate() {
            if i > 0 {
                self.write(if sharp_v { b", " } else { b" " });
            }
            if self.fmt.f.plus_v || sharp_v {
                self.write(name.as_bytes());
                self.write(b":");
            }
            self.print_value(v, verb, depth + 1);
        }
        self.write(b"}");
    }
}

/// `fmt.Sprint`: spaces between operands when neither side is a string.
pub(crate) fn sprint(args: &[Value], limit: usize) -> Vec<u8> {
    let mut p = Printer::new(limit);
    let mut prev_string = false;
    for (i, arg) in args.iter().enumerate() {
        if p.full() {
            break;
        }
        let is_string = matches!(arg, Value::String(_));
        if i > 0 && !is_string && !prev_string {
            p.write(b" ");
        }
        p.print_arg(arg, 'v');
        prev_string = is_string;
    }
    p.fmt.buf
}

/// `fmt.Sprintln`: always spaces, then a newline.
pub(crate) fn sprintln(args: &[Value], limit: usize) -> Vec<u8> {
    let mut p = Printer::new(limit);
    for (i, arg) in args.iter().enumerate() {
        if p.full() {
            break;
        }
        if i > 0 {
            p.write(b" ");
        }
        p.print_arg(arg, 'v');
    }
    p.write(b"\n");
    p.fmt.buf
}

impl Printer {
    /// The bytes printed.
    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.fmt.buf
    }

    pub(crate) fn fmt_mut(&mut self) -> &mut Fmt {
        &mut self.fmt
    }

    pub(crate) fn write_bytes(&mut self, s: &[u8]) {
        self.write(s);
    }

    pub(crate) fn arg(&mut self, arg: &Value, verb: char) {
        self.print_arg(arg, verb);
    }
}
