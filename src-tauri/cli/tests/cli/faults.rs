//! `textgate-cli emulator --fault KIND` and a push against it, as a script would see it: exit 1
//! and one stderr line naming the server and the cause, the profile untouched and not "in
//! sync"; with the fault switched off while running (`DELETE /emulator/fault`), the next push
//! succeeds.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Command, Stdio};

use crate::support::{create_profile, id_of, DataDir};

const TOKEN: &str = "emulatorToken-faults";

/// `textgate-cli emulator` in the background, killed on drop.
struct EmulatorProcess {
    child: Child,
    base: String,
}

impl EmulatorProcess {
    fn start(fault: &str) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_textgate-cli"))
            .args([
                "emulator", "--port", "0", "--token", TOKEN, "--fault", fault,
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let base = first
            .trim()
            .strip_prefix("Webitel emulator on ")
            .and_then(|rest| rest.strip_suffix(" (admin API at /api)"))
            .unwrap_or_else(|| panic!("unexpected first line: {first}"))
            .to_string();
        Self { child, base }
    }

    /// `PUT` (with a body) or `DELETE` `/emulator/fault`, over a bare HTTP/1.1 connection.
    fn control(&self, method: &str, body: &str) {
        let address = self.base.strip_prefix("http://").unwrap();
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        write!(
            stream,
            "{method} /emulator/fault HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        assert!(answer.starts_with("HTTP/1.1 204"), "{answer}");
    }
}

impl Drop for EmulatorProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn a_push_against_a_faulty_server_fails_in_one_line_and_the_next_push_succeeds() {
    let emulator = EmulatorProcess::start("500-garbage");
    let dir = DataDir::new();
    // Faults hit the gateway endpoints only: the server can still be added.
    dir.run_stdin(
        &["server", "add", "prod", &emulator.base, "--token-stdin"],
        &format!("{TOKEN}\n"),
    )
    .ok();
    // Flow 1 is one of the schemas `textgate-cli emulator` starts with.
    let id = id_of(&create_profile(
        &dir,
        "Sales",
        &["--flow", "1", "--server", "prod"],
    ));
    let cases = [
        ("500-garbage", "failed (HTTP 500"),
        ("html-200", "not like a Webitel API"),
        ("truncated-json", "not like a Webitel API"),
        ("401", "refused the access token"),
        ("reset", "Cannot reach"),
        ("huge", "larger than 16 MiB"),
        ("not-a-gateway", "not a gateway"),
    ];
    for (kind, cause) in cases {
        if kind != "500-garbage" {
            emulator.control("PUT", &format!(r#"{{"kind":"{kind}"}}"#));
        }
        let before = dir.run(&["--json", "profiles", "show", &id]).json();
        let push = dir.run(&["profiles", "push", &id]);
        let line = push.failure_line();
        assert!(
            line.starts_with("error: ") && line.contains("127.0.0.1") && line.contains(cause),
            "{kind}: {line}"
        );
        let after = dir.run(&["--json", "profiles", "show", &id]).json();
        assert_eq!(after, before, "{kind}: the profile is untouched");
        assert_eq!(after["syncState"], "localOnly", "{kind}");
    }

    emulator.control("DELETE", "");
    let pushed = dir.run(&["profiles", "push", &id]);
    assert!(
        pushed
            .ok()
            .starts_with("Created \u{201c}Sales\u{201d} on prod"),
        "{pushed:#?}"
    );
    let synced = dir.run(&["--json", "profiles", "show", &id]).json();
    assert_eq!(synced["syncState"], "inSync");
}

#[test]
fn an_unknown_fault_is_a_usage_error() {
    let dir = DataDir::new();
    let run = dir.run(&["emulator", "--port", "0", "--fault", "melt"]);
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(run.stderr.contains("not a fault"), "{run:#?}");
}
