//! How the receiver's router is served, with the limits `axum::serve` leaves out: hyper's
//! HTTP/1 connections get a timer, so a request whose headers do not arrive within the
//! header-read timeout (30 s by default, as hyper intends) is closed instead of holding its
//! connection for ever, and at most `max_connections` are served at once (further ones wait in
//! the listen backlog until one ends). On stop the listener closes at once, requests in flight
//! get their answers, and dropping the serving future ends every connection with it.
//! A response marked [`DropConnection`] is never written: its connection is closed instead
//! (hyper closes a connection whose service fails), as a receiver that drops does.

use std::sync::Arc;
use std::time::Duration;

use axum::response::{IntoResponse, Response};
use axum::Router;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{oneshot, Semaphore};
use tokio::task::JoinSet;

/// hyper's own default: a client has this long to send a request's headers.
pub const DEFAULT_HEADER_READ_TIMEOUT: Duration = Duration::from_secs(30);
/// Connections served at once by default; more wait until one closes.
pub const DEFAULT_MAX_CONNECTIONS: usize = 1024;

/// Marks a response that must not be sent: its connection is closed without an answer.
#[derive(Debug, Clone, Copy)]
pub(super) struct DropConnection;

impl DropConnection {
    /// A response the serving loop turns into a closed connection.
    pub(super) fn response() -> Response {
        let mut response = ().into_response();
        response.extensions_mut().insert(DropConnection);
        response
    }
}

/// The error that makes hyper close a connection instead of answering.
#[derive(Debug)]
struct Dropped;

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped on purpose")
    }
}

impl std::error::Error for Dropped {}

/// The connection limits of one receiver.
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits {
    pub header_read_timeout: Duration,
    pub max_connections: usize,
}

/// Accepts and serves connections until `stop` fires (or its sender is dropped), then lets
/// the connections in flight finish (`on_stop` runs first, so requests kept waiting end).
/// Cancelling this future aborts them all.
pub(super) async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    mut stop: oneshot::Receiver<()>,
    on_stop: impl FnOnce(),
) {
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    let permits = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut connections = JoinSet::new();
    loop {
        // A free slot first: at the cap, new connections stay in the kernel's backlog.
        let permit = tokio::select! {
            _ = &mut stop => break,
            Some(_) = connections.join_next() => continue,
            permit = permits.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
        };
        let stream = tokio::select! {
            _ = &mut stop => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(error) => {
                    // Out of file descriptors and the like: wait a little rather than spin.
                    if !is_connection_error(&error) {
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(router.clone());
        let service = service_fn(move |request| {
            let answer = hyper::service::Service::call(&service, request);
            async move {
                let response = match answer.await {
                    Ok(response) => response,
                    Err(never) => match never {},
                };
                if response.extensions().get::<DropConnection>().is_some() {
                    return Err(Dropped);
                }
                Ok(response)
            }
        });
        let connection = builder.serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        connections.spawn(async move {
            // A client that goes away or times out is its own business, not the receiver's.
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    on_stop();
    graceful.shutdown().await;
    while connections.join_next().await.is_some() {}
}

/// Errors of one connection attempt, after which accepting can go on at once.
fn is_connection_error(error: &std::io::Error) -> bool {
    matches!(
        error.kind(),
        std::io::ErrorKind::ConnectionRefused
            | std::io::ErrorKind::ConnectionAborted
            | std::io::ErrorKind::ConnectionReset
    )
}

#[cfg(test)]
#[path = "receiver_serve_tests.rs"]
mod tests;
