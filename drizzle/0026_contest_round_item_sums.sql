CREATE TABLE "contest_round_item_sums" (
	"round_id" integer PRIMARY KEY NOT NULL,
	"sums" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contest_round_item_sums" ADD CONSTRAINT "contest_round_item_sums_round_id_contest_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."contest_rounds"("id") ON DELETE cascade ON UPDATE no action;