import fs from 'node:fs';
import ExcelJS, { type CellValue } from 'exceljs';
import { cellText, matchHeaders, type HeaderMatch } from './xlsx-cells.ts';
import type { ColumnDef } from './xlsx-columns.ts';

/**
 * Streaming reads of an uploaded workbook: only the first worksheet, row by row, so a large file
 * never sits in memory as a whole workbook.
 */

/** The cells of one data row, by template key, with its spreadsheet row number. */
export type SheetRow = { number: number; cells: Map<string, CellValue> };

export class NotAWorkbookError extends Error {}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** True when the file starts like a ZIP archive (an XLSX is one), whatever its name says. */
export async function looksLikeZip(filePath: string): Promise<boolean> {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.equals(ZIP_MAGIC);
  } finally {
    await handle.close();
  }
}

/** A sheet read from exceljs' temporary copy holds that file open: close it when the sheet is left. */
function release(sheet: ExcelJS.stream.xlsx.WorksheetReader): void {
  const source = (sheet as unknown as { iterator?: unknown }).iterator;
  if (!(source instanceof fs.ReadStream)) return;
  // exceljs deletes its temporary file when the stream closes; a stream destroyed before it opened
  // then reports ENOENT, which must not become an unhandled error that ends the process.
  source.on('error', () => {});
  source.destroy();
}

/**
 * Iterates the rows of the first worksheet. Styles are not read (it halves the parsing time), so
 * date cells arrive as Excel serial numbers, which the date columns convert.
 */
async function* firstSheetRows(filePath: string): AsyncGenerator<ExcelJS.Row> {
  const input = fs.createReadStream(filePath);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets = reader[Symbol.asyncIterator]();
  try {
    const first = await sheets.next();
    if (first.done) throw new NotAWorkbookError('The file has no worksheet');
    try {
      for await (const row of first.value) yield row;
    } finally {
      release(first.value);
    }
  } catch (err) {
    throw err instanceof NotAWorkbookError
      ? err
      : new NotAWorkbookError(err instanceof Error ? err.message : String(err));
  } finally {
    // Most files put their sheets before the shared strings, so exceljs copies sheets to temporary
    // files and deletes each one only when its iteration is resumed: finish the walk (other sheets
    // are skipped, not parsed) so no copy outlives the read, even when the caller stopped early.
    try {
      for (let next = await sheets.next(); !next.done; next = await sheets.next()) release(next.value);
    } catch {
      // A broken archive: the read already failed with its own error.
    }
    input.destroy();
  }
}

function rowValues(row: ExcelJS.Row | undefined): CellValue[] {
  return row ? (row.values as CellValue[]) : [];
}

/** Opens the workbook and matches the first worksheet's header rows against the template's columns. */
export async function readHeader(filePath: string, columns: readonly ColumnDef[]): Promise<HeaderMatch> {
  const rows: ExcelJS.Row[] = [];
  for await (const row of firstSheetRows(filePath)) {
    if (row.number > 2) break;
    rows.push(row);
    if (rows.length === 2) break;
  }
  const first = rows.find((r) => r.number === 1);
  const second = rows.find((r) => r.number === 2);
  return matchHeaders(columns, rowValues(first), rowValues(second));
}

/** The data rows below the headers, blank rows skipped, cells keyed by the template's columns. */
export async function* readDataRows(filePath: string, header: HeaderMatch): AsyncGenerator<SheetRow> {
  for await (const row of firstSheetRows(filePath)) {
    if (row.number < header.dataStartRow) continue;
    const values = rowValues(row);
    const cells = new Map<string, CellValue>();
    let blank = true;
    for (const [key, at] of header.positions) {
      const v = values[at];
      cells.set(key, v);
      if (blank && cellText(v) !== null) blank = false;
    }
    if (!blank) yield { number: row.number, cells };
  }
}

/** True when a row still holds the template's example values (left in place by the user). */
export function isExampleRow(columns: readonly ColumnDef[], row: SheetRow): boolean {
  return columns.every((c) => {
    const expected = c.example === null ? null : String(c.example);
    return cellText(row.cells.get(c.key)) === expected;
  });
}
