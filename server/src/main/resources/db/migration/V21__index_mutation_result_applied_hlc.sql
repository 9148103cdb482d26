-- The author of a stored patient-field version is looked up by the version's device and applied
-- HLC when a sync conflict row is written (PatientConflicts).
CREATE INDEX ix_mutation_result_device_applied_hlc ON mutation_result (device_id, applied_hlc);
