DROP INDEX "contest_attempts_open_idx";--> statement-breakpoint
CREATE INDEX "contest_attempts_open_idx" ON "contest_attempts" USING btree ("id") WHERE "contest_attempts"."submitted_at" is null;