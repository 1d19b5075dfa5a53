//! Textgate's domain core: everything the desktop app (and later the CLI) knows about Webitel
//! custom gateway profiles, kept free of Tauri so it can be tested and reused on its own.

pub mod chat;
pub mod clock;
pub mod emulator;
pub mod error;
pub mod error_code;
pub mod error_params;
pub mod error_text;
pub mod field_issue;
pub mod gateway_templates;
pub mod generate;
pub mod go_position;
pub mod harness;
mod http_setup;
pub mod instant_text;
pub mod issue;
pub mod paths;
pub mod profile;
pub mod profile_exports;
pub mod profile_field;
pub mod profile_views;
pub mod search_pattern;
pub mod secrets;
pub mod sensitive;
pub mod server;
pub mod settings;
pub mod settings_field;
pub mod settings_file;
pub mod signature;
pub mod store;
pub mod sync_state;
/// Go `text/template` as Webitel runs it: the `textgate-gotemplate` crate, under its old path.
pub use textgate_gotemplate as template;
pub mod template_preview;
pub mod template_verdict;
pub mod transfer;
pub mod updates;
pub mod validation;
pub mod webhook_url;
pub mod webitel;
pub mod workspace;

pub use error::{CoreError, Result};
pub use error_code::ErrorCode;
pub use field_issue::{FieldIssue, ProfileField};
pub use issue::Issue;
pub use profile::{FlowRef, FlowSchema, ProfileDraft, Templates};
pub use profile_views::{ProfileSummary, ProfileView, SecretState};
pub use search_pattern::SearchPattern;
pub use secrets::{KeyringStore, MemorySecretStore, SecretError, SecretStore};
pub use sensitive::Sensitive;
pub use store::Store;
pub use workspace::{
    Bulk, BulkAction, BulkFailure, BulkOutcome, BulkProgress, ConflictView, FieldChoice,
    GatewayPull, Harness, KeepVersion, Profiles, ProofOutcome, PullOutcome, PullReport, PushAction,
    RefreshOutcome, SaveOutcome, SecretProof, ServerCheck, ServerGateways, ServerSync, Servers,
    Workspace,
};
