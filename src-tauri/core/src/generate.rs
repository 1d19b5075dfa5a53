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
#[path = "generate_tests.rs"]
mod tests;
