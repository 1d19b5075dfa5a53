use std::collections::BTreeSet;
use std::path::PathBuf;

use ts_rs::TS;

use super::*;

#[test]
fn all_lists_every_field_once() {
    // The TypeScript union ts-rs derives names every variant: `"name" | "uri" | …`.
    let decl = ProfileField::decl(&ts_rs::Config::default());
    let declared: BTreeSet<String> = decl
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    let listed: Vec<String> = ProfileField::ALL.iter().map(|f| f.wire_name()).collect();
    let unique: BTreeSet<String> = listed.iter().cloned().collect();
    assert_eq!(
        unique.len(),
        listed.len(),
        "a field is listed twice: {listed:?}"
    );
    assert_eq!(unique, declared, "ProfileField::ALL misses a variant");
}

#[test]
fn every_label_key_is_in_all_nine_message_files() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/messages");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "json") {
            continue;
        }
        files += 1;
        let messages: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for field in ProfileField::ALL {
            let key = field.label().key;
            assert!(
                messages[key].as_str().is_some_and(|text| !text.is_empty()),
                "{} has no {key} (label of {field:?})",
                path.display()
            );
        }
    }
    assert_eq!(files, 9, "expected the nine locales in {}", dir.display());
}

#[test]
fn synced_fields_are_the_sync_content_in_order() {
    let synced: Vec<String> = ProfileField::synced().map(|f| f.wire_name()).collect();
    assert_eq!(
        synced,
        [
            "name",
            "uri",
            "callback",
            "flow",
            "enabled",
            "templateTitle",
            "templateClose",
            "templateJoin",
            "templateLeft",
            "templateFilePolicyFail"
        ]
    );
}
