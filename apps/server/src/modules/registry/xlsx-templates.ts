import { buildTemplate as buildWorkbookTemplate } from '../../kernel/xlsx/template.ts';
import type { ColumnDef } from '../../kernel/xlsx/columns.ts';
import { ENTITY_COLUMNS, ENTITY_EXPORT_EXTRA } from './entity-columns.ts';
import { REPORT_COLUMNS, REPORT_EXPORT_EXTRA } from './report-columns.ts';
import { SHEET_NAMES, type ImportKind } from './xlsx-columns.ts';

/**
 * The registry's spreadsheet columns, in one place: the downloadable templates, the import's
 * header check and cell parsing, and the exports all read these definitions, so a file exported
 * from the register can be filled in and imported again.
 */
export const COLUMNS: Record<ImportKind, readonly ColumnDef[]> = {
  entities: ENTITY_COLUMNS,
  'annual-reports': REPORT_COLUMNS,
};
export const EXPORT_COLUMNS: Record<ImportKind, readonly ColumnDef[]> = {
  entities: [...ENTITY_COLUMNS, ...ENTITY_EXPORT_EXTRA],
  'annual-reports': [...REPORT_COLUMNS, ...REPORT_EXPORT_EXTRA],
};

const INTRO: Record<ImportKind, string[]> = {
  entities: [
    'Mỗi dòng là một chủ thể (HTX, tổ hợp tác, liên hiệp HTX, doanh nghiệp, hộ kinh doanh) mới đưa vào sổ đăng ký.',
    'Mã số trùng với chủ thể đã có, hoặc trùng tên trong cùng xã/phường, được báo lỗi chứ không gộp.',
  ],
  'annual-reports': [
    'Mỗi dòng là báo cáo một năm của một chủ thể đã có trong sổ đăng ký, tìm theo mã số.',
    'Báo cáo nháp hoặc bị trả lại của cùng chủ thể và năm sẽ được thay thế; báo cáo đã nộp hoặc đã duyệt thì không.',
  ],
};

/** The downloadable template of an import kind. */
export function buildTemplate(kind: ImportKind): Promise<Buffer> {
  return buildWorkbookTemplate({ sheetName: SHEET_NAMES[kind], columns: COLUMNS[kind], intro: INTRO[kind] });
}
