import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportJob, Role } from '@hoptac/core';
import { openDatabase, type DatabaseTarget } from '../../../apps/server/src/db/client.ts';
import { findCredentialsByEmail } from '../../../apps/server/src/modules/identity/identity.repository.ts';
import { measureBatchedInsert } from './batched-insert.ts';
import type { BenchAccount } from './databases.ts';
import { describeWorkload, findImportTargets, storedRows, workloadRows, writeWorkbook } from './import-workload.ts';
import { signIn } from './measure.ts';
import type { RunningServer } from './server.ts';

/**
 * The registry issue's import requirement: importing a 10,000-row XLSX of annual reports runs at
 * ≥ 0.5 × the speed of a batched insert of the same rows, with bounded memory.
 */
export const IMPORT_ROWS = 10_000;
export const IMPORT_TARGET_RATIO = 0.5;
/** Only city admins may import for every commune. */
export const IMPORT_ROLE: Role = 'city_admin';

const FILE_NAME = 'bao-cao-nam-bench.xlsx';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const POLL_MS = 50;
const RSS_SAMPLE_MS = 100;
const IMPORT_TIMEOUT_MS = 10 * 60_000;

export type ImportOutcome = {
  rows: number;
  /** failing = the import did not complete with every row written: its figures are not a measurement. */
  status: 'ok' | 'failing';
  problems: string[];
  years?: string;
  entities?: number;
  fileMiB?: number;
  /** Upload start to the poll that saw the import completed. */
  importSec?: number;
  /**
   * Where that time went, from the import's status as polled (± a poll): receiving the file and
   * checking its headers (until the 202), reading and checking the rows ('validating'), the rest
   * (the write transaction).
   */
  phases?: { uploadSec: number; checkSec: number; writeSec: number };
  importRowsPerSec?: number;
  ceilingSec?: number;
  ceilingRowsPerSec?: number;
  ratio?: number;
  meetsTarget?: boolean;
  /** Server RSS just before the upload and the highest sample while the import ran; absent without /proc. */
  rss?: { beforeMiB: number; peakMiB: number };
};

/** The workload file and ceiling, ready before the server starts; `measure` runs the import. */
export type PreparedImport = {
  measure(server: RunningServer, account: BenchAccount): Promise<ImportOutcome>;
  dispose(): Promise<void>;
};

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Resident memory of a process from /proc (Linux), in MiB; null where there is no /proc. */
function readRssMiB(pid: number): number | null {
  try {
    const kib = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib === undefined ? null : Number(kib) / 1024;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every 100 ms until stopped; reports the first sample and the highest. */
function sampleRss(pid: number) {
  const before = readRssMiB(pid);
  let peak = before;
  const timer = setInterval(() => {
    const now = readRssMiB(pid);
    if (now !== null && (peak === null || now > peak)) peak = now;
  }, RSS_SAMPLE_MS);
  return {
    stop(): { beforeMiB: number; peakMiB: number } | undefined {
      clearInterval(timer);
      return before === null || peak === null ? undefined : { beforeMiB: before, peakMiB: peak };
    },
  };
}

/** Uploads the file as the web client does (multipart, one file field); returns the import's id. */
async function upload(baseUrl: string, cookie: string, file: string): Promise<string> {
  const form = new FormData();
  form.append('file', await fs.openAsBlob(file, { type: XLSX_TYPE }), FILE_NAME);
  const res = await fetch(`${baseUrl}/api/registry/imports?kind=annual-reports`, {
    method: 'POST',
    headers: { cookie },
    body: form,
    signal: AbortSignal.timeout(120_000),
  });
  const text = await res.text();
  if (res.status !== 202) throw new Error(`the upload answered ${res.status}: ${text.slice(0, 300)}`);
  return (JSON.parse(text) as { id: string }).id;
}

/**
 * Polls the import until it has completed or failed; also returns when the last poll still saw it
 * 'validating' (as `elapsed()` tells), where the write began give or take a poll. Not the first
 * 'importing' answer: on PGlite a poll sent during the write waits for its transaction to end,
 * so it answers 'completed'.
 */
async function finished(
  baseUrl: string,
  cookie: string,
  id: string,
  elapsed: () => number,
): Promise<{ job: ImportJob; checkedBySec: number }> {
  const deadline = Date.now() + IMPORT_TIMEOUT_MS;
  let checkedBySec = elapsed();
  while (Date.now() < deadline) {
    const res = await fetch(`${baseUrl}/api/registry/imports/${id}`, {
      headers: { cookie },
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`polling the import answered ${res.status}: ${text.slice(0, 300)}`);
    const job = JSON.parse(text) as ImportJob;
    if (job.status === 'completed' || job.status === 'failed') return { job, checkedBySec };
    if (job.status === 'validating') checkedBySec = elapsed();
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error(`the import did not finish within ${IMPORT_TIMEOUT_MS / 60_000} minutes`);
}

/** Why a finished import is not the measurement we asked for, if it is not. */
function jobProblems(job: ImportJob, rows: number): string[] {
  const problems: string[] = [];
  if (job.status !== 'completed') problems.push(`import ${job.status}`);
  if (job.errorCount > 0) {
    const first = job.errors
      .slice(0, 3)
      .map((e) => `row ${e.row}${e.column ? ` (${e.column})` : ''}: ${e.code} ${e.message}`)
      .join('; ');
    problems.push(`${job.errorCount} row errors, first: ${first}`);
  }
  if (job.insertedRows !== rows) problems.push(`${job.insertedRows} of ${rows} rows written`);
  if (job.totalRows !== rows) problems.push(`${job.totalRows ?? 'no'} rows read of ${rows}`);
  return problems;
}

/**
 * Prepares the import benchmark on a database the server has not opened yet: picks the workload,
 * measures the batched-insert ceiling and writes the XLSX file. PGlite's data directory has a
 * single owner, so the ceiling runs here, in the bench process, on the same data directory before
 * the server takes it; PostgreSQL gets the same treatment so both passes measure alike. Never
 * throws: a failure becomes a failing outcome when `measure` is called.
 */
export async function prepareImport(
  target: DatabaseTarget,
  account: BenchAccount,
  log: (line: string) => void,
): Promise<PreparedImport> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'hoptac-bench-import-'));
  const dispose = () => fs.promises.rm(dir, { recursive: true, force: true });
  const file = path.join(dir, FILE_NAME);
  const base: ImportOutcome = { rows: IMPORT_ROWS, status: 'failing', problems: [] };
  let ceilingMs: number;
  try {
    const database = await openDatabase(target);
    try {
      const rows = workloadRows(await findImportTargets(database.db, IMPORT_ROWS, new Date()));
      Object.assign(base, describeWorkload(rows));
      const submitter = await findCredentialsByEmail(database.db, account.email);
      if (!submitter) throw new Error(`no user ${account.email} to submit the ceiling's reports`);
      ceilingMs = await measureBatchedInsert(database, await storedRows(database.db, rows, submitter.id, new Date()));
      await writeWorkbook(file, rows);
    } finally {
      await database.close();
    }
    base.fileMiB = (await fs.promises.stat(file)).size / 1024 ** 2;
  } catch (err) {
    await dispose();
    const problem = `preparing the import failed: ${errorText(err)}`;
    log(`  ${problem}`);
    return { measure: async () => ({ ...base, problems: [problem] }), dispose: async () => {} };
  }
  base.ceilingSec = ceilingMs / 1000;
  base.ceilingRowsPerSec = IMPORT_ROWS / base.ceilingSec;
  log(
    `  import workload: ${IMPORT_ROWS.toLocaleString('en')} reports of ${base.entities?.toLocaleString('en')} entities, ` +
      `${base.years}, ${base.fileMiB.toFixed(1)} MiB; batched insert ${Math.round(base.ceilingRowsPerSec)} rows/s`,
  );

  return {
    dispose,
    async measure(server, importer) {
      const outcome: ImportOutcome = { ...base };
      let sampler: ReturnType<typeof sampleRss> | undefined;
      try {
        // Before the clock starts: signing in also waits out requests the last route load abandoned
        // (on PGlite they queue ahead of any query), so the import does not pay for them.
        const cookie = await signIn(server.baseUrl, importer);
        sampler = sampleRss(server.pid);
        const started = performance.now();
        const elapsed = () => (performance.now() - started) / 1000;
        const id = await upload(server.baseUrl, cookie, file);
        const uploadSec = elapsed();
        const { job, checkedBySec } = await finished(server.baseUrl, cookie, id, elapsed);
        outcome.importSec = elapsed();
        outcome.phases = {
          uploadSec,
          checkSec: checkedBySec - uploadSec,
          writeSec: outcome.importSec - checkedBySec,
        };
        outcome.problems = jobProblems(job, IMPORT_ROWS);
      } catch (err) {
        outcome.problems = [errorText(err)];
      } finally {
        outcome.rss = sampler?.stop();
      }
      if (!server.alive()) outcome.problems.push('server exited during the import');
      outcome.status = outcome.problems.length > 0 ? 'failing' : 'ok';
      if (outcome.status === 'ok' && outcome.importSec) {
        outcome.importRowsPerSec = IMPORT_ROWS / outcome.importSec;
        outcome.ratio = outcome.importRowsPerSec / base.ceilingRowsPerSec!;
        outcome.meetsTarget = outcome.ratio >= IMPORT_TARGET_RATIO;
      }
      return outcome;
    },
  };
}
