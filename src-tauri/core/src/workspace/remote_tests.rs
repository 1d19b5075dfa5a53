//! The server view against the emulator: every provider listed (custom ones linked or not,
//! the others read-only), every page read, nothing secret asked for, and the local profiles
//! whose gateway is gone.

use crate::webitel::wire::{Bot, Metadata};
use crate::workspace::test_support::{draft, fixture, pushed, remote_bot};

fn other_provider(name: &str, uri: &str, provider: &str) -> Bot {
    let mut metadata = Metadata::default();
    metadata
        .0
        .insert("token".into(), "Telegram-Bot-Token".into());
    Bot {
        name: name.into(),
        uri: uri.into(),
        provider: provider.into(),
        enabled: true,
        metadata,
        ..Bot::default()
    }
}

#[tokio::test]
async fn the_view_has_every_provider_the_links_and_the_missing() {
    let f = fixture().await;
    let (linked, linked_id) = pushed(&f, draft(&f.server_id, "Linked here")).await;
    let (gone, gone_id) = pushed(&f, draft(&f.server_id, "Gone there")).await;
    assert!(f.emulator().remove_bot(gone_id));
    let unlinked = f.emulator().insert_bot(remote_bot("Not here", "/nothere"));
    let telegram = f
        .emulator()
        .insert_bot(other_provider("Support TG", "/tg", "telegram"));
    let viber = f
        .emulator()
        .insert_bot(other_provider("Viber line", "/viber", "viber"));

    let view = f
        .workspace
        .servers()
        .gateways_on_server("Emu", None)
        .await
        .unwrap();
    assert_eq!(view.server_id, f.server_id);
    assert_eq!(view.server_name, "Emu");
    let rows: Vec<(i64, &str, bool, Option<&str>)> = view
        .gateways
        .iter()
        .map(|g| {
            (
                g.id,
                g.provider.as_str(),
                g.custom,
                g.profile.as_ref().map(|p| p.name.as_str()),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (linked_id, "custom", true, Some("Linked here")),
            (unlinked, "custom", true, None),
            (telegram, "telegram", false, None),
            (viber, "viber", false, None),
        ]
    );
    let first = &view.gateways[0];
    assert_eq!(first.profile.as_ref().unwrap().id, linked.id);
    assert_eq!(first.uri, linked.uri);
    assert_eq!(first.flow.as_ref().map(|flow| flow.id), Some(7));
    assert!(first.updated_at.is_some());
    assert_eq!(view.gateways[2].name, "Support TG");
    assert!(view.gateways[2].enabled);

    assert_eq!(view.missing.len(), 1);
    assert_eq!(view.missing[0].profile_id, gone.id);
    assert_eq!(view.missing[0].name, "Gone there");
    assert_eq!(view.missing[0].remote_id, gone_id);

    let asked = f.emulator().requests();
    let listing = asked.iter().rfind(|r| r.path == "/api/chat/bots").unwrap();
    assert!(
        !listing.query.contains("metadata") && !listing.query.contains("provider="),
        "every provider, never their credentials: {}",
        listing.query
    );
    let json = serde_json::to_string(&view).unwrap();
    assert!(!json.contains("Telegram-Bot-Token") && !json.contains("RemoteSecret"));
}

#[tokio::test]
async fn hundreds_of_gateways_are_all_read_page_by_page() {
    let f = fixture().await;
    for i in 0..1234 {
        f.emulator()
            .insert_bot(remote_bot(&format!("Gateway {i:04}"), &format!("/gw{i}")));
    }
    let before = f.emulator().requests().len();
    let view = f
        .workspace
        .servers()
        .gateways_on_server(&f.server_id, None)
        .await
        .unwrap();
    assert_eq!(view.gateways.len(), 1234);
    assert_eq!(view.gateways[1233].name, "Gateway 1233");
    let pages: Vec<String> = f.emulator().requests()[before..]
        .iter()
        .filter(|r| r.path == "/api/chat/bots")
        .map(|r| r.query.clone())
        .collect();
    assert_eq!(pages.len(), 13, "13 pages of 100");
    assert!(pages[12].contains("page=13") && pages[12].contains("size=100"));

    let remote = f
        .workspace
        .servers()
        .list_remote_gateways("Emu", None)
        .await
        .unwrap();
    assert_eq!(remote.len(), 1234, "`gateways list` reads them all too");
}

#[tokio::test]
async fn a_search_narrows_the_view_and_says_nothing_of_missing() {
    let f = fixture().await;
    let (_, gone_id) = pushed(&f, draft(&f.server_id, "Gone there")).await;
    f.emulator().remove_bot(gone_id);
    f.emulator()
        .insert_bot(remote_bot("Billing bot", "/billing"));
    f.emulator().insert_bot(remote_bot("Sales bot", "/sales"));
    let view = f
        .workspace
        .servers()
        .gateways_on_server("Emu", Some("  billing "))
        .await
        .unwrap();
    let names: Vec<&str> = view.gateways.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Billing bot"]);
    assert!(view.missing.is_empty(), "a narrowed list cannot tell");
    let remote = f
        .workspace
        .servers()
        .list_remote_gateways("Emu", Some("sales"))
        .await
        .unwrap();
    assert_eq!(remote.len(), 1);
    assert_eq!(remote[0].name, "Sales bot");
    assert_eq!(remote[0].profile_id, None);
}
