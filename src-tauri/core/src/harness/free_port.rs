//! A free loopback port next to a busy one, so "port 8790 is in use" comes with a next step
//! ("Use port 8791") rather than `os error 98`. Both front ends' receivers listen on
//! 127.0.0.1, so that is where a port is tried.

use std::net::{Ipv4Addr, TcpListener};

/// How many ports above (then below) the busy one are tried.
const TRIES: u16 = 20;

/// Whether listening failed because another program holds the port.
pub fn is_port_in_use(error: &std::io::Error) -> bool {
    error.kind() == std::io::ErrorKind::AddrInUse
}

/// The nearest port to `busy` that 127.0.0.1 can listen on right now (above it first), or
/// `None` when none of the next few is free. Never port 0, never a privileged port.
pub fn free_port_near(busy: u16) -> Option<u16> {
    let above = (1..=TRIES).filter_map(|step| busy.checked_add(step));
    let below = (1..=TRIES).filter_map(|step| busy.checked_sub(step));
    above
        .chain(below)
        .filter(|port| *port >= 1024)
        .find(|port| TcpListener::bind((Ipv4Addr::LOCALHOST, *port)).is_ok())
}

#[cfg(test)]
#[path = "free_port_tests.rs"]
mod tests;
