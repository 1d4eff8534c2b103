import {
  OCOP_DOSSIER_STATUSES,
  QD148_TRANSITION_LAST_DAY,
  RUBRIC_DECISION_OF_REGIME,
  vietnamDate,
  type CreateOcopRoundBody,
  type DeclareOcopConflictBody,
  type OcopCouncil,
  type OcopCouncilRole,
  type OcopProcessRegime,
  type OcopRound,
  type OcopRoundListQuery,
  type OcopRoundStatus,
  type SessionUser,
  type SetOcopCouncilBody,
  type UpdateOcopRoundBody,
} from '@hoptac/core';
import type { Db } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../kernel/audit.ts';
import { AppError, validationFailed } from '../../kernel/errors.ts';
import { audienceOf, isScorer } from './rounds.access.ts';
import * as repo from './rounds.repository.ts';

type Counts = OcopRound['dossiers'];
const noCounts = (): Counts => ({ received: 0, returned: 0, forwarded: 0, confirmed: 0, certified: 0 });

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

export function createRoundsService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const today = () => vietnamDate(now());

  function toRound(r: repo.RoundRow, myRole: OcopCouncilRole | null, counts: Counts): OcopRound {
    return {
      id: r.id,
      name: r.name,
      year: r.year,
      processRegime: r.processRegime as OcopProcessRegime,
      rubricDecision: r.rubricDecision as OcopRound['rubricDecision'],
      status: r.status as OcopRoundStatus,
      submissionDeadline: r.submissionDeadline,
      acceptingSubmissions: r.status === 'open' && today() <= r.submissionDeadline,
      openedAt: r.openedAt?.toISOString() ?? null,
      closedAt: r.closedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      dossiers: counts,
      myCouncilRole: myRole,
    };
  }

  async function countsOf(ids: string[]): Promise<Map<string, Counts>> {
    const out = new Map<string, Counts>(ids.map((id) => [id, noCounts()]));
    for (const c of await repo.countDossiers(db, ids)) {
      const counts = out.get(c.roundId)!;
      if ((OCOP_DOSSIER_STATUSES as readonly string[]).includes(c.status)) counts[c.status as keyof Counts] = c.n;
    }
    return out;
  }

  /** The round if the caller may see it: 404 when it does not exist, 403 when hidden from them. */
  async function loadVisible(user: SessionUser, id: string) {
    const row = await repo.findRoundWithRole(db, id, user.id);
    if (!row) throw new AppError('NOT_FOUND', 'No such round');
    const a = audienceOf(user);
    const opened = row.round.status !== 'planned';
    const visible = a.all || (opened && (a.publishedRounds || (a.councilUserId !== null && row.myRole !== null)));
    if (!visible) throw new AppError('FORBIDDEN', 'Not a round you can see');
    return row;
  }

  async function reload(user: SessionUser, id: string): Promise<OcopRound> {
    const { round, myRole } = await loadVisible(user, id);
    return toRound(round, myRole, (await countsOf([id])).get(id)!);
  }

  /** The deadline rules of a regime: not in the past; within Điều 12's window for the transition. */
  function checkDeadline(regime: string, deadline: string) {
    if (deadline < today())
      throw validationFailed(['body', 'submissionDeadline'], 'The deadline is in the past', 'in_past');
    if (regime === 'qd148-transition' && deadline > QD148_TRANSITION_LAST_DAY)
      throw validationFailed(
        ['body', 'submissionDeadline'],
        `Transition dossiers (QĐ 26/2026 Điều 12) are finished under QĐ 148 by ${QD148_TRANSITION_LAST_DAY}`,
        'after_transition',
      );
  }

  async function council(user: SessionUser, roundId: string): Promise<OcopCouncil> {
    const { round, myRole } = await loadVisible(user, roundId);
    const admin = audienceOf(user).all;
    if (!admin && myRole === null) throw new AppError('FORBIDDEN', 'You do not sit on this council');
    const [settings, members, conflicts] = await Promise.all([
      repo.findCouncil(db, round.id),
      repo.listMembers(db, round.id),
      repo.listConflicts(db, round.id, admin ? undefined : user.id),
    ]);
    return {
      roundId: round.id,
      disagreementThreshold: settings?.disagreementThreshold ?? 10,
      members: members.map((m) => ({
        userId: m.userId,
        displayName: m.displayName,
        role: m.role as OcopCouncilRole,
        scores: isScorer(m.role as OcopCouncilRole),
      })),
      conflicts: conflicts.map((c) => ({
        userId: c.userId,
        displayName: c.displayName,
        entity: { id: c.entityId, name: c.entityName },
        reason: c.reason,
        recordedBy: c.recordedBy === c.userId ? 'self' : 'admin',
        recordedAt: c.recordedAt.toISOString(),
      })),
    };
  }

  async function transition(id: string, from: OcopRoundStatus, to: OcopRoundStatus, actor: Actor) {
    try {
      await db.transaction(async (tx) => {
        const round = await repo.findRound(tx, id, 'update');
        if (!round) throw new AppError('NOT_FOUND', 'No such round');
        if (round.status !== from)
          throw new AppError('INVALID_STATUS_CHANGE', `A ${round.status} round cannot become ${to}`, {
            status: round.status,
          });
        if (to === 'open') {
          const other = await repo.findOpenRoundOfRegime(tx, round.processRegime, id);
          if (other)
            throw new AppError('ROUND_ALREADY_OPEN', `Round "${other.name}" is open under the same process`, {
              roundId: other.id,
            });
          if (round.submissionDeadline < today())
            throw new AppError('ACTION_NOT_ALLOWED', 'The submission deadline has passed; move it first');
        }
        const at = now();
        await repo.updateRound(tx, id, to === 'open' ? { status: to, openedAt: at } : { status: to, closedAt: at }, at);
        await recordAudit(tx, actor, {
          action: `ocop.round.${to === 'open' ? 'open' : 'close'}`,
          entityType: 'ocop_round',
          entityId: id,
          before: { status: from },
          after: { status: to },
        });
      });
    } catch (err) {
      // Two rounds opened at once: the partial unique index lets only one through.
      if (isUniqueViolation(err)) throw new AppError('ROUND_ALREADY_OPEN', 'Another round of the regime is open');
      throw err;
    }
  }

  return {
    async list(user: SessionUser, query: OcopRoundListQuery) {
      const { rows, total } = await repo.listRounds(db, query, audienceOf(user), user.id);
      const counts = await countsOf(rows.map((r) => r.round.id));
      return { total, items: rows.map((r) => toRound(r.round, r.myRole, counts.get(r.round.id)!)) };
    },

    get: reload,

    async create(user: SessionUser, body: CreateOcopRoundBody, actor: Actor): Promise<OcopRound> {
      const expected = RUBRIC_DECISION_OF_REGIME[body.processRegime];
      const rubricDecision = body.rubricDecision ?? expected;
      if (rubricDecision !== expected)
        throw validationFailed(
          ['body', 'rubricDecision'],
          `A ${body.processRegime} round scores on the ${expected} sheets`,
          'regime_mismatch',
        );
      checkDeadline(body.processRegime, body.submissionDeadline);
      const id = await db.transaction(async (tx) => {
        const created = await repo.insertRound(tx, {
          ...body,
          rubricDecision,
          status: 'planned',
          createdBy: user.id,
          createdAt: now(),
          updatedAt: now(),
        });
        await recordAudit(tx, actor, {
          action: 'ocop.round.create',
          entityType: 'ocop_round',
          entityId: created,
          after: { ...body, rubricDecision },
        });
        return created;
      });
      return reload(user, id);
    },

    async update(user: SessionUser, id: string, body: UpdateOcopRoundBody, actor: Actor): Promise<OcopRound> {
      const before = await repo.findRound(db, id);
      if (!before) throw new AppError('NOT_FOUND', 'No such round');
      if (before.status === 'closed') throw new AppError('ACTION_NOT_ALLOWED', 'A closed round cannot be changed');
      if (body.submissionDeadline) checkDeadline(before.processRegime, body.submissionDeadline);
      await db.transaction(async (tx) => {
        await repo.updateRound(tx, id, body, now());
        await recordAudit(tx, actor, {
          action: 'ocop.round.update',
          entityType: 'ocop_round',
          entityId: id,
          before: { name: before.name, submissionDeadline: before.submissionDeadline },
          after: body,
        });
      });
      return reload(user, id);
    },

    async open(user: SessionUser, id: string, actor: Actor): Promise<OcopRound> {
      await transition(id, 'planned', 'open', actor);
      return reload(user, id);
    },

    async close(user: SessionUser, id: string, actor: Actor): Promise<OcopRound> {
      await transition(id, 'open', 'closed', actor);
      return reload(user, id);
    },

    council,

    /**
     * Sets the council: one chair, one secretary, members and advisors, all holding the
     * council_member role. A member who already holds a score sheet in the round keeps a scoring
     * seat: removing them would leave sheets nobody answers for.
     */
    async setCouncil(user: SessionUser, roundId: string, body: SetOcopCouncilBody, actor: Actor) {
      const round = await repo.findRound(db, roundId);
      if (!round) throw new AppError('NOT_FOUND', 'No such round');
      const issues: { path: (string | number)[]; message: string; code: string }[] = [];
      const seen = new Set<string>();
      body.members.forEach((m, i) => {
        if (seen.has(m.userId))
          issues.push({ path: ['body', 'members', i, 'userId'], message: 'Listed twice', code: 'duplicate' });
        seen.add(m.userId);
      });
      for (const role of ['chair', 'secretary'] as const) {
        const n = body.members.filter((m) => m.role === role).length;
        if (n !== 1)
          issues.push({
            path: ['body', 'members'],
            message: `The council needs exactly one ${role}`,
            code: `one_${role}`,
          });
      }
      const eligible = await repo.findCouncilEligible(db, [...seen]);
      body.members.forEach((m, i) => {
        if (!eligible.has(m.userId))
          issues.push({
            path: ['body', 'members', i, 'userId'],
            message: 'Not an active user with the council member role',
            code: 'not_council_member',
          });
      });
      if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'Validation failed', { issues });

      const before = await repo.listMembers(db, roundId);
      const scoringAfter = new Set(body.members.filter((m) => isScorer(m.role)).map((m) => m.userId));
      const dropped = before.map((m) => m.userId).filter((id) => !scoringAfter.has(id));
      const holding = await repo.membersWithSheets(db, roundId, dropped);
      if (holding.length > 0)
        throw new AppError('ACTION_NOT_ALLOWED', 'Members who have score sheets keep a scoring seat', {
          userIds: holding,
        });
      await db.transaction(async (tx) => {
        await repo.saveCouncil(tx, roundId, body.disagreementThreshold, body.members, user.id, now());
        await recordAudit(tx, actor, {
          action: 'ocop.council.set',
          entityType: 'ocop_round',
          entityId: roundId,
          before: { members: before.map((m) => ({ userId: m.userId, role: m.role })) },
          after: body,
        });
      });
      return council(user, roundId);
    },

    /**
     * Records a member's link to an entity: the member declares their own (once the round is open
     * to them), a city admin records anyone's. From then on the member neither sees nor scores the
     * entity's dossiers, and their sheets on them (if any) stop counting.
     */
    async declareConflict(user: SessionUser, roundId: string, body: DeclareOcopConflictBody, actor: Actor) {
      const { myRole } = await loadVisible(user, roundId);
      const admin = audienceOf(user).all;
      const userId = body.userId ?? user.id;
      if (!admin) {
        if (myRole === null) throw new AppError('FORBIDDEN', 'You do not sit on this council');
        if (userId !== user.id) throw new AppError('FORBIDDEN', 'Members declare their own links only');
      } else if (body.userId === undefined && myRole === null) {
        throw validationFailed(['body', 'userId'], 'Name the council member', 'required');
      } else if ((await repo.findSeat(db, roundId, userId)) === null) {
        throw validationFailed(['body', 'userId'], 'Not on this council', 'not_on_council');
      }
      if (!(await repo.entityExists(db, body.entityId)))
        throw validationFailed(['body', 'entityId'], 'No such entity', 'unknown_entity');
      const before = await repo.findConflict(db, roundId, userId, body.entityId);
      await db.transaction(async (tx) => {
        await repo.saveConflict(tx, {
          roundId,
          userId,
          entityId: body.entityId,
          reason: body.reason,
          recordedBy: user.id,
          recordedAt: now(),
        });
        await recordAudit(tx, actor, {
          action: 'ocop.council.conflict_declare',
          entityType: 'ocop_round',
          entityId: roundId,
          before: before ? { reason: before.reason } : null,
          after: { userId, entityId: body.entityId, reason: body.reason },
        });
      });
      return council(user, roundId);
    },

    async removeConflict(user: SessionUser, roundId: string, userId: string, entityId: string, actor: Actor) {
      const before = await repo.findConflict(db, roundId, userId, entityId);
      if (!before) throw new AppError('NOT_FOUND', 'No such conflict of interest');
      await db.transaction(async (tx) => {
        await repo.deleteConflict(tx, roundId, userId, entityId);
        await recordAudit(tx, actor, {
          action: 'ocop.council.conflict_remove',
          entityType: 'ocop_round',
          entityId: roundId,
          before: { userId, entityId, reason: before.reason },
        });
      });
      return council(user, roundId);
    },
  };
}

export type RoundsService = ReturnType<typeof createRoundsService>;
