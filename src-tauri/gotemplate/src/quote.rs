//! Go's quoting rules (`strconv.Quote`, `QuoteRune`, `Unquote`, `UnquoteChar`,
//! `CanBackquote`): how a string or character literal in a template is read, and how `%q` and
//! Go's error messages quote text back.

use super::unicode::{decode_rune, encode_rune, is_print, valid_rune, RUNE_ERROR};

/// Go's `%q` of a string, as its error messages use it.
pub(crate) fn go_quote(s: &str) -> String {
    String::from_utf8_lossy(&quote(s.as_bytes(), false)).into_owned()
}

/// `strconv.ErrSyntax` / `ErrRange` as Go words them in template errors.
pub(crate) const INVALID_SYNTAX: &str = "invalid syntax";

fn unhex(c: u8) -> Option<u32> {
    (c as char).to_digit(16)
}

/// `strconv.UnquoteChar`: one (possibly escaped) character of a quoted literal. Returns the
/// value, whether it must be UTF-8 encoded (false for `\x`/octal bytes), and the rest.
pub(crate) fn unquote_char(s: &[u8], quote: u8) -> Result<(u32, bool, &[u8]), &'static str> {
    let Some(&c) = s.first() else {
        return Err(INVALID_SYNTAX);
    };
    if c == quote && (quote == b'\'' || quote == b'"') {
        return Err(INVALID_SYNTAX);
    }
    if c >= 0x80 {
        let (r, w) = decode_rune(s);
        return Ok((r, true, &s[w..]));
    }
    if c != b'\\' {
        return Ok((u32::from(c), false, &s[1..]));
    }
    let Some(&e) = s.get(1) else {
        return Err(INVALID_SYNTAX);
    };
    let mut rest = &s[2..];
    let value = match e {
        b'a' => 7,
        b'b' => 8,
        b'f' => 12,
        b'n' => 10,
        b'r' => 13,
        b't' => 9,
        b'v' => 11,
        b'x' | b'u' | b'U' => {
            let n = match e {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            let digits = rest.get(..n).ok_or(INVALID_SYNTAX)?;
            let mut v: u32 = 0;
            for &d in digits {
                v = (v << 4) | unhex(d).ok_or(INVALID_SYNTAX)?;
            }
            rest = &rest[n..];
            if e == b'x' {
                return Ok((v, false, rest));
            }
            if !valid_rune(i64::from(v)) {
                return Err(INVALID_SYNTAX);
            }
            return Ok((v, true, rest));
        }
        b'0'..=b'7' => {
            let mut v = u32::from(e - b'0');
            let digits = rest.get(..2).ok_or(INVALID_SYNTAX)?;
            for &d in digits {
                if !(b'0'..=b'7').contains(&d) {
                    return Err(INVALID_SYNTAX);
                }
                v = (v << 3) | u32::from(d - b'0');
            }
            rest = &rest[2..];
            if v > 255 {
                return Err(INVALID_SYNTAX);
            }
            return Ok((v, false, rest));
        }
        b'\\' => u32::from(b'\\'),
        b'\'' | b'"' if e == quote => u32::from(e),
        _ => return Err(INVALID_SYNTAX),
    };
    Ok((value, false, rest))
}

/// `strconv.Unquote` for the lexer's string tokens (`"..."` or `` `...` ``), as bytes.
pub(crate) fn unquote(token: &str) -> Result<Vec<u8>, &'static str> {
    let b = token.as_bytes();
    if b.len() < 2 {
        return Err(INVALID_SYNTAX);
    }
    let quote = b[0];
    if quote != b[b.len() - 1] {
        return Err(INVALID_SYNTAX);
    }
    let body = &b[1..b.len() - 1];
    if quote == b'`' {
        if body.contains(&b'`') {
            return Err(INVALID_SYNTAX);
        }
        return Ok(body.iter().copied().filter(|&c| c != b'\r').collect());
    }
    if quote != b'"' || body.contains(&b'\n') {
        return Err(INVALID_SYNTAX);
    }
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    while !rest.is_empty() {
        let (r, multibyte, tail) = unquote_char(rest, quote)?;
        if r < 0x80 || !multibyte {
            out.push(r as u8);
        } else {
            encode_rune(r, &mut out);
        }
        rest = tail;
    }
    Ok(out)
}

/// `strconv.Quote` (`ascii`: `QuoteToASCII`), on Go's byte strings.
pub(crate) fn quote(s: &[u8], ascii: bool) -> Vec<u8> {
    let mut out = vec![b'"'];
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        if w == 1 && r == RUNE_ERROR {
            out.extend_from_slice(format!("\\x{:02x}", s[i]).as_bytes());
        } else {
            escaped_rune(&mut out, r, b'"', ascii);
        }
        i += w.max(1);
    }
    out.push(b'"');
    out
}

/// `strconv.QuoteRune` (`ascii`: `QuoteRuneToASCII`).
pub(crate) fn quote_rune(r: u32, ascii: bool) -> Vec<u8> {
    let r = if valid_rune(i64::from(r)) {
        r
    } else {
        RUNE_ERROR
    };
    let mut out = vec![b'\''];
    escaped_rune(&mut out, r, b'\'', ascii);
    out.push(b'\'');
    out
}

fn escaped_rune(out: &mut Vec<u8>, r: u32, quote: u8, ascii: bool) {
    if r == u32::from(quote) || r == u32::from(b'\\') {
        out.push(b'\\');
        out.push(r as u8);
        return;
    }
    if ascii {
        if r < 0x80 && is_print(r) {
            out.push(r as u8);
            return;
        }
    } else if is_print(r) {
        encode_rune(r, out);
        return;
    }
    let esc = match r {
        7 => "\\a",
        8 => "\\b",
        12 => "\\f",
        10 => "\\n",
        13 => "\\r",
        9 => "\\t",
        11 => "\\v",
        _ => "",
    };
    if !esc.is_empty() {
        out.extend_from_slice(esc.as_bytes());
    } else if r < 0x20 || r == 0x7f {
        out.extend_from_slice(format!("\\x{r:02x}").as_bytes());
    } else {
        let r = if valid_rune(i64::from(r)) {
            r
        } else {
            RUNE_ERROR
        };
        if r < 0x10000 {
            out.extend_from_slice(format!("\\u{r:04x}").as_bytes());
        } else {
            out.extend_from_slice(format!("\\U{r:08x}").as_bytes());
        }
    }
}

/// `strconv.CanBackquote`.
pub(crate) fn can_backquote(s: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        i += w.max(1);
        if w > 1 {
            if r == 0xFEFF {
                return false;
            }
            continue;
        }
        if r == RUNE_ERROR || (r < 0x20 && r != 9) || r == 0x60 || r == 0x7f {
            return false;
        }
    }
    true
}
