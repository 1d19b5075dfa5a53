//! The bad-input catalogue (issue E, section 5): every `textgate-cli` command, enumerated from
//! the clap tree itself so a new command cannot be left out, fed what a script or a person
//! gets wrong: empty, huge and non-UTF-8 values, NUL bytes, wrong JSON types, unknown flags,
//! out-of-range numbers, `javascript:`/`file:`/`ftp:` URLs, a query or fragment in a URI, a
//! data folder that is a file or cannot be written, a corrupt database. Each run must exit 1
//! (2 for a command line clap refuses) with exactly one `error: …` line on stderr, nothing on
//! stdout, no panic, and leave every file of the data folder byte for byte as it was.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use clap::CommandFactory;

use super::bad_input_cases::{cases, Inputs, USAGE};
use super::support::{cli_at, create_local, DataDir};

/// The CLI's own argument declarations, so the catalogue walks the real command tree.
#[allow(dead_code, unused_imports)]
#[path = "../../src/args/mod.rs"]
mod args;

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
        "server add" => vec![
            "server",
            "add",
            "prod",
            "https://127.0.0.1:1",
            "--token-stdin",
        ],
        "server list" => vec!["server", "list"],
        "server test" => vec!["server", "test", "prod"],
        "server login" => vec!["server", "login", "prod", "--token-stdin"],
        "server remove" => vec!["server", "remove", "prod"],
        "server edit" => vec!["server", "edit", "prod", "--name", "Prod"],
        "schemas list" => vec!["schemas", "list", "--server", "prod"],
        "gateways list" => vec!["gateways", "list", "--server", "prod"],
        "gateways pull" => vec!["gateways", "pull", "--server", "prod"],
        "profiles list" => vec!["profiles", "list"],
        "profiles show" => vec!["profiles", "show", "Support"],
        "profiles create" => vec![
            "profiles",
            "create",
            "--name",
            "New",
            "--callback",
            "https://bot.example.com/hook",
            "--generate-secret",
        ],
        "profiles push" => vec!["profiles", "push", "Support"],
        "profiles pull" => vec!["profiles", "pull", "Support"],
        "profiles enable" => vec!["profiles", "enable", "Support"],
        "profiles disable" => vec!["profiles", "disable", "Support"],
        "profiles delete" => vec!["profiles", "delete", "Support"],
        "profiles set" => vec!["profiles", "set", "Support", "--notes", "x"],
        "profiles rotate-secret" => vec!["profiles", "rotate-secret", "Support"],
        "profiles duplicate" => vec!["profiles", "duplicate", "Support"],
        "profiles compare" => vec!["profiles", "compare", "Support"],
        "profiles resolve" => vec!["profiles", "resolve", "Support", "--keep", "local"],
        "profiles export" => vec!["profiles", "export", "--out", "/dev/null"],
        "profiles import" => vec!["profiles", "import", "/dev/null", "--dry-run"],
        "listen" => vec!["listen", "Support", "--port", "0"],
        "send" => vec!["send", "Support", "--close", "c-1"],
        "emulate" => vec!["emulate", "Support", "--chat-id", "c-1", "--close"],
        "burst" => vec!["burst", "Support"],
        "history list" => vec!["history", "list"],
        "history show" => vec!["history", "show", "1"],
        "history replay" => vec!["history", "replay", "1"],
        "history clear" => vec!["history", "clear"],
        "scenarios list" => vec!["scenarios", "list"],
        "scenarios show" => vec!["scenarios", "show", "client.text"],
        "scenarios save" => vec![
            "scenarios",
            "save",
            "mine",
            "--direction",
            "send",
            "--body-file",
            "-",
        ],
        "scenarios delete" => vec!["scenarios", "delete", "mine"],
        "history export" => vec!["history", "export", "--out", "/nonexistent-folder/h.har"],
        "sign" | "verify" | "template render" | "template check" | "emulator" | "diagnostics" => {
            return None
        }
        other => panic!("`{other}`: say whether it opens the data folder"),
    })
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
    let mut child = cli_at(data_dir)
        .args(args)
        .stdin(Stdio::piped())
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
    // A case that passes a secret as an argument on purpose gets the warning about it first;
    // apart from such warnings, the refusal is one line.
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|line| !line.starts_with("warning: "))
        .collect();
    assert_eq!(lines.len(), 1, "one stderr line: {shown}");
    let message = lines[0].strip_prefix("error: ").unwrap_or_default();
    assert!(message.trim().len() > 5, "a clear message: {shown}");
    // A 10 MB argument is quoted back shortened, not whole.
    assert!(
        message.len() < 1000,
        "a short line ({} bytes): {shown}",
        message.len()
    );
    assert!(
        snapshot(data_dir) == before,
        "the data folder changed: {shown}"
    );
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
