//! The IPC catalogue's cases: for each command, the bad arguments and what must come back.

use serde_json::{json, Value};

/// What a bad call must get back.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Expect {
    /// The command's own `{code, message}` with this code.
    Code(&'static str),
    /// Tauri refuses the arguments before the command runs.
    Args,
    /// Not an error for this command (a command without input ignores extra arguments; an
    /// unknown server simply has no cached flow schemas): it answers and changes nothing.
    Answers,
}

pub struct Case {
    pub what: &'static str,
    pub args: Value,
    pub expect: Expect,
}

pub(super) fn case(what: &'static str, args: Value, expect: Expect) -> Case {
    Case { what, args, expect }
}

pub(super) fn huge() -> String {
    "x".repeat(10 * 1024 * 1024 + 1)
}

fn templates() -> Value {
    json!({"title": "", "close": "", "join": "", "left": "", "filePolicyFail": ""})
}

fn draft(name: &str, uri: &str, callback: &str) -> Value {
    json!({"name": name, "uri": uri, "callback": callback, "secret": "s3cret-s3cret",
           "flow": null, "enabled": false, "templates": templates(), "serverId": null})
}

fn sample() -> Value {
    json!({"Id": 42, "Channel": "web", "Contact": "c", "FirstName": "Ann", "LastName": "S",
           "Username": "ann"})
}

fn answer() -> Value {
    json!({"status": 200, "body": "", "delayMs": 0})
}

/// The answer with a receiver plan (that fails on purpose).
fn plan(plan: Value) -> Value {
    json!({"status": 200, "body": "", "delayMs": 0, "plan": plan})
}

/// The bad inputs for one command. A command missing here fails the catalogue.
pub fn cases(command: &str, profile: &str) -> Vec<Case> {
    use Expect::{Answers, Args, Code};
    let good_cb = "https://bot.example.com/hook";
    let unknown = json!({"id": "no-such-profile"});
    match command {
        "app_status"
        | "list_profiles"
        | "list_servers"
        | "default_sample_account"
        | "generate_uri"
        | "generate_secret"
        | "new_profile_draft"
        | "sender_types"
        | "stop_receiver"
        | "receiver_status"
        | "get_settings"
        | "startup_update_check"
        | "diagnostics"
        | "diagnostics_text" => vec![case(
            "unexpected arguments",
            json!({"id": 5, "x": huge()}),
            Answers,
        )],
        // The catalogue's state knows no log folder: nothing is opened.
        "open_log_folder" => vec![case(
            "unexpected arguments",
            json!({"path": "/etc", "x": huge()}),
            Code("no_log_folder"),
        )],
        "get_profile"
        | "duplicate_profile"
        | "push_profile"
        | "compare_with_server"
        | "refresh_profile" => vec![
            case("an id of the wrong type", json!({"id": 5}), Args),
            case("no id", json!({}), Args),
            case("an unknown id", unknown, Code("not_found")),
            case("a huge id", json!({"id": huge()}), Code("not_found")),
            case(
                "a NUL in the id",
                json!({"id": format!("{profile}\0")}),
                Code("not_found"),
            ),
        ],
        // No id checks every server (the catalogue's state has none): it answers.
        "check_sync" => vec![
            case("an id of the wrong type", json!({"id": 5}), Args),
            case("no id", json!({"x": huge()}), Answers),
            case("an unknown id", unknown, Code("not_found")),
            case("a huge id", json!({"id": huge()}), Code("not_found")),
            case(
                "a NUL in the id",
                json!({"id": format!("{profile}\0")}),
                Code("not_found"),
            ),
        ],
        "delete_profile" => vec![
            case(
                "remote of the wrong type",
                json!({"id": profile, "remote": "yes"}),
                Args,
            ),
            case(
                "an unknown id",
                json!({"id": "nope", "remote": false}),
                Code("not_found"),
            ),
            case(
                "an unknown id, remote",
                json!({"id": "nope", "remote": true}),
                Code("not_found"),
            ),
        ],
        "set_profile_enabled" => vec![
            case(
                "enabled of the wrong type",
                json!({"id": profile, "enabled": 1}),
                Args,
            ),
            case(
                "an unknown id",
                json!({"id": "nope", "enabled": true}),
                Code("not_found"),
            ),
            case(
                "no flow",
                json!({"id": profile, "enabled": true}),
                Code("flow_required"),
            ),
        ],
        "check_profile" | "save_profile" => {
            let mut with_id = draft("Support", "/x", good_cb);
            with_id["id"] = json!(profile);
            let mut wrong_flow = draft("New", "/new", good_cb);
            wrong_flow["flow"] = json!({"id": "seven", "name": "x"});
            let mut big_flow = draft("New", "/new", good_cb);
            big_flow["flow"] = json!({"id": 9_223_372_036_854_775_808u64, "name": "x"});
            let mut wrong_templates = draft("New", "/new", good_cb);
            wrong_templates["templates"] = json!("not an object");
            let mut cases = vec![
                case("a draft of the wrong type", json!({"draft": [1, 2]}), Args),
                case(
                    "a flow id of the wrong type",
                    json!({"draft": wrong_flow}),
                    Args,
                ),
                case("a flow id out of range", json!({"draft": big_flow}), Args),
                case(
                    "templates of the wrong type",
                    json!({"draft": wrong_templates}),
                    Args,
                ),
            ];
            // Check only reports issues; save refuses them.
            if command == "save_profile" {
                let invalid = Code("invalid");
                cases.extend([
                    case("a javascript: callback", json!({"draft": draft("New", "/new", "javascript:alert(1)")}), invalid),
                    case("a file: callback", json!({"draft": draft("New", "/new", "file:///etc/passwd")}), invalid),
                    case("an ftp: callback", json!({"draft": draft("New", "/new", "ftp://files.example/x")}), invalid),
                    case("a query in the URI", json!({"draft": draft("New", "/new?x=1", good_cb)}), invalid),
                    case("a fragment in the URI", json!({"draft": draft("New", "/new#top", good_cb)}), invalid),
                    case("an empty name", json!({"draft": draft("", "/new", good_cb)}), invalid),
                    case("a huge name", json!({"draft": draft(&huge(), "/new", good_cb)}), invalid),
                    case("a NUL in the name", json!({"draft": draft("Ne\0w", "/new", good_cb)}), invalid),
                    case("a NUL in the URI", json!({"draft": draft("New", "/ne\0w", good_cb)}), invalid),
                    case("an unknown id", json!({"draft": {"id": "nope", "name": "New", "uri": "/new", "callback": good_cb, "secret": "s", "flow": null, "enabled": false, "templates": templates(), "serverId": null}}), Code("not_found")),
                ]);
            }
            cases
        }
        "list_flow_schemas" => vec![
            case(
                "a server id of the wrong type",
                json!({"serverId": 7}),
                Args,
            ),
            case("an unknown server", json!({"serverId": "nope"}), Answers),
        ],
        "add_server" => {
            let server = |url: &str| json!({"server": {"name": "prod", "baseUrl": url, "caPem": null, "auth": {"kind": "token", "token": "t"}}});
            let url = Code("invalid_server_url");
            vec![
                case("a javascript: URL", server("javascript:alert(1)"), url),
                case("a file: URL", server("file:///etc/passwd"), url),
                case("an ftp: URL", server("ftp://files.example"), url),
                case(
                    "a query and fragment",
                    server("https://h.example/?a=1#f"),
                    url,
                ),
                case("a huge URL", server(&format!("https://{}", huge())), url),
                case(
                    "an unknown auth kind",
                    json!({"server": {"name": "p", "baseUrl": "https://h.example", "caPem": null, "auth": {"kind": "cookie"}}}),
                    Args,
                ),
                case(
                    "a server of the wrong type",
                    json!({"server": "prod"}),
                    Args,
                ),
                case(
                    "a CA that is not PEM",
                    json!({"server": {"name": "p", "baseUrl": "https://127.0.0.1:1", "caPem": "-----BEGIN CERTIFICATE-----\nnope\n", "auth": {"kind": "token", "token": "t"}}}),
                    Code("invalid_certificate"),
                ),
            ]
        }
        "reconnect_server" => vec![
            case(
                "an unknown server",
                json!({"id": "nope", "auth": {"kind": "token", "token": "t"}}),
                Code("server_not_found"),
            ),
            case(
                "an unknown auth kind",
                json!({"id": "nope", "auth": {"kind": "cookie"}}),
                Args,
            ),
            case(
                "a two-factor step without its code",
                json!({"id": "nope", "auth": {"kind": "twoFactor", "username": "ann", "session": "s"}}),
                Args,
            ),
            case(
                "an id of the wrong type",
                json!({"id": 5, "auth": {"kind": "token", "token": "t"}}),
                Args,
            ),
        ],
        "edit_server" => {
            let edit = |edit: Value| json!({"id": "nope", "edit": edit});
            vec![
                case(
                    "an unknown server",
                    edit(json!({"name": "Prod"})),
                    Code("server_not_found"),
                ),
                case(
                    "an id of the wrong type",
                    json!({"id": 5, "edit": {}}),
                    Args,
                ),
                case(
                    "an edit of the wrong type",
                    json!({"id": "nope", "edit": "Prod"}),
                    Args,
                ),
                case("a name of the wrong type", edit(json!({"name": 7})), Args),
                case(
                    "an unknown CA change",
                    edit(json!({"ca": {"kind": "trustAll"}})),
                    Args,
                ),
                case(
                    "a CA replacement without its PEM",
                    edit(json!({"ca": {"kind": "replace"}})),
                    Args,
                ),
                case(
                    "a token of the wrong type",
                    edit(json!({"token": ["t"]})),
                    Args,
                ),
            ]
        }
        "test_server" | "remove_server" => vec![
            case("an id of the wrong type", json!({"id": []}), Args),
            case(
                "an unknown server",
                json!({"id": "nope"}),
                Code("server_not_found"),
            ),
        ],
        "refresh_flow_schemas" | "pull_server" | "server_gateways" => vec![
            case(
                "a server id of the wrong type",
                json!({"serverId": null}),
                Args,
            ),
            case(
                "an unknown server",
                json!({"serverId": "nope"}),
                Code("server_not_found"),
            ),
        ],
        "pull_gateways" => vec![
            case("no ids", json!({"serverId": "nope"}), Args),
            case(
                "ids that are not numbers",
                json!({"serverId": "nope", "remoteIds": ["7"]}),
                Args,
            ),
            case(
                "an id past 64 bits",
                json!({"serverId": "nope", "remoteIds": [1e30]}),
                Args,
            ),
            case(
                "an unknown server",
                json!({"serverId": "nope", "remoteIds": [7]}),
                Code("server_not_found"),
            ),
        ],
        "resolve_conflict" => vec![
            case(
                "an unknown side",
                json!({"id": profile, "keep": "both"}),
                Args,
            ),
            case(
                "an unknown id",
                json!({"id": "nope", "keep": "local"}),
                Code("not_found"),
            ),
        ],
        "resolve_conflict_fields" => vec![
            case("no choices", json!({"id": profile}), Args),
            case(
                "an unknown field",
                json!({"id": profile, "choices": [{"field": "colour", "keep": "local"}]}),
                Args,
            ),
            case(
                "an unknown side",
                json!({"id": profile, "choices": [{"field": "name", "keep": "both"}]}),
                Args,
            ),
            case(
                "an unknown id",
                json!({"id": "nope", "choices": []}),
                Code("not_found"),
            ),
            case(
                "a profile not on a server",
                json!({"id": profile, "choices": [{"field": "name", "keep": "local"}]}),
                Code("no_server"),
            ),
        ],
        "preview_templates" => vec![
            case(
                "templates of the wrong type",
                json!({"templates": 1, "sample": sample()}),
                Args,
            ),
            case(
                "an Id out of range",
                json!({"templates": templates(), "sample": {"Id": 1e300, "Channel": "", "Contact": "", "FirstName": "", "LastName": "", "Username": ""}}),
                Args,
            ),
        ],
        "signature_lab" => vec![
            case(
                "an unknown scheme",
                json!({"request": {"scheme": {"scheme": "md5"}, "secret": "s", "body": "", "given": null}}),
                Args,
            ),
            case(
                "a timestamp out of range",
                json!({"request": {"scheme": {"scheme": "standard", "id": "msg_1", "timestamp": 1e30}, "secret": "whsec_dGVzdA==", "body": "", "given": null}}),
                Args,
            ),
            case(
                "a whsec that is not base64",
                json!({"request": {"scheme": {"scheme": "standard", "id": "msg_1", "timestamp": 1}, "secret": "whsec_\0%%", "body": huge(), "given": "v1,x"}}),
                Code("invalid_secret"),
            ),
        ],
        "compose_inbound" => vec![
            case(
                "an unknown kind",
                json!({"draft": {"kind": "typing", "chatId": "c"}}),
                Args,
            ),
            case(
                "a date of the wrong type",
                json!({"draft": {"kind": "message", "chatId": "c", "messageId": "", "sender": {"id": "u", "type": "web", "name": "", "nickname": ""}, "text": "x", "file": null, "metadata": {}, "date": "today"}}),
                Args,
            ),
        ],
        "send_to_gateway" => {
            let send = |url: &str| json!({"profileId": profile, "body": "{}", "signing": "correct", "url": url});
            let target = Code("no_target");
            vec![
                case("a javascript: URL", send("javascript:alert(1)"), target),
                case("a file: URL", send("file:///etc/passwd"), target),
                case("an ftp: URL", send("ftp://files.example/x"), target),
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
                case(
                    "a local profile and no URL",
                    json!({"profileId": profile, "body": "{}", "signing": "correct", "url": null}),
                    target,
                ),
            ]
        }
        "search_history" => vec![
            case(
                "a limit of the wrong type",
                json!({"query": {"limit": "all"}}),
                Args,
            ),
            case(
                "a limit out of range",
                json!({"query": {"limit": -1}}),
                Args,
            ),
            case(
                "an unknown channel",
                json!({"query": {"channel": "smoke"}}),
                Args,
            ),
        ],
        "history_page" => vec![
            case(
                "a cursor of the wrong type",
                json!({"query": {"before": "the end"}}),
                Args,
            ),
            case(
                "an unknown direction",
                json!({"query": {"direction": "sideways"}}),
                Args,
            ),
            case(
                "a limit out of range",
                json!({"query": {"limit": 1e12}}),
                Args,
            ),
            case(
                "a status that is not a filter",
                json!({"query": {"status": "teapot"}}),
                Code("invalid_status_filter"),
            ),
        ],
        "replay_history" => vec![
            case(
                "an id out of range",
                json!({"id": 1e30, "resign": false}),
                Args,
            ),
            case(
                "an unknown entry",
                json!({"id": 424242, "resign": true}),
                Code("history_not_found"),
            ),
        ],
        "clear_history" => vec![case(
            "a profile id of the wrong type",
            json!({"profileId": 5}),
            Args,
        )],
        "emulate_webitel" => {
            let act = |url: &str| json!({"profileId": profile, "action": {"kind": "text", "chatId": "c", "text": "hi"}, "url": url});
            vec![
                case(
                    "a javascript: URL",
                    act("javascript:alert(1)"),
                    Code("no_target"),
                ),
                case("a file: URL", act("file:///etc/passwd"), Code("no_target")),
                case(
                    "an ftp: URL",
                    act("ftp://files.example/x"),
                    Code("no_target"),
                ),
                case(
                    "an unknown action",
                    json!({"profileId": profile, "action": {"kind": "dance"}, "url": null}),
                    Args,
                ),
                case(
                    "an unknown profile",
                    json!({"profileId": "nope", "action": {"kind": "close", "chatId": "c"}, "url": null}),
                    Code("not_found"),
                ),
            ]
        }
        "run_bulk" => {
            let bulk = |action: Value, ids: Value| json!({"action": action, "profileIds": ids, "onProgress": "__CHANNEL__:1"});
            vec![
                case(
                    "an unknown action",
                    bulk(json!({"kind": "explode"}), json!([profile])),
                    Args,
                ),
                case(
                    "delete without saying where",
                    bulk(json!({"kind": "delete"}), json!([profile])),
                    Args,
                ),
                case(
                    "ids that are not a list",
                    bulk(json!({"kind": "enable"}), json!(profile)),
                    Args,
                ),
                // Each profile gets its own outcome: an unknown one is that row's failure, and
                // a local profile has no server to push to; the answer lists both, nothing changes.
                case(
                    "an unknown id",
                    bulk(json!({"kind": "push"}), json!(["nope"])),
                    Answers,
                ),
                case(
                    "a local profile pushed",
                    bulk(json!({"kind": "push"}), json!([profile])),
                    Answers,
                ),
                case(
                    "nothing to do",
                    bulk(json!({"kind": "pull"}), json!([])),
                    Answers,
                ),
            ]
        }
        "run_burst" => {
            let burst = |count: Value, url: Value| json!({"profileId": profile, "count": count, "concurrency": 2, "url": url, "onProgress": "__CHANNEL__:1"});
            vec![
                case("a negative count", burst(json!(-1), json!(null)), Args),
                case(
                    "a count out of range",
                    burst(json!(4_294_967_296u64), json!(null)),
                    Args,
                ),
                case(
                    "a javascript: URL",
                    burst(json!(10), json!("javascript:alert(1)")),
                    Code("no_target"),
                ),
                case(
                    "a local profile and no URL",
                    burst(json!(10), json!(null)),
                    Code("no_target"),
                ),
            ]
        }
        "start_receiver" => {
            let start = |port: Value, answer: Value| json!({"profileId": profile, "port": port, "path": "/hook", "answer": answer, "onRequest": "__CHANNEL__:2"});
            vec![
                case("a port out of range", start(json!(70000), answer()), Args),
                case("a negative port", start(json!(-1), answer()), Args),
                case(
                    "an answer of the wrong type",
                    start(json!(0), json!("ok")),
                    Args,
                ),
                case(
                    "an unknown profile",
                    json!({"profileId": "nope", "port": 0, "path": "/hook", "answer": answer(), "onRequest": "__CHANNEL__:3"}),
                    Code("not_found"),
                ),
                case(
                    "fail the first 0",
                    start(
                        json!(0),
                        plan(json!({"kind": "failFirst", "count": 0, "status": 500})),
                    ),
                    Code("invalid_answer"),
                ),
                case(
                    "fail with a 2xx",
                    start(
                        json!(0),
                        plan(json!({"kind": "failFirst", "count": 2, "status": 204})),
                    ),
                    Code("invalid_answer"),
                ),
                case(
                    "a share over 100",
                    start(
                        json!(0),
                        plan(json!({"kind": "failRate", "percent": 101, "seed": 7})),
                    ),
                    Code("invalid_answer"),
                ),
                case(
                    "a share past a byte",
                    start(
                        json!(0),
                        plan(json!({"kind": "failRate", "percent": 1000, "seed": 7})),
                    ),
                    Args,
                ),
                case(
                    "a negative seed",
                    start(
                        json!(0),
                        plan(json!({"kind": "failRate", "percent": 50, "seed": -1})),
                    ),
                    Args,
                ),
                case(
                    "a share without a seed",
                    start(json!(0), plan(json!({"kind": "failRate", "percent": 50}))),
                    Args,
                ),
                case(
                    "an unknown plan",
                    start(json!(0), plan(json!({"kind": "explode"}))),
                    Args,
                ),
                case(
                    "a plan of the wrong type",
                    start(json!(0), plan(json!("drop"))),
                    Args,
                ),
            ]
        }
        "save_settings" => vec![
            case("no settings", json!({}), Args),
            case(
                "not an object",
                json!({"settings": "en"}),
                Code("invalid_setting"),
            ),
            case(
                "an unknown language",
                json!({"settings": {"language": "fr"}}),
                Code("invalid_setting"),
            ),
            case(
                "a huge language",
                json!({"settings": {"language": huge()}}),
                Code("invalid_setting"),
            ),
            case(
                "a NUL in the theme",
                json!({"settings": {"theme": "dark\u{0}"}}),
                Code("invalid_setting"),
            ),
            case(
                "port 0",
                json!({"settings": {"receiverPort": 0}}),
                Code("invalid_setting"),
            ),
            case(
                "port 70000",
                json!({"settings": {"receiverPort": 70000}}),
                Code("invalid_setting"),
            ),
            case(
                "a port as text",
                json!({"settings": {"receiverPort": "80"}}),
                Code("invalid_setting"),
            ),
            case(
                "a flag as text",
                json!({"settings": {"checkUpdatesOnStart": "yes"}}),
                Code("invalid_setting"),
            ),
            case(
                "a javascript: feed",
                json!({"settings": {"updateFeed": "javascript:alert(1)"}}),
                Code("invalid_setting"),
            ),
            case(
                "a file: feed",
                json!({"settings": {"updateFeed": "file:///etc/passwd"}}),
                Code("invalid_setting"),
            ),
            case(
                "an ftp: feed",
                json!({"settings": {"updateFeed": "ftp://example.com/l.json"}}),
                Code("invalid_setting"),
            ),
            case(
                "a huge feed",
                json!({"settings": {"updateFeed": format!("https://example.com/{}", huge())}}),
                Code("invalid_setting"),
            ),
        ],
        "check_for_update" => vec![case(
            "unexpected arguments (a build without an update key)",
            json!({"x": huge()}),
            Code("update_not_configured"),
        )],
        "download_update" => vec![
            case("no progress channel", json!({}), Args),
            case(
                "a build without an update key",
                json!({"onProgress": "__CHANNEL__:4"}),
                Code("update_not_configured"),
            ),
        ],
        "install_update" => vec![case(
            "nothing downloaded",
            json!({"version": "9.9.9"}),
            Code("update_not_downloaded"),
        )],
        other => super::cases_scenarios::cases(other, profile)
            .or_else(|| super::cases_debugging::cases(other, profile))
            .or_else(|| super::cases_transfer::cases(other))
            .unwrap_or_else(|| {
                panic!("IPC command `{other}` has no bad-input cases: add them to the catalogue")
            }),
    }
}
