//! Every error code has its English sentence and stable parameters: the UI's message keys
//! (`error_<code>`) rest on this table, the CLI on the sentences.

use super::*;
use crate::validation::{FieldIssue, Issue, ProfileField};
use crate::webitel::client_error::Credential;
use crate::webitel::wire::MicroError;
use serde_json::{json, Value};

fn s(text: &str) -> String {
    text.to_string()
}

fn api(status: u16, id: &str, detail: &str) -> CoreError {
    CoreError::Client(ClientError::Api {
        status,
        error: MicroError {
            id: s(id),
            code: None,
            detail: s(detail),
            status: String::new(),
        },
    })
}

/// One sample of each variant (and of each client, keychain and update case): its code, its
/// parameters and its English sentence.
fn table() -> Vec<(CoreError, &'static str, Value, String)> {
    let io = || std::io::Error::other("disk full");
    let issue = FieldIssue::error(ProfileField::Name, Issue::NameRequired);
    let template = FieldIssue::error(
        ProfileField::TemplateJoin,
        Issue::ServerDetail {
            detail: s("updates.join: boom"),
        },
    );
    vec![
        (CoreError::Invalid(vec![issue.clone()]), "invalid", json!({}), s("Name is required")),
        (CoreError::NotFound(s("p1")), "not_found", json!({"id": "p1"}), s("No gateway profile with id p1")),
        (CoreError::Ambiguous(s("Two profiles")), "ambiguous", json!({}), s("Two profiles")),
        (CoreError::ServerNotFound(s("prod")), "server_not_found", json!({"name": "prod"}), s("No server named or with id prod")),
        (CoreError::ServerExists(s("prod")), "server_exists", json!({"name": "prod"}), s("A server named prod already exists")),
        (CoreError::DuplicateServer { existing: s("Prod"), base_url: s("https://x.example") }, "duplicate_server", json!({"name": "Prod", "baseUrl": "https://x.example"}), s("Prod already uses https://x.example; edit it instead")),
        (CoreError::ServerUrlLocked { server: s("Prod"), base_url: s("https://x.example"), pushed: 3 }, "server_url_locked", json!({"name": "Prod", "baseUrl": "https://x.example", "count": 3}), s("Prod's address cannot change: 3 of its gateways were pushed to https://x.example. Add the new address as another server instead")),
        (CoreError::NoServer(s("Sales")), "no_server", json!({"profile": "Sales"}), s("\u{201c}Sales\u{201d} has no server: pick one before pushing")),
        (CoreError::NotPushed(s("Sales")), "not_pushed", json!({"profile": "Sales"}), s("\u{201c}Sales\u{201d} is not on its server yet: push it first")),
        (CoreError::Conflict(s("Sales")), "conflict", json!({"profile": "Sales"}), s("Both this computer and the server changed \u{201c}Sales\u{201d} since the last sync: compare the two versions and keep one")),
        (CoreError::RemoteChanged(s("Sales")), "remote_changed", json!({"profile": "Sales"}), s("The server has a newer version of \u{201c}Sales\u{201d}: pull it first")),
        (CoreError::RemoteGone(s("Sales")), "remote_gone", json!({"profile": "Sales"}), s("The gateway \u{201c}Sales\u{201d} no longer exists on the server")),
        (CoreError::FlowRequired, "flow_required", json!({}), s("Pick a flow schema before enabling the gateway")),
        (CoreError::TemplateRefused(template.clone()), "template_invalid", json!({"go": "updates.join: boom"}), s("updates.join: boom")),
        (CoreError::TemplateBudget(template), "template_budget", json!({"go": "updates.join: boom"}), s("updates.join: boom")),
        (CoreError::DatabaseTooNew { found: 9, supported: 4 }, "database_too_new", json!({"found": 9, "supported": 4}), s("This database was written by a newer Textgate (schema version 9; this build knows up to 4). It was left untouched: update Textgate to open it.")),
        (CoreError::DataDir { path: s("/d"), source: io() }, "data_dir", json!({}), s("Could not open the data folder /d: disk full")),
        (CoreError::Storage(rusqlite::Error::InvalidQuery), "storage", json!({}), s("Database error: Query is not read-only")),
        (CoreError::Migration(s("m")), "migration", json!({}), s("Database migration failed: m")),
        (CoreError::Corrupt(s("c")), "corrupt", json!({}), s("Stored data is damaged: c")),
        (CoreError::Secret(SecretError::Unavailable(s("no D-Bus"))), "keychain_unavailable", json!({"detail": "no D-Bus"}), s("The OS keychain is not available: no D-Bus")),
        (CoreError::Secret(SecretError::Failed(s("denied"))), "keychain", json!({"detail": "denied"}), s("The OS keychain refused the request: denied")),
        (CoreError::NoSecret(s("Sales")), "no_secret", json!({"profile": "Sales"}), s("\u{201c}Sales\u{201d} has no app secret in the keychain: set or generate one first")),
        (CoreError::NoTarget(s("nowhere")), "no_target", json!({}), s("nowhere")),
        (CoreError::HistoryEntryNotFound(7), "history_not_found", json!({"id": 7}), s("No history entry 7")),
        (CoreError::InvalidHistoryStatus(s("6xx")), "invalid_status_filter", json!({"value": "6xx"}), s("\u{201c}6xx\u{201d} is not a status filter: use a code such as 403, a class such as 4xx, or failed")),
        (CoreError::TemplateRender(s("template: title:1: function \"x\" not defined")), "template_render", json!({"go": "template: title:1: function \"x\" not defined", "template": "title", "line": 1}), s("template: title:1: function \"x\" not defined")),
        (CoreError::BroadcastRefused(s("no peers were received")), "broadcast_refused", json!({"reason": "no peers were received"}), s("Webitel would not send this broadcast: no peers were received")),
        (CoreError::InvalidBurst(s("b")), "invalid_burst", json!({}), s("b")),
        (CoreError::ConflictChoice(s("c")), "conflict_choice", json!({}), s("c")),
        (CoreError::InvalidAnswer(s("a")), "invalid_answer", json!({}), s("a")),
        (CoreError::InvalidCurl(s("c")), "invalid_curl", json!({}), s("c")),
        (CoreError::InvalidSetting { field: None, message: s("bad") }, "invalid_setting", json!({}), s("bad")),
        (CoreError::SettingsFile { path: s("/s"), source: io() }, "settings_file", json!({}), s("Could not save the settings to /s: disk full")),
        (CoreError::ExportFile { path: s("/h.har"), source: io() }, "export_file", json!({}), s("Could not write the export to /h.har: disk full")),
        (CoreError::Client(ClientError::InvalidBaseUrl(s("no host"))), "invalid_server_url", json!({"detail": "no host"}), s("Server address is not valid: no host")),
        (CoreError::Client(ClientError::InvalidCertificate(s("bad pem"))), "invalid_certificate", json!({"detail": "bad pem"}), s("The CA certificate is not valid PEM: bad pem")),
        (CoreError::Client(ClientError::Unauthorized { host: s("h"), status: 401, detail: s("x"), credential: Credential::Token }), "unauthorized", json!({"host": "h", "status": 401, "credential": "token", "detail": "x"}), s("h refused the access token (HTTP 401): log in again")),
        (CoreError::Client(ClientError::Unreachable { host: s("h"), detail: s("refused") }), "unreachable", json!({"host": "h", "detail": "refused", "reason": "other"}), s("Cannot reach h: refused")),
        (CoreError::Client(ClientError::Tls { host: s("h"), detail: s("expired") }), "tls", json!({"host": "h", "detail": "expired"}), s("TLS failure talking to h: expired. If the server uses a private CA, add its certificate to the server settings.")),
        (CoreError::Client(ClientError::Setup(s("no store"))), "tls_setup", json!({"detail": "no store"}), s("Cannot set up HTTPS on this computer: no store")),
        (CoreError::Client(ClientError::Timeout { host: s("h"), seconds: 30 }), "timeout", json!({"host": "h", "seconds": 30}), s("No answer from h within 30 s")),
        (CoreError::Client(ClientError::NotWebitel { host: s("h"), detail: s("HTML") }), "not_webitel", json!({"host": "h", "detail": "HTML"}), s("h answered, but not like a Webitel API: HTML")),
        (CoreError::Client(ClientError::Redirect { location: s("https://x") }), "redirect", json!({"location": "https://x"}), s("The server redirected to https://x; Textgate does not follow redirects with credentials. Use the final address as the server URL.")),
        (api(400, "chat.bot.valid", "uri: attribute is readonly"), "server_error", json!({"status": 400, "id": "chat.bot.valid", "detail": "uri: attribute is readonly"}), s("uri: attribute is readonly")),
        (api(503, "", ""), "server_error", json!({"status": 503, "id": "", "detail": ""}), s("The server answered HTTP 503")),
        (CoreError::Update(UpdateError::NotConfigured), "update_not_configured", json!({}), s("Updates are not configured for this build: it was built without the release signing key, so it cannot check for or install updates. Install a released package to get them.")),
        (CoreError::Update(UpdateError::Feed { feed: s("https://f"), detail: s("404") }), "update_feed", json!({"feed": "https://f", "detail": "404"}), s("Could not check for updates at https://f: 404")),
        (CoreError::Update(UpdateError::Download(s("reset"))), "update_download", json!({"detail": "reset"}), s("Could not download the update: reset")),
        (CoreError::Update(UpdateError::Signature(s("bad sig"))), "update_signature", json!({"detail": "bad sig"}), s("The update was refused: its signature does not match this build's update key (the file was altered, or signed by someone else). Nothing was installed. (bad sig)")),
        (CoreError::Update(UpdateError::Install(s("denied"))), "update_install", json!({"detail": "denied"}), s("The update could not be installed: denied")),
        (CoreError::Update(UpdateError::NoneAvailable), "update_none", json!({}), s("There is no newer version to download")),
        (CoreError::Update(UpdateError::NotDownloaded), "update_not_downloaded", json!({}), s("No update has been downloaded yet: download it first")),
        (CoreError::Client(ClientError::Forbidden { host: s("h"), detail: s("chatbot: objclass ADD privilege NOT GRANTED !") }), "forbidden", json!({"host": "h", "detail": "chatbot: objclass ADD privilege NOT GRANTED !"}), s("h refused: this token may not do that (chatbot: objclass ADD privilege NOT GRANTED !)")),
        (CoreError::TwoFactorRequired(s("prod")), "two_factor_required", json!({"name": "prod"}), s("prod asks for a two-factor code: log in again with the code from your authenticator app")),
        (CoreError::Client(ClientError::TwoFactorInvalid { host: s("h") }), "two_factor_invalid", json!({"host": "h"}), s("h refused the two-factor code: check the code in your authenticator app and try again")),
        (CoreError::Client(ClientError::PasswordExpired { host: s("h") }), "password_expired", json!({"host": "h"}), s("The password of this user on h has expired: set a new one in Webitel, then log in again")),
        (CoreError::Client(ClientError::PasswordChangeRequired { host: s("h") }), "password_change_required", json!({"host": "h"}), s("h asks this user to change the password first: set a new one in Webitel, then log in again")),
        (CoreError::ScenarioNotFound { name: s("x"), message: s("No scenario x") }, "scenario_not_found", json!({"name": "x"}), s("No scenario x")),
        (CoreError::ScenarioBuiltin { name: s("client.text"), message: s("client.text is built in") }, "scenario_builtin", json!({"name": "client.text"}), s("client.text is built in")),
        (CoreError::ScenarioInvalid(s("bad")), "scenario_invalid", json!({}), s("bad")),
        (CoreError::TransferFormat(s("This file is not a Textgate profile export")), "transfer_format", json!({}), s("This file is not a Textgate profile export")),
        (CoreError::TransferPassphraseWrong, "transfer_passphrase_wrong", json!({}), s("The passphrase does not open the secrets in this file: nothing was imported")),
        (CoreError::TransferPassphraseNeeded(s("Give a passphrase")), "transfer_passphrase_needed", json!({}), s("Give a passphrase")),
        (CoreError::TransferFile { path: s("/x.json"), action: "read", source: io() }, "transfer_file", json!({}), s("Could not read /x.json: disk full")),
    ]
}

/// Each variant's place: no wildcard, so a new error fails to compile here until the table
/// has a sample of it.
fn ordinal(error: &CoreError) -> usize {
    match error {
        CoreError::Invalid(_) => 0,
        CoreError::NotFound(_) => 1,
        CoreError::Ambiguous(_) => 2,
        CoreError::ServerNotFound(_) => 3,
        CoreError::ServerExists(_) => 4,
        CoreError::DuplicateServer { .. } => 52,
        CoreError::ServerUrlLocked { .. } => 53,
        CoreError::NoServer(_) => 5,
        CoreError::NotPushed(_) => 6,
        CoreError::Conflict(_) => 7,
        CoreError::RemoteChanged(_) => 8,
        CoreError::RemoteGone(_) => 9,
        CoreError::FlowRequired => 10,
        CoreError::TemplateRefused(_) => 11,
        CoreError::TemplateBudget(_) => 12,
        CoreError::DatabaseTooNew { .. } => 13,
        CoreError::DataDir { .. } => 14,
        CoreError::Storage(_) => 15,
        CoreError::Migration(_) => 16,
        CoreError::Corrupt(_) => 17,
        CoreError::Secret(SecretError::Unavailable(_)) => 18,
        CoreError::Secret(SecretError::Failed(_)) => 19,
        CoreError::NoSecret(_) => 20,
        CoreError::NoTarget(_) => 21,
        CoreError::HistoryEntryNotFound(_) => 22,
        CoreError::InvalidHistoryStatus(_) => 23,
        CoreError::TemplateRender(_) => 24,
        CoreError::BroadcastRefused(_) => 25,
        CoreError::InvalidBurst(_) => 26,
        CoreError::InvalidAnswer(_) => 27,
        CoreError::InvalidSetting { .. } => 28,
        CoreError::SettingsFile { .. } => 29,
        CoreError::ExportFile { .. } => 63,
        CoreError::Client(client) => match client {
            ClientError::InvalidBaseUrl(_) => 30,
            ClientError::InvalidCertificate(_) => 31,
            ClientError::Unauthorized { .. } => 32,
            ClientError::Unreachable { .. } => 33,
            ClientError::Tls { .. } => 34,
            ClientError::Setup(_) => 35,
            ClientError::Timeout { .. } => 36,
            ClientError::NotWebitel { .. } => 37,
            ClientError::Redirect { .. } => 38,
            ClientError::Api { .. } => 39,
            ClientError::TwoFactorInvalid { .. } => 48,
            ClientError::PasswordExpired { .. } => 49,
            ClientError::PasswordChangeRequired { .. } => 50,
            ClientError::Forbidden { .. } => 51,
        },
        CoreError::TwoFactorRequired(_) => 47,
        CoreError::ConflictChoice(_) => 54,
        CoreError::InvalidCurl(_) => 55,
        CoreError::ScenarioNotFound { .. } => 56,
        CoreError::ScenarioBuiltin { .. } => 57,
        CoreError::ScenarioInvalid(_) => 58,
        CoreError::TransferFormat(_) => 59,
        CoreError::TransferPassphraseWrong => 60,
        CoreError::TransferPassphraseNeeded(_) => 61,
        CoreError::TransferFile { .. } => 62,
        CoreError::Update(update) => match update {
            UpdateError::NotConfigured => 40,
            UpdateError::Feed { .. } => 41,
            UpdateError::Download(_) => 42,
            UpdateError::Signature(_) => 43,
            UpdateError::Install(_) => 44,
            UpdateError::NoneAvailable => 45,
            UpdateError::NotDownloaded => 46,
        },
    }
}

#[test]
fn every_error_code_has_an_english_sentence_and_stable_params() {
    let table = table();
    let mut seen: Vec<usize> = table.iter().map(|(error, ..)| ordinal(error)).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(
        seen,
        (0..=63).collect::<Vec<_>>(),
        "a sample of every variant"
    );
    for (error, code, params, english) in table {
        assert_eq!(error.code(), code, "{error:?}");
        assert_eq!(
            serde_json::to_value(error.params()).unwrap(),
            params,
            "{error:?}"
        );
        assert_eq!(error.to_string(), english, "{error:?}");
    }
}

#[test]
fn quoted_input_is_shortened_in_params_too() {
    let params = CoreError::NotFound("x".repeat(10_000)).params();
    let Some(ParamValue::Text(id)) = params.get("id") else {
        panic!("{params:?}");
    };
    assert!(id.chars().count() <= 81, "{} chars", id.chars().count());
}

#[test]
fn a_dns_failure_is_unreachable_with_reason_dns() {
    let dns = CoreError::Client(ClientError::Unreachable {
        host: s("nope.invalid"),
        detail: s("error sending request: client error (Connect): dns error: failed to lookup address information: Name or service not known"),
    });
    assert_eq!(dns.code(), "unreachable");
    let params = serde_json::to_value(dns.params()).unwrap();
    assert_eq!(params["reason"], "dns");
    assert_eq!(params["host"], "nope.invalid");
    let refused = CoreError::Client(ClientError::Unreachable {
        host: s("127.0.0.1"),
        detail: s("error sending request: client error (Connect): tcp connect error: Connection refused (os error 111)"),
    });
    assert_eq!(
        serde_json::to_value(refused.params()).unwrap()["reason"],
        "refused"
    );
}

#[test]
fn a_refused_credential_says_whether_it_was_a_token_a_login_or_a_password() {
    for (credential, wire) in [
        (Credential::Token, "token"),
        (Credential::Login, "login"),
        (Credential::Password, "password"),
    ] {
        let error = CoreError::Client(ClientError::Unauthorized {
            host: s("h"),
            status: 401,
            detail: s(""),
            credential,
        });
        assert_eq!(error.code(), "unauthorized");
        assert_eq!(
            serde_json::to_value(error.params()).unwrap()["credential"],
            wire
        );
    }
}

#[test]
fn a_server_template_refusal_names_go_s_spot_as_line_and_one_based_column() {
    let detail = "updates.join: template: join:1:2: executing \"join\" at <.Nope>: can't evaluate field Nope in type *chat.Account";
    let params =
        serde_json::to_value(api(400, crate::gateway_templates::REFUSAL_ID, detail).params())
            .unwrap();
    assert_eq!(params["template"], "join");
    assert_eq!(params["line"], 1);
    assert_eq!(params["column"], 3);
    assert_eq!(params["detail"], detail);
    let local = CoreError::TemplateRefused(FieldIssue::error(
        ProfileField::TemplateJoin,
        Issue::ServerDetail { detail: s(detail) },
    ));
    let local = serde_json::to_value(local.params()).unwrap();
    assert_eq!(
        (
            local["line"].clone(),
            local["column"].clone(),
            local["go"].clone()
        ),
        (json!(1), json!(3), json!(detail))
    );
}
