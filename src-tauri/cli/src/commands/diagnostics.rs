//! `textgate-cli diagnostics`: the facts a bug report needs, as the same text the app's
//! "Copy diagnostics" gives (or JSON with `--json`). It opens nothing and writes nothing: the
//! folders are where this command line would keep its data and logs.

use std::path::PathBuf;

use textgate_core::paths::{resolve_data_dir, resolve_log_dir};
use textgate_core::secrets::{keychain_problem, KEYCHAIN_BACKEND};
use textgate_core::KeyringStore;
use textgate_logging::diagnostics::{Diagnostics, Facts};

use crate::error::CliResult;
use crate::output::Output;

pub fn run(data_dir: Option<PathBuf>, out: &Output) -> CliResult {
    let shown = |dir: Option<PathBuf>| dir.map(|dir| dir.display().to_string());
    let diagnostics = Diagnostics::collect(Facts {
        program: "textgate-cli".into(),
        webview: None,
        keychain: KEYCHAIN_BACKEND.into(),
        keychain_error: keychain_problem(&KeyringStore::new()),
        data_dir: shown(resolve_data_dir(data_dir.clone())),
        log_dir: shown(resolve_log_dir(data_dir)),
    });
    if out.is_json() {
        out.json(&diagnostics);
    } else {
        out.raw(diagnostics.to_text().as_bytes());
    }
    Ok(())
}
