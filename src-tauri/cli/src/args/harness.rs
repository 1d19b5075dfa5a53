//! The harness's command lines (issue D): signatures, the receiver, sending and emulating
//! webhook traffic, the history and bursts. Split from `mod.rs` only for size; the same
//! contract rule holds: these spellings are what scripts rely on.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Subcommand};

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
#[command(group(ArgGroup::new("plan").args(["fail_first", "fail_rate", "drop", "hang"])))]
pub struct ListenArgs {
    /// The profile whose app secret verifies X-Webitel-Sign (id or name)
    pub profile: String,
    /// Port on 127.0.0.1 (0 picks a free one; the address is printed on stderr)
    #[arg(long)]
    pub port: u16,
    /// Path that receives the callbacks
    #[arg(long, default_value = "/", value_name = "/hook")]
    pub path: String,
    /// HTTP status to answer with (core's rule: 200-599)
    #[arg(long, default_value_t = 200, value_parser = answer_status())]
    pub status: u16,
    /// Wait this long before answering (at most 120000, core's cap)
    #[arg(long, default_value_t = 0, value_name = "N", value_parser = answer_delay_ms())]
    pub delay_ms: u64,
    /// Exit after this many requests (default: run until interrupted)
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,
    /// Fail the first N requests (with --fail-status, 500 by default), then answer normally
    #[arg(long, value_name = "N")]
    pub fail_first: Option<u32>,
    /// The status the first N requests fail with (300-599)
    #[arg(long, value_name = "S", requires = "fail_first")]
    pub fail_status: Option<u16>,
    /// Fail this share of requests (1-100) with 500, drawn at random from --seed
    #[arg(long, value_name = "PERCENT", requires = "seed")]
    pub fail_rate: Option<u8>,
    /// The seed of --fail-rate's draws: the same seed fails the same requests every run
    #[arg(long, value_name = "N", requires = "fail_rate")]
    pub seed: Option<u64>,
    /// Close each connection without answering
    #[arg(long)]
    pub drop: bool,
    /// Never answer: the sender times out (the request ends when listen does)
    #[arg(long)]
    pub hang: bool,
}

impl ListenArgs {
    /// The answer plan the flags ask for (core checks it).
    pub fn plan(&self) -> textgate_core::harness::receiver::AnswerPlan {
        use textgate_core::harness::receiver::AnswerPlan;
        use textgate_core::harness::receiver_plan::DEFAULT_FAIL_STATUS;
        if let Some(count) = self.fail_first {
            AnswerPlan::FailFirst {
                count,
                status: self.fail_status.unwrap_or(DEFAULT_FAIL_STATUS),
            }
        } else if let Some(percent) = self.fail_rate {
            AnswerPlan::FailRate {
                percent,
                seed: self.seed.unwrap_or_default(),
            }
        } else if self.drop {
            AnswerPlan::Drop
        } else if self.hang {
            AnswerPlan::Hang
        } else {
            AnswerPlan::Normal
        }
    }
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("event").required(true).args(["text", "close", "body_file", "scenario"])))]
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
    /// Print the request as a cURL command (signed as sent) instead of sending it
    #[arg(long)]
    pub print_curl: bool,
    /// Send a named test event (`textgate-cli scenarios list`); --chat-id and --sender-id
    /// fill its placeholders (fresh ids when not given)
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,
    /// Change one field of the scenario's event: message.text=Hi, message.file.size=179491
    /// (numbers, true/false and null are typed; "..." forces a string); repeatable
    #[arg(long = "set", value_name = "PATH=VALUE", conflicts_with_all = ["text", "close", "body_file"])]
    pub set: Vec<String>,
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
    Show {
        id: i64,
        /// Print it as a cURL command that sends the same bytes (bash, zsh)
        #[arg(long)]
        curl: bool,
    },
    /// Send a request again with byte-identical body (as recorded, or re-signed), or edited
    Replay(ReplayArgs),
    /// Write the history (as list filters it; all entries unless --limit) to a HAR 1.2 or
    /// JSONL file, oldest first, with the exact bodies
    Export(HistoryExportArgs),
    /// Forget the history (of one profile, or all)
    Clear {
        /// Only this profile's entries (id or name)
        #[arg(long)]
        profile: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct ReplayArgs {
    pub id: i64,
    /// Sign with the profile's current secret instead of the recorded signature
    #[arg(long)]
    pub resign: bool,
    /// Send without X-Webitel-Sign
    #[arg(long, conflicts_with = "resign")]
    pub unsigned: bool,
    /// Send here instead of the recorded URL
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Send this file's bytes instead of the recorded body ("-" reads stdin)
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,
    /// Set a header, replacing one of the same name (repeatable): 'Name: value'
    #[arg(long, value_name = "NAME: VALUE")]
    pub header: Vec<String>,
}

#[derive(Debug, Args)]
pub struct HistoryFilter {
    #[command(flatten)]
    pub select: HistorySelect,
    /// At most this many
    #[arg(long, default_value_t = 50)]
    pub limit: u32,
}

/// The filters `history list` and `history export` share.
#[derive(Debug, Args)]
pub struct HistorySelect {
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
    /// Only what the receiver got (in) or what was sent (out: sends and emulated agent actions)
    #[arg(long, value_enum)]
    pub direction: Option<DirectionArg>,
    /// Only this channel: send (to a gateway), emulate (as Webitel), receive (the receiver)
    #[arg(long, value_enum)]
    pub channel: Option<ChannelArg>,
    /// Only entries at or after TIME: RFC 3339 (2026-12-01T10:00:00Z, or with an offset such as
    /// +02:00) or unix milliseconds
    #[arg(long, value_name = "TIME", value_parser = instant)]
    pub since: Option<i64>,
    /// Only entries at or before TIME (RFC 3339 or unix milliseconds, as --since)
    #[arg(long, value_name = "TIME", value_parser = instant)]
    pub until: Option<i64>,
}

/// `history list|export --channel`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ChannelArg {
    /// Sent to a gateway as the client's chat service
    Send,
    /// Sent to a callback as Webitel (agent actions)
    Emulate,
    /// Received by the local receiver
    Receive,
}

/// `history export --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormatArg {
    /// HAR 1.2 (one JSON document, for HAR viewers)
    Har,
    /// One JSON object per line
    Jsonl,
}

#[derive(Debug, Args)]
pub struct HistoryExportArgs {
    #[command(flatten)]
    pub select: HistorySelect,
    /// The file format (default: jsonl for a FILE ending in .jsonl, else har)
    #[arg(long, value_enum)]
    pub format: Option<ExportFormatArg>,
    /// The file to write (replaced whole, or left as it was if the export fails)
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Only the newest N matches (default: all)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,
}

/// `history list --direction`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DirectionArg {
    /// Received by the local receiver
    In,
    /// Sent: to a gateway, or as Webitel to a callback
    Out,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("action").required(true).args(["text", "join", "left", "close", "scenario"])))]
pub struct EmulateArgs {
    /// The profile to act for (id or name): its templates render, its app secret signs
    pub profile: String,
    /// The chat the action belongs to (with --scenario: a fresh chat when not given)
    #[arg(long, value_name = "ID", required_unless_present = "scenario")]
    pub chat_id: Option<String>,
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
    /// Print the requests as cURL commands (signed as sent) instead of sending them
    #[arg(long)]
    pub print_curl: bool,
    /// Act out a named test event (`textgate-cli scenarios list`); --chat-id fills its
    /// ${chat_id} (a fresh chat when not given)
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,
    /// Change one field of the scenario's action: text=Hi, agent.FirstName=Bob (numbers,
    /// true/false and null are typed; "..." forces a string); repeatable
    #[arg(long = "set", value_name = "PATH=VALUE", conflicts_with_all = ["text", "join", "left", "close"])]
    pub set: Vec<String>,
}

/// `--since`/`--until`: RFC 3339 or unix milliseconds, refused at parse time (exit 2).
fn instant(text: &str) -> Result<i64, String> {
    textgate_core::instant_text::parse_instant(text).ok_or_else(|| {
        "not a time: use RFC 3339 (2026-12-01T10:00:00Z) or unix milliseconds".to_string()
    })
}

/// `--status`: the statuses core's receiver can answer with, refused at parse time (exit 2).
fn answer_status() -> clap::builder::RangedI64ValueParser<u16> {
    let statuses = textgate_core::harness::receiver_session::ANSWER_STATUSES;
    clap::value_parser!(u16).range(i64::from(*statuses.start())..=i64::from(*statuses.end()))
}

/// `--delay-ms`: up to core's cap on the receiver's delay.
fn answer_delay_ms() -> clap::builder::RangedU64ValueParser<u64> {
    let cap = textgate_core::harness::receiver_session::MAX_ANSWER_DELAY.as_millis();
    clap::value_parser!(u64).range(0..=u64::try_from(cap).unwrap_or(u64::MAX))
}
