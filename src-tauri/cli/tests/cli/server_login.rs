//! `server add --login … --totp CODE` against a two-factor user, the refusals (no code without
//! a terminal, a wrong code), what `server list` and `server test` say about a token's expiry
//! and gateway access, and `textgate-cli emulator --totp-user/--grant/--token-ttl` as a script
//! runs it.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use textgate_core::emulator::{TokenGrant, TwoFactorUser};

use crate::support::{DataDir, WebitelServer};

fn two_factor_server() -> WebitelServer {
    let webitel = WebitelServer::start();
    webitel.emulator().set_two_factor(Some(TwoFactorUser {
        username: "ann".into(),
        code: "123456".into(),
    }));
    webitel
}

fn add_ann(dir: &DataDir, webitel: &WebitelServer, extra: &[&str]) -> crate::support::Run {
    let url = webitel.url();
    let mut args = vec![
        "--json",
        "server",
        "add",
        "prod",
        &url,
        "--login",
        "ann",
        "--password-stdin",
    ];
    args.extend_from_slice(extra);
    dir.run_stdin(&args, &format!("{}\n", webitel.token))
}

#[test]
fn a_two_factor_login_completes_with_totp() {
    let webitel = two_factor_server();
    let dir = DataDir::new();
    let added = add_ann(&dir, &webitel, &["--totp", "123456"]).json();
    assert_eq!(added["name"], "prod");
    assert_eq!(added["username"], "ann");
    assert_eq!(
        added["permissions"],
        serde_json::json!({"create": true, "read": true, "update": true, "delete": true})
    );
    assert!(added["tokenExpiresAt"].as_i64().unwrap() > textgate_core::clock::now_millis());
    let paths: Vec<String> = webitel
        .emulator()
        .requests()
        .iter()
        .map(|r| r.path.clone())
        .collect();
    assert!(paths.contains(&"/api/login/2fa".to_string()), "{paths:?}");
    dir.run(&["server", "test", "prod"]).ok();
    dir.assert_never_printed(&webitel.token);
}

#[test]
fn without_totp_and_without_a_terminal_it_fails_and_stores_nothing() {
    let webitel = two_factor_server();
    let dir = DataDir::new();
    let (code, message) = add_ann(&dir, &webitel, &[]).json_error();
    assert_eq!(code, "two_factor_required");
    assert_eq!(
        message,
        "the server asks for a two-factor code: pass --totp CODE"
    );
    assert_eq!(
        dir.run(&["--json", "server", "list"]).json(),
        serde_json::json!([])
    );

    let url = webitel.url();
    let plain = dir.run_stdin(
        &[
            "server",
            "add",
            "prod",
            &url,
            "--login",
            "ann",
            "--password-stdin",
        ],
        &format!("{}\n", webitel.token),
    );
    assert_eq!(
        plain.failure_line(),
        "error: the server asks for a two-factor code: pass --totp CODE"
    );
}

#[test]
fn a_wrong_code_has_its_own_error_code() {
    let webitel = two_factor_server();
    let dir = DataDir::new();
    let (code, message) = add_ann(&dir, &webitel, &["--totp", "000000"]).json_error();
    assert_eq!(code, "two_factor_invalid");
    assert!(message.contains("refused the two-factor code"), "{message}");
    assert_eq!(
        dir.run(&["--json", "server", "list"]).json(),
        serde_json::json!([])
    );
    // --totp without --login is a usage error.
    let url = webitel.url();
    let usage = dir.run_stdin(
        &["server", "add", "x", &url, "--token-stdin", "--totp", "1"],
        "t\n",
    );
    assert_eq!(usage.code, 2, "{usage:#?}");
}

#[test]
fn list_and_test_show_the_expiry_and_what_a_read_only_token_may_do() {
    let webitel = WebitelServer::start();
    webitel.emulator().add_token(TokenGrant {
        token: "readonly-token".into(),
        access: "r".into(),
        expires_at: Some(textgate_core::clock::now_millis() + 5 * 24 * 3600 * 1000),
    });
    let dir = DataDir::new();
    let url = webitel.url();
    dir.run_stdin(
        &["server", "add", "prod", &url, "--token-stdin"],
        "readonly-token\n",
    )
    .ok();

    let table = dir.run(&["server", "list"]);
    let mut lines = table.ok().lines();
    let header = lines.next().unwrap();
    assert!(
        header.contains("EXPIRES") && header.contains("GATEWAYS"),
        "{header}"
    );
    let row = lines.next().unwrap();
    assert!(row.contains("in 5 days") && row.contains(" read "), "{row}");

    let listed = dir.run(&["--json", "server", "list"]).json();
    assert_eq!(
        listed[0]["permissions"],
        serde_json::json!({"create": false, "read": true, "update": false, "delete": false})
    );
    assert!(listed[0]["tokenExpiresAt"].is_i64());

    let tested = dir.run(&["server", "test", "prod"]);
    assert!(
        tested
            .ok()
            .contains("Token expires: in 5 days; gateways: read"),
        "{tested:#?}"
    );
    let report = dir.run(&["--json", "server", "test", "prod"]).json();
    assert_eq!(report["permissions"]["create"], false);
    assert_eq!(report["tokenExpiresAt"], listed[0]["tokenExpiresAt"]);

    // The server refuses what the token may not do, as chat_manager does.
    dir.run(&[
        "--json",
        "profiles",
        "create",
        "--name",
        "Blocked",
        "--callback",
        crate::support::CALLBACK,
        "--generate-secret",
        "--server",
        "prod",
        "--flow",
        "7",
    ])
    .ok();
    let refused = dir.run(&["--json", "profiles", "push", "Blocked"]);
    assert_eq!(refused.code, 1, "{refused:#?}");
    assert!(
        refused.stderr.contains("ADD privilege NOT GRANTED"),
        "{refused:#?}"
    );
}

#[test]
fn the_emulator_command_runs_a_two_factor_user_and_a_read_only_token() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_textgate-cli"))
        .args([
            "emulator",
            "--port",
            "0",
            "--token",
            "main-token",
            "--totp-user",
            "ann",
            "--totp-code",
            "424242",
            "--grant",
            "ro-token=r",
            "--token-ttl",
            "7200",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let base = first
        .trim()
        .strip_prefix("Webitel emulator on ")
        .and_then(|rest| rest.strip_suffix(" (admin API at /api)"))
        .unwrap_or_else(|| panic!("unexpected first line: {first}"))
        .to_string();

    let dir = DataDir::new();
    let wrong = dir.run_stdin(
        &[
            "--json",
            "server",
            "add",
            "prod",
            &base,
            "--login",
            "ann",
            "--password-stdin",
            "--totp",
            "111111",
        ],
        "main-token\n",
    );
    let added = dir.run_stdin(
        &[
            "--json",
            "server",
            "add",
            "prod",
            &base,
            "--login",
            "ann",
            "--password-stdin",
            "--totp",
            "424242",
        ],
        "main-token\n",
    );
    // The read-only user's connection: the same emulator under another name for its address
    // (Textgate keeps one server per address).
    let lab_address = base.replacen("127.0.0.1", "localhost", 1);
    let read_only = dir.run_stdin(
        &["server", "add", "lab", &lab_address, "--token-stdin"],
        "ro-token\n",
    );
    let listed = dir.run(&["server", "list"]);
    let _ = child.kill();
    let _ = child.wait();

    assert_eq!(wrong.json_error().0, "two_factor_invalid");
    assert_eq!(added.json()["permissions"]["delete"], true);
    read_only.ok();
    let text = listed.ok();
    let lab = text.lines().find(|line| line.starts_with("lab")).unwrap();
    assert!(
        lab.contains("in 2 hours") && lab.contains(" read "),
        "{lab}"
    );
    let prod = text.lines().find(|line| line.starts_with("prod")).unwrap();
    assert!(prod.contains("create read update delete"), "{prod}");
}

#[test]
fn server_login_replaces_an_expired_token_and_asks_two_factor_users_for_the_code() {
    let webitel = two_factor_server();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    webitel
        .emulator()
        .set_token_expiry(textgate_core::clock::now_millis() - 1);
    let report = dir.run(&["--json", "server", "test", "prod"]);
    assert_eq!(report.code, 1, "{report:#?}");
    let report: serde_json::Value = serde_json::from_str(&report.stdout).unwrap();
    assert_eq!(report["code"], "unauthorized");

    // A token the server refuses changes nothing.
    let refused = dir.run_stdin(
        &["--json", "server", "login", "prod", "--token-stdin"],
        "nope\n",
    );
    assert_eq!(refused.json_error().0, "unauthorized");

    webitel.emulator().add_token(TokenGrant {
        token: "fresh-token".into(),
        access: "rw".into(),
        expires_at: Some(textgate_core::clock::now_millis() + 3 * 24 * 3600 * 1000),
    });
    let again = dir.run_stdin(
        &["server", "login", "prod", "--token-stdin"],
        "fresh-token\n",
    );
    assert!(
        again
            .ok()
            .contains("Logged in to \u{201c}prod\u{201d} again"),
        "{again:#?}"
    );
    let tested = dir.run(&["server", "test", "prod"]);
    assert!(
        tested
            .ok()
            .contains("Token expires: in 3 days; gateways: read update"),
        "{tested:#?}"
    );

    // The two-factor user: without a terminal the code must come with --totp.
    webitel
        .emulator()
        .set_token_expiry(textgate_core::clock::now_millis() + 3_600_000);
    let login = [
        "--json",
        "server",
        "login",
        "prod",
        "--login",
        "ann",
        "--password-stdin",
    ];
    let password = format!("{}\n", webitel.token);
    assert_eq!(
        dir.run_stdin(&login, &password).json_error().0,
        "two_factor_required"
    );
    let mut with_code = login.to_vec();
    with_code.extend(["--totp", "123456"]);
    let server = dir.run_stdin(&with_code, &password).json();
    assert_eq!(server["username"], "ann");
    assert_eq!(server["permissions"]["delete"], true);
    dir.assert_never_printed(&webitel.token);
    dir.assert_never_printed("fresh-token");
}
