//! Room on the stack for deep templates. Go's `text/template` recurses as deep as a template
//! nests (Go 1.19 parses and renders 100,000 nested `if`s; its goroutine stacks grow to 1 GB),
//! and so do this port's parser, executor, `Display`, `Clone` and `Drop` of the tree. A thread's
//! stack is fixed (2 MiB for a test thread, less for some async runtimes), so every recursive
//! step goes through [`deep`], which continues on a fresh heap-allocated segment when the
//! current stack runs low (the `stacker` crate, as rustc does for deep expressions). This keeps
//! the code a line-by-line port of Go's recursive one, works on whatever thread a command runs
//! on, and costs a comparison per call; the nesting limits (`parse::MAX_NESTING`,
//! `budget::MAX_EXEC_NESTING`) bound how much such stack one render may use.

use super::ast::{List, Pipe};

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

// A tree can nest 150,000 levels deep (see `parse::MAX_NESTING`): copying and dropping it
// recurse once per list or parenthesised pipeline, each step with room on the stack.
impl Clone for List {
    fn clone(&self) -> Self {
        deep(|| List {
            nodes: self.nodes.clone(),
        })
    }
}

impl Drop for List {
    fn drop(&mut self) {
        if !self.nodes.is_empty() {
            let nodes = std::mem::take(&mut self.nodes);
            deep(move || drop(nodes));
        }
    }
}

impl Clone for Pipe {
    fn clone(&self) -> Self {
        deep(|| Pipe {
            pos: self.pos,
            is_assign: self.is_assign,
            decl: self.decl.clone(),
            cmds: self.cmds.clone(),
        })
    }
}

impl Drop for Pipe {
    fn drop(&mut self) {
        if !self.cmds.is_empty() {
            let cmds = std::mem::take(&mut self.cmds);
            deep(move || drop(cmds));
        }
    }
}
