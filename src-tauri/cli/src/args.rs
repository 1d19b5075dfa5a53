//! The command line, declared with clap: the command names, flags and their spelling are a
//! contract scripts rely on, so they live here in one place, apart from what the commands do.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "textgate-cli",
    version,
    about = "Manage Webitel custom chat gateways from scripts and terminals \
             (same data folder and OS keychain as the Textgate app)",
    after_help = "Environment:\n  TEXTGATE_DATA_DIR  data folder when --data-dir is not given\n  \
                  TEXTGATE_TOKEN     access token used for every server instead of the stored ones"
)]
pub struct Cli {
    /// Data folder (default: $TEXTGATE_DATA_DIR, else the desktop app's data folder)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Print JSON on stdout; errors become {"code","message"} on stderr
    #[arg(long, global = true)]
    pub json: bool,

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
    /// Run a Webitel admin API emulator on 127.0.0.1 (state in memory)
    Emulator {
        /// Port to listen on (0 picks a free one)
        #[arg(long)]
        port: u16,
        /// Access token it accepts in X-Webitel-Access and as the login password (generated and printed when omitted)
        #[arg(long)]
        token: Option<String>,
        /// Answer every accepted inbound chat message on the gateway's callback URL with the agent text "Auto-reply: <its text>"
        #[arg(long)]
        auto_reply: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ServerCommand {
    /// Add a server; the credentials are checked against it before anything is stored
    Add(ServerAdd),
    /// List the servers
    List,
    /// Check that the server answers and accepts the stored token
    Test { name: String },
    /// Forget a server and its token; its profiles become local only
    Remove { name: String },
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("auth").required(true).args(["token_stdin", "login"])))]
pub struct ServerAdd {
    pub name: String,
    /// Server address, e.g. https://cloud.example.com (the API is at /api)
    pub base_url: String,
    /// Read an access token from standard input
    #[arg(long)]
    pub token_stdin: bool,
    /// Log in as this user (with --password-stdin) to get a token
    #[arg(long, value_name = "USER", requires = "password_stdin")]
    pub login: Option<String>,
    /// Domain for --login
    #[arg(long, value_name = "DOMAIN", requires = "login")]
    pub domain: Option<String>,
    /// Read the --login password from standard input (used once, never stored)
    #[arg(long, requires = "login")]
    pub password_stdin: bool,
    /// PEM file with the private CA certificate(s) of an on-premise server
    #[arg(long, value_name = "FILE")]
    pub ca_file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum SchemasCommand {
    /// List the chat and default flow schemas (without --query also refreshes the local cache)
    List(ServerQuery),
}

#[derive(Debug, Subcommand)]
pub enum GatewaysCommand {
    /// List the custom gateways on the server
    List(ServerQuery),
    /// Bring the server's custom gateways into local profiles
    Pull {
        #[arg(long, value_name = "NAME")]
        server: String,
    },
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
    /// List the local profiles
    List,
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
    /// Create or update the profile's gateway on its server
    Push { id_or_name: String },
    /// Start the gateway (on its server when pushed)
    Enable { id_or_name: String },
    /// Stop the gateway (on its server when pushed)
    Disable { id_or_name: String },
    /// Delete the profile (and with --remote its gateway on the server)
    Delete {
        id_or_name: String,
        /// Also delete the gateway on its server
        #[arg(long)]
        remote: bool,
    },
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("secret_source").required(true).args(["secret", "generate_secret"])))]
pub struct ProfileCreate {
    /// Profile (and gateway) name
    #[arg(long, value_name = "NAME")]
    pub name: String,
    /// Callback URL Webitel posts agent messages to
    #[arg(long, value_name = "URL")]
    pub callback: String,
    /// App secret (prefer --generate-secret: command lines are visible to other users)
    #[arg(long, value_name = "SECRET")]
    pub secret: Option<String>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemeArg {
    /// X-Webitel-Sign: lowercase hex HMAC-SHA256 of the body
    Webitel,
    /// hex HMAC-SHA1 of the body in a named header (as x-chatzuri-signature)
    Sha1,
    /// Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature (v1,<base64>)
    Standard,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("secret_source").required(true).args(["secret", "secret_stdin_file"])))]
pub struct SecretArgs {
    #[arg(long, value_enum, default_value = "webitel")]
    pub scheme: SchemeArg,
    /// The shared secret (a whsec_… secret for --scheme standard)
    #[arg(long, value_name = "SECRET")]
    pub secret: Option<String>,
    /// Read the secret from this file instead (a trailing newline is ignored), keeping it out
    /// of the process list; stdin stays the body
    #[arg(long, value_name = "FILE")]
    pub secret_stdin_file: Option<PathBuf>,
    /// Header name shown for --scheme sha1
    #[arg(long, value_name = "NAME", default_value = "x-chatzuri-signature")]
    pub header: String,
    /// Standard Webhooks message id (sign: default a new msg_… id)
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// Standard Webhooks timestamp in unix seconds (sign: default now)
    #[arg(long, value_name = "UNIX_SECONDS")]
    pub timestamp: Option<i64>,
}

#[derive(Debug, Args)]
pub struct SignArgs {
    #[command(flatten)]
    pub secret: SecretArgs,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub secret: SecretArgs,
    /// The signature to check (for standard: the webhook-signature value, several allowed)
    #[arg(long, value_name = "SIGNATURE", allow_hyphen_values = true)]
    pub signature: String,
    /// Standard Webhooks: judge the timestamp as if now were this time (unix seconds)
    #[arg(long, value_name = "UNIX_SECONDS")]
    pub at: Option<i64>,
}

#[derive(Debug, Args)]
pub struct ListenArgs {
    /// The profile whose app secret verifies X-Webitel-Sign (id or name)
    pub profile: String,
    /// Port on 127.0.0.1 (0 picks a free one; the address is printed on stderr)
    #[arg(long)]
    pub port: u16,
    /// Path that receives the callbacks
    #[arg(long, default_value = "/", value_name = "/hook")]
    pub path: String,
    /// HTTP status to answer with
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u16).range(200..=599))]
    pub status: u16,
    /// Wait this long before answering
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub delay_ms: u64,
    /// Exit after this many requests (default: run until interrupted)
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("event").required(true).args(["text", "close", "body_file"])))]
pub struct SendArgs {
    /// The profile to send for (id or name): its app secret signs, its URI is the target
    pub profile: String,
    /// Send a text message (needs --chat-id and --sender-id)
    #[arg(long, requires_all = ["chat_id", "sender_id"])]
    pub text: Option<String>,
    /// The chat the message belongs to
    #[arg(long, value_name = "ID")]
    pub chat_id: Option<String>,
    /// The sending user's id in the messenger
    #[arg(long, value_name = "ID")]
    pub sender_id: Option<String>,
    /// The messenger kind: telegram, viber, whatsapp, facebook, instagram, web, email, ...
    #[arg(long, value_name = "KIND")]
    pub sender_type: Option<String>,
    /// Close this chat instead of sending a message
    #[arg(long, value_name = "CHAT_ID")]
    pub close: Option<String>,
    /// Send this file's bytes exactly as they are ("-" reads stdin)
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,
    /// Send here instead of the profile's gateway URL
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Sign wrongly on purpose (the gateway should answer 403)
    #[arg(long)]
    pub bad_signature: bool,
}

#[derive(Debug, Args)]
pub struct BurstArgs {
    /// The profile to load (id or name): its app secret signs, its URI is the target
    pub profile: String,
    /// How many messages to send
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub count: u32,
    /// At most this many requests in flight
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub concurrency: u32,
    /// Spread the messages over this many chats (burst-<k>, from sender burst-user-<k>)
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub chats: u32,
    /// Send here instead of the profile's gateway URL
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum HistoryCommand {
    /// Requests the harness sent and received, newest first
    List(HistoryFilter),
    /// One request: headers and the exact body
    Show { id: i64 },
    /// Send a request again with byte-identical body (as recorded, or re-signed)
    Replay {
        id: i64,
        /// Sign with the profile's current secret instead of the recorded signature
        #[arg(long)]
        resign: bool,
    },
    /// Forget the history (of one profile, or all)
    Clear {
        /// Only this profile's entries (id or name)
        #[arg(long)]
        profile: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct HistoryFilter {
    /// Only this profile's entries (id or name)
    #[arg(long)]
    pub profile: Option<String>,
    /// Only this chat
    #[arg(long, value_name = "ID")]
    pub chat_id: Option<String>,
    /// Text in the message or the raw body (case-insensitive)
    #[arg(long)]
    pub text: Option<String>,
    /// A status (403), a class (4xx) or "failed" (no answer)
    #[arg(long)]
    pub status: Option<String>,
    /// At most this many
    #[arg(long, default_value_t = 50)]
    pub limit: u32,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("action").required(true).args(["text", "join", "left", "close"])))]
pub struct EmulateArgs {
    /// The profile to act for (id or name): its templates render, its app secret signs
    pub profile: String,
    /// The chat the action belongs to
    #[arg(long, value_name = "ID")]
    pub chat_id: String,
    /// The agent writes this text
    #[arg(long)]
    pub text: Option<String>,
    /// An agent with this name joins (the `join` template)
    #[arg(long, value_name = "AGENT")]
    pub join: Option<String>,
    /// An agent with this name leaves (the `left` template)
    #[arg(long, value_name = "AGENT")]
    pub left: Option<String>,
    /// The agent closes the chat (the `close` template, then the close event)
    #[arg(long)]
    pub close: bool,
    /// Send here instead of the profile's callback URL
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
}
