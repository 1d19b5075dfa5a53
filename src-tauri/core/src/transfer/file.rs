//! The export file on disk: read with a size bound (an export is text, not a dump), written
//! private to the user when it holds secrets.

use std::io::Write;
use std::path::Path;

use crate::error::{CoreError, Result};

/// The largest file an import reads: far beyond thousands of profiles.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

pub fn read_export(path: &Path) -> Result<String> {
    let failed = |source: std::io::Error| CoreError::TransferFile {
        path: path.display().to_string(),
        action: "read",
        source,
    };
    let size = std::fs::metadata(path).map_err(failed)?.len();
    if size > MAX_FILE_BYTES {
        return Err(CoreError::TransferFormat(format!(
            "This file is not a Textgate profile export: it is {size} bytes, more than \
             {MAX_FILE_BYTES}"
        )));
    }
    let bytes = std::fs::read(path).map_err(failed)?;
    String::from_utf8(bytes).map_err(|_| {
        CoreError::TransferFormat(
            "This file is not a Textgate profile export: it is not UTF-8 text".into(),
        )
    })
}

/// Writes `text` to `path` (replacing it), readable by the user alone when it holds secrets.
pub fn write_export(path: &Path, text: &str, private: bool) -> Result<()> {
    let failed = |source: std::io::Error| CoreError::TransferFile {
        path: path.display().to_string(),
        action: "write",
        source,
    };
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    let mut file = options.open(path).map_err(failed)?;
    file.write_all(text.as_bytes()).map_err(failed)?;
    file.sync_all().map_err(failed)
}
