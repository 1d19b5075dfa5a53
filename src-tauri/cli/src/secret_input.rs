//! Secrets handed to the CLI without the command line, where every user of the machine can read
//! them (`ps`, `/proc/*/cmdline`): one line on standard input (`server add --token-stdin`,
//! `profiles create --secret-stdin`, `emulator --token-stdin`) or in a file
//! (`sign --secret-stdin-file`). All of them read the same way: one line, its `\n` or `\r\n`
//! dropped, an empty line refused, the value never repeated in a message. The flags that still
//! take a secret as an argument warn with [`warn_on_command_line`].

use std::io::{IsTerminal, Read};
use std::path::Path;

use textgate_core::{ErrorCode, Sensitive};
use zeroize::Zeroizing;

use crate::error::{CliError, CliResult};
use crate::output::Output;

/// More than any token or secret; stops `cat /dev/zero | …` from filling the memory.
const MAX_BYTES: u64 = 64 * 1024;

/// Where a secret is read from and how to name it in messages.
pub struct SecretSource<'a> {
    /// What it is: `token`, `password`, `app secret`.
    pub what: &'a str,
    /// The flag that asked for it: `--token-stdin`.
    pub flag: &'a str,
    /// A command line that pipes it in, for the hints.
    pub example: &'a str,
}

impl SecretSource<'_> {
    /// One line from standard input; a terminal is refused (typing would echo the secret).
    pub fn read_stdin(&self) -> CliResult<Sensitive<String>> {
        let stdin = std::io::stdin();
        if stdin.is_terminal() {
            return Err(CliError::new(
                ErrorCode::Usage,
                format!(
                    "{} reads the {} from standard input, not the terminal: {}",
                    self.flag,
                    self.what,
                    self.hint()
                ),
            ));
        }
        self.read_from(stdin.lock(), &Place::Stdin)
    }

    /// One line from the file at `path`.
    pub fn read_file(&self, path: &Path) -> CliResult<Sensitive<String>> {
        let file = std::fs::File::open(path).map_err(|error| {
            CliError::new(
                ErrorCode::Io,
                format!(
                    "Cannot read the {} file {}: {error}",
                    self.what,
                    path.display()
                ),
            )
        })?;
        self.read_from(file, &Place::File(path))
    }

    /// One line from `reader`, which is `place` in messages.
    fn read_from(&self, reader: impl Read, place: &Place) -> CliResult<Sensitive<String>> {
        let mut bytes = Zeroizing::new(Vec::new());
        reader
            .take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|error| {
                CliError::new(
                    ErrorCode::Io,
                    format!(
                        "Cannot read the {} from {}: {error}",
                        self.what,
                        place.name()
                    ),
                )
            })?;
        if bytes.len() as u64 > MAX_BYTES {
            return Err(self.usage(format!(
                "There is more than {} KiB {}: that is not a {}",
                MAX_BYTES / 1024,
                place.on(),
                self.what
            )));
        }
        let line_end = bytes
            .iter()
            .position(|b| *b == b'\n')
            .unwrap_or(bytes.len());
        // After the line only more line breaks or spaces may follow (an editor's final newline).
        if !bytes[line_end..].iter().all(u8::is_ascii_whitespace) {
            return Err(self.usage(format!(
                "There is more than one line {}: give only the {}, on one line",
                place.on(),
                self.what
            )));
        }
        let line = bytes[..line_end]
            .strip_suffix(b"\r")
            .unwrap_or(&bytes[..line_end]);
        let Ok(text) = std::str::from_utf8(line) else {
            return Err(self.usage(format!(
                "The {} {} is not UTF-8 text",
                self.what,
                place.on()
            )));
        };
        if text.trim().is_empty() {
            return Err(self.usage(format!(
                "No {} {} (the line is empty): {}",
                self.what,
                place.on(),
                self.hint()
            )));
        }
        Ok(Sensitive::new(text.to_string()))
    }

    fn hint(&self) -> String {
        format!("pipe it in, e.g. `{}`", self.example)
    }

    fn usage(&self, message: String) -> CliError {
        CliError::new(ErrorCode::Usage, message)
    }
}

/// Where a secret came from, as messages name it.
enum Place<'a> {
    Stdin,
    File(&'a Path),
}

impl Place<'_> {
    fn name(&self) -> String {
        match self {
            Place::Stdin => "standard input".into(),
            Place::File(path) => format!("the file {}", path.display()),
        }
    }

    fn on(&self) -> String {
        match self {
            Place::Stdin => "on standard input".into(),
            Place::File(path) => format!("in the file {}", path.display()),
        }
    }
}

/// The stderr warning for a secret given as a command-line argument, which still works.
pub fn warn_on_command_line(out: &Output, flag: &str, instead: &str) {
    out.warn(format!(
        "{flag} puts the secret on the command line, where other users of this computer can read it (ps); use {instead} instead"
    ));
}

#[cfg(test)]
#[path = "secret_input_tests.rs"]
mod tests;
