import {
  elapsedShare,
  finalise,
  isAdditive,
  percentAchieved,
  periodRange,
  rollUp,
  targetStatus,
  vietnamDate,
  type DashboardTarget,
  type DashboardUnit,
  type Direction,
  type IndicatorDefinition,
  type SessionUser,
  type TargetRecordsQuery,
} from '@hoptac/core';
import { AppError } from '../../kernel/errors.ts';
import { toLimitOffset } from '../../kernel/pagination.ts';
import { createUnitNames, type UnitNameLookup } from '../places/index.ts';
import * as indicators from './indicators.repository.ts';
import type { Area, UnitLevel, UnitPartial, Window } from './indicators.repository.ts';
import { assertInArea, viewerArea } from './plans.access.ts';
import { definitionOf, toIndicator, toPlan, toScope } from './plans.mapping.ts';
import * as repo from './plans.repository.ts';
import type { PlansDeps } from './plans.service.ts';

/** The day the reform's new communes took over; earlier periods break down by former district. */
const REFORM_DAY = '2025-07-01';

/** What the caller looks at: the city, one unit, or (officers) all their communes. */
export type View =
  | { level: 'city' }
  | { level: 'commune'; code: string }
  | { level: 'district'; code: string }
  | { level: 'mine'; codes: string[] };

/** The view asked for, checked against who is asking; officers default to their communes. */
export function resolveView(user: SessionUser, scope: string | undefined): View {
  const area = viewerArea(user);
  const [level, code] = (scope ?? '').split(':') as [string, string | undefined];
  if (area.kind === 'communes') {
    if (!scope) return { level: 'mine', codes: area.codes };
    if (level !== 'commune' || !code) throw new AppError('FORBIDDEN', 'Officers see their communes only');
    assertInArea(area, code);
    return { level: 'commune', code };
  }
  if (level === 'commune' || level === 'district') return { level, code: code! };
  return { level: 'city' };
}

function windowOf(t: repo.TargetRow, today: string): Window {
  const { start, end } = periodRange(t);
  return { year: t.year, quarter: t.quarter, start, end, asOf: end < today ? end : today };
}

/**
 * Where a target's figure is read in this view: null when the view and the target do not meet
 * (another commune's target, a district target in a commune view).
 */
function areaOf(t: repo.TargetRow, view: View, w: Window): Area | null {
  const breakdown: UnitLevel = t.scopeLevel === 'district' || w.end < REFORM_DAY ? 'district' : 'commune';
  if (t.scopeLevel === 'city') {
    if (view.level === 'city') return { level: breakdown, codes: null };
    if (view.level === 'district') return { level: 'district', codes: [view.code] };
    return { level: 'commune', codes: view.level === 'commune' ? [view.code] : view.codes };
  }
  const code = t.scopeCode!;
  const level = t.scopeLevel as UnitLevel;
  if (view.level === 'city') return { level, codes: [code] };
  if (view.level === 'mine') return level === 'commune' && view.codes.includes(code) ? { level, codes: [code] } : null;
  return view.level === level && view.code === code ? { level, codes: [code] } : null;
}

type Figure = { actual: number | null; target: number | null };

function judged(def: IndicatorDefinition, direction: Direction, baseline: number | null, elapsed: number, f: Figure) {
  if (f.target === null) return { ...f, percent: null, status: 'not_started' as const, forecast: null };
  const { status, forecast } = targetStatus({
    kind: def.kind,
    direction,
    target: f.target,
    baseline,
    actual: f.actual,
    elapsed,
  });
  return { ...f, percent: percentAchieved(direction, f.actual, f.target), status, forecast };
}

/** Everything the dashboard and the exports compute, shared. */
export function createDashboardReader(deps: PlansDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const unitNames = createUnitNames(db);

  async function partialsOf(def: IndicatorDefinition, w: Window, area: Area, view: View) {
    if (def.source !== 'manual') return { units: await indicators.computedPartials(db, def, w, area), city: null };
    const manual = await indicators.manualPartials(db, def, w, area.level);
    const units = area.codes
      ? manual.units.filter((u) => u.unit !== null && area.codes!.includes(u.unit))
      : manual.units;
    return { units, city: view.level === 'city' && !area.codes ? manual.city : null };
  }

  async function figureOf(
    t: repo.TargetRow,
    children: repo.TargetRow[],
    view: View,
    today: string,
    names: UnitNameLookup,
  ): Promise<DashboardTarget | null> {
    const def = definitionOf({ id: t.indicatorId, version: t.indicatorVersion });
    const w = windowOf(t, today);
    const area = areaOf(t, view, w);
    if (!area) return null;
    const elapsed = elapsedShare(t, today);
    const { units, city } = await partialsOf(def, w, area, view);
    const actual = city ?? rollUp(def.aggregation, units);
    const whole = t.scopeLevel !== 'city' || view.level === 'city';
    const share = new Map(children.map((c) => [c.scopeCode!, c.value]));
    const inView = area.codes ? children.filter((c) => area.codes!.includes(c.scopeCode!)) : children;
    // A part of the city is measured against its communes' shares (sums add; an average applies as set).
    const target = whole
      ? t.value
      : isAdditive(def.aggregation)
        ? inView.length
          ? inView.reduce((a, c) => a + c.value, 0)
          : null
        : inView.length === 1
          ? inView[0]!.value
          : t.value;
    const byUnit = new Map<string, UnitPartial>(units.flatMap((u) => (u.unit === null ? [] : [[u.unit, u] as const])));
    const unitCodes = new Set([...byUnit.keys(), ...(area.level === 'commune' ? inView.map((c) => c.scopeCode!) : [])]);
    const scheme = area.level === 'commune' ? '2025-07' : '2025-01';
    const breakdown: DashboardUnit[] = [...unitCodes].map((code) => {
      const p = byUnit.get(code);
      const unitTarget = share.get(code) ?? (isAdditive(def.aggregation) ? null : t.value);
      return {
        code,
        name: names(scheme, code) ?? code,
        ...judged(def, t.direction as Direction, null, elapsed, {
          actual: p ? finalise(def.aggregation, p) : def.aggregation === 'count' ? 0 : null,
          target: unitTarget,
        }),
      };
    });
    breakdown.sort(
      (a, b) =>
        (b.percent ?? -1) - (a.percent ?? -1) || (b.actual ?? -1) - (a.actual ?? -1) || a.code.localeCompare(b.code),
    );
    return {
      id: t.id,
      indicator: toIndicator(def),
      scope: toScope(t, names),
      year: t.year,
      quarter: t.quarter,
      baseline: t.baseline,
      direction: t.direction as Direction,
      elapsed,
      ...judged(def, t.direction as Direction, whole ? t.baseline : null, elapsed, { actual, target }),
      breakdownLevel: area.codes?.length === 1 ? null : area.level,
      breakdown: area.codes?.length === 1 ? [] : breakdown,
    };
  }

  async function planOr404(id: string) {
    const plan = await repo.findPlan(db, id);
    if (!plan) throw new AppError('NOT_FOUND', 'No such plan');
    return plan;
  }

  async function dashboard(planId: string, view: View) {
    const plan = await planOr404(planId);
    const today = vietnamDate(now());
    const names = await unitNames.lookup();
    const all = await repo.listTargets(db, planId);
    const targets: DashboardTarget[] = [];
    for (const t of all.filter((x) => !x.parentId)) {
      const figure = await figureOf(
        t,
        all.filter((c) => c.parentId === t.id),
        view,
        today,
        names,
      );
      if (figure) targets.push(figure);
    }
    const scope = { level: view.level, code: view.level === 'commune' || view.level === 'district' ? view.code : null };
    return { plan: toPlan(plan), scope, asOf: today, targets };
  }

  return {
    dashboard,

    /** Opted-in plans only: city figures of city targets, no breakdown, no records. */
    async publicProgress(planId: string) {
      const plan = await repo.findPlan(db, planId);
      if (!plan || !plan.publicProgress) throw new AppError('NOT_FOUND', 'No such plan');
      const board = await dashboard(planId, { level: 'city' });
      return {
        plan: toPlan(plan),
        asOf: board.asOf,
        targets: board.targets.filter((t) => t.scope.level === 'city'),
      };
    },

    async publicPlans(q: { page: number; pageSize: number }) {
      const { rows, total } = await repo.listPlans(db, q, true);
      return { items: rows.map(toPlan), total };
    },

    /** The records behind a target's figure in what the caller may see, optionally one unit of the breakdown. */
    async records(
      user: SessionUser,
      planId: string,
      targetId: string,
      q: TargetRecordsQuery & { page: number; pageSize: number },
    ) {
      await planOr404(planId);
      const t = await repo.findTarget(db, planId, targetId);
      if (!t) throw new AppError('NOT_FOUND', 'No such target');
      const area = viewerArea(user);
      const today = vietnamDate(now());
      const w = windowOf(t, today);
      const view: View = area.kind === 'city' ? { level: 'city' } : { level: 'mine', codes: area.codes };
      let where = areaOf(t, view, w);
      if (!where) throw new AppError('FORBIDDEN', 'Outside your communes');
      if (q.unit) {
        if (where.codes && !where.codes.includes(q.unit)) throw new AppError('FORBIDDEN', 'Outside this figure');
        where = { level: where.level, codes: [q.unit] };
      }
      const def = definitionOf({ id: t.indicatorId, version: t.indicatorVersion });
      const { limit, offset } = toLimitOffset(q);
      const names = await unitNames.lookup();
      const page = await indicators.recordsPage(db, def, w, where, limit, offset);
      return {
        items: page.items.map((r) => ({ ...r, communeName: names('2025-07', r.communeCode) })),
        total: page.total,
        target: t,
        def,
        window: w,
        area: where,
      };
    },
  };
}

export type DashboardReader = ReturnType<typeof createDashboardReader>;
