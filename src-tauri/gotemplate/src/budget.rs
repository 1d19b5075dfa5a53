//! What one render may cost. Go's `text/template` has no limit but the depth of nested
//! `template` calls, so a short template can run for ever (a doubling recursion makes 2^41
//! calls) or fill the memory (`printf "%999999d"` at its leaves). Webitel's server would hang on
//! such a template; Textgate must not, because it renders while the admin types, on save, on
//! push and in the CLI. Every render therefore gets a work budget in steps (a list walked, a
//! pipeline evaluated, a command run), a cap on its output and a cap on the bytes its functions
//! may produce, each thousands of times above what a chat message needs. Running past one is a
//! [`Limit`] error of its own (code `template_budget`), never confused with Go's own refusals.

use super::exec::{EResult, ExecError, State};

/// Steps one render may take. A real template takes tens; Go's deepest legal recursion
/// (100,000 nested `template` calls) takes a few hundred thousand.
pub const MAX_STEPS: u64 = 2_000_000;

/// Bytes one render may output (a chat message is at most a few KiB).
pub const MAX_OUTPUT: usize = 1 << 20;

/// Bytes the functions of one render (`printf`, `print`, `html`, `slice`, ...) may produce in
/// all, so values kept in variables cannot fill the memory either.
pub const MAX_DATA: usize = 16 << 20;

/// Nesting deeper than this while rendering is refused. Go counts only `template` calls (its
/// `maxExecDepth`, 100,000) and leaves the rest to its 1 GB stack; this counts every nested
/// list and pipeline, allowing Go's 100,000 calls for a recursion of up to three levels a call.
/// Past it a recursing template gets Go's own depth error (see `State::depth_error`).
pub(crate) const MAX_EXEC_NESTING: usize = 300_000;

/// Which of Textgate's limits a template ran past.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Limit {
    /// More than [`MAX_STEPS`] steps.
    Steps,
    /// More than [`MAX_OUTPUT`] bytes of output.
    Output,
    /// Functions produced more than [`MAX_DATA`] bytes.
    Data,
    /// Nested deeper than the parser allows (`parse::MAX_NESTING`).
    Nesting,
}

impl Limit {
    /// The error message, naming the limit.
    pub fn message(self) -> String {
        match self {
            Limit::Steps => format!(
                "Textgate stopped rendering after {MAX_STEPS} steps (its work limit): this \
                 template does far more work than a message needs and may never finish"
            ),
            Limit::Output => format!(
                "Textgate stopped rendering at {MAX_OUTPUT} bytes of output (its output limit)"
            ),
            Limit::Data => format!(
                "Textgate stopped rendering: its functions produced more than {MAX_DATA} bytes \
                 (its data limit)"
            ),
            Limit::Nesting => format!(
                "nesting deeper than {} levels (Textgate's nesting limit)",
                super::parse::MAX_NESTING
            ),
        }
    }
}

impl State<'_> {
    /// One step of work.
    pub fn step(&mut self) -> EResult<()> {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return self.over(Limit::Steps);
        }
        Ok(())
    }

    /// Appends to the output, within [`MAX_OUTPUT`].
    pub fn emit(&mut self, bytes: &[u8]) -> EResult<()> {
        if self.out.len() + bytes.len() > MAX_OUTPUT {
            return self.over(Limit::Output);
        }
        self.out.extend_from_slice(bytes);
        Ok(())
    }

    /// How many bytes a function may still produce (one more is over the limit).
    pub fn data_left(&self) -> usize {
        MAX_DATA - self.data
    }

    /// Counts `n` bytes a function produced, within [`MAX_DATA`].
    pub fn charge_data(&mut self, n: usize) -> EResult<()> {
        if n > self.data_left() {
            return self.over(Limit::Data);
        }
        self.data += n;
        Ok(())
    }

    /// The error for a limit, at the node being executed.
    fn over<T>(&self, limit: Limit) -> EResult<T> {
        Err(ExecError {
            limit: Some(limit),
            ..self.error_here(limit.message())
        })
    }
}

/// Which threads are rendering right now, for tests that prove a render holds no lock
/// (public through `test_support` with the `test-support` feature).
#[cfg(any(test, feature = "test-support"))]
pub mod probe {
    use std::sync::Mutex;
    use std::thread::ThreadId;

    static RENDERING: Mutex<Vec<ThreadId>> = Mutex::new(Vec::new());

    fn threads() -> std::sync::MutexGuard<'static, Vec<ThreadId>> {
        RENDERING
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Whether the thread is inside a render.
    pub fn rendering(thread: ThreadId) -> bool {
        threads().contains(&thread)
    }

    /// Marks the current thread as rendering until dropped.
    pub struct Rendering(ThreadId);

    impl Rendering {
        pub fn start() -> Self {
            let id = std::thread::current().id();
            threads().push(id);
            Rendering(id)
        }
    }

    impl Drop for Rendering {
        fn drop(&mut self) {
            let mut threads = threads();
            if let Some(i) = threads.iter().position(|t| *t == self.0) {
                threads.swap_remove(i);
            }
        }
    }
}
