import { and, count, desc, eq, gte, isNotNull, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { toLimitOffset } from '../../kernel/pagination.ts';
import type { PageQuery } from '@hoptac/core';
import { ocopCertificates, ocopProducts } from './ocop.schema.ts';
import { ocopScans } from './scan-log.schema.ts';

export type ScanValues = typeof ocopScans.$inferInsert;

export async function insertScan(db: DbOrTx, values: ScanValues): Promise<void> {
  await db.insert(ocopScans).values(values);
}

/** Scans of one code with a location, between two instants. */
export async function locatedScans(db: DbOrTx, code: string, from: Date, to: Date) {
  return db
    .select({ id: ocopScans.id, at: ocopScans.at, lat: ocopScans.lat, lng: ocopScans.lng })
    .from(ocopScans)
    .where(and(eq(ocopScans.code, code), gte(ocopScans.at, from), lte(ocopScans.at, to), isNotNull(ocopScans.lat)))
    .orderBy(desc(ocopScans.at))
    .limit(200);
}

const previous = alias(ocopScans, 'previous');

export async function listAnomalies(db: DbOrTx, q: PageQuery) {
  const { limit, offset } = toLimitOffset(q);
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        scan: ocopScans,
        productName: ocopProducts.name,
        certificateNumber: ocopCertificates.number,
        previousAt: previous.at,
        previousLat: previous.lat,
        previousLng: previous.lng,
      })
      .from(ocopScans)
      .innerJoin(previous, eq(previous.id, ocopScans.anomalyOf))
      .leftJoin(ocopProducts, eq(ocopProducts.id, ocopScans.productId))
      .leftJoin(ocopCertificates, eq(ocopCertificates.id, ocopScans.certificateId))
      .where(isNotNull(ocopScans.anomalyOf))
      .orderBy(desc(ocopScans.at), desc(ocopScans.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(ocopScans).where(isNotNull(ocopScans.anomalyOf)),
  ]);
  return { rows, total: counted?.n ?? 0 };
}
