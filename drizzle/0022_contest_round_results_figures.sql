ALTER TABLE "contest_rounds" ADD COLUMN "result_attempts" integer;--> statement-breakpoint
ALTER TABLE "contest_rounds" ADD COLUMN "result_people" integer;--> statement-breakpoint
ALTER TABLE "contest_rounds" ADD COLUMN "result_perfect_scores" integer;--> statement-breakpoint
ALTER TABLE "contest_rounds" ADD COLUMN "flags_computed_at" timestamp with time zone;