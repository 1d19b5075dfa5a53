//! The verdict on a profile's templates (would a push refuse them: Webitel's refusal, or a
//! `file_policy_fail` it cannot send), kept with the profile.
//! Judging renders every key, which may cost up to a full work budget; the profile list shows
//! the verdict for every profile, so it reads the one stored when the profile was saved instead
//! of rendering them all again. The stored verdict names the exact texts it was reached on (a
//! digest, with the engine's revision), so a row written by any other path (a pull, an older
//! build) is judged once more, and never shown with a stale verdict.

use sha2::{Digest, Sha256};

use crate::gateway_templates::{push_refusal, TemplateKey};
use crate::profile::Templates;

/// Bumped whenever the engine may judge the same texts differently, so older verdicts are
/// recomputed.
const ENGINE_REVISION: &str = "textgate-template-engine/3";

/// A verdict and the texts it holds for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplatesVerdict {
    pub digest: String,
    pub refused: bool,
}

impl TemplatesVerdict {
    /// Judges the templates (renders them: never call it with the store locked).
    pub fn judge(templates: &Templates) -> Self {
        Self::reached(templates, push_refusal(templates).is_some())
    }

    /// The verdict `refused`, reached on these templates.
    pub fn reached(templates: &Templates, refused: bool) -> Self {
        TemplatesVerdict {
            digest: digest(templates),
            refused,
        }
    }

    /// Whether this verdict was reached on these very texts.
    pub fn holds_for(&self, templates: &Templates) -> bool {
        self.digest == digest(templates)
    }
}

/// SHA-256 of the engine revision and every key's text, each length-prefixed.
pub fn digest(templates: &Templates) -> String {
    let mut hash = Sha256::new();
    hash.update(ENGINE_REVISION.as_bytes());
    for key in TemplateKey::PARSE_ORDER {
        let text = key.text(templates).as_bytes();
        hash.update((text.len() as u64).to_le_bytes());
        hash.update(text);
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}
