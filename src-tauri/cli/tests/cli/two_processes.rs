//! The app and the CLI (here: two CLI processes) on one data folder at the same instant. Both
//! open a fresh folder, migrate it and save a profile: each must succeed, with no "database
//! is locked" and no migration error, and both profiles must be there afterwards.

use std::process::{Output, Stdio};

use crate::support::{cli_at, create_args, DataDir};

/// Starts `profiles create --json` for `name` in `dir` without waiting for it.
fn spawn_create(dir: &DataDir, name: &str) -> std::process::Child {
    cli_at(dir.path())
        .args(create_args(name))
        .arg("--generate-secret")
        .stdin(Stdio::null())
        .spawn()
        .unwrap()
}

fn describe(output: &Output) -> String {
    format!(
        "exit {:?}, stdout {:?}, stderr {:?}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Fifty fresh folders, two processes started together on each: before the migration ran
/// under `BEGIN IMMEDIATE`, one of them regularly failed with "table profiles already exists".
#[test]
fn two_processes_saving_on_a_fresh_folder_at_once_both_succeed() {
    for round in 0..50 {
        let dir = DataDir::new();
        let children = [spawn_create(&dir, "First"), spawn_create(&dir, "Second")];
        for child in children {
            let output = child.wait_with_output().unwrap();
            assert!(
                output.status.success(),
                "round {round}: {}",
                describe(&output)
            );
        }
        let listed = dir.run(&["--json", "profiles", "list"]).json();
        let mut names: Vec<&str> = listed
            .as_array()
            .unwrap()
            .iter()
            .map(|profile| profile["name"].as_str().unwrap())
            .collect();
        names.sort_unstable();
        assert_eq!(names, ["First", "Second"], "round {round}");
    }
}
