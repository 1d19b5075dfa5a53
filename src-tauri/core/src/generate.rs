//! Values Textgate generates for new gateways: the webhook URI and the app secret. Both come
//! from the OS CSPRNG with rejection sampling, so every character of the alphabet is equally
//! likely (a plain `byte % len` would favour the first letters).

const LOWERCASE: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
const ALPHANUMERIC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// Letters after the leading `/` of a generated URI (as Webitel's own admin does).
pub const URI_LETTERS: usize = 31;
/// Length of a generated app secret.
pub const SECRET_LENGTH: usize = 32;

/// A fresh gateway URI: `/` followed by 31 random lowercase letters.
pub fn generate_uri() -> String {
    format!("/{}", random_string(LOWERCASE, URI_LETTERS))
}

/// A fresh app secret: 32 random characters of `[A-Za-z0-9]`.
pub fn generate_secret() -> String {
    random_string(ALPHANUMERIC, SECRET_LENGTH)
}

fn random_string(alphabet: &[u8], length: usize) -> String {
    debug_assert!(!alphabet.is_empty() && alphabet.len() <= 256);
    // Largest multiple of the alphabet size that fits in a byte: bytes at or above it are
    // dropped so the modulo below is unbiased.
    let limit = 256 - (256 % alphabet.len());
    let mut out = String::with_capacity(length);
    let mut buffer = [0u8; 64];
    while out.len() < length {
        fill_from_os(&mut buffer);
        for &byte in &buffer {
            if (byte as usize) < limit && out.len() < length {
                out.push(alphabet[byte as usize % alphabet.len()] as char);
            }
        }
    }
    out
}

fn fill_from_os(buffer: &mut [u8]) {
    // The OS CSPRNG failing means the machine cannot make secrets at all; there is no safe
    // fallback, so this is the one place where stopping is the right answer.
    getrandom::fill(buffer).expect("the operating system's random number generator failed");
}

#[cfg(test)]
mod tests {
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
}
