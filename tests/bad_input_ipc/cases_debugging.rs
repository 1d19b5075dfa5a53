//! The IPC catalogue's cases for the debugging commands of issue J: Copy as cURL, Paste cURL,
//! Edit and resend, the history export and the rotated secret's proof.
use serde_json::{json, Value};

use super::cases::{case, huge, Case, Expect};

/// The bad inputs of one of these commands; `None` when `command` is not one of them.
pub fn cases(command: &str, profile: &str) -> Option<Vec<Case>> {
    use Expect::{Args, Code};
    Some(match command {
        "history_curl" | "replay_draft" => vec![
            case("an id out of range", json!({"id": 1e30}), Args),
            case("an id of the wrong type", json!({"id": "one"}), Args),
            case(
                "an unknown entry",
                json!({"id": 424242}),
                Code("history_not_found"),
            ),
        ],
        "send_curl" => {
            let curl = |url: &str| json!({"profileId": profile, "body": "{}", "signing": "correct", "url": url});
            vec![
                case(
                    "a javascript: URL",
                    curl("javascript:alert(1)"),
                    Code("no_target"),
                ),
                case(
                    "an ftp: URL",
                    curl("ftp://files.example/x"),
                    Code("no_target"),
                ),
                case(
                    "an unknown signing",
                    json!({"profileId": profile, "body": "{}", "signing": "maybe", "url": null}),
                    Args,
                ),
                case(
                    "an unknown profile",
                    json!({"profileId": "nope", "body": huge(), "signing": "correct", "url": null}),
                    Code("not_found"),
                ),
            ]
        }
        "emulate_curl" => {
            let act = |url: &str| json!({"profileId": profile, "action": {"kind": "text", "chatId": "c", "text": "hi"}, "url": url});
            vec![
                case(
                    "a javascript: URL",
                    act("javascript:alert(1)"),
                    Code("no_target"),
                ),
                case("a file: URL", act("file:///etc/passwd"), Code("no_target")),
                case(
                    "an unknown action",
                    json!({"profileId": profile, "action": {"kind": "dance", "chatId": "c"}, "url": null}),
                    Args,
                ),
            ]
        }
        "parse_curl" => vec![
            case(
                "not a cURL command",
                json!({"command": "wget http://h/"}),
                Code("invalid_curl"),
            ),
            case(
                "an unclosed quote",
                json!({"command": "curl 'http://h/"}),
                Code("invalid_curl"),
            ),
            case(
                "a shell variable",
                json!({"command": "curl -d \"$X\" http://h/"}),
                Code("invalid_curl"),
            ),
            case(
                "NUL and junk",
                json!({"command": "curl \u{0}$'\\xff' |||"}),
                Code("invalid_curl"),
            ),
            case(
                "huge",
                json!({"command": "x".repeat(17 * 1024 * 1024)}),
                Code("invalid_curl"),
            ),
            case("a command of the wrong type", json!({"command": 5}), Args),
        ],
        "replay_edited" => {
            let edit = |id: Value, url: Value, headers: Value, signing: &str| json!({"id": id, "url": url, "headers": headers, "body": null, "signing": signing});
            vec![
                case(
                    "an unknown entry",
                    edit(json!(424242), Value::Null, Value::Null, "resign"),
                    Code("history_not_found"),
                ),
                case(
                    "an unknown signing",
                    edit(json!(1), Value::Null, Value::Null, "maybe"),
                    Args,
                ),
                case(
                    "headers of the wrong shape",
                    edit(json!(1), Value::Null, json!({"a": "b"}), "keep"),
                    Args,
                ),
                case(
                    "an id out of range",
                    edit(json!(1e30), Value::Null, Value::Null, "keep"),
                    Args,
                ),
            ]
        }
        "send_request" => {
            let send = |url: &str, headers: Value| json!({"profileId": profile, "url": url, "headers": headers, "body": "{}", "signing": "resign"});
            vec![
                case(
                    "a javascript: URL",
                    send("javascript:alert(1)", json!([])),
                    Code("no_target"),
                ),
                case(
                    "a file: URL",
                    send("file:///etc/passwd", json!([])),
                    Code("no_target"),
                ),
                case(
                    "a header with a line break",
                    send("http://127.0.0.1:9/h", json!([["X-A", "b\r\nX-B: c"]])),
                    Code("invalid_curl"),
                ),
                case(
                    "a header without a name",
                    send("http://127.0.0.1:9/h", json!([["", "b"]])),
                    Code("invalid_curl"),
                ),
                case(
                    "headers of the wrong shape",
                    send("http://127.0.0.1:9/h", json!(["X-A: b"])),
                    Args,
                ),
                case(
                    "an unknown profile",
                    json!({"profileId": "nope", "url": "http://127.0.0.1:9/h", "headers": [], "body": "{}", "signing": "keep"}),
                    Code("not_found"),
                ),
            ]
        }
        "export_history" => vec![
            case(
                "an unknown format",
                json!({"query": {}, "format": "xml", "path": "/tmp/x.har"}),
                Args,
            ),
            case(
                "a since of the wrong type",
                json!({"query": {"since": "yesterday"}, "format": "har", "path": "/tmp/x.har"}),
                Args,
            ),
            case(
                "a status that is not a filter",
                json!({"query": {"status": "teapot"}, "format": "har", "path": "/tmp/textgate-never.har"}),
                Code("invalid_status_filter"),
            ),
            case(
                "a folder that does not exist",
                json!({"query": {}, "format": "jsonl", "path": "/no-such-folder/h.jsonl"}),
                Code("export_file"),
            ),
            case(
                "an empty path",
                json!({"query": {}, "format": "har", "path": ""}),
                Code("export_file"),
            ),
        ],
        "prove_secret" => vec![
            case(
                "an unknown profile",
                json!({"profileId": "no-such-profile", "url": null}),
                Code("not_found"),
            ),
            case(
                "a javascript: URL",
                json!({"profileId": profile, "url": "javascript:alert(1)"}),
                Code("no_target"),
            ),
            case(
                "a profile id of the wrong type",
                json!({"profileId": 7, "url": null}),
                Args,
            ),
        ],
        _ => return None,
    })
}
