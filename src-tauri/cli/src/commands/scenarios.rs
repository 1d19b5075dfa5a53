//! `scenarios list|show|save|delete`: the named test events `send --scenario` and
//! `emulate --scenario` take. `show` says how the placeholders are filled and which paths
//! `--set` can change, so a scenario can be sent without reading the code.

use serde_json::Value;
use textgate_core::harness::scenarios::{Scenario, ScenarioDirection};
use textgate_core::workspace::ScenarioDraft;
use textgate_core::ErrorCode;

use crate::args::{ScenarioDirectionArg, ScenariosCommand};
use crate::context::Context;
use crate::error::{CliError, CliResult};
use crate::output::Table;

pub fn run(ctx: &Context, command: ScenariosCommand) -> CliResult {
    match command {
        ScenariosCommand::List => list(ctx),
        ScenariosCommand::Show { name } => show(ctx, &name),
        ScenariosCommand::Save {
            name,
            direction,
            body_file,
            description,
        } => {
            let bytes = super::send::read_body(&body_file)?;
            let body: Value = serde_json::from_slice(&bytes).map_err(|error| {
                CliError::new(
                    ErrorCode::ScenarioInvalid,
                    format!("{} is not JSON: {error}", body_file.display()),
                )
            })?;
            let draft = ScenarioDraft {
                name,
                direction: match direction {
                    ScenarioDirectionArg::Send => ScenarioDirection::Send,
                    ScenarioDirectionArg::Emulate => ScenarioDirection::Emulate,
                },
                description,
                body,
            };
            let replaced = ctx.workspace.harness().save_scenario(&draft)?;
            let saved = ctx.workspace.harness().scenario(&draft.name)?;
            if ctx.out.is_json() {
                ctx.out.json(&saved);
            } else {
                let verb = if replaced { "Replaced" } else { "Saved" };
                ctx.out.line(format!("{verb} scenario {}", saved.name));
            }
            Ok(())
        }
        ScenariosCommand::Delete { name } => {
            ctx.workspace.harness().delete_scenario(&name)?;
            if ctx.out.is_json() {
                ctx.out.json(&serde_json::json!({ "deleted": name.trim() }));
            } else {
                ctx.out.line(format!("Deleted scenario {}", name.trim()));
            }
            Ok(())
        }
    }
}

fn list(ctx: &Context) -> CliResult {
    let all = ctx.workspace.harness().scenarios()?;
    if ctx.out.is_json() {
        ctx.out.json(&all);
        return Ok(());
    }
    let mut table = Table::new(&["NAME", "DIRECTION", "KIND", "DESCRIPTION"]);
    for scenario in &all {
        table.row(vec![
            scenario.name.clone(),
            scenario.direction.wire().to_string(),
            if scenario.builtin {
                "built-in"
            } else {
                "saved"
            }
            .to_string(),
            scenario.description.clone(),
        ]);
    }
    ctx.out.line(table.render());
    Ok(())
}

fn show(ctx: &Context, name: &str) -> CliResult {
    let scenario = ctx.workspace.harness().scenario(name)?;
    if ctx.out.is_json() {
        ctx.out.json(&scenario);
        return Ok(());
    }
    let kind = if scenario.builtin {
        "built-in"
    } else {
        "saved"
    };
    ctx.out.line(format!(
        "{} ({}, {kind})",
        scenario.name,
        scenario.direction.wire()
    ));
    if !scenario.description.is_empty() {
        ctx.out.line(&scenario.description);
    }
    ctx.out.line("");
    ctx.out
        .line(serde_json::to_string_pretty(&scenario.body).unwrap_or_default());
    ctx.out.line("");
    for line in how_to_send(&scenario) {
        ctx.out.line(line);
    }
    Ok(())
}

/// The placeholders, the command that sends it and the paths `--set` can change.
fn how_to_send(scenario: &Scenario) -> Vec<String> {
    let (command, ids) = match scenario.direction {
        ScenarioDirection::Send => (
            "send",
            "${chat_id} is --chat-id ID and ${sender_id} is --sender-id ID, fresh scn-… ids when not given",
        ),
        ScenarioDirection::Emulate => (
            "emulate",
            "${chat_id} is --chat-id ID (a fresh scn-chat-… id when not given); ${sender_id} is fresh",
        ),
    };
    let mut paths = Vec::new();
    leaf_paths(&scenario.body, String::new(), &mut paths);
    vec![
        format!("Placeholders: {ids}; ${{event_id}} is fresh (or --set its field)."),
        format!(
            "Send it: textgate-cli {command} GW --scenario {} [--chat-id ID] [--set PATH=VALUE]...",
            scenario.name
        ),
        format!("Paths for --set: {}", paths.join(", ")),
    ]
}

fn leaf_paths(value: &Value, prefix: String, out: &mut Vec<String>) {
    let join = |key: &str| {
        if prefix.is_empty() {
            key.to_string()
        } else {
            format!("{prefix}.{key}")
        }
    };
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, item) in map {
                leaf_paths(item, join(key), out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for (index, item) in items.iter().enumerate() {
                leaf_paths(item, join(&index.to_string()), out);
            }
        }
        _ => out.push(prefix),
    }
}
