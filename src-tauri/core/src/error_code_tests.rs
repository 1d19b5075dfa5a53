//! Pins every code's serialized string: the UI and scripts branch on them, so a renamed variant or
//! a changed `serde` attribute must fail here, not in a user's script.

use super::ErrorCode;

/// Today's string for each code, written out by hand. An exhaustive match: a new variant does not
/// compile until its string is listed here.
fn expected(code: ErrorCode) -> &'static str {
    match code {
        ErrorCode::Invalid => "invalid",
        ErrorCode::NotFound => "not_found",
        ErrorCode::Ambiguous => "ambiguous",
        ErrorCode::FlowRequired => "flow_required",
        ErrorCode::FlowNotFound => "flow_not_found",
        ErrorCode::ServerNotFound => "server_not_found",
        ErrorCode::ServerExists => "server_exists",
        ErrorCode::DuplicateServer => "duplicate_server",
        ErrorCode::ServerUrlLocked => "server_url_locked",
        ErrorCode::NoServer => "no_server",
        ErrorCode::NotPushed => "not_pushed",
        ErrorCode::Conflict => "conflict",
        ErrorCode::RemoteChanged => "remote_changed",
        ErrorCode::RemoteGone => "remote_gone",
        ErrorCode::TemplateInvalid => "template_invalid",
        ErrorCode::TemplateBudget => "template_budget",
        ErrorCode::TemplateRender => "template_render",
        ErrorCode::BroadcastRefused => "broadcast_refused",
        ErrorCode::InvalidServerUrl => "invalid_server_url",
        ErrorCode::InvalidCertificate => "invalid_certificate",
        ErrorCode::Unauthorized => "unauthorized",
        ErrorCode::Forbidden => "forbidden",
        ErrorCode::TwoFactorRequired => "two_factor_required",
        ErrorCode::TwoFactorInvalid => "two_factor_invalid",
        ErrorCode::PasswordExpired => "password_expired",
        ErrorCode::PasswordChangeRequired => "password_change_required",
        ErrorCode::Unreachable => "unreachable",
        ErrorCode::Tls => "tls",
        ErrorCode::TlsSetup => "tls_setup",
        ErrorCode::Timeout => "timeout",
        ErrorCode::NotWebitel => "not_webitel",
        ErrorCode::Redirect => "redirect",
        ErrorCode::ServerError => "server_error",
        ErrorCode::Ok => "ok",
        ErrorCode::DatabaseTooNew => "database_too_new",
        ErrorCode::DataDir => "data_dir",
        ErrorCode::Storage => "storage",
        ErrorCode::Migration => "migration",
        ErrorCode::Corrupt => "corrupt",
        ErrorCode::KeychainUnavailable => "keychain_unavailable",
        ErrorCode::Keychain => "keychain",
        ErrorCode::NoSecret => "no_secret",
        ErrorCode::InvalidSetting => "invalid_setting",
        ErrorCode::SettingsFile => "settings_file",
        ErrorCode::TransferFormat => "transfer_format",
        ErrorCode::TransferPassphraseWrong => "transfer_passphrase_wrong",
        ErrorCode::TransferPassphraseNeeded => "transfer_passphrase_needed",
        ErrorCode::TransferFile => "transfer_file",
        ErrorCode::ExportFile => "export_file",
        ErrorCode::NoTarget => "no_target",
        ErrorCode::HistoryNotFound => "history_not_found",
        ErrorCode::InvalidStatusFilter => "invalid_status_filter",
        ErrorCode::InvalidBurst => "invalid_burst",
        ErrorCode::ConflictChoice => "conflict_choice",
        ErrorCode::InvalidAnswer => "invalid_answer",
        ErrorCode::InvalidCurl => "invalid_curl",
        ErrorCode::InvalidSecret => "invalid_secret",
        ErrorCode::ReceiverPort => "receiver_port",
        ErrorCode::Connect => "connect",
        ErrorCode::InvalidUrl => "invalidUrl",
        ErrorCode::Other => "other",
        ErrorCode::ScenarioNotFound => "scenario_not_found",
        ErrorCode::ScenarioBuiltin => "scenario_builtin",
        ErrorCode::ScenarioInvalid => "scenario_invalid",
        ErrorCode::UpdateNotConfigured => "update_not_configured",
        ErrorCode::UpdateFeed => "update_feed",
        ErrorCode::UpdateDownload => "update_download",
        ErrorCode::UpdateSignature => "update_signature",
        ErrorCode::UpdateInstall => "update_install",
        ErrorCode::UpdateNone => "update_none",
        ErrorCode::UpdateNotDownloaded => "update_not_downloaded",
        ErrorCode::NoLogFolder => "no_log_folder",
        ErrorCode::OpenFailed => "open_failed",
        ErrorCode::Usage => "usage",
        ErrorCode::Io => "io",
        ErrorCode::BodyFile => "body_file",
        ErrorCode::Listen => "listen",
        ErrorCode::Emulator => "emulator",
        ErrorCode::SignatureMissing => "signature_missing",
        ErrorCode::SignatureInvalid => "signature_invalid",
        ErrorCode::Internal => "internal",
        ErrorCode::Unexpected => "unexpected",
    }
}

/// Every variant's serialized string, from the TypeScript union ts-rs generates (so none is missed).
fn every_serialized_code() -> Vec<String> {
    use ts_rs::TS;
    let union = ErrorCode::inline(&ts_rs::Config::default());
    union
        .split('|')
        .map(|part| part.trim().trim_matches('"').to_string())
        .collect()
}

#[test]
fn every_code_serializes_to_its_pinned_string_and_back() {
    let codes = every_serialized_code();
    assert_eq!(codes.len(), 82, "{codes:?}");
    for wire in &codes {
        let code: ErrorCode = serde_json::from_value(serde_json::Value::String(wire.clone()))
            .unwrap_or_else(|error| panic!("{wire}: {error}"));
        assert_eq!(expected(code), wire, "{code:?}");
        assert_eq!(serde_json::to_value(code).unwrap(), *wire.as_str());
        assert_eq!(code.to_string(), *wire);
        assert_eq!(code, wire.as_str());
    }
}

#[test]
fn no_two_variants_share_a_string() {
    let mut codes = every_serialized_code();
    let all = codes.len();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), all, "{codes:?}");
}
