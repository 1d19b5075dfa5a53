//! The custom gateways as the server has them right now, for `gateways list`: a summary without
//! the secret (metadata is dropped here), linked to the local profile that tracks each one.

use serde::Serialize;

use super::Servers;
use crate::error::Result;
use crate::profile::FlowRef;
use crate::sync_state::SyncContent;

/// One custom gateway on a server. Never carries the app secret or the callback.
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

impl Servers<'_> {
    /// Every custom gateway of the server, optionally filtered by the server's `q` search.
    pub async fn list_remote_gateways(
        self,
        server_id_or_name: &str,
        query: Option<&str>,
    ) -> Result<Vec<RemoteGateway>> {
        let server = self.find(server_id_or_name)?;
        let bots = self.ws.client_for(&server)?.list_custom_bots(query).await?;
        let mut gateways = Vec::with_capacity(bots.len());
        for bot in bots {
            let Some(id) = bot.id else { continue };
            let profile_id = self
                .ws
                .store()
                .profile_by_remote(&server.id, id)?
                .map(|profile| profile.id);
            let content = SyncContent::of_bot(&bot);
            gateways.push(RemoteGateway {
                id,
                name: content.name,
                uri: content.uri,
                enabled: content.enabled,
                flow: content.flow,
                updated_at: bot.updated_at,
                profile_id,
            });
        }
        Ok(gateways)
    }
}
