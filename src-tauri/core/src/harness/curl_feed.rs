//! What `printf ... |` or `echo ... |` in front of a pasted cURL command writes into its
//! stdin (the body of `--data-binary @-`): printf's `%s`, `%b`, `%%` and backslash escapes
//! (octal, hex), echo's `-n` and `-e`, as bash's builtins print them.

use super::CurlError;

/// What `printf` or `echo` writes into the pipe.
pub(super) fn feed(words: &[Vec<u8>]) -> Result<Vec<u8>, CurlError> {
    let name = String::from_utf8_lossy(&words[0]).into_owned();
    match name.as_str() {
        "printf" => printf(&words[1..]),
        "echo" => Ok(echo(&words[1..])),
        _ => Err(CurlError(format!(
            "\u{201c}{name}\u{201d} feeds curl here: only printf or echo can be read"
        ))),
    }
}

fn printf(args: &[Vec<u8>]) -> Result<Vec<u8>, CurlError> {
    let args = match args.first() {
        Some(first) if first == b"--" => &args[1..],
        _ => args,
    };
    let Some((format, mut values)) = args.split_first() else {
        return Err(CurlError("printf has no format".into()));
    };
    let mut out = Vec::new();
    loop {
        let mut used = false;
        let mut at = 0;
        while at < format.len() {
            if format[at] == b'%' {
                let conversion = format.get(at + 1).copied();
                at += 2;
                match conversion {
                    Some(b'%') => out.push(b'%'),
                    Some(kind @ (b's' | b'b')) => {
                        used = true;
                        let (value, rest) = values
                            .split_first()
                            .map_or((&[][..], values), |(v, r)| (v.as_slice(), r));
                        values = rest;
                        if kind == b's' {
                            out.extend_from_slice(value);
                        } else {
                            out.extend(unescape(value, true));
                        }
                    }
                    _ => {
                        return Err(CurlError(
                            "printf's format uses a conversion other than %s, %b or %%".into(),
                        ))
                    }
                }
            } else {
                let next = format[at..]
                    .iter()
                    .position(|&b| b == b'%')
                    .map_or(format.len(), |p| at + p);
                out.extend(unescape(&format[at..next], false));
                at = next;
            }
        }
        // printf reuses its format while values are left.
        if !used || values.is_empty() {
            return Ok(out);
        }
    }
}

fn echo(args: &[Vec<u8>]) -> Vec<u8> {
    let mut newline = true;
    let mut escapes = false;
    let mut rest = args;
    while let Some((flag, others)) = rest.split_first() {
        let is_flag =
            flag.len() > 1 && flag[0] == b'-' && flag[1..].iter().all(|b| b"neE".contains(b));
        if !is_flag {
            break;
        }
        for b in &flag[1..] {
            match b {
                b'n' => newline = false,
                b'e' => escapes = true,
                _ => escapes = false,
            }
        }
        rest = others;
    }
    let mut out = rest.join(&b' ');
    if escapes {
        out = unescape(&out, true);
    }
    if newline {
        out.push(b'\n');
    }
    out
}

/// printf's and `echo -e`'s backslash escapes; `zero_octal` reads `\0NNN` as `%b` does.
fn unescape(bytes: &[u8], zero_octal: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        at += 1;
        if byte != b'\\' || at >= bytes.len() {
            out.push(byte);
            continue;
        }
        let escaped = bytes[at];
        at += 1;
        let simple = match escaped {
            b'a' => Some(0x07),
            b'b' => Some(0x08),
            b'e' => Some(0x1b),
            b'f' => Some(0x0c),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            b'v' => Some(0x0b),
            b'\\' => Some(b'\\'),
            b'"' => Some(b'"'),
            b'\'' => Some(b'\''),
            _ => None,
        };
        if let Some(value) = simple {
            out.push(value);
            continue;
        }
        let (radix, max, start) = match escaped {
            b'0' if zero_octal => (8, 3, at),
            b'0'..=b'7' => (8, 3, at - 1),
            b'x' => (16, 2, at),
            _ => {
                out.extend_from_slice(&[b'\\', escaped]);
                continue;
            }
        };
        let mut value: u32 = 0;
        let mut end = start;
        while end < bytes.len() && end - start < max {
            match char::from(bytes[end]).to_digit(radix) {
                Some(digit) => value = value * radix + digit,
                None => break,
            }
            end += 1;
        }
        if end == start && escaped == b'x' {
            out.extend_from_slice(b"\\x");
            continue;
        }
        out.push((value & 0xff) as u8);
        at = end;
    }
    out
}
