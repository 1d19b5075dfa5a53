//! JSON bytes as Go's `json.NewEncoder(w).Encode(v)` writes them, since Webitel signs exactly
//! those bytes: compact, struct fields in declaration order, map keys sorted, `<` `>` `&` and
//! U+2028/U+2029 escaped as `\u003c` and friends, and a trailing newline.

use serde::Serialize;

/// Encodes `value` as Go's `json.Encoder` with its default HTML escaping.
pub fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    let compact = serde_json::to_string(value)?;
    // These characters can only occur inside JSON strings, so replacing them everywhere is
    // the same as Go escaping them in every string.
    let mut out = String::with_capacity(compact.len() + 1);
    for c in compact.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out.push('\n');
    Ok(out.into_bytes())
}

#[cfg(test)]
#[path = "go_json_tests.rs"]
mod tests;
