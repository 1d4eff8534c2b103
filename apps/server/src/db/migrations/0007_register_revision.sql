CREATE TABLE "register_revision" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "register_revision" ADD CONSTRAINT "register_revision_single_row" CHECK ("id" = 1);--> statement-breakpoint
INSERT INTO "register_revision" ("id", "revision") VALUES (1, 0);--> statement-breakpoint
-- Statement level: an import of thousands of rows raises the revision once per statement, not per row.
CREATE FUNCTION "bump_register_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "register_revision" SET "revision" = "revision" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "entities_bump_register_revision"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "entities"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_register_revision"();
