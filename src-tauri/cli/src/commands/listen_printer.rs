//! `listen`'s stdout: a thread of its own fed through an unbounded queue, so a reader slower
//! than the traffic (a pipe read at the end, `| less`, a paused terminal) only makes the queue
//! grow and never holds up an answer. Lines are written in the order they were queued. When
//! the reader goes away (`listen ... | head -1`) the thread says so once and stops writing.

use std::io::Write;
use std::sync::mpsc;
use std::thread::JoinHandle;

use tokio::sync::oneshot;

pub struct Printer {
    lines: Option<mpsc::Sender<String>>,
    thread: Option<JoinHandle<()>>,
}

/// Why the printer stopped before being told to.
pub enum Closed {
    /// The reader closed the pipe: the conventional quiet end.
    ReaderGone,
    /// Any other write error, worth a warning.
    Failed(std::io::Error),
}

impl Printer {
    /// Starts the thread; `closed` fires if stdout stops taking lines.
    pub fn spawn() -> std::io::Result<(Self, oneshot::Receiver<Closed>)> {
        let (lines, queue) = mpsc::channel::<String>();
        let (closed, on_closed) = oneshot::channel();
        let thread = std::thread::Builder::new()
            .name("listen-stdout".into())
            .spawn(move || {
                if let Err(error) = write_all(&queue) {
                    let reason = if error.kind() == std::io::ErrorKind::BrokenPipe {
                        Closed::ReaderGone
                    } else {
                        Closed::Failed(error)
                    };
                    let _ = closed.send(reason);
                }
            })?;
        Ok((
            Self {
                lines: Some(lines),
                thread: Some(thread),
            },
            on_closed,
        ))
    }

    /// Queues one line (without its newline); never waits for stdout.
    pub fn print(&self, line: String) {
        if let Some(lines) = &self.lines {
            // After the reader went away the queue is gone, and so is the line's reader.
            let _ = lines.send(line);
        }
    }

    /// Waits until every queued line is written (or stdout failed).
    pub fn finish(mut self) {
        self.lines = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Writes lines as they come, as many per write as are waiting, until the queue closes.
fn write_all(queue: &mpsc::Receiver<String>) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    let mut chunk = String::new();
    while let Ok(line) = queue.recv() {
        chunk.clear();
        chunk.push_str(&line);
        chunk.push('\n');
        while chunk.len() < 64 * 1024 {
            let Ok(line) = queue.try_recv() else { break };
            chunk.push_str(&line);
            chunk.push('\n');
        }
        stdout.write_all(chunk.as_bytes())?;
        stdout.flush()?;
    }
    Ok(())
}
