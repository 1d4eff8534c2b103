import { COOPERATIVE_TYPES, RATING_TT01_2020, type EntityType, type ReportInput } from '@hoptac/core';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows, type Db } from '../../../apps/server/src/db/client.ts';
import { REPORT_COLUMNS } from '../../../apps/server/src/modules/registry/report-columns.ts';
import { figuresOf, prepareReport, vietnamYear } from '../../../apps/server/src/modules/registry/report-input.ts';
import { findReportsByKeys, type ReportValues } from '../../../apps/server/src/modules/registry/reports.repository.ts';
import { REPORT_STATUS_LABELS, SHEET_NAMES } from '../../../apps/server/src/modules/registry/xlsx-columns.ts';
import { SAMPLE_REPORT_FIGURES } from '../../../apps/server/src/testing/registry-fixtures.ts';

/**
 * The import benchmark's workload: N annual reports for (entity, year) pairs that have no report
 * yet, so the import and the batched-insert ceiling both insert new rows rather than update. The
 * XLSX file and the ceiling's rows are derived from the same list, so both write the same rows.
 */

/** An existing entity and a year it has no report for; the fields are the ones the report rules read. */
export type ImportTarget = {
  id: string;
  code: string;
  name: string;
  type: string;
  registrationDate: string | null;
  sectors: string[];
  year: number;
};

export type WorkloadRow = { target: ImportTarget; input: ReportInput };

/** The import's row schema accepts years from 2000. */
const FIRST_YEAR = 2000;

/**
 * `count` (entity, year) pairs the import accepts as new reports, newest year first: every entity
 * with a registration code no other entity shares (the import refuses ambiguous codes), registered
 * by that year, without a report for it. The current year comes first because it is empty in the
 * synthetic register (reports stop at 2025); a scale with fewer entities than `count` continues
 * with the years its entities skipped, then with years before the synthetic reports start. Within
 * a year the order is a hash of the code: deterministic, and a fair mix of types and communes
 * (code order would put the 10-digit tax codes of cooperatives and enterprises first).
 */
export async function findImportTargets(db: Db, count: number, now: Date): Promise<ImportTarget[]> {
  const out: ImportTarget[] = [];
  for (let year = vietnamYear(now); year >= FIRST_YEAR && out.length < count; year--) {
    const rows = await queryRows<Omit<ImportTarget, 'year'>>(
      db,
      sql`select e.id, e.code, e.name, e.type, e.registration_date::text as "registrationDate", e.sectors
          from entities e
          where e.code is not null
            and (e.registration_date is null or e.registration_date < make_date(${year}::int + 1, 1, 1))
            and not exists (select 1 from entities o where o.code = e.code and o.id <> e.id)
            and not exists (select 1 from annual_reports r where r.entity_id = e.id and r.year = ${year}::int)
          order by md5(e.code)
          limit ${count - out.length}`,
    );
    for (const r of rows) out.push({ ...r, year });
  }
  if (out.length < count)
    throw new Error(
      `the register has only ${out.length} (entity, year) pairs without a report; the import needs ${count}`,
    );
  return out;
}

const VND_KEYS = [
  'revenue',
  'revenueFromMembers',
  'profit',
  'totalCapital',
  'indivisibleAssets',
  'avgMemberIncome',
  'avgWorkerMonthlyIncome',
] as const;

const PRODUCTS = ['Lúa gạo, dịch vụ làm đất', 'Rau an toàn', 'Bưởi Diễn', 'Dịch vụ thủy lợi', 'Gốm Bát Tràng', null];

/**
 * Self-assessed points every cooperative-type row carries, as a filled template would: criteria
 * with a maximum get one point less than it, criteria without one (10–15) share their group's
 * total. `shift` (0–2) varies the rows so the computed ratings differ.
 */
function ratingPoints(shift: number): Record<string, number> {
  const points: Record<string, number> = {};
  for (const group of RATING_TT01_2020.groups) {
    const open = group.criteria.filter((c) => c.maxPoints === null).length;
    for (const c of group.criteria) {
      const max = c.maxPoints ?? Math.floor(group.maxPoints / open);
      points[c.code] = Math.max(0, max - 1 - shift);
    }
  }
  return points;
}

/**
 * One report per target with plausible, varied figures: the sample report's money scaled by
 * 0.5–1.5 (scaling keeps its cross-field rules, e.g. revenue from members ≤ revenue).
 */
export function workloadRows(targets: readonly ImportTarget[]): WorkloadRow[] {
  return targets.map((target, i) => {
    const factor = 0.5 + (i % 101) / 100;
    const input: ReportInput = {
      ...SAMPLE_REPORT_FIGURES,
      productsServices: PRODUCTS[i % PRODUCTS.length] ?? null,
      valueChainDescription: null,
      ratingPoints: COOPERATIVE_TYPES.includes(target.type as EntityType) ? ratingPoints(i % 3) : null,
    };
    for (const key of VND_KEYS) input[key] = Math.round(SAMPLE_REPORT_FIGURES[key] * factor);
    return { target, input };
  });
}

/** The cells of one row in template column order; status "Đã nộp" as an official would pick it. */
function sheetCells({ target, input }: WorkloadRow): (string | number | null)[] {
  const { ratingPoints: points, ...rest } = input;
  const values: Record<string, string | number | null | undefined> = {
    ...rest,
    entityCode: target.code,
    entityName: target.name,
    year: target.year,
    status: REPORT_STATUS_LABELS.submitted,
  };
  for (const [criterion, p] of Object.entries(points ?? {})) values[`ratingPoints.${criterion}`] = p;
  return REPORT_COLUMNS.map((c) => values[c.key] ?? null);
}

/**
 * Writes the rows as the template lays them out (Vietnamese headers, English headers, data),
 * streamed so the bench never holds the workbook. Shared strings like Excel's, which also puts
 * them after the sheet: the reader then takes its temporary-copy path, as it does for real files.
 */
export async function writeWorkbook(file: string, rows: readonly WorkloadRow[]): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = book.addWorksheet(SHEET_NAMES['annual-reports']);
  sheet.addRow(REPORT_COLUMNS.map((c) => c.vi)).commit();
  sheet.addRow(REPORT_COLUMNS.map((c) => c.en)).commit();
  for (const row of rows) sheet.addRow(sheetCells(row)).commit();
  sheet.commit();
  await book.commit();
}

/**
 * The rows as the import stores them (`prepareReport` computes the rating, scale class and the
 * warnings against the previous year, as the import does), for the batched-insert ceiling. Also a
 * check that the workload passes the report rules before anything is timed.
 */
export async function storedRows(
  db: Db,
  rows: readonly WorkloadRow[],
  submittedBy: string,
  at: Date,
): Promise<ReportValues[]> {
  const previous = await findReportsByKeys(
    db,
    rows.map(({ target }) => ({ entityId: target.id, year: target.year - 1 })),
  );
  return rows.map(({ target, input }) => {
    const before = previous.get(`${target.id}:${target.year - 1}`);
    const { content, issues } = prepareReport(target, input, before ? figuresOf(before) : null);
    if (!content) {
      const codes = issues.map((i) => `${i.path.join('.')}: ${i.code}`).join(', ');
      throw new Error(`the workload's report for ${target.code}, ${target.year} breaks the report rules (${codes})`);
    }
    return {
      ...content,
      entityId: target.id,
      year: target.year,
      status: 'submitted',
      submittedAt: at,
      submittedBy,
      createdAt: at,
      updatedAt: at,
    };
  });
}

/** "2026" or "2021–2026", and how many entities the rows belong to. */
export function describeWorkload(rows: readonly WorkloadRow[]): { years: string; entities: number } {
  const years = rows.map((r) => r.target.year);
  const [low, high] = [Math.min(...years), Math.max(...years)];
  return {
    years: low === high ? String(low) : `${low}–${high}`,
    entities: new Set(rows.map((r) => r.target.id)).size,
  };
}
