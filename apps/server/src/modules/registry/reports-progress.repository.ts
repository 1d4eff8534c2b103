import { COOPERATIVE_TYPES, CURRENT_SCHEME } from '@hoptac/core';
import { and, asc, count, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { adminUnits } from '../places/places.schema.ts';
import { annualReports, entities, reportDeadlines } from './registry.schema.ts';

/** Statuses in which an entity is expected to report; dissolved, bankrupt and revoked ones are not. */
export const EXPECTED_STATUSES = ['active', 'suspended', 'reorganising'];

export async function findDeadlines(db: DbOrTx, years: number[]): Promise<Map<number, string>> {
  if (years.length === 0) return new Map();
  const rows = await db.select().from(reportDeadlines).where(inArray(reportDeadlines.year, years));
  return new Map(rows.map((r) => [r.year, r.dueDate]));
}

export async function upsertDeadline(db: DbOrTx, year: number, dueDate: string) {
  await db
    .insert(reportDeadlines)
    .values({ year, dueDate })
    .onConflictDoUpdate({ target: reportDeadlines.year, set: { dueDate } });
}

export type ProgressFilter = {
  year: number;
  /** null: every commune (city admin). */
  communes: string[] | null;
};

/**
 * Entities expected to report for a year: cooperative types with a live status registered by the
 * year's end. The status is today's, not the one the entity had that year; the status history
 * could refine this later, at the price of a heavier query.
 */
function expectedWhere(f: ProgressFilter): SQL | undefined {
  return and(
    eq(entities.communeScheme, CURRENT_SCHEME),
    inArray(entities.type, [...COOPERATIVE_TYPES]),
    inArray(entities.status, EXPECTED_STATUSES),
    or(isNull(entities.registrationDate), sql`${entities.registrationDate} <= ${`${f.year}-12-31`}::date`),
    f.communes === null ? undefined : f.communes.length > 0 ? inArray(entities.communeCode, f.communes) : sql`false`,
  );
}

const reportOfYear = (year: number) => and(eq(annualReports.entityId, entities.id), eq(annualReports.year, year));
const communeUnit = and(eq(adminUnits.scheme, entities.communeScheme), eq(adminUnits.code, entities.communeCode));
/** Nothing submitted: no report at all or one still in draft. */
const notSubmitted = sql`(${annualReports.id} is null or ${annualReports.status} = 'draft')`;

const countWhere = (cond: SQL) => sql<number>`(count(*) filter (where ${cond}))::int`;

/**
 * Per commune: expected entities, their reports by status, missing ones and late ones, in one
 * grouped query. Late = submitted after the deadline, or not submitted and the deadline has passed.
 */
export async function completenessByCommune(db: DbOrTx, f: ProgressFilter, lateAfter: Date, now: Date) {
  const byStatus = (s: string) => countWhere(sql`${annualReports.status} = ${s}`);
  const submittedOrNow = sql`coalesce(${annualReports.submittedAt}, ${now.toISOString()}::timestamptz)`;
  return db
    .select({
      code: entities.communeCode,
      fullName: adminUnits.fullName,
      expected: sql<number>`count(*)::int`,
      draft: byStatus('draft'),
      submitted: byStatus('submitted'),
      accepted: byStatus('accepted'),
      approved: byStatus('approved'),
      returned: byStatus('returned'),
      missing: countWhere(notSubmitted),
      late: countWhere(sql`${submittedOrNow} >= ${lateAfter.toISOString()}::timestamptz`),
    })
    .from(entities)
    .innerJoin(adminUnits, communeUnit)
    .leftJoin(annualReports, reportOfYear(f.year))
    .where(expectedWhere(f))
    .groupBy(entities.communeCode, adminUnits.fullName)
    .orderBy(asc(entities.communeCode));
}

/** A page of expected entities that have not submitted the year's report, by commune then name. */
export async function listMissing(db: DbOrTx, f: ProgressFilter, limit: number, offset: number) {
  const where = and(expectedWhere(f), notSubmitted);
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: entities.id,
        name: entities.name,
        type: entities.type,
        communeCode: entities.communeCode,
        communeFullName: adminUnits.fullName,
        reportStatus: annualReports.status,
      })
      .from(entities)
      .innerJoin(adminUnits, communeUnit)
      .leftJoin(annualReports, reportOfYear(f.year))
      .where(where)
      .orderBy(asc(entities.communeCode), asc(entities.nameFolded), asc(entities.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(entities).leftJoin(annualReports, reportOfYear(f.year)).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}
