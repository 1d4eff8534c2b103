import {
  isReportEditable,
  normalizeRegistrationCode,
  reportInputSchema,
  reportStatusSchema,
  type ReportStatus,
  type SessionUser,
} from '@hoptac/core';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { findReportTargets, reportTargetKey, type ReportTarget } from './imports.repository.ts';
import { columnOf, parseRow, SeenKeys, type RowErrors } from '../../kernel/xlsx/rows.ts';
import { ruleMessage } from './rule-messages.ts';
import { REPORT_COLUMNS } from './report-columns.ts';
import { checkReportYear, prepareReport, type ReportEntityFacts } from './report-input.ts';
import { canRegisterIn, isCityAdmin } from './registry.access.ts';
import type { ReportValues } from './reports.repository.ts';
import type { SheetRow } from '../../kernel/xlsx/reader.ts';

/** The API's report input plus what identifies the report in a sheet: the entity's code and the year. */
const reportRowSchema = reportInputSchema.extend({
  entityCode: z.string().trim().min(1).max(40).transform(normalizeRegistrationCode),
  year: z.number().int().min(2000).max(2100),
  status: reportStatusSchema.default('submitted'),
});
type ReportRowInput = z.infer<typeof reportRowSchema>;
/**
 * A row whose cells passed the schema, by its row number (not its cells: they are dropped once
 * read); `cellsOk` false when some cell could not be read (the row is checked, not kept).
 */
type ParsedRow = { at: number; data: ReportRowInput; cellsOk: boolean };

/** Statuses an import may give a report: the officer's own steps, and approval for the city. */
function statusAllowed(user: SessionUser, status: ReportStatus): boolean {
  if (status === 'returned') return false;
  return status !== 'approved' || isCityAdmin(user);
}

/** What the report rules read of an entity. */
function factsOf(e: ReportTarget): ReportEntityFacts {
  return {
    id: e.id,
    type: e.type,
    registrationDate: e.registrationDate,
    sectors: e.firstSector ? [e.firstSector] : [],
  };
}

export type ReportRowContext = { db: DbOrTx; user: SessionUser; now: Date };

/**
 * Checks annual-report rows with the API's rules: the same schema, the entity found by its code
 * within the caller's commune scope, `checkReportYear`, `prepareReport` (hard errors, rating points,
 * warnings against the previous year), no two rows for one entity and year, and no overwriting a
 * report already submitted or approved. One lookup per chunk of rows.
 */
export function createReportRowValidator(ctx: ReportRowContext) {
  const seen = new SeenKeys();
  const col = (key: string) => columnOf(REPORT_COLUMNS, [key]);
  const by = ctx.user.id;
  const now = ctx.now;
  // The workflow stamps of each status, shared by every row that has it.
  const submitted = { submittedAt: now, submittedBy: by };
  const accepted = { ...submitted, acceptedAt: now, acceptedBy: by };
  const workflow: Record<ReportStatus, Partial<ReportValues>> = {
    draft: {},
    submitted,
    accepted,
    approved: { ...accepted, approvedAt: now, approvedBy: by },
    returned: {},
  };

  return {
    /**
     * Reads a chunk's cells and looks up what its checks need; the function it resolves to runs the
     * checks (chunks may be prepared ahead, but are checked in file order) and returns the values
     * of the rows without errors.
     */
    async prepare(rows: SheetRow[], errors: RowErrors): Promise<() => Promise<ReportValues[]>> {
      const parsed: ParsedRow[] = [];
      for (const row of rows) {
        const { data, cellsOk } = parseRow(REPORT_COLUMNS, reportRowSchema, row, errors);
        if (data) parsed.push({ at: row.number, data, cellsOk });
      }
      const targets = await findReportTargets(
        ctx.db,
        parsed.map(({ data }) => ({ code: data.entityCode, year: data.year })),
      );
      return async () => check(parsed, targets, errors);
    },
  };

  function check(parsed: ParsedRow[], targets: Map<string, ReportTarget[]>, errors: RowErrors): ReportValues[] {
    const out: ReportValues[] = [];
    for (const { at, data, cellsOk } of parsed) {
      const candidates = targets.get(reportTargetKey(data.entityCode, data.year)) ?? [];
      if (candidates.length !== 1) {
        const code = candidates.length === 0 ? 'entity_not_found' : 'ambiguous_code';
        const message =
          candidates.length === 0
            ? `Không có chủ thể mang mã số ${data.entityCode} trong sổ đăng ký`
            : `Mã số ${data.entityCode} thuộc nhiều chủ thể khác loại hình; hãy sửa trong sổ đăng ký`;
        errors.add({ row: at, column: col('entityCode'), code, message });
        continue;
      }
      const entity = candidates[0]!;
      if (!canRegisterIn(ctx.user, entity.communeCode)) {
        const message = `${ruleMessage('outside_scope', '')} (${entity.name})`;
        errors.add({ row: at, column: col('entityCode'), code: 'outside_scope', message });
        continue;
      }
      if (!statusAllowed(ctx.user, data.status)) {
        const message = 'Bạn không được đặt trạng thái này khi nhập báo cáo';
        errors.add({ row: at, column: col('status'), code: 'status_not_allowed', message });
        continue;
      }
      const facts = factsOf(entity);
      const yearIssue = checkReportYear(facts, data.year, ctx.now);
      if (yearIssue) {
        const message = ruleMessage(yearIssue.code, yearIssue.message);
        errors.add({ row: at, column: col('year'), code: yearIssue.code, message });
        continue;
      }
      const earlier = seen.check(`${entity.id}:${data.year}`, at);
      if (earlier !== null) {
        const message = `Trùng chủ thể và năm với dòng ${earlier}`;
        errors.add({ row: at, column: col('year'), code: 'duplicate_in_file', message });
        continue;
      }
      if (entity.currentStatus && !isReportEditable(entity.currentStatus as ReportStatus)) {
        const message = `Báo cáo năm ${data.year} của chủ thể này đã nộp hoặc đã duyệt, không thể ghi đè`;
        errors.add({ row: at, column: col('year'), code: 'report_locked', message });
        continue;
      }
      const { year, status } = data;
      // The row's input as is: `prepareReport` reads only the report's fields.
      const { content, issues } = prepareReport(facts, data, entity.previous);
      for (const i of issues) {
        const column = columnOf(REPORT_COLUMNS, i.path);
        errors.add({ row: at, column, code: i.code, message: ruleMessage(i.code, i.message) });
      }
      // Onto the content: a spread copy extended by five keys cost more than the rest of the row's checks.
      if (content && cellsOk) out.push(Object.assign(content, { entityId: entity.id, year, status }, workflow[status]));
    }
    return out;
  }
}
