//! Unit tests of `go_json.rs`.

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
