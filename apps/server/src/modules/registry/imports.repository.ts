import type { ImportRowError, ReportFigures } from '@hoptac/core';
import { and, eq, inArray, lt, notInArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { queryRows, type Db, type DbOrTx } from '../../db/client.ts';
import type { EntityValues } from './entities.repository.ts';
import { entities, entityStatusHistory, registryImports } from './registry.schema.ts';

export type ImportRow = typeof registryImports.$inferSelect;

/** Rows per multi-row INSERT: ~40 columns × 500 stays far below PostgreSQL's 65,535 parameters. */
export const INSERT_CHUNK = 500;

/**
 * True when the database runs other queries while a transaction is open (a PostgreSQL pool);
 * false for PGlite, whose one connection serves nothing else until the transaction ends.
 */
export function hasConnectionPool(db: Db): boolean {
  return (db as unknown as { $client: unknown }).$client instanceof pg.Pool;
}

export async function insertImport(
  db: DbOrTx,
  v: { kind: string; fileName: string; status: string; createdBy: string },
): Promise<string> {
  const [row] = await db.insert(registryImports).values(v).returning({ id: registryImports.id });
  return row!.id;
}

export async function findImport(db: DbOrTx, id: string): Promise<ImportRow | null> {
  const [row] = await db.select().from(registryImports).where(eq(registryImports.id, id));
  return row ?? null;
}

export async function updateImport(
  db: DbOrTx,
  id: string,
  v: Partial<{
    status: string;
    totalRows: number;
    processedRows: number;
    insertedRows: number;
    errors: ImportRowError[];
    errorCount: number;
    finishedAt: Date;
  }>,
): Promise<void> {
  await db.update(registryImports).set(v).where(eq(registryImports.id, id));
}

/** Tells other processes these imports are still running here. */
export async function touchImports(db: DbOrTx, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(registryImports)
    .set({ heartbeatAt: at })
    .where(inArray(registryImports.id, [...ids]));
}

/**
 * Closes as failed the unfinished imports whose heartbeat stopped before `staleBefore`: their
 * process ended mid-way, and their transaction, if any, was rolled back with it. Returns how many.
 */
export async function failStaleImports(
  db: DbOrTx,
  v: { staleBefore: Date; runningHere: readonly string[]; error: ImportRowError; at: Date },
): Promise<number> {
  const { staleBefore, runningHere, error, at } = v;
  const closed = await db
    .update(registryImports)
    .set({ status: 'failed', errors: [error], errorCount: 1, finishedAt: at })
    .where(
      and(
        inArray(registryImports.status, ['validating', 'importing']),
        lt(registryImports.heartbeatAt, staleBefore),
        // This process's own imports are alive even when their heartbeat queued behind their write.
        runningHere.length > 0 ? notInArray(registryImports.id, [...runningHere]) : undefined,
      ),
    )
    .returning({ id: registryImports.id });
  return closed.length;
}

/**
 * What checking a report row needs, for (registration code, year) pairs: each entity with the code
 * (several when the code belongs to entities of different types), the status of its report for
 * that year and the figures of its report for the year before (null when there is none). One
 * round trip per chunk of rows, each report found by its (entity, year) key, and only the columns
 * the checks read. Keyed by `reportTargetKey`.
 */
export async function findReportTargets(
  db: DbOrTx,
  keys: readonly { code: string; year: number }[],
): Promise<Map<string, ReportTarget[]>> {
  const found = new Map<string, ReportTarget[]>();
  if (keys.length === 0) return found;
  const codes = sql.param(keys.map((k) => k.code));
  // Keys repeat when rows do (duplicates are reported later): one result per key and entity.
  const rows = await queryRows<ReportTarget>(
    db,
    sql`select k.code, k.year, e.id, e.name, e.type, e.commune_code as "communeCode",
          e.registration_date::text as "registrationDate", e.sectors[1] as "firstSector",
          (select r.status from annual_reports r where r.entity_id = e.id and r.year = k.year) as "currentStatus",
          (select json_build_object(
            'revenue', p.revenue, 'revenueFromMembers', p.revenue_from_members, 'profit', p.profit,
            'totalCapital', p.total_capital, 'indivisibleAssets', p.indivisible_assets,
            'officialMembers', p.official_members, 'associateMembers', p.associate_members,
            'memberHouseholds', p.member_households, 'workers', p.workers, 'memberWorkers', p.member_workers,
            'avgMemberIncome', p.avg_member_income, 'avgWorkerMonthlyIncome', p.avg_worker_monthly_income,
            'valueChainLinks', p.value_chain_links, 'ocopProducts', p.ocop_products)
           from annual_reports p where p.entity_id = e.id and p.year = k.year - 1) as previous
        from (select distinct * from unnest(${codes}::text[], ${sql.param(keys.map((k) => k.year))}::int[])) as k(code, year)
        join entities e on e.code = k.code
        where e.code = any(${codes}::text[])`,
  );
  for (const target of rows) {
    const key = reportTargetKey(target.code, target.year);
    const list = found.get(key);
    if (list) list.push(target);
    else found.set(key, [target]);
  }
  return found;
}

export type ReportTarget = {
  code: string;
  year: number;
  id: string;
  name: string;
  type: string;
  communeCode: string;
  registrationDate: string | null;
  /** The report rules read only the main sector: one text, not an array the driver must parse per row. */
  firstSector: string | null;
  currentStatus: string | null;
  previous: ReportFigures | null;
};

export const reportTargetKey = (code: string, year: number) => `${code}\t${year}`;

/**
 * Inserts entities in multi-row statements with the first entry of each one's status timeline,
 * as the API's registration does. Returns how many were written.
 */
export async function insertEntitiesBulk(
  db: DbOrTx,
  rows: EntityValues[],
  recordedBy: string | null,
  reason: string,
): Promise<number> {
  let written = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const part = rows.slice(i, i + INSERT_CHUNK);
    const ids = await db
      .insert(entities)
      .values(part)
      .returning({ id: entities.id, status: entities.status, statusSince: entities.statusSince });
    await db.insert(entityStatusHistory).values(
      ids.map((r) => ({
        entityId: r.id,
        status: r.status,
        effectiveDate: r.statusSince!,
        reason,
        recordedBy,
      })),
    );
    written += ids.length;
  }
  return written;
}
