//! Unit tests of `secrets.rs`.

use super::*;

#[test]
fn memory_store_round_trip_and_idempotent_remove() {
    let store = MemorySecretStore::new();
    assert_eq!(store.read("p1").unwrap(), None);
    store.write("p1", &Sensitive::new("abc".into())).unwrap();
    assert_eq!(store.read("p1").unwrap().unwrap().expose(), "abc");
    store.remove("p1").unwrap();
    store.remove("p1").unwrap();
    assert!(store.is_empty());
}

#[test]
fn unavailable_store_fails_every_call() {
    let store = MemorySecretStore::new();
    store.set_unavailable(true);
    assert!(matches!(store.read("p1"), Err(SecretError::Unavailable(_))));
    assert!(matches!(
        store.write("p1", &Sensitive::new("x".into())),
        Err(SecretError::Unavailable(_))
    ));
    assert!(matches!(
        store.remove("p1"),
        Err(SecretError::Unavailable(_))
    ));
}
