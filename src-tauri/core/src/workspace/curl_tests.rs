//! Copy as cURL from the workspace: the Send form's command is signed exactly as the send that
//! follows it, a history entry's command carries its stored bytes (not the lossy text), and
//! the Webitel form's commands are the bodies emulation sends.

use super::*;
use crate::harness::curl::parse;
use crate::harness::outbound::AgentAction;
use crate::signature::{webitel_sign, WEBITEL_HEADER};
use crate::workspace::test_support::{fixture, saved};

const SECRET: &str = "LocalSecretLocalSecret0000000000";

#[tokio::test]
async fn the_commands_carry_the_exact_bytes_and_the_real_signature() {
    let f = fixture().await;
    let saved = saved(&f, "Support");
    let harness = f.workspace.harness();
    let body = b"{\"x\":\"\xff\"}\n".to_vec();
    let url = "http://127.0.0.1:9/hook";
    let command = harness
        .send_curl(&saved.id, body.clone(), Signing::Correct, Some(url))
        .unwrap();
    let read = parse(&command).unwrap();
    assert_eq!(read.url, url);
    assert_eq!(read.body, body);
    let signature = webitel_sign(SECRET.as_bytes(), &body);
    assert!(read
        .headers
        .contains(&(WEBITEL_HEADER.to_string(), signature)));

    let sent = harness
        .send_to_gateway(&saved.id, body.clone(), Signing::Wrong, Some(url))
        .await
        .unwrap();
    let from_history = parse(&harness.history_curl(sent.id).unwrap()).unwrap();
    assert_eq!(from_history.body, body, "stored bytes, not the lossy text");
    assert_eq!(from_history.headers, sent.request_headers);

    let commands = harness
        .emulate_curl(
            &saved.id,
            &AgentAction::Text {
                chat_id: "c-1".into(),
                text: "Hi".into(),
            },
            Some(url),
        )
        .unwrap();
    assert_eq!(commands.len(), 1);
    let read = parse(&commands[0]).unwrap();
    assert!(String::from_utf8(read.body).unwrap().contains("\"Hi\""));
    let missing = harness.history_curl(12345).unwrap_err();
    assert_eq!(missing.code(), "history_not_found");
}
