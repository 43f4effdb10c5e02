ALTER TABLE "units" ADD COLUMN "place" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "signer_authority" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "signer_title" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "signer_name" text;