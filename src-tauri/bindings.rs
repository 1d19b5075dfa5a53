//! The Rust types the UI sees over IPC, exported as TypeScript into `ui/src/bindings`, and the
//! typed commands over them (`commands.ts`, from the `#[ipc_command]` contracts).
//! A test (tests/bindings.rs) fails when the checked-in files differ from what this produces;
//! `UPDATE_BINDINGS=1 cargo test --test bindings` rewrites them.

use std::path::Path;

use ts_rs::{Config, ExportError, TS};

/// Writes every IPC type (and what it depends on) as one `.ts` file per type into `dir`, and
/// `commands.ts` with every command.
pub fn export_all(dir: &Path) -> Result<(), ExportError> {
    let cfg = Config::new().with_out_dir(dir).with_large_int("number");
    let contracts = crate::command_contracts();
    for named in crate::commands_ts::named_types(&contracts, &cfg).values() {
        (named.export)(&cfg)?;
    }
    let commands = crate::commands_ts::render(&contracts, &cfg).map_err(std::io::Error::other)?;
    std::fs::write(dir.join("commands.ts"), commands)?;
    // Not named by any command: the error every command rejects with, and the issue a
    // `FieldIssue` flattens (the UI renders it by its code).
    crate::error::IpcError::export_all(&cfg)?;
    textgate_core::Issue::export_all(&cfg)?;
    // The bulk runner's action and per-profile outcome (and the failure inside it), for the
    // registry's bulk bar, whichever commands come to carry them.
    textgate_core::BulkAction::export_all(&cfg)?;
    textgate_core::BulkOutcome::export_all(&cfg)?;
    // Not a type: the field table and the empty draft as constants.
    std::fs::write(
        dir.join(textgate_core::profile_exports::FILE_NAME),
        textgate_core::profile_exports::typescript(),
    )?;
    Ok(())
}
