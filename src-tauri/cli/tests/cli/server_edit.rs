//! `server edit`: rename, a new token on stdin (checked first), the private CA, the address
//! (refused once a profile was pushed), and `server add` refusing a second server at an
//! address it already has.

use textgate_core::emulator::TokenGrant;

use crate::support::{create_on_prod, id_of, DataDir, WebitelServer};

#[test]
fn a_second_server_at_the_same_address_is_refused_naming_the_first() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    let again = dir.run_stdin(
        &[
            "--json",
            "server",
            "add",
            "again",
            &format!("{}/", webitel.url()),
            "--token-stdin",
        ],
        &webitel.token,
    );
    let (code, message) = again.json_error();
    assert_eq!(code, "duplicate_server");
    assert_eq!(
        message,
        format!("prod already uses {}; edit it instead", webitel.url())
    );
    assert_eq!(
        dir.run(&["--json", "server", "list"])
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn server_edit_renames_replaces_the_token_and_the_ca() {
    let webitel = WebitelServer::start();
    webitel.emulator().add_token(TokenGrant {
        token: "read-only-token".into(),
        access: "r".into(),
        expires_at: None,
    });
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    let profile = create_on_prod(&dir, "Support");

    let renamed = dir.run(&["server", "edit", "prod", "--name", "Production"]);
    assert_eq!(
        renamed.ok().trim(),
        format!(
            "Saved server \u{201c}Production\u{201d} ({})",
            webitel.url()
        )
    );
    let shown = dir
        .run(&["--json", "profiles", "show", &id_of(&profile)])
        .json();
    assert_eq!(shown["serverName"], "Production", "{shown}");

    let refused = dir.run_stdin(
        &["--json", "server", "edit", "Production", "--token-stdin"],
        "not-the-token",
    );
    assert_eq!(refused.json_error().0, "unauthorized");
    dir.run(&["server", "test", "Production"]).ok();

    let edited = dir
        .run_stdin(
            &["--json", "server", "edit", "Production", "--token-stdin"],
            "read-only-token\n",
        )
        .json();
    assert_eq!(edited["permissions"]["update"], false, "{edited}");
    assert_eq!(edited["profiles"], 1);

    let pem = dir.path().join("not-a-ca.pem");
    std::fs::write(&pem, "-----BEGIN CERTIFICATE-----\nnope\n").unwrap();
    let bad_ca = dir.run(&[
        "--json",
        "server",
        "edit",
        "Production",
        "--ca-file",
        pem.to_str().unwrap(),
    ]);
    assert_eq!(bad_ca.json_error().0, "invalid_certificate");
    let kept = dir
        .run(&["--json", "server", "edit", "Production", "--no-ca"])
        .json();
    assert_eq!(kept["hasCustomCa"], false);
    dir.assert_never_printed(&webitel.token);
    dir.assert_never_printed("read-only-token");
}

#[test]
fn server_edit_moves_the_address_only_until_a_profile_is_pushed() {
    let webitel = WebitelServer::start();
    let moved = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    let profile = create_on_prod(&dir, "Support");

    // The new address with its own token: both change in one edit.
    let edited = dir
        .run_stdin(
            &[
                "--json",
                "server",
                "edit",
                "prod",
                "--base-url",
                &moved.url(),
                "--token-stdin",
            ],
            &moved.token,
        )
        .json();
    assert_eq!(edited["baseUrl"], moved.url().as_str());

    dir.run(&["profiles", "push", &id_of(&profile)]).ok();
    let refused = dir.run_stdin(
        &[
            "--json",
            "server",
            "edit",
            "prod",
            "--base-url",
            &webitel.url(),
            "--token-stdin",
        ],
        &webitel.token,
    );
    let (code, message) = refused.json_error();
    assert_eq!(code, "server_url_locked");
    assert!(
        message.contains("1 of its gateways were pushed"),
        "{message}"
    );
    let listed = dir.run(&["--json", "server", "list"]).json();
    assert_eq!(listed[0]["baseUrl"], moved.url().as_str());
    assert_eq!(listed[0]["pushed"], 1);
}
