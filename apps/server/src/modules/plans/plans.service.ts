import {
  checkSplit,
  currentIndicators,
  findIndicator,
  isAdditive,
  SCHEME_OF_LEVEL,
  type CreatePlanBody,
  type ManualValueBody,
  type PlanListQuery,
  type ScopeLevel,
  type SessionUser,
  type SplitTargetBody,
  type TargetBody,
  type UpdatePlanBody,
  type UpdateTargetBody,
} from '@hoptac/core';
import type { Db, DbOrTx } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../kernel/audit.ts';
import { AppError, validationFailed } from '../../kernel/errors.ts';
import { createUnitNames, findExistingCommunes, findUnit } from '../places/index.ts';
import { assertInArea, viewerArea } from './plans.access.ts';
import { scopeColumns, toIndicator, toManualValue, toPlan, toTarget } from './plans.mapping.ts';
import * as repo from './plans.repository.ts';

export type PlansDeps = { db: Db; now?: () => Date };

async function planOr404(db: DbOrTx, id: string) {
  const plan = await repo.findPlan(db, id);
  if (!plan) throw new AppError('NOT_FOUND', 'No such plan');
  return plan;
}

async function targetOr404(db: DbOrTx, planId: string, id: string) {
  const target = await repo.findTarget(db, planId, id);
  if (!target) throw new AppError('NOT_FOUND', 'No such target');
  return target;
}

function indicatorOr400(key: { indicatorId: string; indicatorVersion: number }) {
  const def = findIndicator({ id: key.indicatorId, version: key.indicatorVersion });
  if (!def) throw validationFailed(['body', 'indicatorId'], 'Unknown indicator or version');
  return def;
}

/** A commune or district scope must name a unit of that level in its scheme. */
async function checkScopeUnit(db: DbOrTx, level: ScopeLevel, code: string | null) {
  const scheme = SCHEME_OF_LEVEL[level];
  if (!scheme || !code) return;
  const unit = await findUnit(db, scheme, code);
  if (!unit || unit.level !== level)
    throw validationFailed(['body', 'code'], `No ${level} ${code} in scheme ${scheme}`);
}

/**
 * A city value and its commune shares must keep adding up for sums and counts: a share changes
 * only by splitting again, and the city value only while it has no shares or to their sum.
 */
async function checkShareSum(db: DbOrTx, target: repo.TargetRow, value: number) {
  if (!isAdditive(indicatorOr400(target).aggregation)) return;
  if (target.parentId)
    throw validationFailed(['body', 'value'], 'Change a commune share by splitting the city target again');
  const shares = await repo.childTargets(db, target.id);
  if (
    shares.length &&
    !checkSplit(
      'sum',
      value,
      shares.map((c) => c.value),
    ).ok
  )
    throw validationFailed(['body', 'value'], 'The commune shares no longer add up to this value; split again first');
}

export function createPlansService(deps: PlansDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const unitNames = createUnitNames(db);

  async function targetsOf(planId: string) {
    const names = await unitNames.lookup();
    return (await repo.listTargets(db, planId)).map((t) => toTarget(t, names));
  }

  return {
    indicators() {
      return currentIndicators().map(toIndicator);
    },

    async list(q: PlanListQuery) {
      const { rows, total } = await repo.listPlans(db, q);
      return { items: rows.map(toPlan), total };
    },

    async get(id: string) {
      return toPlan(await planOr404(db, id));
    },

    async create(user: SessionUser, body: CreatePlanBody, actor: Actor) {
      const at = now();
      const id = await db.transaction(async (tx) => {
        const planId = await repo.insertPlan(tx, { ...body, createdBy: user.id, createdAt: at, updatedAt: at });
        await recordAudit(tx, actor, {
          action: 'plans.plan.create',
          entityType: 'plan',
          entityId: planId,
          after: body,
        });
        return planId;
      });
      return toPlan(await planOr404(db, id));
    },

    async update(id: string, body: UpdatePlanBody, actor: Actor) {
      await db.transaction(async (tx) => {
        const before = await planOr404(tx, id);
        const next = { ...before, ...body };
        if (next.periodStart > next.periodEnd)
          throw validationFailed(['body', 'periodEnd'], 'The period ends before it starts');
        await repo.updatePlan(tx, id, { ...body, updatedAt: now() });
        await recordAudit(tx, actor, {
          action: 'plans.plan.update',
          entityType: 'plan',
          entityId: id,
          before: toPlan(before),
          after: body,
        });
      });
      return toPlan(await planOr404(db, id));
    },

    async targets(planId: string) {
      await planOr404(db, planId);
      const items = await targetsOf(planId);
      return { items, total: items.length };
    },

    async addTarget(user: SessionUser, planId: string, body: TargetBody, actor: Actor) {
      indicatorOr400(body);
      await checkScopeUnit(db, body.level, body.code);
      const names = await unitNames.lookup();
      return db.transaction(async (tx) => {
        await planOr404(tx, planId);
        const [row] = await repo.insertTargets(tx, [
          {
            planId,
            indicatorId: body.indicatorId,
            indicatorVersion: body.indicatorVersion,
            ...scopeColumns(body.level, body.code),
            year: body.year,
            quarter: body.quarter,
            value: body.value,
            baseline: body.baseline,
            direction: body.direction,
            createdBy: user.id,
          },
        ]);
        await recordAudit(tx, actor, {
          action: 'plans.target.create',
          entityType: 'plan_target',
          entityId: row!.id,
          after: body,
        });
        return toTarget(row!, names);
      });
    },

    async updateTarget(planId: string, targetId: string, body: UpdateTargetBody, actor: Actor) {
      const names = await unitNames.lookup();
      return db.transaction(async (tx) => {
        const before = await targetOr404(tx, planId, targetId);
        if (body.value !== undefined && body.value !== before.value) await checkShareSum(tx, before, body.value);
        const row = await repo.updateTarget(tx, targetId, { ...body, updatedAt: now() });
        await recordAudit(tx, actor, {
          action: 'plans.target.update',
          entityType: 'plan_target',
          entityId: targetId,
          before: { value: before.value, baseline: before.baseline, direction: before.direction },
          after: body,
        });
        return toTarget(row, names);
      });
    },

    async deleteTarget(planId: string, targetId: string, actor: Actor) {
      await db.transaction(async (tx) => {
        const before = await targetOr404(tx, planId, targetId);
        await repo.deleteTargets(tx, [targetId]);
        await recordAudit(tx, actor, {
          action: 'plans.target.delete',
          entityType: 'plan_target',
          entityId: targetId,
          before,
        });
      });
    },

    /**
     * Replaces a city target's commune shares. For sums and counts the shares must add up to
     * the city value; the city target stays and the dashboard compares each commune with its share.
     */
    async split(user: SessionUser, planId: string, targetId: string, body: SplitTargetBody, actor: Actor) {
      const names = await unitNames.lookup();
      const codes = body.shares.map((s) => s.code);
      const existing = await findExistingCommunes(db, SCHEME_OF_LEVEL.commune, codes);
      const missing = body.shares.findIndex((s) => !existing.has(s.code));
      if (missing >= 0) throw validationFailed(['body', 'shares', missing, 'code'], 'No such commune');
      return db.transaction(async (tx) => {
        const parent = await targetOr404(tx, planId, targetId);
        if (parent.scopeLevel !== 'city' || parent.parentId)
          throw validationFailed(['params', 'targetId'], 'Only a city target is split to communes');
        const def = indicatorOr400(parent);
        const check = checkSplit(
          def.aggregation,
          parent.value,
          body.shares.map((s) => s.value),
        );
        if (!check.ok)
          throw validationFailed(
            ['body', 'shares'],
            `The shares add up to ${check.sum}, not ${parent.value}`,
            'split_sum',
          );
        const before = await repo.childTargets(tx, targetId);
        await repo.deleteTargets(
          tx,
          before.map((c) => c.id),
        );
        const children = await repo.insertTargets(
          tx,
          body.shares.map((s) => ({
            planId,
            indicatorId: parent.indicatorId,
            indicatorVersion: parent.indicatorVersion,
            ...scopeColumns('commune', s.code),
            year: parent.year,
            quarter: parent.quarter,
            value: s.value,
            baseline: null,
            direction: parent.direction,
            parentId: parent.id,
            createdBy: user.id,
          })),
        );
        await recordAudit(tx, actor, {
          action: 'plans.target.split',
          entityType: 'plan_target',
          entityId: targetId,
          before: before.map((c) => ({ code: c.scopeCode, value: c.value })),
          after: body.shares,
        });
        const items = children.map((c) => toTarget(c, names));
        return { items, total: items.length };
      });
    },

    async manualValues(user: SessionUser, q: { page: number; pageSize: number; indicatorId?: string }) {
      const area = viewerArea(user);
      const names = await unitNames.lookup();
      const { rows, total } = await repo.listManualValues(db, q, area.kind === 'communes' ? area.codes : null);
      return { items: rows.map((r) => toManualValue(r, names)), total };
    },

    async addManualValue(user: SessionUser, body: ManualValueBody, actor: Actor) {
      const def = indicatorOr400(body);
      if (def.source !== 'manual')
        throw validationFailed(['body', 'indicatorId'], 'This indicator is computed from the records');
      const area = viewerArea(user);
      if (area.kind === 'communes' && (body.level !== 'commune' || !body.code))
        throw new AppError('FORBIDDEN', 'Officers enter values for their communes');
      if (body.code && body.level === 'commune') assertInArea(area, body.code);
      await checkScopeUnit(db, body.level, body.code);
      const names = await unitNames.lookup();
      return db.transaction(async (tx) => {
        const row = await repo.insertManualValue(tx, {
          indicatorId: body.indicatorId,
          indicatorVersion: body.indicatorVersion,
          ...scopeColumns(body.level, body.code),
          year: body.year,
          quarter: body.quarter,
          value: body.value,
          evidence: body.evidence,
          enteredBy: user.id,
          enteredAt: now(),
        });
        await recordAudit(tx, actor, {
          action: 'plans.manual.create',
          entityType: 'plan_manual_value',
          entityId: row.id,
          after: body,
        });
        return toManualValue(row, names);
      });
    },

    async approveManualValue(user: SessionUser, id: string, actor: Actor) {
      const names = await unitNames.lookup();
      return db.transaction(async (tx) => {
        const before = await repo.findManualValue(tx, id);
        if (!before) throw new AppError('NOT_FOUND', 'No such value');
        if (before.approvedAt) throw new AppError('ACTION_NOT_ALLOWED', 'Already approved');
        const row = await repo.approveManualValue(tx, id, user.id, now());
        await recordAudit(tx, actor, { action: 'plans.manual.approve', entityType: 'plan_manual_value', entityId: id });
        return toManualValue(row, names);
      });
    },
  };
}

export type PlansService = ReturnType<typeof createPlansService>;
