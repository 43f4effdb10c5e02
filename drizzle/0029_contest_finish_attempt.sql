-- A submission's lock and write in one call (issue 14, the deadline peak): the application reads the
-- attempt and scores it without a lock, then this function locks the attempt and its person, checks
-- that nothing changed since the read (unsubmitted, same answers, same prediction) and, in the same
-- call, marks the attempt submitted and adds it to the unit tallies of its round and of the contest
-- (round 0). It answers 'finished', or 'submitted' / 'changed' / 'missing' without writing; the
-- application then reads again. No transaction waits on the application between the lock and the
-- write, and each statement here takes its snapshot after the person's lock, so the person's earlier
-- submitted attempts ("first attempt", "first perfect score") are read exactly.
--
-- Tallies: attempts +1; people +1 on the person's first submitted attempt (in the round; in the
-- contest for round 0); perfect_scores +1 on their first perfect attempt; first_attempt_score_sum
-- holds the score of the person's earliest-started submitted attempt (lowest id): an earlier-started
-- attempt submitted later replaces the score counted so far.
CREATE OR REPLACE FUNCTION contest_finish_attempt(
  p_attempt bigint, p_answers jsonb, p_prediction_read integer,
  p_score integer, p_submitted_at timestamptz, p_duration_ms integer, p_prediction integer
) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  v record;
BEGIN
  SELECT a.id, a.round_id, r.contest_id, a.participant_id, a.unit_id, a.answers, a.prediction, a.submitted_at, a.max_score
    INTO v
    FROM contest_attempts a JOIN contest_rounds r ON r.id = a.round_id JOIN contest_participants p ON p.id = a.participant_id
    WHERE a.id = p_attempt AND NOT a.practice
    FOR UPDATE OF a, p;
  IF NOT FOUND THEN RETURN 'missing'; END IF;
  IF v.submitted_at IS NOT NULL THEN RETURN 'submitted'; END IF;
  IF v.answers IS DISTINCT FROM p_answers OR v.prediction IS DISTINCT FROM p_prediction_read THEN RETURN 'changed'; END IF;

  WITH prior AS (
    SELECT count(*) FILTER (WHERE c.round_id = v.round_id) AS in_round,
      count(*) FILTER (WHERE c.round_id = v.round_id AND c.score = c.max_score) AS perfect_in_round,
      count(*) AS in_contest, count(*) FILTER (WHERE c.score = c.max_score) AS perfect_in_contest,
      (array_agg(c.id ORDER BY c.id) FILTER (WHERE c.round_id = v.round_id))[1] AS first_round_id,
      (array_agg(c.score ORDER BY c.id) FILTER (WHERE c.round_id = v.round_id))[1] AS first_round_score,
      (array_agg(c.id ORDER BY c.id))[1] AS first_contest_id, (array_agg(c.score ORDER BY c.id))[1] AS first_contest_score
    FROM contest_attempts c
    WHERE c.participant_id = v.participant_id AND c.submitted_at IS NOT NULL AND NOT c.practice AND c.id <> v.id),
  done AS (
    UPDATE contest_attempts SET submitted_at = p_submitted_at, score = p_score, duration_ms = p_duration_ms, prediction = p_prediction
    WHERE id = v.id RETURNING id)
  INSERT INTO contest_unit_tallies AS t (contest_id, round_id, unit_id, attempts, people, perfect_scores, first_attempt_score_sum)
  SELECT v.contest_id, x.round_id, v.unit_id, 1, x.first::int, ((p_score = v.max_score) AND x.no_perfect_before)::int,
    CASE WHEN x.first THEN p_score WHEN v.id < x.prior_first_id THEN p_score - x.prior_first_score ELSE 0 END
  FROM done, prior, LATERAL (VALUES
    (v.round_id::int, prior.in_round = 0, prior.perfect_in_round = 0, prior.first_round_id, prior.first_round_score),
    (0, prior.in_contest = 0, prior.perfect_in_contest = 0, prior.first_contest_id, prior.first_contest_score)
  ) x(round_id, first, no_perfect_before, prior_first_id, prior_first_score)
  ON CONFLICT (contest_id, round_id, unit_id) DO UPDATE SET attempts = t.attempts + excluded.attempts, people = t.people + excluded.people,
    perfect_scores = t.perfect_scores + excluded.perfect_scores, first_attempt_score_sum = t.first_attempt_score_sum + excluded.first_attempt_score_sum;
  RETURN 'finished';
END $$;
