import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { foldVietnamese, RATING_TT01_2020, vietnamDate, type SessionUser } from '@hoptac/core';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../kernel/errors.ts';
import * as repo from './exports.repository.ts';
import { listScopeOf } from './registry.access.ts';
import { csvField, formatCell } from '../../kernel/xlsx/cells.ts';
import { HEADER_ROWS, type ColumnDef } from '../../kernel/xlsx/columns.ts';
import { EXPORT_COLUMNS } from './xlsx-templates.ts';

/** Rows per database round trip; an export holds about one page in memory whatever its size. */
export const EXPORT_PAGE = 1000;

export type ExportFormat = 'xlsx' | 'csv';
export type ExportFile = { fileName: string; contentType: string; body: Readable };
type RowRecord = Record<string, unknown>;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Exports are for officials: city admins get every commune, officers theirs. */
function exportScope(user: SessionUser): repo.ExportScope {
  const scope = listScopeOf(user);
  if (scope.kind === 'all') return { communes: null };
  if (scope.kind === 'communes') return { communes: scope.codes };
  throw new AppError('FORBIDDEN', 'Exports are for officials');
}

/** Pages of rows read by keyset on id until a short page. */
async function* keysetPages<T extends { id: string }>(fetch: (afterId: string | null) => Promise<T[]>) {
  let after: string | null = null;
  for (;;) {
    const rows = await fetch(after);
    if (rows.length > 0) yield rows;
    if (rows.length < EXPORT_PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** Waits until the reader has taken what is buffered; false when it went away. */
async function drained(out: PassThrough): Promise<boolean> {
  if (out.destroyed) return false;
  if (!out.writableNeedDrain) return true;
  await Promise.race([once(out, 'drain'), once(out, 'close')]);
  return !out.destroyed;
}

/**
 * A streamed XLSX: rows are committed as pages arrive and the next page is read only once the
 * client has taken the previous one, so memory stays flat however many rows there are.
 */
function xlsxStream(sheetName: string, columns: readonly ColumnDef[], pages: AsyncIterable<RowRecord[]>): Readable {
  const out = new PassThrough();
  const write = async () => {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: HEADER_ROWS }] });
    sheet.columns = columns.map((c) => ({
      key: c.key,
      width: c.width,
      style: c.kind === 'date' ? { numFmt: 'dd/mm/yyyy' } : {},
    }));
    const vi = sheet.addRow(columns.map((c) => c.vi));
    vi.font = { bold: true };
    vi.commit();
    sheet.addRow(columns.map((c) => c.en)).commit();
    for await (const page of pages) {
      for (const r of page) sheet.addRow(columns.map((c) => formatCell(c, r[c.key]))).commit();
      if (!(await drained(out))) return;
    }
    sheet.commit();
    await book.commit();
  };
  write().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

/** A streamed CSV with a UTF-8 byte order mark, so Excel shows Vietnamese letters. */
function csvStream(columns: readonly ColumnDef[], pages: AsyncIterable<RowRecord[]>): Readable {
  const line = (values: (string | number | Date | null)[]) => values.map(csvField).join(',');
  return Readable.from(
    (async function* () {
      yield `\uFEFF${line(columns.map((c) => c.vi))}\r\n`;
      for await (const page of pages) {
        yield page.map((r) => `${line(columns.map((c) => formatCell(c, r[c.key])))}\r\n`).join('');
      }
    })(),
    { objectMode: false },
  );
}

function reportRecord(r: repo.ReportExportRow): RowRecord {
  const points = (r.ratingPoints ?? {}) as Record<string, number>;
  const record: RowRecord = { ...r };
  for (const g of RATING_TT01_2020.groups)
    for (const c of g.criteria) record[`ratingPoints.${c.code}`] = points[c.code];
  return record;
}

async function* mapPages<T, U>(pages: AsyncIterable<T[]>, f: (t: T) => U): AsyncGenerator<U[]> {
  for await (const page of pages) yield page.map(f);
}

export function createExportsService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const stamp = () => vietnamDate(now());

  return {
    /** The register as filtered in the list, every matching row, in the caller's scope. */
    entities(user: SessionUser, filter: repo.EntityExportFilter, format: ExportFormat): ExportFile {
      const scope = exportScope(user);
      const folded = filter.q ? foldVietnamese(filter.q) || null : null;
      const pages = keysetPages((after) => repo.entityExportPage(db, filter, scope, folded, after, EXPORT_PAGE));
      const columns = EXPORT_COLUMNS.entities;
      return {
        fileName: `so-dang-ky-chu-the-${stamp()}.${format}`,
        contentType: CONTENT_TYPES[format],
        body: format === 'xlsx' ? xlsxStream('Chủ thể', columns, pages) : csvStream(columns, pages),
      };
    },

    /** One year's annual reports of the entities in the caller's scope. */
    reports(user: SessionUser, year: number): ExportFile {
      const scope = exportScope(user);
      const pages = mapPages(
        keysetPages((after) => repo.reportExportPage(db, year, scope, after, EXPORT_PAGE)),
        reportRecord,
      );
      return {
        fileName: `bao-cao-nam-${year}-${stamp()}.xlsx`,
        contentType: CONTENT_TYPES.xlsx,
        body: xlsxStream(`Báo cáo năm ${year}`, EXPORT_COLUMNS['annual-reports'], pages),
      };
    },
  };
}

export type ExportsService = ReturnType<typeof createExportsService>;
