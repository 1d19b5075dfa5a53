//! kill -9 at any moment of a save, a push, a pull or a first open: real `textgate-cli`
//! processes against the emulator, each killed with SIGKILL after a random part of its usual
//! lifetime. After every kill the next open must succeed, every profile whose save was
//! reported (its JSON printed) must still be there, every reported push must still be linked,
//! and the database file must pass `PRAGMA integrity_check`; at the end every reported profile
//! must still have its secret in the keychain. The figures (how many runs were killed, how many
//! saves died after their row was written) are printed for the record, not asserted.

use std::time::{Duration, Instant};

use crate::crash_checks::{check_file, check_secrets, reopen, run, strings, Reported, Rng};
use crate::support::{DataDir, WebitelServer, CALLBACK};

/// Kills in one run: enough for every phase of each command to be hit many times, within
/// about a minute on a loaded two-core machine.
const KILLS: usize = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Save,
    Push,
    Pull,
    /// The first open of a fresh folder (the migration).
    FirstOpen,
}

const OPS: [Op; 4] = [Op::Save, Op::Push, Op::Pull, Op::FirstOpen];

#[test]
fn kill_9_during_save_push_pull_and_first_open_loses_nothing_reported() {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    let mut rng = Rng(seed);
    let server = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &server);
    let mut reported = Reported::default();
    let mut created = 0usize;
    let save_args = |created: &mut usize| {
        *created += 1;
        strings(&[
            "--json",
            "profiles",
            "create",
            "--name",
            &format!("Gateway {created}"),
            "--callback",
            CALLBACK,
            "--generate-secret",
            "--server",
            "prod",
        ])
    };

    // How long each command usually lives here, from runs that are not killed (these also
    // give the pushes and pulls something to work on).
    let mut lifetime = [Duration::ZERO; 4];
    for _ in 0..3 {
        for (slot, op) in OPS.iter().enumerate() {
            let fresh = DataDir::new();
            let (target, args) = match op {
                Op::Save => (dir.path(), save_args(&mut created)),
                Op::Push => {
                    let id = reported.saved.iter().next_back().unwrap().clone();
                    (dir.path(), strings(&["--json", "profiles", "push", &id]))
                }
                Op::Pull => (
                    dir.path(),
                    strings(&["--json", "gateways", "pull", "--server", "prod"]),
                ),
                Op::FirstOpen => (fresh.path(), strings(&["--json", "profiles", "list"])),
            };
            let started = Instant::now();
            let outcome = run(target, &args, None);
            lifetime[slot] = lifetime[slot].max(started.elapsed());
            let answer = outcome
                .reported()
                .unwrap_or_else(|| panic!("{op:?} failed: {}", outcome.stderr));
            match op {
                Op::Save => {
                    reported.saved.insert(answer["id"].as_str().unwrap().into());
                }
                Op::Push => {
                    reported
                        .pushed
                        .insert(answer["profile"]["id"].as_str().unwrap().into());
                }
                Op::Pull | Op::FirstOpen => {}
            }
        }
    }

    let nothing = Reported::default();
    let mut killed = [0usize; 4];
    let mut finished = [0usize; 4];
    let mut rows_without_report = 0usize;
    for kill in 0..KILLS {
        let slot = rng.below(OPS.len());
        let op = OPS[slot];
        // Two kills in three aim at the second half of the run, where the writes are.
        let from = if rng.below(3) == 0 { 0.0 } else { 0.5 };
        let fraction = from + (1.1 - from) * rng.unit();
        let delay = lifetime[slot].mul_f64(fraction);
        let context = format!("seed {seed}, kill {kill}, {op:?} after {delay:?}");
        let fresh = DataDir::new();
        let target = if op == Op::FirstOpen {
            fresh.path()
        } else {
            dir.path()
        };
        let saved: Vec<&String> = reported.saved.iter().collect();
        let push_id = saved[rng.below(saved.len())].clone();
        let args = match op {
            Op::Save => save_args(&mut created),
            Op::Push => strings(&["--json", "profiles", "push", &push_id]),
            Op::Pull => strings(&["--json", "gateways", "pull", "--server", "prod"]),
            Op::FirstOpen => strings(&["--json", "profiles", "list"]),
        };
        let rows_before = check_file(dir.path(), &reported, &context);
        let outcome = run(target, &args, Some(delay));
        if outcome.killed {
            killed[slot] += 1;
        } else {
            finished[slot] += 1;
        }
        match (op, outcome.reported()) {
            (Op::Save, Some(answer)) => {
                reported.saved.insert(answer["id"].as_str().unwrap().into());
            }
            (Op::Push, Some(answer)) => {
                reported
                    .pushed
                    .insert(answer["profile"]["id"].as_str().unwrap().into());
            }
            (Op::Save, None) => {
                assert!(outcome.killed, "{context}: {}", outcome.stderr);
            }
            _ => {}
        }
        // Nothing a kill leaves behind makes the next command fail: a push killed between
        // "created on the server" and "recorded locally" is linked by URI on the next push.
        assert!(
            outcome.killed || outcome.reported().is_some(),
            "{context}: not killed but failed: {}",
            outcome.stderr
        );
        // A fresh folder has nothing reported in it.
        let expected = if op == Op::FirstOpen {
            &nothing
        } else {
            &reported
        };
        reopen(target, expected, &context);
        let rows_after = check_file(target, expected, &context);
        if op == Op::Save && outcome.reported().is_none() && rows_after > rows_before {
            rows_without_report += 1;
        }
    }
    let unreported = check_secrets(dir.path(), &reported, seed);
    eprintln!(
        "seed {seed}: {unreported} profiles never reported (saves killed late, pulls), \
         each with its secret in the keychain"
    );
    eprintln!(
        "seed {seed}: lifetimes {lifetime:?}; killed {killed:?}, finished {finished:?} \
         (save, push, pull, first open); {rows_without_report} saves killed after their row \
         was written"
    );
    let total_killed: usize = killed.iter().sum();
    assert!(
        total_killed >= KILLS / 4,
        "most runs finished before their kill: {killed:?} killed, {finished:?} finished"
    );
}
