-- Estimated patients per township and year (domain.md §5.2 "基础数据"): 辖区常住成年人口 × 患病率,
-- entered by the county administrator. The denominator of 健康管理率; a disease left NULL has no
-- estimate and its 健康管理率 is not shown.
CREATE TABLE population_estimate (
    township_code  VARCHAR(12)  NOT NULL REFERENCES region (code),
    -- "year" is a reserved word in H2.
    estimate_year  INT          NOT NULL,
    hypertension   INT,
    diabetes       INT,
    updated_by     UUID         NOT NULL REFERENCES app_user (id),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (township_code, estimate_year),
    CONSTRAINT ck_population_estimate_positive CHECK (
        (hypertension IS NULL OR hypertension > 0) AND (diabetes IS NULL OR diabetes > 0))
);
