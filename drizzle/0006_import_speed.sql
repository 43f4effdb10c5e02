ALTER TABLE "opinions" DROP CONSTRAINT "opinions_submission_id_submissions_id_fk";
--> statement-breakpoint
ALTER TABLE "opinions" DROP CONSTRAINT "opinions_document_id_consultation_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "submissions" DROP CONSTRAINT "submissions_consultation_id_consultations_id_fk";
--> statement-breakpoint
ALTER TABLE "submissions" DROP CONSTRAINT "submissions_unit_id_units_id_fk";
--> statement-breakpoint
-- The per-row foreign keys above cost more than the rows themselves when the file import COPYs
-- hundreds of thousands of submissions and opinions (schema/consultation.ts, `submissions`). The
-- writers only write ids they have just read in the same transaction; these statement-level
-- triggers keep the former delete rules at the cost of one statement per delete.
CREATE FUNCTION "consultations_delete_submissions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM submissions s USING gone g WHERE s.consultation_id = g.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "consultations_cascade_submissions" AFTER DELETE ON "consultations"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "consultations_delete_submissions"();
--> statement-breakpoint
CREATE FUNCTION "submissions_delete_opinions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM opinions o USING gone g WHERE o.submission_id = g.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "submissions_cascade_opinions" AFTER DELETE ON "submissions"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "submissions_delete_opinions"();
--> statement-breakpoint
CREATE FUNCTION "units_keep_submissions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM submissions s JOIN gone g ON g.id = s.unit_id) THEN
    RAISE EXCEPTION 'a unit that received submissions cannot be deleted' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "units_restrict_submissions" AFTER DELETE ON "units"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "units_keep_submissions"();
--> statement-breakpoint
-- A document's opinions stop it being deleted, unless its whole consultation is being deleted
-- (then the consultation's submissions and their opinions go too).
CREATE FUNCTION "consultation_documents_keep_opinions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM gone g JOIN opinions o ON o.consultation_id = g.consultation_id AND o.document_id = g.id
    WHERE EXISTS (SELECT 1 FROM consultations c WHERE c.id = g.consultation_id)
  ) THEN
    RAISE EXCEPTION 'a document that has opinions cannot be deleted' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "consultation_documents_restrict_opinions" AFTER DELETE ON "consultation_documents"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "consultation_documents_keep_opinions"();
