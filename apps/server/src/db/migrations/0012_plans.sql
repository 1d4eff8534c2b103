CREATE TABLE "plan_manual_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" text NOT NULL,
	"indicator_version" integer NOT NULL,
	"scope_level" text NOT NULL,
	"scope_scheme" text,
	"scope_code" text,
	"year" integer NOT NULL,
	"quarter" integer,
	"value" double precision NOT NULL,
	"evidence" text NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"indicator_id" text NOT NULL,
	"indicator_version" integer NOT NULL,
	"scope_level" text NOT NULL,
	"scope_scheme" text,
	"scope_code" text,
	"year" integer NOT NULL,
	"quarter" integer,
	"value" double precision NOT NULL,
	"baseline" double precision,
	"direction" text DEFAULT 'at_least' NOT NULL,
	"parent_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"issuing_body" text NOT NULL,
	"issued_on" date NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"description" text,
	"public_progress" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_manual_values" ADD CONSTRAINT "plan_manual_values_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_manual_values" ADD CONSTRAINT "plan_manual_values_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_manual_values" ADD CONSTRAINT "plan_manual_values_scope_scheme_scope_code_admin_units_scheme_code_fk" FOREIGN KEY ("scope_scheme","scope_code") REFERENCES "public"."admin_units"("scheme","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_parent_id_plan_targets_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."plan_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_scope_scheme_scope_code_admin_units_scheme_code_fk" FOREIGN KEY ("scope_scheme","scope_code") REFERENCES "public"."admin_units"("scheme","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_manual_values_indicator_idx" ON "plan_manual_values" USING btree ("indicator_id","indicator_version","year");--> statement-breakpoint
CREATE INDEX "plan_targets_plan_idx" ON "plan_targets" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_targets_parent_idx" ON "plan_targets" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "plans_issued_idx" ON "plans" USING btree ("issued_on","id");