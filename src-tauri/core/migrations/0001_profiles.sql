-- Gateway profiles. The app secret is deliberately absent: it lives in the OS keychain.
CREATE TABLE profiles (
    id                     TEXT PRIMARY KEY NOT NULL,
    name                   TEXT NOT NULL,
    uri                    TEXT NOT NULL,
    callback               TEXT NOT NULL,
    flow_id                INTEGER,
    flow_name              TEXT,
    enabled                INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
    template_title         TEXT NOT NULL DEFAULT '',
    template_close         TEXT NOT NULL DEFAULT '',
    template_join          TEXT NOT NULL DEFAULT '',
    template_left          TEXT NOT NULL DEFAULT '',
    template_file_policy_fail TEXT NOT NULL DEFAULT '',
    server_id              TEXT,
    remote_id              INTEGER,
    created_at             INTEGER NOT NULL,
    updated_at             INTEGER NOT NULL,
    CHECK (flow_id IS NOT NULL OR enabled = 0)
);

CREATE INDEX profiles_name ON profiles (name COLLATE NOCASE);
CREATE INDEX profiles_uri ON profiles (uri);

-- Flow schemas cached from a server so the form works offline. `server_id` is '' until
-- servers exist (issue B).
CREATE TABLE flow_schemas (
    server_id TEXT NOT NULL DEFAULT '',
    id        INTEGER NOT NULL,
    name      TEXT NOT NULL,
    type      TEXT NOT NULL,
    PRIMARY KEY (server_id, id)
);
