//! Room on the stack for deep templates. Go's `text/template` recurses as deep as a template
//! nests (Go 1.19 parses and renders 100,000 nested `if`s; its goroutine stacks grow to 1 GB),
//! and so do this port's parser, executor, `Display`, `Clone` and `Drop` of the tree. A thread's
//! stack is fixed (2 MiB for a test thread, less for some async runtimes), so every recursive
//! step goes through [`deep`], which continues on a fresh heap-allocated segment when the
//! current stack runs low (the `stacker` crate, as rustc does for deep expressions). This keeps
//! the code a line-by-line port of Go's recursive one, works on whatever thread a command runs
//! on, and costs a comparison per call; the nesting limits (`budget::MAX_NESTING`,
//! `budget::MAX_EXEC_NESTING`) bound how much such stack one render may use.

/// Below this much stack left, continue on a new segment. Generous, because debug builds put
/// several large frames between two checks.
const RED_ZONE: usize = 256 * 1024;

/// The size of each new segment.
const SEGMENT: usize = 8 * 1024 * 1024;

/// Runs `f`, on a new stack segment if the current one is nearly used up.
#[inline]
pub(crate) fn deep<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, SEGMENT, f)
}
