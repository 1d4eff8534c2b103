CREATE TABLE "ocop_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_folded" text NOT NULL,
	"rubric_id" text NOT NULL,
	"product_set" text NOT NULL,
	"description" text,
	"packaging" text,
	"price_vnd" bigint,
	"price_unit" text,
	"annual_capacity" text,
	"ingredients_origin" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ocop_rubrics" (
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"decision_code" text NOT NULL,
	"decision_number" text NOT NULL,
	"sheet_number" integer,
	"current" boolean NOT NULL,
	"title" text NOT NULL,
	"product_group" text NOT NULL,
	"product_sets" text[] NOT NULL,
	"coverage" text NOT NULL,
	"sheet" jsonb NOT NULL,
	"checksum" text NOT NULL,
	"origin" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ocop_rubrics_id_version_pk" PRIMARY KEY("id","version")
);
--> statement-breakpoint
CREATE TABLE "ocop_self_assessments" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"rubric_id" text NOT NULL,
	"rubric_version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"total" integer,
	"star" integer,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ocop_products" ADD CONSTRAINT "ocop_products_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_products" ADD CONSTRAINT "ocop_products_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_rubrics" ADD CONSTRAINT "ocop_rubrics_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_self_assessments" ADD CONSTRAINT "ocop_self_assessments_product_id_ocop_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."ocop_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_self_assessments" ADD CONSTRAINT "ocop_self_assessments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_self_assessments" ADD CONSTRAINT "ocop_self_assessments_rubric_id_rubric_version_ocop_rubrics_id_version_fk" FOREIGN KEY ("rubric_id","rubric_version") REFERENCES "public"."ocop_rubrics"("id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ocop_products_entity_idx" ON "ocop_products" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "ocop_products_status_idx" ON "ocop_products" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "ocop_products_name_folded_trgm_idx" ON "ocop_products" USING gin ("name_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "ocop_self_assessments_rubric_idx" ON "ocop_self_assessments" USING btree ("rubric_id","rubric_version");