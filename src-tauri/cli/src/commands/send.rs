//! `send`: the harness sender for scripts. Builds (or reads) one client -> Webitel event, signs
//! exactly the bytes it sends with the profile's app secret, POSTs them to the gateway and
//! prints what came back. Every send is kept in the history like the app's.

use std::io::Read;

use textgate_core::harness::compose::InboundDraft;
use textgate_core::harness::delivery::Signing;
use textgate_core::harness::history::HistoryEntry;
use textgate_core::ErrorCode;

use crate::args::SendArgs;
use crate::context::Context;
use crate::error::{CliError, CliResult};

pub async fn run(ctx: &Context, args: SendArgs) -> CliResult {
    let (body, scenario_note) = match &args.scenario {
        Some(name) => {
            let (body, note) = super::scenario_event::send_body(ctx, name, &args)?;
            (body, Some(note))
        }
        None => (body(&args)?, None),
    };
    let signing = if args.bad_signature {
        Signing::Wrong
    } else {
        Signing::Correct
    };
    let profile = ctx.workspace.profiles().resolve(&args.profile)?;
    if args.print_curl {
        let command =
            ctx.workspace
                .harness()
                .send_curl(&profile.id, body, signing, args.url.as_deref())?;
        if ctx.out.is_json() {
            ctx.out.json(&serde_json::json!({ "curl": command }));
        }
        ctx.out.line(command);
        return Ok(());
    }
    let entry = ctx
        .workspace
        .harness()
        .send_to_gateway(&profile.id, body, signing, args.url.as_deref())
        .await?;
    if let Some(failure) = &entry.failure {
        return Err(CliError::new(failure.kind.code(), failure.message.clone()));
    }
    if ctx.out.is_json() {
        ctx.out.json(&entry);
    } else {
        ctx.out.line(summary(&entry));
        if let Some(note) = scenario_note {
            ctx.out.line(note);
        }
        if !entry.response.is_empty() {
            ctx.out.line(entry.response.trim_end());
        }
    }
    let expected = match signing {
        Signing::Wrong => entry.status == Some(403),
        _ => entry.delivered(),
    };
    if expected {
        Ok(())
    } else {
        Err(CliError::reported())
    }
}

/// `POST <url> -> 200 OK in 12.3 ms`
fn summary(entry: &HistoryEntry) -> String {
    let status = entry.status.unwrap_or_default();
    let reason = http::StatusCode::from_u16(status)
        .ok()
        .and_then(|code| code.canonical_reason())
        .unwrap_or("");
    let ms = entry.elapsed_micros.unwrap_or_default() as f64 / 1000.0;
    format!("POST {} -> {status} {reason} in {ms:.1} ms", entry.url)
}

fn body(args: &SendArgs) -> CliResult<Vec<u8>> {
    if let Some(path) = &args.body_file {
        return read_body(path);
    }
    if let Some(chat_id) = &args.close {
        let draft = InboundDraft::Close {
            chat_id: chat_id.clone(),
        };
        return Ok(draft.encode().into_bytes());
    }
    // clap requires --chat-id and --sender-id with --text.
    let draft = InboundDraft::text(
        args.chat_id.as_deref().unwrap_or_default(),
        args.sender_id.as_deref().unwrap_or_default(),
        args.sender_type.as_deref().unwrap_or_default(),
        args.text.as_deref().unwrap_or_default(),
    );
    Ok(draft.encode().into_bytes())
}

pub(super) fn read_body(path: &std::path::Path) -> CliResult<Vec<u8>> {
    let mut bytes = Vec::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|read| bytes = read)
    };
    read.map_err(|error| {
        CliError::new(
            ErrorCode::BodyFile,
            format!("Cannot read the body from {}: {error}", path.display()),
        )
    })?;
    Ok(bytes)
}
