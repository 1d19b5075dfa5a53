//! What the update tests serve: minisign keys made by the test (never stored), signatures in
//! the form the Tauri bundler writes them (base64 of the `.sig` file, the version in the
//! trusted comment), and a plain HTTP server on 127.0.0.1 answering fixed paths.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use base64::Engine;
use minisign::KeyPair;

fn b64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(text)
}

/// A signing key pair, generated fresh.
pub struct TestKey(KeyPair);

impl TestKey {
    pub fn generate() -> Self {
        Self(KeyPair::generate_unencrypted_keypair().unwrap())
    }

    /// The public key as tauri.conf.json's `plugins.updater.pubkey` holds it.
    pub fn pubkey(&self) -> String {
        b64(&self.0.pk.to_box().unwrap().into_string())
    }

    /// The `.sig` of `data` for `version`, as `tauri build` writes it into latest.json.
    pub fn sign(&self, data: &[u8], version: &str) -> String {
        let trusted = format!("timestamp:1764590000\tfile:Textgate.tar.gz\tversion:{version}");
        let signature = minisign::sign(
            Some(&self.0.pk),
            &self.0.sk,
            data,
            Some(&trusted),
            Some("signature from tauri secret key"),
        )
        .unwrap();
        b64(&signature.into_string())
    }
}

/// The `latest.json` of one release for this machine's platform.
pub fn latest_json(version: &str, url: &str, signature: &str) -> String {
    let target = tauri_plugin_updater::target().expect("a platform the updater knows");
    serde_json::json!({
        "version": version,
        "notes": format!("Textgate {version}: fixes"),
        "pub_date": "2026-11-30T12:00:00Z",
        "platforms": { target: { "url": url, "signature": signature } }
    })
    .to_string()
}

/// Each path's status and body.
type Routes = Arc<Mutex<HashMap<String, (u16, Vec<u8>)>>>;

/// A bare HTTP/1.1 server: each path answers its fixed status and body; everything it was
/// asked is logged.
pub struct FeedServer {
    pub base: String,
    routes: Routes,
    requests: Arc<Mutex<Vec<String>>>,
}

impl FeedServer {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let routes: Routes = Default::default();
        let requests: Arc<Mutex<Vec<String>>> = Default::default();
        let (served, log) = (routes.clone(), requests.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request_line = String::new();
                if reader.read_line(&mut request_line).is_err() {
                    continue;
                }
                loop {
                    let mut header = String::new();
                    match reader.read_line(&mut header) {
                        Ok(0) | Err(_) => break,
                        Ok(_) if header == "\r\n" => break,
                        Ok(_) => {}
                    }
                }
                let path = request_line
                    .split_whitespace()
                    .nth(1)
                    .unwrap_or("/")
                    .to_string();
                log.lock().unwrap().push(path.clone());
                let (status, body) = served
                    .lock()
                    .unwrap()
                    .get(&path)
                    .cloned()
                    .unwrap_or((404, b"not found".to_vec()));
                let head = format!(
                    "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&body);
            }
        });
        Self {
            base,
            routes,
            requests,
        }
    }

    pub fn serve(&self, path: &str, status: u16, body: impl Into<Vec<u8>>) {
        self.routes
            .lock()
            .unwrap()
            .insert(path.into(), (status, body.into()));
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The paths asked so far.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

/// Bytes standing in for an update bundle: large enough for several progress reports.
pub fn artifact() -> Vec<u8> {
    (0..700_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect()
}
