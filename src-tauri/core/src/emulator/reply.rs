//! How the emulator answers: protobuf-style JSON (64-bit integers as strings, as Webitel sends
//! them) and micro errors `{"id","code","detail","status"}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::Value;

/// Keys whose integer values Webitel sends as JSON strings.
const INT64_KEYS: &[&str] = &["id", "created_at", "updated_at", "page", "user_id", "dc"];

/// Serialises `value` with every int64 key turned into a string.
pub fn protobuf_json<T: Serialize>(value: &T) -> Value {
    let mut json = serde_json::to_value(value).unwrap_or(Value::Null);
    stringify_ids(&mut json);
    json
}

fn stringify_ids(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map.iter_mut() {
                if INT64_KEYS.contains(&key.as_str()) {
                    if let Value::Number(number) = inner {
                        *inner = Value::String(number.to_string());
                        continue;
                    }
                }
                stringify_ids(inner);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(stringify_ids),
        _ => {}
    }
}

pub fn ok(value: Value) -> Response {
    Json(value).into_response()
}

/// A micro error answer.
pub fn error(status: StatusCode, id: &str, detail: impl Into<String>) -> Response {
    let body = serde_json::json!({
        "id": id,
        "code": status.as_u16(),
        "detail": detail.into(),
        "status": status.canonical_reason().unwrap_or(""),
    });
    (status, Json(body)).into_response()
}

pub fn bad_request(id: &str, detail: impl Into<String>) -> Response {
    error(StatusCode::BAD_REQUEST, id, detail)
}

/// A 400 refusal kept small until it becomes a response (validation results carry it).
pub struct Refusal {
    id: &'static str,
    detail: String,
}

pub fn refuse(id: &'static str, detail: impl Into<String>) -> Refusal {
    Refusal {
        id,
        detail: detail.into(),
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        bad_request(self.id, self.detail)
    }
}
