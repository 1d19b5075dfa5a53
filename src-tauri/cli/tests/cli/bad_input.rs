//! The bad-input catalogue (issue E, section 5): every `textgate-cli` command, enumerated from
//! the clap tree itself so a new command cannot be left out, fed what a script or a person
//! gets wrong: empty, huge and non-UTF-8 values, NUL bytes, wrong JSON types, unknown flags,
//! out-of-range numbers, `javascript:`/`file:`/`ftp:` URLs, a query or fragment in a URI, a
//! data folder that is a file or cannot be written, a corrupt database. Each run must exit 1
//! (2 for a command line clap refuses) with exactly one `error: …` line on stderr, nothing on
//! stdout, no panic, and leave every file of the data folder byte for byte as it was.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use clap::CommandFactory;

use super::support::{create_local, DataDir};

/// The CLI's own argument declarations, so the catalogue walks the real command tree.
#[allow(dead_code, unused_imports)]
#[path = "../../src/args/mod.rs"]
mod args;

/// More than 10 MB: past any sane template, body, token or context file.
const HUGE: usize = 10 * 1024 * 1024 + 1;

/// Exit status of a command line clap refuses.
const USAGE: i32 = 2;

/// One bad invocation of a command.
struct Case {
    what: &'static str,
    args: Vec<OsString>,
    stdin: Vec<u8>,
    code: i32,
}

fn case(what: &'static str, code: i32, args: &[&str]) -> Case {
    Case {
        what,
        args: args.iter().map(OsString::from).collect(),
        stdin: Vec::new(),
        code,
    }
}

impl Case {
    fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = bytes.into();
        self
    }

    /// Replaces the argument `marker` with raw bytes (not valid UTF-8 on purpose).
    fn raw_arg(mut self, marker: &str, bytes: &[u8]) -> Self {
        for arg in &mut self.args {
            if arg == marker {
                *arg = OsString::from_vec(bytes.to_vec());
            }
        }
        self
    }
}

/// Files the cases point at, outside the data folder.
struct Inputs {
    _dir: tempfile::TempDir,
    huge: String,
    invalid_utf8: String,
    nul: String,
    wrong_types: String,
    not_json: String,
    missing: String,
}

impl Inputs {
    fn new() -> Self {
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

/// Every leaf command as its path of names, from clap's tree (`help` excluded).
fn leaf_commands() -> Vec<Vec<String>> {
    fn walk(command: &clap::Command, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        let subs: Vec<_> = command
            .get_subcommands()
            .filter(|sub| sub.get_name() != "help")
            .collect();
        if subs.is_empty() {
            out.push(path.clone());
        }
        for sub in subs {
            path.push(sub.get_name().to_string());
            walk(sub, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(&args::Cli::command(), &mut Vec::new(), &mut out);
    out
}

/// A command line clap accepts, for the data-folder cases (`None`: the command never opens
/// the data folder).
fn opening_args(path: &str) -> Option<Vec<&'static str>> {
    Some(match path {
        "server add" => vec!["server", "add", "prod", "https://127.0.0.1:1", "--token-stdin"],
        "server list" => vec!["server", "list"],
        "server test" => vec!["server", "test", "prod"],
        "server remove" => vec!["server", "remove", "prod"],
        "schemas list" => vec!["schemas", "list", "--server", "prod"],
        "gateways list" => vec!["gateways", "list", "--server", "prod"],
        "gateways pull" => vec!["gateways", "pull", "--server", "prod"],
        "profiles list" => vec!["profiles", "list"],
        "profiles show" => vec!["profiles", "show", "Support"],
        "profiles create" => vec![
            "profiles", "create", "--name", "New", "--callback", "https://bot.example.com/hook",
            "--generate-secret",
        ],
        "profiles push" => vec!["profiles", "push", "Support"],
        "profiles enable" => vec!["profiles", "enable", "Support"],
        "profiles disable" => vec!["profiles", "disable", "Support"],
        "profiles delete" => vec!["profiles", "delete", "Support"],
        "listen" => vec!["listen", "Support", "--port", "0"],
        "send" => vec!["send", "Support", "--close", "c-1"],
        "emulate" => vec!["emulate", "Support", "--chat-id", "c-1", "--close"],
        "burst" => vec!["burst", "Support"],
        "history list" => vec!["history", "list"],
        "history show" => vec!["history", "show", "1"],
        "history replay" => vec!["history", "replay", "1"],
        "history clear" => vec!["history", "clear"],
        "sign" | "verify" | "template render" | "template check" | "emulator" => return None,
        other => panic!("`{other}`: say whether it opens the data folder"),
    })
}

/// The bad inputs that apply to one command. A command missing here fails the catalogue.
fn cases(path: &str, inputs: &Inputs, busy_port: &str) -> Vec<Case> {
    let huge_arg = "x".repeat(120 * 1024);
    let huge_stdin = vec![b'x'; HUGE];
    match path {
        "server add" => vec![
            case("javascript: URL", 1, &["server", "add", "p2", "javascript:alert(1)", "--token-stdin"]).stdin("t"),
            case("file: URL", 1, &["server", "add", "p2", "file:///etc/passwd", "--token-stdin"]).stdin("t"),
            case("ftp: URL", 1, &["server", "add", "p2", "ftp://host.example", "--token-stdin"]).stdin("t"),
            case("query and fragment", 1, &["server", "add", "p2", "https://h.example/?a=1#f", "--token-stdin"]).stdin("t"),
            case("empty URL", 1, &["server", "add", "p2", "", "--token-stdin"]).stdin("t"),
            case("empty name", 1, &["server", "add", "", "https://127.0.0.1:1", "--token-stdin"]).stdin("t"),
            case("empty token", 1, &["server", "add", "p2", "https://127.0.0.1:1", "--token-stdin"]),
            case("huge token", 1, &["server", "add", "p2", "javascript:x", "--token-stdin"]).stdin(huge_stdin.clone()),
            case("NUL in the token", 1, &["server", "add", "p2", "http://127.0.0.1:1", "--token-stdin"]).stdin("a\0b"),
            case("CA file not PEM", 1, &["server", "add", "p2", "http://127.0.0.1:1", "--token-stdin", "--ca-file", &inputs.not_json]).stdin("t"),
            case("CA file missing", 1, &["server", "add", "p2", "http://127.0.0.1:1", "--token-stdin", "--ca-file", &inputs.missing]).stdin("t"),
            case("no auth", USAGE, &["server", "add", "p2", "https://h.example"]),
            case("non-UTF-8 name", USAGE, &["server", "add", "RAW", "https://h.example", "--token-stdin"]).raw_arg("RAW", b"\xff\xfe").stdin("t"),
        ],
        "server list" => vec![case("extra argument", USAGE, &["server", "list", "extra"])],
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
            vec![
                case("unknown server", 1, &[group, verb, "--server", "nosuch"]),
                case("empty server", 1, &[group, verb, "--server", ""]),
                case("huge server name", 1, &[group, verb, "--server", &huge_arg]),
                case("missing --server", USAGE, &[words[0], words[1]]),
            ]
        }
        "profiles list" => vec![case("extra argument", USAGE, &["profiles", "list", "x"])],
        "profiles show" | "profiles push" | "profiles enable" | "profiles disable" | "profiles delete" => {
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
                "enable" => cases.push(case("no flow", 1, &["profiles", "enable", "Support"])),
                _ => {}
            }
            cases
        }
        "profiles create" => {
            let create = |extra: &[&str]| {
                let mut args = vec!["profiles", "create", "--generate-secret"];
                args.extend_from_slice(extra);
                args.iter().map(|a| a.to_string()).collect::<Vec<_>>()
            };
            let good = ["--name", "New", "--callback", "https://bot.example.com/hook"];
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
                as_case("javascript: callback", 1, create(&["--name", "New", "--callback", "javascript:alert(1)"])),
                as_case("file: callback", 1, create(&["--name", "New", "--callback", "file:///etc/passwd"])),
                as_case("ftp: callback", 1, create(&["--name", "New", "--callback", "ftp://files.example/hook"])),
                as_case("empty callback", 1, create(&["--name", "New", "--callback", ""])),
                as_case("empty name", 1, create(&["--name", "", "--callback", "https://bot.example.com/hook"])),
                as_case("query in the URI", 1, with(&["--uri", "/bot?x=1"])),
                as_case("fragment in the URI", 1, with(&["--uri", "/bot#top"])),
                as_case("unknown template key", 1, with(&["--template", "footer=x"])),
                as_case("flow out of range", USAGE, with(&["--flow", "9223372036854775808"])),
                as_case("flow not a number", USAGE, with(&["--flow", "seven"])),
                as_case("flow not cached", 1, with(&["--flow=-1"])),
                as_case("unknown server", 1, with(&["--server", "nosuch"])),
                case("empty secret", 1, &["profiles", "create", "--name", "New", "--callback", "https://bot.example.com/hook", "--secret", ""]),
                case("non-UTF-8 name", USAGE, &["profiles", "create", "--name", "RAW", "--callback", "https://bot.example.com/hook", "--generate-secret"]).raw_arg("RAW", b"\xff"),
                case("no secret source", USAGE, &["profiles", "create", "--name", "New", "--callback", "https://bot.example.com/hook"]),
            ]
        }
        "template render" => vec![
            case("not UTF-8", 1, &["template", "render"]).stdin(b"$(.FirstName)\xff".to_vec()),
            case("NUL in an action", 1, &["template", "render"]).stdin("$(\0)"),
            case("huge unclosed action", 1, &["template", "render"]).stdin([b"$(.FirstName ".as_slice(), &huge_stdin].concat()),
            case("bad missingkey", 1, &["template", "render", "--missingkey", "panic"]).stdin("x"),
            case("context missing", 1, &["template", "render", "--context", &inputs.missing]).stdin("x"),
            case("context of wrong types", 1, &["template", "render", "--context", &inputs.wrong_types]).stdin("x"),
            case("context not JSON", 1, &["template", "render", "--context", &inputs.not_json]).stdin("x"),
            case("context not UTF-8", 1, &["template", "render", "--context", &inputs.invalid_utf8]).stdin("x"),
            case("context with NUL", 1, &["template", "render", "--context", &inputs.nul]).stdin("x"),
            case("huge context", 1, &["template", "render", "--context", &inputs.huge]).stdin("x"),
            case("one delimiter", USAGE, &["template", "render", "--delims", "<<"]).stdin("x"),
        ],
        "template check" => vec![
            case("unknown key", 1, &["template", "check", "--key", "footer"]).stdin("x"),
            case("not UTF-8", 1, &["template", "check"]).stdin(b"\xc0\xaf".to_vec()),
            case("huge unclosed action", 1, &["template", "check"]).stdin([b"$(if ".as_slice(), &huge_stdin].concat()),
            case("missing key", 1, &["template", "check", "--key", "join"]).stdin("$(.Nope)"),
        ],
        "sign" => vec![
            case("empty secret", 1, &["sign", "--secret", ""]).stdin("{}"),
            case("secret file missing", 1, &["sign", "--secret-stdin-file", &inputs.missing]).stdin("{}"),
            case("secret file not UTF-8", 1, &["sign", "--secret-stdin-file", &inputs.invalid_utf8]).stdin("{}"),
            case("whsec not base64", 1, &["sign", "--scheme", "standard", "--secret", "whsec_%%%"]).stdin("{}"),
            case("unknown scheme", USAGE, &["sign", "--scheme", "md5", "--secret", "s"]),
            case("timestamp out of range", USAGE, &["sign", "--scheme", "standard", "--secret", "whsec_dGVzdA==", "--timestamp", "99999999999999999999"]),
            case("no secret", USAGE, &["sign"]),
        ],
        "verify" => vec![
            case("wrong signature", 1, &["verify", "--secret", "s", "--signature", "00"]).stdin("{}"),
            case("empty signature", 1, &["verify", "--secret", "s", "--signature", ""]).stdin("{}"),
            case("standard without id", 1, &["verify", "--scheme", "standard", "--secret", "whsec_dGVzdA==", "--signature", "v1,x"]).stdin("{}"),
            case("timestamp at the end of time", 1, &["verify", "--scheme", "standard", "--secret", "whsec_dGVzdA==", "--id", "msg_1", "--timestamp=-9223372036854775808", "--at", "1", "--signature", "v1,AAAA"]).stdin("{}"),
            case("now at the end of time", 1, &["verify", "--scheme", "standard", "--secret", "whsec_dGVzdA==", "--id", "msg_1", "--timestamp", "1", "--at=-9223372036854775808", "--signature", "v1,AAAA"]).stdin("{}"),
            case("huge body, wrong signature", 1, &["verify", "--secret", "s", "--signature", "ab"]).stdin(huge_stdin.clone()),
            case("missing --signature", USAGE, &["verify", "--secret", "s"]),
        ],
        "listen" => vec![
            case("unknown profile", 1, &["listen", "nosuch", "--port", "0"]),
            case("port out of range", USAGE, &["listen", "Support", "--port", "65536"]),
            case("negative port", USAGE, &["listen", "Support", "--port", "-1"]),
            case("status out of range", USAGE, &["listen", "Support", "--port", "0", "--status", "600"]),
            case("informational status", USAGE, &["listen", "Support", "--port", "0", "--status", "101"]),
            case("negative count", USAGE, &["listen", "Support", "--port", "0", "--count", "-1"]),
            case("port in use", 1, &["listen", "Support", "--port", busy_port]),
        ],
        "send" => vec![
            case("unknown profile", 1, &["send", "nosuch", "--close", "c-1"]),
            case("javascript: URL", 1, &["send", "Support", "--close", "c-1", "--url", "javascript:alert(1)"]),
            case("file: URL", 1, &["send", "Support", "--close", "c-1", "--url", "file:///etc/passwd"]),
            case("ftp: URL", 1, &["send", "Support", "--close", "c-1", "--url", "ftp://files.example/x"]),
            case("local profile, no URL", 1, &["send", "Support", "--close", "c-1"]),
            case("body file missing", 1, &["send", "Support", "--body-file", &inputs.missing]),
            case("huge body, nowhere to send", 1, &["send", "Support", "--body-file", "-"]).stdin(huge_stdin.clone()),
            case("text without chat", USAGE, &["send", "Support", "--text", "hi"]),
        ],
        "emulate" => vec![
            case("unknown profile", 1, &["emulate", "nosuch", "--chat-id", "c-1", "--text", "hi"]),
            case("javascript: URL", 1, &["emulate", "Support", "--chat-id", "c-1", "--text", "hi", "--url", "javascript:alert(1)"]),
            case("file: URL", 1, &["emulate", "Support", "--chat-id", "c-1", "--text", "hi", "--url", "file:///etc/passwd"]),
            case("ftp: URL", 1, &["emulate", "Support", "--chat-id", "c-1", "--text", "hi", "--url", "ftp://files.example/x"]),
            case("no action", USAGE, &["emulate", "Support", "--chat-id", "c-1"]),
        ],
        "burst" => vec![
            case("unknown profile", 1, &["burst", "nosuch"]),
            case("javascript: URL", 1, &["burst", "Support", "--url", "javascript:alert(1)"]),
            case("ftp: URL", 1, &["burst", "Support", "--url", "ftp://files.example/x"]),
            case("local profile, no URL", 1, &["burst", "Support"]),
            case("negative count", USAGE, &["burst", "Support", "--count", "-5"]),
            case("count out of range", USAGE, &["burst", "Support", "--count", "4294967296"]),
        ],
        "history list" => vec![
            case("unknown profile", 1, &["history", "list", "--profile", "nosuch"]),
            case("negative limit", USAGE, &["history", "list", "--limit", "-1"]),
            case("limit out of range", USAGE, &["history", "list", "--limit", "99999999999"]),
        ],
        "history show" | "history replay" => {
            let verb = path.split(' ').nth(1).unwrap();
            vec![
                case("no such entry", 1, &["history", verb, "424242"]),
                case("negative id", USAGE, &["history", verb, "-1"]),
                case("id out of range", USAGE, &["history", verb, "99999999999999999999"]),
                case("id not a number", USAGE, &["history", verb, "one"]),
            ]
        }
        "history clear" => vec![case("unknown profile", 1, &["history", "clear", "--profile", "nosuch"])],
        "emulator" => vec![
            case("port out of range", USAGE, &["emulator", "--port", "70000"]),
            case("port not a number", USAGE, &["emulator", "--port", "http"]),
            case("no port", USAGE, &["emulator"]),
            case("port in use", 1, &["emulator", "--port", busy_port]),
        ],
        other => panic!("`{other}` has no bad-input cases: add them to the catalogue"),
    }
}

/// Every file under `dir` (a file itself counts as one) with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(path) = pending.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).unwrap() {
                pending.push(entry.unwrap().path());
            }
        } else if path.exists() {
            files.insert(path.clone(), std::fs::read(&path).unwrap());
        }
    }
    files
}

/// Runs one invocation against `data_dir` and checks the promise of the catalogue.
fn check(data_dir: &Path, label: &str, args: &[OsString], stdin: &[u8], code: i32) {
    let before = snapshot(data_dir);
    let mut child = Command::new(env!("CARGO_BIN_EXE_textgate-cli"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("TEXTGATE_TOKEN")
        .env_remove("TEXTGATE_DATA_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    // A command may fail before reading all of a huge stdin: a broken pipe here is fine.
    let writer = std::thread::spawn(move || {
        let _ = std::io::Write::write_all(&mut input, &stdin);
    });
    let output = wait_bounded(child, label);
    let _ = writer.join();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let shown = format!("{label}\nstdout: {stdout:.300}\nstderr: {stderr:.600}");
    assert!(!stderr.contains("panicked"), "a panic: {shown}");
    assert_eq!(output.status.code(), Some(code), "exit code: {shown}");
    assert!(stdout.is_empty(), "nothing on stdout: {shown}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one stderr line: {shown}");
    let message = lines[0].strip_prefix("error: ").unwrap_or_default();
    assert!(message.trim().len() > 5, "a clear message: {shown}");
    assert!(snapshot(data_dir) == before, "the data folder changed: {shown}");
}

/// Waits for the process, killing it after a minute (a command that should have refused its
/// input but runs on, such as a listener, fails the catalogue instead of stalling it). Its
/// output is read meanwhile, so a long error line cannot block it on a full pipe.
fn wait_bounded(mut child: std::process::Child, label: &str) -> std::process::Output {
    fn drain(mut pipe: impl std::io::Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    }
    let stdout = drain(child.stdout.take().unwrap());
    let stderr = drain(child.stderr.take().unwrap());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("{label}: still running after 60 s instead of refusing its input");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    std::process::Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

fn label(path: &str, what: &str, args: &[OsString]) -> String {
    let shown: Vec<String> = args
        .iter()
        .map(|arg| {
            let text = arg.to_string_lossy();
            if text.len() > 60 {
                format!("<{} bytes>", text.len())
            } else {
                text.into_owned()
            }
        })
        .collect();
    format!("`{path}` with {what}: textgate-cli {}", shown.join(" "))
}

#[test]
fn every_command_refuses_bad_input_with_one_line_and_changes_nothing() {
    let dir = DataDir::new();
    create_local(&dir, "Support");
    let inputs = Inputs::new();
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let busy_port = busy.local_addr().unwrap().port().to_string();
    let leaves = leaf_commands();
    assert!(leaves.len() >= 25, "the command tree: {leaves:?}");
    let mut runs = 0;
    for leaf in &leaves {
        let path = leaf.join(" ");
        for case in cases(&path, &inputs, &busy_port) {
            let label = label(&path, case.what, &case.args);
            check(dir.path(), &label, &case.args, &case.stdin, case.code);
            runs += 1;
        }
        let mut unknown_flag: Vec<OsString> = leaf.iter().map(OsString::from).collect();
        unknown_flag.push("--no-such-flag".into());
        let label = label(&path, "an unknown flag", &unknown_flag);
        check(dir.path(), &label, &unknown_flag, b"", USAGE);
        runs += 1;
    }
    assert!(runs > 150, "{runs} runs");
}

#[test]
fn a_data_folder_that_is_a_file_unwritable_or_corrupt_is_one_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let as_file = dir.path().join("data-is-a-file");
    std::fs::write(&as_file, b"not a folder").unwrap();
    let corrupt = dir.path().join("corrupt");
    std::fs::create_dir(&corrupt).unwrap();
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 7 + 13) as u8).collect();
    std::fs::write(corrupt.join("textgate.db"), &garbage).unwrap();
    let unwritable = unwritable_folder(dir.path());
    let mut runs = 0;
    for leaf in leaf_commands() {
        let path = leaf.join(" ");
        let Some(args) = opening_args(&path) else {
            continue;
        };
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        for (what, data_dir) in [
            ("a data folder that is a file", &as_file),
            ("a corrupt database", &corrupt),
            ("a data folder that cannot be written", &unwritable),
        ] {
            let label = label(&path, what, &args);
            check(data_dir, &label, &args, b"token\n", 1);
            runs += 1;
        }
    }
    assert!(runs >= 60, "{runs} runs");
}

/// A folder in which no file can be created. Permissions do not stop root, so as root a
/// folder that /proc will not let anyone create stands in.
fn unwritable_folder(parent: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let folder = parent.join("read-only");
    std::fs::create_dir(&folder).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o500)).unwrap();
    if std::fs::write(folder.join("probe"), b"").is_err() {
        return folder;
    }
    PathBuf::from("/proc/textgate-data")
}
