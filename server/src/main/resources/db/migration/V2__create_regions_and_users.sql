-- Regions, facilities, users and refresh tokens (docs/auth.md).
-- Written in SQL that both H2 (PostgreSQL mode) and PostgreSQL accept.

-- County -> township -> village, keyed by the 12-digit NBS statistical division code
-- (domain.md §6.3): a county is its 6 digits + '000000', a township its 9 digits + '000'.
CREATE TABLE region (
    code                   VARCHAR(12)  PRIMARY KEY,
    level                  VARCHAR(16)  NOT NULL,
    name                   VARCHAR(100) NOT NULL,
    parent_code            VARCHAR(12)  REFERENCES region (code),
    county_code            VARCHAR(12)  NOT NULL,
    -- NBS urban-rural classification (111 ... 220), villages only.
    urban_rural_code       VARCHAR(3),
    -- The village segment of the 17-digit health-record number. The county maps it; it cannot be
    -- derived from the NBS code (domain.md §6.2).
    health_record_segment  VARCHAR(3),
    CONSTRAINT region_level_check CHECK (level IN ('COUNTY', 'TOWNSHIP', 'VILLAGE'))
);
CREATE INDEX region_parent_code_idx ON region (parent_code);
CREATE INDEX region_county_code_idx ON region (county_code);

CREATE TABLE facility (
    id           UUID         PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    region_code  VARCHAR(12)  NOT NULL REFERENCES region (code),
    CONSTRAINT facility_kind_check CHECK (kind IN ('TOWNSHIP_HEALTH_CENTRE', 'VILLAGE_CLINIC'))
);
CREATE INDEX facility_region_code_idx ON facility (region_code);

CREATE TABLE app_user (
    id             UUID         PRIMARY KEY,
    -- Stored in lower case; logins are matched case-insensitively by lower-casing the input.
    username       VARCHAR(64)  NOT NULL UNIQUE,
    display_name   VARCHAR(100) NOT NULL,
    role           VARCHAR(32)  NOT NULL,
    -- bcrypt, never the password itself.
    password_hash  VARCHAR(100) NOT NULL,
    county_code    VARCHAR(12)  NOT NULL REFERENCES region (code),
    township_code  VARCHAR(12)  REFERENCES region (code),
    facility_id    UUID         REFERENCES facility (id),
    active         BOOLEAN      NOT NULL,
    -- Consecutive failed logins since the last success or lock.
    failed_logins  INT          NOT NULL,
    locked_until   TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_user_role_check CHECK (role IN ('VILLAGE_DOCTOR', 'TOWNSHIP_SUPERVISOR', 'COUNTY_ADMIN'))
);
CREATE INDEX app_user_county_code_idx ON app_user (county_code);

-- The villages a village doctor works in (all in one township).
CREATE TABLE user_village (
    user_id       UUID        NOT NULL REFERENCES app_user (id),
    village_code  VARCHAR(12) NOT NULL REFERENCES region (code),
    PRIMARY KEY (user_id, village_code)
);
CREATE INDEX user_village_village_code_idx ON user_village (village_code);

-- Rotating refresh tokens. Only the SHA-256 of a token is stored. Every login starts a family;
-- each refresh marks the presented token used and issues the next one in the same family.
-- Presenting a used token again revokes the whole family.
CREATE TABLE refresh_token (
    id           UUID         PRIMARY KEY,
    user_id      UUID         NOT NULL REFERENCES app_user (id),
    family_id    UUID         NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL UNIQUE,
    device_name  VARCHAR(100),
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX refresh_token_family_id_idx ON refresh_token (family_id);
CREATE INDEX refresh_token_user_id_idx ON refresh_token (user_id);
CREATE INDEX refresh_token_expires_at_idx ON refresh_token (expires_at);
