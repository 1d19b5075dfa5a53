//! `burst`: a load test from scripts. Sends many distinct signed text messages to the profile's
//! gateway URI (or `--url`) at a bounded concurrency through the core's burst runner, shows
//! progress on stderr when it is a terminal, and prints the report: a readable summary, or the
//! report's JSON with `--json`. The messages are not kept in the history: a burst of 100,000
//! would drown the requests worth keeping.

use std::io::{IsTerminal, Write};

use textgate_core::harness::burst::{BurstProgress, BurstReport};

use crate::args::BurstArgs;
use crate::context::Context;
use crate::error::{CliError, CliResult};

pub async fn run(ctx: &Context, args: BurstArgs) -> CliResult {
    let profile = ctx.workspace.profiles().resolve(&args.profile)?;
    let terminal = std::io::stderr().is_terminal();
    let report = ctx
        .workspace
        .harness()
        .burst(
            &profile.id,
            args.count,
            args.concurrency,
            Some(args.chats),
            args.url.as_deref(),
            |progress| {
                if terminal {
                    show_progress(&progress);
                }
            },
        )
        .await?;
    if terminal {
        eprintln!();
    }
    if ctx.out.is_json() {
        ctx.out.json(&report);
    } else {
        for line in summary(&report) {
            ctx.out.line(line);
        }
    }
    if report.succeeded == report.sent {
        Ok(())
    } else {
        Err(CliError::reported())
    }
}

/// `\r sent 1200/10000 (12%), 1200 ok, 850 req/s`, rewritten in place.
fn show_progress(progress: &BurstProgress) {
    let percent = u64::from(progress.sent) * 100 / u64::from(progress.total.max(1));
    let seconds = progress.elapsed_micros as f64 / 1e6;
    let rate = if seconds > 0.0 {
        f64::from(progress.sent) / seconds
    } else {
        0.0
    };
    let mut stderr = std::io::stderr().lock();
    let _ = write!(
        stderr,
        "\r\x1b[Ksent {}/{} ({percent}%), {} ok, {rate:.0} req/s",
        progress.sent, progress.total, progress.succeeded
    );
    let _ = stderr.flush();
}

fn summary(report: &BurstReport) -> Vec<String> {
    let percent = f64::from(report.succeeded) * 100.0 / f64::from(report.sent.max(1));
    let l = &report.latency;
    let mut lines = vec![
        format!(
            "POST {} x {} (concurrency {})",
            report.url, report.sent, report.concurrency
        ),
        format!(
            "succeeded   {} of {} ({percent:.1}%)",
            report.succeeded, report.sent
        ),
        format!("elapsed     {:.2} s", report.elapsed_micros as f64 / 1e6),
        format!("throughput  {:.1} req/s", report.throughput),
    ];
    if l.answered > 0 {
        lines.push(format!(
            "latency     min {}  p50 {}  p90 {}  p99 {}  max {}  mean {}",
            ms(l.min_micros as f64),
            ms(l.p50_micros as f64),
            ms(l.p90_micros as f64),
            ms(l.p99_micros as f64),
            ms(l.max_micros as f64),
            ms(l.mean_micros)
        ));
    }
    if !report.errors.is_empty() {
        let errors: Vec<String> = report
            .errors
            .iter()
            .map(|e| format!("{} x{}", e.kind, e.count))
            .collect();
        lines.push(format!("errors      {}", errors.join(", ")));
    }
    lines
}

fn ms(micros: f64) -> String {
    format!("{:.2} ms", micros / 1000.0)
}
