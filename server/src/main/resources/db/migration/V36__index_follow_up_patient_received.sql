-- The previous visit of a new follow-up (FollowUpRows.previous) is the latest current record of the
-- patient and disease before the visit date, the latest received first among records of one date.
-- With received_at in the index, the database reads the index backwards from the visit date and
-- stops at the first current record, instead of reading every earlier record of the patient and
-- sorting them (docs/performance.md, "Fourth round"). Every other use of the index is served as before.
CREATE INDEX ix_follow_up_patient_received ON follow_up (patient_id, disease, visit_date, received_at);
DROP INDEX ix_follow_up_patient;
ALTER INDEX ix_follow_up_patient_received RENAME TO ix_follow_up_patient;
