//! Unit tests of `generate.rs`.

use super::*;
use std::collections::HashSet;

#[test]
fn uri_is_a_slash_and_31_lowercase_letters() {
    let uri = generate_uri();
    assert_eq!(uri.len(), 32);
    assert!(uri.starts_with('/'));
    assert!(uri[1..].bytes().all(|b| b.is_ascii_lowercase()), "{uri}");
}

#[test]
fn secret_is_32_alphanumerics() {
    let secret = generate_secret();
    assert_eq!(secret.len(), 32);
    assert!(secret.bytes().all(|b| b.is_ascii_alphanumeric()));
}

#[test]
fn ten_thousand_draws_never_repeat() {
    let uris: HashSet<String> = (0..10_000).map(|_| generate_uri()).collect();
    let secrets: HashSet<String> = (0..10_000).map(|_| generate_secret()).collect();
    assert_eq!(uris.len(), 10_000);
    assert_eq!(secrets.len(), 10_000);
    for uri in &uris {
        assert_eq!(uri.len(), 32);
        assert!(uri[1..].bytes().all(|b| b.is_ascii_lowercase()));
    }
    for secret in &secrets {
        assert_eq!(secret.len(), 32);
        assert!(secret.bytes().all(|b| b.is_ascii_alphanumeric()));
    }
}

#[test]
fn every_character_of_the_alphabet_appears() {
    // 10,000 secrets hold 320,000 characters: all 62 must show up, and none dominates.
    let mut counts = [0usize; 128];
    for _ in 0..10_000 {
        for b in generate_secret().bytes() {
            counts[b as usize] += 1;
        }
    }
    let seen: Vec<usize> = ALPHANUMERIC.iter().map(|&c| counts[c as usize]).collect();
    let expected = 320_000 / 62;
    for (count, &c) in seen.iter().zip(ALPHANUMERIC) {
        assert!(
            *count > expected * 8 / 10 && *count < expected * 12 / 10,
            "character {} appeared {count} times, expected about {expected}",
            c as char
        );
    }
}
