//! Webitel's side for a saved profile, against the real receiver: notices rendered from the
//! profile's own templates, signed with its secret, each delivery kept in the history.

use std::time::Duration;

use crate::harness::history::{Channel, HistoryQuery};
use crate::harness::outbound::AgentAction;
use crate::harness::receiver::{self, ReceiverConfig};
use crate::template_preview::SampleAccount;
use crate::workspace::test_support::{draft, fixture};

#[tokio::test]
async fn join_and_close_reach_the_receiver_rendered_and_verified() {
    let f = fixture().await;
    let mut with_templates = draft(&f.server_id, "Support");
    with_templates.templates.close = "Thanks & bye".into();
    let saved = f
        .workspace
        .profiles()
        .save(with_templates.clone())
        .unwrap()
        .profile;
    let (running, _feed) = receiver::start(ReceiverConfig::new(
        "/hook",
        with_templates.secret.expose().clone(),
    ))
    .await
    .unwrap();
    let agent = SampleAccount {
        first_name: "Ann".into(),
        ..SampleAccount::default()
    };
    let join = AgentAction::Join {
        chat_id: "c-1".into(),
        agent,
    };
    let joined = f
        .workspace
        .harness()
        .emulate_webitel(&saved.id, &join, Some(&running.url()))
        .await
        .unwrap();
    assert_eq!(joined.len(), 1);
    assert_eq!(joined[0].text.as_deref(), Some("Ann joined"));
    assert_eq!(joined[0].channel, Channel::Emulate);
    let close = AgentAction::Close {
        chat_id: "c-1".into(),
    };
    let closed = f
        .workspace
        .harness()
        .emulate_webitel(&saved.id, &close, Some(&running.url()))
        .await
        .unwrap();
    assert_eq!(closed.len(), 2);
    assert!(
        closed[0].body.contains("Thanks \\u0026 bye"),
        "{}",
        closed[0].body
    );
    assert!(closed[0].body.ends_with('\n'));
    assert_eq!(closed[1].body, "{\"close\":{\"chatId\":\"c-1\"}}\n");
    let log = running.log();
    assert_eq!(log.len(), 3);
    assert!(log.iter().all(|request| request.verdict.is_valid()));
    let chat = HistoryQuery {
        chat_id: Some("c-1".into()),
        ..HistoryQuery::default()
    };
    assert_eq!(
        f.workspace.harness().search_history(&chat).unwrap().len(),
        3
    );
    running.stop(Duration::from_secs(1)).await;
}

#[tokio::test]
async fn a_template_error_sends_nothing_and_says_gos_words() {
    let f = fixture().await;
    let mut broken = draft(&f.server_id, "Support");
    broken.templates.left = "$(.Nope) left".into();
    let saved = f.workspace.profiles().save(broken).unwrap().profile;
    let left = AgentAction::Left {
        chat_id: "c-1".into(),
        agent: SampleAccount::default(),
    };
    let error = f
        .workspace
        .harness()
        .emulate_webitel(&saved.id, &left, Some("http://127.0.0.1:9/hook"))
        .await
        .unwrap_err();
    assert_eq!(error.code(), "template_render");
    assert!(
        error.to_string().contains("can't evaluate field Nope"),
        "{error}"
    );
    assert!(f
        .workspace
        .harness()
        .search_history(&HistoryQuery::default())
        .unwrap()
        .is_empty());
}

/// The doubling template (about 2^41 calls) as the join notice: emulate stops at the
/// work budget with `template_budget` and sends nothing, instead of hanging.
#[tokio::test]
async fn a_never_ending_join_template_stops_at_the_budget_and_sends_nothing() {
    let f = fixture().await;
    let mut endless = draft(&f.server_id, "Endless");
    endless.templates.join = "$(define \"a\")$(if .)$(template \"a\" slice . 1)$(template \"a\" slice . 1)$(else)x$(end)$(end)$(template \"a\" \"0123456789012345678901234567890123456789\")".into();
    let saved = f
        .workspace
        .profiles()
        .save(endless.clone())
        .unwrap()
        .profile;
    let (running, _feed) = receiver::start(ReceiverConfig::new(
        "/hook",
        endless.secret.expose().clone(),
    ))
    .await
    .unwrap();
    let join = AgentAction::Join {
        chat_id: "c-1".into(),
        agent: SampleAccount::default(),
    };
    let error = f
        .workspace
        .harness()
        .emulate_webitel(&saved.id, &join, Some(&running.url()))
        .await
        .unwrap_err();
    assert_eq!(error.code(), "template_budget", "{error}");
    assert!(error.to_string().contains("steps"), "{error}");
    assert_eq!(running.log().len(), 0);
    running.stop(Duration::from_millis(100)).await;
}
