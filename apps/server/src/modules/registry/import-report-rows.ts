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
import { findEntitiesByCodes, type EntityForReport } from './imports.repository.ts';
import { columnOf, parseRow, ruleMessage, SeenKeys, type RowErrors } from './import-rows.ts';
import { REPORT_COLUMNS } from './report-columns.ts';
import { checkReportYear, figuresOf, prepareReport } from './report-input.ts';
import { canRegisterIn, isCityAdmin } from './registry.access.ts';
import { findReportsByKeys, type ReportValues } from './reports.repository.ts';
import type { SheetRow } from './xlsx-reader.ts';

/** The API's report input plus what identifies the report in a sheet: the entity's code and the year. */
const reportRowSchema = reportInputSchema.extend({
  entityCode: z.string().trim().min(1).max(40).transform(normalizeRegistrationCode),
  year: z.number().int().min(2000).max(2100),
  status: reportStatusSchema.default('submitted'),
});
type ReportRowInput = z.infer<typeof reportRowSchema>;

/** Statuses an import may give a report: the officer's own steps, and approval for the city. */
function statusAllowed(user: SessionUser, status: ReportStatus): boolean {
  if (status === 'returned') return false;
  return status !== 'approved' || isCityAdmin(user);
}

export type ReportRowContext = { db: DbOrTx; user: SessionUser; now: Date };

/**
 * Checks annual-report rows with the API's rules: the same schema, the entity found by its code
 * within the caller's commune scope, `checkReportYear`, `prepareReport` (hard errors, rating points,
 * warnings against the previous year), no two rows for one entity and year, and no overwriting a
 * report already submitted or approved. Lookups are batched per chunk of rows.
 */
export function createReportRowValidator(ctx: ReportRowContext) {
  const seen = new SeenKeys();
  const col = (key: string) => columnOf(REPORT_COLUMNS, [key]);
  const by = ctx.user.id;

  function workflow(status: ReportStatus): Partial<ReportValues> {
    const at = ctx.now;
    if (status === 'draft') return {};
    const submitted = { submittedAt: at, submittedBy: by };
    if (status === 'submitted') return submitted;
    const accepted = { ...submitted, acceptedAt: at, acceptedBy: by };
    return status === 'accepted' ? accepted : { ...accepted, approvedAt: at, approvedBy: by };
  }

  return {
    /** Checks a batch of rows; returns the values of the rows without errors. */
    async validate(rows: SheetRow[], errors: RowErrors): Promise<ReportValues[]> {
      const parsed: { row: SheetRow; data: ReportRowInput; cellsOk: boolean }[] = [];
      for (const row of rows) {
        const { data, cellsOk } = parseRow(REPORT_COLUMNS, reportRowSchema, row, errors);
        if (data) parsed.push({ row, data, cellsOk });
      }
      const entities = await findEntitiesByCodes(ctx.db, [...new Set(parsed.map((p) => p.data.entityCode))]);
      const matched: { row: SheetRow; data: ReportRowInput; cellsOk: boolean; entity: EntityForReport }[] = [];
      for (const { row, data, cellsOk } of parsed) {
        const at = row.number;
        const candidates = entities.get(data.entityCode) ?? [];
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
        const yearIssue = checkReportYear(entity, data.year, ctx.now);
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
        matched.push({ row, data, cellsOk, entity });
      }
      const keys = matched.flatMap(({ data, entity }) => [
        { entityId: entity.id, year: data.year },
        { entityId: entity.id, year: data.year - 1 },
      ]);
      const existing = await findReportsByKeys(ctx.db, keys);
      const out: ReportValues[] = [];
      for (const { row, data, cellsOk, entity } of matched) {
        const current = existing.get(`${entity.id}:${data.year}`);
        if (current && !isReportEditable(current.status as ReportStatus)) {
          const message = `Báo cáo năm ${data.year} của chủ thể này đã nộp hoặc đã duyệt, không thể ghi đè`;
          errors.add({ row: row.number, column: col('year'), code: 'report_locked', message });
          continue;
        }
        const previous = existing.get(`${entity.id}:${data.year - 1}`);
        const { entityCode: _code, year, status, ...input } = data;
        const { content, issues } = prepareReport(entity, input, previous ? figuresOf(previous) : null);
        for (const i of issues) {
          const column = columnOf(REPORT_COLUMNS, i.path);
          errors.add({ row: row.number, column, code: i.code, message: ruleMessage(i.code, i.message) });
        }
        if (content && cellsOk) out.push({ ...content, entityId: entity.id, year, status, ...workflow(status) });
      }
      return out;
    },
  };
}
