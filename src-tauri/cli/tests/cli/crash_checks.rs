//! The kill -9 test's plumbing: a seeded random stream, running a `textgate-cli` process with
//! a SIGKILL after a delay, and the checks of the data folder after each kill.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::Duration;

use textgate_core::store::{database_path, SCHEMA_VERSION};

/// SplitMix64: a reproducible stream of delays from a seed printed on failure.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A fraction in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn spawn(dir: &Path, args: &[String]) -> Child {
    crate::support::cli_at(dir)
        .args(args)
        .stdin(Stdio::null())
        .spawn()
        .unwrap()
}

/// What a run printed, and whether the kill came before it exited.
pub struct Outcome {
    pub killed: bool,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    /// The command's JSON answer, when it printed all of it (its report of success).
    pub fn reported(&self) -> Option<serde_json::Value> {
        serde_json::from_str(&self.stdout).ok()
    }
}

/// Runs `args` in `dir`, sending SIGKILL after `delay` (`None`: lets it finish).
pub fn run(dir: &Path, args: &[String], delay: Option<Duration>) -> Outcome {
    let mut child = spawn(dir, args);
    if let Some(delay) = delay {
        std::thread::sleep(delay);
    }
    // `try_wait` before the kill tells a finished process from a killed one.
    let finished = child.try_wait().unwrap().is_some();
    if delay.is_some() && !finished {
        child.kill().unwrap();
    }
    let output = child.wait_with_output().unwrap();
    Outcome {
        killed: !output.status.success() && output.status.code().is_none(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

pub fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|arg| arg.to_string()).collect()
}

/// What the processes reported, to be checked against the file after every kill.
#[derive(Default)]
pub struct Reported {
    pub saved: BTreeSet<String>,
    pub pushed: BTreeSet<String>,
}

/// The file passes SQLite's own check, is on the latest schema, holds every reported profile
/// and links every reported push. Returns the number of profile rows.
pub fn check_file(dir: &Path, reported: &Reported, context: &str) -> usize {
    let conn = rusqlite::Connection::open(database_path(dir)).unwrap();
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(integrity, ["ok"], "{context}");
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION, "{context}");
    let mut rows = conn
        .prepare("SELECT id, remote_id IS NOT NULL FROM profiles")
        .unwrap();
    let profiles: Vec<(String, bool)> = rows
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let present: BTreeSet<&String> = profiles.iter().map(|(id, _)| id).collect();
    let linked: BTreeSet<&String> = profiles
        .iter()
        .filter(|(_, linked)| *linked)
        .map(|(id, _)| id)
        .collect();
    for id in &reported.saved {
        assert!(present.contains(id), "{context}: saved profile {id} lost");
    }
    for id in &reported.pushed {
        assert!(
            linked.contains(id),
            "{context}: pushed profile {id} unlinked"
        );
    }
    profiles.len()
}

/// The next open after a kill: an ordinary command must work and list every reported profile.
pub fn reopen(dir: &Path, reported: &Reported, context: &str) {
    let listed = run(dir, &strings(&["--json", "profiles", "list"]), None);
    let listed = listed
        .reported()
        .unwrap_or_else(|| panic!("{context}: next open failed: {}", listed.stderr));
    let ids: BTreeSet<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|profile| profile["id"].as_str().unwrap())
        .collect();
    for id in &reported.saved {
        assert!(ids.contains(id.as_str()), "{context}: {id} not listed");
    }
}

/// Every reported profile still has its secret in the keychain. Returns how many of the
/// profiles that were never reported lack theirs, and how many there are.
pub fn check_secrets(dir: &Path, reported: &Reported, seed: u64) -> usize {
    let listed = run(dir, &strings(&["--json", "profiles", "list"]), None)
        .reported()
        .unwrap();
    let mut unreported = 0;
    for profile in listed.as_array().unwrap() {
        let id = profile["id"].as_str().unwrap();
        let shown = run(dir, &strings(&["--json", "profiles", "show", id]), None);
        let state = shown.reported().unwrap()["secretState"].clone();
        // Secrets go to the keychain before the rows of new profiles (saved or pulled), so
        // no kill leaves a listed profile without one, reported or not.
        let was_reported = reported.saved.contains(id);
        assert_eq!(
            state, "stored",
            "seed {seed}: {id} (reported saved: {was_reported}) has no secret"
        );
        unreported += usize::from(!was_reported);
    }
    unreported
}
