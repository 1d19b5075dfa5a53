//! What the shells need to run the harness's long-lived parts for a saved profile: the
//! receiver's configuration (verifying with the profile's secret) and a burst aimed at the
//! profile's gateway. The app and the CLI only add their own progress display.

use super::Harness;
use crate::error::{CoreError, Result};
use crate::harness::burst::{self, BurstPlan, BurstProgress, BurstReport};
use crate::harness::receiver::{ReceiverAnswer, ReceiverConfig};
use crate::harness::receiver_session::check_answer;

/// How many chats a burst spreads over when not told (a realistic mix, not one hot chat).
pub const DEFAULT_BURST_CHATS: u32 = 10;

impl Harness<'_> {
    /// A receiver on 127.0.0.1:`port` at `path` that verifies with the profile's app secret,
    /// answering as `answer` says once [`check_answer`] accepts it (the app and the CLI alike).
    pub fn receiver_config(
        self,
        profile_id: &str,
        port: u16,
        path: &str,
        answer: ReceiverAnswer,
    ) -> Result<ReceiverConfig> {
        check_answer(&answer)?;
        let profile = self.ws.profiles().get(profile_id)?;
        let secret = self.ws.harness_secret(&profile)?;
        let path = match path.trim() {
            "" => "/",
            path => path,
        };
        Ok(ReceiverConfig {
            port,
            answer,
            secret,
            ..ReceiverConfig::new(path, "")
        })
    }

    /// `count` distinct signed messages to the profile's gateway (or `url`), `concurrency` at
    /// a time, spread over `chats` chats (default [`DEFAULT_BURST_CHATS`], at most `count`).
    pub async fn burst(
        self,
        profile_id: &str,
        count: u32,
        concurrency: u32,
        chats: Option<u32>,
        url: Option<&str>,
        progress: impl Fn(BurstProgress) + Send + Sync,
    ) -> Result<BurstReport> {
        let profile = self.ws.profiles().get(profile_id)?;
        let target = self.gateway_target(&profile, url)?;
        let secret = self.ws.harness_secret(&profile)?;
        let plan = BurstPlan {
            url: target,
            secret,
            count,
            concurrency,
            // Distinct per run, so chats of two bursts never mix in a transcript.
            chat_prefix: format!("burst-{:x}", crate::clock::now_millis()),
            chats: chats.unwrap_or(DEFAULT_BURST_CHATS.min(count.max(1))),
        };
        burst::run(&self.ws.harness_client(Some(&profile.id))?, plan, progress)
            .await
            .map_err(|error| CoreError::InvalidBurst(error.to_string()))
    }
}
