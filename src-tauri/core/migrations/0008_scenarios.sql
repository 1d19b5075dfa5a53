-- Issue J §5: the admin's own named test events. The built-in scenarios ship with the code and
-- are never stored; a saved name may not be a built-in's. `direction` is send (client -> Webitel)
-- or emulate (Webitel -> client); `body` is the event's JSON as saved, placeholders and all.
CREATE TABLE scenarios (
    name TEXT PRIMARY KEY NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('send', 'emulate')),
    description TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
