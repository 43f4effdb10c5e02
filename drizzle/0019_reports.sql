CREATE TABLE "report_drafts" (
	"period_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"content" jsonb NOT NULL,
	"updated_by_user_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_drafts_pkey" PRIMARY KEY("period_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "report_period_units" (
	"period_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"recipient_unit_id" integer NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"reporting_path" integer[] NOT NULL,
	"receives" boolean DEFAULT false NOT NULL,
	CONSTRAINT "report_period_units_pkey" PRIMARY KEY("period_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "report_periods" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_periods_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"regime_id" integer NOT NULL,
	"period_key" text NOT NULL,
	"closing_date" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_regimes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_regimes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"issuer_unit_id" integer NOT NULL,
	"schedule" jsonb NOT NULL,
	"deadlines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reporting_unit_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"reporting_unit_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"reporting_subtree_unit_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"recipient_mode" text DEFAULT 'nearest' NOT NULL,
	"form" jsonb NOT NULL,
	"reminder_offsets_minutes" integer[] DEFAULT '{2880,240}'::int[] NOT NULL,
	"campaign_id" integer,
	"source_directive_id" integer,
	"archived_at" timestamp with time zone,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_regimes_code_key" UNIQUE("code"),
	CONSTRAINT "report_regimes_type_check" CHECK ("report_regimes"."type" in ('periodic','thematic','adhoc')),
	CONSTRAINT "report_regimes_recipient_mode_check" CHECK ("report_regimes"."recipient_mode" in ('nearest','issuer'))
);
--> statement-breakpoint
CREATE TABLE "report_reminders" (
	"period_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"offset_minutes" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_reminders_pkey" PRIMARY KEY("period_id","unit_id","kind","offset_minutes")
);
--> statement-breakpoint
ALTER TABLE "report_drafts" ADD CONSTRAINT "report_drafts_period_id_report_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."report_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_drafts" ADD CONSTRAINT "report_drafts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_drafts" ADD CONSTRAINT "report_drafts_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_period_units" ADD CONSTRAINT "report_period_units_period_id_report_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."report_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_period_units" ADD CONSTRAINT "report_period_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_period_units" ADD CONSTRAINT "report_period_units_recipient_unit_id_units_id_fk" FOREIGN KEY ("recipient_unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_periods" ADD CONSTRAINT "report_periods_regime_id_report_regimes_id_fk" FOREIGN KEY ("regime_id") REFERENCES "public"."report_regimes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_regimes" ADD CONSTRAINT "report_regimes_issuer_unit_id_units_id_fk" FOREIGN KEY ("issuer_unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_regimes" ADD CONSTRAINT "report_regimes_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminders" ADD CONSTRAINT "report_reminders_period_id_report_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."report_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminders" ADD CONSTRAINT "report_reminders_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_period_units_recipient_idx" ON "report_period_units" USING btree ("period_id","recipient_unit_id");--> statement-breakpoint
CREATE INDEX "report_period_units_path_idx" ON "report_period_units" USING gin ("reporting_path");--> statement-breakpoint
CREATE UNIQUE INDEX "report_periods_regime_key" ON "report_periods" USING btree ("regime_id","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "report_periods_regime_closing_key" ON "report_periods" USING btree ("regime_id","closing_date");--> statement-breakpoint
CREATE INDEX "report_regimes_issuer_idx" ON "report_regimes" USING btree ("issuer_unit_id");