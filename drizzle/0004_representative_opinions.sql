CREATE TABLE "representative_opinions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "representative_opinions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"consultation_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"period_end" text NOT NULL,
	"opinion_id" bigint NOT NULL,
	"carried_from_unit_id" integer,
	"note" text,
	"picked_by_user_id" integer,
	"picked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "representative_opinions" ADD CONSTRAINT "representative_opinions_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_opinions" ADD CONSTRAINT "representative_opinions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_opinions" ADD CONSTRAINT "representative_opinions_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_opinions" ADD CONSTRAINT "representative_opinions_carried_from_unit_id_units_id_fk" FOREIGN KEY ("carried_from_unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_opinions" ADD CONSTRAINT "representative_opinions_picked_by_user_id_users_id_fk" FOREIGN KEY ("picked_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "representative_opinions_key" ON "representative_opinions" USING btree ("consultation_id","unit_id","period_end","opinion_id");--> statement-breakpoint
CREATE INDEX "representative_opinions_opinion_idx" ON "representative_opinions" USING btree ("opinion_id");