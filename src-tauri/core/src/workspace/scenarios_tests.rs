//! Saved scenarios beside the built-ins: saved, replaced, read back and deleted in the store;
//! built-ins neither deleted nor shadowed; a rendered emulate scenario uses the profile's
//! templates.

use serde_json::json;

use super::*;
use crate::workspace::test_support::{draft, fixture};
use crate::ErrorCode;

fn mine(name: &str) -> ScenarioDraft {
    ScenarioDraft {
        name: name.into(),
        direction: ScenarioDirection::Send,
        description: " Mine ".into(),
        body: json!({"message": {"chatId": "${chat_id}", "sender": {"id": "u"}, "text": "x"}}),
    }
}

#[tokio::test]
async fn saved_scenarios_are_listed_after_the_builtins_and_can_be_replaced_and_deleted() {
    let f = fixture().await;
    let harness = f.workspace.harness();
    assert!(!harness.save_scenario(&mine("my.text")).unwrap());
    assert!(harness.save_scenario(&mine("my.text")).unwrap(), "replaced");
    let all = harness.scenarios().unwrap();
    assert_eq!(all.len(), builtins().len() + 1);
    let last = all.last().unwrap();
    assert_eq!(
        (last.name.as_str(), last.description.as_str(), last.builtin),
        ("my.text", "Mine", false)
    );
    assert_eq!(harness.scenario("my.text").unwrap().body, mine("x").body);

    harness.delete_scenario("my.text").unwrap();
    let gone = harness.delete_scenario("my.text").unwrap_err();
    assert_eq!(gone.code(), ErrorCode::ScenarioNotFound);
    assert_eq!(
        harness.scenario("my.text").unwrap_err().code(),
        ErrorCode::ScenarioNotFound
    );
}

#[tokio::test]
async fn a_builtin_is_neither_deleted_nor_shadowed() {
    let f = fixture().await;
    let harness = f.workspace.harness();
    let deleted = harness.delete_scenario("client.text").unwrap_err();
    assert_eq!(deleted.code(), ErrorCode::ScenarioBuiltin);
    let shadow = harness.save_scenario(&mine("client.text")).unwrap_err();
    assert_eq!(shadow.code(), ErrorCode::ScenarioBuiltin);
    assert_eq!(
        shadow.to_string(),
        "\u{201c}client.text\u{201d} is a built-in scenario: built-ins cannot be changed or deleted, and a saved scenario needs another name"
    );
    let bad = harness
        .save_scenario(&ScenarioDraft {
            direction: ScenarioDirection::Emulate,
            ..mine("my.agent")
        })
        .unwrap_err();
    assert_eq!(bad.code(), ErrorCode::ScenarioInvalid);
}

#[tokio::test]
async fn an_emulate_scenario_renders_with_the_profiles_templates() {
    let f = fixture().await;
    let mut with_templates = draft(&f.server_id, "Support");
    with_templates.templates.join = "$(.FirstName) is here".into();
    let saved = f.workspace.profiles().save(with_templates).unwrap().profile;
    let ids = ScenarioIds {
        chat_id: "c-5".into(),
        ..ScenarioIds::default()
    };
    let render = f
        .workspace
        .harness()
        .render_scenario(&saved.id, "agent.join", &[], &ids)
        .unwrap();
    assert_eq!(render.ids.chat_id, "c-5");
    assert!(render.ids.sender_id.starts_with("scn-user-"));
    assert_eq!(render.bodies.len(), 1);
    assert!(
        render.bodies[0].contains(r#""chatId":"c-5""#)
            && render.bodies[0].contains(r#""text":"Ann is here""#),
        "{render:?}"
    );
}
