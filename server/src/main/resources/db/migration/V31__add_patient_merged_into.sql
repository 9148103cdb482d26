-- A duplicate patient merged into another record (the survivor) by a supervisor
-- (docs/dashboard.md#review-queue). The row stays, as a permanent redirect: its follow-ups move to
-- the survivor, and every list, indicator and worklist leaves it out.
ALTER TABLE patient ADD COLUMN merged_into UUID REFERENCES patient (id);
CREATE INDEX ix_patient_merged_into ON patient (merged_into);
