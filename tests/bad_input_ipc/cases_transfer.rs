//! The IPC catalogue's cases for moving profiles between machines (issue J §6): export,
//! preview and apply an import.
use serde_json::json;

use super::cases::{case, Case, Expect};

/// The bad inputs of one of these commands; `None` when `command` is not one of them.
pub fn cases(command: &str) -> Option<Vec<Case>> {
    use Expect::{Args, Code};
    Some(match command {
        "export_profiles" => vec![
            case("no path", json!({"ids": []}), Args),
            case(
                "ids of the wrong type",
                json!({"ids": "all", "path": "/tmp/x.json"}),
                Args,
            ),
            case(
                "an unknown profile",
                json!({"ids": ["no-such-profile"], "path": "/tmp/x.json", "passphrase": null}),
                Code("not_found"),
            ),
            case(
                "secrets with an empty passphrase",
                json!({"ids": [], "path": "/tmp/x.json", "passphrase": ""}),
                Code("transfer_passphrase_needed"),
            ),
            case(
                "into a missing folder",
                json!({"ids": [], "path": "/no/such/folder/x.json", "passphrase": null}),
                Code("transfer_file"),
            ),
        ],
        "preview_import" | "apply_import" => vec![
            case("no path", json!({}), Args),
            case("a path of the wrong type", json!({"path": 5}), Args),
            case(
                "a missing file",
                json!({"path": "/no/such/file.json", "passphrase": null}),
                Code("transfer_file"),
            ),
            case(
                "a folder",
                json!({"path": "/", "passphrase": null}),
                Code("transfer_file"),
            ),
            case(
                "not an export",
                json!({"path": concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"), "passphrase": null}),
                Code("transfer_format"),
            ),
        ],
        _ => return None,
    })
}
