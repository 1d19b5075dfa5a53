//! `textgate-cli diagnostics`: the About dialog's facts as text (the same lines the app's
//! "Copy diagnostics" copies) or JSON, naming the data folder and its log folder, without
//! creating either.

use crate::support::DataDir;

#[test]
fn diagnostics_print_the_facts_as_text_and_json_and_create_nothing() {
    let parent = DataDir::new();
    let data = parent.path().join("data");
    let data_arg = data.to_str().unwrap();
    let text = parent.run_bare(&["--data-dir", data_arg, "diagnostics"], None, &[]);
    let text = text.ok();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with(&format!(
            "textgate-cli {} (commit ",
            env!("CARGO_PKG_VERSION")
        )),
        "{text}"
    );
    assert!(lines[1].starts_with("OS: "), "{text}");
    assert_eq!(lines[2], "Web view: none (command line)");
    assert!(lines[3].starts_with("Keychain: "), "{text}");
    assert_eq!(lines[4], format!("Data folder: {}", data.display()));
    assert_eq!(
        lines[5],
        format!("Log folder: {}", data.join("logs").display())
    );
    assert_eq!(lines.len(), 6, "{text}");

    let json = parent
        .run_bare(
            &["--data-dir", data_arg, "--json", "diagnostics"],
            None,
            &[],
        )
        .json();
    assert_eq!(json["program"], "textgate-cli");
    assert_eq!(json["webview"], serde_json::Value::Null);
    assert_eq!(json["logDir"], data.join("logs").display().to_string());
    assert_eq!(
        lines[0],
        format!(
            "textgate-cli {} (commit {})",
            json["version"].as_str().unwrap(),
            json["commit"].as_str().unwrap()
        )
    );
    // Verbose or not, it only reports: no data or log folder appears.
    parent
        .run_bare(&["--data-dir", data_arg, "-vv", "diagnostics"], None, &[])
        .ok();
    assert!(!data.exists());
}
