-- The rule library leaves the classification and the next step empty when nothing could be
-- classified (a telephone visit, or nothing measured, with no adverse reaction or complication).
ALTER TABLE follow_up ALTER COLUMN classification DROP NOT NULL;
ALTER TABLE follow_up ALTER COLUMN next_step DROP NOT NULL;
