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
mod tests {
    use super::*;

    #[test]
    fn escapes_like_go_and_ends_with_a_newline() {
        let value = serde_json::json!({"b": "<a href=\"x\">&</a>", "a": "line\u{2028}sep é 😀"});
        let bytes = encode(&value).unwrap();
        // Go sorts map keys; serde_json's map is ordered by key too.
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "{\"a\":\"line\\u2028sep é 😀\",\"b\":\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\"}\n"
        );
    }

    #[test]
    fn control_characters_are_escaped_as_go_does() {
        // Go writes \n, \r, \t as such and other controls as \u00XX, like serde_json.
        let bytes = encode(&serde_json::json!("a\nb\tc\r\u{1}")).unwrap();
        assert_eq!(bytes, b"\"a\\nb\\tc\\r\\u0001\"\n");
    }
}
