//! The `flow_schemas` cache: what the flow select offers, kept locally so the form works offline.

use rusqlite::params;

use super::Store;
use crate::error::Result;
use crate::profile::FlowSchema;

impl Store {
    /// Cached schemas of one server, or of every server, by name.
    pub fn list_flow_schemas(&self, server_id: Option<&str>) -> Result<Vec<FlowSchema>> {
        let mut statement = self.conn.prepare(
            "SELECT id, name, type FROM flow_schemas WHERE ?1 IS NULL OR server_id = ?1
             ORDER BY name COLLATE NOCASE, id",
        )?;
        let rows = statement.query_map([server_id], |row| {
            Ok(FlowSchema {
                id: row.get("id")?,
                name: row.get("name")?,
                kind: row.get("type")?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Replaces the cached schemas of one server with a fresh list.
    pub fn replace_flow_schemas(&mut self, server_id: &str, schemas: &[FlowSchema]) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM flow_schemas WHERE server_id = ?1", [server_id])?;
        {
            let mut insert =
                tx.prepare("INSERT OR REPLACE INTO flow_schemas (server_id, id, name, type) VALUES (?1, ?2, ?3, ?4)")?;
            for schema in schemas {
                insert.execute(params![server_id, schema.id, schema.name, schema.kind])?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}
