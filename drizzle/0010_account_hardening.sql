CREATE TABLE "login_throttle" (
	"account_key" text NOT NULL,
	"client" text NOT NULL,
	"attempts" integer NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "login_throttle_account_key_client_pk" PRIMARY KEY("account_key","client")
);
--> statement-breakpoint
ALTER TABLE "role_grants" ADD COLUMN "granted_by_user_id" integer;--> statement-breakpoint
CREATE INDEX "login_throttle_window_idx" ON "login_throttle" USING btree ("window_start");--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_granted_by_user_id_users_id_fk" FOREIGN KEY ("granted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Grants made before this column existed: their maker is in the audit row written with them.
UPDATE "role_grants" g SET "granted_by_user_id" = a."actor_user_id"
FROM "audit_log" a
WHERE a."action" = 'grant.add' AND a."entity_type" = 'role_grant' AND a."entity_id" = g."id"::text AND a."actor_user_id" IS NOT NULL;
