CREATE TABLE "consultation_documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consultation_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"consultation_id" integer NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_units" (
	"consultation_id" integer NOT NULL,
	"unit_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consultations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"title" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone,
	"cutoff_weekday" smallint DEFAULT 3 NOT NULL,
	"cutoff_time" text DEFAULT '16:00' NOT NULL,
	"deadline_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"all_units" boolean DEFAULT true NOT NULL,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultations_code_key" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "document_sections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "document_sections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_id" integer NOT NULL,
	"ref" text NOT NULL,
	"parent_ref" text,
	"heading" text,
	"body" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_imports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opinion_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"consultation_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"rows_read" integer NOT NULL,
	"submissions" integer NOT NULL,
	"opinions" integer NOT NULL,
	"already_present" integer NOT NULL,
	"rejected" integer NOT NULL,
	"imported_by_user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opinions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"submission_id" bigint NOT NULL,
	"consultation_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	"section_ref" text,
	"stance" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"text_key" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "opinions_stance_check" CHECK ("opinions"."stance" in ('agree','disagree','partial','none'))
);
--> statement-breakpoint
CREATE TABLE "submission_contacts" (
	"submission_id" bigint PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"sealed" text,
	"consent" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"erased_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "submissions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"consultation_id" integer NOT NULL,
	"external_id" text NOT NULL,
	"unit_id" integer NOT NULL,
	"channel" text NOT NULL,
	"contributor_group" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"self_submitted" boolean NOT NULL,
	"opinion_count" integer NOT NULL,
	"entered_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "submissions_channel_check" CHECK ("submissions"."channel" in ('vneid','web','meeting','letter','press','email','other')),
	CONSTRAINT "submissions_group_check" CHECK ("submissions"."contributor_group" in ('can_bo','dang_vien','cong_chuc','vien_chuc','nguoi_lao_dong','nhan_dan','nguoi_vn_o_nuoc_ngoai','khac'))
);
--> statement-breakpoint
ALTER TABLE "consultation_documents" ADD CONSTRAINT "consultation_documents_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_units" ADD CONSTRAINT "consultation_units_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_units" ADD CONSTRAINT "consultation_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_sections" ADD CONSTRAINT "document_sections_document_id_consultation_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."consultation_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_imports" ADD CONSTRAINT "opinion_imports_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_imports" ADD CONSTRAINT "opinion_imports_imported_by_user_id_users_id_fk" FOREIGN KEY ("imported_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_document_id_consultation_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."consultation_documents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_contacts" ADD CONSTRAINT "submission_contacts_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_entered_by_user_id_users_id_fk" FOREIGN KEY ("entered_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_documents_code_key" ON "consultation_documents" USING btree ("consultation_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_units_key" ON "consultation_units" USING btree ("consultation_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_sections_ref_key" ON "document_sections" USING btree ("document_id","ref");--> statement-breakpoint
CREATE INDEX "opinions_submission_idx" ON "opinions" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "opinions_unit_time_idx" ON "opinions" USING btree ("consultation_id","unit_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_external_key" ON "submissions" USING btree ("consultation_id","external_id");--> statement-breakpoint
CREATE INDEX "submissions_unit_time_idx" ON "submissions" USING btree ("consultation_id","unit_id","submitted_at");