//! `server add|list|test|remove`: token and login on stdin, bad credentials, the JSON error
//! line, and `TEXTGATE_TOKEN` standing in for the stored token.

use crate::support::{create_profile, DataDir, WebitelServer};

#[test]
fn server_added_with_a_token_on_stdin_is_listed_tested_and_removed() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    let url = webitel.url();
    let added = dir.run_stdin(
        &["server", "add", "prod", &url, "--token-stdin"],
        &format!("{}\n", webitel.token),
    );
    assert!(
        added.ok().contains("Added server \u{201c}prod\u{201d}"),
        "{added:#?}"
    );

    let table = dir.run(&["server", "list"]);
    let mut lines = table.ok().lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("NAME") && header.contains("BASE URL"),
        "{header}"
    );
    let row = lines.next().unwrap();
    assert!(
        row.starts_with("prod") && row.contains(&url) && row.contains("stored"),
        "{row}"
    );

    let listed = dir.run(&["--json", "server", "list"]).json();
    assert_eq!(listed[0]["name"], "prod");
    assert_eq!(listed[0]["baseUrl"], url.as_str());
    assert_eq!(listed[0]["hasToken"], true);

    let tested = dir.run(&["server", "test", "prod"]);
    assert!(
        tested
            .ok()
            .starts_with("Connected to prod as Emulator admin"),
        "{tested:#?}"
    );
    let report = dir.run(&["server", "test", "PROD", "--json"]).json();
    assert_eq!(report["ok"], true);
    assert_eq!(report["code"], "ok");

    dir.run(&["server", "remove", "prod"]).ok();
    assert_eq!(
        dir.run(&["--json", "server", "list"]).json(),
        serde_json::json!([])
    );
    dir.assert_never_printed(&webitel.token);
}

#[test]
fn server_add_caches_the_flow_schemas_as_the_app_does() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);

    // No `schemas list` in between: the flow resolves from the cache `server add` filled.
    let created = create_profile(&dir, "Fresh", &["--flow", "8"]);
    assert_eq!(
        created["flow"],
        serde_json::json!({"id": 8, "name": "Sales routing"})
    );
    let schema_requests = webitel
        .emulator()
        .requests()
        .iter()
        .filter(|r| r.path.contains("routing/schema"))
        .count();
    assert_eq!(schema_requests, 1);
}

#[test]
fn server_added_with_a_login_and_the_password_on_stdin() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    let url = webitel.url();
    let args = [
        "--json",
        "server",
        "add",
        "lab",
        &url,
        "--login",
        "admin",
        "--domain",
        "emulator",
        "--password-stdin",
    ];
    // The emulator takes its token as the password.
    let server = dir.run_stdin(&args, &webitel.token).json();
    assert_eq!(server["name"], "lab");
    assert_eq!(server["username"], "admin");
    assert_eq!(server["hasToken"], true);
    // The token it got from the login is stored and works.
    dir.run(&["server", "test", "lab"]).ok();

    let wrong = dir.run_stdin(
        &[
            "server",
            "add",
            "lab2",
            &url,
            "--login",
            "admin",
            "--password-stdin",
        ],
        "not-the-password\n",
    );
    assert!(wrong.failure_line().starts_with("error: "), "{wrong:#?}");
    dir.assert_never_printed(&webitel.token);
}

#[test]
fn a_bad_token_on_server_add_fails_with_one_line_and_stores_nothing() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    let url = webitel.url();
    let add = ["server", "add", "prod", url.as_str(), "--token-stdin"];

    let refused = dir.run_stdin(&add, "wrong-token\n");
    let line = refused.failure_line();
    assert!(
        line.starts_with("error: ") && line.contains("refused the access token"),
        "{line}"
    );

    let mut json_add = vec!["--json"];
    json_add.extend_from_slice(&add);
    let (code, message) = dir.run_stdin(&json_add, "wrong-token").json_error();
    assert_eq!(code, "unauthorized");
    assert!(message.contains("refused the access token"), "{message}");

    let empty = dir.run_stdin(&add, "\n");
    assert!(
        empty.failure_line().contains("No token on standard input"),
        "{empty:#?}"
    );

    assert_eq!(
        dir.run(&["--json", "server", "list"]).json(),
        serde_json::json!([])
    );
    dir.assert_never_printed("wrong-token");
}

#[test]
fn errors_under_json_are_one_code_and_message_line() {
    let dir = DataDir::new();
    let (code, message) = dir
        .run(&["--json", "profiles", "show", "nope"])
        .json_error();
    assert_eq!(code, "not_found");
    assert!(message.contains("nope"), "{message}");

    let (code, _) = dir
        .run(&["server", "test", "missing", "--json"])
        .json_error();
    assert_eq!(code, "server_not_found");

    let plain = dir.run(&["server", "test", "missing"]);
    assert_eq!(
        plain.failure_line(),
        "error: No server named or with id missing"
    );

    // A command line clap cannot parse: exit 2, still one line, never a panic.
    let usage = dir.run(&["--json", "profiles", "create", "--name", "x"]);
    assert_eq!(usage.code, 2, "{usage:#?}");
    let value: serde_json::Value = serde_json::from_str(usage.stderr.trim()).unwrap();
    assert_eq!(value["code"], "usage");
    assert_eq!(usage.stderr.lines().count(), 1);
}

#[test]
fn textgate_token_replaces_the_stored_token() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);

    let bogus = [("TEXTGATE_TOKEN", "bogus-token")];
    let refused = dir.run_with(&["server", "test", "prod"], None, &bogus);
    assert!(
        refused.failure_line().contains("refused the access token"),
        "{refused:#?}"
    );

    let report = dir.run_with(&["--json", "server", "test", "prod"], None, &bogus);
    assert_eq!(report.code, 1, "{report:#?}");
    let report: serde_json::Value = serde_json::from_str(&report.stdout).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["code"], "unauthorized");

    let failed = dir.run_with(&["schemas", "list", "--server", "prod"], None, &bogus);
    failed.failure_line();

    // The right token in the variable works; an empty variable means "use the stored one".
    let good = [("TEXTGATE_TOKEN", webitel.token.as_str())];
    dir.run_with(&["server", "test", "prod"], None, &good).ok();
    dir.run_with(&["server", "test", "prod"], None, &[("TEXTGATE_TOKEN", "")])
        .ok();
    dir.assert_never_printed(&webitel.token);
}
