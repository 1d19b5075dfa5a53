//! Every machine-readable error code Textgate gives, in one enum, so a code is coined in one place:
//! core's errors, the app shell's `IpcError`, the CLI's `--json` errors and a connection test's
//! report all carry an `ErrorCode`, and the UI sees it as a TypeScript union (`ErrorCode.ts`), so
//! a misspelt or unknown code fails the type check. The serialized strings are a contract (the UI
//! and scripts branch on them): `error_code_tests.rs` pins each one.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    // Profiles and their input.
    /// The input breaks one or more field rules (the field issues say which).
    Invalid,
    /// No gateway profile with that id (or name, in the CLI).
    NotFound,
    /// A name matches more than one profile.
    Ambiguous,
    /// A gateway cannot be enabled without a flow schema.
    FlowRequired,
    /// The flow schema asked for is neither in the local cache nor on the server (CLI).
    FlowNotFound,

    // Servers and sync.
    /// No server with that name or id.
    ServerNotFound,
    /// A server with that name already exists.
    ServerExists,
    /// Another server already has this address.
    DuplicateServer,
    /// The server's address cannot change: gateways were pushed to it.
    ServerUrlLocked,
    /// The profile has no server to push to.
    NoServer,
    /// The profile is not on its server yet.
    NotPushed,
    /// Both this computer and the server changed the profile since the last sync.
    Conflict,
    /// The server has a newer version of the profile.
    RemoteChanged,
    /// A per-field conflict resolution leaves a differing field without a choice (or names a
    /// field twice, or one the server does not hold).
    ConflictChoice,
    /// The gateway no longer exists on the server.
    RemoteGone,
    /// Webitel would refuse a template (Go's parse or test-render error).
    TemplateInvalid,
    /// A template ran past one of Textgate's limits (work, output, nesting).
    TemplateBudget,
    /// A template failed while composing Webitel's outgoing events.
    TemplateRender,
    /// Webitel would not start this broadcast.
    BroadcastRefused,

    // Talking to a Webitel server.
    /// The server address is not a usable URL.
    InvalidServerUrl,
    /// The CA certificate is not valid PEM, or its file cannot be read (CLI).
    InvalidCertificate,
    /// The server refused the access token.
    Unauthorized,
    /// The server refused an action the token may not do (HTTP 403 `….access.forbidden`).
    Forbidden,
    /// Two-factor login is on: the server asks for the one-time code.
    TwoFactorRequired,
    /// The server refused the two-factor code (wrong, or the login session ran out).
    TwoFactorInvalid,
    /// The user's password has expired (HTTP 412 `app.password.expired`).
    PasswordExpired,
    /// The user must change the password first (HTTP 412 `app.password.force_change`).
    PasswordChangeRequired,
    /// The server cannot be reached.
    Unreachable,
    /// TLS failed talking to the server.
    Tls,
    /// HTTPS cannot be set up on this computer (TLS library, certificate store).
    TlsSetup,
    /// No answer in time (from a Webitel server, or from a webhook the harness sent).
    Timeout,
    /// The server answered, but not like a Webitel API.
    NotWebitel,
    /// The server redirected (credentials are never sent on).
    Redirect,
    /// The server answered with its own error (its detail is the message).
    ServerError,
    /// Not an error: a connection test passed (`ConnectionReport.code` only).
    Ok,

    // Storage, files and the keychain.
    /// The database was written by a newer Textgate.
    DatabaseTooNew,
    /// The data folder cannot be opened, or its place cannot be told (CLI).
    DataDir,
    /// SQLite failed.
    Storage,
    /// A database migration failed.
    Migration,
    /// Stored data is damaged.
    Corrupt,
    /// The OS keychain cannot be reached at all.
    KeychainUnavailable,
    /// The OS keychain refused or failed a request.
    Keychain,
    /// The profile has no app secret in the keychain.
    NoSecret,
    /// A settings value breaks its rule.
    InvalidSetting,
    /// The settings file cannot be saved.
    SettingsFile,
    /// A history export cannot be written to its file.
    ExportFile,

    // Profile export and import (`textgate.profiles/1`).
    /// The file is not a profile export this build reads (foreign, damaged or a newer format).
    TransferFormat,
    /// The passphrase does not open the file's secrets: nothing was imported.
    TransferPassphraseWrong,
    /// Secrets are exported or imported only with a passphrase, and none was given.
    TransferPassphraseNeeded,
    /// The export or import file cannot be read or written.
    TransferFile,

    // The test harness.
    /// Nowhere to send: a URI without a server, or an empty callback.
    NoTarget,
    /// No history entry with that id.
    HistoryNotFound,
    /// A history status filter is neither a code, a class nor `failed`.
    InvalidStatusFilter,
    /// A burst's settings cannot be run.
    InvalidBurst,
    /// The receiver's configured answer cannot be given.
    InvalidAnswer,
    /// A pasted cURL command cannot be read, or an edited request's header cannot be sent.
    InvalidCurl,
    /// The signature lab's secret is not usable for its scheme (app).
    InvalidSecret,
    /// The app's receiver cannot listen on its port.
    ReceiverPort,
    /// A webhook got no answer: nothing listens there, or the connection was refused or reset.
    Connect,
    /// A webhook URL cannot be requested (bad scheme, host, ...).
    #[serde(rename = "invalidUrl")]
    InvalidUrl,
    /// A webhook failed some other way on the way (a broken answer, TLS, ...).
    Other,
    /// No built-in or saved scenario with that name.
    ScenarioNotFound,
    /// A built-in scenario cannot be changed, deleted or shadowed by a saved one.
    ScenarioBuiltin,
    /// A scenario, its body, an override or its direction cannot be used.
    ScenarioInvalid,

    // Updates.
    /// This build has no update key: it cannot check for or install updates.
    UpdateNotConfigured,
    /// The update feed could not be reached or read.
    UpdateFeed,
    /// The update could not be downloaded.
    UpdateDownload,
    /// The downloaded update does not match its signature; nothing was installed.
    UpdateSignature,
    /// The update could not be installed.
    UpdateInstall,
    /// There is no newer version.
    UpdateNone,
    /// No update has been downloaded yet.
    UpdateNotDownloaded,

    // The app shell.
    /// This computer reports no folder for log files.
    NoLogFolder,
    /// A folder cannot be opened in the file manager.
    OpenFailed,

    // The CLI.
    /// The command line is wrong (a flag, a value, a missing argument).
    Usage,
    /// Standard input or a named file cannot be read.
    Io,
    /// `send --body-file` cannot be read.
    BodyFile,
    /// `listen` cannot listen on its port.
    Listen,
    /// The emulator cannot listen on its port, or stopped with an error.
    Emulator,
    /// `signature verify` was given no signature.
    SignatureMissing,
    /// `signature verify`: the signature does not match.
    SignatureInvalid,
    /// The CLI itself failed (its runtime, its output).
    Internal,

    // The UI.
    /// The UI caught something that is not an `IpcError` (coined by `toIpcError`).
    Unexpected,
}

impl ErrorCode {
    /// The code as it is serialized (`not_found`), for logs and text output.
    pub fn wire(self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(code)) => code,
            _ => String::new(),
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.wire())
    }
}

/// A code equals its serialized string, so a test can say which string a caller sees.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.wire() == *other
    }
}

impl PartialEq<str> for ErrorCode {
    fn eq(&self, other: &str) -> bool {
        self.wire() == other
    }
}

#[cfg(test)]
#[path = "error_code_tests.rs"]
mod tests;
