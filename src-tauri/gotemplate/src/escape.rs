//! Go's escaping builtins (`html`, `js`, `urlquery`) and the argument joining they share
//! (`evalArgs`: one string as is, else `fmt.Sprint` of the printable forms).

use super::printf::sprint;
use super::value::{indirect, Value};

/// Go's `evalArgs` for `html`, `js`, `urlquery`: one string as is, else `fmt.Sprint` of the
/// printable forms (no value prints as `<no value>`, pointers are dereferenced).
pub(crate) fn eval_args(args: &[Value], limit: usize) -> Vec<u8> {
    if let [Value::String(s)] = args {
        return s.to_vec();
    }
    let printable: Vec<Value> = args
        .iter()
        .map(|a| match a {
            Value::Nil | Value::NilInterface => Value::from("<no value>"),
            other => indirect(other.clone()).0,
        })
        .collect();
    sprint(&printable, limit)
}

pub(crate) fn html_escape(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for &c in s {
        match c {
            0 => out.extend_from_slice("\u{FFFD}".as_bytes()),
            b'"' => out.extend_from_slice(b"&#34;"),
            b'\'' => out.extend_from_slice(b"&#39;"),
            b'&' => out.extend_from_slice(b"&amp;"),
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            _ => out.push(c),
        }
    }
    out
}

pub(crate) fn js_escape(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        match c {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'"' => out.extend_from_slice(b"\\\""),
            b'<' => out.extend_from_slice(b"\\u003C"),
            b'>' => out.extend_from_slice(b"\\u003E"),
            b'&' => out.extend_from_slice(b"\\u0026"),
            b'=' => out.extend_from_slice(b"\\u003D"),
            _ if c < b' ' => out.extend_from_slice(format!("\\u00{c:02X}").as_bytes()),
            _ if c < 0x80 => out.push(c),
            _ => {
                let (r, w) = super::unicode::decode_rune(&s[i..]);
                let w = w.max(1);
                if super::unicode::is_print(r) {
                    out.extend_from_slice(&s[i..i + w]);
                } else {
                    out.extend_from_slice(format!("\\u{r:04X}").as_bytes());
                }
                i += w;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// `url.QueryEscape`.
pub(crate) fn query_escape(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for &c in s {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(c),
            b' ' => out.push(b'+'),
            _ => out.extend_from_slice(format!("%{c:02X}").as_bytes()),
        }
    }
    out
}
