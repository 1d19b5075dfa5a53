//! IPC commands, grouped by concern. Each one is a thin call into core through [`AppState`];
//! they run off the main thread (`async`) because keychain calls may block.
//!
//! A command is declared once: its function here with `#[ipc_command]` (or
//! `#[ipc_command(async)]`, passed on to `#[tauri::command]`) and its entry in the
//! `ipc_commands!` list in `lib.rs`; `make bindings` then writes the UI's typed call
//! (`ui/src/bindings/commands.ts`), and the bindings test fails until it is regenerated.
//!
//! [`AppState`]: crate::state::AppState

pub mod about;
pub mod app;
pub mod bulk;
pub mod harness;
pub mod harness_agent;
pub mod harness_curl;
pub mod harness_receiver;
pub mod harness_scenarios;
pub mod profiles;
pub mod servers;
pub mod settings;
pub mod sync;
pub mod templates;
pub mod transfer;
pub mod updates;
pub mod values;
