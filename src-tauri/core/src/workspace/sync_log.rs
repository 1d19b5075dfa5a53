//! The log lines of sync decisions: what a push did or why it refused, and each gateway's
//! verdict in a pull. Only ids and verdicts are logged (profile id, server id, the gateway's
//! id on the server), never a profile's content or its secret.

use crate::error::CoreError;

/// A push's outcome: what it did (`created`, `updated`, `up to date`) or why it failed.
pub(super) fn pushed(profile_id: &str, force: bool, result: Result<&'static str, &CoreError>) {
    let verdict = match result {
        Ok(done) => done,
        Err(CoreError::Conflict(_)) => "conflict",
        Err(CoreError::RemoteChanged(_)) => "server is newer",
        Err(CoreError::RemoteGone(_)) => "gone from the server",
        Err(error) => {
            tracing::warn!(
                target: "textgate::sync",
                profile = profile_id, force, code = %error.code(), %error,
                "push failed"
            );
            return;
        }
    };
    tracing::info!(target: "textgate::sync", profile = profile_id, force, verdict, "push");
}

pub(super) fn pulled(server_id: &str, remote_id: i64, profile_id: Option<&str>, verdict: &str) {
    tracing::info!(
        target: "textgate::sync",
        server = server_id, remote_id, profile = profile_id, verdict,
        "pull"
    );
}
