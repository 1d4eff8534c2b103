CREATE TABLE "ocop_certificate_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ocop_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"dossier_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"product_name" text NOT NULL,
	"entity_name" text NOT NULL,
	"commune_scheme" text NOT NULL,
	"commune_code" text NOT NULL,
	"star" integer NOT NULL,
	"total" numeric(5, 2) NOT NULL,
	"decision_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"issuer" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"revoked_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ocop_certificates_number_unique" UNIQUE("number"),
	CONSTRAINT "ocop_certificates_dossier_id_unique" UNIQUE("dossier_id")
);
--> statement-breakpoint
CREATE TABLE "ocop_council_conflicts" (
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ocop_council_conflicts_round_id_user_id_entity_id_pk" PRIMARY KEY("round_id","user_id","entity_id")
);
--> statement-breakpoint
CREATE TABLE "ocop_council_members" (
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "ocop_council_members_round_id_user_id_pk" PRIMARY KEY("round_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "ocop_councils" (
	"round_id" uuid PRIMARY KEY NOT NULL,
	"disagreement_threshold" integer DEFAULT 10 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ocop_dossier_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ocop_dossier_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dossier_id" uuid NOT NULL,
	"action" text NOT NULL,
	"comment" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ocop_dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"rubric_id" text NOT NULL,
	"rubric_version" integer NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"outcome" text,
	"self_total" integer,
	"self_star" integer,
	"final_total" numeric(5, 2),
	"final_star" integer,
	"result" jsonb,
	"consensus_answers" jsonb,
	"minutes" text,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ocop_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"process_regime" text NOT NULL,
	"rubric_decision" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"submission_deadline" date NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ocop_score_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"knock_out" jsonb,
	"comments" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"total" integer,
	"star" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "ocop_certificates" ADD CONSTRAINT "ocop_certificates_dossier_id_ocop_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."ocop_dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_certificates" ADD CONSTRAINT "ocop_certificates_product_id_ocop_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."ocop_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_certificates" ADD CONSTRAINT "ocop_certificates_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_certificates" ADD CONSTRAINT "ocop_certificates_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_certificates" ADD CONSTRAINT "ocop_certificates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_council_conflicts" ADD CONSTRAINT "ocop_council_conflicts_round_id_ocop_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."ocop_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_council_conflicts" ADD CONSTRAINT "ocop_council_conflicts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_council_conflicts" ADD CONSTRAINT "ocop_council_conflicts_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_council_conflicts" ADD CONSTRAINT "ocop_council_conflicts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_council_members" ADD CONSTRAINT "ocop_council_members_round_id_ocop_councils_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."ocop_councils"("round_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_council_members" ADD CONSTRAINT "ocop_council_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_councils" ADD CONSTRAINT "ocop_councils_round_id_ocop_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."ocop_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_councils" ADD CONSTRAINT "ocop_councils_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_dossier_events" ADD CONSTRAINT "ocop_dossier_events_dossier_id_ocop_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."ocop_dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_dossier_events" ADD CONSTRAINT "ocop_dossier_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_dossiers" ADD CONSTRAINT "ocop_dossiers_round_id_ocop_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."ocop_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_dossiers" ADD CONSTRAINT "ocop_dossiers_product_id_ocop_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."ocop_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_dossiers" ADD CONSTRAINT "ocop_dossiers_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_dossiers" ADD CONSTRAINT "ocop_dossiers_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_dossiers" ADD CONSTRAINT "ocop_dossiers_rubric_id_rubric_version_ocop_rubrics_id_version_fk" FOREIGN KEY ("rubric_id","rubric_version") REFERENCES "public"."ocop_rubrics"("id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_rounds" ADD CONSTRAINT "ocop_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_score_sheets" ADD CONSTRAINT "ocop_score_sheets_dossier_id_ocop_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."ocop_dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_score_sheets" ADD CONSTRAINT "ocop_score_sheets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ocop_certificates_entity_idx" ON "ocop_certificates" USING btree ("entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ocop_certificates_year_sequence_uq" ON "ocop_certificates" USING btree ("year","sequence");--> statement-breakpoint
CREATE INDEX "ocop_council_members_user_idx" ON "ocop_council_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ocop_council_one_chair" ON "ocop_council_members" USING btree ("round_id") WHERE "ocop_council_members"."role" = 'chair';--> statement-breakpoint
CREATE UNIQUE INDEX "ocop_council_one_secretary" ON "ocop_council_members" USING btree ("round_id") WHERE "ocop_council_members"."role" = 'secretary';--> statement-breakpoint
CREATE INDEX "ocop_dossier_events_dossier_idx" ON "ocop_dossier_events" USING btree ("dossier_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "ocop_dossiers_round_product_uq" ON "ocop_dossiers" USING btree ("round_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ocop_dossiers_one_live_per_product" ON "ocop_dossiers" USING btree ("product_id") WHERE "ocop_dossiers"."status" in ('received', 'forwarded');--> statement-breakpoint
CREATE INDEX "ocop_dossiers_round_status_idx" ON "ocop_dossiers" USING btree ("round_id","status");--> statement-breakpoint
CREATE INDEX "ocop_dossiers_entity_idx" ON "ocop_dossiers" USING btree ("entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ocop_rounds_one_open_per_regime" ON "ocop_rounds" USING btree ("process_regime") WHERE "ocop_rounds"."status" = 'open';--> statement-breakpoint
CREATE INDEX "ocop_rounds_year_idx" ON "ocop_rounds" USING btree ("year","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ocop_score_sheets_dossier_user_uq" ON "ocop_score_sheets" USING btree ("dossier_id","user_id");--> statement-breakpoint
CREATE INDEX "ocop_score_sheets_user_idx" ON "ocop_score_sheets" USING btree ("user_id");