CREATE TABLE "annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"revenue" bigint NOT NULL,
	"revenue_from_members" bigint NOT NULL,
	"profit" bigint NOT NULL,
	"total_capital" bigint NOT NULL,
	"indivisible_assets" bigint NOT NULL,
	"official_members" integer NOT NULL,
	"associate_members" integer NOT NULL,
	"member_households" integer NOT NULL,
	"workers" integer NOT NULL,
	"member_workers" integer NOT NULL,
	"avg_member_income" bigint NOT NULL,
	"avg_worker_monthly_income" bigint NOT NULL,
	"value_chain_links" integer NOT NULL,
	"ocop_products" integer NOT NULL,
	"products_services" text,
	"value_chain_description" text,
	"months_operating" integer NOT NULL,
	"suspended_months" integer DEFAULT 0 NOT NULL,
	"rating_points" jsonb,
	"rating" text,
	"rating_total" double precision,
	"scale_class" text,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"return_reason" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"name_folded" text NOT NULL,
	"code" text,
	"registration_date" date,
	"registration_issuer" text,
	"address" text NOT NULL,
	"commune_scheme" text NOT NULL,
	"commune_code" text NOT NULL,
	"old_commune_scheme" text,
	"old_commune_code" text,
	"old_district_code" text,
	"lat" double precision,
	"lng" double precision,
	"legal_representative" text,
	"phone" text,
	"email" text,
	"website" text,
	"sectors" text[] NOT NULL,
	"specialisations" text[] DEFAULT '{}'::text[] NOT NULL,
	"charter_capital" bigint DEFAULT 0 NOT NULL,
	"official_members" integer DEFAULT 0 NOT NULL,
	"associate_members" integer DEFAULT 0 NOT NULL,
	"services" text,
	"high_tech" boolean DEFAULT false NOT NULL,
	"value_chain" boolean DEFAULT false NOT NULL,
	"value_chain_partner" text,
	"specialised" boolean DEFAULT false NOT NULL,
	"description" text,
	"status" text DEFAULT 'active' NOT NULL,
	"status_since" date,
	"rating" text,
	"rating_year" integer,
	"scale_class" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entity_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"membership" text NOT NULL,
	"capital_contributed" bigint DEFAULT 0 NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "entity_status_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"status" text NOT NULL,
	"effective_date" date NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"status" text NOT NULL,
	"total_rows" integer,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"inserted_rows" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "report_deadlines" (
	"year" integer PRIMARY KEY NOT NULL,
	"due_date" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entities" ADD CONSTRAINT "entities_commune_scheme_commune_code_admin_units_scheme_code_fk" FOREIGN KEY ("commune_scheme","commune_code") REFERENCES "public"."admin_units"("scheme","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entities" ADD CONSTRAINT "entities_old_commune_scheme_old_commune_code_admin_units_scheme_code_fk" FOREIGN KEY ("old_commune_scheme","old_commune_code") REFERENCES "public"."admin_units"("scheme","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_members" ADD CONSTRAINT "entity_members_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_status_history" ADD CONSTRAINT "entity_status_history_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_entity_year_uq" ON "annual_reports" USING btree ("entity_id","year");--> statement-breakpoint
CREATE INDEX "annual_reports_year_status_idx" ON "annual_reports" USING btree ("year","status");--> statement-breakpoint
CREATE UNIQUE INDEX "entities_type_code_uq" ON "entities" USING btree ("type","code");--> statement-breakpoint
CREATE INDEX "entities_name_folded_trgm_idx" ON "entities" USING gin ("name_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "entities_commune_idx" ON "entities" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "entities_filters_idx" ON "entities" USING btree ("status","type");--> statement-breakpoint
CREATE INDEX "entities_old_district_idx" ON "entities" USING btree ("old_district_code");--> statement-breakpoint
CREATE INDEX "entities_name_idx" ON "entities" USING btree ("name_folded");--> statement-breakpoint
CREATE INDEX "entity_members_entity_idx" ON "entity_members" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "entity_status_history_entity_idx" ON "entity_status_history" USING btree ("entity_id","effective_date");