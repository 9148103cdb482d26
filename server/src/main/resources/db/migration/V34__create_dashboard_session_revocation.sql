-- Signed-out dashboard sessions, shared by every server instance (docs/dashboard.md#sessions-and-csrf):
-- the SHA-256 of the session cookie's token, kept until the session would have expired anyway.
CREATE TABLE dashboard_session_revocation (
    token_hash  VARCHAR(64)  PRIMARY KEY,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_dashboard_session_revocation_expires ON dashboard_session_revocation (expires_at);

-- Dashboard sessions of a user issued before this instant no longer count (set when the password
-- changes).
CREATE TABLE dashboard_session_cutoff (
    user_id     UUID         PRIMARY KEY REFERENCES app_user (id),
    not_before  TIMESTAMP WITH TIME ZONE NOT NULL
);
