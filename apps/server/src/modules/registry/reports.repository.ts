import { and, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { annualReports, entities } from './registry.schema.ts';

export type ReportRow = typeof annualReports.$inferSelect;
export type ReportValues = typeof annualReports.$inferInsert;

/** Rows per bulk statement: ~1,000 rows of reports is where a bigger jsonb parameter stopped paying. */
export const BULK_CHUNK = 1000;

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
 * The columns an imported report writes, in the order of its positional JSON row: every column
 * but the id and the return reason (a returned report keeps it when replaced). The workflow stamps
 * are written as null where the status has none, so a replaced report keeps no stale stamps.
 */
const WRITTEN = Object.entries(getTableColumns(annualReports)).filter(
  ([key]) => key !== 'id' && key !== 'returnReason',
);
const WRITTEN_KEYS = WRITTEN.map(([key]) => key as keyof ReportValues);
const writtenNames = sql.raw(WRITTEN.map(([, c]) => `"${c.name}"`).join(', '));
// jsonb cells stay jsonb (a JSON null becomes SQL NULL); the rest is cast from text.
const writtenValues = sql.raw(
  WRITTEN.map(([, c], i) =>
    c.getSQLType() === 'jsonb' ? `nullif(x.v->${i}, 'null'::jsonb)` : `(x.v->>${i})::${c.getSQLType()}`,
  ).join(', '),
);
// On conflict everything but the identity and the creation time takes the incoming value.
const KEPT_ON_CONFLICT = new Set(['entityId', 'year', 'createdAt']);
const replaced = sql.raw(
  WRITTEN.filter(([key]) => !KEPT_ON_CONFLICT.has(key))
    .map(([, c]) => `"${c.name}" = excluded."${c.name}"`)
    .join(', '),
);

/**
 * Reports as one JSON array of positional rows (`upsertReportsJson` takes it): without the key
 * names an object per row would repeat, the text is half as long and quicker to build and parse.
 * `createdAt` defaults to `at`, `updatedAt` is `at`.
 */
export function reportsJson(rows: readonly ReportValues[], at: Date): string {
  // The rows share a few Date objects (the import's clock): each is formatted once, not per cell.
  let lastDate: Date | undefined;
  let lastIso = '';
  const cell = (value: unknown) => {
    if (!(value instanceof Date)) return value ?? null;
    if (value !== lastDate) {
      lastDate = value;
      lastIso = value.toISOString();
    }
    return lastIso;
  };
  return JSON.stringify(
    rows.map((r) =>
      WRITTEN_KEYS.map((key) => cell(key === 'updatedAt' ? at : key === 'createdAt' ? (r.createdAt ?? at) : r[key])),
    ),
  );
}

/**
 * Writes reports from `reportsJson`, replacing drafts and returned reports of the same entity and
 * year; returns how many rows were written: fewer than given means some existing reports were
 * locked (submitted, accepted or approved) and were left alone. The rows travel as ONE jsonb
 * parameter: binding ~35 values per row separately costs more than the insert itself at import
 * sizes, and positional rows cost PostgreSQL less to take apart than objects (jsonb_to_recordset).
 */
export async function upsertReportsJson(db: DbOrTx, json: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with written as (
          insert into annual_reports (${writtenNames})
          select ${writtenValues} from jsonb_array_elements(${json}::jsonb) as x(v)
          on conflict (entity_id, year) do update set ${replaced}
          where annual_reports.status in ('draft', 'returned')
          returning 1)
        select count(*)::int as n from written`,
  );
  return row!.n;
}
