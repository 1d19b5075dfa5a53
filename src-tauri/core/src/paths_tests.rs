//! Unit tests of `paths.rs`.

use super::*;

#[test]
fn a_chosen_data_dir_keeps_its_logs_inside() {
    let dir = PathBuf::from("/tmp/textgate-explicit");
    assert_eq!(resolve_log_dir(Some(dir.clone())), Some(dir.join("logs")));
}

#[test]
fn default_dir_ends_with_the_app_identifier() {
    if let Some(dir) = default_data_dir() {
        assert!(dir.ends_with(APP_IDENTIFIER), "{}", dir.display());
    }
}

/// The only test here that sets the variable (the others pass an explicit dir).
#[test]
fn the_app_resolves_textgate_data_dir_as_the_cli_does() {
    let elsewhere = || Some(PathBuf::from("/elsewhere"));
    std::env::set_var(DATA_DIR_ENV, "/tmp/textgate-env");
    assert_eq!(app_data_dir(elsewhere), PathBuf::from("/tmp/textgate-env"));
    assert_eq!(
        resolve_data_dir(None),
        Some(PathBuf::from("/tmp/textgate-env"))
    );
    // Set but empty means unset: the OS app-data dir.
    std::env::set_var(DATA_DIR_ENV, "");
    let os_dir = default_data_dir();
    assert_eq!(resolve_data_dir(None), os_dir);
    assert_eq!(
        app_data_dir(elsewhere),
        os_dir.unwrap_or_else(|| PathBuf::from("/elsewhere"))
    );
    std::env::remove_var(DATA_DIR_ENV);
}

#[test]
fn an_explicit_dir_wins() {
    let dir = PathBuf::from("/tmp/textgate-explicit");
    assert_eq!(resolve_data_dir(Some(dir.clone())), Some(dir));
}
