//! Everything Textgate speaks to a Webitel server's admin API: the wire shapes, the HTTP
//! client, and an emulator of the same API for tests and offline demos.

pub mod access;
mod call_log;
pub mod client;
pub mod client_error;
pub mod client_gateways;
pub mod login;
pub mod mapping;
pub mod redact;
pub mod wire;
