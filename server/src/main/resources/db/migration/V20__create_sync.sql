-- Offline sync (docs/sync-protocol.md): the commit-ordered change sequence, devices and their
-- exactly-once mutation log, per-field versions of patients, conflicts and merge candidates.

-- One row. Every writing transaction takes the next change_seq here and holds the row lock until it
-- commits, so change_seq order is commit order (sync-design.md D5). hlc is the server's hybrid
-- logical clock (wall millis << 16 | counter).
CREATE TABLE sync_clock (
    id    INT     PRIMARY KEY,
    seq   BIGINT  NOT NULL,
    hlc   BIGINT  NOT NULL,
    CONSTRAINT ck_sync_clock_one_row CHECK (id = 1)
);
INSERT INTO sync_clock (id, seq, hlc) VALUES (1, 0, 0);

-- A tablet installation. user_id is the user who registered it last.
CREATE TABLE device (
    id                    UUID          PRIMARY KEY,
    user_id               UUID          NOT NULL REFERENCES app_user (id),
    app_version           VARCHAR(40),
    platform              VARCHAR(100),
    model                 VARCHAR(100),
    registered_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The highest device_seq processed (applied or rejected).
    last_seq              BIGINT        NOT NULL,
    last_seen_at          TIMESTAMP WITH TIME ZONE,
    last_sync_at          TIMESTAMP WITH TIME ZONE,
    -- What the device reported still pending in its outbox at its last sync.
    pending_count         INT           NOT NULL,
    oldest_pending_at     TIMESTAMP WITH TIME ZONE,
    -- Device clock minus server clock at the last request, in milliseconds.
    clock_offset_ms       BIGINT,
    clock_suspect_count   INT           NOT NULL
);
CREATE INDEX ix_device_user ON device (user_id);

-- Every user who registered a device may author mutations pushed from it (shared tablets).
CREATE TABLE device_user (
    device_id      UUID  NOT NULL REFERENCES device (id),
    user_id        UUID  NOT NULL REFERENCES app_user (id),
    registered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (device_id, user_id)
);

-- The outcome of every mutation, kept at least 400 days (sync-design.md D2): a retry, under any
-- device id or seq, gets the original answer.
CREATE TABLE mutation_result (
    mutation_id     UUID          PRIMARY KEY,
    device_id       UUID          NOT NULL REFERENCES device (id),
    device_seq      BIGINT        NOT NULL,
    type            VARCHAR(40)   NOT NULL,
    author_id       UUID          NOT NULL,
    status          VARCHAR(10)   NOT NULL,
    -- The error of a rejection, as an API error body (code, messages, field errors) in JSON.
    code            VARCHAR(60),
    error_json      VARCHAR(8000),
    change_seq      BIGINT,
    -- The HLC the tablet stamped, and the one applied (a re-stamp when the tablet clock was ahead).
    client_hlc      BIGINT        NOT NULL,
    applied_hlc     BIGINT        NOT NULL,
    clock_suspect   BOOLEAN       NOT NULL,
    conflicts       INT           NOT NULL,
    device_time     TIMESTAMP WITH TIME ZONE,
    processed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_mutation_result_status CHECK (status IN ('APPLIED', 'REJECTED'))
);
CREATE INDEX ix_mutation_result_device_hlc ON mutation_result (device_id, client_hlc);
CREATE INDEX ix_mutation_result_rejected ON mutation_result (status, processed_at);

-- (device, seq) -> mutation: detects a cloned or restored tablet reusing a seq for another mutation.
CREATE TABLE device_mutation (
    device_id    UUID    NOT NULL REFERENCES device (id),
    device_seq   BIGINT  NOT NULL,
    mutation_id  UUID    NOT NULL,
    PRIMARY KEY (device_id, device_seq)
);

-- A concurrent edit of one patient field (sync-design.md §6.2): the stored winner and the loser.
CREATE TABLE sync_conflict (
    id                 UUID          PRIMARY KEY,
    patient_id         UUID          NOT NULL REFERENCES patient (id),
    field              VARCHAR(40)   NOT NULL,
    winner_value       VARCHAR(1000),
    winner_hlc         BIGINT        NOT NULL,
    winner_device_id   UUID          NOT NULL,
    winner_author_id   UUID,
    loser_value        VARCHAR(1000),
    loser_hlc          BIGINT        NOT NULL,
    loser_device_id    UUID          NOT NULL,
    loser_author_id    UUID,
    mutation_id        UUID,
    detected_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    status             VARCHAR(10)   NOT NULL,
    resolved_by        UUID,
    resolved_at        TIMESTAMP WITH TIME ZONE,
    resolution_note    VARCHAR(200),
    change_seq         BIGINT        NOT NULL,
    CONSTRAINT ck_sync_conflict_status CHECK (status IN ('OPEN', 'RESOLVED'))
);
CREATE INDEX ix_sync_conflict_patient ON sync_conflict (patient_id);
CREATE INDEX ix_sync_conflict_change ON sync_conflict (change_seq);

-- Two patients that may be one person; a supervisor merges or dismisses. patient_a < patient_b.
CREATE TABLE merge_candidate (
    id            UUID          PRIMARY KEY,
    patient_a     UUID          NOT NULL REFERENCES patient (id),
    patient_b     UUID          NOT NULL REFERENCES patient (id),
    -- RESIDENT_ID (same ID number in the county) or NAME_BIRTH_DATE_VILLAGE.
    reason        VARCHAR(30)   NOT NULL,
    status        VARCHAR(10)   NOT NULL,
    detected_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_by   UUID,
    resolved_at   TIMESTAMP WITH TIME ZONE,
    change_seq    BIGINT        NOT NULL,
    CONSTRAINT ux_merge_candidate_pair UNIQUE (patient_a, patient_b),
    CONSTRAINT ck_merge_candidate_order CHECK (patient_a < patient_b),
    CONSTRAINT ck_merge_candidate_status CHECK (status IN ('OPEN', 'MERGED', 'DISMISSED'))
);

-- Patients: the change sequence of the last write, the per-field versions (JSON object
-- {field: {"hlc": n, "deviceId": "…"}}), and the village before the last move (so the devices of
-- the old village learn that the patient left their area).
ALTER TABLE patient ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE patient ADD COLUMN field_versions VARCHAR(4000) NOT NULL DEFAULT '{}';
ALTER TABLE patient ADD COLUMN prev_village_code VARCHAR(12);
CREATE INDEX ix_patient_change ON patient (change_seq);

-- Offline registrations on two tablets may share a resident ID number: both are kept and become a
-- merge candidate, so the number is no longer unique.
DROP INDEX ux_patient_county_resident_id;
CREATE INDEX ix_patient_county_resident_id ON patient (county_code, resident_id);
CREATE INDEX ix_patient_identity ON patient (village_code, birth_date, name);

-- Follow-ups: the change sequence of the last write (insert or void), the tablet's own assessment,
-- and what differed from the server's re-assessment (null when they agree).
ALTER TABLE follow_up ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE follow_up ADD COLUMN client_assessment VARCHAR(2000);
ALTER TABLE follow_up ADD COLUMN assessment_mismatch VARCHAR(1000);
ALTER TABLE follow_up ADD COLUMN clock_suspect BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX ix_follow_up_change ON follow_up (change_seq);

-- Rows written before this migration get distinct sequence numbers, patients first (in creation
-- order), so that a first pull pages through them like any other changes.
UPDATE patient SET change_seq = (
    SELECT COUNT(*) FROM patient p2
    WHERE p2.created_at < patient.created_at
       OR (p2.created_at = patient.created_at AND p2.id <= patient.id));
UPDATE follow_up SET change_seq = (SELECT COUNT(*) FROM patient) + (
    SELECT COUNT(*) FROM follow_up f2
    WHERE f2.received_at < follow_up.received_at
       OR (f2.received_at = follow_up.received_at AND f2.id <= follow_up.id));
UPDATE sync_clock SET seq = (SELECT COUNT(*) FROM patient) + (SELECT COUNT(*) FROM follow_up);
