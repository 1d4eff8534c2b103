import fs from 'node:fs';
import os from 'node:os';
import type { Readable } from 'node:stream';
import {
  vietnamDate,
  type ImportJob,
  type ImportKind,
  type ImportRowError,
  type ImportStatus,
  type SessionUser,
} from '@hoptac/core';
import type { Db } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../kernel/audit.ts';
import { AppError } from '../../kernel/errors.ts';
import { saveUpload } from '../../kernel/uploads.ts';
import type { EntityValues } from './entities.repository.ts';
import { createEntityRowValidator } from './import-entity-rows.ts';
import { createReportRowValidator } from './import-report-rows.ts';
import { createImportPipeline, type ImportPlan } from './import-pipeline.ts';
import { RowErrors } from '../../kernel/xlsx/rows.ts';
import * as repo from './imports.repository.ts';
import { isCityAdmin } from './registry.access.ts';
import type { ReportValues } from './reports.repository.ts';
import { createReportsWriter } from './reports.service.ts';
import type { ColumnDef } from '../../kernel/xlsx/columns.ts';
import { looksLikeZip, NotAWorkbookError, openSheet, type OpenSheet } from '../../kernel/xlsx/reader.ts';
import { buildTemplate, COLUMNS } from './xlsx-templates.ts';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** How often a running import's heartbeat is raised, and how long a silent one is taken for dead. */
export const HEARTBEAT_MS = 15_000;
const STALE_AFTER_MS = 8 * HEARTBEAT_MS;
const INTERRUPTED: ImportRowError = {
  row: 0,
  column: null,
  code: 'interrupted',
  message: 'Việc nhập bị ngắt vì máy chủ khởi động lại; không có dòng nào được ghi, hãy nhập lại tệp.',
};
export { MAX_IMPORT_ROWS } from './import-pipeline.ts';

export type ImportUpload = {
  kind: ImportKind;
  fileName: string;
  /** The uploaded file; `truncated` is set by the multipart parser when the size limit cut it. */
  stream: Readable & { truncated?: boolean };
  /** Aborts receiving the file (a body that ended inside the file part). */
  signal?: AbortSignal;
  acknowledgeDuplicates: boolean;
};

type Job = ImportUpload & {
  id: string;
  file: string;
  sheet: OpenSheet;
  columns: readonly ColumnDef[];
  user: SessionUser;
  actor: Actor;
};

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
  /** The imports running in this process, by id. */
  const running = new Map<string, Promise<void>>();
  const importRows = createImportPipeline({ db, now, tmpDir });

  function reportPlan(job: Job): ImportPlan<ReportValues> {
    const at = now();
    const writer = createReportsWriter(job.actor, { source: `registry_import:${job.id}`, now: at });
    return {
      validator: createReportRowValidator({ db, user: job.user, now: at }),
      writer: { ...writer, finish: async (tx) => (await writer.finish(tx)).written },
    };
  }

  function entityPlan(job: Job): ImportPlan<EntityValues> {
    const reason = `Đăng ký vào sổ (nhập từ tệp ${job.fileName})`;
    let written = 0;
    return {
      validator: createEntityRowValidator({
        db,
        user: job.user,
        acknowledgeDuplicates: job.acknowledgeDuplicates,
        today: vietnamDate(now()),
      }),
      writer: {
        encode: (rows) => JSON.stringify(rows),
        async write(tx, chunk) {
          written += await repo.insertEntitiesBulk(tx, JSON.parse(chunk) as EntityValues[], job.actor.userId, reason);
        },
        async finish(tx) {
          await recordAudit(tx, job.actor, {
            action: 'entity.imported',
            entityType: 'registry_import',
            entityId: job.id,
            after: { kind: job.kind, fileName: job.fileName, count: written },
          });
          return written;
        },
      },
    };
  }

  /** The background part: check every row and write all of them in one transaction, or none. */
  async function run(job: Job): Promise<void> {
    const errors = new RowErrors();
    try {
      const { total, failure } =
        job.kind === 'entities'
          ? await importRows(job, entityPlan(job), errors)
          : await importRows(job, reportPlan(job), errors);
      if (errors.count === 0 && failure === undefined) return;
      if (failure !== undefined) deps.logError?.(failure, 'registry import could not be written');
      const reported = errors.count > 0 ? errors : { items: [failureMessage(failure)], count: 1 };
      await repo.updateImport(db, job.id, {
        totalRows: total,
        processedRows: total,
        status: 'failed',
        errors: reported.items,
        errorCount: reported.count,
        finishedAt: now(),
      });
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
      await job.sheet.close();
      await removeFile(job.file);
    }
  }

  return {
    /**
     * Accepts an upload: checks its size, real type and headers now (so the uploader hears about a
     * wrong file at once), records the import and validates and writes the rows in the background.
     */
    async start(user: SessionUser, actor: Actor, upload: ImportUpload): Promise<{ id: string }> {
      const file = await saveUpload(upload, { dir: tmpDir, maxBytes: MAX_IMPORT_BYTES, extension: '.xlsx' });
      let sheet: OpenSheet | undefined;
      let started = false;
      try {
        if (!(await looksLikeZip(file))) throw unsupported();
        sheet = await openSheet(file, COLUMNS[upload.kind]).catch((err: unknown) => {
          throw err instanceof NotAWorkbookError ? unsupported() : err;
        });
        const { header } = sheet;
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
        const job = run({ ...upload, fileName, id, file, sheet, columns: COLUMNS[upload.kind], user, actor });
        started = true;
        running.set(id, job);
        void job.finally(() => running.delete(id));
        return { id };
      } finally {
        if (!started) {
          await sheet?.close();
          await removeFile(file);
        }
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
      await Promise.allSettled([...running.values()]);
    },

    /** Raises the heartbeat of the imports running in this process. */
    async heartbeat(): Promise<void> {
      await repo.touchImports(db, [...running.keys()], now());
    },

    /**
     * Closes as failed the imports left unfinished by a process that stopped (a restart, a crash),
     * so their uploaders see what happened instead of an import that never ends.
     */
    async closeInterrupted(): Promise<number> {
      const at = now();
      return repo.failStaleImports(db, {
        staleBefore: new Date(at.getTime() - STALE_AFTER_MS),
        runningHere: [...running.keys()],
        error: INTERRUPTED,
        at,
      });
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
