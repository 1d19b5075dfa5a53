//! `template render` and `template check` on stdin: exact bytes out, no added newline, one
//! stderr line and nothing on stdout on failure, the server's rules for `check`.

use crate::support::DataDir;

#[test]
fn render_prints_exactly_what_go_produces_over_the_sample_account() {
    let dir = DataDir::new();
    let run = dir.run_stdin(
        &["template", "render"],
        "$(.FirstName)$(if .LastName) $(.LastName)$(end) (#$(.Id), $(.Channel)) joined\n",
    );
    assert_eq!(run.ok(), "Ann Smith (#42, custom) joined\n");
    let run = dir.run_stdin(
        &["template", "render"],
        "$(printf \"%q|%5d|%x\" .Username .Id .Contact)",
    );
    assert_eq!(run.ok(), "\"ann.smith\"|   42|2b333830353031323334353637");
    // Trim markers and an empty render: stdout stays empty, exit 0.
    assert_eq!(
        dir.run_stdin(&["template", "render"], "  $(- /* c */ -)  ")
            .ok(),
        ""
    );
}

#[test]
fn render_takes_a_context_file_and_other_delimiters() {
    let dir = DataDir::new();
    let context = dir.path().join("account.json");
    // Go's encoding/json: keys match case-insensitively, missing fields stay zero.
    std::fs::write(&context, r#"{"firstname": "Bo", "Id": 7, "extra": true}"#).unwrap();
    let context = context.to_str().unwrap();
    let run = dir.run_stdin(
        &["template", "render", "--context", context],
        "$(.FirstName) $(.Id) [$(.LastName)]",
    );
    assert_eq!(run.ok(), "Bo 7 []");
    let run = dir.run_stdin(
        &["template", "render", "--delims", "{{", "}}"],
        "{{.Username}} $(.Username)",
    );
    assert_eq!(run.ok(), "ann.smith $(.Username)");
    let run = dir.run_stdin(
        &["template", "render", "--missingkey", "zero"],
        "$(.Contact)",
    );
    assert_eq!(run.ok(), "+380501234567");
}

#[test]
fn render_errors_are_one_line_on_stderr_and_nothing_on_stdout() {
    let dir = DataDir::new();
    let run = dir.run_stdin(&["template", "render"], "Hi $(md2 .FirstName)");
    assert_eq!(
        run.failure_line(),
        r#"error: template: template:1: function "md2" not defined"#
    );
    let run = dir.run_stdin(&["template", "render"], "Hi $(.Nope) there");
    assert_eq!(
        run.failure_line(),
        r#"error: template: template:1:5: executing "template" at <.Nope>: can't evaluate field Nope in type *chat.Account"#
    );
    let run = dir.run_stdin(&["--json", "template", "render"], "$(if .Id)");
    let (code, message) = run.json_error();
    assert_eq!(code, "template_invalid");
    assert!(
        message.starts_with("template: template:1: unexpected EOF"),
        "{message}"
    );

    let bad_context = dir.path().join("bad.json");
    std::fs::write(&bad_context, "[1, 2]").unwrap();
    let run = dir.run_stdin(
        &[
            "template",
            "render",
            "--context",
            bad_context.to_str().unwrap(),
        ],
        "x",
    );
    assert!(
        run.failure_line().contains("does not fit chat.Account"),
        "{run:#?}"
    );
    let run = dir.run_stdin(&["template", "render", "--missingkey", "maybe"], "x");
    assert!(
        run.failure_line().contains("unrecognized missingkey"),
        "{run:#?}"
    );
}

#[test]
fn check_applies_the_servers_rules() {
    let dir = DataDir::new();
    let ok = dir.run_stdin(&["template", "check"], "\n  $(.FirstName) joined\n");
    assert_eq!(
        (ok.code, ok.stdout.as_str(), ok.stderr.as_str()),
        (0, "", "")
    );
    // Parses, but the server's test render over chat.Account fails.
    let run = dir.run_stdin(&["template", "check", "--key", "join"], "$(.Agent)");
    assert_eq!(
        run.failure_line(),
        r#"error: template: join:1:2: executing "join" at <.Agent>: can't evaluate field Agent in type *chat.Account"#
    );
    // close gets no context; file_policy_fail is only parsed.
    let run = dir.run_stdin(
        &["template", "check", "--key", "close"],
        "Bye $(.FirstName)",
    );
    assert!(
        run.failure_line().contains("nil data; no entry for key"),
        "{run:#?}"
    );
    let run = dir.run_stdin(
        &["template", "check", "--key", "file_policy_fail"],
        "Sorry $(.FirstName)",
    );
    assert_eq!(run.code, 0, "{run:#?}");
    let run = dir.run_stdin(&["--json", "template", "check"], "$(.Username)");
    assert_eq!(run.json(), serde_json::json!({ "valid": true }));
    let run = dir.run_stdin(
        &["template", "check", "--delims", "{{", "}}"],
        "{{ .Nope }}",
    );
    assert_eq!(run.code, 1, "{run:#?}");
}

/// Issue E's template: a recursion that doubles 40 times (about 2^41 calls, never ending in Go).
const DOUBLING: &str = r#"$(define "a")$(if .)$(template "a" slice . 1)$(template "a" slice . 1)$(else)x$(end)$(end)$(template "a" "0123456789012345678901234567890123456789")"#;

#[test]
fn a_never_ending_template_stops_at_the_work_budget_in_one_line() {
    let dir = DataDir::new();
    for args in [
        &["template", "render"][..],
        &["template", "check", "--key", "join"][..],
    ] {
        let run = dir.run_stdin(args, DOUBLING);
        let line = run.failure_line();
        assert!(
            line.starts_with("error: template: ") && line.contains("work limit"),
            "{line}"
        );
        let json_args: Vec<&str> = std::iter::once("--json")
            .chain(args.iter().copied())
            .collect();
        let (code, message) = dir.run_stdin(&json_args, DOUBLING).json_error();
        assert_eq!(code, "template_budget", "{message}");
    }
    // The printf variant fills no memory: the output cap stops it, and nothing is printed.
    let printf = DOUBLING.replace(")x$(", r#")$(printf "%999999d" 1)$("#);
    let run = dir.run_stdin(&["template", "render"], &printf);
    assert!(run.failure_line().contains("output limit"), "{run:#?}");
}

#[test]
fn profiles_create_with_a_never_ending_template_finishes_and_marks_it_refused() {
    let dir = DataDir::new();
    let template = format!("join={DOUBLING}");
    let run = dir.run(&[
        "--json",
        "profiles",
        "create",
        "--name",
        "Costly",
        "--callback",
        "https://bot.example.com/hook",
        "--generate-secret",
        "--template",
        &template,
    ]);
    let profile = run.json();
    assert_eq!(profile["templatesRefused"], true, "{profile}");
    assert!(run.stderr.contains("work limit"), "{run:#?}");
    let listed = dir.run(&["--json", "profiles", "list"]).json();
    assert_eq!(listed[0]["templatesRefused"], true, "{listed}");
}
