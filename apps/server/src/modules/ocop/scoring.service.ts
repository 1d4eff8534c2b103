import {
  answerPoints,
  councilResult,
  findCriterion,
  listCriteria,
  scoreSheet,
  sumPoints,
  validateAnswers,
  type CouncilResult,
  type OcopAggregate,
  type OcopDossierOutcome,
  type OcopMemberScoreSheet,
  type OcopMyScoreSheet,
  type OcopStar,
  type RubricAnswers,
  type RubricKnockOut,
  type RubricSheet,
  type SaveOcopScoreSheetBody,
  type SessionUser,
} from '@hoptac/core';
import type { Db } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../kernel/audit.ts';
import { AppError } from '../../kernel/errors.ts';
import { loadDossier, type DossierContext } from './dossiers.context.ts';
import type { DossiersService } from './dossiers.service.ts';
import * as dossiers from './dossiers.repository.ts';
import { updateProduct } from './products.repository.ts';
import { isScorer, requireScoringSeat } from './rounds.access.ts';
import { answerIssuesError, type RubricsService } from './rubrics.service.ts';
import * as repo from './scoring.repository.ts';

const DEFAULT_THRESHOLD = 10;

/**
 * The council's outcome (QĐ 26/2026 Điều 4; the same under the QĐ 148 transition since QĐ 1489
 * moved 3★ to the province): 3★/4★ are decided by the province, a 5★ result (total ≥ 90) is
 * proposed to the ministry, 1–2★ and knocked-out products get no certificate.
 */
export function outcomeOf(star: OcopStar | null, total: number): OcopDossierOutcome {
  if (star === null || star < 3) return 'not_certified';
  return star === 5 && total >= 90 ? 'proposed_national' : 'awaiting_decision';
}

/** A member's knock-out counts for the council when a strict majority of the sheets record one (council.ts). */
function majorityKnockOut(sheets: repo.SheetRow[]): RubricKnockOut | null {
  const votes = sheets.filter((s) => s.knockOut);
  return votes.length * 2 > sheets.length ? votes[0]!.knockOut : null;
}

/**
 * Per criterion, an answer worth the consensus points: a member's own answer when one gave exactly
 * those points (the consensus is the lower median, so one did unless their answer was left blank
 * after a halt), else the first level with those points.
 */
function consensusAnswers(sheet: RubricSheet, result: CouncilResult, sets: RubricAnswers[]): RubricAnswers {
  const out: RubricAnswers = {};
  for (const c of result.criteria) {
    const criterion = findCriterion(sheet, c.code)!;
    const member = sets.find(
      (a) => a[c.code] !== undefined && answerPoints(criterion, a[c.code]) === c.consensusPoints,
    );
    if (member) out[c.code] = member[c.code]!;
    else {
      const level = criterion.levels.findIndex((l) => l.points === c.consensusPoints);
      out[c.code] = level >= 0 ? level : criterion.conditional ? null : 0;
    }
  }
  return out;
}

export function createScoringService(deps: {
  db: Db;
  rubrics: RubricsService;
  dossiers: DossiersService;
  now?: () => Date;
}) {
  const { db, rubrics } = deps;
  const now = deps.now ?? (() => new Date());

  function describe(sheet: RubricSheet, dossierId: string, saved: repo.SheetRow | null): OcopMyScoreSheet {
    const answers = saved?.answers ?? {};
    const knockOut = saved?.knockOut ?? null;
    const missing = validateAnswers(sheet, answers)
      .filter((i) => i.code === 'MISSING')
      .map((i) => i.criterion!);
    const points = new Map(
      listCriteria(sheet).map(({ criterion: c }) => [
        c.code,
        answerPoints(c, Object.hasOwn(answers, c.code) ? answers[c.code] : undefined),
      ]),
    );
    const running = sumPoints(sheet, points);
    const complete = validateAnswers(sheet, answers, { knockOut }).length === 0 && missing.length === 0;
    return {
      dossierId,
      rubricId: sheet.id,
      version: sheet.version,
      status: (saved?.status as 'draft' | 'submitted' | undefined) ?? 'new',
      answers,
      knockOut: knockOut ? { reason: knockOut.reason, criterion: knockOut.criterion ?? null } : null,
      comments: saved?.comments ?? {},
      missing,
      running: { total: running.total, parts: running.parts },
      result: complete ? scoreSheet(sheet, answers, { knockOut }) : null,
      updatedAt: saved?.updatedAt.toISOString() ?? null,
      submittedAt: saved?.submittedAt?.toISOString() ?? null,
    };
  }

  /** The answers' and comments' issues against the sheet; unanswered criteria are not issues in a draft. */
  function checkDraft(sheet: RubricSheet, body: SaveOcopScoreSheetBody) {
    const issues = validateAnswers(sheet, body.answers, { knockOut: body.knockOut ?? null }).filter(
      (i) => i.code !== 'MISSING',
    );
    if (issues.length > 0) throw answerIssuesError(issues, ['body', 'answers']);
    const unknown = Object.keys(body.comments ?? {}).filter((code) => !findCriterion(sheet, code));
    if (unknown.length > 0)
      throw new AppError('VALIDATION_FAILED', 'Comments name criteria not on the sheet', {
        issues: unknown.map((code) => ({
          path: ['body', 'comments', code],
          message: `criterion ${code} is not on sheet ${sheet.id}`,
          code: 'UNKNOWN_CRITERION',
        })),
      });
  }

  /**
   * The submitted sheets that count (expected members only) and who is still to submit. Scores
   * are hidden from a scoring member until their own sheet is submitted (SCORES_HIDDEN), from
   * advisors always (FORBIDDEN); city admins see them.
   */
  async function submittedView(user: SessionUser, ctx: DossierContext) {
    const { row, cap } = ctx;
    if (!cap.admin && !isScorer(cap.seat))
      throw new AppError('FORBIDDEN', 'Scores are for the council and city admins');
    const d = row.dossier;
    const scorers = await repo.listScorers(db, d.roundId, d.entityId);
    const sheets = await repo.listSubmitted(
      db,
      d.id,
      scorers.map((s) => s.userId),
    );
    if (isScorer(cap.seat) && !sheets.some((s) => s.userId === user.id))
      throw new AppError('SCORES_HIDDEN', 'Submit your own score sheet first');
    return { d, scorers, sheets };
  }

  return {
    async mine(user: SessionUser, dossierId: string): Promise<OcopMyScoreSheet> {
      const ctx = await loadDossier(db, user, dossierId);
      requireScoringSeat(ctx.cap);
      const d = ctx.row.dossier;
      const [sheet, saved] = await Promise.all([
        rubrics.load(d.rubricId, d.rubricVersion),
        repo.findSheet(db, d.id, user.id),
      ]);
      return describe(sheet, d.id, saved);
    },

    async save(user: SessionUser, dossierId: string, body: SaveOcopScoreSheetBody, actor: Actor) {
      const ctx = await loadDossier(db, user, dossierId);
      requireScoringSeat(ctx.cap);
      const d = ctx.row.dossier;
      const sheet = await rubrics.load(d.rubricId, d.rubricVersion);
      checkDraft(sheet, body);
      const knockOut = body.knockOut
        ? { reason: body.knockOut.reason, criterion: body.knockOut.criterion ?? null }
        : null;
      const complete = validateAnswers(sheet, body.answers).length === 0;
      const score = complete ? scoreSheet(sheet, body.answers, { knockOut }) : null;
      await db.transaction(async (tx) => {
        // Share lock: many members write their sheets at once; a confirmation (update lock) waits for them.
        const locked = await dossiers.lockDossier(tx, d.id, 'share');
        if (locked!.status !== 'forwarded')
          throw new AppError('ACTION_NOT_ALLOWED', 'The council result is confirmed', { status: locked!.status });
        const before = await repo.findSheet(tx, d.id, user.id, true);
        if (before?.status === 'submitted') throw new AppError('SHEET_SUBMITTED', 'Your sheet is submitted');
        await repo.saveDraft(tx, {
          dossierId: d.id,
          userId: user.id,
          answers: body.answers,
          knockOut,
          comments: body.comments ?? {},
          total: score?.total ?? null,
          star: score?.star ?? null,
          at: now(),
        });
        await recordAudit(tx, actor, {
          action: 'ocop.score_sheet.save',
          entityType: 'ocop_dossier',
          entityId: d.id,
          after: { answers: body.answers, knockOut, comments: body.comments ?? {} },
        });
      });
      return describe(sheet, d.id, await repo.findSheet(db, d.id, user.id));
    },

    /** Submits the member's sheet: every criterion answered; final once submitted. */
    async submit(user: SessionUser, dossierId: string, actor: Actor): Promise<OcopMyScoreSheet> {
      const ctx = await loadDossier(db, user, dossierId);
      requireScoringSeat(ctx.cap);
      const d = ctx.row.dossier;
      const sheet = await rubrics.load(d.rubricId, d.rubricVersion);
      await db.transaction(async (tx) => {
        const locked = await dossiers.lockDossier(tx, d.id, 'share');
        if (locked!.status !== 'forwarded')
          throw new AppError('ACTION_NOT_ALLOWED', 'The council result is confirmed', { status: locked!.status });
        // The member's own row, locked: a save racing this submit cannot slip in between.
        const saved = await repo.findSheet(tx, d.id, user.id, true);
        if (saved?.status === 'submitted') throw new AppError('SHEET_SUBMITTED', 'Your sheet is submitted');
        const answers = saved?.answers ?? {};
        // A member who records a knock-out still scores every criterion, so the council's mean
        // is defined whether or not the majority agrees with the knock-out.
        if (!saved)
          throw new AppError('VALIDATION_FAILED', 'Save your answers first', {
            issues: [{ path: ['sheet', 'answers'], message: 'No answers saved yet', code: 'MISSING' }],
          });
        const issues = validateAnswers(sheet, answers);
        if (issues.length > 0) throw answerIssuesError(issues, ['sheet', 'answers']);
        const score = scoreSheet(sheet, answers, { knockOut: saved.knockOut });
        const at = now();
        await repo.markSubmitted(tx, saved.id, score.total, score.star, at);
        await recordAudit(tx, actor, {
          action: 'ocop.score_sheet.submit',
          entityType: 'ocop_dossier',
          entityId: d.id,
          after: { total: score.total, star: score.star, knockOut: saved.knockOut },
        });
      });
      return describe(sheet, d.id, await repo.findSheet(db, d.id, user.id));
    },

    /** The submitted sheets, with their members (see submittedView for who may see them). */
    async sheets(user: SessionUser, dossierId: string): Promise<OcopMemberScoreSheet[]> {
      const { scorers, sheets } = await submittedView(user, await loadDossier(db, user, dossierId));
      const byUser = new Map(scorers.map((s) => [s.userId, s]));
      return sheets.map((s) => {
        const m = byUser.get(s.userId)!;
        return {
          member: { userId: m.userId, displayName: m.displayName, role: m.role },
          total: s.total ?? 0,
          star: s.star as OcopStar | null,
          knockOut: s.knockOut ? { reason: s.knockOut.reason, criterion: s.knockOut.criterion ?? null } : null,
          answers: s.answers,
          comments: s.comments,
          submittedAt: s.submittedAt!.toISOString(),
        };
      });
    },

    /** Mean, spreads, disagreement and the provisional star of the submitted sheets (councilResult). */
    async aggregate(user: SessionUser, dossierId: string): Promise<OcopAggregate> {
      const { d, scorers, sheets } = await submittedView(user, await loadDossier(db, user, dossierId));
      const submitted = new Set(sheets.map((s) => s.userId));
      const threshold = (await repo.findThreshold(db, d.roundId)) ?? DEFAULT_THRESHOLD;
      const sheet = await rubrics.load(d.rubricId, d.rubricVersion);
      return {
        dossierId: d.id,
        expected: scorers.length,
        submitted: sheets.length,
        complete: scorers.length > 0 && sheets.length === scorers.length,
        pending: scorers
          .filter((s) => !submitted.has(s.userId))
          .map((s) => ({ userId: s.userId, displayName: s.displayName, role: s.role })),
        knockOutVotes: sheets.filter((s) => s.knockOut).length,
        result:
          sheets.length === 0
            ? null
            : councilResult(
                sheet,
                sheets.map((s) => s.answers),
                { disagreementThreshold: threshold, knockOut: majorityKnockOut(sheets) },
              ),
      };
    },

    /**
     * The secretary (or the chair) confirms the council's result with the minutes once every
     * expected member has submitted. The dossier keeps the engine's result, the final total and
     * star, and the consensus answers the producer's plan is built on.
     */
    async confirm(user: SessionUser, dossierId: string, minutes: string, actor: Actor) {
      const ctx = await loadDossier(db, user, dossierId);
      if (ctx.cap.seat !== 'chair' && ctx.cap.seat !== 'secretary')
        throw new AppError('FORBIDDEN', 'The secretary or the chair confirms the result');
      const d = ctx.row.dossier;
      const sheet = await rubrics.load(d.rubricId, d.rubricVersion);
      await db.transaction(async (tx) => {
        const locked = await dossiers.lockDossier(tx, d.id, 'update');
        if (locked!.status !== 'forwarded')
          throw new AppError('INVALID_STATUS_CHANGE', `A ${locked!.status} dossier cannot be confirmed`, {
            status: locked!.status,
          });
        const scorers = await repo.listScorers(tx, d.roundId, d.entityId);
        const sheets = await repo.listSubmitted(
          tx,
          d.id,
          scorers.map((s) => s.userId),
        );
        if (scorers.length === 0 || sheets.length < scorers.length)
          throw new AppError('SCORING_INCOMPLETE', 'Every member must submit first', {
            expected: scorers.length,
            submitted: sheets.length,
          });
        const threshold = (await repo.findThreshold(tx, d.roundId)) ?? DEFAULT_THRESHOLD;
        const sets = sheets.map((s) => s.answers);
        const result = councilResult(sheet, sets, {
          disagreementThreshold: threshold,
          knockOut: majorityKnockOut(sheets),
        });
        const outcome = outcomeOf(result.star, result.total);
        const at = now();
        await dossiers.updateDossier(
          tx,
          d.id,
          {
            status: 'confirmed',
            outcome,
            finalTotal: result.total,
            finalStar: result.star,
            result,
            consensusAnswers: consensusAnswers(sheet, result, sets),
            minutes,
            confirmedBy: user.id,
            confirmedAt: at,
          },
          at,
        );
        // Not certified: the producer may improve the product and submit it to a later round.
        if (outcome === 'not_certified') await updateProduct(tx, d.productId, { status: 'draft' });
        await dossiers.insertEvent(tx, { dossierId: d.id, action: 'confirmed', comment: null, actorId: user.id, at });
        await recordAudit(tx, actor, {
          action: 'ocop.dossier.confirm',
          entityType: 'ocop_dossier',
          entityId: d.id,
          before: { status: 'forwarded' },
          after: {
            status: 'confirmed',
            outcome,
            total: result.total,
            star: result.star,
            knockedOut: result.knockedOut,
          },
        });
      });
      return deps.dossiers.get(user, dossierId);
    },
  };
}

export type ScoringService = ReturnType<typeof createScoringService>;
