-- The review queue (docs/dashboard.md#review-queue): how a supervisor closed a conflict or a
-- merge candidate, and which patient a rejected mutation was about.

-- A resolved conflict: the side chosen (WINNER, LOSER, or MERGED when a merge of its patient closed
-- it), the value written then (JSON text) and the HLC of that server write.
ALTER TABLE sync_conflict ADD COLUMN resolution_choice VARCHAR(10);
ALTER TABLE sync_conflict ADD COLUMN resolution_value VARCHAR(1000);
ALTER TABLE sync_conflict ADD COLUMN resolution_hlc BIGINT;
CREATE INDEX ix_sync_conflict_status ON sync_conflict (status, detected_at);

-- A closed candidate: the survivor of a merge, and the supervisor's note (a dismissal's reason).
ALTER TABLE merge_candidate ADD COLUMN survivor_id UUID REFERENCES patient (id);
ALTER TABLE merge_candidate ADD COLUMN note VARCHAR(200);
CREATE INDEX ix_merge_candidate_status ON merge_candidate (status, detected_at);
CREATE INDEX ix_merge_candidate_b ON merge_candidate (patient_b);

-- The patient a rejected mutation named, when the payload said (no foreign key: the id may be
-- unknown to the server, which may be why it was rejected).
ALTER TABLE mutation_result ADD COLUMN patient_id UUID;

-- The review lists of visits: assessment mismatches and classification overrides.
CREATE INDEX ix_follow_up_received ON follow_up (received_at);
