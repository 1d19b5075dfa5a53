//! `send --scenario` and `emulate --scenario`: a named test event rendered by core with the
//! `--set` overrides and the ids `--chat-id` / `--sender-id` give (fresh ones otherwise), so the
//! body sent is exactly what `scenarios show` and the app's picker describe.

use textgate_core::harness::outbound::AgentAction;
use textgate_core::harness::scenario_override::Override;
use textgate_core::harness::scenarios::{ScenarioError, ScenarioIds};
use textgate_core::CoreError;

use crate::args::{EmulateArgs, SendArgs};
use crate::context::Context;
use crate::error::CliResult;

/// The `--set PATH=VALUE` overrides, parsed.
pub fn overrides(set: &[String]) -> CliResult<Vec<Override>> {
    set.iter()
        .map(|text| {
            Override::parse(text).map_err(|e| CoreError::from(ScenarioError::from(e)).into())
        })
        .collect()
}

/// The ids a scenario's placeholders take (fresh where not given).
fn ids(chat_id: Option<&str>, sender_id: Option<&str>) -> ScenarioIds {
    ScenarioIds {
        chat_id: chat_id.unwrap_or_default().to_string(),
        sender_id: sender_id.unwrap_or_default().to_string(),
        event_id: String::new(),
    }
    .filled()
}

/// The line text output adds after a scenario was sent, naming the ids it used.
fn note(name: &str, ids: &ScenarioIds) -> String {
    format!(
        "scenario {name}: chat {}, sender {}, event {}",
        ids.chat_id, ids.sender_id, ids.event_id
    )
}

/// The exact body `send --scenario NAME` signs, and the line naming its ids.
pub fn send_body(ctx: &Context, name: &str, args: &SendArgs) -> CliResult<(Vec<u8>, String)> {
    let overrides = overrides(&args.set)?;
    let ids = ids(args.chat_id.as_deref(), args.sender_id.as_deref());
    let body = ctx
        .workspace
        .harness()
        .scenario_send_body(name, &overrides, &ids)?;
    Ok((body, note(name, &ids)))
}

/// The agent's action `emulate --scenario NAME` acts out, and the line naming its ids.
pub fn action(ctx: &Context, name: &str, args: &EmulateArgs) -> CliResult<(AgentAction, String)> {
    let overrides = overrides(&args.set)?;
    let ids = ids(args.chat_id.as_deref(), None);
    let action = ctx
        .workspace
        .harness()
        .scenario_action(name, &overrides, &ids)?;
    Ok((action, note(name, &ids)))
}
