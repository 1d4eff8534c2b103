import { foldVietnamese } from '@hoptac/core';
import type { CellValue } from 'exceljs';
import { HEADER_ROWS, NO, YES, type ColumnDef } from './columns.ts';

/**
 * Reading and writing single cells the way people fill spreadsheets in Vietnam: codes typed as
 * numbers (lost leading zeros), "1.500.000" with dots for thousands, "21,13" with a decimal comma,
 * dates as cells or dd/mm/yyyy, "Có"/"Không", labels instead of codes.
 */
/** Why a cell could not be read, in the uploader's language (a cell that can be read is its value, unwrapped). */
export class CellProblem {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** The value a cell shows: formula results, rich text and hyperlinks reduced to a plain value. */
export function plainValue(v: CellValue): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : plainValue(v.text as CellValue);
  if ('result' in v) return v.result === undefined ? null : plainValue(v.result as CellValue);
  return null; // error values (#N/A…) and formulas without a cached result
}

/** Trimmed NFC text of a cell, or null when it is blank. */
export function cellText(v: CellValue): string | null {
  const p = plainValue(v);
  if (p === null) return null;
  const s = (p instanceof Date ? isoDate(p) : String(p)).normalize('NFC').trim();
  return s === '' ? null : s;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const fail = (code: string, message: string) => new CellProblem(code, message);

function parseInteger(p: string | number): number | CellProblem {
  if (typeof p === 'number') return Number.isInteger(p) ? p : fail('not_integer', 'Phải là số nguyên');
  const s = p.replace(/[\s\u00a0]/g, '');
  // Thousands grouped with dots or commas ("1.500.000"), or plain digits.
  if (/^-?\d{1,3}([.,]\d{3})+$/.test(s) || /^-?\d+$/.test(s)) return Number(s.replace(/[.,]/g, ''));
  return fail('not_integer', `"${p}" không phải là số nguyên`);
}

function parseDecimal(p: string | number): number | CellProblem {
  if (typeof p === 'number') return p;
  let s = p.replace(/[\s\u00a0]/g, '');
  if (/^-?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  const n = Number(s);
  return s !== '' && Number.isFinite(n) ? n : fail('not_number', `"${p}" không phải là số`);
}

function parseDate(p: string | number | Date): string | CellProblem {
  if (p instanceof Date) return Number.isNaN(p.getTime()) ? fail('invalid_date', 'Ngày không hợp lệ') : isoDate(p);
  if (typeof p === 'number') {
    // A date cell read without its format: an Excel serial day number.
    if (p > 0 && p < 2_958_466) return isoDate(new Date(EXCEL_EPOCH_MS + Math.floor(p) * DAY_MS));
    return fail('invalid_date', 'Ngày không hợp lệ');
  }
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(p);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p);
  const [y, m, d] = vn ? [vn[3], vn[2], vn[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (y && m && d) {
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(m) - 1) return isoDate(date);
  }
  return fail('invalid_date', `"${p}" không phải là ngày hợp lệ (dùng dd/mm/yyyy)`);
}

const TRUE_WORDS = new Set(['co', 'c', 'x', 'yes', 'y', 'true', '1']);
const FALSE_WORDS = new Set(['khong', 'k', 'no', 'n', 'false', '0']);

function parseBoolean(p: string | number | boolean): boolean | CellProblem {
  if (typeof p === 'boolean') return p;
  const f = foldVietnamese(String(p));
  if (TRUE_WORDS.has(f)) return true;
  if (FALSE_WORDS.has(f)) return false;
  return fail('invalid_boolean', `"${p}": ghi "${YES}" hoặc "${NO}"`);
}

const optionKeys = new WeakMap<ColumnDef, Map<string, string>>();

/** The option a cell names by its label (any case or accents) or by its code. */
function matchOption(col: ColumnDef, text: string): string | null {
  let keys = optionKeys.get(col);
  if (!keys) {
    // The label as the template's list writes it comes first: most cells match it without folding.
    keys = new Map(
      (col.options ?? []).flatMap((o) => [
        [o.label.normalize('NFC'), o.value] as const,
        [foldVietnamese(o.label), o.value] as const,
        [o.value, o.value] as const,
      ]),
    );
    optionKeys.set(col, keys);
  }
  return keys.get(text.trim()) ?? keys.get(foldVietnamese(text)) ?? null;
}

function badOption(col: ColumnDef, text: string): CellProblem {
  const allowed = (col.options ?? []).map((o) => o.label).join(', ');
  return fail('invalid_option', `"${text}" không có trong danh mục (${allowed})`);
}

/**
 * The typed value of one cell for its column: `undefined` when blank (the schema's default
 * applies), a `CellProblem` when the cell cannot be read.
 */
export function parseCell(col: ColumnDef, raw: CellValue): unknown {
  const p = plainValue(raw);
  if (p === null || (typeof p === 'string' && p.trim() === '')) return undefined;
  switch (col.kind) {
    case 'integer':
      return p instanceof Date || typeof p === 'boolean' ? fail('not_integer', 'Phải là số nguyên') : parseInteger(p);
    case 'decimal':
      return p instanceof Date || typeof p === 'boolean' ? fail('not_number', 'Phải là số') : parseDecimal(p);
    case 'date':
      return typeof p === 'boolean' ? fail('invalid_date', 'Ngày không hợp lệ') : parseDate(p);
    case 'boolean':
      return p instanceof Date ? parseBoolean('') : parseBoolean(p);
    case 'enum': {
      const text = cellText(raw)!;
      const value = matchOption(col, text);
      return value === null ? badOption(col, text) : value;
    }
    case 'enumList': {
      const parts = splitList(cellText(raw)!, /[;,\n]/);
      const values: string[] = [];
      for (const part of parts) {
        const value = matchOption(col, part);
        if (value === null) return badOption(col, part);
        values.push(value);
      }
      return values;
    }
    case 'list':
      return splitList(cellText(raw)!, /[;\n]/);
    case 'text': {
      if (typeof p === 'number' && col.padDigits && Number.isInteger(p) && p >= 0) {
        return String(p).padStart(col.padDigits, '0');
      }
      return cellText(raw);
    }
  }
}

function splitList(text: string, sep: RegExp): string[] {
  return text
    .split(sep)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A stored value as the spreadsheet shows it: labels for codes, "Có"/"Không", dates as dates. */
export function formatCell(col: ColumnDef, value: unknown): string | number | Date | null {
  if (value === null || value === undefined) return null;
  switch (col.kind) {
    case 'enum':
      return col.options?.find((o) => o.value === value)?.label ?? String(value);
    case 'enumList':
      return (value as string[]).map((v) => col.options?.find((o) => o.value === v)?.label ?? v).join('; ');
    case 'list':
      return (value as string[]).join('; ');
    case 'boolean':
      return value ? YES : NO;
    case 'date':
      return typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : (value as Date);
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? value : Number(value);
    case 'text':
      return String(value);
  }
}

/** One CSV field (RFC 4180); text that Excel would run as a formula is defused with a leading quote. */
export function csvField(v: string | number | Date | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const s = v instanceof Date ? isoDate(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export type HeaderMatch = {
  /** Column number (1-based) of each template key found. */
  positions: Map<string, number>;
  dataStartRow: number;
  missing: string[];
  duplicated: string[];
};

const headerKey = (s: string) =>
  foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Finds the template's columns in a sheet's first row (Vietnamese or English headers, any order,
 * extra columns ignored). A second row of English headers, as in the template, is skipped.
 */
export function matchHeaders(columns: readonly ColumnDef[], first: CellValue[], second: CellValue[]): HeaderMatch {
  const byHeader = new Map<string, ColumnDef>();
  for (const c of columns) {
    byHeader.set(headerKey(c.vi), c);
    byHeader.set(headerKey(c.en), c);
  }
  const positions = new Map<string, number>();
  const duplicated: string[] = [];
  first.forEach((v, i) => {
    const text = cellText(v);
    const col = text ? byHeader.get(headerKey(text)) : undefined;
    if (!col) return;
    if (positions.has(col.key)) duplicated.push(col.vi);
    else positions.set(col.key, i);
  });
  const missing = columns.filter((c) => !c.ignoredOnImport && !positions.has(c.key)).map((c) => c.vi);
  let english = 0;
  for (const c of columns) {
    const at = positions.get(c.key);
    const text = at === undefined ? null : cellText(second[at]);
    if (text && headerKey(text) === headerKey(c.en)) english++;
  }
  const dataStartRow = english > 0 && english >= positions.size / 2 ? HEADER_ROWS + 1 : 2;
  return { positions, dataStartRow, missing, duplicated };
}
