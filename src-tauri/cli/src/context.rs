//! Opens the same workspace the desktop app uses: the SQLite store in the data folder
//! (`--data-dir` > `TEXTGATE_DATA_DIR` > the app's OS data folder) and the OS keychain, with
//! `TEXTGATE_TOKEN` standing in for every stored server token when it is set.

use std::path::PathBuf;
use std::sync::Arc;

use textgate_core::paths::resolve_data_dir;
use textgate_core::{ErrorCode, KeyringStore, Sensitive, Store, Workspace};

use crate::error::{CliError, CliResult};
use crate::output::Output;

/// Used instead of every stored server token when set and non-empty (CI pipelines).
pub const TOKEN_ENV: &str = "TEXTGATE_TOKEN";

/// What every command works with.
pub struct Context {
    pub workspace: Workspace,
    pub out: Output,
}

impl Context {
    pub fn open(data_dir: Option<PathBuf>, out: Output) -> CliResult<Self> {
        let dir = resolve_data_dir(data_dir).ok_or_else(|| {
            CliError::new(
                ErrorCode::DataDir,
                "Cannot tell where the app keeps its data on this system: pass --data-dir or set TEXTGATE_DATA_DIR",
            )
        })?;
        let store = Store::open_in(&dir)?;
        let token = std::env::var(TOKEN_ENV)
            .ok()
            .map(|token| Sensitive::new(token.trim().to_string()));
        let workspace =
            Workspace::new(store, Arc::new(KeyringStore::new())).with_token_override(token);
        Ok(Self { workspace, out })
    }
}
