import { vietnamDate, type OcopStar } from '@hoptac/core';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type DatabaseTarget } from '../../../apps/server/src/db/client.ts';
import type { ScaleName } from '../../../apps/server/src/db/seed/synthetic/scales.ts';
import { DEMO_PRODUCTS } from '../../../apps/server/src/modules/catalog/catalog.demo-data.ts';
import { insertCertifiedRecords, type CertifiedRecord } from '../../../apps/server/src/modules/ocop/index.ts';
import type { CatalogFixtures } from './routes.ts';

/**
 * The public catalogue's bench data (issue 6): certified products of the synthetic register's
 * active entities, written in bulk by the OCOP module's own insertCertifiedRecords, the function the
 * certified-records import and the demo seed use, so every row (closed round per decision year,
 * certified dossier, certificate from the year's counter, the search key the migration-0011 trigger
 * fills) is what the platform itself writes. It batches 500 rows per INSERT, which keeps even the
 * national 100,000 within the seeding budget, so the bench needs no SQL of its own here.
 */

/** Certified products per scale: the 100,000 nationally, the same ratio to entities for Hanoi. */
export const CATALOG_PRODUCTS: Record<ScaleName, number> = { hanoi: 3_300, national: 100_000 };

/** Records per transaction: a failure leaves whole chunks, and no transaction holds 100,000 rows' locks. */
const CHUNK = 5_000;

/** Certificates last three years; decisions spread over four, so about a quarter have expired. */
const VALIDITY_MONTHS = 36;
const DECISION_SPREAD_MONTHS = 48;

export type CatalogBench = { products: number; fixtures: CatalogFixtures; ms: number };

type Producer = { id: string; name: string; commune_scheme: string; commune_code: string };

/** The 15th of the month `monthsAgo` months before today's, as YYYY-MM-DD. */
function monthsBefore(today: string, monthsAgo: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - monthsAgo, 15)).toISOString().slice(0, 10);
}

function plusMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * The n-th product: named after one of the demo products (so "buoi", "gom", "lua", "mat ong"
 * each match about a ninth of the catalogue) plus its producer and number, so names are distinct.
 */
function recordOf(n: number, producer: Producer, today: string): CertifiedRecord {
  const template = DEMO_PRODUCTS[n % DEMO_PRODUCTS.length]!;
  const decisionDate = monthsBefore(today, n % DECISION_SPREAD_MONTHS);
  const star = (3 + (n % 3)) as OcopStar;
  return {
    entity: {
      id: producer.id,
      name: producer.name,
      communeScheme: producer.commune_scheme,
      communeCode: producer.commune_code,
    },
    product: {
      name: `${template.name} ${n + 1}`,
      rubricId: template.rubricId,
      rubricVersion: 1,
      productSet: template.productSet,
      packaging: template.packaging,
      priceVnd: template.priceVnd,
      priceUnit: template.priceUnit,
    },
    star,
    total: star === 3 ? 60 + (n % 10) : star === 4 ? 75 + (n % 15) : 92,
    decisionNumber: `${1000 + (n % 9000)}/QĐ-${star === 5 ? 'BNNMT' : 'UBND'}`,
    decisionDate,
    validUntil: plusMonths(decisionDate, VALIDITY_MONTHS),
  };
}

/** Seeds the certified catalogue and finds a valid certificate for the verify page. */
export async function seedCatalog(target: DatabaseTarget, scale: ScaleName): Promise<CatalogBench> {
  const started = performance.now();
  const count = CATALOG_PRODUCTS[scale];
  const database = await openDatabase(target);
  try {
    const { db } = database;
    const producers = await queryRows<Producer>(
      db,
      sql`select id, name, commune_scheme, commune_code from entities where status = 'active' order by id`,
    );
    if (producers.length === 0) throw new Error('the register has no active entity to certify products of');
    const today = vietnamDate(new Date());
    for (let start = 0; start < count; start += CHUNK) {
      const records = Array.from({ length: Math.min(CHUNK, count - start) }, (_, i) =>
        recordOf(start + i, producers[(start + i) % producers.length]!, today),
      );
      await db.transaction((tx) => insertCertifiedRecords(tx, records));
    }
    await db.execute(sql`vacuum (analyze) ocop_rounds, ocop_products, ocop_dossiers, ocop_certificates`);
    const [valid] = await queryRows<{ number: string }>(
      db,
      sql`select number from ocop_certificates where valid_until >= ${today} and revoked_at is null
          order by number limit 1`,
    );
    if (!valid) throw new Error('the bench catalogue has no valid certificate');
    return { products: count, fixtures: { certificateNumber: valid.number }, ms: performance.now() - started };
  } finally {
    await database.close();
  }
}
