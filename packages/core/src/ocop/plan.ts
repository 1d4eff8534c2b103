import type { RubricAnswerOptions } from './answers.ts';
import {
  listCriteria,
  levelsInCase,
  requiredPoints,
  type OcopStar,
  type RubricAnswers,
  type RubricCriterion,
  type RubricSheet,
} from './rubric.ts';
import { scoreSheet, type SheetScore } from './score.ts';

export type PlanChange = {
  criterion: string;
  title: string;
  fromLevel: number | null;
  toLevel: number;
  fromPoints: number;
  toPoints: number;
  /** Raised to meet a minimum of the target star (possibly beyond it, to close the points gap). */
  mandatory: boolean;
  /** What the product must show at the target level. */
  description: string;
};

export type NextStarPlan = {
  currentStar: OcopStar | null;
  targetStar: OcopStar | null;
  reachable: boolean;
  /** Why there is no plan: already 5★, knocked out, or not reachable even with every level at its best. */
  reason: 'ALREADY_TOP' | 'KNOCKED_OUT' | 'OUT_OF_REACH' | null;
  /** Mandatory changes first, in printed order, then the others in the order chosen. */
  changes: PlanChange[];
  /** Total and star with every change applied (when unreachable: the best the changes give). */
  pointsAfter: number;
  starAfter: OcopStar | null;
};

/**
 * What would raise the product to the next star with the fewest criteria changed.
 *
 * 1. Every minimum of the target star the product misses is raised to the lowest level that meets
 *    it (mandatory: no total makes up for a missed minimum).
 * 2. If the total is still under the target band, criteria are raised by the largest gain first —
 *    taking the biggest steps first needs the fewest criteria. Criteria already changed in step 1
 *    are used first, since raising them further adds no criterion to the list. When one criterion
 *    can close the remaining gap on its own, the one needing the smallest raise is taken, at the
 *    lowest level that closes it.
 *
 * Cases: a criterion split into cases is only raised within the case the evaluator chose. The case
 * describes what the product is (a service run by the community, or by a firm or person), not
 * something the producer can improve, so switching case is not offered as a way up.
 * Conditional criteria marked not applicable may be raised to any level: writing the product story
 * they depend on is exactly the kind of improvement the plan is for.
 */
export function nextStarPlan(
  sheet: RubricSheet,
  answers: RubricAnswers,
  options: RubricAnswerOptions = {},
): NextStarPlan {
  const score = scoreSheet(sheet, answers, options);
  const none = (reason: 'ALREADY_TOP' | 'KNOCKED_OUT'): NextStarPlan => ({
    currentStar: score.star,
    targetStar: null,
    reachable: false,
    reason,
    changes: [],
    pointsAfter: score.total,
    starAfter: score.star,
  });
  if (score.knockedOut || score.star === null) return none('KNOCKED_OUT');
  if (score.star === 5) return none('ALREADY_TOP');
  const target = (score.star + 1) as OcopStar;

  const criteria = listCriteria(sheet).map((r) => r.criterion);
  const planned = new Map<string, number | null>(criteria.map((c) => [c.code, answers[c.code] ?? null]));
  const pointsOf = (c: RubricCriterion) => {
    const v = planned.get(c.code);
    return v === null || v === undefined ? 0 : c.levels[v]!.points;
  };
  const mandatory: string[] = [];
  let minimumsMet = true;
  for (const c of criteria) {
    const required = requiredPoints(c, target);
    if (required === null || pointsOf(c) >= required) continue;
    const level = lowestLevelReaching(c, planned.get(c.code) ?? null, required);
    if (level === null) minimumsMet = false;
    else {
      planned.set(c.code, level);
      mandatory.push(c.code);
    }
  }

  const minScore = sheet.starBands.find((b) => b.stars === target)?.minScore ?? Infinity;
  let gap = minScore - criteria.reduce((s, c) => s + pointsOf(c), 0);
  const optional: string[] = [];
  for (const tier of [
    criteria.filter((c) => mandatory.includes(c.code)),
    criteria.filter((c) => !mandatory.includes(c.code)),
  ]) {
    const pool = [...tier];
    while (gap > 0) {
      const gains = pool
        .map((c, order) => ({ c, order, gain: bestPoints(c, planned.get(c.code) ?? null) - pointsOf(c) }))
        .filter((x) => x.gain > 0);
      if (gains.length === 0) break;
      const closer = gains
        .filter((x) => x.gain >= gap)
        .map((x) => {
          const level = lowestLevelReaching(x.c, planned.get(x.c.code) ?? null, pointsOf(x.c) + gap)!;
          return { ...x, level, raise: x.c.levels[level]!.points - pointsOf(x.c) };
        })
        .sort((a, b) => a.raise - b.raise || a.order - b.order)[0];
      const largest = [...gains].sort((a, b) => b.gain - a.gain || a.order - b.order)[0]!;
      const pick = closer ?? { ...largest, level: bestLevel(largest.c, planned.get(largest.c.code) ?? null) };
      gap -= pick.c.levels[pick.level]!.points - pointsOf(pick.c);
      planned.set(pick.c.code, pick.level);
      pool.splice(pool.indexOf(pick.c), 1);
      if (!mandatory.includes(pick.c.code)) optional.push(pick.c.code);
    }
  }

  const after = scoreSheet(sheet, Object.fromEntries(planned), options);
  const reachable = minimumsMet && gap <= 0;
  if (reachable && (after.star ?? 0) < target) throw new Error(`${sheet.id}: plan for ${target}★ does not reach it`);
  const byCode = new Map(criteria.map((c) => [c.code, c]));
  const change = (code: string, isMandatory: boolean): PlanChange => {
    const c = byCode.get(code)!;
    const from = answers[code] ?? null;
    const to = planned.get(code)!;
    return {
      criterion: code,
      title: c.title,
      fromLevel: from,
      toLevel: to,
      fromPoints: from === null ? 0 : c.levels[from]!.points,
      toPoints: c.levels[to]!.points,
      mandatory: isMandatory,
      description: c.levels[to]!.description,
    };
  };
  return {
    currentStar: score.star,
    targetStar: target,
    reachable,
    reason: reachable ? null : 'OUT_OF_REACH',
    changes: [...mandatory.map((code) => change(code, true)), ...optional.map((code) => change(code, false))],
    pointsAfter: after.total,
    starAfter: after.star,
  };
}

/** scoreSheet plus the plan for the next star: what the score preview endpoint returns. */
export function previewScore(
  sheet: RubricSheet,
  answers: RubricAnswers,
  options: RubricAnswerOptions = {},
): SheetScore & { nextStar: NextStarPlan | null } {
  const score = scoreSheet(sheet, answers, options);
  const plan = nextStarPlan(sheet, answers, options);
  return { ...score, nextStar: plan.targetStar === null ? null : plan };
}

// The lowest-scoring level in the answer's case that reaches `points` (lowest index on ties).
function lowestLevelReaching(c: RubricCriterion, current: number | null, points: number): number | null {
  let best: number | null = null;
  for (const i of levelsInCase(c, current)) {
    const p = c.levels[i]!.points;
    if (p >= points && (best === null || p < c.levels[best]!.points)) best = i;
  }
  return best;
}

function bestLevel(c: RubricCriterion, current: number | null): number {
  const allowed = levelsInCase(c, current);
  return allowed.reduce((a, b) => (c.levels[b]!.points > c.levels[a]!.points ? b : a), allowed[0]!);
}

function bestPoints(c: RubricCriterion, current: number | null): number {
  return c.levels[bestLevel(c, current)]!.points;
}
