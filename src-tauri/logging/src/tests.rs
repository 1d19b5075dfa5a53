use std::path::Path;

use textgate_core::Sensitive;

use super::*;

fn options(dir: &Path) -> LogOptions {
    LogOptions {
        dir: Some(dir.to_path_buf()),
        file_prefix: "textgate-test",
        stderr: false,
        level: LevelFilter::INFO,
    }
}

/// Everything the files in `dir` hold, after the guard has flushed them.
fn read_logs(dir: &Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        text.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    text
}

#[test]
fn lines_go_to_a_daily_file_and_debug_stays_out_at_info() {
    let dir = tempfile::tempdir().unwrap();
    let (subscriber, guard) = subscriber(&options(dir.path()));
    tracing::subscriber::with_default(subscriber, || {
        tracing::info!(path = "/api/userinfo", status = 200, "admin API call");
        tracing::debug!("a detail only -vv shows");
    });
    drop(guard);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(
        names[0].starts_with("textgate-test.") && names[0].ends_with(".log"),
        "{names:?}"
    );
    let text = read_logs(dir.path());
    assert!(
        text.contains("INFO") && text.contains("admin API call path=\"/api/userinfo\" status=200"),
        "{text}"
    );
    assert!(!text.contains("a detail"), "{text}");
}

#[test]
fn secrets_in_fields_are_written_redacted_by_their_type() {
    let dir = tempfile::tempdir().unwrap();
    let (subscriber, guard) = subscriber(&options(dir.path()));
    let token = Sensitive::new("tok-hunter2".to_string());
    tracing::subscriber::with_default(subscriber, || {
        tracing::info!(token = %token, also = ?token, "login");
    });
    drop(guard);
    let text = read_logs(dir.path());
    assert!(text.contains("token=<redacted> also=<redacted>"), "{text}");
    assert!(!text.contains("hunter2"), "{text}");
}

#[test]
fn only_the_last_fourteen_days_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    for day in 1..=20 {
        let name = format!("textgate-test.2026-10-{day:02}.log");
        std::fs::write(dir.path().join(name), "old\n").unwrap();
    }
    // Another program's files in the same folder are not counted or removed.
    std::fs::write(dir.path().join("textgate-cli.2026-10-01.log"), "cli\n").unwrap();
    let (_subscriber, guard) = subscriber(&options(dir.path()));
    drop(guard);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let ours = names
        .iter()
        .filter(|n| n.starts_with("textgate-test."))
        .count();
    assert_eq!(ours, KEPT_FILES, "{names:?}");
    assert!(
        names.iter().any(|n| n == "textgate-cli.2026-10-01.log"),
        "{names:?}"
    );
}

#[test]
fn an_unwritable_folder_means_no_file_and_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the folder should be: nothing can be created under it.
    let blocked = dir.path().join("not-a-folder");
    std::fs::write(&blocked, "x").unwrap();
    let (subscriber, guard) = subscriber(&options(&blocked.join("logs")));
    assert_eq!(guard.file_dir, None);
    tracing::subscriber::with_default(subscriber, || tracing::error!("still fine"));
    assert_eq!(std::fs::read_to_string(&blocked).unwrap(), "x");
}

#[test]
fn verbosity_maps_to_levels() {
    assert_eq!(level_for_verbosity(0), LevelFilter::OFF);
    assert_eq!(level_for_verbosity(1), LevelFilter::INFO);
    assert_eq!(level_for_verbosity(2), LevelFilter::DEBUG);
    assert_eq!(level_for_verbosity(3), LevelFilter::TRACE);
    assert_eq!(level_for_verbosity(9), LevelFilter::TRACE);
}
