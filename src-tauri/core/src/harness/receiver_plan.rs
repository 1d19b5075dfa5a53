//! Receivers that fail on purpose: beyond its status, body and delay, a receiver can follow an
//! answer plan, so a sender's handling of failures can be tried the way real services fail.
//! Fail the first N requests with a status (500 by default) and then answer normally; fail a
//! share of requests at random, drawn from a seed (the same seed gives the same pattern, run
//! after run: PCG-64 from `rand_pcg`, whose output is fixed by its specification); close the
//! connection without an answer; or never answer at all (until the receiver stops).
//!
//! The [`Planner`] decides each request on the receiver's path in arrival order (the receiver
//! calls it under its log's lock, so the n-th request is the n-th decision), and [`Answered`]
//! says what that request got, for the log, the history and the CLI's lines.

use std::ops::RangeInclusive;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use rand_pcg::rand_core::{Rng, SeedableRng};
use rand_pcg::Pcg64;
use serde::Serialize;
use tokio::sync::watch;

use super::receiver_serve::DropConnection;

/// The statuses a receiver can answer with. hyper (under the receiver) cannot send a 1xx as a
/// final answer: it sends a 500 instead (and 101 switches protocols), so 1xx is refused here
/// rather than logged as answered.
pub const ANSWER_STATUSES: RangeInclusive<u16> = 200..=599;

/// The status a failing plan answers with unless told otherwise.
pub const DEFAULT_FAIL_STATUS: u16 = 500;
/// The body of an answer failed on purpose.
pub const FAIL_BODY: &str = "{\"error\":\"textgate receiver: failing on purpose\"}";

/// How the receiver answers every request on its path.
#[derive(Debug, Clone)]
pub struct ReceiverAnswer {
    pub status: u16,
    pub body: String,
    pub delay: Duration,
    /// Which requests get that answer, and what the others get.
    pub plan: AnswerPlan,
}

impl Default for ReceiverAnswer {
    fn default() -> Self {
        Self {
            status: 200,
            body: "{\"success\":true}".into(),
            delay: Duration::ZERO,
            plan: AnswerPlan::Normal,
        }
    }
}

/// How the receiver answers the requests on its path, beyond its status, body and delay.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum AnswerPlan {
    /// Every request gets the configured answer.
    #[default]
    Normal,
    /// The first `count` requests get `status`, later ones the configured answer.
    FailFirst { count: u32, status: u16 },
    /// Each request fails with 500 with a chance of `percent` in 100, drawn from `seed`.
    FailRate { percent: u8, seed: u64 },
    /// The connection is closed without an answer (after the delay).
    Drop,
    /// No answer ever: the request waits until the sender gives up or the receiver stops.
    Hang,
}

/// What one request was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Answered {
    /// An HTTP answer with this status.
    Status(u16),
    /// The connection was closed without an answer.
    Dropped,
    /// No answer was given (the receiver kept it waiting).
    Hung,
}

impl Answered {
    /// The status, when an HTTP answer was given.
    pub fn status(self) -> Option<u16> {
        match self {
            Answered::Status(status) => Some(status),
            Answered::Dropped | Answered::Hung => None,
        }
    }

    /// `"status"`, `"dropped"` or `"hung"`.
    pub fn kind(self) -> &'static str {
        match self {
            Answered::Status(_) => "status",
            Answered::Dropped => "dropped",
            Answered::Hung => "hung",
        }
    }
}

/// The one check of a plan (through `receiver_session::check_answer`); the error says why.
pub fn check_plan(plan: &AnswerPlan) -> Result<(), String> {
    match *plan {
        AnswerPlan::FailFirst { count: 0, .. } => {
            Err("Fail the first 0 requests fails none: give 1 or more, or answer normally".into())
        }
        AnswerPlan::FailFirst { status, .. }
            if !ANSWER_STATUSES.contains(&status) || (200..300).contains(&status) =>
        {
            Err(format!(
                "{status} is not a failing status: give one from 300 to {}",
                ANSWER_STATUSES.end()
            ))
        }
        AnswerPlan::FailRate { percent, .. } if percent > 100 => Err(format!(
            "{percent} % is more than all requests: give a share from 1 to 100"
        )),
        AnswerPlan::FailRate { percent: 0, .. } => {
            Err("A share of 0 % fails none: give 1 to 100, or answer normally".into())
        }
        _ => Ok(()),
    }
}

/// A plan in motion: how many requests it has decided and its seeded generator.
#[derive(Debug)]
pub(super) struct Planner {
    plan: AnswerPlan,
    decided: u64,
    draws: Option<Pcg64>,
}

impl Planner {
    pub(super) fn new(plan: &AnswerPlan) -> Self {
        let draws = match *plan {
            AnswerPlan::FailRate { seed, .. } => Some(Pcg64::seed_from_u64(seed)),
            _ => None,
        };
        Self {
            plan: plan.clone(),
            decided: 0,
            draws,
        }
    }

    /// What the next request on the path gets, when its normal answer is `status`.
    pub(super) fn next(&mut self, status: u16) -> Answered {
        self.decided += 1;
        match self.plan {
            AnswerPlan::Normal => Answered::Status(status),
            AnswerPlan::FailFirst {
                count,
                status: failing,
            } => Answered::Status(if self.decided <= u64::from(count) {
                failing
            } else {
                status
            }),
            AnswerPlan::FailRate { percent, .. } => {
                let draw = self.draws.as_mut().map_or(0, percentile);
                Answered::Status(if draw < percent {
                    DEFAULT_FAIL_STATUS
                } else {
                    status
                })
            }
            AnswerPlan::Drop => Answered::Dropped,
            AnswerPlan::Hang => Answered::Hung,
        }
    }
}

/// Gives a request on the path what was decided for it: after the delay (counted from
/// `started`), the status with the configured body (or [`FAIL_BODY`] for a failing status) or
/// a closed connection; a hung one waits until `stopping` turns true, then its connection is
/// closed.
pub(super) async fn give(
    answer: &ReceiverAnswer,
    answered: Answered,
    started: Instant,
    stopping: &watch::Sender<bool>,
) -> Response {
    if answered == Answered::Hung {
        // Until the receiver stops (the sender may give up first and close its connection).
        let _ = stopping.subscribe().wait_for(|stopping| *stopping).await;
        return DropConnection::response();
    }
    let remaining = answer.delay.saturating_sub(started.elapsed());
    if !remaining.is_zero() {
        tokio::time::sleep(remaining).await;
    }
    let Answered::Status(answered) = answered else {
        return DropConnection::response();
    };
    let body = if answered == answer.status {
        answer.body.clone()
    } else {
        FAIL_BODY.to_string()
    };
    let status = StatusCode::from_u16(answered).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        Body::from(body),
    )
        .into_response()
}

/// A draw from 0 to 99: the top of a 64-bit draw scaled to 100 (a bias below 2^-57).
fn percentile(draws: &mut Pcg64) -> u8 {
    let scaled = (u128::from(draws.next_u64()) * 100) >> 64;
    u8::try_from(scaled).unwrap_or(99)
}

#[cfg(test)]
#[path = "receiver_plan_tests.rs"]
mod tests;
