//! What a token may do with gateways, from `GET /api/userinfo`, judged as chat_manager judges
//! it (`auth/auth.go` `CanAccess`, `bot/api.go`): the `scope` entry whose class is `chat_bots`
//! holds access letters, `x` create, `r` read, `w` update, `d` delete (a doubled letter also
//! lets the user grant it: webitel/engine `auth_manager.parseAccess`); the user-level
//! `permissions` `add`, `read`, `write` and `delete` bypass them. No `chat_bots` entry means
//! no license for gateways: everything is refused. A server that sends no `scope` says
//! nothing, and nothing is assumed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::wire::UserInfo;

/// The object class of text gateways.
pub const GATEWAY_CLASS: &str = "chat_bots";

/// What the token may do with gateways on its server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct GatewayPermissions {
    pub create: bool,
    pub read: bool,
    pub update: bool,
    pub delete: bool,
}

/// Each action with its access letter and its bypassing permission id.
const ACTIONS: [(char, &str); 4] = [('x', "add"), ('r', "read"), ('w', "write"), ('d', "delete")];

impl GatewayPermissions {
    /// From a userinfo answer; `None` when it has no `scope` at all (unknown).
    pub fn from_user_info(info: &UserInfo) -> Option<Self> {
        let scope = info.scope.as_ref()?;
        let letters = scope
            .iter()
            .find(|entry| entry.class == GATEWAY_CLASS)
            .map(|entry| entry.access.as_str());
        let Some(letters) = letters else {
            return Some(Self::default());
        };
        let granted = |(letter, bypass): (char, &str)| {
            letters.contains(letter) || info.permissions.iter().any(|p| p.id == bypass)
        };
        Some(Self {
            create: granted(ACTIONS[0]),
            read: granted(ACTIONS[1]),
            update: granted(ACTIONS[2]),
            delete: granted(ACTIONS[3]),
        })
    }

    /// As stored: Webitel's letters for what is allowed (`"xrwd"`, `"r"`, `""`).
    pub fn letters(&self) -> String {
        [self.create, self.read, self.update, self.delete]
            .iter()
            .zip(ACTIONS)
            .filter(|(allowed, _)| **allowed)
            .map(|(_, (letter, _))| letter)
            .collect()
    }

    /// Read back from [`letters`](Self::letters).
    pub fn from_letters(letters: &str) -> Self {
        Self {
            create: letters.contains('x'),
            read: letters.contains('r'),
            update: letters.contains('w'),
            delete: letters.contains('d'),
        }
    }
}

#[cfg(test)]
#[path = "access_tests.rs"]
mod tests;
