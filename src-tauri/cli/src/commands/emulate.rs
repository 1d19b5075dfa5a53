//! `emulate`: Webitel's side toward the client's service, for scripts. Composes what Webitel
//! would POST for an agent's action (join/left/close rendered from the profile's templates),
//! signs it with the profile's app secret and sends it to the callback, one line per body.
//! Exit 0 when every body was answered 2xx, as Webitel counts a delivery.

use textgate_core::harness::outbound::AgentAction;
use textgate_core::template_preview::SampleAccount;

use crate::args::EmulateArgs;
use crate::context::Context;
use crate::error::{CliError, CliResult};

pub async fn run(ctx: &Context, args: EmulateArgs) -> CliResult {
    let profile = ctx.workspace.profiles().resolve(&args.profile)?;
    let (action, scenario_note) = match &args.scenario {
        Some(name) => {
            let (action, note) = super::scenario_event::action(ctx, name, &args)?;
            (action, Some(note))
        }
        None => (action(&args), None),
    };
    let entries = ctx
        .workspace
        .harness()
        .emulate_webitel(&profile.id, &action, args.url.as_deref())
        .await?;
    if ctx.out.is_json() {
        ctx.out.json(&entries);
    }
    if let Some(note) = scenario_note.filter(|_| !ctx.out.is_json()) {
        ctx.out.line(note);
    }
    if entries.is_empty() {
        ctx.out
            .line("Nothing to send: the template renders to no text");
        return Ok(());
    }
    for entry in &entries {
        let outcome = match (&entry.status, &entry.failure) {
            (Some(status), _) => status.to_string(),
            (None, Some(failure)) => failure.message.clone(),
            (None, None) => "-".into(),
        };
        let ms = entry.elapsed_micros.unwrap_or_default() as f64 / 1000.0;
        ctx.out.line(format!(
            "POST {} -> {outcome} in {ms:.1} ms: {}",
            entry.url,
            entry.body.trim_end()
        ));
    }
    if entries.iter().all(|entry| entry.delivered()) {
        Ok(())
    } else {
        Err(CliError::reported())
    }
}

fn action(args: &EmulateArgs) -> AgentAction {
    // clap requires --chat-id without --scenario.
    let chat_id = args.chat_id.clone().unwrap_or_default();
    let agent = |name: &str| {
        let mut parts = name.trim().splitn(2, ' ');
        // Only the name is known; the agent's other fields stay empty.
        SampleAccount {
            id: 0,
            channel: String::new(),
            contact: String::new(),
            first_name: parts.next().unwrap_or_default().to_string(),
            last_name: parts.next().unwrap_or_default().trim().to_string(),
            username: String::new(),
        }
    };
    // clap requires exactly one of these.
    if let Some(name) = &args.join {
        AgentAction::Join {
            chat_id,
            agent: agent(name),
        }
    } else if let Some(name) = &args.left {
        AgentAction::Left {
            chat_id,
            agent: agent(name),
        }
    } else if args.close {
        AgentAction::Close { chat_id }
    } else {
        AgentAction::Text {
            chat_id,
            text: args.text.clone().unwrap_or_default(),
        }
    }
}
