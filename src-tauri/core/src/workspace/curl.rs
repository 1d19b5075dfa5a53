//! "Copy as cURL" for what the harness sends or sent (issue J): a history entry with its
//! stored bytes, what the Send form would send now and what the Webitel form would send now,
//! each signed exactly as a real send would be (the same target rule, secret and headers).

use super::Harness;
use crate::error::Result;
use crate::harness::curl::{render, CurlRequest};
use crate::harness::delivery::{signed_headers, Signing};
use crate::harness::outbound::AgentAction;

impl Harness<'_> {
    /// Entry `id` as a cURL command with its exact bytes (not the lossy text of a body that is
    /// not UTF-8).
    pub fn history_curl(self, id: i64) -> Result<String> {
        let stored = self.ws.store().history_request(id)?;
        Ok(render(&CurlRequest {
            method: stored.entry.method,
            url: stored.entry.url,
            headers: stored.entry.request_headers,
            body: stored.body,
        }))
    }

    /// The command [`Self::send_to_gateway`] would amount to, without sending.
    pub fn send_curl(
        self,
        profile_id: &str,
        body: Vec<u8>,
        signing: Signing,
        url: Option<&str>,
    ) -> Result<String> {
        let profile = self.ws.profiles().get(profile_id)?;
        let target = self.gateway_target(&profile, url)?;
        let secret = self.ws.harness_secret(&profile)?;
        let headers = signed_headers(secret.expose().as_bytes(), &body, signing);
        Ok(render(&CurlRequest {
            method: "POST".into(),
            url: target,
            headers,
            body,
        }))
    }

    /// The commands [`Self::emulate_webitel`] would amount to, one per body, in order.
    pub fn emulate_curl(
        self,
        profile_id: &str,
        action: &AgentAction,
        url: Option<&str>,
    ) -> Result<Vec<String>> {
        let plan = self.emulate_plan(profile_id, action, url)?;
        let secret = plan.secret.expose().as_bytes();
        Ok(plan
            .bodies
            .into_iter()
            .map(|body| {
                render(&CurlRequest {
                    method: "POST".into(),
                    url: plan.target.clone(),
                    headers: signed_headers(secret, &body, Signing::Correct),
                    body,
                })
            })
            .collect())
    }
}

#[cfg(test)]
#[path = "curl_tests.rs"]
mod tests;
