//! What every `profiles` command shares: finding a profile by id or name, and printing one
//! (the app secret left out unless `--reveal-secret`). A leaf: `profiles`, `profile_create`
//! and `profile_sync` all use it, and it uses none of them, so the commands depend one way.

use textgate_core::sync_state::SyncState;
use textgate_core::ErrorCode;
use textgate_core::{CoreError, ProfileField, ProfileView, SecretState};

use crate::args::SYNC_NAMES;
use crate::context::Context;
use crate::error::{CliError, CliResult};
use crate::output::yes_no;

/// A profile by id or exact (case-insensitive) name.
pub fn resolve(ctx: &Context, id_or_name: &str) -> CliResult<ProfileView> {
    ctx.workspace
        .profiles()
        .resolve(id_or_name)
        .map_err(|error| match error {
            CoreError::NotFound(wanted) => CliError::new(
                ErrorCode::NotFound,
                format!(
                    "No gateway profile with id or name \u{201c}{}\u{201d}",
                    textgate_core::error::shown(&wanted)
                ),
            ),
            other => other.into(),
        })
}

/// The profile as JSON (camelCase, as the core serializes it), without `secret` unless asked.
pub fn profile_json(profile: &ProfileView, reveal_secret: bool) -> serde_json::Value {
    let mut value = serde_json::to_value(profile).unwrap_or_default();
    if !reveal_secret {
        if let Some(object) = value.as_object_mut() {
            object.remove("secret");
        }
    }
    value
}

/// `profiles show` (and the result of `create`): JSON object, or one field per line.
pub fn print_profile(ctx: &Context, profile: &ProfileView, reveal_secret: bool) {
    if ctx.out.is_json() {
        ctx.out.json(&profile_json(profile, reveal_secret));
        return;
    }
    let secret = match (
        profile.secret_state,
        reveal_secret,
        profile.exposed_secret(),
    ) {
        (SecretState::Stored, true, Some(secret)) => secret.to_string(),
        (SecretState::Stored, _, _) => {
            "stored in the OS keychain (--reveal-secret shows it)".into()
        }
        (SecretState::Missing, _, _) => "missing: set one in the app".into(),
        (SecretState::Unavailable, _, _) => "unknown: the OS keychain is not available".into(),
    };
    let flow = profile.flow.as_ref().map_or_else(
        || "- (none picked)".into(),
        |f| format!("{} ({})", f.name, f.id),
    );
    let server = match (&profile.server_name, profile.remote_id) {
        (Some(name), Some(remote)) => format!("{name} (gateway id {remote})"),
        (Some(name), None) => format!("{name} (not pushed yet)"),
        (None, _) => "- (local only)".into(),
    };
    let label = |field: ProfileField| field.label().english;
    let mut rows = vec![
        ("ID", profile.id.clone()),
        (label(ProfileField::Name), profile.name.clone()),
        (label(ProfileField::Uri), profile.uri.clone()),
        ("Webhook URL", profile.webhook_url.clone()),
        (label(ProfileField::Callback), profile.callback.clone()),
        (label(ProfileField::Flow), flow),
        (label(ProfileField::Enabled), yes_no(profile.enabled)),
        (label(ProfileField::Server), server),
        ("Sync", sync_label(profile.sync_state).into()),
        (label(ProfileField::Secret), secret),
    ];
    if !profile.notes.is_empty() {
        // Continuation lines line up under the first one.
        let notes = profile.notes.replace('\n', &format!("\n{:13}", ""));
        rows.push((label(ProfileField::Notes), notes));
    }
    for (label, value) in rows {
        ctx.out.line(format!("{:<12} {value}", format!("{label}:")));
    }
}

/// The sync state as `profiles list` prints it (and `--sync` takes it).
pub fn sync_label(state: SyncState) -> &'static str {
    SYNC_NAMES
        .iter()
        .find(|(known, _)| *known == state)
        .map_or("?", |(_, name)| name)
}
