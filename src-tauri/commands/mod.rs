//! IPC commands, grouped by concern. Each one is a thin call into core through [`AppState`];
//! they run off the main thread (`async`) because keychain calls may block.
//!
//! [`AppState`]: crate::state::AppState

pub mod about;
pub mod app;
pub mod harness;
pub mod harness_agent;
pub mod harness_receiver;
pub mod profiles;
pub mod servers;
pub mod settings;
pub mod sync;
pub mod templates;
pub mod updates;
pub mod values;
