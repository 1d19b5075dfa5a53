//! Replay with edits against the real receiver: an edited body re-signed verifies; the old
//! signature kept over an edited body does not (and is recorded as wrong); unsigned has no
//! signature; an edited header and target are honoured; an unedited body that is not UTF-8 is
//! resent byte for byte; every resend links to its original.

use std::time::Duration;

use super::*;
use crate::harness::receiver::{self, ReceiverConfig};
use crate::workspace::test_support::{fixture, saved};

const SECRET: &str = "LocalSecretLocalSecret0000000000";

#[tokio::test]
async fn an_edited_replay_is_signed_as_chosen_and_links_to_its_original() {
    let f = fixture().await;
    let saved = saved(&f, "Support");
    let (running, _feed) = receiver::start(ReceiverConfig::new("/hook", SECRET))
        .await
        .unwrap();
    let (other, _other_feed) = receiver::start(ReceiverConfig::new("/other", SECRET))
        .await
        .unwrap();
    let harness = f.workspace.harness();
    let body = b"{\"message\":{\"chatId\":\"c-1\",\"text\":\"\xff old\"}}\n".to_vec();
    let original = harness
        .send_to_gateway(
            &saved.id,
            body.clone(),
            Signing::Correct,
            Some(&running.url()),
        )
        .await
        .unwrap();

    let draft = harness.replay_draft(original.id).unwrap();
    assert!(!draft.exact, "the body is not UTF-8");
    assert_eq!(draft.channel, Channel::Send);
    assert_eq!(
        draft.headers,
        [("Content-Type".to_string(), "application/json".to_string())]
    );
    assert_eq!(
        draft.signature.as_deref(),
        original
            .request_headers
            .iter()
            .find(|(n, _)| n == WEBITEL_HEADER)
            .map(|(_, v)| v.as_str())
    );

    let unedited = harness
        .replay_edited(original.id, ReplayEdits::default(), ReplaySigning::Keep)
        .await
        .unwrap();
    let edited_body = b"{\"message\":{\"chatId\":\"c-1\",\"text\":\"new\"}}".to_vec();
    let edits = || ReplayEdits {
        body: Some(edited_body.clone()),
        headers: Some(vec![
            ("Content-Type".into(), "application/json".into()),
            ("X-Trace".into(), "t-1".into()),
        ]),
        ..ReplayEdits::default()
    };
    let resigned = harness
        .replay_edited(original.id, edits(), ReplaySigning::Resign)
        .await
        .unwrap();
    let kept = harness
        .replay_edited(original.id, edits(), ReplaySigning::Keep)
        .await
        .unwrap();
    let unsigned = harness
        .replay_edited(original.id, edits(), ReplaySigning::Unsigned)
        .await
        .unwrap();
    let moved = harness
        .replay_edited(
            original.id,
            ReplayEdits {
                url: Some(other.url()),
                ..ReplayEdits::default()
            },
            ReplaySigning::Resign,
        )
        .await
        .unwrap();

    for entry in [&unedited, &resigned, &kept, &unsigned, &moved] {
        assert_eq!(entry.replay_of, Some(original.id));
        assert_eq!(entry.channel, Channel::Send);
    }
    assert_eq!(unedited.signing, Some(Signing::Correct));
    assert_eq!(resigned.signing, Some(Signing::Correct));
    assert_eq!(kept.signing, Some(Signing::Wrong));
    assert_eq!(unsigned.signing, Some(Signing::Unsigned));
    let log = running.log();
    assert_eq!(log.len(), 5);
    assert_eq!(log[1].body, body, "unedited: the stored bytes");
    assert!(log[1].verdict.is_valid());
    let verdicts: Vec<_> = log[2..].iter().map(|r| r.verdict.label()).collect();
    assert_eq!(verdicts, ["valid", "invalid", "missing"]);
    assert!(log[2..].iter().all(|r| r.body == edited_body));
    assert!(log[2]
        .headers
        .iter()
        .any(|(n, v)| n == "x-trace" && v == "t-1"));
    assert_eq!(other.log().len(), 1);
    assert_eq!(other.log()[0].body, body);
    assert!(other.log()[0].verdict.is_valid());
    running.stop(Duration::from_secs(1)).await;
    other.stop(Duration::from_secs(1)).await;
}

#[tokio::test]
async fn a_pasted_request_is_sent_as_given_and_a_bad_target_is_refused() {
    let f = fixture().await;
    let saved = saved(&f, "Support");
    let (running, _feed) = receiver::start(ReceiverConfig::new("/hook", SECRET))
        .await
        .unwrap();
    let request = |url: String, signing| EditedRequest {
        channel: Channel::Send,
        url,
        headers: vec![
            ("Content-Type".into(), "application/json".into()),
            ("Host".into(), "evil.example".into()),
            (WEBITEL_HEADER.into(), "00".into()),
        ],
        body: b"{}".to_vec(),
        signing,
    };
    let harness = f.workspace.harness();
    let sent = harness
        .send_edited(
            Some(&saved.id),
            request(running.url(), ReplaySigning::Resign),
            None,
        )
        .await
        .unwrap();
    assert_eq!(sent.replay_of, None);
    assert_eq!(sent.status, Some(200));
    assert!(
        running.log()[0].verdict.is_valid(),
        "the pasted 00 was replaced"
    );
    let error = harness
        .send_edited(
            Some(&saved.id),
            request("ftp://x/".into(), ReplaySigning::Keep),
            None,
        )
        .await
        .unwrap_err();
    assert_eq!(error.code(), "no_target");
    let error = harness
        .send_edited(None, request(running.url(), ReplaySigning::Resign), None)
        .await
        .unwrap_err();
    assert!(error.to_string().contains("no secret"), "{error}");
    let error = harness
        .replay_edited(9999, ReplayEdits::default(), ReplaySigning::Keep)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "history_not_found");
    running.stop(Duration::from_secs(1)).await;
}
