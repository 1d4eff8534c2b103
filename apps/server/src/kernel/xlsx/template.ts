import ExcelJS from 'exceljs';
import { HEADER_ROWS, type ColumnDef } from './columns.ts';

export const GUIDE_SHEET = 'Hướng dẫn';
const LISTS_SHEET = 'Danh mục';
/** Rows below the headers that get the drop-down lists. */
const VALIDATED_ROWS = 5000;

const COMMON_RULES = [
  'Dòng 1 là tiêu đề tiếng Việt, dòng 2 là tiêu đề tiếng Anh: giữ nguyên hai dòng này. Dấu * là cột bắt buộc.',
  'Dòng 3 là dòng ví dụ: xoá hoặc ghi đè. Nếu để nguyên, dòng ví dụ được bỏ qua khi nhập.',
  'Có thể đổi thứ tự cột hoặc thêm cột khác (bị bỏ qua), nhưng không được thiếu cột nào của mẫu.',
  'Tệp được nhập trọn vẹn hoặc không nhập gì: nếu có dòng lỗi, hệ thống trả về danh sách lỗi theo số dòng và không ghi dữ liệu nào.',
  'Số tiền ghi bằng đồng, số nguyên (có thể có dấu chấm phân cách hàng nghìn). Ngày ghi dd/mm/yyyy.',
  'Tệp tối đa 20 MB, định dạng .xlsx.',
];

function letter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
const GREY: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF7F7F7F' } };

/** Writes the two header rows of a sheet (bold Vietnamese, grey English) and sets widths. */
export function writeHeaderRows(sheet: ExcelJS.Worksheet, columns: readonly ColumnDef[], markRequired: boolean) {
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  const vi = sheet.getRow(1);
  const en = sheet.getRow(2);
  columns.forEach((c, i) => {
    const head = vi.getCell(i + 1);
    head.value = markRequired && c.required ? `${c.vi} *` : c.vi;
    head.font = { bold: true };
    head.fill = HEADER_FILL;
    head.alignment = { wrapText: true, vertical: 'middle' };
    en.getCell(i + 1).value = c.en;
    en.getCell(i + 1).font = GREY;
  });
  vi.height = 32;
  sheet.views = [{ state: 'frozen', ySplit: HEADER_ROWS }];
}

function addListsSheet(book: ExcelJS.Workbook, columns: readonly ColumnDef[]) {
  const lists = book.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const ranges = new Map<string, string>();
  let at = 1;
  for (const c of columns) {
    if (!c.options) continue;
    lists.getCell(1, at).value = c.vi;
    c.options.forEach((o, i) => (lists.getCell(i + 2, at).value = o.label));
    const col = letter(at);
    ranges.set(c.key, `'${LISTS_SHEET}'!$${col}$2:$${col}$${c.options.length + 1}`);
    at++;
  }
  return ranges;
}

function addGuideSheet(book: ExcelJS.Workbook, intro: readonly string[], columns: readonly ColumnDef[]) {
  const guide = book.addWorksheet(GUIDE_SHEET);
  guide.columns = [{ width: 8 }, { width: 34 }, { width: 30 }, { width: 10 }, { width: 80 }, { width: 30 }];
  guide.addRow(['Hướng dẫn nhập liệu / How to fill in this template']).font = { bold: true, size: 14 };
  for (const line of [...intro, ...COMMON_RULES]) guide.addRow([`• ${line}`]);
  guide.addRow([]);
  const head = guide.addRow(['Cột', 'Tiêu đề', 'Heading (English)', 'Bắt buộc', 'Cách ghi', 'Ví dụ']);
  head.font = { bold: true };
  head.eachCell((cell) => (cell.fill = HEADER_FILL));
  columns.forEach((c, i) => {
    const allowed = c.options ? ` Danh mục: ${c.options.map((o) => o.label).join('; ')}.` : '';
    const row = guide.addRow([letter(i + 1), c.vi, c.en, c.required ? 'Có' : '', `${c.help}${allowed}`, c.example]);
    row.alignment = { wrapText: true, vertical: 'top' };
  });
}

/** A template: its data sheet's name, its columns, and what the guide says first about its rows. */
export type TemplateSpec = { sheetName: string; columns: readonly ColumnDef[]; intro: readonly string[] };

/**
 * A downloadable template: a data sheet with Vietnamese and English headers, one example row
 * and drop-down lists for every enumeration, a guide sheet explaining each column, and a hidden
 * sheet holding the lists (inline lists are capped at 255 characters).
 */
export async function buildTemplate(spec: TemplateSpec): Promise<Buffer> {
  const { columns } = spec;
  const book = new ExcelJS.Workbook();
  book.creator = 'Hoptac';
  const data = book.addWorksheet(spec.sheetName);
  writeHeaderRows(data, columns, true);
  data.addRow(columns.map((c) => c.example)).font = GREY;
  const ranges = addListsSheet(book, columns);
  addGuideSheet(book, spec.intro, columns);
  const last = HEADER_ROWS + VALIDATED_ROWS;
  columns.forEach((c, i) => {
    const col = letter(i + 1);
    // Codes stay text, so Excel keeps their leading zeros.
    if (c.kind === 'text') data.getColumn(i + 1).numFmt = '@';
    if (c.kind === 'date') data.getColumn(i + 1).numFmt = 'dd/mm/yyyy';
    const source = ranges.get(c.key);
    if (!source) return;
    // Several sectors go in one cell separated by ";", so that list only warns.
    const strict = c.kind !== 'enumList';
    (data as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      `${col}${HEADER_ROWS + 1}:${col}${last}`,
      {
        type: 'list',
        allowBlank: !c.required,
        formulae: [source],
        showErrorMessage: true,
        errorStyle: strict ? 'stop' : 'warning',
        errorTitle: c.vi,
        error: strict ? 'Chọn một giá trị trong danh sách.' : 'Giá trị ngoài danh sách: kiểm tra lại.',
      },
    );
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
