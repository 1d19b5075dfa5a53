//! The history and its replay: a request as the receiver got it from the network (any
//! method, path, headers, body and verdict) is recorded, read back, searched, and replayed
//! as recorded or re-signed, to a loopback server. Replay sends the stored bytes exactly.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use textgate_core::harness::receiver::{Answered, ReceivedRequest};
use textgate_core::signature::Verdict;
use textgate_core::{MemorySecretStore, ProfileDraft, Sensitive, Store, Workspace};
use textgate_fuzz::{runtime, status_from, Answer, Responder};

#[derive(Debug, Arbitrary)]
struct Input {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    verdict: Option<String>,
    status: u16,
    resign: bool,
    owned: bool,
    search: Search,
}

#[derive(Debug, Arbitrary)]
struct Search {
    chat_id: Option<String>,
    text: Option<String>,
    status: Option<String>,
    limit: Option<u32>,
}

fuzz_target!(|input: Input| {
    let responder = Responder::shared();
    responder.set(Answer {
        status: status_from(input.status),
        body: b"{\"success\":true}\n".to_vec(),
    });
    let workspace = Workspace::new(
        Store::in_memory().expect("an in-memory store"),
        Arc::new(MemorySecretStore::new()),
    );
    let profile = workspace
        .profiles()
        .save(draft())
        .expect("a valid profile")
        .profile;
    let request = ReceivedRequest {
        seq: 1,
        time: 1_764_547_200_000,
        method: input.method,
        path: input.path,
        headers: input.headers,
        body: input.body.clone(),
        verdict: match input.verdict {
            None => Verdict::Missing,
            Some(reason) if reason.is_empty() => Verdict::Valid,
            Some(reason) => Verdict::Invalid(reason),
        },
        answered: Answered::Status(status_from(input.status)),
    };
    let owner = input.owned.then_some(profile.id.as_str());
    // The receiver's own address: whatever the path, the replay stays on loopback.
    let Ok(recorded) = workspace
        .harness()
        .record_received(owner, &responder.base_url(), &request)
    else {
        return;
    };
    let stored = workspace
        .harness()
        .history_entry(recorded.id)
        .expect("the entry reads back");
    assert_eq!(stored, recorded);
    let _ = workspace.harness().search_history(&query(input.search));
    let Ok(replayed) = runtime().block_on(workspace.harness().replay(recorded.id, input.resign))
    else {
        return;
    };
    assert_eq!(replayed.replay_of, Some(recorded.id));
    assert_eq!(
        replayed.body, recorded.body,
        "a replay sends the stored bytes"
    );
});

fn query(search: Search) -> textgate_core::harness::history::HistoryQuery {
    textgate_core::harness::history::HistoryQuery {
        chat_id: search.chat_id,
        text: search.text,
        status: search.status,
        limit: search.limit,
        ..Default::default()
    }
}

fn draft() -> ProfileDraft {
    ProfileDraft {
        name: "Support".into(),
        uri: "/fuzz-support".into(),
        callback: "https://bot.example.com/hook".into(),
        secret: Sensitive::new("fuzz-secret-0123456789".into()),
        ..ProfileDraft::default()
    }
}
