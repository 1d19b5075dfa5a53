//! The admin's saved scenarios (`scenarios` table, migration 0008). The built-ins are code, not
//! rows; the workspace keeps a saved name off them. A body that no longer reads as JSON is
//! damaged data, said as such rather than skipped.

use rusqlite::{params, OptionalExtension, Row};

use super::Store;
use crate::error::{CoreError, Result};
use crate::harness::scenarios::{Scenario, ScenarioDirection};

const COLUMNS: &str = "name, direction, description, body";

fn scenario(row: &Row<'_>) -> rusqlite::Result<(String, String, String, String)> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
}

fn decode(
    (name, direction, description, body): (String, String, String, String),
) -> Result<Scenario> {
    let direction = ScenarioDirection::from_wire(&direction).ok_or_else(|| {
        CoreError::Corrupt(format!("scenario {name} has the direction {direction:?}"))
    })?;
    let body = serde_json::from_str(&body)
        .map_err(|e| CoreError::Corrupt(format!("scenario {name}'s body: {e}")))?;
    Ok(Scenario {
        name,
        direction,
        description,
        body,
        builtin: false,
    })
}

impl Store {
    /// Every saved scenario, by name.
    pub fn scenarios(&self) -> Result<Vec<Scenario>> {
        let mut statement = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM scenarios ORDER BY name"))?;
        let rows = statement.query_map([], scenario)?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .map(decode)
            .collect()
    }

    /// The saved scenario called `name`.
    pub fn scenario(&self, name: &str) -> Result<Option<Scenario>> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM scenarios WHERE name = ?1"),
                [name],
                scenario,
            )
            .optional()?
            .map(decode)
            .transpose()
    }

    /// Saves `scenario` under its name, replacing one saved before; true when it replaced one.
    pub fn save_scenario(&mut self, scenario: &Scenario, now: i64) -> Result<bool> {
        let body =
            serde_json::to_string(&scenario.body).map_err(|e| CoreError::Corrupt(e.to_string()))?;
        let tx = self.conn.transaction()?;
        let existed = tx
            .query_row(
                "SELECT 1 FROM scenarios WHERE name = ?1",
                [&scenario.name],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        tx.execute(
            "INSERT INTO scenarios (name, direction, description, body, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)
             ON CONFLICT(name) DO UPDATE SET direction = ?2, description = ?3, body = ?4,
                 updated_at = ?5",
            params![
                scenario.name,
                scenario.direction.wire(),
                scenario.description,
                body,
                now
            ],
        )?;
        tx.commit()?;
        Ok(existed)
    }

    /// Deletes the saved scenario called `name`; false when there was none.
    pub fn delete_scenario(&mut self, name: &str) -> Result<bool> {
        Ok(self
            .conn
            .execute("DELETE FROM scenarios WHERE name = ?1", [name])?
            > 0)
    }
}
