import {
  applyReportAction,
  isReportEditable,
  REPORT_ACTIONS,
  type AnnualReport,
  type ReportAction,
  type ReportActionBody,
  type ReportInput,
  type ReportStatus,
  type SessionUser,
} from '@hoptac/core';
import type { Db, DbOrTx } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../kernel/audit.ts';
import { AppError, validationFailed } from '../../kernel/errors.ts';
import { findEntityScope } from './entities.repository.ts';
import { checkReportYear, figuresOf, findFigureIssues, prepareReport, type ReportInputIssue } from './report-input.ts';
import {
  assertAllowed,
  canEdit,
  canReview,
  canSeeFull,
  isCityAdmin,
  type EntityScopeFacts,
} from './registry.access.ts';
import { dueDatesOf, lateAfter } from './reports-progress.service.ts';
import * as repo from './reports.repository.ts';

type EntityFacts = NonNullable<Awaited<ReturnType<typeof findEntityScope>>>;

/**
 * Who may take a workflow step, given the report's status: the entity or its officer submits,
 * the commune officer (or the city) accepts and returns a submitted report, and only the city
 * returns an accepted report, approves and unlocks.
 */
function roleAllows(user: SessionUser, e: EntityScopeFacts, action: ReportAction, status: ReportStatus): boolean {
  switch (action) {
    case 'submit':
      return canEdit(user, e);
    case 'accept':
      return canReview(user, e);
    case 'return':
      return status === 'accepted' ? isCityAdmin(user) : canReview(user, e);
    case 'approve':
    case 'unlock':
      return isCityAdmin(user);
  }
}

function allowedActions(user: SessionUser, e: EntityScopeFacts, status: ReportStatus): ReportAction[] {
  return REPORT_ACTIONS.filter((a) => applyReportAction(status, a) !== null && roleAllows(user, e, a, status));
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

type ViewContext = { user: SessionUser; entity: EntityFacts; dueDate: string; now: Date };

function toAnnualReport(r: repo.ReportRow, ctx: ViewContext): AnnualReport {
  const status = r.status as ReportStatus;
  return {
    id: r.id,
    entityId: r.entityId,
    year: r.year,
    status,
    ...figuresOf(r),
    productsServices: r.productsServices,
    valueChainDescription: r.valueChainDescription,
    monthsOperating: r.monthsOperating,
    suspendedMonths: r.suspendedMonths,
    ratingPoints: r.ratingPoints as Record<string, number> | null,
    rating: r.rating as AnnualReport['rating'],
    ratingTotal: r.ratingTotal,
    scaleClass: r.scaleClass as AnnualReport['scaleClass'],
    warnings: r.warnings as AnnualReport['warnings'],
    returnReason: r.returnReason,
    submittedAt: iso(r.submittedAt),
    acceptedAt: iso(r.acceptedAt),
    approvedAt: iso(r.approvedAt),
    updatedAt: r.updatedAt.toISOString(),
    late: (r.submittedAt ?? ctx.now) >= lateAfter(ctx.dueDate),
    canEdit: isReportEditable(status) && canEdit(ctx.user, ctx.entity),
    allowedActions: allowedActions(ctx.user, ctx.entity, status),
  };
}

function invalid(issues: ReportInputIssue[], where: string): AppError {
  return new AppError('VALIDATION_FAILED', 'Validation failed', {
    issues: issues.map((i) => ({ path: [where, ...i.path], message: i.message, code: i.code })),
  });
}

function notEditable(status: string): AppError {
  return new AppError('REPORT_NOT_EDITABLE', `A ${status} report cannot be changed`, { status });
}

/** The workflow columns an action sets, besides the status. */
function stepValues(action: ReportAction, by: string | null, at: Date, reason: string | undefined) {
  switch (action) {
    case 'submit':
      // A new submission starts a fresh review: earlier acceptance and approval no longer hold.
      return {
        submittedAt: at,
        submittedBy: by,
        returnReason: null,
        acceptedAt: null,
        acceptedBy: null,
        approvedAt: null,
        approvedBy: null,
      };
    case 'accept':
      return { acceptedAt: at, acceptedBy: by };
    case 'approve':
      return { approvedAt: at, approvedBy: by };
    case 'return':
    case 'unlock':
      return { returnReason: reason ?? null };
  }
}

const PAST_TENSE: Record<ReportAction, string> = {
  submit: 'submitted',
  accept: 'accepted',
  approve: 'approved',
  return: 'returned',
  unlock: 'unlocked',
};

export function createReportsService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function entityFor(id: string): Promise<EntityFacts> {
    const entity = await findEntityScope(db, id);
    if (!entity) throw new AppError('NOT_FOUND', 'No such entity');
    return entity;
  }

  async function present(user: SessionUser, entity: EntityFacts, rows: repo.ReportRow[]) {
    const dueDates = await dueDatesOf(
      db,
      rows.map((r) => r.year),
    );
    const at = now();
    return rows.map((r) => toAnnualReport(r, { user, entity, dueDate: dueDates.get(r.year)!, now: at }));
  }

  async function lockedReport(tx: DbOrTx, entityId: string, year: number) {
    const row = await repo.findReport(tx, entityId, year, true);
    if (!row) throw new AppError('NOT_FOUND', `No report for ${year}`);
    return row;
  }

  return {
    /** Every report of an entity, newest year first, for those who see its full record. */
    async list(user: SessionUser, entityId: string): Promise<AnnualReport[]> {
      const entity = await entityFor(entityId);
      assertAllowed(canSeeFull(user, entity), 'see the reports of this entity');
      return present(user, entity, await repo.listReports(db, entityId));
    },

    /** One year's report. */
    async get(user: SessionUser, entityId: string, year: number): Promise<AnnualReport> {
      const entity = await entityFor(entityId);
      assertAllowed(canSeeFull(user, entity), 'see the reports of this entity');
      const row = await repo.findReport(db, entityId, year);
      if (!row) throw new AppError('NOT_FOUND', `No report for ${year}`);
      return (await present(user, entity, [row]))[0]!;
    },

    /**
     * Creates or updates the year's draft. Hard errors refuse it; outliers against the previous
     * year are stored as warnings. Rating and scale are recomputed on every save.
     */
    async save(user: SessionUser, entityId: string, year: number, input: ReportInput, actor: Actor) {
      const entity = await entityFor(entityId);
      assertAllowed(canEdit(user, entity), 'edit the reports of this entity');
      const existing = await repo.findReport(db, entityId, year);
      if (existing && !isReportEditable(existing.status as ReportStatus)) throw notEditable(existing.status);
      const yearIssue = checkReportYear(entity, year, now());
      if (yearIssue) throw invalid([yearIssue], 'params');
      const previous = await repo.findReport(db, entityId, year - 1);
      const { content, issues } = prepareReport(entity, input, previous ? figuresOf(previous) : null);
      if (!content) throw invalid(issues, 'body');
      const row = await db.transaction(async (tx) => {
        const at = now();
        const before = await repo.findReport(tx, entityId, year, true);
        if (!before) {
          const created = await repo.insertReport(tx, { ...content, entityId, year, createdAt: at, updatedAt: at });
          if (!created) throw new AppError('CONFLICT', 'The report was created meanwhile; reload it');
          await recordAudit(tx, actor, {
            action: 'report.created',
            entityType: 'annual_report',
            entityId: created.id,
            after: created,
          });
          return created;
        }
        if (!isReportEditable(before.status as ReportStatus)) throw notEditable(before.status);
        const updated = await repo.updateReport(tx, before.id, { ...content, updatedAt: at });
        await recordAudit(tx, actor, {
          action: 'report.updated',
          entityType: 'annual_report',
          entityId: before.id,
          before,
          after: updated,
        });
        return updated;
      });
      return (await present(user, entity, [row]))[0]!;
    },

    /** Takes one workflow step (submit, accept, approve, return, unlock); approval rates the entity. */
    async act(user: SessionUser, entityId: string, year: number, body: ReportActionBody, actor: Actor) {
      const entity = await entityFor(entityId);
      assertAllowed(canSeeFull(user, entity), 'see the reports of this entity');
      const { action, reason } = body;
      const current = await repo.findReport(db, entityId, year);
      if (!current) throw new AppError('NOT_FOUND', `No report for ${year}`);
      assertAllowed(roleAllows(user, entity, action, current.status as ReportStatus), `${action} this report`);
      if ((action === 'return' || action === 'unlock') && !reason) {
        throw validationFailed(['body', 'reason'], 'Say what must be corrected', 'required');
      }
      const row = await db.transaction(async (tx) => {
        const before = await lockedReport(tx, entityId, year);
        const from = before.status as ReportStatus;
        const to = applyReportAction(from, action);
        if (!to) {
          throw new AppError('ACTION_NOT_ALLOWED', `Cannot ${action} a ${from} report`, { status: from, action });
        }
        // The status may have moved since the first read: the role rule depends on it.
        assertAllowed(roleAllows(user, entity, action, from), `${action} this report`);
        if (action === 'submit') {
          const errors = findFigureIssues(figuresOf(before));
          if (errors.length > 0) throw invalid(errors, 'report');
        }
        const at = now();
        const updated = await repo.updateReport(tx, before.id, {
          status: to,
          ...stepValues(action, actor.userId, at, reason),
          updatedAt: at,
        });
        const entityRating =
          action === 'approve' || action === 'unlock' ? await repo.syncEntityRating(tx, entityId, at) : undefined;
        await recordAudit(tx, actor, {
          action: `report.${PAST_TENSE[action]}`,
          entityType: 'annual_report',
          entityId: before.id,
          before: { status: from, returnReason: before.returnReason },
          after: { status: to, entityId, year, reason: reason ?? null, ...(entityRating ? { entityRating } : {}) },
        });
        return updated;
      });
      return (await present(user, entity, [row]))[0]!;
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;

/**
 * Writes reports already checked with `prepareReport` (the XLSX import) chunk by chunk inside the
 * caller's transaction, so an import stays all-or-nothing while it holds one chunk at a time:
 * `encode` turns a chunk into the text `write` takes (it needs no transaction, so a caller can
 * build the next chunk while the last one is written), `finish` closes the batch. Existing drafts
 * and returned reports of the same entity and year are replaced; a locked one fails the batch in
 * `finish`. One summary audit entry covers the batch: an entry per row would double the cost of a
 * 10,000-row import.
 */
export function createReportsWriter(actor: Actor, opts: { source?: string; now?: Date } = {}) {
  const at = opts.now ?? new Date();
  // Every report of the batch by `${entityId}:${year}`, with its index, to refuse a second one.
  const seen = new Map<string, number>();
  const entities = new Set<string>();
  const approved = new Set<string>();
  const years = new Set<number>();
  let written = 0;
  return {
    encode(rows: readonly repo.ReportValues[]): string {
      for (const r of rows) {
        const key = `${r.entityId}:${r.year}`;
        const first = seen.get(key);
        if (first !== undefined) {
          throw validationFailed(['rows', seen.size], `Same entity and year as row ${first}`, 'duplicate_report');
        }
        seen.set(key, seen.size);
        entities.add(r.entityId);
        years.add(r.year);
        if (r.status === 'approved') approved.add(r.entityId);
      }
      return repo.reportsJson(rows, at);
    },

    async write(tx: DbOrTx, chunk: string): Promise<void> {
      written += await repo.upsertReportsJson(tx, chunk);
    },

    async finish(tx: DbOrTx): Promise<{ written: number }> {
      if (seen.size === 0) return { written };
      if (written < seen.size) {
        throw new AppError(
          'REPORT_NOT_EDITABLE',
          `${seen.size - written} report(s) are already submitted or approved`,
          {
            locked: seen.size - written,
          },
        );
      }
      await repo.syncEntityRatingsBulk(tx, [...approved], at);
      await recordAudit(tx, actor, {
        action: 'report.imported',
        entityType: 'annual_report',
        after: { source: opts.source ?? null, count: seen.size, entities: entities.size, years: [...years].sort() },
      });
      return { written };
    },
  };
}

/** All of `rows` through `createReportsWriter`, in the caller's transaction. */
export async function insertReportsBulk(
  tx: DbOrTx,
  rows: repo.ReportValues[],
  actor: Actor,
  opts: { source?: string; now?: Date } = {},
): Promise<{ written: number }> {
  const writer = createReportsWriter(actor, opts);
  for (let i = 0; i < rows.length; i += repo.BULK_CHUNK) {
    await writer.write(tx, writer.encode(rows.slice(i, i + repo.BULK_CHUNK)));
  }
  return writer.finish(tx);
}
