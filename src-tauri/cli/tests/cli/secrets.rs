//! Secrets off the command line and out of other users' reach (issue E §4): `profiles create
//! --secret-stdin` and `emulator --token-stdin` (the old flags still work, with a warning), a
//! plain-http server address warned about, and the data folder and database private under a
//! permissive umask.

use std::io::{BufRead, Read, Write};
use std::process::{Command, Stdio};

use crate::support::{create_args, DataDir, WebitelServer, CALLBACK};

const SECRET: &str = "StdinSecretStdinSecret0000000001";

fn create_with(dir: &DataDir, name: &str, args: &[&str], stdin: &str) -> crate::support::Run {
    let mut full = create_args(name);
    full.extend_from_slice(args);
    dir.run_stdin(&full, stdin)
}

#[test]
fn profiles_create_reads_one_line_of_secret_from_stdin() {
    let dir = DataDir::new();
    let created = create_with(&dir, "Piped", &["--secret-stdin"], &format!("{SECRET}\r\n"));
    assert!(created.stderr.is_empty(), "no warning: {created:#?}");
    assert_eq!(created.json()["secretState"], "stored");
    let shown = dir
        .run(&["--json", "profiles", "show", "Piped", "--reveal-secret"])
        .json();
    assert_eq!(shown["secret"], SECRET, "the \\r\\n is dropped");

    let empty = create_with(&dir, "Empty", &["--secret-stdin"], "\n");
    let (code, message) = empty.json_error();
    assert_eq!(code, "usage");
    assert!(
        message.starts_with("No app secret on standard input"),
        "{message}"
    );
    let two = create_with(
        &dir,
        "Two",
        &["--secret-stdin"],
        &format!("{SECRET}\nmore\n"),
    );
    assert!(
        two.json_error().1.contains("more than one line"),
        "{two:#?}"
    );
    let both = create_with(&dir, "Both", &["--secret-stdin", "--generate-secret"], "");
    assert_eq!(both.code, 2, "one secret source only: {both:#?}");
    dir.assert_never_printed(SECRET);
}

#[test]
fn a_secret_on_the_command_line_still_works_but_warns() {
    let dir = DataDir::new();
    let created = create_with(&dir, "Argv", &["--secret", SECRET], "");
    assert_eq!(created.json()["secretState"], "stored");
    let warning = created.stderr.trim();
    assert!(
        warning.starts_with("warning: --secret puts the secret on the command line"),
        "{warning}"
    );
    assert!(warning.contains("use --secret-stdin instead"), "{warning}");
    assert!(!warning.contains(SECRET), "{warning}");
}

/// `textgate-cli emulator --port 0` plus `args`, with `stdin` piped in; returns the child, its
/// base URL (from the first stdout line) and everything it printed once it is stopped.
struct EmulatorProcess {
    child: std::process::Child,
    url: String,
    stdout: std::io::BufReader<std::process::ChildStdout>,
    first_line: String,
}

impl EmulatorProcess {
    fn stop(mut self) -> (String, String) {
        let _ = self.child.kill();
        let output = self.child.wait_with_output().unwrap();
        let mut stdout = self.first_line;
        self.stdout.read_to_string(&mut stdout).unwrap();
        (stdout, String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

fn emulator(args: &[&str], stdin: &str) -> EmulatorProcess {
    let mut child = Command::new(env!("CARGO_BIN_EXE_textgate-cli"))
        .args(["emulator", "--port", "0"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let url = first
        .trim()
        .strip_prefix("Webitel emulator on ")
        .and_then(|rest| rest.strip_suffix(" (admin API at /api)"))
        .unwrap_or_else(|| panic!("{first}"))
        .to_string();
    EmulatorProcess {
        child,
        url,
        stdout,
        first_line: first,
    }
}

#[test]
fn the_emulator_takes_its_token_from_stdin() {
    let token = "EmulatorStdinToken42";
    let running = emulator(&["--token-stdin"], &format!("{token}\n"));
    let url = running.url.clone();
    let dir = DataDir::new();
    dir.run_stdin(&["server", "add", "emu", &url, "--token-stdin"], token)
        .ok();
    let wrong = dir.run_stdin(&["server", "add", "emu2", &url, "--token-stdin"], "nope");
    assert_eq!(
        wrong.code, 1,
        "only the piped token is accepted: {wrong:#?}"
    );
    let (stdout, stderr) = running.stop();
    assert!(
        !stdout.contains(token) && !stderr.contains(token),
        "{stdout}{stderr}"
    );
    assert!(!stderr.contains("warning"), "{stderr}");

    let (_, stderr) = emulator(&["--token", token], "").stop();
    assert!(
        stderr.contains("warning: --token puts the secret on the command line"),
        "{stderr}"
    );
    assert!(stderr.contains("--token-stdin"), "{stderr}");

    let mut refused = Command::new(env!("CARGO_BIN_EXE_textgate-cli"))
        .args(["emulator", "--port", "0", "--token-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    refused.stdin.take().unwrap().write_all(b"\n").unwrap();
    let output = refused.wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "an empty token line is refused"
    );
    assert!(output.stdout.is_empty(), "it never started: {output:?}");
}

#[test]
fn a_plain_http_server_address_is_warned_about_before_the_token_is_sent() {
    let dir = DataDir::new();
    let run = dir.run_stdin(
        &[
            "server",
            "add",
            "lab",
            "http://webitel.invalid",
            "--token-stdin",
        ],
        "some-token",
    );
    assert_eq!(run.code, 1, "nothing answers there: {run:#?}");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert!(
        lines[0].starts_with("warning: Plain http: the access token"),
        "{run:#?}"
    );
    assert!(lines[0].contains("unencrypted"), "{run:#?}");
    // The emulator on loopback is plain http too, but on this computer: no warning.
    let webitel = WebitelServer::start();
    let local = dir.run_stdin(
        &["server", "add", "emu", &webitel.url(), "--token-stdin"],
        &webitel.token,
    );
    local.ok();
    assert!(local.stderr.is_empty(), "{local:#?}");
}

/// The permission bits of `path`.
#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn the_data_folder_and_database_are_private_under_umask_022() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("textgate-data");
    let under_umask = |args: &[&str]| {
        Command::new("sh")
            .arg("-c")
            .arg("umask 022; exec \"$0\" \"$@\"")
            .arg(env!("CARGO_BIN_EXE_textgate-cli"))
            .arg("--data-dir")
            .arg(&data)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let mut create = under_umask(&[
        "profiles",
        "create",
        "--name",
        "P",
        "--callback",
        CALLBACK,
        "--secret-stdin",
    ]);
    create
        .stdin
        .take()
        .unwrap()
        .write_all(SECRET.as_bytes())
        .unwrap();
    assert!(create.wait().unwrap().success());
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("textgate.db")), 0o600);

    // While a listener holds the database open, its WAL and shared-memory files exist.
    let mut listen = under_umask(&["listen", "P", "--port", "0"]);
    let mut first = String::new();
    std::io::BufReader::new(listen.stderr.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("listening on "), "{first}");
    for suffix in ["-wal", "-shm"] {
        let file = data.join(format!("textgate.db{suffix}"));
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    listen.kill().unwrap();
    listen.wait().unwrap();
}
