//! The CLI's one error shape: a stable code and one sentence, printed as a single stderr line
//! (`error: …` or `{"code","message"}`). Core errors keep their `CoreError::code()`; the CLI's own
//! codes are core's `ErrorCode` too, so scripts see one list.

use textgate_core::{CoreError, ErrorCode};

#[derive(Debug)]
pub struct CliError {
    /// What went wrong, for scripts; `None` only for a failure already reported.
    pub code: Option<ErrorCode>,
    pub message: String,
    /// What went wrong was printed already (e.g. a failed `server test` report): only exit 1.
    pub reported: bool,
    /// The core error's message and causes, for the log (`-v`).
    pub cause: Option<String>,
}

impl CliError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code: Some(code),
            message: message.into(),
            reported: false,
            cause: None,
        }
    }

    /// A failure whose explanation is already on screen.
    pub fn reported() -> Self {
        Self {
            code: None,
            message: String::new(),
            reported: true,
            cause: None,
        }
    }
}

impl From<CoreError> for CliError {
    fn from(error: CoreError) -> Self {
        Self {
            cause: Some(textgate_core::error::error_chain(&error)),
            ..Self::new(error.code(), error.to_string())
        }
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;
