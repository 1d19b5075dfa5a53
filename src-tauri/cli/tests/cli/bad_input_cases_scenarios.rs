//! The bad-input catalogue's cases for named test events: `scenarios list|show|save|delete`,
//! and `send --scenario` / `emulate --scenario` (added to those commands' cases).

use super::bad_input_cases::{case, Case, Inputs, USAGE};

/// The bad inputs of one `scenarios` command.
pub fn cases(path: &str, inputs: &Inputs) -> Vec<Case> {
    let save = |what, code, name: &str, direction: &str, file: &str| {
        case(
            what,
            code,
            &[
                "scenarios",
                "save",
                name,
                "--direction",
                direction,
                "--body-file",
                file,
            ],
        )
    };
    match path {
        "scenarios list" => vec![case(
            "an unexpected argument",
            USAGE,
            &["scenarios", "list", "x"],
        )],
        "scenarios show" => vec![
            case("unknown scenario", 1, &["scenarios", "show", "nosuch"]),
            case("no name", USAGE, &["scenarios", "show"]),
            case("empty name", 1, &["scenarios", "show", ""]),
        ],
        "scenarios save" => vec![
            save(
                "a built-in's name",
                1,
                "client.text",
                "send",
                &inputs.wrong_types,
            ),
            save("body not JSON", 1, "mine", "send", &inputs.not_json),
            save("body not UTF-8", 1, "mine", "send", &inputs.invalid_utf8),
            save("body file missing", 1, "mine", "send", &inputs.missing),
            save("huge body", 1, "mine", "send", &inputs.huge),
            save(
                "not an agent's action",
                1,
                "mine",
                "emulate",
                &inputs.wrong_types,
            ),
            save("bad name", 1, "has space", "send", &inputs.wrong_types),
            save(
                "unknown direction",
                USAGE,
                "mine",
                "sideways",
                &inputs.wrong_types,
            ),
            save("body on stdin not an object", 1, "mine", "send", "-").stdin(b"[1,2]".to_vec()),
            case(
                "no direction",
                USAGE,
                &["scenarios", "save", "mine", "--body-file", "-"],
            ),
        ],
        "scenarios delete" => vec![
            case("a built-in", 1, &["scenarios", "delete", "agent.join"]),
            case("unknown scenario", 1, &["scenarios", "delete", "nosuch"]),
        ],
        other => panic!("`{other}` has no bad-input cases: add them to the catalogue"),
    }
}

/// The `--scenario` cases of `send` and `emulate` (none for other commands).
pub fn with_scenario(path: &str) -> Vec<Case> {
    match path {
        "send" => send(),
        "emulate" => emulate(),
        _ => Vec::new(),
    }
}

/// `send --scenario` cases.
fn send() -> Vec<Case> {
    vec![
        case(
            "unknown scenario",
            1,
            &["send", "Support", "--scenario", "nosuch"],
        ),
        case(
            "an emulate scenario",
            1,
            &["send", "Support", "--scenario", "agent.text"],
        ),
        case(
            "override without =",
            1,
            &[
                "send",
                "Support",
                "--scenario",
                "client.text",
                "--set",
                "message.text",
            ],
        ),
        case(
            "override through a string",
            1,
            &[
                "send",
                "Support",
                "--scenario",
                "client.text",
                "--set",
                "message.text.x=1",
            ],
        ),
        case(
            "--set without --scenario",
            USAGE,
            &["send", "Support", "--close", "c", "--set", "a=1"],
        ),
        case(
            "scenario and text",
            USAGE,
            &[
                "send",
                "Support",
                "--scenario",
                "client.text",
                "--close",
                "c",
            ],
        ),
    ]
}

/// `emulate --scenario` cases.
fn emulate() -> Vec<Case> {
    vec![
        case(
            "unknown scenario",
            1,
            &["emulate", "Support", "--scenario", "nosuch"],
        ),
        case(
            "a send scenario",
            1,
            &["emulate", "Support", "--scenario", "client.text"],
        ),
        case(
            "override of no field",
            1,
            &[
                "emulate",
                "Support",
                "--scenario",
                "agent.text",
                "--set",
                "colour=red",
            ],
        ),
        case(
            "override of a wrong type",
            1,
            &[
                "emulate",
                "Support",
                "--scenario",
                "agent.join",
                "--set",
                "agent.Id=x",
            ],
        ),
        case(
            "no chat and no scenario",
            USAGE,
            &["emulate", "Support", "--text", "hi"],
        ),
    ]
}
