//! The runtime side of a custom gateway (issue D): the events the client's chat service and
//! Webitel POST to each other, encoded exactly as Webitel's Go server encodes them, and the
//! rules by which the server accepts an inbound event. The emulator, the sender and the
//! receiver are all built on these.

pub mod go_json;
pub mod inbound;
pub mod wire;
