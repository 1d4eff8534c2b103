import { getTableColumns, sql } from 'drizzle-orm';
import type { Database } from '../../../apps/server/src/db/client.ts';
import { annualReports } from '../../../apps/server/src/modules/registry/registry.schema.ts';
import type { ReportValues } from '../../../apps/server/src/modules/registry/reports.repository.ts';

/**
 * The import benchmark's ceiling: the same rows inserted with plain multi-row INSERTs, straight
 * through the server's driver (`pg` or PGlite). Not through drizzle's query builder: at 1,000 rows
 * per statement, building the SQL alone takes longer than the database takes to insert the rows
 * (~1.8 s of 10,000 rows' ~2.5 s on PGlite), and a ceiling must measure the database, not the builder.
 */

/** Rows per INSERT: ~37 columns × 1,000 rows stays below PostgreSQL's 65,535 parameters. */
export const CEILING_BATCH = 1_000;

/** What both drivers offer: `pg`'s pooled client and PGlite answer `query(text, params)`. */
type RawClient = { query(text: string, params?: unknown[]): Promise<unknown> };
type RawPool = { connect(): Promise<RawClient & { release(): void }> };

/** One connection of the driver drizzle wraps, for the duration of `body`. */
async function withDriver<T>(database: Database, body: (client: RawClient) => Promise<T>): Promise<T> {
  const client = (database.db as unknown as { $client: RawClient | RawPool }).$client;
  if (database.kind === 'pglite') return body(client as RawClient);
  const connection = await (client as RawPool).connect();
  try {
    return await body(connection);
  } finally {
    connection.release();
  }
}

/** `($1, $2, …), ($n+1, …)` for `rows` rows of `width` values. */
function placeholders(rows: number, width: number): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    tuples.push(`(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`);
  }
  return tuples.join(', ');
}

/** The rows in one transaction of multi-row INSERTs; resolves with the time of that transaction in ms. */
async function insertBatched(client: RawClient, rows: readonly ReportValues[]): Promise<number> {
  const columns = Object.entries(getTableColumns(annualReports)).filter(([key]) => key in rows[0]!);
  const names = columns.map(([, c]) => `"${c.name}"`).join(', ');
  // Both drivers send a string as is: jsonb values go as JSON text (pg would turn a JS array into
  // a PostgreSQL array literal).
  const cells = columns.map(([key, c]) => {
    const json = c.getSQLType() === 'jsonb';
    return (row: ReportValues) => {
      const value = row[key as keyof ReportValues] ?? null;
      return json && value !== null ? JSON.stringify(value) : value;
    };
  });
  const started = performance.now();
  await client.query('begin');
  try {
    for (let i = 0; i < rows.length; i += CEILING_BATCH) {
      const batch = rows.slice(i, i + CEILING_BATCH);
      await client.query(
        `insert into annual_reports (${names}) values ${placeholders(batch.length, columns.length)}`,
        batch.flatMap((row) => cells.map((cell) => cell(row))),
      );
    }
    await client.query('commit');
  } catch (err) {
    await client.query('rollback');
    throw err;
  }
  return performance.now() - started;
}

/**
 * Removes the rows again and vacuums, so the next round (and the import) inserts into the table
 * as the first found it: dead index entries for the same keys would make uniqueness checks dearer.
 */
async function removeRows(database: Database, rows: readonly ReportValues[]): Promise<void> {
  const ids = rows.map((r) => r.entityId);
  const years = rows.map((r) => r.year);
  await database.db.execute(
    sql`delete from annual_reports
        where (entity_id, year) in (select * from unnest(${sql.param(ids)}::uuid[], ${sql.param(years)}::int[]))`,
  );
  await database.db.execute(sql`vacuum (analyze) annual_reports`);
}

/** Timed rounds after the warm-up; their median is the ceiling (single rounds vary by half or more). */
const TIMED_ROUNDS = 3;

/**
 * Times the batched insert: an untimed warm-up round (a freshly opened database has cold caches,
 * and PGlite a fresh WebAssembly heap), then the median of three timed rounds. Every round's rows
 * are removed again, so the table ends as it started.
 */
export async function measureBatchedInsert(database: Database, rows: readonly ReportValues[]): Promise<number> {
  if (rows.length === 0) throw new Error('no rows to insert');
  const times: number[] = [];
  for (let round = 0; round <= TIMED_ROUNDS; round++) {
    const ms = await withDriver(database, (client) => insertBatched(client, rows));
    await removeRows(database, rows);
    if (round > 0) times.push(ms);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}
