//! The workspace's entry points grouped by concern: `workspace.profiles()`, `.servers()`,
//! `.sync()`, `.harness()`, `.bulk()` and `.transfer()` each lend a small handle whose methods are that concern's
//! operations, so a caller's line names the part of the architecture it uses.

use super::Workspace;

/// Profiles in the local store: list, read, check, save, duplicate, start/stop, delete, lookup.
#[derive(Clone, Copy)]
pub struct Profiles<'a> {
    pub(super) ws: &'a Workspace,
}

/// Webitel servers: add, remove, test, flow schemas (`servers.rs`), log in again
/// (`server_login.rs`), edit (`server_edit.rs`), and what the server has beside the local
/// profiles (`remote.rs`).
#[derive(Clone, Copy)]
pub struct Servers<'a> {
    pub(super) ws: &'a Workspace,
}

/// Local profiles against their server: push, start/stop and delete on both sides, a conflict
/// kept whole (`sync.rs`); compare and resolve field by field (`conflict_resolve.rs`); pull a
/// server, picked gateways or one profile (`pull.rs`).
#[derive(Clone, Copy)]
pub struct ServerSync<'a> {
    pub(super) ws: &'a Workspace,
}

/// The test harness: send to a gateway, receive, history and replay, bursts, the emulator.
#[derive(Clone, Copy)]
pub struct Harness<'a> {
    pub(super) ws: &'a Workspace,
}

/// One action over many profiles, each with its own outcome (`bulk.rs`).
#[derive(Clone, Copy)]
pub struct Bulk<'a> {
    pub(super) ws: &'a Workspace,
}

/// Profiles to and from another machine: export, read, preview and apply an import
/// (`transfer.rs`).
#[derive(Clone, Copy)]
pub struct Transfer<'a> {
    pub(super) ws: &'a Workspace,
}

impl Workspace {
    pub fn profiles(&self) -> Profiles<'_> {
        Profiles { ws: self }
    }

    pub fn servers(&self) -> Servers<'_> {
        Servers { ws: self }
    }

    pub fn sync(&self) -> ServerSync<'_> {
        ServerSync { ws: self }
    }

    pub fn harness(&self) -> Harness<'_> {
        Harness { ws: self }
    }

    pub fn bulk(&self) -> Bulk<'_> {
        Bulk { ws: self }
    }

    pub fn transfer(&self) -> Transfer<'_> {
        Transfer { ws: self }
    }
}
