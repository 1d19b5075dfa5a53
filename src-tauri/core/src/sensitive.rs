//! A wrapper for values that must never leak: `Debug` and `Display` print `<redacted>` and it
//! has no `Serialize`, so a secret cannot reach a log line (a `tracing` field, `%` or `?`), a
//! JSON export or an error message by accident. Reading it takes an explicit `expose()`, and its memory is wiped
//! (`zeroize`) when it is dropped, so a secret does not linger in freed heap pages.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use zeroize::Zeroize;

#[derive(Clone, PartialEq, Eq, Default)]
pub struct Sensitive<T: Zeroize>(T);

impl<T: Zeroize> Sensitive<T> {
    pub fn new(value: T) -> Self {
        Self(value)
    }

    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl<T: Zeroize> Drop for Sensitive<T> {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl<T: Zeroize> std::fmt::Debug for Sensitive<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

/// A log field or message that names the secret shows that there is one, never its value.
impl<T: Zeroize> std::fmt::Display for Sensitive<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

impl<'de, T: Zeroize + Deserialize<'de>> Deserialize<'de> for Sensitive<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Sensitive)
    }
}

/// The one way to put a secret into serialised output, spelled out where it is used
/// (`#[serde(with = "crate::sensitive::reveal")]`): the editor's view of a profile carries its
/// secret so the admin can see and copy it.
pub mod reveal {
    use super::*;

    pub fn serialize<T, S>(value: &Option<Sensitive<T>>, serializer: S) -> Result<S::Ok, S::Error>
    where
        T: Zeroize + Serialize,
        S: Serializer,
    {
        value.as_ref().map(Sensitive::expose).serialize(serializer)
    }
}

/// [`reveal`] for a secret that is always there (a new profile's generated draft); read back
/// as an ordinary [`Sensitive`].
pub mod reveal_one {
    use super::*;

    pub fn serialize<T, S>(value: &Sensitive<T>, serializer: S) -> Result<S::Ok, S::Error>
    where
        T: Zeroize + Serialize,
        S: Serializer,
    {
        value.expose().serialize(serializer)
    }

    pub fn deserialize<'de, T, D>(deserializer: D) -> Result<Sensitive<T>, D::Error>
    where
        T: Zeroize + Deserialize<'de>,
        D: serde::Deserializer<'de>,
    {
        Sensitive::deserialize(deserializer)
    }
}

impl<T: Zeroize + ts_rs::TS> ts_rs::TS for Sensitive<T> {
    type WithoutGenerics = T::WithoutGenerics;
    type OptionInnerType = T::OptionInnerType;

    fn name(cfg: &ts_rs::Config) -> String {
        T::name(cfg)
    }

    fn inline(cfg: &ts_rs::Config) -> String {
        T::inline(cfg)
    }

    fn decl(cfg: &ts_rs::Config) -> String {
        T::decl(cfg)
    }

    fn decl_concrete(cfg: &ts_rs::Config) -> String {
        T::decl_concrete(cfg)
    }
}

#[cfg(test)]
#[path = "sensitive_tests.rs"]
mod tests;
