//! `--yes` for the commands that act on several profiles: without it a pipe is refused with
//! nothing done, and a terminal is asked (and only "y" goes ahead).

use std::process::Command;

use crate::profile_bulk::list;
use crate::support::{create_local, create_on_prod, DataDir, WebitelServer};

#[test]
fn more_than_one_profile_without_yes_on_a_pipe_is_refused_and_nothing_is_done() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    create_on_prod(&dir, "Partner 1");
    create_on_prod(&dir, "Partner 2");
    dir.run(&["profiles", "push", "Partner 1"]).ok();

    for args in [
        vec!["profiles", "delete", "Partner 1", "Partner 2", "--remote"],
        vec!["profiles", "delete", "--match", "Part*"],
        vec!["profiles", "enable", "--server", "prod"],
        vec!["profiles", "push", "--match", "partner"],
    ] {
        let refused = dir.run(&args);
        let line = refused.failure_line();
        assert!(
            line.starts_with("error: 2 profiles selected and nothing done: add --yes"),
            "{line}"
        );
    }
    let (code, _) = dir
        .run(&["--json", "profiles", "disable", "--match", "*"])
        .json_error();
    assert_eq!(code, "usage");
    assert_eq!(list(&dir, &[]), ["Partner 1", "Partner 2"]);
    assert_eq!(list(&dir, &["--state", "enabled"]), Vec::<String>::new());
    assert_eq!(webitel.emulator().bots().len(), 1);
}

/// Runs the CLI under `script`, so its standard input is a terminal, typing `answer`.
fn on_a_terminal(dir: &DataDir, args: &[&str], answer: &str) -> std::process::Output {
    let mut line = vec![
        env!("CARGO_BIN_EXE_textgate-cli").to_string(),
        "--data-dir".into(),
        dir.path().to_str().unwrap().into(),
    ];
    line.extend(args.iter().map(|arg| format!("'{arg}'")));
    let mut child = Command::new("script")
        .args(["-q", "-e", "-c", &line.join(" "), "/dev/null"])
        .env_remove("TEXTGATE_TOKEN")
        .env_remove("TEXTGATE_DATA_DIR")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        // The prompt is written before the answer is read; a terminal buffers the line.
        std::thread::sleep(std::time::Duration::from_millis(500));
        stdin.write_all(answer.as_bytes()).unwrap();
    }
    child.wait_with_output().unwrap()
}

#[test]
fn on_a_terminal_the_command_asks_and_does_nothing_unless_told_yes() {
    let dir = DataDir::new();
    create_local(&dir, "Alpha");
    create_local(&dir, "Beta");

    let declined = on_a_terminal(&dir, &["profiles", "delete", "--match", "*"], "n\n");
    let shown = String::from_utf8_lossy(&declined.stdout).to_string();
    assert!(shown.contains("Delete 2 profiles? [y/N]"), "{declined:?}");
    assert!(shown.contains("Nothing done"), "{declined:?}");
    assert!(!declined.status.success());
    assert_eq!(list(&dir, &[]), ["Alpha", "Beta"]);

    let accepted = on_a_terminal(&dir, &["profiles", "delete", "--match", "*"], "y\n");
    let shown = String::from_utf8_lossy(&accepted.stdout).to_string();
    assert!(shown.contains("Delete 2 profiles? [y/N]"), "{accepted:?}");
    assert!(
        shown.contains("ok  Alpha") && shown.contains("ok  Beta"),
        "{accepted:?}"
    );
    assert!(accepted.status.success(), "{accepted:?}");
    assert!(list(&dir, &[]).is_empty());
}
