-- Webitel servers. The access token lives in the OS keychain (account "server:<id>").
CREATE TABLE servers (
    id         TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    base_url   TEXT NOT NULL,
    ca_pem     TEXT,
    username   TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

-- What was last agreed with the server, to tell "changed here" from "changed on the server".
-- synced_snapshot: the profile's content (never the secret) as JSON at the last push or pull.
-- remote_updated_at: the server's updated_at at that moment; remote_seen_updated_at: the
-- newest updated_at seen since (a refresh that finds it moved means "changed on the server").
ALTER TABLE profiles ADD COLUMN synced_snapshot TEXT;
ALTER TABLE profiles ADD COLUMN remote_updated_at INTEGER;
ALTER TABLE profiles ADD COLUMN remote_seen_updated_at INTEGER;
-- Set when the secret is changed locally after the last sync (the snapshot cannot hold it).
ALTER TABLE profiles ADD COLUMN secret_changed INTEGER NOT NULL DEFAULT 0;

CREATE UNIQUE INDEX profiles_remote ON profiles (server_id, remote_id) WHERE remote_id IS NOT NULL;
