-- Every request the harness sent or received (issue D), kept as evidence and for replay.
-- request_body holds the exact bytes; headers are JSON arrays of [name, value] pairs with
-- credentials removed (X-Webitel-Sign is a MAC, not a secret, and is kept). A profile's
-- deletion keeps its history (profile_id is then dangling by design: evidence outlives it).
CREATE TABLE harness_history (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    time             INTEGER NOT NULL,            -- unix milliseconds
    profile_id       TEXT,
    channel          TEXT NOT NULL,               -- send | emulate | receive
    replay_of        INTEGER,
    method           TEXT NOT NULL,
    url              TEXT NOT NULL,
    request_headers  TEXT NOT NULL,
    request_body     BLOB NOT NULL,
    status           INTEGER,                     -- NULL: no answer came
    response_headers TEXT NOT NULL DEFAULT '[]',
    response_body    BLOB NOT NULL DEFAULT x'',
    elapsed_micros   INTEGER,
    signing          TEXT,                        -- sent: correct | wrong | unsigned
    verdict          TEXT,                        -- received: valid | invalid | missing
    verdict_reason   TEXT,
    failure_kind     TEXT,
    failure_message  TEXT,
    chat_id          TEXT,
    text             TEXT
);
CREATE INDEX harness_history_time ON harness_history (time);
CREATE INDEX harness_history_chat ON harness_history (chat_id);
