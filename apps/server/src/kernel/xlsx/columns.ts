/**
 * How a spreadsheet column maps to an API input field: its headings (Vietnamese, then English),
 * the kind of cell, the allowed values, and the help a template's guide sheet shows. Shared by
 * every XLSX template, import and export.
 */

export type Option = { value: string; label: string };
export type CellKind = 'text' | 'integer' | 'decimal' | 'date' | 'boolean' | 'enum' | 'enumList' | 'list';

export type ColumnDef = {
  /** The key in the API input the cell fills (`ratingPoints.3` for one rating criterion). */
  key: string;
  vi: string;
  en: string;
  kind: CellKind;
  required?: boolean;
  options?: readonly Option[];
  /** A code typed as a number in Excel loses its leading zeros: pad it back to this many digits. */
  padDigits?: number;
  /** Informational column: shown and exported, ignored on import. */
  ignoredOnImport?: boolean;
  width: number;
  help: string;
  example: string | number | null;
};

export function options<T extends string>(values: readonly T[], labels: Record<T, string>): Option[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

export const YES = 'Có';
export const NO = 'Không';
export const BOOLEAN_OPTIONS: Option[] = [
  { value: 'true', label: YES },
  { value: 'false', label: NO },
];

export const yesNo = (key: string, vi: string, en: string, help: string): ColumnDef => ({
  key,
  vi,
  en,
  kind: 'boolean',
  options: BOOLEAN_OPTIONS,
  width: 14,
  help: `${help} Chọn "Có" hoặc "Không"; để trống là "Không".`,
  example: NO,
});
export const count = (
  key: string,
  vi: string,
  en: string,
  help: string,
  example: number,
  required = true,
): ColumnDef => ({
  key,
  vi,
  en,
  kind: 'integer',
  required,
  width: 14,
  help: `${help} Số nguyên không âm.`,
  example,
});
export const vnd = (key: string, vi: string, en: string, help: string, example: number): ColumnDef => ({
  key,
  vi,
  en,
  kind: 'integer',
  required: true,
  width: 18,
  help: `${help} Đơn vị: đồng, số nguyên.`,
  example,
});

/** Two header rows (Vietnamese, then English) precede the data in templates and exports. */
export const HEADER_ROWS = 2;
