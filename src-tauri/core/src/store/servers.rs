//! The `servers` table. Removing a server detaches its profiles (they become local only) and
//! drops its cached flow schemas, in one transaction. One address is one server: adding or
//! editing refuses an address another server already has (compared by `address_key`, inside a
//! write-locked transaction, so the app and the CLI cannot both add it). Duplicates an older
//! build let in are kept as they are; only new ones are refused.

use rusqlite::{params, OptionalExtension, Row, Transaction, TransactionBehavior};

use super::Store;
use crate::error::{CoreError, Result};
use crate::server::{address_key, ProfileCounts, Server, TokenFacts};
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
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        refuse_taken(&tx, server)?;
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

    /// Stores an edited server: name, address, CA and what its (new) token was said to be.
    /// Refuses a name or an address another server has; `address_changed` says whether to
    /// check the address (an old duplicate may keep its own when only renamed).
    pub fn update_server(&mut self, server: &Server, address_changed: bool) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if address_changed {
            refuse_taken(&tx, server)?;
        } else {
            refuse_name_taken(&tx, server)?;
        }
        let changed = tx.execute(
            "UPDATE servers SET name = ?2, base_url = ?3, ca_pem = ?4, token_expires_at = ?5,
                 gateway_access = ?6, updated_at = ?7
             WHERE id = ?1",
            params![
                server.id,
                server.name,
                server.base_url,
                server.ca_pem,
                server.token.expires_at,
                server.token.permissions.map(|p| p.letters()),
                server.updated_at,
            ],
        )?;
        if changed == 0 {
            return Err(CoreError::ServerNotFound(server.id.clone()));
        }
        tx.commit()?;
        Ok(())
    }

    /// How many profiles are on the server, and how many were pushed to it.
    pub fn server_profile_counts(&self, id: &str) -> Result<ProfileCounts> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*), COUNT(remote_id) FROM profiles WHERE server_id = ?1",
            [id],
            |row| {
                Ok(ProfileCounts {
                    profiles: row.get(0)?,
                    pushed: row.get(1)?,
                })
            },
        )?)
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

/// Refuses `server` when another one has its name or its address.
fn refuse_taken(tx: &Transaction<'_>, server: &Server) -> Result<()> {
    refuse_name_taken(tx, server)?;
    let Some(key) = address_key(&server.base_url) else {
        return Ok(());
    };
    let mut statement = tx.prepare("SELECT name, base_url FROM servers WHERE id <> ?1")?;
    let others = statement.query_map([&server.id], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
    })?;
    for other in others {
        let (name, base_url) = other?;
        if address_key(&base_url).as_deref() == Some(key.as_str()) {
            return Err(CoreError::DuplicateServer {
                existing: name,
                base_url,
            });
        }
    }
    Ok(())
}

fn refuse_name_taken(tx: &Transaction<'_>, server: &Server) -> Result<()> {
    let taken: Option<String> = tx
        .query_row(
            "SELECT name FROM servers WHERE name = ?1 COLLATE NOCASE AND id <> ?2",
            params![server.name, server.id],
            |row| row.get(0),
        )
        .optional()?;
    match taken {
        Some(name) => Err(CoreError::ServerExists(name)),
        None => Ok(()),
    }
}

#[cfg(test)]
#[path = "servers_tests.rs"]
mod tests;
