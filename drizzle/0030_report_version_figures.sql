ALTER TABLE "period_report_submissions" ADD COLUMN "figures" double precision[];--> statement-breakpoint
ALTER TABLE "period_report_submissions" ADD COLUMN "figures_key" text;