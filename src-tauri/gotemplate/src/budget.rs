//! What one render may cost. Go's `text/template` has no limit but the depth of nested
//! `template` calls, so a short template can run for ever (a doubling recursion makes 2^41
//! calls) or fill the memory (`printf "%999999d"` at its leaves). Webitel's server would hang on
//! such a template; Textgate must not, because it renders while the admin types, on save, on
//! push and in the CLI. Every render therefore gets a work budget in steps (a list walked, a
//! pipeline evaluated, a command run), a cap on its output and a cap on the bytes its functions
//! may produce, each thousands of times above what a chat message needs. Running past one is a
//! [`Limit`] error of its own (code `template_budget`), never confused with Go's own refusals.
//! This module holds the limits and a test probe, nothing else (a leaf the parser, executor and errors all use); the
//! executor's `State` counts what a render spends against them (`exec.rs`).

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

/// How deep `if`/`range`/`with` blocks and parenthesised pipelines may nest, counted
/// together. Go 1.19 has no limit but its 1 GB stack: it renders 200,000 nested `if`s and
/// 150,000 nested parentheses (at 975 MB), and dies of a stack overflow at 300,000 `if`s. Past
/// this, where Go is about to crash the server, Textgate refuses the text ([`Limit::Nesting`]).
pub(crate) const MAX_NESTING: usize = 150_000;

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
    /// Nested deeper than the parser allows (`MAX_NESTING`).
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
            Limit::Nesting => {
                format!("nesting deeper than {MAX_NESTING} levels (Textgate's nesting limit)")
            }
        }
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
