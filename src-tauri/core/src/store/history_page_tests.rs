//! Pages of the history on a real SQLite file: 205 entries are 200 "of 205" and then the last
//! 5, the cursor is an id (a newer entry does not shift the next page), the direction filter
//! counts alike, and a sent request its own receiver got comes back as one round trip.

use super::*;
use crate::harness::delivery::{Exchange, Signing};
use crate::harness::history::{Channel, Direction, NewEntry};

fn file_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    (dir, store)
}

fn new_entry(channel: Channel, time: i64, body: &str, sign: &str) -> NewEntry {
    let header = if channel == Channel::Receive {
        "x-webitel-sign"
    } else {
        "X-Webitel-Sign"
    };
    let exchange = Exchange {
        url: "http://127.0.0.1:8790/hook".into(),
        request_headers: vec![(header.into(), sign.into())],
        request_body: body.as_bytes().to_vec(),
        status: Some(200),
        response_headers: vec![],
        response_body: Vec::new(),
        response_truncated: false,
        elapsed_micros: 30_000,
        failure: None,
    };
    let mut entry = NewEntry::sent(Some("p1".into()), channel, Signing::Correct, exchange);
    entry.time = time;
    entry
}

fn message(i: usize) -> String {
    format!("{{\"message\":{{\"chatId\":\"c-{i}\",\"text\":\"m{i}\"}}}}")
}

fn ids(entries: &[HistoryEntry]) -> Vec<i64> {
    entries.iter().map(|e| e.id).collect()
}

#[test]
fn two_hundred_and_five_entries_are_two_pages_with_their_total() {
    let (_dir, store) = file_store();
    let all: Vec<NewEntry> = (0..205)
        .map(|i| new_entry(Channel::Send, 1_000 + i as i64, &message(i), "s"))
        .collect();
    let stored = store.insert_history_batch(all).unwrap();
    let first = store.history_page(&HistoryQuery::default()).unwrap();
    assert_eq!(first.entries.len(), 200);
    assert_eq!(first.total, 205);
    assert_eq!(first.entries[0].id, stored[204].id, "newest first");
    assert_eq!(first.next_before, Some(stored[5].id));

    // A request arriving meanwhile neither repeats nor skips a row on the next page.
    store
        .insert_history(new_entry(Channel::Send, 9_999, &message(999), "s"))
        .unwrap();
    let second = store
        .history_page(&HistoryQuery {
            before: first.next_before,
            ..HistoryQuery::default()
        })
        .unwrap();
    assert_eq!(
        ids(&second.entries),
        ids(&stored[..5]).into_iter().rev().collect::<Vec<_>>()
    );
    assert_eq!(second.next_before, None, "the oldest match is on this page");
    assert_eq!(
        second.total, 206,
        "the total counts every match, not the page"
    );

    let exact = store
        .history_page(&HistoryQuery {
            limit: Some(206),
            ..HistoryQuery::default()
        })
        .unwrap();
    assert_eq!((exact.entries.len(), exact.next_before), (206, None));
    let text = HistoryQuery {
        text: Some("m20".into()),
        ..HistoryQuery::default()
    };
    assert_eq!(store.count_history(&text).unwrap(), 6, "m20 and m200..m204");
    let bad = HistoryQuery {
        status: Some("teapot".into()),
        ..HistoryQuery::default()
    };
    assert_eq!(
        store.count_history(&bad).unwrap_err().code(),
        "invalid_status_filter"
    );
}

#[test]
fn the_direction_filter_keeps_sent_or_received_and_counts_alike() {
    let (_dir, store) = file_store();
    let send = store
        .insert_history(new_entry(Channel::Send, 1_000, &message(1), "a"))
        .unwrap();
    let emulate = store
        .insert_history(new_entry(Channel::Emulate, 2_000, &message(2), "b"))
        .unwrap();
    let receive = store
        .insert_history(new_entry(Channel::Receive, 90_000, &message(3), "c"))
        .unwrap();
    let page = |direction| {
        store
            .history_page(&HistoryQuery {
                direction,
                ..HistoryQuery::default()
            })
            .unwrap()
    };
    let sent = page(Some(Direction::Sent));
    assert_eq!(
        (ids(&sent.entries), sent.total),
        (vec![emulate.id, send.id], 2)
    );
    let received = page(Some(Direction::Received));
    assert_eq!(
        (ids(&received.entries), received.total),
        (vec![receive.id], 1)
    );
    assert_eq!(page(None).total, 3);
    let listed = store
        .search_history(&HistoryQuery {
            direction: Some(Direction::Received),
            ..HistoryQuery::default()
        })
        .unwrap();
    assert_eq!(ids(&listed), [receive.id], "the plain search filters alike");
}

#[test]
fn an_emulated_message_its_own_receiver_got_is_one_round_trip() {
    let (_dir, store) = file_store();
    let body = "{\"message\":{\"chatId\":\"c-1\",\"date\":1,\"text\":\"Hi\"}}\n";
    // The receiver keeps its copy before the sender has its answer.
    let arrived = store
        .insert_history(new_entry(Channel::Receive, 10_000, body, "ab"))
        .unwrap();
    let emulated = store
        .insert_history(new_entry(Channel::Emulate, 10_020, body, "ab"))
        .unwrap();
    // The same bytes long after, re-signed differently, or another text: not this round trip.
    store
        .insert_history(new_entry(Channel::Receive, 600_000, body, "ab"))
        .unwrap();
    store
        .insert_history(new_entry(Channel::Receive, 10_010, body, "zz"))
        .unwrap();
    let page = store.history_page(&HistoryQuery::default()).unwrap();
    assert_eq!(page.pairs.len(), 1, "{:?}", page.pairs);
    assert_eq!(page.pairs[0].sent, emulated.id);
    assert_eq!(page.pairs[0].received, arrived);

    // The arrival is found beyond the page's filter and beyond the page.
    let sent_only = store
        .history_page(&HistoryQuery {
            direction: Some(Direction::Sent),
            ..HistoryQuery::default()
        })
        .unwrap();
    assert_eq!(ids(&sent_only.entries), [emulated.id]);
    assert_eq!(sent_only.pairs[0].received.id, arrived.id);
    let newest_three = store
        .history_page(&HistoryQuery {
            limit: Some(3),
            ..HistoryQuery::default()
        })
        .unwrap();
    assert!(!ids(&newest_three.entries).contains(&arrived.id));
    assert_eq!(newest_three.pairs[0].received.id, arrived.id);
}
