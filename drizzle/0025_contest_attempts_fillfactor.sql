-- An answer save rewrites the attempt's row (its answers grow): with room left on each page the new
-- version stays on the same page as a HOT update, which writes no index entry. Without it, every
-- save of the deadline peak inserted into all six indexes of contest_attempts.
ALTER TABLE "contest_attempts" SET (fillfactor = 60);
