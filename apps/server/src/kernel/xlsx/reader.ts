import fs from 'node:fs';
import { cellText, matchHeaders, type HeaderMatch } from './cells.ts';
import { HEADER_ROWS, type ColumnDef } from './columns.ts';
import { SheetScanner } from './sheet.ts';
import { elementAttributes, readSharedStrings, type SheetValue } from './xml.ts';
import { openZip, type ZipArchive } from './zip.ts';

/**
 * Streaming reads of an uploaded workbook: only the first worksheet, row by row, so a large file
 * never sits in memory as a whole workbook. The file is walked once: the data rows continue the
 * scan that read the header rows.
 */

/** One data row: its spreadsheet row number and its values in the order of the template's columns (null: blank). */
export type SheetRow = { number: number; cells: SheetValue[] };

export class NotAWorkbookError extends Error {}

/** The first worksheet with its header rows read and matched; the data rows are read on demand. */
export type OpenSheet = {
  header: HeaderMatch;
  /** The data rows below the headers, in the batches the file arrives in; blank rows left out. */
  rows(): AsyncGenerator<SheetRow[]>;
  /** Stops reading (safe to call more than once). */
  close(): Promise<void>;
};

/** Bounds on what a part may inflate to (a 20 MB archive can hold gigabytes). */
const MAX_PART_BYTES = 16 * 1024 ** 2;
/** The shared strings are held in memory: ~100 times what 100,000 rows of names and codes need. */
const MAX_SHARED_STRINGS_BYTES = 128 * 1024 ** 2;
/** The sheet is streamed: ten times what 100,000 rows of the widest template take. */
const MAX_SHEET_BYTES = 1024 ** 3;

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

/** Any failure to make sense of the file's content; system errors (disk, descriptors) stay what they are. */
function unreadable(err: unknown): unknown {
  if (err instanceof NotAWorkbookError || (err as { syscall?: string } | null)?.syscall) return err;
  return new NotAWorkbookError(err instanceof Error ? err.message : String(err));
}

async function partText(zip: ZipArchive, part: string): Promise<string | null> {
  const entry = zip.entries.get(part.toLowerCase());
  if (!entry) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of zip.chunks(entry, MAX_PART_BYTES)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** A relationship target as a part name: absolute ("/xl/…") or relative to the source part's folder. */
function resolvePart(source: string, target: string): string {
  const segments = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const s of target.split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '.' && s !== '') segments.push(s);
  }
  return segments.join('/');
}

/** The relationships of a part ('' for the package itself), targets resolved to part names. */
async function relationships(zip: ZipArchive, part: string) {
  const slash = part.lastIndexOf('/');
  const xml = await partText(zip, `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`);
  return (xml === null ? [] : elementAttributes(xml, 'Relationship')).map((a) => ({
    id: a.Id ?? '',
    type: a.Type ?? '',
    target: resolvePart(part, a.Target ?? ''),
  }));
}

/** The first worksheet in tab order, and the shared-string table, as the workbook names them. */
async function locateParts(zip: ZipArchive) {
  const root = await relationships(zip, '');
  const book = root.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const bookXml = await partText(zip, book);
  if (bookXml === null) throw new NotAWorkbookError('The file has no workbook part');
  const rels = await relationships(zip, book);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheet = elementAttributes(bookXml, 'sheet')
    .map((a) => byId.get(Object.entries(a).find(([name]) => name.endsWith(':id'))?.[1] ?? ''))
    .find((r) => r?.type.endsWith('/worksheet'));
  const sheetEntry = sheet && zip.entries.get(sheet.target.toLowerCase());
  if (!sheetEntry) throw new NotAWorkbookError('The file has no worksheet');
  const strings = rels.find((r) => r.type.endsWith('/sharedStrings'));
  return { sheetEntry, stringsEntry: strings && zip.entries.get(strings.target.toLowerCase()) };
}

/**
 * Opens the workbook's first worksheet and matches its header rows against the template's
 * columns. Styles are not read, so date cells arrive as Excel serial numbers, which the date
 * columns convert.
 */
export async function openSheet(filePath: string, columns: readonly ColumnDef[]): Promise<OpenSheet> {
  const zip = await openZip(filePath).catch((err: unknown) => {
    throw unreadable(err);
  });
  let input: AsyncGenerator<Buffer> | undefined;
  const close = async () => {
    await input?.return(undefined);
    await zip.close().catch(() => {});
  };
  try {
    const { sheetEntry, stringsEntry } = await locateParts(zip);
    const shared = stringsEntry ? await readSharedStrings(zip.chunks(stringsEntry, MAX_SHARED_STRINGS_BYTES)) : [];
    input = zip.chunks(sheetEntry, MAX_SHEET_BYTES);
    const scanner = new SheetScanner(input, shared);

    const headerRows = new Map<number, SheetValue[]>();
    for (let next = scanner.peekRowNumber(); ; next = scanner.peekRowNumber()) {
      if (next === null && (await scanner.fill())) continue;
      if (next === null || next > HEADER_ROWS) break;
      const row = scanner.nextRow(null, 0)!;
      headerRows.set(row.number, row.cells);
    }
    const header = matchHeaders(columns, headerRows.get(1) ?? [], headerRows.get(2) ?? []);

    // Sheet column number → index in `columns` (-1: a column the template does not have).
    const fields = new Int32Array(Math.max(0, ...header.positions.values()) + 1).fill(-1);
    columns.forEach((c, i) => {
      const at = header.positions.get(c.key);
      if (at !== undefined) fields[at] = i;
    });
    const width = columns.length;
    // Without the template's English row the second row is already data.
    const second = header.dataStartRow <= 2 ? headerRows.get(2) : undefined;
    const secondRow = second && toDataRow(2, second, fields, width);

    async function* rows(): AsyncGenerator<SheetRow[]> {
      try {
        if (secondRow) yield [secondRow];
        do {
          const batch: SheetRow[] = [];
          for (let row = scanner.nextRow(fields, width); row; row = scanner.nextRow(fields, width)) {
            if (!row.blank && row.number >= header.dataStartRow) batch.push(row);
          }
          if (batch.length > 0) yield batch;
        } while (await scanner.fill());
      } catch (err) {
        throw unreadable(err);
      }
    }
    return { header, rows, close };
  } catch (err) {
    await close();
    throw unreadable(err);
  }
}

/** A row read in raw mode (by column number) as a data row; null when blank. */
function toDataRow(number: number, raw: SheetValue[], fields: Int32Array, width: number): SheetRow | null {
  const cells = new Array<SheetValue>(width).fill(null);
  let blank = true;
  fields.forEach((field, column) => {
    const value = raw[column];
    if (field < 0 || value === undefined) return;
    cells[field] = value;
    if (cellText(value) !== null) blank = false;
  });
  return blank ? null : { number, cells };
}

/** True when a row still holds the template's example values (left in place by the user). */
export function isExampleRow(columns: readonly ColumnDef[], row: SheetRow): boolean {
  return columns.every((c, i) => {
    const expected = c.example === null ? null : String(c.example);
    return cellText(row.cells[i] ?? null) === expected;
  });
}
