CREATE TABLE "consultation_figure_queue" (
	"submission_id" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_figures" (
	"consultation_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"week_start" timestamp with time zone NOT NULL,
	"dimension" smallint NOT NULL,
	"value" text NOT NULL,
	"opinions" bigint NOT NULL,
	"contributors" bigint NOT NULL,
	CONSTRAINT "consultation_figures_pkey" PRIMARY KEY("consultation_id","unit_id","week_start","dimension","value")
);
--> statement-breakpoint
CREATE TABLE "consultation_text_counts" (
	"consultation_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"week_start" timestamp with time zone NOT NULL,
	"text_hash" bigint NOT NULL,
	"opinions" integer NOT NULL,
	CONSTRAINT "consultation_text_counts_pkey" PRIMARY KEY("consultation_id","unit_id","week_start","text_hash")
);
--> statement-breakpoint
CREATE FUNCTION "queue_submissions_for_figures"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO consultation_figure_queue (submission_id) SELECT id FROM new_submissions;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "submissions_queue_for_figures" AFTER INSERT ON "submissions"
  REFERENCING NEW TABLE AS new_submissions FOR EACH STATEMENT EXECUTE FUNCTION "queue_submissions_for_figures"();
--> statement-breakpoint
INSERT INTO consultation_figure_queue (submission_id) SELECT id FROM submissions;
