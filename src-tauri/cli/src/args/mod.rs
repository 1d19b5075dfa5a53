//! The command line, declared with clap: the command names, flags and their spelling are a
//! contract scripts rely on, so they live here in one place, apart from what the commands do.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

mod conflict;
mod harness;
mod profiles;
mod scenarios;
mod servers;
mod transfer;

pub use conflict::{field_name, parse_take};

pub use profiles::{
    KeepArg, ProfileCreate, ProfileFilter, ProfileSelection, ProfileSet, StateArg, SYNC_NAMES,
};
pub use transfer::{ProfileExport, ProfileImport};

pub use scenarios::{ScenarioDirectionArg, ScenariosCommand};

pub use servers::{CaFileArg, CredentialArgs, ServerAdd, ServerCommand, ServerEdit, ServerLogin};

pub use harness::{
    BurstArgs, ChannelArg, DirectionArg, EmulateArgs, ExportFormatArg, HistoryCommand,
    HistoryExportArgs, HistoryFilter, HistorySelect, ListenArgs, ReplayArgs, SchemeArg, SecretArgs,
    SendArgs, SignArgs, VerifyArgs,
};

#[derive(Debug, Parser)]
#[command(
    name = "textgate-cli",
    version,
    about = "Manage Webitel custom chat gateways from scripts and terminals \
             (same data folder and OS keychain as the Textgate app)",
    after_help = "Environment:\n  TEXTGATE_DATA_DIR  data folder when --data-dir is not given\n  \
                  TEXTGATE_TOKEN     access token used for every server instead of the stored ones\n  \
                  RUST_LOG           what -v logs, e.g. textgate=debug (tracing's filter syntax)"
)]
pub struct Cli {
    /// Data folder (default: $TEXTGATE_DATA_DIR, else the desktop app's data folder)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Print JSON on stdout; errors become {"code","message"} on stderr
    #[arg(long, global = true)]
    pub json: bool,

    /// Log what happens to stderr and to the log folder: -v info, -vv debug, -vvv trace
    /// ($RUST_LOG filters instead when set)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Webitel servers: add, list, test, remove
    #[command(subcommand)]
    Server(ServerCommand),
    /// Flow schemas on a server
    #[command(subcommand)]
    Schemas(SchemasCommand),
    /// Custom gateways as they are on a server
    #[command(subcommand)]
    Gateways(GatewaysCommand),
    /// Local gateway profiles, and syncing them with their server
    #[command(subcommand)]
    Profiles(ProfilesCommand),
    /// Go text/template with Webitel's settings: render a template or check it as the server does
    #[command(subcommand)]
    Template(TemplateCommand),
    /// Sign the body on stdin (prints the signature, or the three Standard Webhooks headers)
    Sign(SignArgs),
    /// Verify a signature over the body on stdin: exit 0 when valid, 1 when not
    Verify(VerifyArgs),
    /// Stand in for the client's chat service: receive signed callbacks on 127.0.0.1 and print
    /// one JSON line per request
    Listen(ListenArgs),
    /// Act as the client's chat service: sign an event and POST it to the profile's gateway
    /// URI (exit 0 when the answer is what a working gateway gives: 2xx, or 403 with
    /// --bad-signature)
    Send(SendArgs),
    /// Act as Webitel toward the client's service: an agent's text, join, left or close,
    /// rendered from the profile's templates, signed and POSTed to its callback URL (or --url)
    Emulate(EmulateArgs),
    /// Load-test a gateway: POST many distinct signed text messages, a few at a time, and
    /// report throughput, latency percentiles and errors (exit 0 when every answer was 2xx)
    Burst(BurstArgs),
    /// What the harness sent and received (send, listen, the app's harness): list, show,
    /// replay, clear
    #[command(subcommand)]
    History(HistoryCommand),
    /// Named test events for send --scenario and emulate --scenario: list, show, save, delete
    #[command(subcommand)]
    Scenarios(ScenariosCommand),
    /// Print the facts a bug report needs: version and commit, OS, keychain, data and log
    /// folders (the same text as the app's "Copy diagnostics"; no secrets)
    Diagnostics,
    /// Run a Webitel admin API emulator on 127.0.0.1 (state in memory)
    Emulator {
        /// Port to listen on (0 picks a free one)
        #[arg(long)]
        port: u16,
        /// Access token it accepts in X-Webitel-Access and as the login password (generated and
        /// printed when omitted); on the command line other users can see it (warns): prefer
        /// --token-stdin
        #[arg(long, conflicts_with = "token_stdin")]
        token: Option<String>,
        /// Read the access token from standard input (one line; its line break is dropped)
        #[arg(long)]
        token_stdin: bool,
        /// Answer every accepted inbound chat message on the gateway's callback URL with the agent text "Auto-reply: <its text>"
        #[arg(long)]
        auto_reply: bool,
        /// Misbehave on every gateway request (/api/chat/...): 500-garbage, html-200, truncated-json, 401, reset, hang, huge, not-a-gateway or reset-after. PUT/DELETE /emulator/fault changes it while running
        #[arg(long, value_name = "KIND")]
        fault: Option<textgate_core::emulator::FaultKind>,
        #[command(flatten)]
        logins: EmulatorLogins,
    },
}

/// How the emulator's logins and tokens behave, as a real server's may.
#[derive(Debug, Args, Default)]
pub struct EmulatorLogins {
    /// Turn two-factor login on for this user: the login answers a session id and the token
    /// comes from POST /api/login/2fa with --totp-code
    #[arg(long, value_name = "USER")]
    pub totp_user: Option<String>,
    /// The one-time code the --totp-user must give (a fixed code, for tests)
    #[arg(
        long,
        value_name = "CODE",
        requires = "totp_user",
        default_value = "123456"
    )]
    pub totp_code: String,
    /// Accept another token with limited gateway access, in Webitel's letters (x create,
    /// r read, w update, d delete), e.g. --grant readonly-token=r; repeatable
    #[arg(long, value_name = "TOKEN=ACCESS")]
    pub grant: Vec<String>,
    /// Seconds until the tokens expire (default 30 days); userinfo answers it as exp
    #[arg(long, value_name = "SECONDS")]
    pub token_ttl: Option<u64>,
}

#[derive(Debug, Subcommand)]
pub enum SchemasCommand {
    /// List the chat and default flow schemas (without --query also refreshes the local cache)
    List(ServerQuery),
}

#[derive(Debug, Subcommand)]
pub enum GatewaysCommand {
    /// List the server's custom gateways, linked to a local profile or not, and the local
    /// profiles whose gateway the server no longer has
    List(GatewaysList),
    /// Bring the server's custom gateways into local profiles (all, or only those --id names)
    Pull {
        #[arg(long, value_name = "NAME")]
        server: String,
        /// Only the gateway with this id on the server (repeatable)
        #[arg(long = "id", value_name = "ID")]
        ids: Vec<i64>,
    },
}

#[derive(Debug, Args)]
pub struct GatewaysList {
    #[command(flatten)]
    pub server: ServerQuery,
    /// Also list the other providers' gateways (Telegram, Viber, Meta, Infobip…), read-only
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct ServerQuery {
    /// Server name (or id)
    #[arg(long, value_name = "NAME")]
    pub server: String,
    /// Only items matching this text (server-side search)
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ProfilesCommand {
    /// List the local profiles (or those --match and the filters pick)
    List(ProfileFilter),
    /// Show one profile (the secret only with --reveal-secret)
    Show {
        /// Profile id or exact name (case-insensitive)
        id_or_name: String,
        /// Print the app secret too
        #[arg(long)]
        reveal_secret: bool,
    },
    /// Create a local profile (push it to publish it)
    Create(ProfileCreate),
    /// Change a profile in place, with the app's checks (push it to publish the change)
    Set(ProfileSet),
    /// Put a new generated app secret in the keychain (and on the server with --push)
    RotateSecret {
        /// Profile id or exact name (case-insensitive)
        #[arg(value_name = "NAME_OR_ID")]
        id_or_name: String,
        /// Push the profile afterwards, so the gateway on the server gets the new secret too
        #[arg(long)]
        push: bool,
        /// Print the new secret (also --show)
        #[arg(long, alias = "show")]
        reveal_secret: bool,
        /// Then prove it end to end: emulate an agent message signed with the new secret to the
        /// callback URL (or --url) and judge its answer; kept in the history (exit 1 if refused)
        #[arg(long)]
        prove: bool,
        /// Send the proof here (such as a local `listen`) instead of the callback URL
        #[arg(long, value_name = "URL", requires = "prove")]
        url: Option<String>,
    },
    /// Copy a profile with a fresh URI and secret (never enabled, not on the server yet)
    Duplicate {
        /// Profile id or exact name (case-insensitive)
        #[arg(value_name = "NAME_OR_ID")]
        id_or_name: String,
        /// The copy's name (default: "<name> (copy)")
        #[arg(long, value_name = "NEW")]
        name: Option<String>,
    },
    /// Both versions of a profile changed here and on its server, field by field
    Compare {
        /// Profile id or exact name (case-insensitive)
        #[arg(value_name = "NAME_OR_ID")]
        id_or_name: String,
    },
    /// End a conflict: keep this computer's version (pushed over the server's) or the server's,
    /// or choose field by field with --take
    Resolve {
        /// Profile id or exact name (case-insensitive)
        #[arg(value_name = "NAME_OR_ID")]
        id_or_name: String,
        /// Which version stays (with --take: for the differing fields --take does not name)
        #[arg(long, value_enum, required_unless_present = "take")]
        keep: Option<KeepArg>,
        /// One field's side, repeatable: `--take enabled=server --take join=local`. Fields as
        /// `profiles compare` names them; every differing field needs one (or --keep)
        #[arg(long, value_name = "FIELD=local|server", value_parser = parse_take)]
        take: Vec<textgate_core::FieldChoice>,
    },
    /// Create or update the profiles' gateways on their servers
    Push(ProfileSelection),
    /// Re-read pushed profiles from their server (the server's version is taken where only it
    /// changed; a change on both sides is noted as a conflict)
    Pull {
        /// Profile ids or exact names
        #[arg(required = true, value_name = "NAME_OR_ID")]
        ids_or_names: Vec<String>,
    },
    /// Start the gateways (on their servers when pushed)
    Enable(ProfileSelection),
    /// Stop the gateways (on their servers when pushed)
    Disable(ProfileSelection),
    /// Delete the profiles (and with --remote their gateways on the server)
    Delete {
        #[command(flatten)]
        selection: ProfileSelection,
        /// Also delete the gateways on their servers
        #[arg(long)]
        remote: bool,
    },
    /// Write profiles to a `textgate.profiles/1` file for another machine (no secret unless
    /// --with-secrets)
    Export(ProfileExport),
    /// Read a `textgate.profiles/1` file: print what would be added, updated and in conflict,
    /// then apply it (unless --dry-run)
    Import(ProfileImport),
}

#[derive(Debug, Subcommand)]
pub enum TemplateCommand {
    /// Render the template on stdin and print exactly what it produces (no newline added)
    Render(TemplateRender),
    /// Exit 0 when Webitel would accept the template on stdin, else 1 with the error
    Check(TemplateCheck),
}

#[derive(Debug, Args)]
pub struct TemplateRender {
    #[command(flatten)]
    pub delims: DelimsArg,
    /// JSON filling Webitel's chat.Account (Id, Channel, Contact, FirstName, LastName,
    /// Username); default: the sample account (Id 42, Ann Smith, ...)
    #[arg(long, value_name = "JSON_FILE")]
    pub context: Option<PathBuf>,
    /// What a missing map key does: error (as on Webitel's server), zero or default
    #[arg(long, value_name = "MODE", default_value = "error")]
    pub missingkey: String,
}

#[derive(Debug, Args)]
pub struct TemplateCheck {
    #[command(flatten)]
    pub delims: DelimsArg,
    /// The Templates-tab key it is for: title, join and left are test-rendered over an
    /// account, close with no context, file_policy_fail only parsed (default: title)
    #[arg(long, value_name = "KEY", default_value = "title")]
    pub key: String,
}

#[derive(Debug, Args)]
pub struct DelimsArg {
    /// Action delimiters (default: Webitel's $( and ))
    #[arg(long, num_args = 2, value_names = ["LEFT", "RIGHT"], allow_hyphen_values = true)]
    pub delims: Option<Vec<String>>,
}
