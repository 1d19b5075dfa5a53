//! The bad-input catalogue's cases for the profile commands that edit in place, copy, resolve
//! conflicts or pick several profiles (`set`, `rotate-secret`, `duplicate`, `compare`,
//! `resolve`, and the selection of `push|enable|disable|delete`). The data folder holds one
//! local profile, "Support" (no server, no flow).

use super::bad_input_cases::{case, Case, Inputs, HUGE, USAGE};

/// The bad inputs of one of these commands.
pub fn cases<'a>(path: &str, huge_arg: &'a str) -> Vec<Case> {
    match path {
        "profiles set" => {
            let set = |extra: &[&'a str]| joined(&["profiles", "set", "Support"], extra);
            vec![
                case("nothing to change", USAGE, &set(&[])),
                case(
                    "unknown profile",
                    1,
                    &["profiles", "set", "nosuch", "--notes", "x"],
                ),
                case(
                    "javascript: callback",
                    1,
                    &set(&["--callback", "javascript:alert(1)"]),
                ),
                case("empty name", 1, &set(&["--name", ""])),
                case("huge name", 1, &set(&["--name", huge_arg])),
                case("huge notes", 1, &set(&["--notes", huge_arg])),
                case("a URI with a space", 1, &set(&["--uri", "/a b"])),
                case("unknown template key", 1, &set(&["--template", "nokey=x"])),
                case("flow not cached, no server", 1, &set(&["--flow", "7"])),
                case("flow not a number", USAGE, &set(&["--flow", "seven"])),
                case("unknown server", 1, &set(&["--server", "nosuch"])),
                case(
                    "two secret sources",
                    USAGE,
                    &set(&["--secret-stdin", "--generate-secret"]),
                ),
                case("empty secret on stdin", 1, &set(&["--secret-stdin"])),
                case("huge secret on stdin", 1, &set(&["--secret-stdin"])).stdin(vec![b'x'; HUGE]),
            ]
        }
        "profiles rotate-secret" => vec![
            case(
                "unknown profile",
                1,
                &["profiles", "rotate-secret", "nosuch"],
            ),
            case("empty id", 1, &["profiles", "rotate-secret", ""]),
            case(
                "push without a server",
                1,
                &["profiles", "rotate-secret", "Support", "--push"],
            ),
            case(
                "url without --prove",
                USAGE,
                &[
                    "profiles",
                    "rotate-secret",
                    "Support",
                    "--url",
                    "http://127.0.0.1:9/",
                ],
            ),
            case(
                "prove to a javascript: URL",
                1,
                &[
                    "profiles",
                    "rotate-secret",
                    "Support",
                    "--prove",
                    "--url",
                    "javascript:alert(1)",
                ],
            ),
        ],
        "profiles duplicate" => vec![
            case("unknown profile", 1, &["profiles", "duplicate", "nosuch"]),
            case(
                "empty name",
                1,
                &["profiles", "duplicate", "Support", "--name", " "],
            ),
            case(
                "huge name",
                1,
                &["profiles", "duplicate", "Support", "--name", huge_arg],
            ),
        ],
        "profiles compare" => vec![
            case("unknown profile", 1, &["profiles", "compare", "nosuch"]),
            case("not on a server", 1, &["profiles", "compare", "Support"]),
        ],
        "profiles resolve" => vec![
            case("missing --keep", USAGE, &["profiles", "resolve", "Support"]),
            case(
                "unknown --keep",
                USAGE,
                &["profiles", "resolve", "Support", "--keep", "both"],
            ),
            case(
                "unknown profile",
                1,
                &["profiles", "resolve", "nosuch", "--keep", "local"],
            ),
            case(
                "not on a server",
                1,
                &["profiles", "resolve", "Support", "--keep", "server"],
            ),
            case(
                "--take without =",
                USAGE,
                &["profiles", "resolve", "Support", "--take", "enabled"],
            ),
            case(
                "--take of an unknown field",
                USAGE,
                &["profiles", "resolve", "Support", "--take", "colour=local"],
            ),
            case(
                "--take of a local-only field",
                USAGE,
                &["profiles", "resolve", "Support", "--take", "notes=server"],
            ),
            case(
                "--take of an unknown side",
                USAGE,
                &["profiles", "resolve", "Support", "--take", "enabled=both"],
            ),
            case(
                "--take not on a server",
                1,
                &["profiles", "resolve", "Support", "--take", "enabled=server"],
            ),
        ],
        other => panic!("`{other}` is not one of this file's commands"),
    }
}

/// `profiles export` and `profiles import` (the file they write lands outside the data folder).
pub fn transfer_cases(path: &str, inputs: &Inputs) -> Vec<Case> {
    let out = inputs.missing.clone() + "/no-such-folder/out.json";
    match path {
        "profiles export" => vec![
            case("no --out", USAGE, &["profiles", "export"]),
            case(
                "unknown profile",
                1,
                &["profiles", "export", "nosuch", "--out", out.as_str()],
            ),
            case(
                "a name and --match",
                USAGE,
                &[
                    "profiles",
                    "export",
                    "Support",
                    "--match",
                    "S*",
                    "--out",
                    out.as_str(),
                ],
            ),
            case(
                "nothing matches",
                1,
                &[
                    "profiles",
                    "export",
                    "--match",
                    "zz*",
                    "--out",
                    out.as_str(),
                ],
            ),
            case(
                "into a missing folder",
                1,
                &["profiles", "export", "--out", out.as_str()],
            ),
            case(
                "secrets without a passphrase",
                1,
                &[
                    "profiles",
                    "export",
                    "--out",
                    out.as_str(),
                    "--with-secrets",
                ],
            ),
            case(
                "a huge passphrase",
                1,
                &[
                    "profiles",
                    "export",
                    "--out",
                    out.as_str(),
                    "--with-secrets",
                ],
            )
            .stdin(vec![b'x'; HUGE]),
        ],
        "profiles import" => vec![
            case("no file", USAGE, &["profiles", "import"]),
            case(
                "a missing file",
                1,
                &["profiles", "import", &inputs.missing],
            ),
            case("not JSON", 1, &["profiles", "import", &inputs.not_json]),
            case(
                "not UTF-8",
                1,
                &["profiles", "import", &inputs.invalid_utf8],
            ),
            case(
                "foreign JSON",
                1,
                &["profiles", "import", &inputs.wrong_types],
            ),
            case("huge", 1, &["profiles", "import", &inputs.huge]),
            case("a folder", 1, &["profiles", "import", "/"]),
        ],
        other => panic!("`{other}` is not a transfer command"),
    }
}

fn joined<'a>(start: &[&'a str], extra: &[&'a str]) -> Vec<&'a str> {
    [start, extra].concat()
}

/// Bad selections for `profiles push|enable|disable|delete` (`verb`).
pub fn selection_cases(verb: &str) -> Vec<Case> {
    let with = |extra: &[&'static str]| joined(&["profiles", verb], extra);
    vec![
        case("nothing selected", USAGE, &with(&[])),
        case(
            "a second name unknown",
            1,
            &with(&["Support", "nosuch", "--yes"]),
        ),
        case(
            "a name and --match",
            USAGE,
            &with(&["Support", "--match", "S*"]),
        ),
        case("--match without a value", USAGE, &with(&["--match"])),
        case(
            "unknown --server",
            1,
            &with(&["--match", "*", "--server", "nosuch"]),
        ),
        case("unknown --state", USAGE, &with(&["--state", "running"])),
        case("unknown --sync", USAGE, &with(&["--sync", "somewhere"])),
    ]
}
