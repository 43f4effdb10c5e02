-- The file import COPYs its submissions' queue rows itself, with the paths it computes from the unit
-- tree it has loaded (import-opinions-copy.ts, `figureQueueRow`): for hundreds of thousands of
-- submissions that costs the server far less than this trigger's walk up the tree. A transaction
-- that does so says it with the setting below (set_config(…, true): until its end only); every
-- other writer's submissions are queued here as before.
CREATE OR REPLACE FUNCTION "queue_submissions_for_figures"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('lantoa.writer_queues_figures', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO consultation_figure_queue (submission_id, consultation_id, unit_id, channel, contributor_group, opinion_count, submitted_at, path)
  SELECT n.id, n.consultation_id, n.unit_id, n.channel, n.contributor_group, n.opinion_count, n.submitted_at, p.path
  FROM new_submissions n
  JOIN unit_paths((SELECT array_agg(DISTINCT unit_id) FROM new_submissions)) p ON p.unit_id = n.unit_id;
  RETURN NULL;
END
$$;
