import { and, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { annualReports, entities } from './registry.schema.ts';

export type ReportRow = typeof annualReports.$inferSelect;
export type ReportValues = typeof annualReports.$inferInsert;

/** Rows per multi-row INSERT: ~40 columns × 500 stays far below PostgreSQL's 65,535 parameters. */
export const BULK_CHUNK = 500;

/** One entity's report for a year; `lock` holds the row until the transaction ends. */
export async function findReport(db: DbOrTx, entityId: string, year: number, lock = false): Promise<ReportRow | null> {
  const query = db
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.entityId, entityId), eq(annualReports.year, year)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Every report of an entity, newest year first. */
export async function listReports(db: DbOrTx, entityId: string): Promise<ReportRow[]> {
  return db.select().from(annualReports).where(eq(annualReports.entityId, entityId)).orderBy(desc(annualReports.year));
}

/** Inserts a report; null when one for the same entity and year appeared meanwhile. */
export async function insertReport(db: DbOrTx, values: ReportValues): Promise<ReportRow | null> {
  const [row] = await db.insert(annualReports).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateReport(db: DbOrTx, id: string, values: Partial<ReportValues>): Promise<ReportRow> {
  const [row] = await db.update(annualReports).set(values).where(eq(annualReports.id, id)).returning();
  return row!;
}

/**
 * Copies the classification of the entity's latest approved report onto the entity row (the
 * register filters on it); with no approved report left the entity has no rating.
 */
export async function syncEntityRating(db: DbOrTx, entityId: string, now: Date) {
  const [latest] = await db
    .select({ year: annualReports.year, rating: annualReports.rating, scaleClass: annualReports.scaleClass })
    .from(annualReports)
    .where(and(eq(annualReports.entityId, entityId), eq(annualReports.status, 'approved')))
    .orderBy(desc(annualReports.year))
    .limit(1);
  const values = {
    rating: latest?.rating ?? null,
    ratingYear: latest?.year ?? null,
    scaleClass: latest?.scaleClass ?? null,
  };
  await db
    .update(entities)
    .set({ ...values, updatedAt: now })
    .where(eq(entities.id, entityId));
  return values;
}

/** syncEntityRating for many entities at once (after a bulk import of approved reports). */
export async function syncEntityRatingsBulk(db: DbOrTx, entityIds: string[], now: Date) {
  for (let i = 0; i < entityIds.length; i += BULK_CHUNK) {
    const ids = entityIds.slice(i, i + BULK_CHUNK);
    const latest = db
      .selectDistinctOn([annualReports.entityId], {
        entityId: annualReports.entityId,
        year: annualReports.year,
        rating: annualReports.rating,
        scaleClass: annualReports.scaleClass,
      })
      .from(annualReports)
      .where(and(inArray(annualReports.entityId, ids), eq(annualReports.status, 'approved')))
      .orderBy(annualReports.entityId, desc(annualReports.year))
      .as('latest');
    await db
      .update(entities)
      .set({
        rating: sql`${latest.rating}`,
        ratingYear: sql`${latest.year}`,
        scaleClass: sql`${latest.scaleClass}`,
        updatedAt: now,
      })
      .from(latest)
      .where(eq(entities.id, latest.entityId));
  }
}

/** Status and figures of existing reports for (entity, year) pairs, keyed `${entityId}:${year}`. */
export async function findReportsByKeys(db: DbOrTx, keys: { entityId: string; year: number }[]) {
  const found = new Map<string, ReportRow>();
  const wanted = new Set(keys.map((k) => `${k.entityId}:${k.year}`));
  const ids = [...new Set(keys.map((k) => k.entityId))];
  const years = [...new Set(keys.map((k) => k.year))];
  for (let i = 0; i < ids.length; i += BULK_CHUNK) {
    const rows = await db
      .select()
      .from(annualReports)
      .where(and(inArray(annualReports.entityId, ids.slice(i, i + BULK_CHUNK)), inArray(annualReports.year, years)));
    for (const r of rows) {
      const key = `${r.entityId}:${r.year}`;
      if (wanted.has(key)) found.set(key, r);
    }
  }
  return found;
}

/**
 * Inserts reports in multi-row statements, replacing existing drafts and returned reports of the
 * same entity and year. Returns how many rows were written: fewer than given means some existing
 * reports were locked (submitted, accepted or approved) and were left alone.
 */
/**
 * Writes many reports, replacing drafts and returned reports of the same entity and year. Each
 * chunk travels as ONE jsonb parameter expanded by jsonb_to_recordset: binding ~40 values per row
 * separately costs more than the insert itself at import sizes (10,000 rows).
 */
export async function upsertReportsChunked(db: DbOrTx, rows: ReportValues[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.entries(getTableColumns(annualReports)).filter(([key]) => key in rows[0]!);
  const names = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(', '));
  const recordType = sql.raw(columns.map(([, c]) => `"${c.name}" ${c.getSQLType()}`).join(', '));
  const updates = sql.raw(
    columns
      .filter(([key]) => !KEPT_ON_CONFLICT.has(key))
      .map(([, c]) => `"${c.name}" = excluded."${c.name}"`)
      .join(', '),
  );
  let written = 0;
  for (let i = 0; i < rows.length; i += BULK_CHUNK) {
    const part = rows
      .slice(i, i + BULK_CHUNK)
      .map((r) => Object.fromEntries(columns.map(([key, c]) => [c.name, r[key as keyof ReportValues] ?? null])));
    const done = await queryRows<{ id: string }>(
      db,
      sql`insert into annual_reports (${names})
          select ${names} from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as x(${recordType})
          on conflict (entity_id, year) do update set ${updates}, updated_at = ${now}
          where annual_reports.status in ('draft', 'returned')
          returning id`,
    );
    written += done.length;
  }
  return written;
}

// Identity columns stay; everything else takes the incoming row's value (excluded.*).
const KEPT_ON_CONFLICT = new Set(['id', 'entityId', 'year', 'createdAt', 'updatedAt']);
