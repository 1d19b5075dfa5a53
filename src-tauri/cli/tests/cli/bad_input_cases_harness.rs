//! The bad-input catalogue's cases for the harness and offline commands: templates,
//! signatures, listen, send, emulate, burst, history and the emulator.

use super::bad_input_cases::{case, Case, Inputs, HUGE, USAGE};

/// The bad inputs of one harness command. A command missing here fails the catalogue.
pub fn cases(path: &str, inputs: &Inputs, busy_port: &str) -> Vec<Case> {
    let huge_stdin = vec![b'x'; HUGE];
    match path {
        "template render" => vec![
            case("not UTF-8", 1, &["template", "render"]).stdin(b"$(.FirstName)\xff".to_vec()),
            case("NUL in an action", 1, &["template", "render"]).stdin("$(\0)"),
            case("huge unclosed action", 1, &["template", "render"])
                .stdin([b"$(.FirstName ".as_slice(), &huge_stdin].concat()),
            case(
                "bad missingkey",
                1,
                &["template", "render", "--missingkey", "panic"],
            )
            .stdin("x"),
            case(
                "context missing",
                1,
                &["template", "render", "--context", &inputs.missing],
            )
            .stdin("x"),
            case(
                "context of wrong types",
                1,
                &["template", "render", "--context", &inputs.wrong_types],
            )
            .stdin("x"),
            case(
                "context not JSON",
                1,
                &["template", "render", "--context", &inputs.not_json],
            )
            .stdin("x"),
            case(
                "context not UTF-8",
                1,
                &["template", "render", "--context", &inputs.invalid_utf8],
            )
            .stdin("x"),
            case(
                "context with NUL",
                1,
                &["template", "render", "--context", &inputs.nul],
            )
            .stdin("x"),
            case(
                "huge context",
                1,
                &["template", "render", "--context", &inputs.huge],
            )
            .stdin("x"),
            case(
                "one delimiter",
                USAGE,
                &["template", "render", "--delims", "<<"],
            )
            .stdin("x"),
        ],
        "template check" => vec![
            case("unknown key", 1, &["template", "check", "--key", "footer"]).stdin("x"),
            case("not UTF-8", 1, &["template", "check"]).stdin(b"\xc0\xaf".to_vec()),
            case("huge unclosed action", 1, &["template", "check"])
                .stdin([b"$(if ".as_slice(), &huge_stdin].concat()),
            case("missing key", 1, &["template", "check", "--key", "join"]).stdin("$(.Nope)"),
        ],
        "sign" => vec![
            case("empty secret", 1, &["sign", "--secret", ""]).stdin("{}"),
            case(
                "secret file missing",
                1,
                &["sign", "--secret-stdin-file", &inputs.missing],
            )
            .stdin("{}"),
            case(
                "secret file not UTF-8",
                1,
                &["sign", "--secret-stdin-file", &inputs.invalid_utf8],
            )
            .stdin("{}"),
            case(
                "whsec not base64",
                1,
                &["sign", "--scheme", "standard", "--secret", "whsec_%%%"],
            )
            .stdin("{}"),
            case(
                "unknown scheme",
                USAGE,
                &["sign", "--scheme", "md5", "--secret", "s"],
            ),
            case(
                "timestamp out of range",
                USAGE,
                &[
                    "sign",
                    "--scheme",
                    "standard",
                    "--secret",
                    "whsec_dGVzdA==",
                    "--timestamp",
                    "99999999999999999999",
                ],
            ),
            case("no secret", USAGE, &["sign"]),
        ],
        "verify" => vec![
            case(
                "wrong signature",
                1,
                &["verify", "--secret", "s", "--signature", "00"],
            )
            .stdin("{}"),
            case(
                "empty signature",
                1,
                &["verify", "--secret", "s", "--signature", ""],
            )
            .stdin("{}"),
            case(
                "standard without id",
                1,
                &[
                    "verify",
                    "--scheme",
                    "standard",
                    "--secret",
                    "whsec_dGVzdA==",
                    "--signature",
                    "v1,x",
                ],
            )
            .stdin("{}"),
            case(
                "timestamp at the end of time",
                1,
                &[
                    "verify",
                    "--scheme",
                    "standard",
                    "--secret",
                    "whsec_dGVzdA==",
                    "--id",
                    "msg_1",
                    "--timestamp=-9223372036854775808",
                    "--at",
                    "1",
                    "--signature",
                    "v1,AAAA",
                ],
            )
            .stdin("{}"),
            case(
                "now at the end of time",
                1,
                &[
                    "verify",
                    "--scheme",
                    "standard",
                    "--secret",
                    "whsec_dGVzdA==",
                    "--id",
                    "msg_1",
                    "--timestamp",
                    "1",
                    "--at=-9223372036854775808",
                    "--signature",
                    "v1,AAAA",
                ],
            )
            .stdin("{}"),
            case(
                "huge body, wrong signature",
                1,
                &["verify", "--secret", "s", "--signature", "ab"],
            )
            .stdin(huge_stdin.clone()),
            case("missing --signature", USAGE, &["verify", "--secret", "s"]),
        ],
        "listen" => vec![
            case("unknown profile", 1, &["listen", "nosuch", "--port", "0"]),
            case(
                "port out of range",
                USAGE,
                &["listen", "Support", "--port", "65536"],
            ),
            case(
                "negative port",
                USAGE,
                &["listen", "Support", "--port", "-1"],
            ),
            case(
                "status out of range",
                USAGE,
                &["listen", "Support", "--port", "0", "--status", "600"],
            ),
            case(
                "informational status",
                USAGE,
                &["listen", "Support", "--port", "0", "--status", "101"],
            ),
            case(
                "delay past core's cap",
                USAGE,
                &["listen", "Support", "--port", "0", "--delay-ms", "120001"],
            ),
            case(
                "negative count",
                USAGE,
                &["listen", "Support", "--port", "0", "--count", "-1"],
            ),
            case(
                "port in use",
                1,
                &["listen", "Support", "--port", busy_port],
            ),
            case(
                "fail none first",
                1,
                &["listen", "Support", "--port", "0", "--fail-first", "0"],
            ),
            case(
                "fail more than all",
                1,
                &[
                    "listen",
                    "Support",
                    "--port",
                    "0",
                    "--fail-rate",
                    "101",
                    "--seed",
                    "1",
                ],
            ),
            case(
                "fail a share of 0",
                1,
                &[
                    "listen",
                    "Support",
                    "--port",
                    "0",
                    "--fail-rate",
                    "0",
                    "--seed",
                    "1",
                ],
            ),
            case(
                "share past a byte",
                USAGE,
                &[
                    "listen",
                    "Support",
                    "--port",
                    "0",
                    "--fail-rate",
                    "300",
                    "--seed",
                    "1",
                ],
            ),
            case(
                "fail with a 2xx",
                1,
                &[
                    "listen",
                    "Support",
                    "--port",
                    "0",
                    "--fail-first",
                    "1",
                    "--fail-status",
                    "200",
                ],
            ),
            case(
                "fail with no status",
                1,
                &[
                    "listen",
                    "Support",
                    "--port",
                    "0",
                    "--fail-first",
                    "1",
                    "--fail-status",
                    "42",
                ],
            ),
            case(
                "fail status alone",
                USAGE,
                &["listen", "Support", "--port", "0", "--fail-status", "503"],
            ),
            case(
                "share without seed",
                USAGE,
                &["listen", "Support", "--port", "0", "--fail-rate", "50"],
            ),
            case(
                "seed without share",
                USAGE,
                &["listen", "Support", "--port", "0", "--seed", "7"],
            ),
            case(
                "drop and hang",
                USAGE,
                &["listen", "Support", "--port", "0", "--drop", "--hang"],
            ),
            case(
                "two plans",
                USAGE,
                &[
                    "listen",
                    "Support",
                    "--port",
                    "0",
                    "--fail-first",
                    "2",
                    "--drop",
                ],
            ),
        ],
        "send" => vec![
            case("unknown profile", 1, &["send", "nosuch", "--close", "c-1"]),
            case(
                "cURL of an unknown profile",
                1,
                &["send", "nosuch", "--close", "c-1", "--print-curl"],
            ),
            case(
                "cURL to an ftp: URL",
                1,
                &[
                    "send",
                    "Support",
                    "--close",
                    "c-1",
                    "--url",
                    "ftp://x/",
                    "--print-curl",
                ],
            ),
            case(
                "cURL of no event",
                USAGE,
                &["send", "Support", "--print-curl"],
            ),
            case(
                "javascript: URL",
                1,
                &[
                    "send",
                    "Support",
                    "--close",
                    "c-1",
                    "--url",
                    "javascript:alert(1)",
                ],
            ),
            case(
                "file: URL",
                1,
                &[
                    "send",
                    "Support",
                    "--close",
                    "c-1",
                    "--url",
                    "file:///etc/passwd",
                ],
            ),
            case(
                "ftp: URL",
                1,
                &[
                    "send",
                    "Support",
                    "--close",
                    "c-1",
                    "--url",
                    "ftp://files.example/x",
                ],
            ),
            case(
                "local profile, no URL",
                1,
                &["send", "Support", "--close", "c-1"],
            ),
            case(
                "body file missing",
                1,
                &["send", "Support", "--body-file", &inputs.missing],
            ),
            case(
                "huge body, nowhere to send",
                1,
                &["send", "Support", "--body-file", "-"],
            )
            .stdin(huge_stdin.clone()),
            case(
                "text without chat",
                USAGE,
                &["send", "Support", "--text", "hi"],
            ),
        ],
        "emulate" => vec![
            case(
                "unknown profile",
                1,
                &["emulate", "nosuch", "--chat-id", "c-1", "--text", "hi"],
            ),
            case(
                "cURL to a javascript: URL",
                1,
                &[
                    "emulate",
                    "Support",
                    "--chat-id",
                    "c-1",
                    "--text",
                    "hi",
                    "--url",
                    "javascript:alert(1)",
                    "--print-curl",
                ],
            ),
            case(
                "cURL with a flag value",
                USAGE,
                &[
                    "emulate",
                    "Support",
                    "--chat-id",
                    "c-1",
                    "--text",
                    "hi",
                    "--print-curl=yes",
                ],
            ),
            case(
                "javascript: URL",
                1,
                &[
                    "emulate",
                    "Support",
                    "--chat-id",
                    "c-1",
                    "--text",
                    "hi",
                    "--url",
                    "javascript:alert(1)",
                ],
            ),
            case(
                "file: URL",
                1,
                &[
                    "emulate",
                    "Support",
                    "--chat-id",
                    "c-1",
                    "--text",
                    "hi",
                    "--url",
                    "file:///etc/passwd",
                ],
            ),
            case(
                "ftp: URL",
                1,
                &[
                    "emulate",
                    "Support",
                    "--chat-id",
                    "c-1",
                    "--text",
                    "hi",
                    "--url",
                    "ftp://files.example/x",
                ],
            ),
            case(
                "no action",
                USAGE,
                &["emulate", "Support", "--chat-id", "c-1"],
            ),
        ],
        "burst" => vec![
            case("unknown profile", 1, &["burst", "nosuch"]),
            case(
                "javascript: URL",
                1,
                &["burst", "Support", "--url", "javascript:alert(1)"],
            ),
            case(
                "ftp: URL",
                1,
                &["burst", "Support", "--url", "ftp://files.example/x"],
            ),
            case("local profile, no URL", 1, &["burst", "Support"]),
            case(
                "delay past core's cap",
                USAGE,
                &["listen", "Support", "--port", "0", "--delay-ms", "120001"],
            ),
            case(
                "negative count",
                USAGE,
                &["burst", "Support", "--count", "-5"],
            ),
            case(
                "count out of range",
                USAGE,
                &["burst", "Support", "--count", "4294967296"],
            ),
        ],
        "history list" => vec![
            case(
                "unknown profile",
                1,
                &["history", "list", "--profile", "nosuch"],
            ),
            case(
                "negative limit",
                USAGE,
                &["history", "list", "--limit", "-1"],
            ),
            case(
                "limit out of range",
                USAGE,
                &["history", "list", "--limit", "99999999999"],
            ),
            case(
                "unknown direction",
                USAGE,
                &["history", "list", "--direction", "sideways"],
            ),
            case(
                "direction without a value",
                USAGE,
                &["history", "list", "--direction"],
            ),
            case(
                "unknown channel",
                USAGE,
                &["history", "list", "--channel", "fax"],
            ),
            case(
                "since not a time",
                USAGE,
                &["history", "list", "--since", "yesterday"],
            ),
            case(
                "until not a real date",
                USAGE,
                &["history", "list", "--until", "2026-02-30T00:00:00Z"],
            ),
        ],
        "history export" => {
            let in_missing_folder = format!("{}/h.har", inputs.missing);
            vec![
                case("no --out", USAGE, &["history", "export"]),
                case(
                    "unknown format",
                    USAGE,
                    &["history", "export", "--format", "xml", "--out", "x.har"],
                ),
                case(
                    "zero limit",
                    USAGE,
                    &["history", "export", "--limit", "0", "--out", "x.har"],
                ),
                case(
                    "since without a zone",
                    USAGE,
                    &[
                        "history",
                        "export",
                        "--since",
                        "2026-12-01T10:00:00",
                        "--out",
                        "x.har",
                    ],
                ),
                case(
                    "unknown profile",
                    1,
                    &["history", "export", "--profile", "nosuch", "--out", "x.har"],
                ),
                case(
                    "bad status filter",
                    1,
                    &["history", "export", "--status", "6xx", "--out", "x.har"],
                ),
                case(
                    "folder missing",
                    1,
                    &["history", "export", "--out", &in_missing_folder],
                ),
            ]
        }
        "history show" | "history replay" => {
            let verb = path.split(' ').nth(1).unwrap();
            vec![
                case("no such entry", 1, &["history", verb, "424242"]),
                case("negative id", USAGE, &["history", verb, "-1"]),
                case(
                    "id out of range",
                    USAGE,
                    &["history", verb, "99999999999999999999"],
                ),
                case("id not a number", USAGE, &["history", verb, "one"]),
                case(
                    "no such entry, as cURL",
                    1,
                    &["history", "show", "424242", "--curl"],
                ),
                case(
                    "re-signed and unsigned at once",
                    USAGE,
                    &["history", "replay", "1", "--resign", "--unsigned"],
                ),
                case(
                    "header without a colon",
                    1,
                    &["history", "replay", "1", "--header", "no colon"],
                ),
                case(
                    "header value with a line break",
                    1,
                    &["history", "replay", "1", "--header", "X-A: b\r\nX-B: c"],
                ),
                case(
                    "body file missing",
                    1,
                    &["history", "replay", "1", "--body-file", &inputs.missing],
                ),
                case(
                    "ftp: URL",
                    1,
                    &["history", "replay", "1", "--url", "ftp://files.example/x"],
                ),
                case(
                    "URL without a value",
                    USAGE,
                    &["history", "replay", "1", "--url"],
                ),
            ]
        }
        "history clear" => vec![case(
            "unknown profile",
            1,
            &["history", "clear", "--profile", "nosuch"],
        )],
        "emulator" => vec![
            case("port out of range", USAGE, &["emulator", "--port", "70000"]),
            case("port not a number", USAGE, &["emulator", "--port", "http"]),
            case("no port", USAGE, &["emulator"]),
            case("port in use", 1, &["emulator", "--port", busy_port]),
        ],
        "diagnostics" => vec![
            case("an unexpected argument", USAGE, &["diagnostics", "extra"]),
            case("a value for -v", USAGE, &["diagnostics", "--verbose=3"]),
        ],
        other => panic!("`{other}` has no bad-input cases: add them to the catalogue"),
    }
}
