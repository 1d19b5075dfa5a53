//! What a server has, beside what this computer has: every gateway of the server (the custom
//! ones Textgate can link and pull; the other providers — Telegram, Viber, Meta, Infobip… —
//! shown read-only under their provider's name), each custom one linked to its local profile or
//! not, and the local profiles of that server whose gateway the server no longer has. Read
//! without the gateways' metadata, so no secret (ours or another provider's token) is in it.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use ts_rs::TS;

use super::Servers;
use crate::error::Result;
use crate::profile::FlowRef;
use crate::sync_state::SyncContent;
use crate::webitel::client_gateways::is_custom;
use crate::webitel::wire::Bot;

/// One custom gateway on a server (`gateways list`). Never carries the app secret or the callback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RemoteGateway {
    /// The gateway id on the server.
    pub id: i64,
    pub name: String,
    pub uri: String,
    pub enabled: bool,
    pub flow: Option<FlowRef>,
    /// The server's `updated_at` (milliseconds since the epoch, as Webitel sends it).
    pub updated_at: Option<i64>,
    /// The local profile linked to this gateway, if it was pushed or pulled here.
    pub profile_id: Option<String>,
}

/// A server's gateways as its own admin lists them, with what this computer has of each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ServerGateways {
    pub server_id: String,
    pub server_name: String,
    /// Every gateway of the server, in the server's order.
    pub gateways: Vec<ServerGateway>,
    /// Local profiles linked to a gateway the server no longer has. Only known from a full
    /// listing: empty when the listing was narrowed by a search.
    pub missing: Vec<MissingProfile>,
}

/// One gateway on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ServerGateway {
    /// Its id on the server.
    pub id: i64,
    pub name: String,
    pub uri: String,
    /// `custom`, `telegram`, `gotd`, `viber`, `messenger`, `webchat`, `infobip_whatsapp`, …
    pub provider: String,
    pub enabled: bool,
    pub flow: Option<FlowRef>,
    /// The server's `updated_at` (milliseconds since the epoch).
    pub updated_at: Option<i64>,
    /// A custom gateway: Textgate can link and pull it. Another provider's is read-only here.
    pub custom: bool,
    /// The local profile linked to it, if any.
    pub profile: Option<LinkedProfile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LinkedProfile {
    pub id: String,
    pub name: String,
}

/// A local profile whose gateway is gone from its server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MissingProfile {
    pub profile_id: String,
    pub name: String,
    pub uri: String,
    /// The gateway id it was linked to.
    pub remote_id: i64,
}

impl Servers<'_> {
    /// Every gateway of the server (every page of the listing), custom ones marked linked or
    /// not, and the local profiles whose gateway is gone. `query` is the server's own search
    /// (`q`); with it, nothing can be said about missing gateways.
    pub async fn gateways_on_server(
        self,
        server_id_or_name: &str,
        query: Option<&str>,
    ) -> Result<ServerGateways> {
        let server = self.find(server_id_or_name)?;
        let query = query.map(str::trim).filter(|q| !q.is_empty());
        let bots = self.ws.client_for(&server)?.list_all_bots(query).await?;
        let local = self.ws.store().profiles_on_server(&server.id)?;
        let linked: HashMap<i64, LinkedProfile> = local
            .iter()
            .filter_map(|profile| {
                let link = LinkedProfile {
                    id: profile.id.clone(),
                    name: profile.name.clone(),
                };
                Some((profile.remote_id?, link))
            })
            .collect();
        let gateways: Vec<ServerGateway> = bots
            .iter()
            .filter_map(|bot| gateway_of(bot, &linked))
            .collect();
        let on_server: HashSet<i64> = gateways.iter().map(|gateway| gateway.id).collect();
        let missing = match query {
            Some(_) => Vec::new(),
            None => local
                .into_iter()
                .filter_map(|profile| {
                    let remote_id = profile.remote_id.filter(|id| !on_server.contains(id))?;
                    Some(MissingProfile {
                        profile_id: profile.id,
                        name: profile.name,
                        uri: profile.uri,
                        remote_id,
                    })
                })
                .collect(),
        };
        Ok(ServerGateways {
            server_id: server.id,
            server_name: server.name,
            gateways,
            missing,
        })
    }

    /// Every custom gateway of the server, optionally filtered by the server's `q` search.
    pub async fn list_remote_gateways(
        self,
        server_id_or_name: &str,
        query: Option<&str>,
    ) -> Result<Vec<RemoteGateway>> {
        let view = self.gateways_on_server(server_id_or_name, query).await?;
        Ok(view
            .gateways
            .into_iter()
            .filter(|gateway| gateway.custom)
            .map(|gateway| RemoteGateway {
                id: gateway.id,
                name: gateway.name,
                uri: gateway.uri,
                enabled: gateway.enabled,
                flow: gateway.flow,
                updated_at: gateway.updated_at,
                profile_id: gateway.profile.map(|profile| profile.id),
            })
            .collect())
    }
}

/// The view of one listed gateway (one without an id is no gateway, and is left out).
fn gateway_of(bot: &Bot, linked: &HashMap<i64, LinkedProfile>) -> Option<ServerGateway> {
    let id = bot.id?;
    let custom = is_custom(bot);
    let content = SyncContent::of_bot(bot);
    Some(ServerGateway {
        id,
        name: content.name,
        uri: content.uri,
        provider: if bot.provider.is_empty() {
            "custom".into()
        } else {
            bot.provider.clone()
        },
        enabled: content.enabled,
        flow: content.flow,
        updated_at: bot.updated_at,
        custom,
        profile: linked.get(&id).filter(|_| custom).cloned(),
    })
}

#[cfg(test)]
#[path = "remote_tests.rs"]
mod tests;
