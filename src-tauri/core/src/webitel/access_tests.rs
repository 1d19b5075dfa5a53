use super::*;
use crate::webitel::wire::{ObjClass, UserPermission};

fn info(scope: Option<Vec<(&str, &str)>>, permissions: &[&str]) -> UserInfo {
    UserInfo {
        scope: scope.map(|entries| {
            entries
                .into_iter()
                .map(|(class, access)| ObjClass {
                    class: class.into(),
                    access: access.into(),
                    obac: true,
                    ..ObjClass::default()
                })
                .collect()
        }),
        permissions: permissions
            .iter()
            .map(|id| UserPermission {
                id: (*id).into(),
                name: String::new(),
            })
            .collect(),
        ..UserInfo::default()
    }
}

#[test]
fn the_chat_bots_letters_say_what_the_token_may_do() {
    let read_only = GatewayPermissions::from_user_info(&info(
        Some(vec![("acr_routing", "xrwd"), ("chat_bots", "r")]),
        &[],
    ));
    assert_eq!(
        read_only,
        Some(GatewayPermissions {
            read: true,
            ..GatewayPermissions::default()
        })
    );
    // Doubled letters (may also grant) count once.
    let all = GatewayPermissions::from_user_info(&info(Some(vec![("chat_bots", "xxrrwwdd")]), &[]));
    assert_eq!(all.map(|p| p.letters()), Some("xrwd".to_string()));
}

#[test]
fn no_scope_is_unknown_and_no_chat_bots_entry_is_no_access() {
    assert_eq!(GatewayPermissions::from_user_info(&info(None, &[])), None);
    assert_eq!(
        GatewayPermissions::from_user_info(&info(Some(vec![("acr_routing", "xrwd")]), &[])),
        Some(GatewayPermissions::default())
    );
}

#[test]
fn user_level_permissions_bypass_the_letters() {
    let bypass = GatewayPermissions::from_user_info(&info(
        Some(vec![("chat_bots", "r")]),
        &["add", "delete"],
    ))
    .unwrap();
    assert_eq!(bypass.letters(), "xrd");
}

#[test]
fn letters_round_trip() {
    for letters in ["", "r", "xr", "rw", "xrwd", "d"] {
        assert_eq!(GatewayPermissions::from_letters(letters).letters(), letters);
    }
}

#[test]
fn userinfo_reads_exp_and_scope_as_webitel_sends_them() {
    let info: UserInfo = serde_json::from_str(
        r#"{"user_id":"1","exp":"1767225600000","scope":[{"id":"3","name":"Chat bots","class":"chat_bots","access":"rw","obac":true}],
            "permissions":[{"id":"read","name":"Select any"}]}"#,
    )
    .unwrap();
    assert_eq!(info.exp, Some(1_767_225_600_000));
    assert_eq!(
        GatewayPermissions::from_user_info(&info).map(|p| p.letters()),
        Some("rw".into())
    );
}
