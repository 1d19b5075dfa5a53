//! The daily log files: one per day and program (`textgate-app.2026-12-01.log`), the last
//! [`KEPT_FILES`] kept, in a folder only the user can read (the lines name servers, users and
//! profiles, though never a secret).

use std::path::Path;

use tracing_appender::non_blocking::{NonBlocking, WorkerGuard};
use tracing_appender::rolling::{RollingFileAppender, Rotation};

/// How many daily files of each program stay; older ones are removed when a file is opened.
pub const KEPT_FILES: usize = 14;

/// Opens today's file in `dir` (created if missing) behind a non-blocking writer.
pub(crate) fn open(dir: &Path, prefix: &str) -> std::io::Result<(NonBlocking, WorkerGuard)> {
    create_private_dir(dir)?;
    let appender = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix(prefix)
        .filename_suffix("log")
        .max_log_files(KEPT_FILES)
        .build(dir)
        .map_err(std::io::Error::other)?;
    Ok(tracing_appender::non_blocking(appender))
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(dir)
    }
}
