CREATE TABLE "period_report_submissions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "period_report_submissions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"subject_kind" text NOT NULL,
	"subject_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"recipient_unit_id" integer,
	"period_key" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"version" integer NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by_user_id" integer,
	"late" boolean NOT NULL,
	"snapshot" jsonb NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by_user_id" integer,
	"return_reason" text,
	CONSTRAINT "period_report_submissions_state_check" CHECK ("period_report_submissions"."state" in ('submitted','returned','approved')),
	CONSTRAINT "period_report_submissions_version_check" CHECK ("period_report_submissions"."version" >= 1),
	CONSTRAINT "period_report_submissions_return_reason" CHECK ("period_report_submissions"."state" <> 'returned' or "period_report_submissions"."return_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "period_report_submissions" ADD CONSTRAINT "period_report_submissions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_report_submissions" ADD CONSTRAINT "period_report_submissions_recipient_unit_id_units_id_fk" FOREIGN KEY ("recipient_unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_report_submissions" ADD CONSTRAINT "period_report_submissions_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_report_submissions" ADD CONSTRAINT "period_report_submissions_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "period_report_submissions_version_key" ON "period_report_submissions" USING btree ("subject_kind","subject_id","period_key","unit_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "period_report_submissions_live_key" ON "period_report_submissions" USING btree ("subject_kind","subject_id","period_key","unit_id") WHERE "period_report_submissions"."state" <> 'returned';--> statement-breakpoint
CREATE INDEX "period_report_submissions_unit_idx" ON "period_report_submissions" USING btree ("unit_id","subject_kind","subject_id");--> statement-breakpoint
-- ---------------------------------------------------------------------------------------------------
-- Custom (data), issue 10 item 1: the consultation's weekly reports move onto the submission ledger.
-- Every weekly_reports row becomes version 1 of subject ('consultation.weekly', consultation_id), keeping
-- its id (audit rows 'weekly_report' and outbox payloads 'weeklyReportId' still name it), its unit,
-- deadline, late flag, submitted_at/by and snapshot; the period key is the closing date (period_end);
-- the period's instants are the consultation's weekly cut-off on that date, Vietnam time (UTC+7, no
-- daylight saving), and the week before it; the recipient is the unit's parent. Nothing referenced
-- weekly_reports by foreign key (representative_opinions are keyed by consultation, unit and week).
INSERT INTO "period_report_submissions" ("id", "subject_kind", "subject_id", "unit_id", "recipient_unit_id", "period_key", "period_start", "period_end", "deadline", "version", "submitted_at", "submitted_by_user_id", "late", "snapshot", "state")
OVERRIDING SYSTEM VALUE
SELECT w."id", 'consultation.weekly', w."consultation_id", w."unit_id", u."parent_id", w."period_end",
       ((w."period_end"::date + c."cutoff_time"::time) - interval '7 hours' - interval '7 days') AT TIME ZONE 'UTC',
       ((w."period_end"::date + c."cutoff_time"::time) - interval '7 hours') AT TIME ZONE 'UTC',
       w."deadline", 1, w."submitted_at", w."submitted_by_user_id", w."late", w."snapshot", 'submitted'
FROM "weekly_reports" w
JOIN "consultations" c ON c."id" = w."consultation_id"
JOIN "units" u ON u."id" = w."unit_id";--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('"period_report_submissions"', 'id'), coalesce((SELECT max("id") FROM "period_report_submissions"), 1), (SELECT count(*) > 0 FROM "period_report_submissions"));--> statement-breakpoint
-- The ledger has no foreign key to its subjects: deleting a consultation deletes its weekly reports, as
-- the cascade of weekly_reports.consultation_id did.
CREATE FUNCTION "consultation_weekly_reports_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "period_report_submissions" WHERE "subject_kind" = 'consultation.weekly' AND "subject_id" = OLD."id";
  RETURN OLD;
END $$;--> statement-breakpoint
CREATE TRIGGER "consultations_weekly_reports_delete" AFTER DELETE ON "consultations" FOR EACH ROW EXECUTE FUNCTION "consultation_weekly_reports_delete"();--> statement-breakpoint
DROP TABLE "weekly_reports" CASCADE;
-- End of the custom part.
