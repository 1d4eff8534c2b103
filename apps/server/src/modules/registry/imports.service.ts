import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  vietnamDate,
  type ImportJob,
  type ImportKind,
  type ImportRowError,
  type ImportStatus,
  type SessionUser,
} from '@hoptac/core';
import type { Db, Tx } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../kernel/audit.ts';
import { AppError } from '../../kernel/errors.ts';
import { createEntityRowValidator } from './import-entity-rows.ts';
import { createReportRowValidator } from './import-report-rows.ts';
import { RowErrors } from './import-rows.ts';
import * as repo from './imports.repository.ts';
import { isCityAdmin } from './registry.access.ts';
import { insertReportsBulk } from './reports.service.ts';
import type { HeaderMatch } from './xlsx-cells.ts';
import { HEADER_ROWS } from './xlsx-columns.ts';
import {
  isExampleRow,
  looksLikeZip,
  NotAWorkbookError,
  readDataRows,
  readHeader,
  type SheetRow,
} from './xlsx-reader.ts';
import { buildTemplate, COLUMNS } from './xlsx-templates.ts';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** A bound on the rows held for the final transaction (the national register is ~34,000 entities). */
export const MAX_IMPORT_ROWS = 100_000;
/** Rows validated between two progress updates (and per batched lookup). */
const CHUNK_ROWS = 500;

export type ImportUpload = {
  kind: ImportKind;
  fileName: string;
  /** The uploaded file; `truncated` is set by the multipart parser when the size limit cut it. */
  stream: Readable & { truncated?: boolean };
  /** Aborts receiving the file (a body that ended inside the file part). */
  signal?: AbortSignal;
  acknowledgeDuplicates: boolean;
};

type Job = ImportUpload & { id: string; file: string; header: HeaderMatch; user: SessionUser; actor: Actor };
type RowValidator<T> = { validate(rows: SheetRow[], errors: RowErrors): Promise<T[]> };

const unsupported = () => new AppError('UNSUPPORTED_MEDIA_TYPE', 'The file is not an XLSX workbook');
const removeFile = (file: string) => fs.promises.rm(file, { force: true });

/** Why a validated import could not be written, in the uploader's language. */
function failureMessage(err: unknown): ImportRowError {
  const raced =
    (err instanceof AppError && err.code === 'REPORT_NOT_EDITABLE') ||
    (err as { code?: string } | null)?.code === '23505' ||
    (err as { cause?: { code?: string } } | null)?.cause?.code === '23505';
  const message = raced
    ? 'Dữ liệu trong sổ vừa thay đổi trong lúc nhập (trùng mã số hoặc báo cáo vừa được nộp); không có dòng nào được ghi, hãy nhập lại.'
    : 'Lỗi hệ thống khi ghi dữ liệu; không có dòng nào được ghi. Hãy thử lại hoặc báo quản trị viên.';
  return { row: 0, column: null, code: raced ? 'changed_meanwhile' : 'write_failed', message };
}

export type ImportsServiceDeps = {
  db: Db;
  now?: () => Date;
  tmpDir?: string;
  /** Where background failures are logged (the request that started the import has ended by then). */
  logError?: (err: unknown, msg: string) => void;
};

export function createImportsService(deps: ImportsServiceDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const tmpDir = deps.tmpDir ?? os.tmpdir();
  const running = new Set<Promise<void>>();

  /** Streams the upload to a private temporary file, refusing it when it went over the size limit. */
  async function saveUpload({ stream, signal }: ImportUpload): Promise<string> {
    const file = path.join(tmpDir, `hoptac-import-${randomUUID()}.xlsx`);
    try {
      await pipeline(stream, fs.createWriteStream(file, { mode: 0o600 }), { signal });
      if (stream.truncated) throw new AppError('PAYLOAD_TOO_LARGE', 'The file is larger than 20 MB');
      return file;
    } catch (err) {
      await removeFile(file);
      throw signal?.aborted ? signal.reason : err;
    }
  }

  /** Reads every row once, validating chunk by chunk; values are kept only while no row has failed. */
  async function validateRows<T>(job: Job, validator: RowValidator<T>, errors: RowErrors) {
    const columns = COLUMNS[job.kind];
    const staged: T[] = [];
    let chunk: SheetRow[] = [];
    let total = 0;
    const flush = async () => {
      const valid = await validator.validate(chunk, errors);
      if (errors.count === 0) staged.push(...valid);
      else staged.length = 0;
      chunk = [];
      await repo.updateImport(db, job.id, { processedRows: total });
    };
    for await (const row of readDataRows(job.file, job.header)) {
      if (row.number === HEADER_ROWS + 1 && isExampleRow(columns, row)) continue;
      if (total === MAX_IMPORT_ROWS) {
        const message = `Tệp có quá nhiều dòng: tối đa ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng mỗi lần nhập`;
        errors.add({ row: row.number, column: null, code: 'too_many_rows', message });
        break;
      }
      chunk.push(row);
      total++;
      if (chunk.length === CHUNK_ROWS) await flush();
    }
    if (chunk.length > 0) await flush();
    if (total === 0) errors.add({ row: 0, column: null, code: 'no_rows', message: 'Tệp không có dòng dữ liệu nào' });
    return { staged, total };
  }

  async function importEntities(job: Job, errors: RowErrors) {
    const today = vietnamDate(now());
    const validator = createEntityRowValidator({
      db,
      user: job.user,
      acknowledgeDuplicates: job.acknowledgeDuplicates,
      today,
    });
    const { staged, total } = await validateRows(job, validator, errors);
    return {
      total,
      write: async (tx: Tx) => {
        const reason = `Đăng ký vào sổ (nhập từ tệp ${job.fileName})`;
        const written = await repo.insertEntitiesBulk(tx, staged, job.actor.userId, reason);
        await recordAudit(tx, job.actor, {
          action: 'entity.imported',
          entityType: 'registry_import',
          entityId: job.id,
          after: { kind: job.kind, fileName: job.fileName, count: written },
        });
        return written;
      },
    };
  }

  async function importReports(job: Job, errors: RowErrors) {
    const at = now();
    const validator = createReportRowValidator({ db, user: job.user, now: at });
    const { staged, total } = await validateRows(job, validator, errors);
    return {
      total,
      write: async (tx: Tx) => {
        const source = `registry_import:${job.id}`;
        return (await insertReportsBulk(tx, staged, job.actor, { source, now: at })).written;
      },
    };
  }

  /** The background part: validate every row, then write all of them in one transaction or none. */
  async function run(job: Job): Promise<void> {
    const errors = new RowErrors();
    try {
      const plan = job.kind === 'entities' ? await importEntities(job, errors) : await importReports(job, errors);
      const counts = { totalRows: plan.total, processedRows: plan.total };
      if (errors.count > 0) {
        await repo.updateImport(db, job.id, {
          ...counts,
          status: 'failed',
          errors: errors.items,
          errorCount: errors.count,
          finishedAt: now(),
        });
        return;
      }
      await repo.updateImport(db, job.id, { ...counts, status: 'importing' });
      try {
        await db.transaction(async (tx) => {
          const inserted = await plan.write(tx);
          await repo.updateImport(tx, job.id, { status: 'completed', insertedRows: inserted, finishedAt: now() });
        });
      } catch (err) {
        deps.logError?.(err, 'registry import could not be written');
        const error = failureMessage(err);
        await repo.updateImport(db, job.id, { status: 'failed', errors: [error], errorCount: 1, finishedAt: now() });
      }
    } catch (err) {
      deps.logError?.(err, 'registry import failed');
      const error: ImportRowError = {
        row: 0,
        column: null,
        code: err instanceof NotAWorkbookError ? 'unreadable_file' : 'import_failed',
        message: 'Không đọc hết được tệp; không có dòng nào được ghi.',
      };
      await repo
        .updateImport(db, job.id, { status: 'failed', errors: [error], errorCount: 1, finishedAt: now() })
        .catch((e: unknown) => deps.logError?.(e, 'registry import status could not be saved'));
    } finally {
      await removeFile(job.file);
    }
  }

  return {
    /**
     * Accepts an upload: checks its size, real type and headers now (so the uploader hears about a
     * wrong file at once), records the import and validates and writes the rows in the background.
     */
    async start(user: SessionUser, actor: Actor, upload: ImportUpload): Promise<{ id: string }> {
      const file = await saveUpload(upload);
      let started = false;
      try {
        if (!(await looksLikeZip(file))) throw unsupported();
        const header = await readHeader(file, COLUMNS[upload.kind]).catch((err: unknown) => {
          throw err instanceof NotAWorkbookError ? unsupported() : err;
        });
        if (header.missing.length > 0 || header.duplicated.length > 0) {
          throw new AppError('IMPORT_INVALID', 'The column headings do not match the template', {
            missing: header.missing,
            duplicated: header.duplicated,
          });
        }
        const fileName = upload.fileName.slice(0, 255);
        const id = await repo.insertImport(db, {
          kind: upload.kind,
          fileName,
          status: 'validating',
          createdBy: user.id,
        });
        const job = run({ ...upload, fileName, id, file, header, user, actor });
        started = true;
        running.add(job);
        void job.finally(() => running.delete(job));
        return { id };
      } finally {
        if (!started) await removeFile(file);
      }
    },

    /** An import's progress and row errors, for its uploader or a city admin. */
    async get(user: SessionUser, id: string): Promise<ImportJob> {
      const row = await repo.findImport(db, id);
      if (!row) throw new AppError('NOT_FOUND', 'No such import');
      if (row.createdBy !== user.id && !isCityAdmin(user)) throw new AppError('FORBIDDEN', 'Not your import');
      return {
        id: row.id,
        kind: row.kind as ImportKind,
        fileName: row.fileName,
        status: row.status as ImportStatus,
        totalRows: row.totalRows,
        processedRows: row.processedRows,
        insertedRows: row.insertedRows,
        errors: row.errors as ImportRowError[],
        errorCount: row.errorCount,
        createdAt: row.createdAt.toISOString(),
        finishedAt: row.finishedAt?.toISOString() ?? null,
      };
    },

    /** The downloadable XLSX template of a kind. */
    template(kind: ImportKind): Promise<Buffer> {
      return buildTemplate(kind);
    },

    /** Resolves when the imports running in this process have finished (shutdown, tests). */
    async drain(): Promise<void> {
      await Promise.allSettled([...running]);
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
