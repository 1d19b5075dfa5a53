//! `scenarios list|show|save|delete`: the named test events `send --scenario` and
//! `emulate --scenario` use. Split from `harness.rs` for size; the spellings are a contract.

use std::path::PathBuf;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum ScenariosCommand {
    /// The built-in scenarios and your own: name, direction, description
    List,
    /// One scenario: its body, its placeholders and how to send it
    Show { name: String },
    /// Save your own scenario (replacing your own of that name; a built-in's name is refused)
    Save {
        name: String,
        /// send: the client's event to the gateway; emulate: an agent's action toward the callback
        #[arg(long, value_enum)]
        direction: ScenarioDirectionArg,
        /// The event's JSON ("-" reads stdin); may hold ${chat_id}, ${sender_id}, ${event_id}
        #[arg(long, value_name = "FILE")]
        body_file: PathBuf,
        /// What the scenario is for
        #[arg(long, value_name = "TEXT", default_value = "")]
        description: String,
    },
    /// Delete one of your own scenarios (built-ins cannot be deleted)
    Delete { name: String },
}

/// `scenarios save --direction`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ScenarioDirectionArg {
    /// Client -> Webitel, sent with `textgate-cli send GW --scenario NAME`
    Send,
    /// Webitel -> client, sent with `textgate-cli emulate GW --scenario NAME`
    Emulate,
}
