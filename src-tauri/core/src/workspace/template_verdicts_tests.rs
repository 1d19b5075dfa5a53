//! A template that would never finish (issue E): checked, saved and refused for push within
//! the work budget, with `template_budget`; the list reads the verdict stored at save; and a
//! costly render holds no lock, so other commands go on meanwhile.

use crate::error::CoreError;
use crate::template::test_support::{probe, DOUBLING, DOUBLING_PRINTF};
use crate::template_verdict::{digest, TemplatesVerdict};
use crate::validation::{ProfileField, Severity};
use crate::workspace::test_support::{draft, fixture};

#[tokio::test]
async fn a_never_ending_template_is_checked_saved_and_refused_for_push_within_the_budget() {
    let f = fixture().await;
    let mut costly = draft(&f.server_id, "Support");
    costly.templates.join = DOUBLING.into();
    // Its own name: the keys share one namespace, where a later `define` replaces "a".
    costly.templates.left = DOUBLING_PRINTF.replace(r#""a""#, r#""b""#);

    let issues = f.workspace.profiles().check(&costly).unwrap();
    let on = |field| issues.iter().find(|i| i.field == field).expect("an issue");
    assert_eq!(on(ProfileField::TemplateJoin).severity, Severity::Warning);
    assert!(
        on(ProfileField::TemplateJoin)
            .message
            .contains("work limit"),
        "{:?}",
        issues
    );
    assert!(
        on(ProfileField::TemplateLeft)
            .message
            .contains("output limit"),
        "{:?}",
        issues
    );

    let outcome = f.workspace.profiles().save(costly).unwrap();
    assert!(outcome.profile.templates_refused);
    assert!(outcome
        .warnings
        .iter()
        .any(|w| w.field == ProfileField::TemplateJoin));

    let requests_before = f.emulator().requests().len();
    let error = f
        .workspace
        .sync()
        .push(&outcome.profile.id, false)
        .await
        .unwrap_err();
    assert!(matches!(error, CoreError::TemplateBudget(_)), "{error:?}");
    assert_eq!(error.code(), "template_budget");
    assert_eq!(error.field_issues()[0].field, ProfileField::TemplateJoin);
    assert!(error.to_string().contains("work limit"), "{error}");
    assert_eq!(f.emulator().requests().len(), requests_before);
}

#[tokio::test]
async fn the_list_shows_the_verdict_stored_at_save_without_rendering() {
    let f = fixture().await;
    let saved = f
        .workspace
        .profiles()
        .save(draft(&f.server_id, "Support"))
        .unwrap();
    let id = saved.profile.id;
    let listed = |f: &crate::workspace::test_support::Fixture| {
        let list = f.workspace.profiles().list().unwrap();
        list.into_iter()
            .find(|p| p.id == id)
            .unwrap()
            .templates_refused
    };
    assert!(!listed(&f));

    // A stored verdict that disagrees with a render of the same texts: the list shows it, so
    // the list read it instead of rendering.
    let profile = f.workspace.store().get_profile(&id).unwrap();
    let stored = TemplatesVerdict {
        digest: digest(&profile.templates),
        refused: true,
    };
    f.workspace
        .store()
        .set_templates_verdict(&id, &stored)
        .unwrap();
    assert!(listed(&f), "the stored verdict");

    // Texts changed by another writer of the row: the verdict no longer holds, so the list
    // judges them (once) and stores what it found.
    let mut changed = profile;
    changed.templates.title = "$(.FirstName)".into();
    f.workspace.store().upsert_profile(&changed).unwrap();
    assert!(!listed(&f), "judged again");
    let kept = f.workspace.store().templates_verdict(&id).unwrap().unwrap();
    assert!(kept.holds_for(&changed.templates) && !kept.refused);
}

#[tokio::test]
async fn a_costly_render_does_not_block_other_commands() {
    let f = fixture().await;
    let mut costly = draft(&f.server_id, "Support");
    costly.templates.join = DOUBLING.into();
    let workspace = &f.workspace;
    std::thread::scope(|scope| {
        let checker = scope.spawn(|| workspace.profiles().check(&costly));
        let thread = checker.thread().id();
        // Wait (boundedly) until the check is inside its costly render.
        let mut waited = 0;
        while !probe::rendering(thread) {
            assert!(waited < 30_000, "the check never started rendering");
            std::thread::sleep(std::time::Duration::from_millis(1));
            waited += 1;
        }
        // A store command answers while that render goes on: it holds no lock.
        workspace.profiles().flow_schemas(None).unwrap();
        let still_rendering = probe::rendering(thread);
        let issues = checker.join().unwrap().unwrap();
        assert!(
            still_rendering,
            "the store command waited for the render to end"
        );
        assert!(issues.iter().any(|i| i.field == ProfileField::TemplateJoin));
    });
}
