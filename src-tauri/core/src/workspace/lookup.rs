//! Finding a profile the way a person names it: by id, or by its exact name ignoring case.
//! The CLI takes either; a name that several profiles share is refused with their ids, so a
//! script never acts on the wrong gateway. And finding the profiles a search pattern selects
//! (`SearchPattern`, over name, URI, callback and notes).

use super::Profiles;
use crate::error::{CoreError, Result};
use crate::profile_views::{ProfileSummary, ProfileView};
use crate::search_pattern::SearchPattern;

impl Profiles<'_> {
    /// The profile whose id is `id_or_name`, else the one whose name equals it ignoring case.
    /// No match is [`CoreError::NotFound`]; several are [`CoreError::Ambiguous`].
    pub fn resolve(self, id_or_name: &str) -> Result<ProfileView> {
        let wanted = id_or_name.trim();
        // Bound first: a guard in the `if let` would still be held inside `view`, which locks
        // the store again for the server name.
        let by_id = self.ws.store().find_profile(wanted)?;
        if let Some(profile) = by_id {
            return Ok(self.ws.view(profile));
        }
        let lowered = wanted.to_lowercase();
        let mut matches: Vec<_> = self
            .ws
            .store()
            .list_profiles()?
            .into_iter()
            .filter(|profile| profile.name.to_lowercase() == lowered)
            .collect();
        match matches.len() {
            0 => Err(CoreError::NotFound(wanted.to_string())),
            1 => Ok(self.ws.view(matches.remove(0))),
            count => {
                let ids: Vec<_> = matches.iter().map(|profile| profile.id.as_str()).collect();
                Err(CoreError::Ambiguous(format!(
                    "{count} profiles are named \u{201c}{wanted}\u{201d}: use one of their ids ({})",
                    ids.join(", ")
                )))
            }
        }
    }
}

impl Profiles<'_> {
    /// The profiles whose name, URI, callback or notes match `pattern`, as `list` gives them.
    pub fn matching(self, pattern: &SearchPattern) -> Result<Vec<ProfileSummary>> {
        let (profiles, verdicts) = {
            let store = self.ws.store();
            (store.list_profiles()?, store.templates_verdicts()?)
        };
        Ok(profiles
            .iter()
            .filter(|profile| {
                pattern.matches_any([
                    profile.name.as_str(),
                    profile.uri.as_str(),
                    profile.callback.as_str(),
                    profile.notes.as_str(),
                ])
            })
            .map(|profile| {
                let refused = self
                    .ws
                    .templates_refused_with(profile, verdicts.get(&profile.id));
                ProfileSummary::new(profile, refused)
            })
            .collect())
    }
}

#[cfg(test)]
#[path = "lookup_tests.rs"]
mod tests;
