//! Every failure a command returns is logged where a `CoreError` becomes the IPC error: with
//! its code and its causes, in the log file the app writes.

use textgate_app::error::IpcError;
use textgate_core::CoreError;
use textgate_logging::{LevelFilter, LogOptions};

#[test]
fn a_core_error_crossing_ipc_is_logged_with_its_code_and_cause() {
    let dir = tempfile::tempdir().unwrap();
    let (subscriber, guard) = textgate_logging::subscriber(&LogOptions {
        dir: Some(dir.path().to_path_buf()),
        file_prefix: "textgate-app",
        stderr: false,
        level: LevelFilter::INFO,
    });
    let error = CoreError::DataDir {
        path: "/nowhere/textgate".into(),
        source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, "access denied"),
    };
    let ipc: IpcError = tracing::subscriber::with_default(subscriber, || error.into());
    assert_eq!(ipc.code, "data_dir");
    drop(guard);
    let file = std::fs::read_dir(dir.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    let log = std::fs::read_to_string(file.path()).unwrap();
    assert!(
        log.contains(
            "WARN textgate::ipc: command failed code=data_dir error=Could not open the data folder /nowhere/textgate: access denied"
        ),
        "{log}"
    );
}
