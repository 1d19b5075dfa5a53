//! `emulate`: Webitel's side toward the client's service, for scripts. Composes what Webitel
//! would POST for an agent's action (join/left/close rendered from the profile's templates),
//! signs it with the profile's app secret and sends it to the callback, one line per body.
//! Exit 0 when every body was answered 2xx, as Webitel counts a delivery; otherwise exit 1
//! with a stderr warning per body not delivered (`Not delivered (HTTP 500): ...`): since
//! release 26.4 a non-2xx answer is a delivery failure, and Webitel sends each body once.

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
    if args.print_curl {
        let commands =
            ctx.workspace
                .harness()
                .emulate_curl(&profile.id, &action, args.url.as_deref())?;
        if ctx.out.is_json() {
            ctx.out.json(&serde_json::json!({ "curl": commands }));
        }
        if commands.is_empty() {
            ctx.out
                .line("Nothing to send: the template renders to no text");
        } else {
            // Pasted whole, the shell sends them one after another, in order.
            ctx.out.line(commands.join("\n"));
        }
        return Ok(());
    }
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
    let undelivered: Vec<_> = entries.iter().filter(|entry| !entry.delivered()).collect();
    if undelivered.is_empty() {
        return Ok(());
    }
    // Since release 26.4 Webitel counts a non-2xx as a failed delivery; it never retries.
    for entry in undelivered {
        let why = match (&entry.status, &entry.failure) {
            (Some(status), _) => format!("HTTP {status}"),
            (None, Some(failure)) => failure.message.clone(),
            (None, None) => "no answer".into(),
        };
        ctx.out.warn(format!(
            "Not delivered ({why}): Webitel sends an agent's message once, with no retry"
        ));
    }
    Err(CliError::reported())
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
