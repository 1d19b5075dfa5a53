-- Issue G: a free-text note the admin keeps on a gateway (who owns the integration, the
-- partner's contact). Local only: never part of a push body or of the synced snapshot.
ALTER TABLE profiles ADD COLUMN notes TEXT NOT NULL DEFAULT '';
