ALTER TABLE "ocop_products" ADD COLUMN "story" text;--> statement-breakpoint
ALTER TABLE "ocop_products" ADD COLUMN "shop_links" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "ocop_products" ADD COLUMN "search_folded" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "ocop_certificates_product_issued_idx" ON "ocop_certificates" USING btree ("product_id","issued_on");--> statement-breakpoint
CREATE INDEX "ocop_products_search_folded_trgm_idx" ON "ocop_products" USING gin ("search_folded" gin_trgm_ops);--> statement-breakpoint
-- The public search key of a product: its folded name and its producer's folded name.
CREATE OR REPLACE FUNCTION ocop_products_search_folded() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_folded := NEW.name_folded || ' ' || coalesce((SELECT e.name_folded FROM entities e WHERE e.id = NEW.entity_id), '');
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER ocop_products_search_folded_trg BEFORE INSERT OR UPDATE OF name_folded, entity_id ON ocop_products
  FOR EACH ROW EXECUTE FUNCTION ocop_products_search_folded();
--> statement-breakpoint
-- A renamed producer is found under its new name.
CREATE OR REPLACE FUNCTION entities_refresh_product_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE ocop_products p SET search_folded = p.name_folded || ' ' || NEW.name_folded WHERE p.entity_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER entities_refresh_product_search_trg AFTER UPDATE OF name_folded ON entities
  FOR EACH ROW WHEN (OLD.name_folded IS DISTINCT FROM NEW.name_folded) EXECUTE FUNCTION entities_refresh_product_search();
--> statement-breakpoint
UPDATE ocop_products p SET search_folded = p.name_folded || ' ' || e.name_folded FROM entities e WHERE e.id = p.entity_id;
