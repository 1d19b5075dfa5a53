//! The list of Rust types the UI sees over IPC, exported as TypeScript into `ui/src/bindings`.
//! A test (tests/bindings.rs) fails when the checked-in files differ from what this produces;
//! `UPDATE_BINDINGS=1 cargo test --test bindings` rewrites them.

use std::path::Path;

use ts_rs::{Config, ExportError, TS};

/// Writes every IPC type (and what it depends on) as one `.ts` file per type into `dir`.
pub fn export_all(dir: &Path) -> Result<(), ExportError> {
    let cfg = Config::new().with_out_dir(dir).with_large_int("number");
    textgate_core::ProfileDraft::export_all(&cfg)?;
    textgate_core::ProfileView::export_all(&cfg)?;
    textgate_core::ProfileSummary::export_all(&cfg)?;
    textgate_core::SaveOutcome::export_all(&cfg)?;
    textgate_core::FlowSchema::export_all(&cfg)?;
    textgate_core::server::ServerView::export_all(&cfg)?;
    textgate_core::server::NewServer::export_all(&cfg)?;
    textgate_core::server::ConnectionReport::export_all(&cfg)?;
    textgate_core::PushAction::export_all(&cfg)?;
    textgate_core::PullReport::export_all(&cfg)?;
    textgate_core::ConflictView::export_all(&cfg)?;
    textgate_core::KeepVersion::export_all(&cfg)?;
    textgate_core::template_preview::TemplatePreview::export_all(&cfg)?;
    textgate_core::template_preview::SampleAccount::export_all(&cfg)?;
    textgate_core::harness::compose::InboundDraft::export_all(&cfg)?;
    textgate_core::harness::delivery::Signing::export_all(&cfg)?;
    textgate_core::harness::history::HistoryEntry::export_all(&cfg)?;
    textgate_core::harness::history::HistoryQuery::export_all(&cfg)?;
    textgate_core::harness::outbound::AgentAction::export_all(&cfg)?;
    textgate_core::harness::receiver_feed::LiveBatch::export_all(&cfg)?;
    textgate_core::harness::burst::BurstProgress::export_all(&cfg)?;
    textgate_core::harness::burst::BurstReport::export_all(&cfg)?;
    textgate_core::signature::lab::LabRequest::export_all(&cfg)?;
    textgate_core::signature::lab::LabResult::export_all(&cfg)?;
    crate::commands::harness_receiver::AnswerSpec::export_all(&cfg)?;
    crate::commands::harness_receiver::ReceiverInfo::export_all(&cfg)?;
    crate::error::IpcError::export_all(&cfg)?;
    textgate_core::Issue::export_all(&cfg)?;
    crate::state::AppStatus::export_all(&cfg)?;
    textgate_core::settings_file::SettingsView::export_all(&cfg)?;
    crate::updater::AvailableUpdate::export_all(&cfg)?;
    crate::updater::UpdateProgress::export_all(&cfg)?;
    crate::updater::DownloadedUpdate::export_all(&cfg)?;
    textgate_logging::diagnostics::Diagnostics::export_all(&cfg)?;
    // Not a type: the field table and the empty draft as constants.
    std::fs::write(
        dir.join(textgate_core::profile_exports::FILE_NAME),
        textgate_core::profile_exports::typescript(),
    )?;
    Ok(())
}
