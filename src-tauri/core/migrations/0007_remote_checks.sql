-- Issue I: what is known of the server's side, and since when. `remote_checked_at` is when the
-- server's copy of a linked gateway was last read (a push, pull, refresh, comparison or the
-- background check); `remote_gone` says that read found no such gateway; `remote_check_failure`
-- is the error code of the last check that could not reach the server (cleared by the next read).
ALTER TABLE profiles ADD COLUMN remote_checked_at INTEGER;
ALTER TABLE profiles ADD COLUMN remote_gone INTEGER NOT NULL DEFAULT 0;
ALTER TABLE profiles ADD COLUMN remote_check_failure TEXT;
