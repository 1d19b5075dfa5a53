//! The emulator's TCP listener: each accepted connection carries a switch ([`ConnKill`],
//! handed to handlers as connect info) that makes it fail its next read or write and close with
//! a TCP RST, so the `reset` faults are real connection resets rather than error answers.

use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::extract::connect_info::Connected;
use axum::serve::{IncomingStream, Listener};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

/// A switch on one connection: once set, the connection drops with an RST.
#[derive(Debug, Clone, Default)]
pub(crate) struct ConnKill(Arc<AtomicBool>);

impl ConnKill {
    /// Resets the connection at its next read or write.
    pub fn trigger(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

impl Connected<IncomingStream<'_, FaultListener>> for ConnKill {
    fn connect_info(stream: IncomingStream<'_, FaultListener>) -> Self {
        stream.io().kill.clone()
    }
}

/// A TCP listener whose connections can be reset from a handler.
pub(crate) struct FaultListener(pub TcpListener);

impl Listener for FaultListener {
    type Io = FaultIo;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            match self.0.accept().await {
                Ok((stream, address)) => {
                    let io = FaultIo {
                        stream,
                        kill: ConnKill::default(),
                    };
                    return (io, address);
                }
                // Out of file descriptors and the like: wait instead of spinning.
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        self.0.local_addr()
    }
}

/// One accepted connection; fails every read and write once its [`ConnKill`] is set.
pub(crate) struct FaultIo {
    stream: TcpStream,
    kill: ConnKill,
}

impl FaultIo {
    fn killed(&self) -> Option<std::io::Error> {
        if !self.kill.0.load(Ordering::SeqCst) {
            return None;
        }
        // Closing with a zero linger sends an RST instead of a FIN.
        let _ = self.stream.set_zero_linger();
        Some(std::io::Error::from(std::io::ErrorKind::ConnectionReset))
    }
}

impl AsyncRead for FaultIo {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        if let Some(error) = self.killed() {
            return Poll::Ready(Err(error));
        }
        Pin::new(&mut self.get_mut().stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for FaultIo {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        if let Some(error) = self.killed() {
            return Poll::Ready(Err(error));
        }
        Pin::new(&mut self.get_mut().stream).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        if let Some(error) = self.killed() {
            return Poll::Ready(Err(error));
        }
        Pin::new(&mut self.get_mut().stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        if let Some(error) = self.killed() {
            return Poll::Ready(Err(error));
        }
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
}
