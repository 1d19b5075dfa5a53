//! How the receiver's router is served, with the limits `axum::serve` leaves out: hyper's
//! HTTP/1 connections get a timer, so a request whose headers do not arrive within the
//! header-read timeout (30 s by default, as hyper intends) is closed instead of holding its
//! connection for ever, and at most `max_connections` are served at once (further ones wait in
//! the listen backlog until one ends). On stop the listener closes at once, requests in flight
//! get their answers, and dropping the serving future ends every connection with it.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
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

/// The connection limits of one receiver.
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits {
    pub header_read_timeout: Duration,
    pub max_connections: usize,
}

/// Accepts and serves connections until `stop` fires (or its sender is dropped), then lets
/// the connections in flight finish. Cancelling this future aborts them all.
pub(super) async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    mut stop: oneshot::Receiver<()>,
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
        let connection = builder.serve_connection(
            TokioIo::new(stream),
            TowerToHyperService::new(router.clone()),
        );
        let connection = graceful.watch(connection);
        connections.spawn(async move {
            // A client that goes away or times out is its own business, not the receiver's.
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
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
