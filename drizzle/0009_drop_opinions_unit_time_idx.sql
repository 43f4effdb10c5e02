-- Readers find a unit's opinions of a period through its submissions (submissions_unit_time_idx,
-- then opinions_submission_idx): representative candidates, identical groups of small subtrees,
-- the demo's picks. This index cost the file import about 2.8 s of server time per million opinions.
DROP INDEX "opinions_unit_time_idx";
