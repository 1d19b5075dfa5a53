//! The proof against the real receiver: one that checks with the new secret accepts it and the
//! proof is in the history; a callback answering 403 is a refused signature; no answer is
//! said as such. (The receiver's own verdict is judged in the CLI's test, where `listen`
//! stores what it got.)

use std::time::Duration;

use super::*;
use crate::harness::history::{Channel, HistoryQuery};
use crate::harness::receiver::{self, ReceiverAnswer, ReceiverConfig};
use crate::workspace::test_support::{draft, fixture};

#[tokio::test]
async fn a_receiver_on_the_new_secret_accepts_the_proof_and_the_old_one_does_not() {
    let f = fixture().await;
    let profile = draft(&f.server_id, "Support");
    let saved = f
        .workspace
        .profiles()
        .save(profile.clone())
        .unwrap()
        .profile;
    let (new_side, _feed) = receiver::start(ReceiverConfig::new(
        "/hook",
        profile.secret.expose().clone(),
    ))
    .await
    .unwrap();
    let proof = f
        .workspace
        .harness()
        .prove_secret(&saved.id, Some(&new_side.url()))
        .await
        .unwrap();
    assert_eq!(proof.outcome, ProofOutcome::Accepted);
    assert_eq!(proof.entry.channel, Channel::Emulate);
    assert_eq!(proof.entry.chat_id.as_deref(), Some(PROOF_CHAT_ID));
    assert!(new_side
        .log()
        .iter()
        .all(|request| request.verdict.is_valid()));
    let kept = f
        .workspace
        .harness()
        .search_history(&HistoryQuery {
            chat_id: Some(PROOF_CHAT_ID.into()),
            ..HistoryQuery::default()
        })
        .unwrap();
    assert_eq!(kept.len(), 1, "the proof is kept in the history");

    let mut old = ReceiverConfig::new("/hook", "the-old-secret-0000000000");
    old.answer = ReceiverAnswer {
        status: 403,
        ..ReceiverAnswer::default()
    };
    let (old_side, _feed) = receiver::start(old).await.unwrap();
    let refused = f
        .workspace
        .harness()
        .prove_secret(&saved.id, Some(&old_side.url()))
        .await
        .unwrap();
    assert_eq!(refused.outcome, ProofOutcome::SignatureRefused);
    assert!(!old_side.log()[0].verdict.is_valid());
    let nowhere = f
        .workspace
        .harness()
        .prove_secret(&saved.id, Some("http://127.0.0.1:9/hook"))
        .await
        .unwrap();
    assert_eq!(nowhere.outcome, ProofOutcome::NoAnswer);
    new_side.stop(Duration::from_secs(1)).await;
    old_side.stop(Duration::from_secs(1)).await;
}
