//! Editing a server against a running emulator (rename, token, CA, address), and one address
//! being one server: a second server at the same address, however spelt, is refused.

use crate::emulator::{Emulator, TokenGrant};
use crate::error::CoreError;
use crate::secrets::SecretStore;
use crate::sensitive::Sensitive;
use crate::server::{token_account, CaChange, ServerAuth, ServerEdit};
use crate::workspace::test_support::{draft, fixture, pushed, saved};

fn token(text: &str) -> ServerAuth {
    ServerAuth::Token {
        token: Sensitive::new(text.into()),
    }
}

fn stored_token<S: SecretStore>(secrets: &S, server_id: &str) -> String {
    secrets
        .read(&token_account(server_id))
        .unwrap()
        .unwrap()
        .expose()
        .clone()
}

/// A private CA certificate in PEM (only its validity matters to a plain-http emulator).
fn ca_pem() -> String {
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    rcgen::CertifiedIssuer::self_signed(params, rcgen::KeyPair::generate().unwrap())
        .unwrap()
        .pem()
}

#[tokio::test]
async fn a_second_server_at_the_same_address_is_refused_however_it_is_spelt() {
    let f = fixture().await;
    let url = f.running.base_url();
    let loud = url.replace("http://", "HTTP://");
    for spelling in [
        url.clone(),
        format!("{url}/"),
        format!("{url}//"),
        format!("  {loud}/ "),
    ] {
        let refused = f
            .workspace
            .servers()
            .add("Again", &spelling, None, token("tok"))
            .await
            .unwrap_err();
        assert!(
            matches!(&refused, CoreError::DuplicateServer { existing, .. } if existing == "Emu"),
            "{spelling}: {refused:?}"
        );
        assert_eq!(
            refused.to_string(),
            format!("Emu already uses {url}; edit it instead")
        );
    }
    assert_eq!(f.workspace.servers().list().unwrap().len(), 1);
}

#[test]
fn an_address_is_compared_as_the_client_reaches_it() {
    use crate::server::address_key;
    let key = address_key("https://cloud.example.com").unwrap();
    for same in [
        "https://Cloud.EXAMPLE.com",
        "https://cloud.example.com/",
        "https://cloud.example.com:443",
        "HTTPS://cloud.example.com:443//",
    ] {
        assert_eq!(address_key(same).as_deref(), Some(key.as_str()), "{same}");
    }
    for other in [
        "http://cloud.example.com",
        "https://cloud.example.com:8443",
        "https://other.example.com",
        // The client adds /api/ after the path: /api here would be /api/api/.
        "https://cloud.example.com/api",
    ] {
        assert_ne!(address_key(other).as_deref(), Some(key.as_str()), "{other}");
    }
    assert_eq!(
        address_key("http://cloud.example.com:80/webitel/").unwrap(),
        "http://cloud.example.com/webitel"
    );
    assert_eq!(address_key("not a url"), None);
}

#[tokio::test]
async fn rename_keeps_the_profiles_and_refuses_a_taken_name() {
    let f = fixture().await;
    let profile = saved(&f, "Sales");
    let second = Emulator::new("tok2").spawn().await.unwrap();
    f.workspace
        .servers()
        .add("Other", &second.base_url(), None, token("tok2"))
        .await
        .unwrap();

    let rename = |name: &str| ServerEdit {
        name: Some(name.into()),
        ..ServerEdit::default()
    };
    let taken = f.workspace.servers().edit("Emu", rename("OTHER")).await;
    assert!(
        matches!(taken, Err(CoreError::ServerExists(_))),
        "{taken:?}"
    );
    let blank = f.workspace.servers().edit("Emu", rename("  ")).await;
    assert!(matches!(blank, Err(CoreError::Invalid(_))), "{blank:?}");

    let edited = f
        .workspace
        .servers()
        .edit("Emu", rename("Prod"))
        .await
        .unwrap();
    assert_eq!(edited.name, "Prod");
    assert_eq!(edited.profiles, 1);
    assert_eq!(edited.id, f.server_id);
    let view = f.workspace.profiles().get(&profile.id).unwrap();
    assert_eq!(view.server_id.as_deref(), Some(f.server_id.as_str()));
    // Another case of its own name is not "taken".
    let cased = f
        .workspace
        .servers()
        .edit("Prod", rename("PROD"))
        .await
        .unwrap();
    assert_eq!(cased.name, "PROD");
}

#[tokio::test]
async fn a_new_token_is_checked_before_it_replaces_the_old_one() {
    let f = fixture().await;
    f.emulator().add_token(TokenGrant {
        token: "read-only".into(),
        access: "r".into(),
        expires_at: None,
    });
    let with_token = |text: &str| ServerEdit {
        token: Some(Sensitive::new(text.into())),
        ..ServerEdit::default()
    };

    let refused = f.workspace.servers().edit("Emu", with_token("nope")).await;
    assert!(matches!(refused, Err(CoreError::Client(_))), "{refused:?}");
    assert_eq!(refused.unwrap_err().code(), crate::ErrorCode::Unauthorized);
    assert_eq!(stored_token(&*f.secrets, &f.server_id), "tok");

    let edited = f
        .workspace
        .servers()
        .edit("Emu", with_token(" read-only\n"))
        .await
        .unwrap();
    assert_eq!(stored_token(&*f.secrets, &f.server_id), "read-only");
    let access = edited.permissions.unwrap();
    assert!(
        access.read && !access.update && !access.create,
        "{access:?}"
    );
}

#[tokio::test]
async fn the_private_ca_is_replaced_checked_and_removed() {
    let f = fixture().await;
    let with_ca = |ca: CaChange| ServerEdit {
        ca,
        ..ServerEdit::default()
    };
    let broken = CaChange::Replace {
        pem: "not a certificate".into(),
    };
    let refused = f.workspace.servers().edit("Emu", with_ca(broken)).await;
    assert_eq!(
        refused.unwrap_err().code(),
        crate::ErrorCode::InvalidCertificate
    );
    assert!(!f.workspace.servers().list().unwrap()[0].has_custom_ca);

    let replace = CaChange::Replace { pem: ca_pem() };
    let edited = f
        .workspace
        .servers()
        .edit("Emu", with_ca(replace))
        .await
        .unwrap();
    assert!(edited.has_custom_ca);
    assert!(f.workspace.servers().find("Emu").unwrap().ca_pem.is_some());

    let edited = f
        .workspace
        .servers()
        .edit("Emu", with_ca(CaChange::Remove))
        .await
        .unwrap();
    assert!(!edited.has_custom_ca);
}

#[tokio::test]
async fn the_address_changes_until_a_profile_is_pushed_then_is_refused() {
    let f = fixture().await;
    saved(&f, "Never pushed");
    let moved = Emulator::new("tok");
    moved
        .add_schema(7, "Support bot", "chat")
        .add_schema(11, "Moved bot", "chat");
    let moved = moved.spawn().await.unwrap();
    let to = |url: String| ServerEdit {
        base_url: Some(url),
        ..ServerEdit::default()
    };

    let edited = f
        .workspace
        .servers()
        .edit("Emu", to(moved.base_url()))
        .await
        .unwrap();
    assert_eq!(edited.base_url, moved.base_url());
    let flows = f
        .workspace
        .profiles()
        .flow_schemas(Some(&f.server_id))
        .unwrap();
    assert!(
        flows.iter().any(|flow| flow.name == "Moved bot"),
        "the schemas of the new address: {flows:?}"
    );

    let (_, _) = pushed(&f, draft(&f.server_id, "Live")).await;
    let back = f
        .workspace
        .servers()
        .edit("Emu", to(f.running.base_url()))
        .await;
    match back {
        Err(CoreError::ServerUrlLocked { pushed, .. }) => assert_eq!(pushed, 1),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        f.workspace.servers().find("Emu").unwrap().base_url,
        moved.base_url()
    );
    // Another spelling of the same address is no change of address.
    let same = f
        .workspace
        .servers()
        .edit("Emu", to(format!("{}/", moved.base_url())))
        .await;
    assert!(same.is_ok(), "{same:?}");
}

#[tokio::test]
async fn the_address_of_another_server_is_refused_on_edit_too() {
    let f = fixture().await;
    let second = Emulator::new("tok").spawn().await.unwrap();
    f.workspace
        .servers()
        .add("Other", &second.base_url(), None, token("tok"))
        .await
        .unwrap();
    let edit = ServerEdit {
        base_url: Some(format!("{}/", f.running.base_url())),
        ..ServerEdit::default()
    };
    let refused = f.workspace.servers().edit("Other", edit).await;
    assert!(
        matches!(&refused, Err(CoreError::DuplicateServer { existing, .. }) if existing == "Emu"),
        "{refused:?}"
    );
}
