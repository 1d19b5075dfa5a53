//! `make bench`: how the harness's hot paths compare with well-known tools, measured side by
//! side in one run on the same machine, so the ratios mean something even where the absolute
//! figures depend on the hardware.
//!
//! a) the burst sender's requests/s against the local receiver, vs `oha` against the same one;
//! b) the receiver's requests/s (signature verified and logged) vs a bare hyper server that
//!    just answers 200, both loaded by `oha`;
//! c) `webitel_sign` (HMAC-SHA256) bytes/s vs `openssl speed -hmac sha256`.
//!
//! Usage: `harness_bench <path to oha>` (release build). Each load figure is the best of
//! [`ROUNDS`], the rounds interleaved so that a slow moment hurts both sides alike.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::process::Command;
use std::time::{Duration, Instant};

use http_body_util::BodyExt;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use textgate_core::harness::burst::{self, BurstPlan};
use textgate_core::harness::delivery;
use textgate_core::harness::receiver::{self, ReceiverConfig};
use textgate_core::signature::{webitel_sign, WEBITEL_HEADER};
use textgate_core::Sensitive;
use tokio::runtime::Runtime;

const REQUESTS: u32 = 20_000;
const CONCURRENCY: u32 = 50;
const ROUNDS: usize = 3;
const SECRET: &str = "benchSecret0123456789";
const HMAC_SIZES: [usize; 3] = [256, 1024, 8192];

type Outcome<T> = Result<T, String>;

fn main() {
    if let Err(message) = bench() {
        eprintln!("bench failed: {message}");
        std::process::exit(1);
    }
}

fn bench() -> Outcome<()> {
    let oha = std::env::args()
        .nth(1)
        .ok_or("usage: harness_bench <path to oha>")?;
    let runtime = Runtime::new().map_err(|e| e.to_string())?;
    let client = delivery::client().map_err(|e| e.to_string())?;
    let (mut burst_rps, mut oha_receiver_rps, mut oha_bare_rps) = (0f64, 0f64, 0f64);
    for round in 1..=ROUNDS {
        eprintln!("round {round}/{ROUNDS}: burst, oha -> receiver, oha -> bare hyper");
        // A fresh receiver each time: its in-memory log of 20,000 requests goes with it.
        let running = runtime.block_on(start_receiver())?;
        let plan = BurstPlan {
            url: running.url(),
            secret: Sensitive::new(SECRET.into()),
            count: REQUESTS,
            concurrency: CONCURRENCY,
            chat_prefix: "bench".into(),
            chats: 100,
        };
        let body = plan.body(1);
        let report = runtime
            .block_on(burst::run(&client, plan, |_| {}))
            .map_err(|e| e.to_string())?;
        if report.succeeded != REQUESTS {
            return Err(format!("the burst got errors: {:?}", report.errors));
        }
        burst_rps = burst_rps.max(report.throughput);
        runtime.block_on(running.stop(Duration::from_secs(2)));

        let running = runtime.block_on(start_receiver())?;
        let signature = webitel_sign(SECRET.as_bytes(), &body);
        let rps = run_oha(&oha, &running.url(), &body, Some(&signature))?;
        oha_receiver_rps = oha_receiver_rps.max(rps);
        let verified = running
            .log()
            .iter()
            .filter(|r| r.verdict.label() == "valid")
            .count();
        if verified != REQUESTS as usize {
            return Err(format!("the receiver verified {verified} of {REQUESTS}"));
        }
        runtime.block_on(running.stop(Duration::from_secs(2)));

        let bare = runtime.block_on(start_bare())?;
        let rps = run_oha(&oha, &format!("http://{bare}/chat/bench"), &body, None)?;
        oha_bare_rps = oha_bare_rps.max(rps);
    }
    eprintln!("HMAC-SHA256: webitel_sign, then openssl speed");
    let ours: Vec<f64> = HMAC_SIZES.iter().map(|size| sign_rate(*size)).collect();
    let openssl = openssl_rates()?;

    println!();
    println!(
        "Textgate harness bench: {REQUESTS} requests at concurrency {CONCURRENCY}, best of \
         {ROUNDS} rounds, {} CPUs",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    let mut rows = vec![
        row(
            "burst sender -> receiver, req/s",
            burst_rps,
            "oha -> receiver",
            oha_receiver_rps,
        ),
        row(
            "receiver (verify + log), req/s",
            oha_receiver_rps,
            "bare hyper 200",
            oha_bare_rps,
        ),
    ];
    for ((size, ours), theirs) in HMAC_SIZES.iter().zip(ours).zip(openssl) {
        rows.push(row(
            &format!("webitel_sign {size} B, MB/s"),
            ours / 1e6,
            "openssl speed",
            theirs / 1e6,
        ));
    }
    println!(
        "{:<34} {:>12}   {:<16} {:>12}   {:>6}",
        "figure", "ours", "reference", "", "ratio"
    );
    for line in rows {
        println!("{line}");
    }
    Ok(())
}

fn row(figure: &str, ours: f64, reference: &str, theirs: f64) -> String {
    let ratio = if theirs > 0.0 { ours / theirs } else { 0.0 };
    format!("{figure:<34} {ours:>12.1}   {reference:<16} {theirs:>12.1}   {ratio:>6.2}")
}

async fn start_receiver() -> Outcome<receiver::RunningReceiver> {
    let config = ReceiverConfig::new("/chat/bench", SECRET);
    // The live channel is not read here: dropping it makes each send a no-op.
    let (running, _live) = receiver::start(config).await.map_err(|e| e.to_string())?;
    Ok(running)
}

/// A hyper server that reads the body and answers `{"success":true}`: the floor any receiver
/// built on hyper stands on. It runs until the process ends.
async fn start_bare() -> Outcome<SocketAddr> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| e.to_string())?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let service = service_fn(|request: hyper::Request<hyper::body::Incoming>| async {
                    let _ = request.into_body().collect().await;
                    Ok::<_, Infallible>(hyper::Response::new(String::from("{\"success\":true}")))
                });
                let _ = http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    Ok(address)
}

/// `oha` POSTing `body` REQUESTS times at CONCURRENCY; its requests/s, after checking that
/// every answer was 200.
fn run_oha(oha: &str, url: &str, body: &[u8], signature: Option<&str>) -> Outcome<f64> {
    let mut command = Command::new(oha);
    command
        .args(["-n", &REQUESTS.to_string(), "-c", &CONCURRENCY.to_string()])
        .args(["-m", "POST", "-T", "application/json", "--no-tui"])
        .args(["--output-format", "json"])
        .arg("-d")
        .arg(String::from_utf8_lossy(body).as_ref());
    if let Some(signature) = signature {
        command
            .arg("-H")
            .arg(format!("{WEBITEL_HEADER}: {signature}"));
    }
    let output = command
        .arg(url)
        .output()
        .map_err(|e| format!("cannot run {oha}: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "oha failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let json: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("oha's output is not JSON ({e})"))?;
    let ok = json["statusCodeDistribution"]["200"].as_u64().unwrap_or(0);
    if ok != u64::from(REQUESTS) {
        return Err(format!(
            "oha got {ok} answers 200 of {REQUESTS}: {}",
            json["statusCodeDistribution"]
        ));
    }
    json["summary"]["requestsPerSec"]
        .as_f64()
        .ok_or_else(|| "no summary.requestsPerSec in oha's output".into())
}

/// Bytes per second `webitel_sign` signs in messages of `size` bytes, over about a second.
fn sign_rate(size: usize) -> f64 {
    let body = vec![b'x'; size];
    let started = Instant::now();
    let mut signed = 0u64;
    while started.elapsed() < Duration::from_secs(1) {
        for _ in 0..64 {
            std::hint::black_box(webitel_sign(SECRET.as_bytes(), std::hint::black_box(&body)));
        }
        signed += 64;
    }
    (signed * size as u64) as f64 / started.elapsed().as_secs_f64()
}

/// `openssl speed -hmac sha256` in bytes per second for each of [`HMAC_SIZES`]. Its last line
/// is `hmac(sha256)  90323.28k  310468.35k ...`, in 1000s of bytes/s for 16, 64, 256, 1024,
/// 8192 and 16384-byte blocks.
fn openssl_rates() -> Outcome<Vec<f64>> {
    let output = Command::new("openssl")
        .args(["speed", "-seconds", "1", "-hmac", "sha256"])
        .output()
        .map_err(|e| format!("cannot run openssl: {e}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text
        .lines()
        .rev()
        .find(|line| line.starts_with("hmac(sha256)"))
        .ok_or_else(|| format!("no hmac(sha256) line in openssl's output: {text}"))?;
    let rates: Vec<f64> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|cell| cell.strip_suffix('k')?.parse::<f64>().ok())
        .map(|k| k * 1000.0)
        .collect();
    let columns = [16, 64, 256, 1024, 8192, 16384];
    HMAC_SIZES
        .iter()
        .map(|size| {
            let at = columns.iter().position(|c| c == size);
            at.and_then(|at| rates.get(at).copied())
                .ok_or_else(|| format!("no {size}-byte figure in: {line}"))
        })
        .collect()
}
