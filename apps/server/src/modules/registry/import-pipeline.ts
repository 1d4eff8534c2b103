import fs from 'node:fs';
import path from 'node:path';
import type { Db, Tx } from '../../db/client.ts';
import { RowErrors } from '../../kernel/xlsx/rows.ts';
import * as repo from './imports.repository.ts';
import { HEADER_ROWS, type ColumnDef } from '../../kernel/xlsx/columns.ts';
import { isExampleRow, type OpenSheet, type SheetRow } from '../../kernel/xlsx/reader.ts';

/**
 * How an import goes through its file: chunk by chunk, each checked against the register and,
 * while no row has failed, written into the import's one transaction, so that memory holds a
 * chunk or two whatever the file's length and the import stays all-or-nothing.
 */

/** A bound on the rows of one import (the national register is ~34,000 entities). */
export const MAX_IMPORT_ROWS = 100_000;
/** Rows checked per lookup and written per statement: all the import holds of the file at once. */
const CHUNK_ROWS = 1000;
/** Progress is saved at most this often: saving it after every chunk cost more than it told. */
const PROGRESS_MS = 250;

const removeFile = (file: string) => fs.promises.rm(file, { force: true });

/**
 * Checks a chunk of rows against the register in two steps: `prepare` reads the cells and starts
 * the lookups, the function it resolves to runs the checks and returns the values of the rows
 * without errors. The next chunk is prepared while the last one waits for its lookups.
 */
export type RowValidator<T> = { prepare(rows: SheetRow[], errors: RowErrors): Promise<() => Promise<T[]>> };
/**
 * Writes checked rows: `encode` makes a chunk the text its statement takes (outside any
 * transaction), `write` and `finish` run in the import's transaction; `finish` returns the rows written.
 */
export type RowWriter<T> = {
  encode(rows: T[]): string;
  write(tx: Tx, chunk: string): Promise<void>;
  finish(tx: Tx): Promise<number>;
};
export type ImportPlan<T> = { validator: RowValidator<T>; writer: RowWriter<T> };
/** How many rows were read, and why the checked rows could not be written, if they could not. */
export type ImportOutcome = { total: number; failure?: unknown };

/** Thrown inside the import's transaction to roll it back. */
class Rollback extends Error {}

/** What the pipeline needs of an import: its id, its open sheet and the template's columns. */
export type PipelineJob = { id: string; sheet: OpenSheet; columns: readonly ColumnDef[] };

/**
 * The import's way through its rows for the database at hand: streamed into the transaction where
 * other connections serve everything else (PostgreSQL), staged then written where there is one
 * connection (PGlite).
 */
export function createImportPipeline(deps: { db: Db; now: () => Date; tmpDir: string }) {
  const { db, now, tmpDir } = deps;

  /**
   * Reads every row once, checking chunk by chunk, and hands each chunk's values to `stage` while
   * no row has failed; after a failure the rest is still checked, for a complete error report.
   * A chunk is prepared (cells read, lookups sent) before the one before it is checked, so the
   * lookups overlap the reading; each chunk keeps its own errors until they join the report in
   * file order. Returns how many rows were read.
   */
  async function checkRows<T>(
    job: PipelineJob,
    validator: RowValidator<T>,
    errors: RowErrors,
    stage: (values: T[]) => Promise<void>,
  ) {
    const { columns } = job;
    let chunk: SheetRow[] = [];
    let total = 0;
    let checked = 0;
    let savedAt = performance.now();
    let ahead: { rows: number; errors: RowErrors; checks: Promise<() => Promise<T[]>> } | undefined;
    const finishAhead = async () => {
      if (!ahead) return;
      const { rows, errors: own, checks } = ahead;
      ahead = undefined;
      const values = await (await checks)();
      errors.append(own);
      checked += rows;
      if (errors.count === 0) await stage(values);
      if (performance.now() - savedAt >= PROGRESS_MS) {
        savedAt = performance.now();
        await repo.updateImport(db, job.id, { processedRows: checked });
      }
    };
    const flush = async () => {
      const own = new RowErrors();
      const checks = validator.prepare(chunk, own);
      // Awaited in turn by `finishAhead`; until then a failure must not count as unhandled.
      checks.catch(() => {});
      const rows = chunk.length;
      chunk = [];
      await finishAhead();
      ahead = { rows, errors: own, checks };
    };
    reading: for await (const batch of job.sheet.rows()) {
      for (const row of batch) {
        if (row.number === HEADER_ROWS + 1 && isExampleRow(columns, row)) continue;
        if (total === MAX_IMPORT_ROWS) {
          const message = `Tệp có quá nhiều dòng: tối đa ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng mỗi lần nhập`;
          await flush();
          await finishAhead();
          errors.add({ row: row.number, column: null, code: 'too_many_rows', message });
          break reading;
        }
        chunk.push(row);
        total++;
        if (chunk.length === CHUNK_ROWS) await flush();
      }
    }
    if (chunk.length > 0) await flush();
    await finishAhead();
    if (total === 0) errors.add({ row: 0, column: null, code: 'no_rows', message: 'Tệp không có dòng dữ liệu nào' });
    return total;
  }

  const importing = (job: PipelineJob, total: number) =>
    repo.updateImport(db, job.id, { status: 'importing', totalRows: total, processedRows: total });

  /** The end of a clean import, inside its transaction: audit and ratings, then the status. */
  async function complete<T>(tx: Tx, job: PipelineJob, plan: ImportPlan<T>) {
    const inserted = await plan.writer.finish(tx);
    await repo.updateImport(tx, job.id, { status: 'completed', insertedRows: inserted, finishedAt: now() });
  }

  /**
   * PostgreSQL: rows are written as they pass, into one transaction on a connection of its own,
   * while the pool serves the lookups, the progress and every other request. The database writes
   * a chunk on its own core while the next chunk is read and checked. After the first row error
   * nothing more is written and the transaction is rolled back at the end.
   */
  async function streamIntoTransaction<T>(
    job: PipelineJob,
    plan: ImportPlan<T>,
    errors: RowErrors,
  ): Promise<ImportOutcome> {
    const outcome: ImportOutcome = { total: 0 };
    let writing = Promise.resolve();
    let committing = false;
    try {
      await db.transaction(async (tx) => {
        outcome.total = await checkRows(job, plan.validator, errors, async (values) => {
          if (outcome.failure !== undefined) return;
          const chunk = plan.writer.encode(values);
          // One statement at a time on the transaction's connection; a failure stops the writing.
          await writing;
          if (outcome.failure !== undefined) return;
          writing = plan.writer.write(tx, chunk).catch((err: unknown) => void (outcome.failure = err));
        }).finally(() => writing);
        if (errors.count > 0 || outcome.failure !== undefined) throw new Rollback();
        await importing(job, outcome.total);
        await complete(tx, job, plan).catch((err: unknown) => {
          outcome.failure = err;
          throw new Rollback();
        });
        committing = true;
      });
    } catch (err) {
      if (committing) outcome.failure = err;
      else if (!(err instanceof Rollback)) throw err;
    }
    return outcome;
  }

  /**
   * PGlite: one connection, so an open transaction would hold every other request, the import's
   * own progress included, until the import ends. The checked chunks wait in a temporary file,
   * already encoded, and one transaction writes them once every row has passed: only the writing
   * blocks other requests, and memory still holds a chunk or two.
   */
  async function stageThenWrite<T>(job: PipelineJob, plan: ImportPlan<T>, errors: RowErrors): Promise<ImportOutcome> {
    const staged = path.join(tmpDir, `hoptac-import-${job.id}.staged`);
    const file = await fs.promises.open(staged, 'w+', 0o600);
    // Byte length of each staged chunk, to read them back as written.
    const lengths: number[] = [];
    try {
      const total = await checkRows(job, plan.validator, errors, async (values) => {
        const bytes = Buffer.from(plan.writer.encode(values));
        await file.writeFile(bytes); // all of it, from where the last chunk ended
        lengths.push(bytes.length);
      });
      if (errors.count > 0) return { total };
      await importing(job, total);
      try {
        await db.transaction(async (tx) => {
          let position = 0;
          for (const length of lengths) {
            const { buffer, bytesRead } = await file.read(Buffer.allocUnsafe(length), 0, length, position);
            if (bytesRead !== length) throw new Error('The staged rows were cut short');
            position += length;
            await plan.writer.write(tx, buffer.toString('utf8'));
          }
          await complete(tx, job, plan);
        });
        return { total };
      } catch (err) {
        return { total, failure: err };
      }
    } finally {
      await file.close();
      await removeFile(staged);
    }
  }

  return repo.hasConnectionPool(db) ? streamIntoTransaction : stageThenWrite;
}
