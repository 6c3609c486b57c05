CREATE TYPE "public"."membership_role" AS ENUM('owner', 'admin', 'accountant', 'viewer', 'client');--> statement-breakpoint
CREATE TABLE "membership_companies" (
	"membership_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	CONSTRAINT "membership_companies_pkey" PRIMARY KEY("membership_id","company_id")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "membership_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"personal" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_name_present" CHECK (length(trim("organisations"."name")) > 0)
);
--> statement-breakpoint
DROP INDEX "companies_owner_tax_id_unique";--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "exports" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "webhooks" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
-- Backfill: every existing user gets the personal organisation a sign-up now creates, as its
-- owner, and everything they owned moves into it. The membership is written first so it can
-- carry the new organisation's id (the foreign keys are added further down).
INSERT INTO "memberships" ("organisation_id", "user_id", "role", "created_at")
  SELECT gen_random_uuid(), "id", 'owner', "created_at" FROM "users";--> statement-breakpoint
INSERT INTO "organisations" ("id", "name", "personal", "created_at")
  SELECT m."organisation_id", coalesce(nullif(trim(u."full_name"), ''), u."email"), true, u."created_at"
  FROM "memberships" m JOIN "users" u ON u."id" = m."user_id";--> statement-breakpoint
UPDATE "companies" c SET "organisation_id" = m."organisation_id"
  FROM "memberships" m WHERE m."user_id" = c."owner_id";--> statement-breakpoint
-- A document follows its company, so the two can never disagree.
UPDATE "documents" d SET "organisation_id" = c."organisation_id"
  FROM "companies" c WHERE c."id" = d."company_id";--> statement-breakpoint
UPDATE "exports" e SET "organisation_id" = m."organisation_id"
  FROM "memberships" m WHERE m."user_id" = e."user_id";--> statement-breakpoint
UPDATE "webhooks" w SET "organisation_id" = m."organisation_id"
  FROM "memberships" m WHERE m."user_id" = w."owner_id";--> statement-breakpoint
ALTER TABLE "companies" ALTER COLUMN "organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "exports" ALTER COLUMN "organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "webhooks" ALTER COLUMN "organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "membership_companies" ADD CONSTRAINT "membership_companies_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_companies" ADD CONSTRAINT "membership_companies_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "membership_companies_company_id_idx" ON "membership_companies" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_organisation_user_unique" ON "memberships" USING btree ("organisation_id","user_id");--> statement-breakpoint
CREATE INDEX "memberships_user_id_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exports" ADD CONSTRAINT "exports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "companies_organisation_id_idx" ON "companies" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "companies_organisation_tax_id_unique" ON "companies" USING btree ("organisation_id","tax_id") WHERE "companies"."tax_id" is not null;--> statement-breakpoint
CREATE INDEX "documents_organisation_id_idx" ON "documents" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "exports_organisation_id_idx" ON "exports" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "webhooks_organisation_id_idx" ON "webhooks" USING btree ("organisation_id");