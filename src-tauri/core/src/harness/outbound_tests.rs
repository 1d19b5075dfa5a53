//! Webitel's outgoing bodies byte for byte: every action, escaping and the trailing newline,
//! templates over the agent's account, empty templates, and failures that send nothing.

use super::*;

const NOW: i64 = 1_710_348_900;

fn templates(join: &str, left: &str, close: &str) -> Templates {
    Templates {
        join: join.into(),
        left: left.into(),
        close: close.into(),
        ..Templates::default()
    }
}

fn ann() -> SampleAccount {
    SampleAccount {
        id: 42,
        channel: "user".into(),
        contact: "ann@example.com".into(),
        first_name: "Ann".into(),
        last_name: "Smith".into(),
        username: "ann".into(),
    }
}

fn bodies(action: &AgentAction, templates: &Templates) -> Vec<String> {
    compose(action, templates, NOW)
        .unwrap()
        .into_iter()
        .map(|body| String::from_utf8(body).unwrap())
        .collect()
}

#[test]
fn agent_text_is_trimmed_escaped_like_go_and_ends_with_a_newline() {
    let action = AgentAction::Text {
        chat_id: "c-1".into(),
        text: "  <b>Tom & Jerry</b>\n".into(),
    };
    assert_eq!(
        bodies(&action, &Templates::default()),
        ["{\"message\":{\"chatId\":\"c-1\",\"date\":1710348900,\"text\":\"\\u003cb\\u003eTom \\u0026 Jerry\\u003c/b\\u003e\"}}\n"]
    );
    let blank = AgentAction::Text {
        chat_id: "c-1".into(),
        text: " \n\t".into(),
    };
    assert!(bodies(&blank, &Templates::default()).is_empty());
}

#[test]
fn a_file_goes_out_without_its_caption() {
    let action = AgentAction::File {
        chat_id: "c-1".into(),
        file: File {
            url: "https://cdn.example.com/a.png?x=1&y=2".into(),
            mime: "image/png".into(),
            size: 179_491,
            name: "a.png".into(),
        },
        text: "the caption".into(),
    };
    assert_eq!(
        bodies(&action, &Templates::default()),
        ["{\"message\":{\"chatId\":\"c-1\",\"date\":1710348900,\"file\":{\"url\":\"https://cdn.example.com/a.png?x=1\\u0026y=2\",\"mime\":\"image/png\",\"size\":179491,\"name\":\"a.png\"}}}\n"]
    );
}

#[test]
fn join_and_left_are_text_messages_rendered_over_the_agent() {
    let set = templates(
        "$(.FirstName)$(if .LastName) $(.LastName)$(end) joined <the> chat",
        "$(.Username) (#$(.Id)) left",
        "",
    );
    let join = AgentAction::Join {
        chat_id: "c-1".into(),
        agent: ann(),
    };
    assert_eq!(
        bodies(&join, &set),
        ["{\"message\":{\"chatId\":\"c-1\",\"date\":1710348900,\"text\":\"Ann Smith joined \\u003cthe\\u003e chat\"}}\n"]
    );
    let no_last_name = AgentAction::Join {
        chat_id: "c-1".into(),
        agent: SampleAccount {
            first_name: "Ann Smith".into(),
            last_name: String::new(),
            ..ann()
        },
    };
    // The current gateway renders the account as given (no first/last split).
    assert!(bodies(&no_last_name, &set)[0].contains("\"text\":\"Ann Smith joined"));
    let left = AgentAction::Left {
        chat_id: "c-1".into(),
        agent: ann(),
    };
    assert_eq!(
        bodies(&left, &set),
        ["{\"message\":{\"chatId\":\"c-1\",\"date\":1710348900,\"text\":\"ann (#42) left\"}}\n"]
    );
}

#[test]
fn close_sends_the_template_text_then_the_close_event() {
    let action = AgentAction::Close {
        chat_id: "c-1".into(),
    };
    assert_eq!(
        bodies(&action, &templates("", "", "  Chat closed. Bye!  ")),
        [
            "{\"message\":{\"chatId\":\"c-1\",\"date\":1710348900,\"text\":\"Chat closed. Bye!\"}}\n",
            "{\"close\":{\"chatId\":\"c-1\"}}\n",
        ]
    );
}

#[test]
fn empty_templates_mean_no_notice() {
    let none = Templates::default();
    let join = AgentAction::Join {
        chat_id: "c-1".into(),
        agent: ann(),
    };
    let left = AgentAction::Left {
        chat_id: "c-1".into(),
        agent: ann(),
    };
    assert!(bodies(&join, &none).is_empty());
    assert!(bodies(&left, &none).is_empty());
    // A template that renders to nothing is no notice either.
    assert!(bodies(&join, &templates("$(if .Channel)$(end)", "", "")).is_empty());
    assert_eq!(
        bodies(
            &AgentAction::Close {
                chat_id: "c-1".into()
            },
            &none
        ),
        ["{\"close\":{\"chatId\":\"c-1\"}}\n"]
    );
}

#[test]
fn a_failing_template_is_gos_error_and_sends_nothing() {
    // `close` has no data: any field fails, as on the server.
    let close = AgentAction::Close {
        chat_id: "c-1".into(),
    };
    let error = compose(&close, &templates("", "", "Bye $(.FirstName)"), NOW).unwrap_err();
    assert_eq!(
        error.to_string(),
        "template: close:1:6: executing \"close\" at <.FirstName>: nil data; no entry for key \"FirstName\""
    );
    assert!(matches!(
        error,
        OutboundError::Template {
            key: TemplateKey::Close,
            ..
        }
    ));
    let join = AgentAction::Join {
        chat_id: "c-1".into(),
        agent: ann(),
    };
    let error = compose(&join, &templates("Hi $(.Nickname)", "", ""), NOW).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("template: join:1:5: executing \"join\" at <.Nickname>: can't evaluate field Nickname in type"),
        "{error}"
    );
    let broken = compose(&join, &templates("$(if)", "", ""), NOW).unwrap_err();
    assert_eq!(broken.to_string(), "template: join:1: missing value for if");
}

#[test]
fn a_broadcast_keeps_gos_field_order_and_the_servers_rules() {
    let recipient = |id: &str, kind: &str| Recipient {
        id: id.into(),
        kind: kind.into(),
        error: "ignored".into(),
        ..Recipient::default()
    };
    let action = |recipients: Vec<Recipient>, text: &str| AgentAction::Broadcast {
        event_id: "e-1".into(),
        recipients,
        text: text.into(),
        metadata: BTreeMap::from([("k".to_string(), "v&w".to_string())]),
    };
    assert_eq!(
        bodies(&action(vec![recipient("u-1", "telegram")], "Sale <today>"), &Templates::default()),
        ["{\"broadcast\":{\"eventId\":\"e-1\",\"recipients\":[{\"id\":\"u-1\",\"type\":\"telegram\"}],\"metadata\":{\"k\":\"v\\u0026w\"},\"text\":\"Sale \\u003ctoday\\u003e\"}}\n"]
    );
    let refusal = |recipients, text| {
        compose(&action(recipients, text), &Templates::default(), NOW)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(refusal(vec![], "x"), "no peers were received");
    assert_eq!(
        refusal(vec![recipient("u-1", "")], ""),
        "empty text message"
    );
    assert_eq!(
        refusal(vec![recipient("u-1", ""), recipient("", "viber")], "x"),
        "recipient [1] has no id"
    );
}

#[test]
fn actions_round_trip_as_the_ui_sends_them() {
    let json = serde_json::json!({"kind": "join", "chatId": "c-1", "agent": {
        "Id": 7, "Channel": "user", "Contact": "", "FirstName": "Ann", "LastName": "", "Username": ""}});
    let action: AgentAction = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(action.transcript_chat(), "c-1");
    assert_eq!(serde_json::to_value(&action).unwrap(), json);
}

#[test]
fn invalid_utf8_from_a_template_becomes_one_replacement_per_byte() {
    assert_eq!(go_string(b"a\xe2\x82b\xff"), "a\u{FFFD}\u{FFFD}b\u{FFFD}");
}
