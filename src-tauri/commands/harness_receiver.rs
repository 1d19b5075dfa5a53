//! The app's one local receiver (issue D): started for a profile (its secret checks the
//! signatures, core checks the answer), run as core's receiver session (`receiver_feed`, the
//! same loop as `textgate-cli listen`): each request stored in the history (a transaction per
//! batch of arrivals) and the newest streamed to the UI over a Tauri channel, at most
//! [`LIVE_WINDOW`] at a time with the count of those passed over and of those the history could
//! not keep; stopped explicitly or replaced by the next start.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};
use textgate_core::harness::receiver::{self, AnswerPlan, ReceivedRequest, ReceiverAnswer};
use textgate_core::harness::receiver_feed::{self, LiveBatch, LIVE_WINDOW};
use ts_rs::TS;

use crate::contract::ipc_command;
use crate::error::{IpcError, IpcResult};
use crate::state::{ActiveReceiver, AppState};

/// How long requests in flight may take to get their answers on stop.
const STOP_GRACE: Duration = Duration::from_secs(2);

/// How the receiver answers every request.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnswerSpec {
    pub status: u16,
    pub body: String,
    pub delay_ms: u32,
    /// Which requests get that answer (core checks it); none answers every one normally.
    #[serde(default)]
    #[ts(optional)]
    pub plan: Option<PlanSpec>,
}

/// A receiver that fails on purpose (core's `AnswerPlan`).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum PlanSpec {
    Normal,
    /// The first `count` requests get `status`, then the answer above.
    FailFirst {
        count: u32,
        status: u16,
    },
    /// A share of `percent` in 100 fails with 500, drawn from `seed`.
    FailRate {
        percent: u8,
        #[ts(type = "number")]
        seed: u64,
    },
    /// Each connection is closed without an answer.
    Drop,
    /// No answer until the receiver stops.
    Hang,
}

impl From<PlanSpec> for AnswerPlan {
    fn from(plan: PlanSpec) -> Self {
        match plan {
            PlanSpec::Normal => AnswerPlan::Normal,
            PlanSpec::FailFirst { count, status } => AnswerPlan::FailFirst { count, status },
            PlanSpec::FailRate { percent, seed } => AnswerPlan::FailRate { percent, seed },
            PlanSpec::Drop => AnswerPlan::Drop,
            PlanSpec::Hang => AnswerPlan::Hang,
        }
    }
}

/// The running receiver, as the UI shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReceiverInfo {
    /// `http://127.0.0.1:PORT/path`: usable as the profile's callback URL.
    pub url: String,
    pub profile_id: String,
}

/// Starts (or restarts) the receiver on `port` (0 = any free one) for `profile_id`.
#[ipc_command]
pub async fn start_receiver<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    profile_id: String,
    port: u16,
    path: String,
    answer: AnswerSpec,
    on_request: Channel<LiveBatch>,
) -> IpcResult<ReceiverInfo> {
    let config = state.workspace()?.harness().receiver_config(
        &profile_id,
        port,
        &path,
        ReceiverAnswer {
            status: answer.status,
            body: answer.body,
            delay: Duration::from_millis(answer.delay_ms.into()),
            plan: answer.plan.map(AnswerPlan::from).unwrap_or_default(),
        },
    )?;
    let mut slot = state.receiver.lock().await;
    if let Some(previous) = slot.take() {
        previous.stop(STOP_GRACE).await;
    }
    let (running, live) = receiver::start(config).await.map_err(|error| {
        tracing::warn!(target: "textgate::receiver", port, %error, "receiver could not start");
        IpcError::receiver_port(port, &error)
    })?;
    let url = running.url();
    let (owner, receiver_url) = (profile_id.clone(), url.clone());
    // A failed write reaches the live feed (`notRecorded`, `historyError`) and the log.
    let store = move |requests: &[ReceivedRequest]| {
        let state = app.state::<AppState>();
        // The receiver only starts with a workspace, and the app's never goes away.
        let Ok(workspace) = state.workspace() else {
            return Ok(Vec::new());
        };
        workspace
            .harness()
            .record_received_batch(Some(&owner), &receiver_url, requests)
    };
    let forward = tauri::async_runtime::spawn(receiver_feed::follow(
        live,
        LIVE_WINDOW,
        store,
        move |batch| {
            // The window may be gone or reloaded; the entries are in the history either way.
            let _ = on_request.send(batch);
        },
    ));
    *slot = Some(ActiveReceiver {
        running,
        profile_id: profile_id.clone(),
        forward,
    });
    Ok(ReceiverInfo { url, profile_id })
}

#[ipc_command]
pub async fn stop_receiver(state: State<'_, AppState>) -> IpcResult<()> {
    if let Some(active) = state.receiver.lock().await.take() {
        active.stop(STOP_GRACE).await;
    }
    Ok(())
}

/// The receiver that is running, if any (the tab reopened, or another profile's).
#[ipc_command]
pub async fn receiver_status(state: State<'_, AppState>) -> IpcResult<Option<ReceiverInfo>> {
    Ok(state
        .receiver
        .lock()
        .await
        .as_ref()
        .map(|active| ReceiverInfo {
            url: active.running.url(),
            profile_id: active.profile_id.clone(),
        }))
}
