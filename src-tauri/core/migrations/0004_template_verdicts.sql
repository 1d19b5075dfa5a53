-- Issue E: the verdict on a profile's templates (1: Webitel would refuse them), stored when the
-- profile is saved so that listing profiles renders nothing. templates_digest names the texts
-- (and engine revision) the verdict was reached on; NULL or a different digest means unknown.
ALTER TABLE profiles ADD COLUMN templates_digest TEXT;
ALTER TABLE profiles ADD COLUMN templates_refused INTEGER;
