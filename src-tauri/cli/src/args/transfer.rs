//! The flags of `profiles export` and `profiles import` (gateways to another machine). The
//! passphrase of the secrets is never a flag: it is read from standard input.

use std::path::PathBuf;

use clap::Args;

#[derive(Debug, Args)]
pub struct ProfileExport {
    /// Profile ids or exact names (case-insensitive); none: every profile (or those --match picks)
    #[arg(value_name = "NAME_OR_ID", conflicts_with = "pattern")]
    pub ids_or_names: Vec<String>,
    /// Name, URI, callback or notes match: `Part*` starts with "Part", `*bot*` contains "bot",
    /// `*bot` ends with it; without `*`, contains the text (case-insensitive)
    #[arg(long = "match", value_name = "PATTERN")]
    pub pattern: Option<String>,
    /// The file to write (replaced if it exists)
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Also export the app secrets, encrypted with a passphrase read from standard input (one
    /// line)
    #[arg(long)]
    pub with_secrets: bool,
}

#[derive(Debug, Args)]
pub struct ProfileImport {
    /// The `textgate.profiles/1` file (its passphrase on standard input when it holds secrets)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Print what would be added, updated and in conflict, and change nothing
    #[arg(long)]
    pub dry_run: bool,
}
