import {
  type EntityStatus,
  type EntityType,
  type ImportKind,
  type Rating,
  type ReportStatus,
  type ScaleClass,
  type Sector,
} from '@hoptac/core';

// Building blocks of the registry's spreadsheet columns: kinds, Vietnamese labels, common shapes.
export type { ImportKind };

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

export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  cooperative_group: 'Tổ hợp tác',
  cooperative: 'Hợp tác xã',
  cooperative_union: 'Liên hiệp hợp tác xã',
  enterprise: 'Doanh nghiệp',
  household_business: 'Hộ kinh doanh',
};
export const ENTITY_STATUS_LABELS: Record<EntityStatus, string> = {
  active: 'Đang hoạt động',
  suspended: 'Tạm ngừng hoạt động',
  reorganising: 'Đang tổ chức lại',
  dissolved: 'Đã giải thể',
  bankrupt: 'Phá sản',
  certificate_revoked: 'Bị thu hồi giấy chứng nhận',
};
export const SECTOR_LABELS: Record<Sector, string> = {
  agriculture: 'Nông nghiệp',
  non_agriculture: 'Phi nông nghiệp',
  credit: 'Tín dụng',
};
export const RATING_LABELS: Record<Rating, string> = {
  good: 'Tốt',
  fair: 'Khá',
  average: 'Trung bình',
  weak: 'Yếu',
  not_rated: 'Không xếp loại',
};
export const SCALE_LABELS: Record<ScaleClass, string> = {
  micro: 'Siêu nhỏ',
  small: 'Nhỏ',
  medium: 'Vừa',
  large: 'Lớn',
};
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: 'Nháp',
  submitted: 'Đã nộp',
  accepted: 'Xã đã tiếp nhận',
  approved: 'Thành phố đã duyệt',
  returned: 'Trả lại để sửa',
};
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

export const SHEET_NAMES: Record<ImportKind, string> = { entities: 'Chủ thể', 'annual-reports': 'Báo cáo năm' };
export const FILE_NAMES: Record<ImportKind, string> = {
  entities: 'mau-nhap-chu-the.xlsx',
  'annual-reports': 'mau-nhap-bao-cao-nam.xlsx',
};

/** Columns the exports append after the template's (read-only facts the register computes). */
