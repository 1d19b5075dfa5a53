//! The exporter's documents: a HAR that parses as HAR 1.2 with exact bodies (text, or base64
//! for bytes that are not UTF-8), status 0 and `_failure` for an unanswered request, and JSONL
//! with one object per line.

use base64::Engine;
use serde_json::Value;

use super::*;
use crate::harness::delivery::{DeliveryFailure, FailureKind, Signing};
use crate::harness::history::Channel;
use crate::signature::Verdict;

fn exported(id: i64, body: &[u8], status: Option<u16>) -> ExportEntry {
    ExportEntry {
        entry: HistoryEntry {
            id,
            time: 1_796_119_200_250,
            profile_id: Some("p1".into()),
            channel: Channel::Receive,
            replay_of: Some(3),
            method: "POST".into(),
            url: "http://127.0.0.1:9/hook?a=1&b=x%20y".into(),
            request_headers: vec![("Content-Type".into(), "application/json".into())],
            body: String::from_utf8_lossy(body).into(),
            status,
            response_headers: vec![("content-type".into(), "text/plain".into())],
            response: "ok".into(),
            elapsed_micros: Some(1500),
            signing: Some(Signing::Wrong),
            verdict: Some(Verdict::Invalid("does not match".into())),
            failure: status.is_none().then(|| DeliveryFailure {
                kind: FailureKind::Timeout,
                message: "timed out".into(),
            }),
            chat_id: None,
            text: None,
        },
        request_body: body.to_vec(),
        response_body: if status.is_some() {
            b"ok\xfe".to_vec()
        } else {
            vec![]
        },
    }
}

fn export(format: ExportFormat, entries: &[ExportEntry]) -> (String, u64) {
    let mut exporter = HistoryExporter::new(format, Vec::new()).unwrap();
    for entry in entries {
        exporter.write(entry).unwrap();
    }
    let (bytes, count) = exporter.finish().unwrap();
    (String::from_utf8(bytes).unwrap(), count)
}

#[test]
fn a_har_export_is_har_1_2_with_exact_bodies_and_textgate_fields() {
    let entries = [
        exported(1, b"{\"text\":\"Hi\"}\n", Some(200)),
        exported(2, b"\xff\x00raw", None),
    ];
    let (text, count) = export(ExportFormat::Har, &entries);
    assert_eq!(count, 2);
    let har: Value = serde_json::from_str(&text).unwrap();
    let log = &har["log"];
    assert_eq!(log["version"], "1.2");
    assert_eq!(log["creator"]["name"], "Textgate");
    assert_eq!(log["creator"]["version"], env!("CARGO_PKG_VERSION"));
    let first = &log["entries"][0];
    assert_eq!(first["startedDateTime"], "2026-12-01T10:00:00.250Z");
    assert_eq!(first["time"], 1.5);
    assert_eq!(first["request"]["postData"]["text"], "{\"text\":\"Hi\"}\n");
    assert_eq!(first["request"]["postData"]["mimeType"], "application/json");
    assert_eq!(first["request"]["postData"].get("encoding"), None);
    assert_eq!(first["request"]["bodySize"], 14);
    assert_eq!(first["request"]["headersSize"], -1);
    assert_eq!(first["request"]["queryString"][1]["value"], "x y");
    assert_eq!(first["response"]["status"], 200);
    assert_eq!(first["response"]["statusText"], "OK");
    assert_eq!(first["response"]["content"]["encoding"], "base64");
    assert_eq!(first["response"]["content"]["size"], 3);
    assert_eq!(first["_verdict"]["verdict"], "invalid");
    assert_eq!(first["_signing"], "wrong");
    assert_eq!(first["_channel"], "receive");
    assert_eq!(first["_replayOf"], 3);
    assert_eq!(first["timings"]["wait"], 1.5);
    let second = &log["entries"][1];
    assert_eq!(second["request"]["postData"]["encoding"], "base64");
    let raw = base64::engine::general_purpose::STANDARD
        .decode(second["request"]["postData"]["text"].as_str().unwrap())
        .unwrap();
    assert_eq!(raw, b"\xff\x00raw");
    assert_eq!(second["response"]["status"], 0);
    assert_eq!(second["_failure"]["kind"], "timeout");
}

#[test]
fn an_empty_har_export_is_still_a_har_document() {
    let (text, count) = export(ExportFormat::Har, &[]);
    assert_eq!(count, 0);
    let har: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(har["log"]["entries"], Value::Array(vec![]));
}

#[test]
fn jsonl_has_one_object_per_entry_with_exact_bodies() {
    let entries = [
        exported(1, b"line one\n", Some(200)),
        exported(2, b"\xc3\x28", None),
    ];
    let (text, count) = export(ExportFormat::Jsonl, &entries);
    assert_eq!(count, 2);
    let lines: Vec<Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[0]["body"], "line one\n");
    assert_eq!(lines[0].get("bodyEncoding"), None);
    assert_eq!(lines[0]["responseEncoding"], "base64");
    assert_eq!(lines[1]["bodyEncoding"], "base64");
    assert_eq!(lines[1]["body"], "wyg=");
    assert_eq!(lines[1]["failure"]["kind"], "timeout");
}
