//! `profiles enable|disable|delete`: Start/Stop and delete reach the gateway on the server
//! (checked in the emulator's state), and a local delete leaves the server alone.

use crate::support::{create_on_prod, id_of, DataDir, WebitelServer};

#[test]
fn enable_disable_and_delete_reach_the_server() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    let id = id_of(&create_on_prod(&dir, "Sales"));
    dir.run(&["profiles", "push", &id]).ok();
    let remote_id = webitel.emulator().bots()[0].id.unwrap();
    let enabled = |webitel: &WebitelServer| webitel.emulator().bot(remote_id).unwrap().enabled;
    assert!(!enabled(&webitel));

    let on = dir.run(&["profiles", "enable", "sales"]);
    assert_eq!(on.ok().trim(), "Enabled \u{201c}Sales\u{201d} on prod");
    assert!(enabled(&webitel));

    let off = dir.run(&["--json", "profiles", "disable", &id]).json();
    assert_eq!(off["enabled"], false);
    assert!(off.get("secret").is_none());
    assert!(!enabled(&webitel));

    let deleted = dir.run(&["profiles", "delete", "Sales", "--remote"]);
    assert_eq!(
        deleted.ok().trim(),
        "Deleted \u{201c}Sales\u{201d} from prod and locally"
    );
    assert!(webitel.emulator().bots().is_empty());
    assert_eq!(
        dir.run(&["--json", "profiles", "list"]).json(),
        serde_json::json!([])
    );
}

#[test]
fn local_delete_keeps_the_gateway_and_json_delete_names_the_server() {
    let webitel = WebitelServer::start();
    let dir = DataDir::new();
    dir.add_server("prod", &webitel);
    let first = id_of(&create_on_prod(&dir, "Keep"));
    let second = id_of(&create_on_prod(&dir, "Drop"));
    dir.run(&["profiles", "push", &first]).ok();
    dir.run(&["profiles", "push", &second]).ok();

    let local = dir.run(&["profiles", "delete", &first]);
    assert!(
        local.ok().contains("the gateway stays on prod"),
        "{local:#?}"
    );
    assert_eq!(webitel.emulator().bots().len(), 2);

    let remote = dir
        .run(&["--json", "profiles", "delete", "drop", "--remote"])
        .json();
    assert_eq!(
        remote,
        serde_json::json!({"deleted": second, "name": "Drop", "server": "prod"})
    );
    assert_eq!(webitel.emulator().bots().len(), 1);
}
