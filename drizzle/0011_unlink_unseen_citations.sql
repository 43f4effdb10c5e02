-- Custom (data only): unlink every citation whose target its citing directive's register unit does not
-- see (issue 9, item 4). Links made before the rule could point across subtrees; they become unresolved
-- and resolve again when a directive the unit sees is registered with that number. A unit sees a
-- directive when it, or one of its descendants, issued, registered or received it.
UPDATE "directive_references" r SET "target_id" = NULL
FROM "directives" c
WHERE c."id" = r."directive_id" AND r."target_id" IS NOT NULL
  AND c."owner_unit_id" NOT IN (
    WITH RECURSIVE seers(id) AS (
      SELECT t."owner_unit_id" FROM "directives" t WHERE t."id" = r."target_id"
      UNION SELECT t."issuer_unit_id" FROM "directives" t WHERE t."id" = r."target_id" AND t."issuer_unit_id" IS NOT NULL
      UNION SELECT a."unit_id" FROM "directive_addressees" a WHERE a."directive_id" = r."target_id" AND a."unit_id" IS NOT NULL
      UNION SELECT u."parent_id" FROM seers JOIN "units" u ON u."id" = seers.id WHERE u."parent_id" IS NOT NULL
    ) SELECT id FROM seers);
