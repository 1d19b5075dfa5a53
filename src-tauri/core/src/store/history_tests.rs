//! The history table on a real SQLite file: exact bytes back, searches by chat, text, status
//! and channel, and a bad status filter refused by name.

use super::*;
use crate::harness::delivery::{Exchange, Signing};
use crate::harness::history::NewEntry;

fn exchange(body: &[u8], status: Option<u16>) -> Exchange {
    Exchange {
        url: "http://127.0.0.1:9/chat/x".into(),
        request_headers: vec![
            ("Content-Type".into(), "application/json".into()),
            ("X-Webitel-Sign".into(), "ab12".into()),
            ("X-Webitel-Access".into(), "server-token".into()),
        ],
        request_body: body.to_vec(),
        status,
        response_headers: vec![],
        response_body: b"{\"success\":true}".to_vec(),
        response_truncated: false,
        elapsed_micros: 1234,
        failure: None,
    }
}

fn sent(store: &Store, body: &[u8], status: Option<u16>) -> HistoryEntry {
    let entry = NewEntry::sent(
        Some("p1".into()),
        Channel::Send,
        Signing::Correct,
        exchange(body, status),
    );
    store.insert_history(entry).unwrap()
}

fn file_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    (dir, store)
}

#[test]
fn an_entry_reads_back_with_its_exact_bytes_and_without_credentials() {
    let (_dir, store) = file_store();
    let body = b"{\"message\":{\"chatId\":\"c-1\",\"text\":\"Hi \xff\"}}\n";
    let entry = sent(&store, body, Some(200));
    assert_eq!(entry.chat_id, None, "not UTF-8, so not parsed as an event");
    let stored = store.history_request(entry.id).unwrap();
    assert_eq!(stored.body, body);
    assert_eq!(stored.entry.signing, Some(Signing::Correct));
    assert_eq!(stored.entry.status, Some(200));
    assert_eq!(stored.entry.elapsed_micros, Some(1234));
    let names: Vec<_> = stored
        .entry
        .request_headers
        .iter()
        .map(|(k, _)| k.as_str())
        .collect();
    assert_eq!(names, ["Content-Type", "X-Webitel-Sign"]);
}

#[test]
fn search_by_chat_text_status_and_channel() {
    let (_dir, store) = file_store();
    let a = sent(
        &store,
        br#"{"message":{"chatId":"c-1","text":"Hello 100% there"}}"#,
        Some(200),
    );
    let b = sent(
        &store,
        br#"{"message":{"chatId":"c-2","text":"Bye"}}"#,
        Some(403),
    );
    let c = sent(&store, br#"{"close":{"chatId":"c-1"}}"#, None);
    let received = store
        .insert_history(NewEntry {
            channel: Channel::Receive,
            verdict: Some(Verdict::Invalid("does not match".into())),
            signing: None,
            ..NewEntry::sent(
                None,
                Channel::Receive,
                Signing::Correct,
                exchange(br#"{"message":{"chatId":"c-1","text":"agent"}}"#, Some(200)),
            )
        })
        .unwrap();
    let ids = |query: HistoryQuery| -> Vec<i64> {
        store
            .search_history(&query)
            .unwrap()
            .iter()
            .map(|e| e.id)
            .collect()
    };
    assert_eq!(
        ids(HistoryQuery::default()),
        [received.id, c.id, b.id, a.id]
    );
    let chat = |c: &str| HistoryQuery {
        chat_id: Some(c.into()),
        ..HistoryQuery::default()
    };
    assert_eq!(ids(chat("c-1")), [received.id, c.id, a.id]);
    let text = |t: &str| HistoryQuery {
        text: Some(t.into()),
        ..HistoryQuery::default()
    };
    assert_eq!(ids(text("hello")), [a.id], "case-insensitive");
    assert_eq!(ids(text("100%")), [a.id], "% is literal");
    assert_eq!(ids(text("chatId\":\"c-2")), [b.id], "raw body too");
    let status = |s: &str| HistoryQuery {
        status: Some(s.into()),
        ..HistoryQuery::default()
    };
    assert_eq!(ids(status("403")), [b.id]);
    assert_eq!(ids(status("2xx")), [received.id, a.id]);
    assert_eq!(ids(status("failed")), [c.id]);
    let receive = HistoryQuery {
        channel: Some(Channel::Receive),
        ..HistoryQuery::default()
    };
    assert_eq!(ids(receive), [received.id]);
    assert_eq!(
        store.history_request(received.id).unwrap().entry.verdict,
        Some(Verdict::Invalid("does not match".into()))
    );
    let error = store.search_history(&status("teapot")).unwrap_err();
    assert_eq!(error.code(), "invalid_status_filter");
    assert!(error.to_string().contains("teapot"));
    assert_eq!(store.clear_history(Some("p1")).unwrap(), 3);
    assert_eq!(ids(HistoryQuery::default()), [received.id]);
}

#[test]
fn an_unknown_entry_is_a_clear_error() {
    let store = Store::in_memory().unwrap();
    let error = store.history_request(42).err().unwrap();
    assert_eq!(error.code(), "history_not_found");
}

#[test]
fn a_user_and_password_in_the_url_never_reach_the_file() {
    let (dir, store) = file_store();
    let mut exchange = exchange(b"{}", Some(200));
    exchange.url = "https://ann:hunter2@gw.example.com:8443/chat/x?q=1".into();
    let entry = store
        .insert_history(NewEntry::sent(
            None,
            Channel::Send,
            Signing::Correct,
            exchange,
        ))
        .unwrap();
    assert_eq!(entry.url, "https://gw.example.com:8443/chat/x?q=1");
    drop(store);
    let mut bytes = std::fs::read(crate::store::database_path(dir.path())).unwrap();
    let wal = dir.path().join("textgate.db-wal");
    bytes.extend(std::fs::read(wal).unwrap_or_default());
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("gw.example.com"), "the entry was written");
    assert!(
        !text.contains("hunter2") && !text.contains("ann:"),
        "credentials on disk"
    );
}

#[test]
fn a_batch_is_stored_in_its_order_and_reads_back_whole() {
    let (_dir, store) = file_store();
    let before = sent(&store, b"{\"before\":1}", Some(200));
    let batch: Vec<NewEntry> = (0..300)
        .map(|i| {
            let body = format!("{{\"message\":{{\"chatId\":\"c-{i}\",\"text\":\"m{i}\"}}}}");
            NewEntry::sent(
                None,
                Channel::Receive,
                Signing::Unsigned,
                exchange(body.as_bytes(), Some(200)),
            )
        })
        .collect();
    let stored = store.insert_history_batch(batch).unwrap();
    assert_eq!(stored.len(), 300);
    let ids: Vec<i64> = stored.iter().map(|e| e.id).collect();
    assert_eq!(ids, (before.id + 1..=before.id + 300).collect::<Vec<_>>());
    assert_eq!(stored[299].text.as_deref(), Some("m299"));
    assert_eq!(store.history_request(ids[7]).unwrap().entry, stored[7]);
    assert_eq!(store.insert_history_batch(Vec::new()).unwrap(), []);
}
