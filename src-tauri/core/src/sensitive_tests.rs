//! Unit tests of `sensitive.rs`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use super::*;

#[test]
fn debug_output_hides_the_value() {
    let secret = Sensitive::new("hunter2".to_string());
    assert_eq!(format!("{secret:?}"), "<redacted>");
    assert_eq!(format!("{secret}"), "<redacted>");
    assert_eq!(format!("{:?}", Some(&secret)), "Some(<redacted>)");
    assert_eq!(secret.expose(), "hunter2");
}

#[test]
fn deserializes_from_a_plain_string() {
    let secret: Sensitive<String> = serde_json::from_str("\"abc\"").unwrap();
    assert_eq!(secret.expose(), "abc");
}

/// Counts how often it was wiped, so the test sees what `drop` did.
#[derive(Clone, Default)]
struct Wipes(Arc<AtomicUsize>);

impl Zeroize for Wipes {
    fn zeroize(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn dropping_wipes_the_value_and_every_clone() {
    let wipes = Wipes::default();
    let secret = Sensitive::new(wipes.clone());
    let copy = secret.clone();
    drop(secret);
    assert_eq!(wipes.0.load(Ordering::SeqCst), 1);
    drop(copy);
    assert_eq!(wipes.0.load(Ordering::SeqCst), 2);
}

#[test]
fn reveal_serialises_only_where_asked() {
    #[derive(Serialize)]
    struct View {
        #[serde(with = "reveal")]
        secret: Option<Sensitive<String>>,
    }
    let view = View {
        secret: Some(Sensitive::new("abc".into())),
    };
    assert_eq!(serde_json::to_string(&view).unwrap(), r#"{"secret":"abc"}"#);
    let none = View { secret: None };
    assert_eq!(serde_json::to_string(&none).unwrap(), r#"{"secret":null}"#);
}
