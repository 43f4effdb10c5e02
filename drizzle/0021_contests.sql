CREATE TABLE "contest_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contest_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"participant_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"number" integer NOT NULL,
	"practice" boolean DEFAULT false NOT NULL,
	"questions" jsonb NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prediction" integer,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"score" integer,
	"max_score" integer NOT NULL,
	"duration_ms" integer,
	"client_key" text
);
--> statement-breakpoint
CREATE TABLE "contest_flags" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contest_flags_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"kind" text NOT NULL,
	"participant_ids" integer[] NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"score" real,
	"decision" text,
	"reviewed_by_user_id" integer,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contest_flags_kind_check" CHECK ("contest_flags"."kind" in ('fast-perfect','identical-answers','shared-client'))
);
--> statement-breakpoint
CREATE TABLE "contest_participants" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contest_participants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"contest_id" integer NOT NULL,
	"user_id" integer,
	"display_name" text NOT NULL,
	"unit_id" integer NOT NULL,
	"participant_group" text NOT NULL,
	"phone_key" text,
	"phone_masked" text,
	"id_hash" text,
	"id_last4" text,
	"sealed_contact" text,
	"consent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contest_question_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contest_question_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"question_id" integer NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"options" text[] NOT NULL,
	"correct" integer[] NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contest_questions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contest_questions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"contest_id" integer NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"difficulty" text NOT NULL,
	"disputed" boolean DEFAULT false NOT NULL,
	"retired_at" timestamp with time zone,
	"current_version_id" integer,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contest_questions_difficulty_check" CHECK ("contest_questions"."difficulty" in ('easy','medium','hard'))
);
--> statement-breakpoint
CREATE TABLE "contest_round_results" (
	"round_id" integer NOT NULL,
	"participant_id" integer NOT NULL,
	"attempt_id" bigint NOT NULL,
	"rank" integer NOT NULL,
	"score" integer NOT NULL,
	"prediction_distance" bigint,
	"duration_ms" integer NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"unit_id" integer NOT NULL,
	"excluded" boolean DEFAULT false NOT NULL,
	CONSTRAINT "contest_round_results_round_id_participant_id_pk" PRIMARY KEY("round_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "contest_rounds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contest_rounds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"contest_id" integer NOT NULL,
	"number" integer NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"questions_per_attempt" integer NOT NULL,
	"time_limit_seconds" integer NOT NULL,
	"attempts_allowed" integer NOT NULL,
	"grace_seconds" integer DEFAULT 5 NOT NULL,
	"prediction" text NOT NULL,
	"prizes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"closed_at" timestamp with time zone,
	"official_figure" integer,
	"official_method" text,
	"results_confirmed_at" timestamp with time zone,
	"results_confirmed_by_user_id" integer,
	CONSTRAINT "contest_rounds_window_check" CHECK ("contest_rounds"."opens_at" < "contest_rounds"."closes_at"),
	CONSTRAINT "contest_rounds_prediction_check" CHECK ("contest_rounds"."prediction" in ('perfect-scores','attempts')),
	CONSTRAINT "contest_rounds_settings_check" CHECK ("contest_rounds"."questions_per_attempt" > 0 and "contest_rounds"."time_limit_seconds" > 0 and "contest_rounds"."attempts_allowed" > 0 and "contest_rounds"."grace_seconds" >= 0)
);
--> statement-breakpoint
CREATE TABLE "contest_unit_tallies" (
	"contest_id" integer NOT NULL,
	"round_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"attempts" bigint DEFAULT 0 NOT NULL,
	"people" bigint DEFAULT 0 NOT NULL,
	"perfect_scores" bigint DEFAULT 0 NOT NULL,
	"first_attempt_score_sum" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "contest_unit_tallies_contest_id_round_id_unit_id_pk" PRIMARY KEY("contest_id","round_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "contests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"title" text NOT NULL,
	"organiser_unit_id" integer NOT NULL,
	"audience" text NOT NULL,
	"audience_unit_id" integer,
	"rules" text DEFAULT '' NOT NULL,
	"collective_prizes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contests_code_key" UNIQUE("code"),
	CONSTRAINT "contests_audience_check" CHECK ("contests"."audience" in ('public','internal'))
);
--> statement-breakpoint
CREATE TABLE "unit_headcounts" (
	"unit_id" integer PRIMARY KEY NOT NULL,
	"headcount" integer NOT NULL,
	"label" text,
	"updated_by_user_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contest_attempts" ADD CONSTRAINT "contest_attempts_round_id_contest_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."contest_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_attempts" ADD CONSTRAINT "contest_attempts_participant_id_contest_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."contest_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_flags" ADD CONSTRAINT "contest_flags_round_id_contest_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."contest_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_flags" ADD CONSTRAINT "contest_flags_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_participants" ADD CONSTRAINT "contest_participants_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_participants" ADD CONSTRAINT "contest_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_participants" ADD CONSTRAINT "contest_participants_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_question_versions" ADD CONSTRAINT "contest_question_versions_question_id_contest_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."contest_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_question_versions" ADD CONSTRAINT "contest_question_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_questions" ADD CONSTRAINT "contest_questions_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_round_results" ADD CONSTRAINT "contest_round_results_round_id_contest_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."contest_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_round_results" ADD CONSTRAINT "contest_round_results_participant_id_contest_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."contest_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_rounds" ADD CONSTRAINT "contest_rounds_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_rounds" ADD CONSTRAINT "contest_rounds_results_confirmed_by_user_id_users_id_fk" FOREIGN KEY ("results_confirmed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_unit_tallies" ADD CONSTRAINT "contest_unit_tallies_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contests" ADD CONSTRAINT "contests_organiser_unit_id_units_id_fk" FOREIGN KEY ("organiser_unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contests" ADD CONSTRAINT "contests_audience_unit_id_units_id_fk" FOREIGN KEY ("audience_unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contests" ADD CONSTRAINT "contests_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_headcounts" ADD CONSTRAINT "unit_headcounts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_headcounts" ADD CONSTRAINT "unit_headcounts_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contest_attempts_number_key" ON "contest_attempts" USING btree ("round_id","participant_id","practice","number");--> statement-breakpoint
CREATE INDEX "contest_attempts_round_rank_idx" ON "contest_attempts" USING btree ("round_id","score","duration_ms");--> statement-breakpoint
CREATE INDEX "contest_attempts_participant_idx" ON "contest_attempts" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "contest_flags_round_idx" ON "contest_flags" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_participants_phone_key" ON "contest_participants" USING btree ("contest_id","phone_key");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_participants_id_key" ON "contest_participants" USING btree ("contest_id","id_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_participants_user_key" ON "contest_participants" USING btree ("contest_id","user_id");--> statement-breakpoint
CREATE INDEX "contest_participants_unit_idx" ON "contest_participants" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_question_versions_key" ON "contest_question_versions" USING btree ("question_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_questions_contest_hash_key" ON "contest_questions" USING btree ("contest_id","content_hash");--> statement-breakpoint
CREATE INDEX "contest_questions_pool_idx" ON "contest_questions" USING btree ("contest_id","difficulty");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_round_results_rank_key" ON "contest_round_results" USING btree ("round_id","rank");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_rounds_contest_number_key" ON "contest_rounds" USING btree ("contest_id","number");--> statement-breakpoint
CREATE INDEX "contest_rounds_closes_idx" ON "contest_rounds" USING btree ("closes_at");--> statement-breakpoint
CREATE INDEX "contests_organiser_idx" ON "contests" USING btree ("organiser_unit_id");