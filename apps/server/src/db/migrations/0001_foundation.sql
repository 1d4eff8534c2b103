CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "reference_data" (
	"name" text PRIMARY KEY NOT NULL,
	"checksum" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_schemes" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date
);
--> statement-breakpoint
CREATE TABLE "admin_unit_links" (
	"from_scheme" text NOT NULL,
	"from_code" text NOT NULL,
	"to_scheme" text NOT NULL,
	"to_code" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "admin_unit_links_from_scheme_from_code_to_scheme_to_code_pk" PRIMARY KEY("from_scheme","from_code","to_scheme","to_code")
);
--> statement-breakpoint
CREATE TABLE "admin_units" (
	"scheme" text NOT NULL,
	"code" text NOT NULL,
	"level" text NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"name_en" text,
	"parent_code" text,
	"name_folded" text NOT NULL,
	CONSTRAINT "admin_units_scheme_code_pk" PRIMARY KEY("scheme","code")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "user_communes" (
	"user_id" uuid NOT NULL,
	"scheme" text NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "user_communes_user_id_scheme_code_pk" PRIMARY KEY("user_id","scheme","code")
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "user_roles_user_id_role_pk" PRIMARY KEY("user_id","role")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" "citext" NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text DEFAULT 'vi' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"entity_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	"password_changed_at" timestamp with time zone,
	"search_folded" text DEFAULT '' NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "admin_unit_links" ADD CONSTRAINT "admin_unit_links_from_scheme_from_code_admin_units_scheme_code_fk" FOREIGN KEY ("from_scheme","from_code") REFERENCES "public"."admin_units"("scheme","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_unit_links" ADD CONSTRAINT "admin_unit_links_to_scheme_to_code_admin_units_scheme_code_fk" FOREIGN KEY ("to_scheme","to_code") REFERENCES "public"."admin_units"("scheme","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_units" ADD CONSTRAINT "admin_units_scheme_admin_schemes_code_fk" FOREIGN KEY ("scheme") REFERENCES "public"."admin_schemes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_units" ADD CONSTRAINT "admin_units_scheme_parent_code_admin_units_scheme_code_fk" FOREIGN KEY ("scheme","parent_code") REFERENCES "public"."admin_units"("scheme","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_communes" ADD CONSTRAINT "user_communes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_communes" ADD CONSTRAINT "user_communes_scheme_code_admin_units_scheme_code_fk" FOREIGN KEY ("scheme","code") REFERENCES "public"."admin_units"("scheme","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");--> statement-breakpoint
CREATE INDEX "admin_unit_links_to_idx" ON "admin_unit_links" USING btree ("to_scheme","to_code");--> statement-breakpoint
CREATE INDEX "admin_units_parent_idx" ON "admin_units" USING btree ("scheme","parent_code");--> statement-breakpoint
CREATE INDEX "admin_units_level_idx" ON "admin_units" USING btree ("scheme","level");--> statement-breakpoint
CREATE INDEX "admin_units_name_folded_trgm_idx" ON "admin_units" USING gin ("name_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "user_roles_role_idx" ON "user_roles" USING btree ("role");--> statement-breakpoint
CREATE INDEX "users_search_folded_trgm_idx" ON "users" USING gin ("search_folded" gin_trgm_ops);