//! Wire shapes: ids as strings or numbers in, numbers out; secrets hidden from Debug.

use super::*;

#[test]
fn ids_arrive_as_strings_or_numbers() {
    let bot: Bot = serde_json::from_str(
        r#"{"id":"42","uri":"/abc","name":"Support","flow":{"id":7,"name":"Flow"},"enabled":true,
            "provider":"custom","metadata":{"secret":"s3","webhook":"https://x"},
            "updates":{"title":"Ann"},"created_at":"1710000000000","updated_at":1710000000001}"#,
    )
    .unwrap();
    assert_eq!(bot.id, Some(42));
    assert_eq!(bot.flow.as_ref().unwrap().id, Some(7));
    assert_eq!(bot.created_at, Some(1_710_000_000_000));
    assert_eq!(bot.updated_at, Some(1_710_000_000_001));
    assert_eq!(bot.metadata.get(Metadata::SECRET), Some("s3"));
    assert_eq!(bot.updates.unwrap().title, "Ann");

    let json = serde_json::to_value(Bot {
        id: Some(42),
        ..Bot::default()
    })
    .unwrap();
    assert_eq!(json["id"], serde_json::json!(42), "ids are sent as numbers");
}

#[test]
fn bad_ids_are_errors_not_panics() {
    assert!(serde_json::from_str::<Bot>(r#"{"id":"forty-two"}"#).is_err());
    assert!(serde_json::from_str::<Bot>(r#"{"id":1.5}"#).is_err());
    let empty: Bot = serde_json::from_str(r#"{"id":""}"#).unwrap();
    assert_eq!(empty.id, None);
}

#[test]
fn pages_and_schemas_parse() {
    let page: Page<Schema> = serde_json::from_str(
        r#"{"next":true,"items":[{"id":"7","name":"Support bot","type":"chat"}]}"#,
    )
    .unwrap();
    assert!(page.next);
    assert_eq!(
        page.items[0],
        Schema {
            id: Some(7),
            name: "Support bot".into(),
            kind: "chat".into()
        }
    );
    let empty: Page<Bot> = serde_json::from_str("{}").unwrap();
    assert!(empty.items.is_empty() && !empty.next);
}

#[test]
fn debug_output_hides_the_secret() {
    let mut metadata = Metadata::default();
    metadata
        .0
        .insert("secret".into(), "top-secret-value".into());
    metadata
        .0
        .insert("webhook".into(), "https://bot.example.com".into());
    let printed = format!(
        "{:?}",
        Bot {
            metadata,
            ..Bot::default()
        }
    );
    assert!(!printed.contains("top-secret-value"), "{printed}");
    assert!(printed.contains("https://bot.example.com"));
}
