//! `profiles rotate-secret`: a new generated app secret, saved like any edit (so a pushed
//! gateway is marked changed here) and, with `--push`, sent to the server at once (a profile
//! with no server is refused before its secret changes). The secret
//! is printed only with `--reveal-secret` (or `--show`); it never reaches argv, logs or errors.
//! `--prove` then emulates an agent message signed with the new secret to the callback URL (or
//! `--url`) and says whether it was accepted; the proof stays in the history.

use textgate_core::generate::generate_secret;
use textgate_core::{ErrorCode, ProofOutcome, PushAction, SecretProof, Sensitive};

use super::profile_set::draft_of;
use super::profile_show::{profile_json, resolve};
use crate::context::Context;
use crate::error::{CliError, CliResult};

/// `proof`: `Some(url)` proves the new secret afterwards (at `url`, else the callback URL).
pub async fn rotate(
    ctx: &Context,
    id_or_name: &str,
    push: bool,
    reveal_secret: bool,
    proof: Option<Option<&str>>,
) -> CliResult {
    let profile = resolve(ctx, id_or_name)?;
    if push && profile.server_id.is_none() {
        // Nothing to push to: refused before the secret changes.
        return Err(textgate_core::CoreError::NoServer(profile.name).into());
    }
    if let Some(url) = proof {
        // A proof that could not be sent is refused before the secret changes.
        ctx.workspace
            .harness()
            .check_proof_target(&profile.id, url)?;
    }
    let draft = draft_of(&profile, Sensitive::new(generate_secret()));
    let outcome = ctx.workspace.profiles().save(draft)?;
    for warning in &outcome.warnings {
        ctx.out.warn(&warning.message);
    }
    let action = if push {
        Some(
            ctx.workspace
                .sync()
                .push(&profile.id, false)
                .await
                .map_err(|error| {
                    let mut error = CliError::from(error);
                    error.message = format!(
                        "The new secret is stored in the OS keychain, but the push failed \
                         (the server keeps the old one): {}",
                        error.message
                    );
                    error
                })?,
        )
    } else {
        None
    };
    let profile = ctx.workspace.profiles().get(&profile.id)?;
    if ctx.out.is_json() {
        let proof = match proof {
            Some(url) => Some(
                ctx.workspace
                    .harness()
                    .prove_secret(&profile.id, url)
                    .await?,
            ),
            None => None,
        };
        let mut shown = serde_json::json!({
            "profile": profile_json(&profile, reveal_secret),
            "action": action,
        });
        if let Some(proof) = &proof {
            shown["proof"] = serde_json::to_value(proof).unwrap_or_default();
        }
        ctx.out.json(&shown);
        return match &proof {
            Some(proof) => judged(proof),
            None => Ok(()),
        };
    }
    let name = &profile.name;
    ctx.out.line(format!(
        "New app secret for \u{201c}{name}\u{201d} stored in the OS keychain"
    ));
    let server = profile.server_name.as_deref().unwrap_or("its server");
    match action {
        Some(PushAction::Created) => ctx.out.line(format!("Created it on {server}")),
        Some(_) => ctx.out.line(format!("Pushed it to {server}")),
        None if profile.remote_id.is_some() => ctx.out.line(format!(
            "{server} still has the old secret until you push: `textgate-cli profiles push {}`",
            profile.id
        )),
        None => {}
    }
    if reveal_secret {
        if let Some(secret) = profile.exposed_secret() {
            ctx.out.line(format!("Secret: {secret}"));
        }
    }
    match proof {
        Some(url) => prove(ctx, &profile.id, url).await,
        None => Ok(()),
    }
}

/// `--prove`: the new secret end to end, printed as two lines; a refusal or no answer exits
/// 1 with what it means.
async fn prove(ctx: &Context, profile_id: &str, url: Option<&str>) -> CliResult {
    let proof = ctx
        .workspace
        .harness()
        .prove_secret(profile_id, url)
        .await?;
    let entry = &proof.entry;
    ctx.out.line(format!(
        "Proof (history entry {}): an agent message signed with the new secret to {} -> {}",
        entry.id,
        entry.url,
        answer(entry)
    ));
    if proof.outcome == ProofOutcome::Accepted {
        ctx.out
            .line("Accepted: the chat service checks with the new secret");
    }
    judged(&proof)
}

fn answer(entry: &textgate_core::harness::history::HistoryEntry) -> String {
    match (entry.status, &entry.failure) {
        (Some(status), _) => status.to_string(),
        (None, Some(failure)) => format!("no answer ({})", failure.message),
        (None, None) => "no answer".into(),
    }
}

/// Exit 0 for an accepted proof, else an error saying what the answer means.
fn judged(proof: &SecretProof) -> CliResult {
    let (code, meaning) = match proof.outcome {
        ProofOutcome::Accepted => return Ok(()),
        ProofOutcome::SignatureRefused => (
            ErrorCode::SignatureInvalid,
            "the chat service refused the signature: it still checks with the old secret, so \
             switch it to the new one",
        ),
        ProofOutcome::Refused => (
            ErrorCode::SignatureInvalid,
            "the chat service did not accept the message",
        ),
        ProofOutcome::NoAnswer => (ErrorCode::Connect, "nothing answered at that URL"),
    };
    Err(CliError::new(
        code,
        format!(
            "The proof failed ({}): {meaning}; the new secret is saved",
            answer(&proof.entry)
        ),
    ))
}
