//! An on-premise server with a private CA: the emulator behind real TLS (a CA and a
//! `localhost` certificate made with rcgen, served with rustls). The server is added with its
//! CA, so the admin API answers; the harness's send and burst to its gateway must trust the same
//! CA, and without it fail as a TLS failure that says what to do.

use std::sync::Arc;

use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::rustls::{self, pki_types};
use tokio_rustls::server::TlsStream;
use tokio_rustls::TlsAcceptor;

use crate::emulator::Emulator;
use crate::harness::compose::InboundDraft;
use crate::harness::delivery::{self, FailureKind, Signing};
use crate::secrets::MemorySecretStore;
use crate::sensitive::Sensitive;
use crate::server::ServerAuth;
use crate::store::Store;
use crate::workspace::test_support::draft;
use crate::workspace::Workspace;

/// A private CA (PEM) and a `localhost` / 127.0.0.1 server certificate it signed.
fn private_ca() -> (String, rustls::ServerConfig) {
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "Textgate test CA");
    let ca = rcgen::CertifiedIssuer::self_signed(ca_params, rcgen::KeyPair::generate().unwrap())
        .unwrap();
    let key = rcgen::KeyPair::generate().unwrap();
    let leaf = rcgen::CertificateParams::new(vec!["localhost".into(), "127.0.0.1".into()])
        .unwrap()
        .signed_by(&key, &ca)
        .unwrap();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(
        vec![leaf.der().clone()],
        pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into()),
    )
    .unwrap();
    (ca.pem(), config)
}

/// Accepts TCP connections and completes the TLS handshake; refused handshakes are skipped.
struct TlsListener {
    tcp: TcpListener,
    acceptor: TlsAcceptor,
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = std::net::SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            let Ok((stream, address)) = self.tcp.accept().await else {
                continue;
            };
            if let Ok(tls) = self.acceptor.accept(stream).await {
                return (tls, address);
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        self.tcp.local_addr()
    }
}

/// The emulator on `https://localhost:PORT`, and the CA that signed its certificate.
async fn on_premise() -> (String, String, Emulator) {
    let (ca_pem, config) = private_ca();
    let emulator = Emulator::new("tok");
    emulator.add_schema(7, "Support bot", "chat");
    let tcp = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = tcp.local_addr().unwrap().port();
    let listener = TlsListener {
        tcp,
        acceptor: TlsAcceptor::from(Arc::new(config)),
    };
    let router = emulator.router();
    tokio::spawn(async move { axum::serve(listener, router).await });
    (format!("https://localhost:{port}"), ca_pem, emulator)
}

#[tokio::test]
async fn send_and_burst_to_an_on_premise_gateway_trust_the_servers_ca() {
    let (base_url, ca_pem, emulator) = on_premise().await;
    let workspace = Workspace::new(
        Store::in_memory().unwrap(),
        Arc::new(MemorySecretStore::new()),
    );
    let auth = ServerAuth::Token {
        token: Sensitive::new("tok".into()),
    };
    let server = workspace
        .servers()
        .add("On-prem", &base_url, Some(ca_pem), auth)
        .await
        .unwrap();
    let saved = workspace
        .profiles()
        .save(draft(&server.id, "Support"))
        .unwrap()
        .profile;
    workspace.sync().push(&saved.id, false).await.unwrap();
    workspace.sync().set_enabled(&saved.id, true).await.unwrap();
    assert!(
        saved.webhook_url.starts_with("https://localhost:"),
        "{}",
        saved.webhook_url
    );

    let body = InboundDraft::text("c-1", "u-1", "telegram", "Hi")
        .encode()
        .into_bytes();
    let sent = workspace
        .harness()
        .send_to_gateway(&saved.id, body.clone(), Signing::Correct, None)
        .await
        .unwrap();
    assert_eq!(sent.status, Some(200), "{sent:?}");
    assert_eq!(emulator.chat_log().len(), 1);

    let report = workspace
        .harness()
        .burst(&saved.id, 6, 3, Some(2), None, |_| {})
        .await
        .unwrap();
    assert_eq!(report.succeeded, 6, "{report:?}");

    // The same gateway without the server's CA: a TLS failure that names the remedy.
    let untrusting = delivery::client().unwrap();
    let refused = delivery::deliver(
        &untrusting,
        &saved.webhook_url,
        &body,
        b"LocalSecretLocalSecret0000000000",
        Signing::Correct,
    )
    .await;
    assert_eq!(refused.status, None);
    let failure = refused.failure.unwrap();
    assert_eq!(failure.kind, FailureKind::Other, "{failure:?}");
    assert!(
        failure
            .message
            .starts_with("TLS failure talking to https://localhost:"),
        "{failure:?}"
    );
    assert!(failure.message.contains("private CA"), "{failure:?}");
}
