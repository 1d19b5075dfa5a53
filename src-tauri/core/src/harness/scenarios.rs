//! Named test events (issue J §5): a scenario is a name, a direction, a description and the
//! event's JSON, either a client -> Webitel body the send form would send (`send`) or an agent's
//! action on Webitel's side (`emulate`, [`AgentAction`]'s JSON: for join and left the agent
//! whose account the profile's `join` / `left` template renders). The built-in set
//! (`scenario_builtin`) covers every event of the protocol; the admin's own are kept in SQLite.
//!
//! Rendering applies the overrides (`scenario_override`), then fills the placeholders
//! `${chat_id}`, `${sender_id}` and `${event_id}` in every string with the ids given, or fresh
//! ones, so a scenario goes to a new chat unless told which. A `send` body is encoded as
//! `compose` encodes the send form's events when it is one of them, else as compact JSON;
//! an `emulate` action goes through `outbound::compose` like the Webitel panel's.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::outbound::AgentAction;
use super::scenario_override::{apply_all, get, Override, OverrideError};
use crate::chat::wire::Event;

/// Which way a scenario's event goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ScenarioDirection {
    /// The client's chat service -> Webitel (`textgate-cli send`, the Send panel).
    Send,
    /// Webitel -> the client's callback (`textgate-cli emulate`, the Webitel panel).
    Emulate,
}

impl ScenarioDirection {
    pub fn wire(self) -> &'static str {
        match self {
            ScenarioDirection::Send => "send",
            ScenarioDirection::Emulate => "emulate",
        }
    }

    pub fn from_wire(text: &str) -> Option<Self> {
        match text {
            "send" => Some(ScenarioDirection::Send),
            "emulate" => Some(ScenarioDirection::Emulate),
            _ => None,
        }
    }
}

/// One named test event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Scenario {
    pub name: String,
    pub direction: ScenarioDirection,
    pub description: String,
    /// The event's JSON, placeholders and all.
    #[ts(type = "unknown")]
    pub body: Value,
    /// Shipped with Textgate: read-only, and no saved scenario may take its name.
    pub builtin: bool,
}

/// The placeholders a scenario's strings may hold.
pub const CHAT_ID: &str = "${chat_id}";
pub const SENDER_ID: &str = "${sender_id}";
pub const EVENT_ID: &str = "${event_id}";

/// The ids the placeholders become; an empty one is made fresh.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScenarioIds {
    pub chat_id: String,
    pub sender_id: String,
    pub event_id: String,
}

impl ScenarioIds {
    /// These ids, each empty one replaced by a fresh `scn-…` id.
    pub fn filled(&self) -> Self {
        let fresh = |given: &str, kind: &str| {
            if given.trim().is_empty() {
                let id = uuid::Uuid::new_v4().simple().to_string();
                format!("scn-{kind}-{}", &id[..12])
            } else {
                given.trim().to_string()
            }
        };
        Self {
            chat_id: fresh(&self.chat_id, "chat"),
            sender_id: fresh(&self.sender_id, "user"),
            event_id: fresh(&self.event_id, "event"),
        }
    }
}

/// Why a scenario cannot be saved or rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    #[error("No scenario \u{201c}{0}\u{201d}: `textgate-cli scenarios list` shows them")]
    NotFound(String),
    #[error("\u{201c}{0}\u{201d} is a built-in scenario: built-ins cannot be changed or deleted, and a saved scenario needs another name")]
    BuiltIn(String),
    #[error("\u{201c}{name}\u{201d} is a{} scenario, not a{} one: use `textgate-cli {}`", article(.found), article(.wanted), .found.wire())]
    WrongDirection {
        name: String,
        found: ScenarioDirection,
        wanted: ScenarioDirection,
    },
    #[error("{0}")]
    Override(#[from] OverrideError),
    #[error("{0}")]
    Invalid(String),
}

impl From<ScenarioError> for crate::error::CoreError {
    fn from(error: ScenarioError) -> Self {
        use crate::error::CoreError;
        let message = error.to_string();
        match error {
            ScenarioError::NotFound(name) => CoreError::ScenarioNotFound { name, message },
            ScenarioError::BuiltIn(name) => CoreError::ScenarioBuiltin { name, message },
            _ => CoreError::ScenarioInvalid(message),
        }
    }
}

fn article(direction: &ScenarioDirection) -> &'static str {
    match direction {
        ScenarioDirection::Send => " send",
        ScenarioDirection::Emulate => "n emulate",
    }
}

/// A saved scenario's name: 1 to 64 letters, digits, `.`, `_` or `-`.
pub fn check_name(name: &str) -> Result<(), ScenarioError> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(ScenarioError::Invalid(format!(
            "\u{201c}{name}\u{201d} is not a scenario name: use 1 to 64 letters, digits, dots, dashes or underscores"
        )))
    }
}

/// Checks a body before it is saved: a JSON object, and for `emulate` an agent's action.
pub fn check_body(direction: ScenarioDirection, body: &Value) -> Result<(), ScenarioError> {
    if !body.is_object() {
        return Err(ScenarioError::Invalid(
            "A scenario's body must be a JSON object".into(),
        ));
    }
    if direction == ScenarioDirection::Emulate {
        action_of(body, &[])?;
    }
    Ok(())
}

/// `scenario`'s body with `overrides` applied and the placeholders filled from `ids`.
pub fn rendered_json(
    scenario: &Scenario,
    overrides: &[Override],
    ids: &ScenarioIds,
) -> Result<Value, ScenarioError> {
    let mut body = scenario.body.clone();
    apply_all(&mut body, overrides)?;
    fill(&mut body, ids);
    Ok(body)
}

/// The exact bytes `send` signs and posts for a `send` scenario.
pub fn send_body(
    scenario: &Scenario,
    overrides: &[Override],
    ids: &ScenarioIds,
) -> Result<Vec<u8>, ScenarioError> {
    expect(scenario, ScenarioDirection::Send)?;
    let body = rendered_json(scenario, overrides, ids)?;
    // One of the send form's events encodes as the form encodes it; anything else (an extra
    // field set on purpose) as the JSON it is.
    let encoded = match serde_json::from_value::<Event>(body.clone()) {
        Ok(event) if serde_json::to_value(&event).ok().as_ref() == Some(&body) => {
            serde_json::to_string(&event)
        }
        _ => serde_json::to_string(&body),
    };
    encoded
        .map(String::into_bytes)
        .map_err(|e| ScenarioError::Invalid(e.to_string()))
}

/// The agent's action an `emulate` scenario stands for.
pub fn emulate_action(
    scenario: &Scenario,
    overrides: &[Override],
    ids: &ScenarioIds,
) -> Result<AgentAction, ScenarioError> {
    expect(scenario, ScenarioDirection::Emulate)?;
    let body = rendered_json(scenario, overrides, ids)?;
    action_of(&body, overrides)
}

fn expect(scenario: &Scenario, wanted: ScenarioDirection) -> Result<(), ScenarioError> {
    if scenario.direction == wanted {
        Ok(())
    } else {
        Err(ScenarioError::WrongDirection {
            name: scenario.name.clone(),
            found: scenario.direction,
            wanted,
        })
    }
}

/// Reads an action, refusing an override of a field no action of that kind has (serde would
/// silently drop it).
fn action_of(body: &Value, overrides: &[Override]) -> Result<AgentAction, ScenarioError> {
    let action: AgentAction = serde_json::from_value(body.clone()).map_err(|error| {
        ScenarioError::Invalid(format!(
            "Not an agent's action ({error}): an emulate scenario is {{\"kind\": \"text\" | \"file\" | \"join\" | \"left\" | \"close\" | \"broadcast\", ...}}"
        ))
    })?;
    let read_back = serde_json::to_value(&action).unwrap_or(Value::Null);
    if let Some(unknown) = overrides
        .iter()
        .find(|o| get(&read_back, &o.path).is_none() && !is_empty(get(body, &o.path)))
    {
        return Err(ScenarioError::Invalid(format!(
            "A{} action has no field {}",
            kind_article(body),
            unknown.path
        )));
    }
    Ok(action)
}

fn kind_article(body: &Value) -> String {
    let kind = body["kind"].as_str().unwrap_or_default();
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "n"
    } else {
        ""
    };
    format!("{article} {kind}")
}

/// Empty values are left out of the action's JSON (`omitempty`), so they are not unknown.
fn is_empty(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Number(n)) => n.as_f64() == Some(0.0),
        Some(Value::Bool(b)) => !b,
        Some(_) => false,
    }
}

/// Replaces the placeholders in every string of `body`.
fn fill(body: &mut Value, ids: &ScenarioIds) {
    match body {
        Value::String(text) if text.contains("${") => {
            *text = text
                .replace(CHAT_ID, &ids.chat_id)
                .replace(SENDER_ID, &ids.sender_id)
                .replace(EVENT_ID, &ids.event_id);
        }
        Value::Array(items) => items.iter_mut().for_each(|item| fill(item, ids)),
        Value::Object(map) => map.values_mut().for_each(|item| fill(item, ids)),
        _ => {}
    }
}

#[cfg(test)]
#[path = "scenarios_tests.rs"]
mod tests;
