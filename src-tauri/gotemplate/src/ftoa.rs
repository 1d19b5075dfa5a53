//! Go's `strconv.FormatFloat` for the verbs `printf` maps floats to (`%v %e %f %g %b %x`). Go's
//! layout rules differ from Rust's (`1e+06`, `%g` exponent thresholds, two-digit exponents), so
//! digits come from Rust (shortest, or the exact decimal expansion rounded half-to-even as Go's
//! `decimal.Round` does) and the layout is ported from Go's `formatDigits`.

/// Decimal digits `0.d1d2d3... × 10^dp`, as Go's `decimalSlice`.
struct Digits {
    d: Vec<u8>,
    dp: i32,
}

impl Digits {
    /// From Rust's `{:e}` rendering of a non-negative finite float.
    fn from_sci(s: &str) -> Digits {
        let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let mut d: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
        while d.last() == Some(&b'0') {
            d.pop();
        }
        let dp = if d.is_empty() { 0 } else { exp + 1 };
        Digits { d, dp }
    }

    fn shortest(v: f64) -> Digits {
        Digits::from_sci(&format!("{:e}", v.abs()))
    }

    /// Every digit of the binary value (a double's decimal expansion is finite).
    fn exact(v: f64) -> Digits {
        Digits::from_sci(&format!("{:.1100e}", v.abs()))
    }

    fn nd(&self) -> i32 {
        self.d.len() as i32
    }

    /// Go's `decimal.Round(nd)`: half to even on exact ties.
    fn round(&mut self, nd: i32) {
        if nd < 0 || nd >= self.nd() {
            return;
        }
        let n = nd as usize;
        let up = if self.d[n] == b'5' && n + 1 == self.d.len() {
            n > 0 && (self.d[n - 1] - b'0') % 2 == 1
        } else {
            self.d[n] >= b'5'
        };
        if up {
            let mut i = n;
            while i > 0 {
                if self.d[i - 1] < b'9' {
                    self.d[i - 1] += 1;
                    self.d.truncate(i);
                    return;
                }
                i -= 1;
            }
            self.d = vec![b'1'];
            self.dp += 1;
        } else {
            self.d.truncate(n);
            while self.d.last() == Some(&b'0') {
                self.d.pop();
            }
            if self.d.is_empty() {
                self.dp = 0;
            }
        }
    }
}

/// `strconv.FormatFloat(v, fmt, prec, 64)`.
pub(crate) fn format_float(v: f64, fmt: u8, prec: i32) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let neg = v.is_sign_negative();
    match fmt {
        b'b' => return fmt_b(v),
        b'x' | b'X' => return fmt_x(v, prec, fmt),
        _ => {}
    }
    let shortest = prec < 0;
    let mut prec = prec;
    let digs = if shortest {
        let d = Digits::shortest(v);
        prec = match fmt {
            b'e' | b'E' => (d.nd() - 1).max(0),
            b'f' => (d.nd() - d.dp).max(0),
            _ => d.nd(),
        };
        d
    } else {
        let mut d = Digits::exact(v);
        match fmt {
            b'e' | b'E' => d.round(prec + 1),
            b'f' => d.round(d.dp + prec),
            _ => {
                if prec == 0 {
                    prec = 1;
                }
                d.round(prec);
            }
        }
        d
    };
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    match fmt {
        b'e' | b'E' => fmt_e(&mut out, &digs, prec, fmt),
        b'f' => fmt_f(&mut out, &digs, prec),
        b'g' | b'G' => {
            let mut eprec = prec;
            if eprec > digs.nd() && digs.nd() >= digs.dp {
                eprec = digs.nd();
            }
            if shortest {
                eprec = 6;
            }
            let exp = digs.dp - 1;
            if exp < -4 || exp >= eprec {
                if prec > digs.nd() {
                    prec = digs.nd();
                }
                fmt_e(&mut out, &digs, prec - 1, fmt + b'e' - b'g');
            } else {
                if prec > digs.dp {
                    prec = digs.nd();
                }
                fmt_f(&mut out, &digs, (prec - digs.dp).max(0));
            }
        }
        _ => {
            out.push('%');
            out.push(fmt as char);
        }
    }
    out
}

fn fmt_e(out: &mut String, d: &Digits, prec: i32, fmt: u8) {
    out.push(d.d.first().map_or('0', |&c| c as char));
    if prec > 0 {
        out.push('.');
        let m = (d.nd()).min(prec + 1).max(1) as usize;
        for &c in d.d.get(1..m).unwrap_or(&[]) {
            out.push(c as char);
        }
        for _ in (m as i32)..=prec {
            out.push('0');
        }
    }
    out.push(fmt as char);
    let exp = if d.d.is_empty() { 0 } else { d.dp - 1 };
    out.push(if exp < 0 { '-' } else { '+' });
    let exp = exp.abs();
    if exp < 10 {
        out.push('0');
    }
    out.push_str(&exp.to_string());
}

fn fmt_f(out: &mut String, d: &Digits, prec: i32) {
    if d.dp > 0 {
        let m = d.nd().min(d.dp) as usize;
        for &c in &d.d[..m] {
            out.push(c as char);
        }
        for _ in m as i32..d.dp {
            out.push('0');
        }
    } else {
        out.push('0');
    }
    if prec > 0 {
        out.push('.');
        for i in 0..prec {
            let j = d.dp + i;
            let c = if j >= 0 && j < d.nd() {
                d.d[j as usize] as char
            } else {
                '0'
            };
            out.push(c);
        }
    }
}

/// Mantissa and binary exponent as Go's `genericFtoa` prepares them.
fn parts(v: f64) -> (bool, u64, i32) {
    let bits = v.to_bits();
    let neg = bits >> 63 != 0;
    let mut exp = ((bits >> 52) & 0x7ff) as i32;
    let mut mant = bits & ((1 << 52) - 1);
    if exp == 0 {
        exp += 1;
    } else {
        mant |= 1 << 52;
    }
    (neg, mant, exp - 1023)
}

fn fmt_b(v: f64) -> String {
    let (neg, mant, exp) = parts(v);
    let exp = exp - 52;
    format!(
        "{}{}p{}{}",
        if neg { "-" } else { "" },
        mant,
        if exp >= 0 { "+" } else { "" },
        exp
    )
}

fn fmt_x(v: f64, prec: i32, fmt: u8) -> String {
    let (neg, mut mant, mut exp) = parts(v);
    if mant == 0 {
        exp = 0;
    }
    mant <<= 60 - 52;
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        let shift = (prec * 4) as u32;
        let extra = (mant << shift) & ((1 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let hex: &[u8] = if fmt == b'X' {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    out.push('0');
    out.push(fmt as char);
    out.push((b'0' + ((mant >> 60) & 1) as u8) as char);
    mant <<= 4;
    if prec < 0 && mant != 0 {
        out.push('.');
        while mant != 0 {
            out.push(hex[((mant >> 60) & 15) as usize] as char);
            mant <<= 4;
        }
    } else if prec > 0 {
        out.push('.');
        for _ in 0..prec {
            out.push(hex[((mant >> 60) & 15) as usize] as char);
            mant <<= 4;
        }
    }
    out.push(if fmt == b'X' { 'P' } else { 'p' });
    out.push(if exp < 0 { '-' } else { '+' });
    let exp = exp.abs();
    if exp < 10 {
        out.push('0');
    }
    out.push_str(&exp.to_string());
    out
}
