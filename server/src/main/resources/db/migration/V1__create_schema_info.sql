-- Identity of this database. The epoch is rotated when a database is restored from a backup
-- (sync clients reset their pull cursor on a new epoch; see docs/sync-protocol.md).
CREATE TABLE server_info (
    id          INT PRIMARY KEY,
    epoch       VARCHAR(36) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
