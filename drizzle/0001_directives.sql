CREATE TABLE "directive_acknowledgements" (
	"directive_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directive_addressees" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "directive_addressees_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"directive_id" integer NOT NULL,
	"role" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"unit_id" integer,
	CONSTRAINT "directive_addressees_role_check" CHECK ("directive_addressees"."role" in ('recipient','distribution'))
);
--> statement-breakpoint
CREATE TABLE "directive_drafts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "directive_drafts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"parent_directive_id" integer,
	"unit_id" integer NOT NULL,
	"content" jsonb NOT NULL,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directive_files" (
	"directive_id" integer PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directive_references" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "directive_references_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"directive_id" integer NOT NULL,
	"position" integer NOT NULL,
	"relation" text NOT NULL,
	"doc_type" text,
	"number_symbol" text,
	"symbol_key" text,
	"issuer_name" text,
	"ref_year" smallint,
	"ref_month" smallint,
	"ref_day" smallint,
	"target_id" integer,
	CONSTRAINT "directive_references_relation_check" CHECK ("directive_references"."relation" in ('implements','basis','cites'))
);
--> statement-breakpoint
CREATE TABLE "directives" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "directives_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_unit_id" integer NOT NULL,
	"doc_type" text,
	"convention" text,
	"number_symbol" text,
	"number" text,
	"symbol_key" text,
	"issuer_name" text,
	"issuer_unit_id" integer,
	"place" text,
	"issued_year" smallint,
	"issued_month" smallint,
	"issued_day" smallint,
	"subject" text,
	"signer" jsonb,
	"deadlines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"body_text" text NOT NULL,
	"parsed" jsonb,
	"search_key" text NOT NULL,
	"registered_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "directives_convention_check" CHECK ("directives"."convention" is null or "directives"."convention" in ('party','state'))
);
--> statement-breakpoint
ALTER TABLE "directive_acknowledgements" ADD CONSTRAINT "directive_acknowledgements_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_acknowledgements" ADD CONSTRAINT "directive_acknowledgements_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_acknowledgements" ADD CONSTRAINT "directive_acknowledgements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_addressees" ADD CONSTRAINT "directive_addressees_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_addressees" ADD CONSTRAINT "directive_addressees_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_drafts" ADD CONSTRAINT "directive_drafts_parent_directive_id_directives_id_fk" FOREIGN KEY ("parent_directive_id") REFERENCES "public"."directives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_drafts" ADD CONSTRAINT "directive_drafts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_drafts" ADD CONSTRAINT "directive_drafts_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_files" ADD CONSTRAINT "directive_files_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_references" ADD CONSTRAINT "directive_references_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_references" ADD CONSTRAINT "directive_references_target_id_directives_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."directives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_issuer_unit_id_units_id_fk" FOREIGN KEY ("issuer_unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_registered_by_user_id_users_id_fk" FOREIGN KEY ("registered_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "directive_acknowledgements_key" ON "directive_acknowledgements" USING btree ("directive_id","unit_id");--> statement-breakpoint
CREATE INDEX "directive_acknowledgements_unit_idx" ON "directive_acknowledgements" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "directive_addressees_directive_idx" ON "directive_addressees" USING btree ("directive_id");--> statement-breakpoint
CREATE INDEX "directive_addressees_unit_idx" ON "directive_addressees" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "directive_drafts_unit_idx" ON "directive_drafts" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "directive_references_directive_idx" ON "directive_references" USING btree ("directive_id");--> statement-breakpoint
CREATE INDEX "directive_references_target_idx" ON "directive_references" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "directive_references_symbol_key_idx" ON "directive_references" USING btree ("symbol_key");--> statement-breakpoint
CREATE INDEX "directives_symbol_key_idx" ON "directives" USING btree ("symbol_key");--> statement-breakpoint
CREATE INDEX "directives_owner_idx" ON "directives" USING btree ("owner_unit_id");--> statement-breakpoint
CREATE INDEX "directives_issuer_unit_idx" ON "directives" USING btree ("issuer_unit_id");