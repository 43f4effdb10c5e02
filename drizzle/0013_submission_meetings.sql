CREATE TABLE "submission_meetings" (
	"submission_id" bigint PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"attendees" integer NOT NULL,
	CONSTRAINT "submission_meetings_kind_check" CHECK ("submission_meetings"."kind" in ('hoi_nghi','toa_dam')),
	CONSTRAINT "submission_meetings_attendees_check" CHECK ("submission_meetings"."attendees" >= 1)
);
--> statement-breakpoint
ALTER TABLE "submission_meetings" ADD CONSTRAINT "submission_meetings_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- custom: back-fill (hand-written, keep when regenerating). Meeting details used to live only in the
-- audit row of their entry (audit_log.after.meeting of 'consultation.meeting_record'); copy each
-- well-formed one onto its submission. Idempotent.
INSERT INTO "submission_meetings" ("submission_id", "kind", "title", "attendees")
SELECT s."id", a."after"->'meeting'->>'kind', a."after"->'meeting'->>'title', (a."after"->'meeting'->>'attendees')::integer
FROM "audit_log" a
JOIN "submissions" s ON s."id"::text = a."entity_id" AND s."unit_id" = a."unit_id" AND s."channel" = 'meeting'
WHERE a."action" = 'consultation.meeting_record' AND a."entity_type" = 'submission'
  AND a."after"->'meeting'->>'kind' IN ('hoi_nghi', 'toa_dam')
  AND jsonb_typeof(a."after"->'meeting'->'title') = 'string'
  AND a."after"->'meeting'->>'attendees' ~ '^[1-9][0-9]{0,8}$'
ON CONFLICT ("submission_id") DO NOTHING;
