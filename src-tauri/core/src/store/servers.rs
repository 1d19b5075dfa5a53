//! The `servers` table. Removing a server detaches its profiles (they become local only) and
//! drops its cached flow schemas, in one transaction.

use rusqlite::{params, OptionalExtension, Row};

use super::Store;
use crate::error::{CoreError, Result};
use crate::server::{Server, TokenFacts};
use crate::webitel::access::GatewayPermissions;

const COLUMNS: &str =
    "id, name, base_url, ca_pem, username, created_at, updated_at, token_expires_at, gateway_access";

fn server_from_row(row: &Row<'_>) -> rusqlite::Result<Server> {
    Ok(Server {
        id: row.get("id")?,
        name: row.get("name")?,
        base_url: row.get("base_url")?,
        ca_pem: row.get("ca_pem")?,
        username: row.get("username")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
        token: TokenFacts {
            expires_at: row.get("token_expires_at")?,
            permissions: row
                .get::<_, Option<String>>("gateway_access")?
                .map(|letters| GatewayPermissions::from_letters(&letters)),
        },
    })
}

impl Store {
    pub fn list_servers(&self) -> Result<Vec<Server>> {
        let sql = format!("SELECT {COLUMNS} FROM servers ORDER BY name COLLATE NOCASE");
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map([], server_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// A server by id or (case-insensitive) name.
    pub fn find_server(&self, id_or_name: &str) -> Result<Option<Server>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM servers WHERE id = ?1 OR name = ?1 COLLATE NOCASE LIMIT 1"
        );
        Ok(self
            .conn
            .query_row(&sql, [id_or_name], server_from_row)
            .optional()?)
    }

    pub fn get_server(&self, id_or_name: &str) -> Result<Server> {
        self.find_server(id_or_name)?
            .ok_or_else(|| CoreError::ServerNotFound(id_or_name.to_string()))
    }

    pub fn insert_server(&mut self, server: &Server) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            &format!("INSERT INTO servers ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
            params![
                server.id,
                server.name,
                server.base_url,
                server.ca_pem,
                server.username,
                server.created_at,
                server.updated_at,
                server.token.expires_at,
                server.token.permissions.map(|p| p.letters()),
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Records what the server said about the token just checked (and, after logging in
    /// again, who logged in).
    pub fn update_server_token(
        &mut self,
        id: &str,
        token: &TokenFacts,
        username: Option<&str>,
        now: i64,
    ) -> Result<()> {
        let changed = self.conn.execute(
            "UPDATE servers SET token_expires_at = ?2, gateway_access = ?3,
                 username = COALESCE(?4, username), updated_at = ?5
             WHERE id = ?1",
            params![
                id,
                token.expires_at,
                token.permissions.map(|p| p.letters()),
                username,
                now
            ],
        )?;
        if changed == 0 {
            return Err(CoreError::ServerNotFound(id.to_string()));
        }
        Ok(())
    }

    pub fn delete_server(&mut self, id: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE profiles SET server_id = NULL, remote_id = NULL, synced_snapshot = NULL,
                 remote_updated_at = NULL, remote_seen_updated_at = NULL, secret_changed = 0,
                 remote_checked_at = NULL, remote_gone = 0, remote_check_failure = NULL
             WHERE server_id = ?1",
            [id],
        )?;
        tx.execute("DELETE FROM flow_schemas WHERE server_id = ?1", [id])?;
        let removed = tx.execute("DELETE FROM servers WHERE id = ?1", [id])?;
        if removed == 0 {
            return Err(CoreError::ServerNotFound(id.to_string()));
        }
        tx.commit()?;
        Ok(())
    }
}
