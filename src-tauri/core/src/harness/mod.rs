//! The integration harness (issue D): what lets an admin prove both directions of a gateway
//! from Textgate. `delivery` is the one signed POST everything sends with (through `client`,
//! its one HTTP client); the receiver stands in for the client's chat service at the callback
//! URL.

pub mod burst;
pub mod client;
pub mod compose;
pub mod curl;
pub mod delivery;
pub mod free_port;
pub mod har;
pub mod history;
pub mod history_export;
pub mod history_page;
pub mod in_order;
pub mod outbound;
pub mod receiver;
pub mod receiver_feed;
pub mod receiver_plan;
mod receiver_serve;
pub mod receiver_session;
pub mod scenario_builtin;
pub mod scenario_override;
pub mod scenarios;
pub mod target;
