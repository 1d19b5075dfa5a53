//! One history entry as a HAR 1.2 entry (the format browsers' and webhook tools' inspectors
//! read): request and response with their headers and exact bodies (`text`, or base64 with
//! `encoding: "base64"` for bytes that are not UTF-8), timings, and Textgate's own facts in
//! `_`-prefixed fields as HAR allows: `_verdict`, `_signing`, `_channel`, `_replayOf`,
//! `_failure`. An entry that got no answer has status 0 and its `_failure`, as HAR says.

use base64::Engine;
use serde_json::{json, Map, Value};

use super::history::HistoryEntry;
use crate::instant_text::format_rfc3339_millis;

/// The `log` fields before `entries`: HAR's version and Textgate as its creator.
pub fn log_head() -> Value {
    json!({
        "version": "1.2",
        "creator": { "name": "Textgate", "version": env!("CARGO_PKG_VERSION") },
    })
}

/// `bytes` as HAR's `text` (and `encoding` when they are not UTF-8), into `object`.
pub fn put_body(object: &mut Map<String, Value>, text_key: &str, encoding_key: &str, bytes: &[u8]) {
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            object.insert(text_key.into(), Value::String(text.into()));
        }
        Err(_) => {
            let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
            object.insert(text_key.into(), Value::String(encoded));
            object.insert(encoding_key.into(), Value::String("base64".into()));
        }
    }
}

/// The HAR entry of `entry`, whose exact request and response bytes are `body` and `response`.
pub fn entry(entry: &HistoryEntry, body: &[u8], response: &[u8]) -> Value {
    let elapsed_ms = entry
        .elapsed_micros
        .map(|us| us as f64 / 1000.0)
        .unwrap_or(0.0);
    let mut post_data = Map::new();
    post_data.insert(
        "mimeType".into(),
        mime_type(&entry.request_headers, "application/octet-stream").into(),
    );
    put_body(&mut post_data, "text", "encoding", body);
    let mut content = Map::new();
    content.insert("size".into(), response.len().into());
    content.insert(
        "mimeType".into(),
        mime_type(&entry.response_headers, "").into(),
    );
    put_body(&mut content, "text", "encoding", response);
    let status = entry.status.unwrap_or(0);
    json!({
        "startedDateTime": format_rfc3339_millis(entry.time),
        "time": elapsed_ms,
        "request": {
            "method": entry.method,
            "url": entry.url,
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": headers(&entry.request_headers),
            "queryString": query_string(&entry.url),
            "postData": post_data,
            "headersSize": -1,
            "bodySize": body.len(),
        },
        "response": {
            "status": status,
            "statusText": status_text(entry.status),
            "httpVersion": if entry.status.is_some() { "HTTP/1.1" } else { "" },
            "cookies": [],
            "headers": headers(&entry.response_headers),
            "content": content,
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": if entry.status.is_some() { json!(response.len()) } else { json!(-1) },
        },
        "cache": {},
        "timings": { "blocked": -1, "dns": -1, "connect": -1, "send": 0, "wait": elapsed_ms, "receive": 0, "ssl": -1 },
        "_id": entry.id,
        "_channel": entry.channel,
        "_profileId": entry.profile_id,
        "_replayOf": entry.replay_of,
        "_signing": entry.signing,
        "_verdict": entry.verdict,
        "_failure": entry.failure,
        "_chatId": entry.chat_id,
    })
}

fn headers(headers: &[(String, String)]) -> Vec<Value> {
    headers
        .iter()
        .map(|(name, value)| json!({ "name": name, "value": value }))
        .collect()
}

fn mime_type(headers: &[(String, String)], otherwise: &str) -> String {
    headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("content-type"))
        .map(|(_, value)| value.clone())
        .unwrap_or_else(|| otherwise.to_string())
}

fn query_string(url: &str) -> Vec<Value> {
    url::Url::parse(url)
        .map(|url| {
            url.query_pairs()
                .map(|(name, value)| json!({ "name": name, "value": value }))
                .collect()
        })
        .unwrap_or_default()
}

fn status_text(status: Option<u16>) -> &'static str {
    status
        .and_then(|status| reqwest::StatusCode::from_u16(status).ok())
        .and_then(|status| status.canonical_reason())
        .unwrap_or("")
}
