use serde_json::json;

use super::*;

fn set(body: &mut Value, text: &str) -> Result<(), OverrideError> {
    apply_all(body, &[Override::parse(text)?])
}

#[test]
fn values_are_typed_as_json_when_they_parse_and_quotes_force_a_string() {
    assert_eq!(typed_value("179491"), json!(179491));
    assert_eq!(typed_value("-1.5"), json!(-1.5));
    assert_eq!(typed_value("true"), json!(true));
    assert_eq!(typed_value("null"), Value::Null);
    assert_eq!(typed_value("Hi"), json!("Hi"));
    assert_eq!(typed_value(""), json!(""));
    assert_eq!(typed_value("\"179491\""), json!("179491"));
    assert_eq!(typed_value("\"a\\nb\""), json!("a\nb"));
    // Objects and arrays are not typed: they stay the text that was given.
    assert_eq!(typed_value("[1]"), json!("[1]"));
    assert_eq!(typed_value("{\"a\":1}"), json!("{\"a\":1}"));
}

#[test]
fn an_override_changes_exactly_that_field() {
    let mut body = json!({"message": {"chatId": "c", "text": "Hello", "sender": {"id": "u", "type": "telegram"}}});
    set(&mut body, "message.sender.type=viber").unwrap();
    set(&mut body, "message.text=Hi = there").unwrap();
    assert_eq!(
        body,
        json!({"message": {"chatId": "c", "text": "Hi = there", "sender": {"id": "u", "type": "viber"}}})
    );
}

#[test]
fn a_path_into_a_missing_object_creates_it() {
    let mut body = json!({"message": {"text": "x"}});
    set(&mut body, "message.file.size=179491").unwrap();
    assert_eq!(body["message"]["file"], json!({"size": 179491}));
    assert_eq!(get(&body, "message.file.size"), Some(&json!(179491)));
}

#[test]
fn an_array_element_is_reached_by_its_index() {
    let mut body = json!({"broadcast": {"recipients": [{"id": "u-1"}]}});
    set(&mut body, "broadcast.recipients.0.error=blocked").unwrap();
    assert_eq!(body["broadcast"]["recipients"][0]["error"], "blocked");
    let missing = set(&mut body, "broadcast.recipients.3.id=x").unwrap_err();
    assert_eq!(
        missing.to_string(),
        "Cannot set broadcast.recipients.3.id: broadcast.recipients has 1 elements, there is no element 3"
    );
}

#[test]
fn a_path_through_a_non_object_is_an_error_naming_it() {
    let mut body = json!({"message": {"text": "x"}});
    let error = set(&mut body, "message.text.bold=true").unwrap_err();
    assert_eq!(
        error.to_string(),
        "Cannot set message.text.bold: message.text is a string, not an object"
    );
    assert_eq!(body, json!({"message": {"text": "x"}}), "left as it was");
}

#[test]
fn malformed_overrides_are_refused() {
    assert_eq!(
        Override::parse("message.text").unwrap_err(),
        OverrideError::NoEquals("message.text".into())
    );
    for bad in ["=x", "message..text=x", ".text=x", "message.=x"] {
        assert!(
            matches!(Override::parse(bad), Err(OverrideError::BadPath(_))),
            "{bad}"
        );
    }
}
