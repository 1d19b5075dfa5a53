//! The bad-input catalogue's cases for the admin commands (servers, schemas, gateways,
//! profiles), and what a case is. The harness commands' cases are in
//! `bad_input_cases_harness.rs`; the runner is `bad_input.rs`.

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;

/// More than 10 MB: past any sane template, body, token or context file.
pub const HUGE: usize = 10 * 1024 * 1024 + 1;

/// Exit status of a command line clap refuses.
pub const USAGE: i32 = 2;

/// One bad invocation of a command.
pub struct Case {
    pub what: &'static str,
    pub args: Vec<OsString>,
    pub stdin: Vec<u8>,
    pub code: i32,
}

pub fn case(what: &'static str, code: i32, args: &[&str]) -> Case {
    Case {
        what,
        args: args.iter().map(OsString::from).collect(),
        stdin: Vec::new(),
        code,
    }
}

impl Case {
    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = bytes.into();
        self
    }

    /// Replaces the argument `marker` with raw bytes (not valid UTF-8 on purpose).
    pub fn raw_arg(mut self, marker: &str, bytes: &[u8]) -> Self {
        for arg in &mut self.args {
            if arg == marker {
                *arg = OsString::from_vec(bytes.to_vec());
            }
        }
        self
    }
}

/// Files the cases point at, outside the data folder.
pub struct Inputs {
    _dir: tempfile::TempDir,
    pub huge: String,
    pub invalid_utf8: String,
    pub nul: String,
    pub wrong_types: String,
    pub not_json: String,
    pub missing: String,
}

impl Inputs {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, bytes: &[u8]| {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            path.to_str().unwrap().to_string()
        };
        Self {
            huge: write("huge", &vec![b'x'; HUGE]),
            invalid_utf8: write("invalid-utf8", b"{\"FirstName\":\"\xff\xfe\"}"),
            nul: write("nul", b"{\"FirstName\":\"a\0b\"}\0"),
            wrong_types: write("wrong-types", br#"{"Id":"forty-two","FirstName":7}"#),
            not_json: write("not-json", b"-----BEGIN CERTIFICATE-----\nnot base64\n"),
            missing: dir.path().join("missing").to_str().unwrap().to_string(),
            _dir: dir,
        }
    }
}

/// The bad inputs that apply to one command. A command missing here fails the catalogue.
pub fn cases(path: &str, inputs: &Inputs, busy_port: &str) -> Vec<Case> {
    let huge_arg = "x".repeat(120 * 1024);
    let huge_stdin = vec![b'x'; HUGE];
    match path {
        "server add" => vec![
            case(
                "javascript: URL",
                1,
                &[
                    "server",
                    "add",
                    "p2",
                    "javascript:alert(1)",
                    "--token-stdin",
                ],
            )
            .stdin("t"),
            case(
                "file: URL",
                1,
                &["server", "add", "p2", "file:///etc/passwd", "--token-stdin"],
            )
            .stdin("t"),
            case(
                "ftp: URL",
                1,
                &["server", "add", "p2", "ftp://host.example", "--token-stdin"],
            )
            .stdin("t"),
            case(
                "query and fragment",
                1,
                &[
                    "server",
                    "add",
                    "p2",
                    "https://h.example/?a=1#f",
                    "--token-stdin",
                ],
            )
            .stdin("t"),
            case(
                "empty URL",
                1,
                &["server", "add", "p2", "", "--token-stdin"],
            )
            .stdin("t"),
            case(
                "empty name",
                1,
                &["server", "add", "", "https://127.0.0.1:1", "--token-stdin"],
            )
            .stdin("t"),
            case(
                "empty token",
                1,
                &[
                    "server",
                    "add",
                    "p2",
                    "https://127.0.0.1:1",
                    "--token-stdin",
                ],
            ),
            case(
                "huge token",
                1,
                &["server", "add", "p2", "javascript:x", "--token-stdin"],
            )
            .stdin(huge_stdin.clone()),
            case(
                "NUL in the token",
                1,
                &["server", "add", "p2", "http://127.0.0.1:1", "--token-stdin"],
            )
            .stdin("a\0b"),
            case(
                "CA file not PEM",
                1,
                &[
                    "server",
                    "add",
                    "p2",
                    "http://127.0.0.1:1",
                    "--token-stdin",
                    "--ca-file",
                    &inputs.not_json,
                ],
            )
            .stdin("t"),
            case(
                "CA file missing",
                1,
                &[
                    "server",
                    "add",
                    "p2",
                    "http://127.0.0.1:1",
                    "--token-stdin",
                    "--ca-file",
                    &inputs.missing,
                ],
            )
            .stdin("t"),
            case(
                "no auth",
                USAGE,
                &["server", "add", "p2", "https://h.example"],
            ),
            case(
                "non-UTF-8 name",
                USAGE,
                &["server", "add", "RAW", "https://h.example", "--token-stdin"],
            )
            .raw_arg("RAW", b"\xff\xfe")
            .stdin("t"),
        ],
        "server list" => vec![case("extra argument", USAGE, &["server", "list", "extra"])],
        "server login" => vec![
            case(
                "unknown server",
                1,
                &["server", "login", "nosuch", "--token-stdin"],
            )
            .stdin("t"),
            case("no auth", USAGE, &["server", "login", "prod"]),
            case(
                "--totp without --login",
                USAGE,
                &["server", "login", "prod", "--token-stdin", "--totp", "1"],
            )
            .stdin("t"),
            case(
                "empty token",
                1,
                &["server", "login", "prod", "--token-stdin"],
            )
            .stdin(""),
        ],
        "server edit" => vec![
            case("no change asked", USAGE, &["server", "edit", "prod"]),
            case(
                "unknown server",
                1,
                &["server", "edit", "nosuch", "--name", "Prod"],
            ),
            case("empty name", 1, &["server", "edit", "", "--name", "Prod"]),
            case(
                "huge name",
                1,
                &["server", "edit", &huge_arg, "--name", "P"],
            ),
            case(
                "non-UTF-8 new name",
                USAGE,
                &["server", "edit", "prod", "--name", "RAW"],
            )
            .raw_arg("RAW", b"\xff"),
            case(
                "--ca-file with --no-ca",
                USAGE,
                &[
                    "server",
                    "edit",
                    "prod",
                    "--ca-file",
                    &inputs.not_json,
                    "--no-ca",
                ],
            ),
            case(
                "CA file missing",
                1,
                &["server", "edit", "prod", "--ca-file", &inputs.missing],
            ),
            case(
                "empty token",
                1,
                &["server", "edit", "prod", "--token-stdin"],
            ),
            case(
                "huge token",
                1,
                &["server", "edit", "prod", "--token-stdin"],
            )
            .stdin(huge_stdin.clone()),
            case(
                "javascript: URL",
                1,
                &["server", "edit", "nosuch", "--base-url", "javascript:x"],
            ),
        ],
        "server test" | "server remove" => {
            let verb = path.split(' ').nth(1).unwrap();
            vec![
                case("unknown server", 1, &["server", verb, "nosuch"]),
                case("empty name", 1, &["server", verb, ""]),
                case("huge name", 1, &["server", verb, &huge_arg]),
                case("non-UTF-8 name", USAGE, &["server", verb, "RAW"]).raw_arg("RAW", b"\x80"),
            ]
        }
        "schemas list" | "gateways list" | "gateways pull" => {
            let words: Vec<&str> = path.split(' ').collect();
            let (group, verb) = (words[0], words[1]);
            let mut cases = vec![
                case("unknown server", 1, &[group, verb, "--server", "nosuch"]),
                case("empty server", 1, &[group, verb, "--server", ""]),
                case("huge server name", 1, &[group, verb, "--server", &huge_arg]),
                case("missing --server", USAGE, &[words[0], words[1]]),
            ];
            if verb == "pull" {
                let pull = |id: &'static str| ["gateways", "pull", "--server", "prod", "--id", id];
                cases.push(case("non-numeric --id", USAGE, &pull("abc")));
                cases.push(case(
                    "--id past 64 bits",
                    USAGE,
                    &pull("99999999999999999999"),
                ));
            }
            cases
        }
        "profiles list" => vec![case("extra argument", USAGE, &["profiles", "list", "x"])],
        "profiles show" | "profiles push" | "profiles pull" | "profiles enable"
        | "profiles disable" | "profiles delete" => {
            let verb = path.split(' ').nth(1).unwrap();
            let mut cases = vec![
                case("unknown profile", 1, &["profiles", verb, "nosuch"]),
                case("empty id", 1, &["profiles", verb, ""]),
                case("huge id", 1, &["profiles", verb, &huge_arg]),
                case("non-UTF-8 id", USAGE, &["profiles", verb, "RAW"]).raw_arg("RAW", b"\xc3\x28"),
            ];
            match verb {
                // A local profile has no server to push to, and no flow to start with.
                "push" => cases.push(case("local profile", 1, &["profiles", "push", "Support"])),
                // Never pushed: nothing on a server to re-read.
                "pull" => {
                    cases.push(case("local profile", 1, &["profiles", "pull", "Support"]));
                    cases.push(case("no profile named", USAGE, &["profiles", "pull"]));
                }
                "enable" => cases.push(case("no flow", 1, &["profiles", "enable", "Support"])),
                _ => {}
            }
            // `profiles pull` names its profiles (no --match, no --yes).
            if verb != "show" && verb != "pull" {
                cases.extend(super::bad_input_cases_profiles::selection_cases(verb));
            }
            cases
        }
        "profiles create" => {
            let create = |extra: &[&str]| {
                let mut args = vec!["profiles", "create", "--generate-secret"];
                args.extend_from_slice(extra);
                args.iter().map(|a| a.to_string()).collect::<Vec<_>>()
            };
            let good = [
                "--name",
                "New",
                "--callback",
                "https://bot.example.com/hook",
            ];
            let with = |extra: &[&str]| {
                let mut args = good.to_vec();
                args.extend_from_slice(extra);
                create(&args)
            };
            let as_case = |what, code, args: Vec<String>| {
                let refs: Vec<&str> = args.iter().map(String::as_str).collect();
                case(what, code, &refs)
            };
            vec![
                as_case(
                    "javascript: callback",
                    1,
                    create(&["--name", "New", "--callback", "javascript:alert(1)"]),
                ),
                as_case(
                    "file: callback",
                    1,
                    create(&["--name", "New", "--callback", "file:///etc/passwd"]),
                ),
                as_case(
                    "ftp: callback",
                    1,
                    create(&["--name", "New", "--callback", "ftp://files.example/hook"]),
                ),
                as_case(
                    "empty callback",
                    1,
                    create(&["--name", "New", "--callback", ""]),
                ),
                as_case(
                    "empty name",
                    1,
                    create(&["--name", "", "--callback", "https://bot.example.com/hook"]),
                ),
                as_case("query in the URI", 1, with(&["--uri", "/bot?x=1"])),
                as_case("fragment in the URI", 1, with(&["--uri", "/bot#top"])),
                as_case("unknown template key", 1, with(&["--template", "footer=x"])),
                as_case(
                    "notes past 2000 characters",
                    1,
                    with(&["--notes", &"n".repeat(2001)]),
                ),
                as_case(
                    "flow out of range",
                    USAGE,
                    with(&["--flow", "9223372036854775808"]),
                ),
                as_case("flow not a number", USAGE, with(&["--flow", "seven"])),
                as_case("flow not cached", 1, with(&["--flow=-1"])),
                as_case("unknown server", 1, with(&["--server", "nosuch"])),
                case(
                    "empty secret",
                    1,
                    &[
                        "profiles",
                        "create",
                        "--name",
                        "New",
                        "--callback",
                        "https://bot.example.com/hook",
                        "--secret",
                        "",
                    ],
                ),
                case(
                    "empty secret on stdin",
                    1,
                    &[
                        "profiles",
                        "create",
                        "--name",
                        "New",
                        "--callback",
                        "https://bot.example.com/hook",
                        "--secret-stdin",
                    ],
                )
                .stdin("\n"),
                case(
                    "two lines of secret on stdin",
                    1,
                    &[
                        "profiles",
                        "create",
                        "--name",
                        "New",
                        "--callback",
                        "https://bot.example.com/hook",
                        "--secret-stdin",
                    ],
                )
                .stdin("first\nsecond\n"),
                case(
                    "non-UTF-8 secret on stdin",
                    1,
                    &[
                        "profiles",
                        "create",
                        "--name",
                        "New",
                        "--callback",
                        "https://bot.example.com/hook",
                        "--secret-stdin",
                    ],
                )
                .stdin(b"\xff\xfe\n".to_vec()),
                case(
                    "non-UTF-8 name",
                    USAGE,
                    &[
                        "profiles",
                        "create",
                        "--name",
                        "RAW",
                        "--callback",
                        "https://bot.example.com/hook",
                        "--generate-secret",
                    ],
                )
                .raw_arg("RAW", b"\xff"),
                case(
                    "no secret source",
                    USAGE,
                    &[
                        "profiles",
                        "create",
                        "--name",
                        "New",
                        "--callback",
                        "https://bot.example.com/hook",
                    ],
                ),
            ]
        }
        "profiles set"
        | "profiles rotate-secret"
        | "profiles duplicate"
        | "profiles compare"
        | "profiles resolve" => super::bad_input_cases_profiles::cases(path, &huge_arg),
        "profiles export" | "profiles import" => {
            super::bad_input_cases_profiles::transfer_cases(path, inputs)
        }
        path if path.starts_with("scenarios ") => {
            super::bad_input_cases_scenarios::cases(path, inputs)
        }
        // `send` and `emulate` also get their `--scenario` cases.
        _ => super::bad_input_cases_harness::cases(path, inputs, busy_port)
            .into_iter()
            .chain(super::bad_input_cases_scenarios::with_scenario(path))
            .collect(),
    }
}
