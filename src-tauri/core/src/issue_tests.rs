//! Every issue code has its English sentence and stable parameters: the UI's message keys
//! (`issue_<code>`) and the CLI's output both rest on this table.

use super::*;
use serde_json::json;

/// One sample of each variant, its wire form and its English sentence.
fn table() -> Vec<(Issue, serde_json::Value, &'static str)> {
    let text = |s: &str| s.to_string();
    vec![
        (
            Issue::NameRequired,
            json!({"code": "name_required"}),
            "Name is required",
        ),
        (
            Issue::NameTooLong {
                chars: 101,
                max: 100,
            },
            json!({"code": "name_too_long", "params": {"chars": 101, "max": 100}}),
            "Name is too long: 101 characters (at most 100)",
        ),
        (
            Issue::NameControl,
            json!({"code": "name_control"}),
            "Name must not contain line breaks or control characters",
        ),
        (
            Issue::UriRequired,
            json!({"code": "uri_required"}),
            "URI is required",
        ),
        (
            Issue::UriNoSlash,
            json!({"code": "uri_no_slash"}),
            "URI must start with /",
        ),
        (
            Issue::UriNoPath,
            json!({"code": "uri_no_path"}),
            "URI needs a path after the /",
        ),
        (
            Issue::UriQuery,
            json!({"code": "uri_query"}),
            "URI must not contain a query (?)",
        ),
        (
            Issue::UriFragment,
            json!({"code": "uri_fragment"}),
            "URI must not contain a fragment (#)",
        ),
        (
            Issue::UriSpace,
            json!({"code": "uri_space"}),
            "URI contains a space: use letters, digits, and - . _ ~ /",
        ),
        (
            Issue::UriBadChar { char: text("%") },
            json!({"code": "uri_bad_char", "params": {"char": "%"}}),
            "URI contains '%': use letters, digits, and - . _ ~ /",
        ),
        (
            Issue::UriDotSegment,
            json!({"code": "uri_dot_segment"}),
            "URI must not contain . or .. segments",
        ),
        (
            Issue::UriTooLong { max: 255 },
            json!({"code": "uri_too_long", "params": {"max": 255}}),
            "URI is too long (at most 255 characters)",
        ),
        (
            Issue::UriReadOnly,
            json!({"code": "uri_read_only"}),
            "URI is read-only: this gateway already exists on a server",
        ),
        (
            Issue::UriTaken {
                profile: text("Sales"),
            },
            json!({"code": "uri_taken", "params": {"profile": "Sales"}}),
            "Profile \u{201c}Sales\u{201d} already uses this URI",
        ),
        (
            Issue::UriTakenOnServer {
                server: text("prod"),
                profile: text("Sales"),
            },
            json!({"code": "uri_taken_on_server", "params": {"server": "prod", "profile": "Sales"}}),
            "prod already has a gateway with this URI, linked to \u{201c}Sales\u{201d}: duplicate \
             the profile to get a fresh URI",
        ),
        (
            Issue::CallbackRequired,
            json!({"code": "callback_required"}),
            "Callback URL is required",
        ),
        (
            Issue::CallbackTooLong { max: 2048 },
            json!({"code": "callback_too_long", "params": {"max": 2048}}),
            "Callback URL is too long (at most 2048 characters)",
        ),
        (
            Issue::CallbackNotAbsolute,
            json!({"code": "callback_not_absolute"}),
            "Callback must be an absolute URL, like https://bot.example.com/webitel",
        ),
        (
            Issue::CallbackInvalid {
                reason: text("empty host"),
            },
            json!({"code": "callback_invalid", "params": {"reason": "empty host"}}),
            "Callback is not a valid URL: empty host",
        ),
        (
            Issue::CallbackScheme {
                scheme: text("ftp"),
            },
            json!({"code": "callback_scheme", "params": {"scheme": "ftp"}}),
            "Callback must use http or https, not ftp",
        ),
        (
            Issue::CallbackNoHost,
            json!({"code": "callback_no_host"}),
            "Callback URL needs a host",
        ),
        (
            Issue::CallbackUserInfo,
            json!({"code": "callback_user_info"}),
            "Callback URL must not contain a user name or password",
        ),
        (
            Issue::CallbackPlainHttp,
            json!({"code": "callback_plain_http"}),
            "Plain http: Webitel will send chat messages to this host unencrypted. Use https \
             outside local testing.",
        ),
        (
            Issue::SecretRequired,
            json!({"code": "secret_required"}),
            "App secret is required: type one or press Generate",
        ),
        (
            Issue::SecretWhitespace,
            json!({"code": "secret_whitespace"}),
            "App secret must not contain spaces, line breaks or control characters",
        ),
        (
            Issue::SecretTooLong {
                chars: 257,
                max: 256,
            },
            json!({"code": "secret_too_long", "params": {"chars": 257, "max": 256}}),
            "App secret is too long: 257 characters (at most 256)",
        ),
        (
            Issue::SecretNotInKeychain,
            json!({"code": "secret_not_in_keychain"}),
            "The app secret is not in the keychain: set one and save before pushing",
        ),
        (
            Issue::SecretNotSaved {
                unavailable: true,
                detail: text("locked"),
            },
            json!({"code": "secret_not_saved", "params": {"unavailable": true, "detail": "locked"}}),
            "The OS keychain is not available: locked. The profile was saved, but its app secret \
             was not stored anywhere: save again once the keychain is available.",
        ),
        (
            Issue::SecretNotSaved {
                unavailable: false,
                detail: text("denied"),
            },
            json!({"code": "secret_not_saved", "params": {"unavailable": false, "detail": "denied"}}),
            "The OS keychain refused the request: denied. The profile was saved, but its app \
             secret was not stored anywhere: save again once the keychain is available.",
        ),
        (
            Issue::FlowRequired,
            json!({"code": "flow_required"}),
            "Pick a flow schema before enabling the gateway",
        ),
        (
            Issue::ServerReadOnly,
            json!({"code": "server_read_only"}),
            "This gateway already exists on its server: duplicate it to use another server",
        ),
        (
            Issue::NotesTooLong {
                chars: 2001,
                max: 2000,
            },
            json!({"code": "notes_too_long", "params": {"chars": 2001, "max": 2000}}),
            "Notes are too long: 2001 characters (at most 2000)",
        ),
        (
            Issue::TemplateRefused {
                go: text("template: join:1: unexpected \"}\" in operand"),
            },
            json!({"code": "template_refused",
                   "params": {"go": "template: join:1: unexpected \"}\" in operand"}}),
            "Webitel will refuse this template: template: join:1: unexpected \"}\" in operand",
        ),
        (
            Issue::TemplateOverBudget {
                go: text("too much work"),
            },
            json!({"code": "template_over_budget", "params": {"go": "too much work"}}),
            "Textgate will not push this template: too much work",
        ),
        (
            Issue::TemplateUnsendable {
                go: text("no such key"),
            },
            json!({"code": "template_unsendable", "params": {"go": "no such key"}}),
            "Webitel accepts this template but cannot send it (it has no variables): no such key",
        ),
        (
            Issue::ServerDetail {
                detail: text("updates.join: boom"),
            },
            json!({"code": "server_detail", "params": {"detail": "updates.join: boom"}}),
            "updates.join: boom",
        ),
    ]
}

/// The position of each variant: no wildcard, so a new variant fails to compile here until
/// the table has it.
fn ordinal(issue: &Issue) -> usize {
    match issue {
        Issue::NameRequired => 0,
        Issue::NameTooLong { .. } => 1,
        Issue::NameControl => 2,
        Issue::UriRequired => 3,
        Issue::UriNoSlash => 4,
        Issue::UriNoPath => 5,
        Issue::UriQuery => 6,
        Issue::UriFragment => 7,
        Issue::UriSpace => 8,
        Issue::UriBadChar { .. } => 9,
        Issue::UriDotSegment => 10,
        Issue::UriTooLong { .. } => 11,
        Issue::UriReadOnly => 12,
        Issue::UriTaken { .. } => 13,
        Issue::UriTakenOnServer { .. } => 14,
        Issue::CallbackRequired => 15,
        Issue::CallbackTooLong { .. } => 16,
        Issue::CallbackNotAbsolute => 17,
        Issue::CallbackInvalid { .. } => 18,
        Issue::CallbackScheme { .. } => 19,
        Issue::CallbackNoHost => 20,
        Issue::CallbackUserInfo => 21,
        Issue::CallbackPlainHttp => 22,
        Issue::SecretRequired => 23,
        Issue::SecretWhitespace => 24,
        Issue::SecretTooLong { .. } => 25,
        Issue::SecretNotInKeychain => 26,
        Issue::SecretNotSaved { .. } => 27,
        Issue::FlowRequired => 28,
        Issue::ServerReadOnly => 29,
        Issue::TemplateRefused { .. } => 30,
        Issue::TemplateOverBudget { .. } => 31,
        Issue::TemplateUnsendable { .. } => 32,
        Issue::ServerDetail { .. } => 33,
        Issue::NotesTooLong { .. } => 34,
    }
}

#[test]
fn every_issue_code_has_an_english_sentence_and_stable_params() {
    let table = table();
    let mut seen: Vec<usize> = table.iter().map(|(issue, _, _)| ordinal(issue)).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen, (0..=34).collect::<Vec<_>>(), "one sample per variant");
    for (issue, wire, english) in table {
        assert_eq!(serde_json::to_value(&issue).unwrap(), wire, "{issue:?}");
        assert_eq!(issue.code(), wire["code"], "{issue:?}");
        assert_eq!(issue.to_string(), english, "{issue:?}");
        let back: Issue = serde_json::from_value(wire).unwrap();
        assert_eq!(back, issue);
    }
}

#[test]
fn a_field_issue_carries_code_params_and_the_english_message_flat() {
    let issue = crate::FieldIssue::error(
        crate::ProfileField::Name,
        Issue::NameTooLong {
            chars: 101,
            max: 100,
        },
    );
    let wire = serde_json::to_value(&issue).unwrap();
    assert_eq!(
        wire,
        json!({
            "field": "name",
            "severity": "error",
            "code": "name_too_long",
            "params": {"chars": 101, "max": 100},
            "message": "Name is too long: 101 characters (at most 100)",
        })
    );
    let back: crate::FieldIssue = serde_json::from_value(wire).unwrap();
    assert_eq!(back, issue);
}
