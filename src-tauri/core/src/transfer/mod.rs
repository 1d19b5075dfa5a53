//! Gateways to another machine: the versioned JSON document `textgate.profiles/1` a set of
//! profiles is exported to and imported from (`document`), its optional secrets sealed with a
//! passphrase (`secrets`, age's scrypt recipient), the file on disk (`file`), and what an import
//! would do to the local profiles (`plan`: added, updated, unchanged, in conflict, refused).
//! The workspace's `transfer()` handle runs these against the store and the keychain.
//!
//! The matching rule an import follows, in order:
//! 1. The file names a profile's server by name and address; the local server with the same
//!    address (compared as `server::address_key` does) is its server. None here: the profile is
//!    imported as local only, and the preview says which servers were missing.
//! 2. A local profile with the same URI (URIs are unique here) is the same gateway: on the same
//!    server it is updated, or left alone when nothing differs; if it has edits not pushed yet and
//!    differs, it is a conflict and is kept as it is; on another server it is a conflict too.
//! 3. For a local-only profile, one local-only profile with the same name (ignoring case) that
//!    was never pushed is updated (its URI becomes the file's).
//! 4. Anything else is added. A profile that breaks the field rules is refused, with its issues.

pub mod document;
pub mod file;
pub mod plan;
pub mod secrets;

pub use document::{AppInfo, Document, ExportedProfile, ServerRef, FORMAT};
pub use plan::{ConflictReason, ImportAction, ImportItem, ImportPreview, ImportReport};
