//! The integration harness (issue D): what lets an admin prove both directions of a gateway
//! from Textgate. The receiver stands in for the client's chat service at the callback URL.

pub mod receiver;
