//! The flags of the `profiles` commands that create a profile, edit one in place or pick
//! several at once: `create`, `set`, and the selection (`NAME_OR_ID...`, or `--match` with filters) that `list`, `push`,
//! `enable`, `disable` and `delete` share. Spelling here is a contract scripts rely on.

use clap::{ArgGroup, Args, ValueEnum};
use textgate_core::sync_state::SyncState;

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("secret_source").required(true).args(["secret", "secret_stdin", "generate_secret"])))]
pub struct ProfileCreate {
    /// Profile (and gateway) name
    #[arg(long, value_name = "NAME")]
    pub name: String,
    /// Callback URL Webitel posts agent messages to
    #[arg(long, value_name = "URL")]
    pub callback: String,
    /// App secret on the command line, where other users can see it (warns): prefer
    /// --secret-stdin or --generate-secret
    #[arg(long, value_name = "SECRET")]
    pub secret: Option<String>,
    /// Read the app secret from standard input (one line; its line break is dropped)
    #[arg(long)]
    pub secret_stdin: bool,
    /// Generate a random 32-character app secret and store it in the OS keychain
    #[arg(long)]
    pub generate_secret: bool,
    /// Flow schema id (its name is looked up in the cache, or on --server)
    #[arg(long, value_name = "ID")]
    pub flow: Option<i64>,
    /// Server the gateway belongs to (name or id)
    #[arg(long, value_name = "NAME")]
    pub server: Option<String>,
    /// Webhook URI such as /mybot (default: a random one)
    #[arg(long, value_name = "/PATH")]
    pub uri: Option<String>,
    /// A message template, KEY=TEXT with KEY one of title, close, join, left,
    /// file_policy_fail (repeatable), e.g. join='$(.FirstName) joined'
    #[arg(long = "template", value_name = "KEY=TEXT")]
    pub templates: Vec<String>,
    /// A note kept on this computer only, never sent to Webitel (who owns the integration,
    /// the partner's contact)
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub notes: String,
}

/// The version `profiles resolve` keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KeepArg {
    /// This computer's version, pushed over the server's
    Local,
    /// The server's version, taken over this computer's
    Server,
}

/// The sync states as `profiles list` prints them (and `--sync` takes them).
pub const SYNC_NAMES: [(SyncState, &str); 6] = [
    (SyncState::LocalOnly, "local only"),
    (SyncState::InSync, "in sync"),
    (SyncState::ChangedHere, "changed here"),
    (SyncState::ChangedOnServer, "changed on server"),
    (SyncState::Conflict, "conflict"),
    (SyncState::Gone, "gone from server"),
];

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("change").required(true).multiple(true).args([
    "name", "callback", "flow", "server", "uri", "templates", "notes", "secret_stdin",
    "generate_secret",
])))]
#[command(group(ArgGroup::new("new_secret").args(["secret_stdin", "generate_secret"])))]
pub struct ProfileSet {
    /// Profile id or exact name (case-insensitive)
    #[arg(value_name = "NAME_OR_ID")]
    pub id_or_name: String,
    /// New profile (and gateway) name
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// New callback URL Webitel posts agent messages to
    #[arg(long, value_name = "URL")]
    pub callback: Option<String>,
    /// Flow schema id (its name is looked up in the cache, or on the profile's server)
    #[arg(long, value_name = "ID")]
    pub flow: Option<i64>,
    /// Server the gateway belongs to (name or id; only until it is pushed)
    #[arg(long, value_name = "NAME")]
    pub server: Option<String>,
    /// Webhook URI such as /mybot (only before the first push: Webitel keeps it for good)
    #[arg(long, value_name = "/PATH")]
    pub uri: Option<String>,
    /// Replace one message template, KEY=TEXT with KEY one of title, close, join, left,
    /// file_policy_fail (repeatable; the others are kept)
    #[arg(long = "template", value_name = "KEY=TEXT")]
    pub templates: Vec<String>,
    /// Replace the local note (never sent to Webitel); "" clears it
    #[arg(long, value_name = "TEXT")]
    pub notes: Option<String>,
    /// Read a new app secret from standard input (one line; its line break is dropped)
    #[arg(long)]
    pub secret_stdin: bool,
    /// Generate a new random 32-character app secret into the OS keychain
    #[arg(long)]
    pub generate_secret: bool,
}

/// Which profiles a command acts on: named ones, or those the filters pick.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("selection").required(true).multiple(true).args([
    "ids_or_names", "pattern", "server", "state", "sync",
])))]
pub struct ProfileSelection {
    /// Profile ids or exact names (case-insensitive); or pick them with --match and the filters
    #[arg(value_name = "NAME_OR_ID", conflicts_with_all = ["pattern", "server", "state", "sync"])]
    pub ids_or_names: Vec<String>,
    #[command(flatten)]
    pub filter: ProfileFilter,
    /// Act on more than one profile without asking (required when standard input is not a
    /// terminal)
    #[arg(long)]
    pub yes: bool,
}

/// Filters over the local profiles; all given must hold.
#[derive(Debug, Default, Args)]
pub struct ProfileFilter {
    /// Name, URI, callback or notes match: `Part*` starts with "Part", `*bot*` contains "bot",
    /// `*bot` ends with it; without `*`, contains the text (case-insensitive)
    #[arg(long = "match", value_name = "PATTERN")]
    pub pattern: Option<String>,
    /// On this server (name or id)
    #[arg(long, value_name = "NAME")]
    pub server: Option<String>,
    /// Started (enabled) or stopped (disabled)
    #[arg(long, value_enum)]
    pub state: Option<StateArg>,
    /// In this sync state: "local only", "in sync", "changed here", "changed on server" or
    /// "conflict" (as `profiles list` prints them)
    #[arg(long, value_name = "STATE", value_parser = parse_sync)]
    pub sync: Option<SyncState>,
}

impl ProfileFilter {
    /// Whether no filter was given (every profile passes).
    pub fn is_empty(&self) -> bool {
        self.pattern.is_none()
            && self.server.is_none()
            && self.state.is_none()
            && self.sync.is_none()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StateArg {
    Enabled,
    Disabled,
}

/// A sync state by the name `profiles list` prints (`-` or `_` for the spaces also do).
fn parse_sync(text: &str) -> Result<SyncState, String> {
    let wanted = text.trim().to_lowercase().replace(['-', '_'], " ");
    SYNC_NAMES
        .iter()
        .find(|(_, name)| *name == wanted)
        .map(|(state, _)| *state)
        .ok_or_else(|| {
            let names: Vec<String> = SYNC_NAMES.iter().map(|(_, n)| format!("\"{n}\"")).collect();
            format!("not a sync state: use one of {}", names.join(", "))
        })
}
