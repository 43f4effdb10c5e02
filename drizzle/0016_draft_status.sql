ALTER TABLE "directive_drafts" ADD COLUMN "status" text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "directive_drafts" ADD COLUMN "issued_directive_id" integer;--> statement-breakpoint
ALTER TABLE "directive_drafts" ADD COLUMN "issued_by_user_id" integer;--> statement-breakpoint
ALTER TABLE "directive_drafts" ADD COLUMN "issued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "directive_drafts" ADD CONSTRAINT "directive_drafts_issued_directive_id_directives_id_fk" FOREIGN KEY ("issued_directive_id") REFERENCES "public"."directives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_drafts" ADD CONSTRAINT "directive_drafts_issued_by_user_id_users_id_fk" FOREIGN KEY ("issued_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directive_drafts_parent_idx" ON "directive_drafts" USING btree ("parent_directive_id");--> statement-breakpoint
ALTER TABLE "directive_drafts" ADD CONSTRAINT "directive_drafts_status_check" CHECK ("directive_drafts"."status" in ('draft','issued'));