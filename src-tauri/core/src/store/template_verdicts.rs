//! The stored verdicts on profiles' templates (`templates_digest`, `templates_refused`; see
//! `template_verdict.rs`). Written apart from the profile row, so every other writer of the
//! row leaves them alone; a verdict whose digest no longer matches is simply not used.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};

use super::Store;
use crate::error::Result;
use crate::template_verdict::TemplatesVerdict;

impl Store {
    /// Stores the verdict of one profile (nothing when the profile is gone).
    pub fn set_templates_verdict(&mut self, id: &str, verdict: &TemplatesVerdict) -> Result<()> {
        self.conn.execute(
            "UPDATE profiles SET templates_digest = ?2, templates_refused = ?3 WHERE id = ?1",
            params![id, verdict.digest, verdict.refused],
        )?;
        Ok(())
    }

    /// The stored verdict of one profile, if any.
    pub fn templates_verdict(&self, id: &str) -> Result<Option<TemplatesVerdict>> {
        Ok(self
            .conn
            .query_row(
                "SELECT templates_digest, templates_refused FROM profiles
                 WHERE id = ?1 AND templates_digest IS NOT NULL AND templates_refused IS NOT NULL",
                [id],
                |row| {
                    Ok(TemplatesVerdict {
                        digest: row.get(0)?,
                        refused: row.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    /// Every stored verdict, by profile id.
    pub fn templates_verdicts(&self) -> Result<HashMap<String, TemplatesVerdict>> {
        let mut statement = self.conn.prepare(
            "SELECT id, templates_digest, templates_refused FROM profiles
             WHERE templates_digest IS NOT NULL AND templates_refused IS NOT NULL",
        )?;
        let rows = statement.query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                TemplatesVerdict {
                    digest: row.get(1)?,
                    refused: row.get(2)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
    }
}
