//! Scenarios rendered: every built-in gives a body its direction can send, the placeholders take
//! the ids given or fresh ones, an override changes exactly its field, and the errors name what
//! is wrong.

use serde_json::json;

use super::*;
use crate::chat::inbound::accept;
use crate::harness::compose::InboundDraft;
use crate::harness::outbound::compose;
use crate::harness::scenario_builtin::{builtin, builtins};
use crate::profile::Templates;

fn ids() -> ScenarioIds {
    ScenarioIds {
        chat_id: "c-1".into(),
        sender_id: "u-1".into(),
        event_id: "e-1".into(),
    }
}

fn set(text: &str) -> Override {
    Override::parse(text).unwrap()
}

fn templates() -> Templates {
    Templates {
        join: "$(.FirstName) joined".into(),
        left: "$(.FirstName) left".into(),
        close: "Bye".into(),
        ..Templates::default()
    }
}

#[test]
fn the_builtins_cover_every_event_of_the_protocol_in_both_directions() {
    let names: Vec<_> = builtins().into_iter().map(|s| s.name).collect();
    assert_eq!(
        names,
        [
            "client.text",
            "client.file",
            "client.close",
            "client.broadcast-failure",
            "agent.text",
            "agent.file",
            "agent.join",
            "agent.left",
            "agent.close",
            "agent.broadcast"
        ]
    );
    for scenario in builtins() {
        assert!(scenario.builtin);
        check_body(scenario.direction, &scenario.body).unwrap();
        match scenario.direction {
            ScenarioDirection::Send => {
                let body = send_body(&scenario, &[], &ids()).unwrap();
                assert!(accept(&body, 1).is_ok(), "{}", scenario.name);
            }
            ScenarioDirection::Emulate => {
                let action = emulate_action(&scenario, &[], &ids()).unwrap();
                let bodies = compose(&action, &templates(), 1).unwrap();
                assert!(!bodies.is_empty(), "{} sends something", scenario.name);
            }
        }
    }
}

#[test]
fn a_send_body_is_encoded_as_the_send_form_encodes_it() {
    let scenario = builtin("client.text").unwrap();
    let body = send_body(&scenario, &[set("message.sender.name=")], &ids()).unwrap();
    let form = InboundDraft::text("c-1", "u-1", "telegram", "Hello from a Textgate scenario");
    // The form leaves an empty name out; the override gave an empty one, so JSON keeps it.
    assert_ne!(body, form.encode().into_bytes());
    let scenario = Scenario {
        body: json!({"message": {"chatId": "${chat_id}", "sender": {"id": "${sender_id}", "type": "telegram"}, "text": "Hello from a Textgate scenario"}}),
        ..scenario
    };
    assert_eq!(
        send_body(&scenario, &[], &ids()).unwrap(),
        form.encode().into_bytes()
    );
}

#[test]
fn an_override_changes_exactly_that_field() {
    let scenario = builtin("client.text").unwrap();
    let plain: Value = serde_json::from_slice(&send_body(&scenario, &[], &ids()).unwrap()).unwrap();
    let changed: Value = serde_json::from_slice(
        &send_body(&scenario, &[set("message.sender.type=viber")], &ids()).unwrap(),
    )
    .unwrap();
    let mut expected = plain.clone();
    expected["message"]["sender"]["type"] = json!("viber");
    assert_eq!(changed, expected);

    let file = builtin("client.file").unwrap();
    let body: Value = serde_json::from_slice(
        &send_body(&file, &[set("message.file.size=1024")], &ids()).unwrap(),
    )
    .unwrap();
    assert_eq!(body["message"]["file"]["size"], json!(1024));
}

#[test]
fn placeholders_take_the_given_ids_or_fresh_ones() {
    let scenario = builtin("client.broadcast-failure").unwrap();
    let body = String::from_utf8(send_body(&scenario, &[], &ids()).unwrap()).unwrap();
    assert!(
        body.contains(r#""eventId":"e-1""#) && body.contains(r#""id":"u-1""#),
        "{body}"
    );

    let fresh = ScenarioIds::default().filled();
    assert!(fresh.chat_id.starts_with("scn-chat-"), "{fresh:?}");
    assert!(fresh.sender_id.starts_with("scn-user-"), "{fresh:?}");
    assert_ne!(fresh.chat_id, ScenarioIds::default().filled().chat_id);
    let given = ScenarioIds {
        chat_id: " c-7 ".into(),
        ..ScenarioIds::default()
    };
    assert_eq!(given.filled().chat_id, "c-7");

    // Overrides may use the placeholders too.
    let text = builtin("client.text").unwrap();
    let body: Value = serde_json::from_slice(
        &send_body(&text, &[set("message.text=chat ${chat_id}")], &ids()).unwrap(),
    )
    .unwrap();
    assert_eq!(body["message"]["text"], "chat c-1");
}

#[test]
fn an_emulate_scenario_is_the_agents_action_with_its_overrides() {
    let join = builtin("agent.join").unwrap();
    let action = emulate_action(&join, &[set("agent.FirstName=Bob")], &ids()).unwrap();
    let bodies = compose(&action, &templates(), 7).unwrap();
    assert_eq!(
        String::from_utf8(bodies[0].clone()).unwrap(),
        "{\"message\":{\"chatId\":\"c-1\",\"date\":7,\"text\":\"Bob joined\"}}\n"
    );
    let text = builtin("agent.text").unwrap();
    let unknown = emulate_action(&text, &[set("colour=red")], &ids()).unwrap_err();
    assert_eq!(unknown.to_string(), "A text action has no field colour");
    let bad_kind = emulate_action(&text, &[set("kind=dance")], &ids()).unwrap_err();
    assert!(
        bad_kind.to_string().starts_with("Not an agent's action"),
        "{bad_kind}"
    );
}

#[test]
fn a_scenario_of_the_other_direction_is_refused() {
    let text = builtin("agent.text").unwrap();
    assert_eq!(
        send_body(&text, &[], &ids()).unwrap_err().to_string(),
        "\u{201c}agent.text\u{201d} is an emulate scenario, not a send one: use `textgate-cli emulate`"
    );
}

#[test]
fn names_and_bodies_are_checked() {
    check_name("my.text-1_x").unwrap();
    for bad in ["", "has space", "é", &"x".repeat(65)] {
        assert!(check_name(bad).is_err(), "{bad}");
    }
    assert!(check_body(ScenarioDirection::Send, &json!([1])).is_err());
    assert!(check_body(ScenarioDirection::Emulate, &json!({"kind": "text"})).is_err());
    check_body(ScenarioDirection::Send, &json!({"anything": 1})).unwrap();
}
