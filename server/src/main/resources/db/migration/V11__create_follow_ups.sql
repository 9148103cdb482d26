-- Follow-up records (随访服务记录表, domain.md §4): one row = one disease form (hypertension §4.1 or
-- type 2 diabetes §4.2) of one encounter. Rows are immutable facts (sync-design.md §6.2): a
-- correction is a new row that amends the original; a void only sets the void columns.
CREATE TABLE follow_up (
    id                                UUID          PRIMARY KEY,
    patient_id                        UUID          NOT NULL REFERENCES patient (id),
    -- The rule library's Disease enum name: which form this is.
    disease                           VARCHAR(20)   NOT NULL,
    -- Groups the hypertension and diabetes forms filled at the same encounter; optional.
    encounter_id                      UUID,
    visit_date                        DATE          NOT NULL,
    -- CLINIC 门诊 / HOME 家庭 / PHONE 电话; only CLINIC and HOME are face-to-face.
    mode                              VARCHAR(10)   NOT NULL,
    -- Symptom codes of the disease's list, comma-separated enum names (NONE is exclusive).
    symptoms                          VARCHAR(1000) NOT NULL,
    other_symptoms                    VARCHAR(200),
    systolic                          INT,
    diastolic                         INT,
    weight_kg                         NUMERIC(5, 1),
    target_weight_kg                  NUMERIC(5, 1),
    bmi                               NUMERIC(4, 1),
    target_bmi                        NUMERIC(4, 1),
    heart_rate                        INT,
    temperature                       NUMERIC(3, 1),
    other_signs                       VARCHAR(200),
    -- Diabetes: 足背动脉搏动 NORMAL / WEAKENED / ABSENT, side BOTH / LEFT / RIGHT.
    dorsalis_pedis                    VARCHAR(10),
    dorsalis_pedis_side               VARCHAR(5),
    smoking_per_day                   INT,
    target_smoking_per_day            INT,
    -- 两 (50 g) of baijiu equivalent per day.
    drinking_liang_per_day            NUMERIC(4, 1),
    target_drinking_liang_per_day     NUMERIC(4, 1),
    exercise_times_per_week           INT,
    exercise_minutes_per_time         INT,
    target_exercise_times_per_week    INT,
    target_exercise_minutes_per_time  INT,
    -- Hypertension: LIGHT / MODERATE / HEAVY.
    salt_intake                       VARCHAR(10),
    target_salt_intake                VARCHAR(10),
    -- Diabetes: staple food, g/day.
    staple_food_g_per_day             INT,
    target_staple_food_g_per_day      INT,
    -- GOOD 良好 / FAIR 一般 / POOR 差.
    psychological_adjustment          VARCHAR(5),
    compliance                        VARCHAR(5),
    ancillary_tests                   VARCHAR(1000),
    -- Diabetes: mmol/L with its specimen CAPILLARY / PLASMA; HbA1c % with its test date.
    fasting_glucose                   NUMERIC(4, 1),
    glucose_specimen                  VARCHAR(10),
    hba1c                             NUMERIC(4, 1),
    hba1c_test_date                   DATE,
    -- REGULAR 规律 / INTERMITTENT 间断 / NOT_TAKING 不服药.
    medication_adherence              VARCHAR(12),
    adverse_reaction                  BOOLEAN       NOT NULL,
    adverse_reaction_description      VARCHAR(200),
    adverse_reaction_hard_to_control  BOOLEAN       NOT NULL,
    new_or_worse_complication         BOOLEAN       NOT NULL,
    complication_description          VARCHAR(200),
    -- Diabetes: NONE / OCCASIONAL / FREQUENT.
    hypoglycaemia                     VARCHAR(10),
    referral_reason                   VARCHAR(200),
    referral_facility                 VARCHAR(100),
    referral_department               VARCHAR(50),
    referral_contact                  VARCHAR(50),
    referral_contact_phone            VARCHAR(20),
    -- ARRIVED 到位 / NOT_ARRIVED 不到位: the outcome of the referral made at an earlier visit.
    previous_referral_outcome         VARCHAR(12),
    -- The danger-sign checklist as reported by the doctor (comma-separated DangerSign names).
    reported_danger_signs             VARCHAR(1000) NOT NULL,
    pregnant_or_breastfeeding         BOOLEAN       NOT NULL,
    -- This visit also serves as the annual health check.
    annual_check                      BOOLEAN       NOT NULL,
    -- Agreed next follow-up date; defaults to due_date.
    next_visit_date                   DATE          NOT NULL,
    remarks                           VARCHAR(500),
    -- The signing doctor: the authenticated user who recorded the form.
    doctor_id                         UUID          NOT NULL REFERENCES app_user (id),
    -- Device time (as sent by the client) and server receipt time.
    recorded_at                       TIMESTAMP WITH TIME ZONE,
    received_at                       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The assessment by the shared rule library, with the rule set that made it.
    rule_set_id                       VARCHAR(40)   NOT NULL,
    age_at_visit                      INT           NOT NULL,
    danger_signs                      VARCHAR(1000) NOT NULL,
    urgent_referral                   BOOLEAN       NOT NULL,
    classification                    VARCHAR(40)   NOT NULL,
    next_step                         VARCHAR(60)   NOT NULL,
    recommended_action_zh             VARCHAR(500)  NOT NULL,
    recommended_action_en             VARCHAR(500)  NOT NULL,
    due_date                          DATE          NOT NULL,
    bphs_controlled                   BOOLEAN,
    clinical_target_met               BOOLEAN,
    -- The doctor's override of the classification (the effective one) and why.
    classification_override           VARCHAR(40),
    override_reason                   VARCHAR(200),
    -- Correction: this row replaces the row it amends (which is then superseded).
    amends                            UUID          REFERENCES follow_up (id),
    amend_reason                      VARCHAR(200),
    -- Void: the row is kept but no longer counts.
    voided_at                         TIMESTAMP WITH TIME ZONE,
    voided_by                         UUID          REFERENCES app_user (id),
    void_reason                       VARCHAR(200),
    -- SHA-256 of the normalised create request, for idempotent retries.
    request_hash                      VARCHAR(64)   NOT NULL,
    updated_at                        TIMESTAMP WITH TIME ZONE NOT NULL,
    version                           BIGINT        NOT NULL,
    CONSTRAINT ck_follow_up_override CHECK ((classification_override IS NULL) = (override_reason IS NULL)),
    CONSTRAINT ck_follow_up_amend CHECK ((amends IS NULL) = (amend_reason IS NULL)),
    CONSTRAINT ck_follow_up_void CHECK (
        (voided_at IS NULL AND voided_by IS NULL AND void_reason IS NULL)
        OR (voided_at IS NOT NULL AND voided_by IS NOT NULL AND void_reason IS NOT NULL))
);

CREATE INDEX ix_follow_up_patient ON follow_up (patient_id, disease, visit_date);
CREATE INDEX ix_follow_up_encounter ON follow_up (encounter_id);
-- A record is amended at most once; later corrections amend the amendment.
CREATE UNIQUE INDEX ux_follow_up_amends ON follow_up (amends);

-- 用药情况 (CURRENT) and 用药调整意见 (ADJUSTMENT) rows of a follow-up, in form order.
CREATE TABLE follow_up_medication (
    id                BIGINT        GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    follow_up_id      UUID          NOT NULL REFERENCES follow_up (id),
    kind              VARCHAR(10)   NOT NULL,
    line_no           INT           NOT NULL,
    drug_name         VARCHAR(100)  NOT NULL,
    times_per_day     INT,
    mg_per_dose       NUMERIC(8, 2),
    -- Diabetes insulin rows: 种类 and 用法和用量.
    insulin_type      VARCHAR(50),
    insulin_dosage    VARCHAR(100),
    CONSTRAINT ck_follow_up_medication_kind CHECK (kind IN ('CURRENT', 'ADJUSTMENT')),
    CONSTRAINT ux_follow_up_medication_line UNIQUE (follow_up_id, kind, line_no)
);

-- Soft warnings of the rule library's validation, stored with the record they were raised on.
CREATE TABLE follow_up_warning (
    id                BIGINT        GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    follow_up_id      UUID          NOT NULL REFERENCES follow_up (id),
    line_no           INT           NOT NULL,
    field             VARCHAR(60),
    code              VARCHAR(60)   NOT NULL,
    message_zh        VARCHAR(300)  NOT NULL,
    message_en        VARCHAR(300)  NOT NULL
);
CREATE INDEX ix_follow_up_warning ON follow_up_warning (follow_up_id);
