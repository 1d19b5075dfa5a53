-- Issue H: what the server's userinfo said about the stored token, refreshed on add, test and
-- log-in-again: when it expires (unix ms) and what it may do with gateways, as Webitel's
-- access letters (x create, r read, w update, d delete). NULL: the server did not say.
ALTER TABLE servers ADD COLUMN token_expires_at INTEGER;
ALTER TABLE servers ADD COLUMN gateway_access TEXT;
