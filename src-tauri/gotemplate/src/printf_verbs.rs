//! Go's `fmt.Sprintf` and its `doPrintf`: walking a `printf` format string, its flags, widths,
//! precisions, `*` and `[n]` argument indexes, and the `%!verb(MISSING)`, `%!(EXTRA ...)`,
//! `%!(NOVERB)` notes Go writes into the output instead of failing.

use super::printf::Printer;
use super::unicode::decode_rune;
use super::value::Value;

/// `fmt.Sprintf`.
pub(crate) fn sprintf(format: &[u8], args: &[Value], limit: usize) -> Vec<u8> {
    let mut p = Printer::new(limit);
    do_printf(&mut p, format, args);
    p.into_bytes()
}

fn too_large(x: i64) -> bool {
    !(-1_000_000..=1_000_000).contains(&x)
}

/// Go's `parsenum`: (number, found, new index).
fn parse_num(s: &[u8], start: usize, end: usize) -> (i64, bool, usize) {
    if start >= end {
        return (0, false, end);
    }
    let mut num: i64 = 0;
    let mut found = false;
    let mut i = start;
    while i < end && s[i].is_ascii_digit() {
        if too_large(num) {
            return (0, false, end);
        }
        num = num * 10 + i64::from(s[i] - b'0');
        found = true;
        i += 1;
    }
    (num, found, i)
}

/// Go's `intFromArg`: (value, is int, new arg index).
fn int_from_arg(args: &[Value], arg_num: usize) -> (i64, bool, usize) {
    let Some(arg) = args.get(arg_num) else {
        return (0, false, arg_num);
    };
    let (mut num, mut is_int) = match arg {
        Value::Int(i) | Value::Int64(i) => (*i, true),
        Value::Uint8(u) => (i64::from(*u), true),
        _ => (0, false),
    };
    if too_large(num) {
        num = 0;
        is_int = false;
    }
    (num, is_int, arg_num + 1)
}

/// Go's `parseArgNumber` on `format[i..]` starting at `[`: (index, consumed, ok).
fn parse_arg_number(format: &[u8]) -> (i64, usize, bool) {
    if format.len() < 3 {
        return (0, 1, false);
    }
    for i in 1..format.len() {
        if format[i] == b']' {
            let (width, ok, newi) = parse_num(format, 1, i);
            if !ok || newi != i {
                return (0, i + 1, false);
            }
            return (width - 1, i + 1, true);
        }
    }
    (0, 1, false)
}

struct State {
    reordered: bool,
    good_arg_num: bool,
}

/// Go's `argNumber`: (arg index, new i, found).
fn arg_number(
    st: &mut State,
    arg_num: usize,
    format: &[u8],
    i: usize,
    num_args: usize,
) -> (usize, usize, bool) {
    if format.len() <= i || format[i] != b'[' {
        return (arg_num, i, false);
    }
    st.reordered = true;
    let (index, wid, ok) = parse_arg_number(&format[i..]);
    if ok && 0 <= index && (index as usize) < num_args {
        return (index as usize, i + wid, true);
    }
    st.good_arg_num = false;
    (arg_num, i + wid, ok)
}

fn do_printf(p: &mut Printer, format: &[u8], a: &[Value]) {
    let end = format.len();
    let mut arg_num = 0usize;
    let mut after_index;
    let mut st = State {
        reordered: false,
        good_arg_num: true,
    };
    let mut i = 0;
    'format: while i < end {
        if p.full() {
            break;
        }
        st.good_arg_num = true;
        let lasti = i;
        while i < end && format[i] != b'%' {
            i += 1;
        }
        if i > lasti {
            p.write_bytes(&format[lasti..i]);
        }
        if i >= end {
            break;
        }
        i += 1;
        p.fmt_mut().clear_flags();
        while i < end {
            let c = format[i];
            let f = &mut p.fmt_mut().f;
            match c {
                b'#' => f.sharp = true,
                b'0' => f.zero = !f.minus,
                b'+' => f.plus = true,
                b'-' => {
                    f.minus = true;
                    f.zero = false;
                }
                b' ' => f.space = true,
                _ => {
                    if c.is_ascii_lowercase() && arg_num < a.len() {
                        if c == b'v' {
                            f.sharp_v = f.sharp;
                            f.sharp = false;
                            f.plus_v = f.plus;
                            f.plus = false;
                        }
                        p.arg(&a[arg_num], c as char);
                        arg_num += 1;
                        i += 1;
                        continue 'format;
                    }
                    break;
                }
            }
            i += 1;
        }
        (arg_num, i, after_index) = arg_number(&mut st, arg_num, format, i, a.len());
        if i < end && format[i] == b'*' {
            i += 1;
            let (wid, present, next) = int_from_arg(a, arg_num);
            arg_num = next;
            let f = &mut p.fmt_mut().f;
            f.wid = wid;
            f.wid_present = present;
            if !present {
                p.write_bytes(b"%!(BADWIDTH)");
            }
            let f = &mut p.fmt_mut().f;
            if f.wid < 0 {
                f.wid = -f.wid;
                f.minus = true;
                f.zero = false;
            }
            after_index = false;
        } else {
            let (wid, present, next) = parse_num(format, i, end);
            i = next;
            let f = &mut p.fmt_mut().f;
            f.wid = wid;
            f.wid_present = present;
            if after_index && present {
                st.good_arg_num = false;
            }
        }
        if i + 1 < end && format[i] == b'.' {
            i += 1;
            if after_index {
                st.good_arg_num = false;
            }
            (arg_num, i, after_index) = arg_number(&mut st, arg_num, format, i, a.len());
            if i < end && format[i] == b'*' {
                i += 1;
                let (prec, present, next) = int_from_arg(a, arg_num);
                arg_num = next;
                let f = &mut p.fmt_mut().f;
                f.prec = prec;
                f.prec_present = present;
                if f.prec < 0 {
                    f.prec = 0;
                    f.prec_present = false;
                }
                if !f.prec_present {
                    p.write_bytes(b"%!(BADPREC)");
                }
                after_index = false;
            } else {
                let (prec, present, next) = parse_num(format, i, end);
                i = next;
                let f = &mut p.fmt_mut().f;
                f.prec = prec;
                f.prec_present = true;
                if !present {
                    f.prec = 0;
                }
            }
        }
        if !after_index {
            (arg_num, i, after_index) = arg_number(&mut st, arg_num, format, i, a.len());
        }
        let _ = after_index;
        if i >= end {
            p.write_bytes(b"%!(NOVERB)");
            break;
        }
        let (verb, size) = if format[i] < 0x80 {
            (u32::from(format[i]), 1)
        } else {
            decode_rune(&format[i..])
        };
        let verb = char::from_u32(verb).unwrap_or('\u{FFFD}');
        i += size.max(1);
        if verb == '%' {
            p.write_bytes(b"%");
        } else if !st.good_arg_num {
            p.write_bytes(format!("%!{verb}(BADINDEX)").as_bytes());
        } else if arg_num >= a.len() {
            p.write_bytes(format!("%!{verb}(MISSING)").as_bytes());
        } else {
            if verb == 'v' {
                let f = &mut p.fmt_mut().f;
                f.sharp_v = f.sharp;
                f.sharp = false;
                f.plus_v = f.plus;
                f.plus = false;
            }
            p.arg(&a[arg_num], verb);
            arg_num += 1;
        }
    }
    if !st.reordered && arg_num < a.len() {
        p.fmt_mut().clear_flags();
        p.write_bytes(b"%!(EXTRA ");
        for (k, arg) in a[arg_num..].iter().enumerate() {
            if k > 0 {
                p.write_bytes(b", ");
            }
            if arg.is_nil() {
                p.write_bytes(b"<nil>");
            } else {
                p.write_bytes(arg.type_name().as_bytes());
                p.write_bytes(b"=");
                p.arg(arg, 'v');
            }
        }
        p.write_bytes(b")");
    }
}
