//! A scenario's overrides, `PATH=VALUE` as `stripe trigger --override` takes them: a dotted path
//! into the event's JSON (`message.sender.type=viber`) and a value typed as JSON when it is a
//! number, a boolean or `null` (`message.file.size=179491`), a string otherwise; `"..."` forces a
//! string. A path into a missing object creates it; a number picks an element of an existing
//! array (`broadcast.recipients.0.id=u-2`); a path through anything else is an error naming it.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

/// One `PATH=VALUE` override, parsed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Override {
    pub path: String,
    /// The value as typed after `=` (typed by [`typed_value`] when applied).
    pub value: String,
}

/// Why an override cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OverrideError {
    #[error("\u{201c}{0}\u{201d} is not PATH=VALUE (for example message.text=Hi)")]
    NoEquals(String),
    #[error("\u{201c}{0}\u{201d} is not a path: name fields with dots, as message.sender.type")]
    BadPath(String),
    #[error("Cannot set {path}: {through} is {kind}, not an object")]
    Through {
        path: String,
        through: String,
        kind: &'static str,
    },
    #[error("Cannot set {path}: {through} has {len} elements, there is no element {index}")]
    NoElement {
        path: String,
        through: String,
        len: usize,
        index: usize,
    },
}

impl Override {
    /// Parses `PATH=VALUE` (split at the first `=`; the value may be empty or hold `=`).
    pub fn parse(text: &str) -> Result<Self, OverrideError> {
        let (path, value) = text
            .split_once('=')
            .ok_or_else(|| OverrideError::NoEquals(text.to_string()))?;
        let path = path.trim();
        check_path(path)?;
        Ok(Self {
            path: path.to_string(),
            value: value.to_string(),
        })
    }
}

fn check_path(path: &str) -> Result<(), OverrideError> {
    if path.is_empty() || path.split('.').any(|segment| segment.trim().is_empty()) {
        return Err(OverrideError::BadPath(path.to_string()));
    }
    Ok(())
}

/// The JSON value `text` stands for: a number, boolean or null when it parses as one, the
/// string inside when it is a quoted JSON string, else the text itself as a string.
pub fn typed_value(text: &str) -> Value {
    let trimmed = text.trim();
    if trimmed.starts_with('"') && trimmed.ends_with('"') && trimmed.len() >= 2 {
        return match serde_json::from_str::<String>(trimmed) {
            Ok(inner) => Value::String(inner),
            // Not valid JSON escapes: the quotes still force a string of what is between them.
            Err(_) => Value::String(trimmed[1..trimmed.len() - 1].to_string()),
        };
    }
    match serde_json::from_str::<Value>(trimmed) {
        Ok(value @ (Value::Number(_) | Value::Bool(_) | Value::Null)) => value,
        _ => Value::String(text.to_string()),
    }
}

/// Applies `overrides` in order to `body`.
pub fn apply_all(body: &mut Value, overrides: &[Override]) -> Result<(), OverrideError> {
    overrides
        .iter()
        .try_for_each(|o| apply(body, &o.path, typed_value(&o.value)))
}

/// Sets the value at the dotted `path` of `body`.
pub fn apply(body: &mut Value, path: &str, value: Value) -> Result<(), OverrideError> {
    check_path(path)?;
    let segments: Vec<&str> = path.split('.').map(str::trim).collect();
    let mut here = body;
    for (depth, segment) in segments.iter().enumerate() {
        let last = depth + 1 == segments.len();
        let through = || segments[..depth].join(".");
        here = match here {
            Value::Object(map) => {
                if last {
                    map.insert((*segment).to_string(), value);
                    return Ok(());
                }
                map.entry((*segment).to_string())
                    .or_insert_with(|| Value::Object(Map::new()))
            }
            Value::Array(items) => {
                let len = items.len();
                let index = segment
                    .parse::<usize>()
                    .map_err(|_| OverrideError::Through {
                        path: path.to_string(),
                        through: through(),
                        kind: "an array",
                    })?;
                let item = items
                    .get_mut(index)
                    .ok_or_else(|| OverrideError::NoElement {
                        path: path.to_string(),
                        through: through(),
                        len,
                        index,
                    })?;
                if last {
                    *item = value;
                    return Ok(());
                }
                item
            }
            other => {
                return Err(OverrideError::Through {
                    path: path.to_string(),
                    through: if depth == 0 {
                        "the body".to_string()
                    } else {
                        through()
                    },
                    kind: kind_of(other),
                })
            }
        };
    }
    Ok(())
}

/// The value at `path`, if there is one.
pub fn get<'a>(body: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(body, |here, segment| match here {
        Value::Object(map) => map.get(segment.trim()),
        Value::Array(items) => items.get(segment.trim().parse::<usize>().ok()?),
        _ => None,
    })
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
#[path = "scenario_override_tests.rs"]
mod tests;
