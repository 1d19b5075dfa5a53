//! Whether a profile's templates would be refused, as the list and the editor show it: the
//! verdict stored at save when it holds for the profile's texts, else judged now (outside the
//! store lock) and stored, so each texts are rendered once, not on every listing.

use super::Workspace;
use crate::profile::Profile;
use crate::template_verdict::TemplatesVerdict;

impl Workspace {
    /// The profile's verdict (reads the store, renders only when no stored verdict holds).
    pub(super) fn templates_refused(&self, profile: &Profile) -> bool {
        let stored = self.store().templates_verdict(&profile.id).ok().flatten();
        self.templates_refused_with(profile, stored.as_ref())
    }

    /// The verdict given what the store holds for the profile.
    pub(super) fn templates_refused_with(
        &self,
        profile: &Profile,
        stored: Option<&TemplatesVerdict>,
    ) -> bool {
        if let Some(verdict) = stored.filter(|v| v.holds_for(&profile.templates)) {
            return verdict.refused;
        }
        let verdict = TemplatesVerdict::judge(&profile.templates);
        // Keeping it is an optimisation: a failed write only means judging again next time.
        let _ = self.store().set_templates_verdict(&profile.id, &verdict);
        verdict.refused
    }
}

#[cfg(test)]
#[path = "template_verdicts_tests.rs"]
mod tests;
