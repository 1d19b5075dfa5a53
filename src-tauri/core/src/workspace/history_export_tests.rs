//! Exports from a real store: the filters (channel, time range, limit) pick the same entries
//! as the list, oldest first; a failed export leaves nothing behind; an existing file is
//! replaced whole.

use std::sync::Arc;

use serde_json::Value;

use super::*;
use crate::harness::delivery::{Exchange, Signing};
use crate::harness::history::{Channel, NewEntry};
use crate::secrets::MemorySecretStore;
use crate::store::Store;
use crate::workspace::Workspace;

fn workspace_with(entries: &[(Channel, i64)]) -> Workspace {
    let store = Store::in_memory().unwrap();
    for (index, (channel, time)) in entries.iter().enumerate() {
        let mut entry = NewEntry::sent(
            Some("p1".into()),
            *channel,
            Signing::Correct,
            Exchange {
                url: "http://127.0.0.1:9/chat/x".into(),
                request_headers: vec![("Authorization".into(), "Bearer t".into())],
                request_body: format!("body {index}\n").into_bytes(),
                status: Some(200),
                response_headers: vec![],
                response_body: vec![],
                response_truncated: false,
                elapsed_micros: 10,
                failure: None,
            },
        );
        entry.time = *time;
        store.insert_history(entry).unwrap();
    }
    Workspace::new(store, Arc::new(MemorySecretStore::new()))
}

fn bodies(path: &Path) -> Vec<String> {
    let har: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    har["log"]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            entry["request"]["postData"]["text"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn filters_pick_the_entries_oldest_first_and_credentials_stay_out() {
    let ws = workspace_with(&[
        (Channel::Send, 1000),
        (Channel::Emulate, 2000),
        (Channel::Send, 3000),
        (Channel::Send, 4000),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("all.har");
    let all = HistoryQuery::default();
    assert_eq!(
        ws.harness()
            .export_history(&all, ExportFormat::Har, &path)
            .unwrap(),
        4
    );
    assert_eq!(
        bodies(&path),
        ["body 0\n", "body 1\n", "body 2\n", "body 3\n"]
    );
    assert!(!std::fs::read_to_string(&path).unwrap().contains("Bearer"));

    let ranged = HistoryQuery {
        channel: Some(Channel::Send),
        since: Some(1000),
        until: Some(3000),
        ..HistoryQuery::default()
    };
    assert_eq!(
        ws.harness()
            .export_history(&ranged, ExportFormat::Har, &path)
            .unwrap(),
        2
    );
    assert_eq!(bodies(&path), ["body 0\n", "body 2\n"]);

    let newest = HistoryQuery {
        limit: Some(2),
        ..HistoryQuery::default()
    };
    assert_eq!(
        ws.harness()
            .export_history(&newest, ExportFormat::Har, &path)
            .unwrap(),
        2
    );
    assert_eq!(bodies(&path), ["body 2\n", "body 3\n"]);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["all.har"], "no temporary file is left");
}

#[test]
fn more_entries_than_a_chunk_all_arrive_once() {
    let times: Vec<(Channel, i64)> = (0..1203).map(|t| (Channel::Receive, t)).collect();
    let ws = workspace_with(&times);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.jsonl");
    let count = ws
        .harness()
        .export_history(&HistoryQuery::default(), ExportFormat::Jsonl, &path)
        .unwrap();
    assert_eq!(count, 1203);
    let text = std::fs::read_to_string(&path).unwrap();
    let ids: Vec<i64> = text
        .lines()
        .map(|line| {
            serde_json::from_str::<Value>(line).unwrap()["id"]
                .as_i64()
                .unwrap()
        })
        .collect();
    assert_eq!(ids, (1..=1203).collect::<Vec<_>>());
}

#[test]
fn a_failed_export_leaves_no_file_and_says_where() {
    let ws = workspace_with(&[(Channel::Send, 1)]);
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder").join("h.har");
    let error = ws
        .harness()
        .export_history(&HistoryQuery::default(), ExportFormat::Har, &missing)
        .unwrap_err();
    assert_eq!(error.code(), crate::ErrorCode::ExportFile);
    assert!(error.to_string().contains("h.har"), "{error}");
    let error = ws
        .harness()
        .export_history(&HistoryQuery::default(), ExportFormat::Har, dir.path())
        .unwrap_err();
    assert_eq!(error.code(), crate::ErrorCode::ExportFile);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    let bad = HistoryQuery {
        status: Some("6xx".into()),
        ..HistoryQuery::default()
    };
    let path = dir.path().join("h.har");
    assert!(ws
        .harness()
        .export_history(&bad, ExportFormat::Har, &path)
        .is_err());
    assert!(!path.exists());
}
