//! `server …`'s arguments: add, list, test, log in again, edit, remove.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum ServerCommand {
    /// Add a server; the credentials are checked against it before anything is stored
    Add(ServerAdd),
    /// List the servers
    List,
    /// Check that the server answers and accepts the stored token
    Test { name: String },
    /// Log in to a stored server again (its token expired or was revoked): the new token
    /// replaces the stored one once the server accepted it
    Login(ServerLogin),
    /// Change a stored server in place: rename it, give it a new token, CA or address (the
    /// address only while none of its profiles was pushed); what is new is checked against
    /// the server before anything is stored
    Edit(ServerEdit),
    /// Forget a server and its token; its profiles become local only
    Remove { name: String },
}

#[derive(Debug, Args)]
pub struct ServerAdd {
    pub name: String,
    /// Server address, e.g. https://cloud.example.com (the API is at /api)
    pub base_url: String,
    #[command(flatten)]
    pub credentials: CredentialArgs,
    #[command(flatten)]
    pub ca: CaFileArg,
}

/// How `server add` and `server login` get a token: one read from stdin, or a login.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("auth").required(true).args(["token_stdin", "login"])))]
pub struct CredentialArgs {
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
    /// The one-time code from the authenticator app, when the server has two-factor login
    /// on; without it a terminal is asked for the code when the server wants one
    #[arg(long, value_name = "CODE", requires = "login")]
    pub totp: Option<String>,
}

/// The private CA flag `server add` and `server edit` share.
#[derive(Debug, Args)]
pub struct CaFileArg {
    /// PEM file with the private CA certificate(s) of an on-premise server
    #[arg(long, value_name = "FILE")]
    pub ca_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ServerLogin {
    /// Server name (or id)
    pub name: String,
    #[command(flatten)]
    pub credentials: CredentialArgs,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("change").required(true).multiple(true)
    .args(["new_name", "base_url", "token_stdin", "ca_file", "no_ca"])))]
pub struct ServerEdit {
    /// Server name (or id)
    pub name: String,
    /// A new name for it
    #[arg(long = "name", value_name = "NEW")]
    pub new_name: Option<String>,
    /// A new address, e.g. https://cloud.example.com (refused once a profile was pushed to it)
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Read a new access token from standard input (checked against the server first)
    #[arg(long)]
    pub token_stdin: bool,
    #[command(flatten)]
    pub ca: CaFileArg,
    /// Stop trusting the private CA: only the system's certificates again
    #[arg(long, conflicts_with = "ca_file")]
    pub no_ca: bool,
}
