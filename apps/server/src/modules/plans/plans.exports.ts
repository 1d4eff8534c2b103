import { PassThrough, type Readable } from 'node:stream';
import { vietnamDate, type Dashboard, type SessionUser } from '@hoptac/core';
import ExcelJS from 'exceljs';
import type { DashboardReader, View } from './dashboard.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Records per database round trip while an export streams. */
const EXPORT_PAGE = 1000;

export type ExportFile = { fileName: string; contentType: string; body: Readable };
type Sheet = { name: string; header: string[]; rows: AsyncIterable<(string | number | null)[][]> };

/** Writes sheets row by row into a streamed workbook: memory holds about one page. */
function workbook(sheets: Sheet[]): Readable {
  const out = new PassThrough();
  const write = async () => {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    for (const s of sheets) {
      const sheet = book.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
      const head = sheet.addRow(s.header);
      head.font = { bold: true };
      head.commit();
      for await (const page of s.rows) for (const r of page) sheet.addRow(r).commit();
      sheet.commit();
    }
    await book.commit();
  };
  write().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

async function* once<T>(rows: T[]) {
  yield rows;
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
const period = (t: { year: number; quarter: number | null }) =>
  t.quarter ? `Q${t.quarter}/${t.year}` : String(t.year);

function dashboardSheets(board: Dashboard): Sheet[] {
  return [
    {
      name: 'Chỉ tiêu',
      header: [
        'Chỉ tiêu / Indicator',
        'Phạm vi / Scope',
        'Kỳ / Period',
        'Mục tiêu / Target',
        'Thực hiện / Actual',
        '%',
        'Dự báo / Forecast',
        'Đánh giá / Status',
      ],
      rows: once(
        board.targets.map((t) => [
          t.indicator.id,
          t.scope.name ?? t.scope.level,
          period(t),
          t.target,
          round(t.actual),
          round(t.percent),
          round(t.forecast),
          t.status,
        ]),
      ),
    },
    {
      name: 'Theo đơn vị',
      header: [
        'Chỉ tiêu / Indicator',
        'Mã / Code',
        'Đơn vị / Unit',
        'Mục tiêu / Target',
        'Thực hiện / Actual',
        '%',
        'Đánh giá / Status',
      ],
      rows: once(
        board.targets.flatMap((t) =>
          t.breakdown.map((u) => [
            t.indicator.id,
            u.code,
            u.name,
            u.target,
            round(u.actual),
            round(u.percent),
            u.status,
          ]),
        ),
      ),
    },
  ];
}

export function createPlansExports(reader: DashboardReader, now: () => Date) {
  const stamp = () => vietnamDate(now());
  return {
    async dashboard(planId: string, view: View): Promise<ExportFile> {
      const board = await reader.dashboard(planId, view);
      return { fileName: `ke-hoach-${stamp()}.xlsx`, contentType: XLSX, body: workbook(dashboardSheets(board)) };
    },

    /** Every record behind a figure; the first page is read before answering so a 403/404 is still a status. */
    async records(user: SessionUser, planId: string, targetId: string, unit: string | undefined): Promise<ExportFile> {
      const first = await reader.records(user, planId, targetId, { page: 1, pageSize: EXPORT_PAGE, unit });
      const toRow = (r: (typeof first.items)[number]) => [
        r.name,
        r.entityName,
        r.entityType,
        r.communeCode,
        r.communeName,
        r.date,
        r.value,
      ];
      const pages = async function* () {
        yield first.items.map(toRow);
        for (let page = 2; (page - 1) * EXPORT_PAGE < first.total; page++) {
          const next = await reader.records(user, planId, targetId, { page, pageSize: EXPORT_PAGE, unit });
          yield next.items.map(toRow);
        }
      };
      return {
        fileName: `ho-so-chi-tieu-${first.def.id}-${stamp()}.xlsx`,
        contentType: XLSX,
        body: workbook([
          {
            name: 'Hồ sơ',
            header: [
              'Tên / Name',
              'Chủ thể / Entity',
              'Loại / Type',
              'Mã xã / Commune code',
              'Xã / Commune',
              'Ngày / Date',
              'Giá trị / Value',
            ],
            rows: pages(),
          },
        ]),
      };
    },
  };
}
