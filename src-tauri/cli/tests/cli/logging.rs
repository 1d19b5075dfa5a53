//! `-v`/`--verbose` and the log files (issue F, section 4): the journey's operations run with
//! `-vvv` (trace, everything every crate logs) against a `textgate-cli emulator` child: a
//! server added with a token and another with a login and password, schemas, a profile with
//! its app secret created, pushed, enabled, pulled and deleted, a signed `send` to the
//! emulator's webhook, a signed `emulate` to a `listen` child that checks the signature, and a
//! login refused. Then every log file and every stderr is read: none holds the token, the
//! password, the app secret or the refused token, and they do hold the expected lines (admin
//! API calls with method, path, status and time; sync verdicts; receiver and emulator start;
//! the failure with its code), so the check cannot pass on empty logs. Without `-v` nothing of
//! it appears and no log folder is made.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use textgate_core::generate::generate_secret;

use crate::support::{cli_at, wait_within, DataDir};

/// A child `textgate-cli` whose stderr is read line by line until `prefix`; the rest of its
/// stderr is collected when it ends.
struct Background {
    child: Child,
    stderr: BufReader<std::process::ChildStderr>,
    seen: String,
}

impl Background {
    fn start(mut command: Command, stdin: Option<&str>) -> Self {
        let mut child = command.stdin(Stdio::piped()).spawn().unwrap();
        let mut input = child.stdin.take().unwrap();
        if let Some(stdin) = stdin {
            input.write_all(stdin.as_bytes()).unwrap();
        }
        drop(input);
        let stderr = BufReader::new(child.stderr.take().unwrap());
        Self {
            child,
            stderr,
            seen: String::new(),
        }
    }

    /// Reads stderr up to the first line starting with `prefix`; returns the rest of it.
    fn wait_for_line(&mut self, prefix: &str) -> String {
        loop {
            let mut line = String::new();
            let read = self.stderr.read_line(&mut line).unwrap();
            assert!(read > 0, "stderr ended before {prefix:?}: {}", self.seen);
            self.seen.push_str(&line);
            if let Some(rest) = line.trim().strip_prefix(prefix) {
                return rest.to_string();
            }
        }
    }

    /// Everything it wrote on stderr, once it has exited (or been stopped).
    fn finish(mut self, stop: bool) -> String {
        if stop {
            let _ = self.child.kill();
        }
        wait_within(&mut self.child, Duration::from_secs(30), "background cli");
        let mut rest = String::new();
        self.stderr.read_to_string(&mut rest).unwrap();
        self.seen + &rest
    }
}

fn log_files(dir: &DataDir) -> Vec<(String, String)> {
    let logs = dir.path().join("logs");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&logs)
        .unwrap_or_else(|e| panic!("{}: {e}", logs.display()))
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn the_journey_at_trace_logs_every_api_call_and_no_secret() {
    let token = generate_secret();
    let refused_token = generate_secret();
    let app_secret = generate_secret();
    let dir = DataDir::new();
    let mut stderrs = Vec::new();

    // The admin API: the CLI's own emulator, token on stdin.
    let mut emulator_command = Command::new(env!("CARGO_BIN_EXE_textgate-cli"));
    emulator_command
        .args(["-vvv", "emulator", "--port", "0", "--token-stdin"])
        .env_remove("TEXTGATE_DATA_DIR")
        .env_remove("RUST_LOG")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut emulator = Background::start(emulator_command, Some(&format!("{token}\n")));
    let mut banner = String::new();
    BufReader::new(emulator.child.stdout.take().unwrap())
        .read_line(&mut banner)
        .unwrap();
    let url = banner
        .trim()
        .strip_prefix("Webitel emulator on ")
        .and_then(|rest| rest.split(' ').next())
        .unwrap_or_else(|| panic!("{banner}"))
        .to_string();

    fn v<'a>(args: &[&'a str]) -> Vec<&'a str> {
        let mut full = vec!["-vvv"];
        full.extend_from_slice(args);
        full
    }
    let run = |args: &[&str], stdin: &str| dir.run_with(&v(args), Some(stdin), &[("RUST_LOG", "")]);
    // The emulator takes its token as the login password. Textgate keeps one server per address,
    // so the log-in server is removed again before the token server is added at the same address.
    run(
        &[
            "server",
            "add",
            "staging",
            &url,
            "--login",
            "admin",
            "--password-stdin",
        ],
        &format!("{token}\n"),
    )
    .ok();
    run(&["server", "remove", "staging"], "").ok();
    run(
        &["server", "add", "prod", &url, "--token-stdin"],
        &format!("{token}\n"),
    )
    .ok();
    // The same emulator under another name for its address (one server per address).
    let other_address = url.replacen("127.0.0.1", "localhost", 1);
    let refused = run(
        &["server", "add", "wrong", &other_address, "--token-stdin"],
        &format!("{refused_token}\n"),
    );
    assert_eq!(refused.code, 1, "{refused:#?}");
    run(&["server", "test", "prod"], "").ok();
    run(&["schemas", "list", "--server", "prod"], "").ok();

    // The client's chat service: a listener checking signatures under the app secret.
    run(
        &[
            "profiles",
            "create",
            "--name",
            "Support",
            "--callback",
            "https://bot.example.com/hook",
            "--secret-stdin",
            "--flow",
            "1",
            "--server",
            "prod",
        ],
        &format!("{app_secret}\n"),
    )
    .ok();
    let mut listen_command = cli_at(dir.path());
    listen_command
        .args([
            "-vvv", "listen", "Support", "--port", "0", "--path", "/hook", "--count", "1",
        ])
        .env_remove("RUST_LOG");
    let mut listener = Background::start(listen_command, None);
    let callback = listener.wait_for_line("listening on ");

    let pushed = run(&["profiles", "push", "Support"], "");
    pushed.ok();
    run(&["profiles", "enable", "Support"], "").ok();
    run(&["gateways", "list", "--server", "prod"], "").ok();
    run(&["gateways", "pull", "--server", "prod"], "").ok();
    let sent = run(
        &[
            "send",
            "Support",
            "--text",
            "Hi",
            "--chat-id",
            "c-1",
            "--sender-id",
            "u-1",
        ],
        "",
    );
    assert!(sent.ok().contains("-> 200 OK"), "{sent:#?}");
    run(
        &[
            "emulate",
            "Support",
            "--chat-id",
            "c-1",
            "--text",
            "Hello from the agent",
            "--url",
            &callback,
        ],
        "",
    )
    .ok();
    let listened = listener.finish(false);
    assert!(listened.contains("receiver listening"), "{listened}");
    run(&["profiles", "show", "Support"], "").ok();
    run(&["profiles", "delete", "Support", "--remote"], "").ok();
    stderrs.push(("listen".to_string(), listened));
    stderrs.push(("emulator".to_string(), emulator.finish(true)));

    let files = log_files(&dir);
    assert!(
        files.len() == 1 && files[0].0.starts_with("textgate-cli.") && files[0].0.ends_with(".log"),
        "one daily file of the CLI: {:?}",
        files.iter().map(|(name, _)| name).collect::<Vec<_>>()
    );
    let log = &files[0].1;
    for secret in [&token, &refused_token, &app_secret] {
        assert!(
            !log.contains(secret.as_str()),
            "a secret in the log file:\n{log}"
        );
        for (what, stderr) in &stderrs {
            assert!(
                !stderr.contains(secret.as_str()),
                "a secret on {what}'s stderr:\n{stderr}"
            );
        }
        dir.assert_never_printed(secret);
    }
    for header in ["x-webitel-access", "authorization"] {
        assert!(
            !log.to_ascii_lowercase().contains(header),
            "{header} in the log:\n{log}"
        );
    }

    // What must be there: the calls, the verdicts, the receiver and the failure.
    let api = |method: &str, path: &str, status: &str| {
        format!("admin API call method={method} host=\"127.0.0.1\" path=\"{path}\" status={status} elapsed_ms=")
    };
    let lines: &[&[&str]] = &[
        &[&api("POST", "/api/login", "200")],
        &[&api("GET", "/api/userinfo", "200")],
        &[&api("GET", "/api/routing/schema", "200")],
        &[&api("GET", "/api/chat/bots", "200")],
        &["admin API call method=POST host=\"127.0.0.1\" path=\"/api/chat/bots\" status=20"],
        &["admin API call method=PATCH host=\"127.0.0.1\" path=\"/api/chat/bots/"],
        &["admin API call method=DELETE host=\"127.0.0.1\" path=\"/api/chat/bots/"],
        &[
            "WARN textgate::api: admin API call failed method=GET",
            "path=\"/api/userinfo\" status=401",
            "code=unauthorized",
        ],
        &["INFO textgate::sync: push profile=", "verdict=\"created\""],
        &["INFO textgate::sync: pull server=", "verdict=\"unchanged\""],
        &["ERROR textgate::cli: command failed code=unauthorized"],
        &["DEBUG textgate::harness: harness delivery host=\"127.0.0.1\" path=\"/chat/", "status=200"],
        &["DEBUG textgate::harness: harness delivery host=\"127.0.0.1\" path=\"/hook\" status=200"],
    ];
    for parts in lines {
        assert!(
            log.lines()
                .any(|line| parts.iter().all(|part| line.contains(part))),
            "no line with {parts:?} in the log:\n{log}"
        );
    }
    // -v writes the same lines to stderr; the listener and the emulator log their start.
    assert!(
        pushed.stderr.contains("INFO textgate::sync: push profile="),
        "{pushed:#?}"
    );
    assert!(
        stderrs[0]
            .1
            .contains("INFO textgate::receiver: receiver listening address=127.0.0.1:"),
        "{}",
        stderrs[0].1
    );
    assert!(
        stderrs[1]
            .1
            .contains("INFO textgate::emulator: emulator listening address=127.0.0.1:"),
        "{}",
        stderrs[1].1
    );
}

#[test]
fn without_verbose_nothing_is_logged_and_no_log_folder_is_made() {
    let dir = DataDir::new();
    let quiet = dir.run_with(&["profiles", "list"], None, &[("RUST_LOG", "trace")]);
    quiet.ok();
    assert_eq!(quiet.stderr, "");
    assert!(!dir.path().join("logs").exists());
}

#[test]
fn verbose_puts_the_lines_on_stderr_and_rust_log_filters_them() {
    let dir = DataDir::new();
    let refused = dir.run_with(
        &["-v", "profiles", "show", "nobody"],
        None,
        &[("RUST_LOG", "")],
    );
    assert_eq!(refused.code, 1, "{refused:#?}");
    assert!(
        refused
            .stderr
            .contains("ERROR textgate::cli: command failed code=not_found"),
        "{refused:#?}"
    );
    assert!(
        refused
            .stderr
            .ends_with("error: No gateway profile with id or name “nobody”\n"),
        "{refused:#?}"
    );
    let logged = log_files(&dir);
    assert!(
        logged[0].1.contains("command failed code=not_found"),
        "{logged:?}"
    );

    // RUST_LOG takes over from -v: here it lets nothing of the CLI through.
    let filtered = dir.run_with(
        &["-v", "profiles", "show", "nobody"],
        None,
        &[("RUST_LOG", "textgate=off")],
    );
    assert_eq!(
        filtered.stderr, "error: No gateway profile with id or name “nobody”\n",
        "{filtered:#?}"
    );
}
