//! Go's number parsing (`strconv.ParseUint`/`ParseInt` with base 0, `ParseFloat`, and
//! `fmt.Sscan` of a complex): which spellings of a number literal Go accepts (`0x1F`, `1_000`,
//! `0o17`, `0x1p4`, `1+2i`) and which it refuses (`08`, `1__0`).

/// Go's `underscoreOK`: underscores only between digits (a base prefix counts as a digit).
pub(crate) fn underscore_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let mut b = match b.first() {
        Some(b'+' | b'-') => &b[1..],
        _ => b,
    };
    let mut saw = b'^';
    let mut hex = false;
    if b.len() >= 2 && b[0] == b'0' && matches!(b[1] | 0x20, b'b' | b'o' | b'x') {
        hex = b[1] | 0x20 == b'x';
        saw = b'0';
        b = &b[2..];
    }
    for &c in b {
        if c.is_ascii_digit() || (hex && (c | 0x20).is_ascii_hexdigit()) {
            saw = b'0';
            continue;
        }
        if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
            continue;
        }
        if saw == b'_' {
            return false;
        }
        saw = b'!';
    }
    saw != b'_'
}

/// `strconv.ParseUint(s, 0, 64)`.
pub(crate) fn parse_uint(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    if b.is_empty() {
        return None;
    }
    let (base, digits): (u64, &[u8]) = if b[0] == b'0' {
        match b.get(1).map(|c| c | 0x20) {
            Some(b'b') if b.len() >= 3 => (2, &b[2..]),
            Some(b'o') if b.len() >= 3 => (8, &b[2..]),
            Some(b'x') if b.len() >= 3 => (16, &b[2..]),
            _ => (8, &b[1..]),
        }
    } else {
        (10, b)
    };
    let mut n: u64 = 0;
    let mut underscores = false;
    for &c in digits {
        let d = match c {
            b'_' => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => c - b'0',
            _ if (c | 0x20).is_ascii_lowercase() => (c | 0x20) - b'a' + 10,
            _ => return None,
        };
        if u64::from(d) >= base {
            return None;
        }
        n = n.checked_mul(base)?.checked_add(u64::from(d))?;
    }
    if underscores && !underscore_ok(s) {
        return None;
    }
    Some(n)
}

/// `strconv.ParseInt(s, 0, 64)`.
pub(crate) fn parse_int(s: &str) -> Option<i64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    let u = parse_uint(body)?;
    if neg {
        if u > 1 << 63 {
            return None;
        }
        Some((u as i64).wrapping_neg())
    } else {
        i64::try_from(u).ok()
    }
}

/// `strconv.ParseFloat(s, 64)` for the spellings the lexer can produce (no inf/nan).
pub(crate) fn parse_float(s: &str) -> Option<f64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    if s.contains('_') && !underscore_ok(s) {
        return None;
    }
    let clean: String = body.chars().filter(|&c| c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let v = if let Some(hex) = lower.strip_prefix("0x") {
        parse_hex_float(hex)?
    } else {
        if clean.is_empty()
            || !clean
                .bytes()
                .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
            || !clean.bytes().any(|c| c.is_ascii_digit())
        {
            return None;
        }
        clean.parse::<f64>().ok()?
    };
    if v.is_infinite() {
        return None;
    }
    Some(if neg { -v } else { v })
}

/// Hex mantissa with a mandatory binary exponent: `1.8p3`.
fn parse_hex_float(s: &str) -> Option<f64> {
    let (mant, exp) = s.split_once('p')?;
    if exp.is_empty() {
        return None;
    }
    let exp: i32 = exp.parse().ok()?;
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut m: u128 = 0;
    let mut shift: i32 = 0;
    let mut sticky = false;
    for (i, c) in int.chars().chain(frac.chars()).enumerate() {
        let d = c.to_digit(16)?;
        if m >> 120 == 0 {
            m = (m << 4) | u128::from(d);
            if i >= int.len() {
                shift -= 4;
            }
        } else {
            sticky |= d != 0;
            if i < int.len() {
                shift += 4;
            }
        }
    }
    let m = m | u128::from(sticky);
    Some((m as f64) * 2f64.powi(exp.saturating_add(shift)))
}

/// `fmt.Sscan` into a `complex128`, as the parser reads `1+2i`: a float token, a sign, a float
/// token, then `i`. Returns (real, imaginary).
pub(crate) fn scan_complex(s: &str) -> Option<(f64, f64)> {
    let b = s.as_bytes();
    let real_end = float_token(b, 0);
    let sign_at = real_end;
    if !matches!(b.get(sign_at), Some(b'+' | b'-')) {
        return None;
    }
    let imag_end = float_token(b, sign_at + 1);
    if b.get(imag_end) != Some(&b'i') {
        return None;
    }
    let re = convert_float(&s[..real_end])?;
    let im = convert_float(&s[sign_at..imag_end])?;
    Some((re, im))
}

/// `ss.floatToken` (without the nan/inf spellings, which the lexer never produces).
fn float_token(b: &[u8], mut i: usize) -> usize {
    let accept = |i: &mut usize, set: &[u8]| -> bool {
        match b.get(*i) {
            Some(c) if set.contains(c) => {
                *i += 1;
                true
            }
            _ => false,
        }
    };
    accept(&mut i, b"+-");
    let mut digits: &[u8] = b"0123456789_";
    let mut exp: &[u8] = b"eEpP";
    if accept(&mut i, b"0") && accept(&mut i, b"xX") {
        digits = b"0123456789aAbBcCdDeEfF_";
        exp = b"pP";
    }
    while accept(&mut i, digits) {}
    if accept(&mut i, b".") {
        while accept(&mut i, digits) {}
    }
    if accept(&mut i, exp) {
        accept(&mut i, b"+-");
        while accept(&mut i, b"0123456789_") {}
    }
    i
}

/// `ss.convertFloat`: Go's scanner applies a `p` exponent itself.
fn convert_float(s: &str) -> Option<f64> {
    if let Some(p) = s.find(['p', 'P']) {
        let f = parse_float(&s[..p])?;
        let m: i32 = s[p + 1..].parse().ok()?;
        return Some(f * 2f64.powi(m));
    }
    parse_float(s)
}
