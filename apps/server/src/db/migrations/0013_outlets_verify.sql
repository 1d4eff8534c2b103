CREATE TABLE "ocop_scans" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ocop_scans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"lot" text,
	"product_id" uuid,
	"certificate_id" uuid,
	"status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"province_code" text,
	"user_agent_class" text NOT NULL,
	"anomaly_of" bigint,
	"anomaly_km" integer
);
--> statement-breakpoint
CREATE TABLE "outlet_products" (
	"outlet_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"since" date NOT NULL,
	CONSTRAINT "outlet_products_outlet_id_product_id_pk" PRIMARY KEY("outlet_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "outlets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"operator_id" uuid,
	"address" text NOT NULL,
	"commune_scheme" text DEFAULT '2025-07' NOT NULL,
	"commune_code" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"opening_hours" text,
	"contact" text,
	"url" text,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ocop_products" ADD COLUMN "gtin" text;--> statement-breakpoint
ALTER TABLE "ocop_products" ADD COLUMN "verify_code" text;--> statement-breakpoint
ALTER TABLE "ocop_scans" ADD CONSTRAINT "ocop_scans_product_id_ocop_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."ocop_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_scans" ADD CONSTRAINT "ocop_scans_certificate_id_ocop_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."ocop_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outlet_products" ADD CONSTRAINT "outlet_products_outlet_id_outlets_id_fk" FOREIGN KEY ("outlet_id") REFERENCES "public"."outlets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outlet_products" ADD CONSTRAINT "outlet_products_product_id_ocop_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."ocop_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outlets" ADD CONSTRAINT "outlets_operator_id_users_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outlets" ADD CONSTRAINT "outlets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ocop_scans_code_at_idx" ON "ocop_scans" USING btree ("code","at");--> statement-breakpoint
CREATE INDEX "ocop_scans_anomalies_idx" ON "ocop_scans" USING btree ("at") WHERE "ocop_scans"."anomaly_of" is not null;--> statement-breakpoint
CREATE INDEX "outlet_products_product_idx" ON "outlet_products" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "outlets_commune_idx" ON "outlets" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "outlets_operator_idx" ON "outlets" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "outlets_opened_idx" ON "outlets" USING btree ("opened_on");--> statement-breakpoint
CREATE INDEX "outlets_open_type_idx" ON "outlets" USING btree ("type") WHERE "outlets"."closed_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "ocop_products_gtin_uq" ON "ocop_products" USING btree ("gtin") WHERE "ocop_products"."gtin" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "ocop_products_verify_code_uq" ON "ocop_products" USING btree ("verify_code") WHERE "ocop_products"."verify_code" is not null;