//! The store's own guard on one address being one server, and the duplicates an older build
//! let in: kept and listed (opening never fails on them), only new ones refused.

use super::*;

fn server(id: &str, name: &str, base_url: &str) -> Server {
    Server {
        id: id.into(),
        name: name.into(),
        base_url: base_url.into(),
        ca_pem: None,
        username: None,
        created_at: 1,
        updated_at: 1,
        token: TokenFacts::default(),
    }
}

#[test]
fn duplicates_from_an_older_build_are_kept_and_new_ones_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("textgate.db");
    {
        let store = Store::open(&path).unwrap();
        // As an older build stored them: no check at all.
        for (id, name) in [("a", "Prod"), ("b", "Prod again")] {
            store
                .conn
                .execute(
                    "INSERT INTO servers (id, name, base_url, created_at, updated_at)
                     VALUES (?1, ?2, 'https://cloud.example.com', 1, 1)",
                    [id, name],
                )
                .unwrap();
        }
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.list_servers().unwrap().len(), 2);

    let third = server("c", "Third", "https://CLOUD.example.com:443/");
    let refused = store.insert_server(&third).unwrap_err();
    assert!(
        matches!(&refused, CoreError::DuplicateServer { existing, .. } if existing == "Prod"),
        "{refused:?}"
    );
    // One of the old pair may still be renamed: its address did not change.
    let mut renamed = store.get_server("b").unwrap();
    renamed.name = "Staging".into();
    store.update_server(&renamed, false).unwrap();
    assert_eq!(store.get_server("b").unwrap().name, "Staging");
    // But nothing else may move onto their address.
    store
        .insert_server(&server("d", "Lab", "https://lab.example.com"))
        .unwrap();
    let mut moved = store.get_server("d").unwrap();
    moved.base_url = "https://cloud.example.com/".into();
    assert!(matches!(
        store.update_server(&moved, true),
        Err(CoreError::DuplicateServer { .. })
    ));
    moved.name = "prod".into();
    moved.base_url = "https://lab.example.com".into();
    assert!(matches!(
        store.update_server(&moved, false),
        Err(CoreError::ServerExists(_))
    ));
}
