import type { ImportRowError } from '@hoptac/core';
import type { z } from 'zod';
import { CellProblem, parseCell } from './cells.ts';
import type { ColumnDef } from './columns.ts';
import type { SheetRow } from './reader.ts';

/** What the import keeps of the row errors: the first ones in full, and how many there were. */
export const MAX_STORED_ERRORS = 1000;

export class RowErrors {
  readonly items: ImportRowError[] = [];
  count = 0;

  add(error: ImportRowError): void {
    this.count++;
    if (this.items.length < MAX_STORED_ERRORS) this.items.push(error);
  }

  /** Adds another list's errors after these: chunks checked separately merge in file order. */
  append(other: RowErrors): void {
    for (const error of other.items) this.add(error);
    this.count += other.count - other.items.length;
  }
}

/** The heading a problem is reported under, from the input key it concerns (`ratingPoints.3` too). */
export function columnOf(columns: readonly ColumnDef[], path: readonly PropertyKey[]): string | null {
  const key = path.map(String).join('.');
  const col = columns.find((c) => c.key === key) ?? columns.find((c) => c.key === String(path[0]));
  return col?.vi ?? null;
}

type Issue = z.core.$ZodIssue;

/** A zod issue in words an official understands. */
function issueMessage(issue: Issue, raw: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return raw === undefined ? 'Thiếu giá trị bắt buộc' : 'Sai kiểu dữ liệu';
    case 'too_small':
      if (issue.origin === 'string') return `Quá ngắn (tối thiểu ${issue.minimum} ký tự)`;
      if (issue.origin === 'array') return `Cần ít nhất ${issue.minimum} giá trị`;
      return `Nhỏ hơn mức tối thiểu ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `Quá dài (tối đa ${issue.maximum} ký tự)`;
      if (issue.origin === 'array') return `Nhiều nhất ${issue.maximum} giá trị`;
      return `Vượt mức tối đa ${issue.maximum}`;
    case 'invalid_format':
      if (issue.format === 'email') return 'Email không hợp lệ';
      if (issue.format === 'url') return 'Địa chỉ web không hợp lệ (cần https://…)';
      if (issue.format === 'date') return 'Ngày không hợp lệ';
      return 'Sai định dạng';
    case 'invalid_value':
      return 'Giá trị không nằm trong danh mục';
    default:
      return 'Giá trị không hợp lệ';
  }
}

/**
 * Turns a row's cells into an API input object and checks it with the API's own schema. Cell
 * problems (text in a number column…) and schema issues become row errors; `data` is the parsed
 * input when the schema passed.
 */
export function parseRow<S extends z.ZodType>(
  columns: readonly ColumnDef[],
  schema: S,
  row: SheetRow,
  errors: RowErrors,
): { data: z.infer<S> | null; cellsOk: boolean } {
  const input: Record<string, unknown> = {};
  const paths = pathsOf(columns);
  let badKeys: Set<string> | undefined;
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i]!;
    const raw = row.cells[i];
    if (col.ignoredOnImport || raw === null || raw === undefined) continue;
    const value = parseCell(col, raw);
    if (value instanceof CellProblem) {
      (badKeys ??= new Set()).add(col.key);
      errors.add({ row: row.number, column: col.vi, code: value.code, message: value.message });
    } else if (value !== undefined) {
      const [head, tail] = paths[i]!;
      if (tail === undefined) input[head] = value;
      else ((input[head] ??= {}) as Record<string, unknown>)[tail] = value;
    }
  }
  const result = schema.safeParse(input);
  // With unreadable cells left out the rest may still pass: the caller runs its rules for more
  // errors on the same row, but must not keep the row (`cellsOk` false).
  if (result.success) return { data: result.data, cellsOk: !badKeys };
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.');
    if (badKeys?.has(key) || badKeys?.has(String(issue.path[0]))) continue;
    errors.add({
      row: row.number,
      column: columnOf(columns, issue.path),
      code: issue.code,
      message: issueMessage(issue, getPath(input, issue.path)),
    });
  }
  return { data: null, cellsOk: !badKeys };
}

const splitPaths = new WeakMap<readonly ColumnDef[], [string, string | undefined][]>();

/** Each column's input path (`ratingPoints.3` → ['ratingPoints', '3']), split once per column list. */
function pathsOf(columns: readonly ColumnDef[]): [string, string | undefined][] {
  let paths = splitPaths.get(columns);
  if (!paths) {
    paths = columns.map((c) => c.key.split('.', 2) as [string, string | undefined]);
    splitPaths.set(columns, paths);
  }
  return paths;
}

function getPath(source: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  let at: unknown = source;
  for (const p of path) at = at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[p] : undefined;
  return at;
}

/** Remembers the first row holding each key, to report later rows repeating it. */
export class SeenKeys {
  private readonly first = new Map<string, number>();

  /** The earlier row with this key, or null (and the key is recorded for this row). */
  check(key: string, row: number): number | null {
    const earlier = this.first.get(key);
    if (earlier !== undefined) return earlier;
    this.first.set(key, row);
    return null;
  }
}
