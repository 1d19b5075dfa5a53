//! What the network-facing fuzz targets share: one tokio runtime for the whole fuzzing process
//! and a loopback HTTP server that answers every request with whatever the current input says.
//! It is a few lines of raw HTTP/1.1 on purpose: the target is what Textgate makes of an
//! answer, so nothing between the fuzzer's bytes and Textgate's client should "fix" them.
//! Everything stays on 127.0.0.1.

use std::sync::{Mutex, OnceLock};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Requests larger than this are cut off (the server only needs to see the request's end).
const MAX_REQUEST: usize = 1 << 20;

/// The process-wide runtime the targets block on.
pub fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("a tokio runtime")
    })
}

/// The status and body every request is answered with.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub body: Vec<u8>,
}

/// A loopback server answering every request with the current [`Answer`].
pub struct Responder {
    port: u16,
    answer: &'static Mutex<Answer>,
}

impl Responder {
    /// The process's one responder, started on first use.
    pub fn shared() -> &'static Responder {
        static RESPONDER: OnceLock<Responder> = OnceLock::new();
        RESPONDER.get_or_init(|| {
            let answer: &'static Mutex<Answer> = Box::leak(Box::new(Mutex::new(Answer {
                status: 200,
                body: b"{}".to_vec(),
            })));
            let listener = runtime()
                .block_on(TcpListener::bind("127.0.0.1:0"))
                .expect("a loopback port");
            let port = listener.local_addr().expect("an address").port();
            runtime().spawn(async move {
                while let Ok((stream, _)) = listener.accept().await {
                    let answer = answer
                        .lock()
                        .unwrap_or_else(|poisoned| poisoned.into_inner())
                        .clone();
                    tokio::spawn(serve(stream, answer));
                }
            });
            Responder { port, answer }
        })
    }

    /// `http://127.0.0.1:PORT`
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn set(&self, answer: Answer) {
        *self
            .answer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = answer;
    }
}

/// Reads one request (headers, then `Content-Length` bytes) and answers, closing after.
async fn serve(mut stream: TcpStream, answer: Answer) {
    let mut request = Vec::new();
    let mut chunk = [0u8; 8192];
    let mut wanted = None;
    while request.len() < MAX_REQUEST {
        if let Some(end) = wanted {
            if request.len() >= end {
                break;
            }
        } else if let Some(head) = find(&request, b"\r\n\r\n") {
            let end = head + 4 + content_length(&request[..head]);
            wanted = Some(end);
            continue;
        }
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&chunk[..n]),
        }
    }
    let head = format!(
        "HTTP/1.1 {} Fuzz\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        answer.status,
        answer.body.len()
    );
    let _ = stream.write_all(head.as_bytes()).await;
    let _ = stream.write_all(&answer.body).await;
    let _ = stream.shutdown().await;
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

fn content_length(head: &[u8]) -> usize {
    String::from_utf8_lossy(head)
        .lines()
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, value)| value.trim().parse().ok())
        .unwrap_or(0)
}

/// Maps any number onto a final status a server could send (200..=599; a 1xx is not a final
/// answer, and the client would rightly wait for one until its timeout).
pub fn status_from(raw: u16) -> u16 {
    200 + raw % 400
}
