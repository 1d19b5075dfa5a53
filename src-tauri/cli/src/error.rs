//! The CLI's one error shape: a stable code and one sentence, printed as a single stderr line
//! (`error: …` or `{"code","message"}`). Core errors keep their `CoreError::code()`.

use textgate_core::CoreError;

#[derive(Debug)]
pub struct CliError {
    pub code: String,
    pub message: String,
    /// What went wrong was printed already (e.g. a failed `server test` report): only exit 1.
    pub reported: bool,
    /// The core error's message and causes, for the log (`-v`).
    pub cause: Option<String>,
}

impl CliError {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            reported: false,
            cause: None,
        }
    }

    /// A failure whose explanation is already on screen.
    pub fn reported() -> Self {
        Self {
            code: String::new(),
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
