//! Textgate's one logging set-up, shared by the desktop app and the CLI (as GitButler does it):
//! `tracing` events filtered by `RUST_LOG` (else a level the caller picks), written as plain
//! lines to daily files in the log folder (the last [`KEPT_FILES`] kept) through a non-blocking
//! writer, and to stderr when asked (`textgate-cli -v`). A folder that cannot be written is
//! reported once on stderr and logging goes on without files: logging never stops the program.
//! The facts the About dialog shows (and `textgate-cli diagnostics` prints) live in
//! [`diagnostics`], beside the logs they help to read.

pub mod diagnostics;
mod files;

use std::io::IsTerminal;
use std::path::PathBuf;

pub use tracing::level_filters::LevelFilter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{fmt, EnvFilter, Layer, Registry};

pub use files::KEPT_FILES;

/// The environment variable that filters what is logged (`tracing`'s usual syntax).
pub const FILTER_ENV: &str = "RUST_LOG";

/// What to log where.
#[derive(Debug, Clone)]
pub struct LogOptions {
    /// Folder of the daily files; `None` writes no file.
    pub dir: Option<PathBuf>,
    /// Start of each file's name (`textgate-app`, `textgate-cli`): the app and the CLI keep
    /// their own 14 days in the same folder.
    pub file_prefix: &'static str,
    /// Also write every line to stderr.
    pub stderr: bool,
    /// The level when `RUST_LOG` is not set.
    pub level: LevelFilter,
}

/// Keeps the file writer's thread alive: hold it until the program ends, or the last lines
/// may be lost. Dropping it flushes what is queued.
#[must_use = "dropping the guard stops writing the log file"]
pub struct LogGuard {
    _file: Option<tracing_appender::non_blocking::WorkerGuard>,
    /// The file that receives the lines, when there is one.
    pub file_dir: Option<PathBuf>,
}

/// `-v` → info, `-vv` → debug, `-vvv` (or more) → trace; 0 → off.
pub fn level_for_verbosity(count: u8) -> LevelFilter {
    match count {
        0 => LevelFilter::OFF,
        1 => LevelFilter::INFO,
        2 => LevelFilter::DEBUG,
        _ => LevelFilter::TRACE,
    }
}

/// The subscriber `options` describe, and its guard; [`init`] installs it for the process.
pub fn subscriber(options: &LogOptions) -> (impl tracing::Subscriber + Send + Sync, LogGuard) {
    let file = options
        .dir
        .as_deref()
        .and_then(|dir| match files::open(dir, options.file_prefix) {
            Ok(opened) => Some((opened, dir.to_path_buf())),
            Err(error) => {
                eprintln!(
                    "warning: no log file: cannot write to {}: {error}",
                    dir.display()
                );
                None
            }
        });
    let (file_layer, guard, file_dir) = match file {
        Some(((writer, guard), dir)) => (
            Some(fmt::layer().with_ansi(false).with_writer(writer).boxed()),
            Some(guard),
            Some(dir),
        ),
        None => (None, None, None),
    };
    let stderr_layer = options.stderr.then(|| {
        fmt::layer()
            .with_ansi(std::io::stderr().is_terminal())
            .with_writer(std::io::stderr)
            .boxed()
    });
    let layers: Vec<Box<dyn Layer<Registry> + Send + Sync>> =
        file_layer.into_iter().chain(stderr_layer).collect();
    let subscriber = Registry::default()
        .with(layers)
        .with(filter(options.level))
        .with(payload_ceiling());
    (
        subscriber,
        LogGuard {
            _file: guard,
            file_dir,
        },
    )
}

/// Installs the subscriber for the whole process (and routes the `log` records of
/// dependencies into it). A second call leaves the first set-up in place.
pub fn init(options: &LogOptions) -> LogGuard {
    let (subscriber, guard) = subscriber(options);
    let _ = subscriber.try_init();
    guard
}

/// `RUST_LOG` when set (bad directives are skipped), else `level` for everything.
fn filter(level: LevelFilter) -> EnvFilter {
    EnvFilter::builder()
        .with_default_directive(level.into())
        .with_env_var(FILTER_ENV)
        .from_env_lossy()
}

/// Crates whose trace lines carry whole messages (D-Bus calls to the keychain hold the secret
/// being stored): they never log below debug, whatever `RUST_LOG` says.
fn payload_ceiling() -> tracing_subscriber::filter::Targets {
    tracing_subscriber::filter::Targets::new()
        .with_default(LevelFilter::TRACE)
        .with_target("zbus", LevelFilter::DEBUG)
        .with_target("secret_service", LevelFilter::DEBUG)
}

#[cfg(test)]
mod tests;
