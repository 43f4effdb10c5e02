-- The queue carries each submission's counting fields and its unit's path from the root, so that
-- folding and the readers of the queued tail need neither `submissions` nor a walk up the tree.
-- Figures are rebuilt from scratch: everything is queued again.
TRUNCATE "consultation_figure_queue", "consultation_figures", "consultation_text_counts";--> statement-breakpoint
ALTER TABLE "consultation_figure_queue" ADD COLUMN "consultation_id" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "consultation_figure_queue" ADD COLUMN "unit_id" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "consultation_figure_queue" ADD COLUMN "channel" text NOT NULL;--> statement-breakpoint
ALTER TABLE "consultation_figure_queue" ADD COLUMN "contributor_group" text NOT NULL;--> statement-breakpoint
ALTER TABLE "consultation_figure_queue" ADD COLUMN "opinion_count" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "consultation_figure_queue" ADD COLUMN "submitted_at" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "consultation_figure_queue" ADD COLUMN "path" integer[] NOT NULL;--> statement-breakpoint
-- The path of each unit from the root of its tree: path[1] is the root, the last element the unit.
CREATE FUNCTION "unit_paths"(ids integer[]) RETURNS TABLE(unit_id integer, path integer[]) LANGUAGE sql STABLE AS $$
  WITH RECURSIVE up(unit_id, ancestor, distance) AS (
    SELECT DISTINCT i, i, 0 FROM unnest(ids) AS i
    UNION ALL
    SELECT up.unit_id, u.parent_id, up.distance + 1 FROM up JOIN units u ON u.id = up.ancestor WHERE u.parent_id IS NOT NULL
  )
  SELECT up.unit_id, array_agg(up.ancestor ORDER BY up.distance DESC) FROM up GROUP BY up.unit_id
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "queue_submissions_for_figures"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO consultation_figure_queue (submission_id, consultation_id, unit_id, channel, contributor_group, opinion_count, submitted_at, path)
  SELECT n.id, n.consultation_id, n.unit_id, n.channel, n.contributor_group, n.opinion_count, n.submitted_at, p.path
  FROM new_submissions n
  JOIN unit_paths((SELECT array_agg(DISTINCT unit_id) FROM new_submissions)) p ON p.unit_id = n.unit_id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
INSERT INTO consultation_figure_queue (submission_id, consultation_id, unit_id, channel, contributor_group, opinion_count, submitted_at, path)
SELECT s.id, s.consultation_id, s.unit_id, s.channel, s.contributor_group, s.opinion_count, s.submitted_at, p.path
FROM submissions s JOIN unit_paths((SELECT array_agg(DISTINCT unit_id) FROM submissions)) p ON p.unit_id = s.unit_id;
