// Answer sets built from a sheet's own data, for the tests of this folder and of the server: worked
// examples computed from the real sheets rather than hand-typed level indices that silently go
// stale when a sheet changes. Not exported from the index.
import {
  listCriteria,
  levelsInCase,
  requiredPoints,
  type OcopStar,
  type RubricAnswers,
  type RubricCriterion,
  type RubricSheet,
} from './rubric.ts';

/** Picks one level index per criterion. */
export function answersBy(sheet: RubricSheet, pick: (c: RubricCriterion) => number | null): RubricAnswers {
  return Object.fromEntries(listCriteria(sheet).map(({ criterion: c }) => [c.code, pick(c)]));
}

/** Index of the level with the most (or least) points among `indices`; the first on ties. */
export function extremeLevel(c: RubricCriterion, indices: number[], most: boolean): number {
  return indices.reduce((best, i) => {
    const [p, b] = [c.levels[i]!.points, c.levels[best]!.points];
    return (most ? p > b : p < b) ? i : best;
  }, indices[0]!);
}

const all = (c: RubricCriterion) => c.levels.map((_, i) => i);

/** Every criterion at its best level. */
export const bestAnswers = (sheet: RubricSheet) => answersBy(sheet, (c) => extremeLevel(c, all(c), true));

/** Every criterion at its lowest-scoring level (conditional ones answered, not marked not applicable). */
export const lowestAnswers = (sheet: RubricSheet) => answersBy(sheet, (c) => extremeLevel(c, all(c), false));

/** The cheapest level of each criterion that still meets the minimums of `star`. */
export function floorAnswers(sheet: RubricSheet, star: OcopStar): RubricAnswers {
  return answersBy(sheet, (c) => {
    const required = requiredPoints(c, star) ?? 0;
    return extremeLevel(
      c,
      all(c).filter((i) => c.levels[i]!.points >= required),
      false,
    );
  });
}

export const totalOf = (sheet: RubricSheet, answers: RubricAnswers) =>
  listCriteria(sheet).reduce((s, { criterion: c }) => {
    const v = answers[c.code];
    return s + (v === null || v === undefined ? 0 : c.levels[v]!.points);
  }, 0);

/**
 * Raises `start` criterion by criterion (printed order, staying in each answer's case, only the
 * criteria `only` accepts) until the
 * total is exactly `target`, taking at each criterion the highest level that does not overshoot.
 * Throws when the levels cannot land on the target, so a test never runs on a wrong total.
 */
export function raiseTo(
  sheet: RubricSheet,
  start: RubricAnswers,
  target: number,
  only: (c: RubricCriterion) => boolean = () => true,
): RubricAnswers {
  const out = { ...start };
  let left = target - totalOf(sheet, out);
  if (left < 0) throw new Error(`${sheet.id}: the start already scores more than ${target}`);
  for (const { criterion: c } of listCriteria(sheet)) {
    if (left === 0) break;
    if (!only(c)) continue;
    const from = out[c.code] ?? null;
    const base = from === null ? 0 : c.levels[from]!.points;
    const fits = levelsInCase(c, from).filter((i) => {
      const gain = c.levels[i]!.points - base;
      return gain > 0 && gain <= left;
    });
    if (fits.length === 0) continue;
    const to = extremeLevel(c, fits, true);
    left -= c.levels[to]!.points - base;
    out[c.code] = to;
  }
  if (left !== 0) throw new Error(`${sheet.id}: cannot reach exactly ${target} points`);
  return out;
}

/**
 * Lowers `start` criterion by criterion (reverse printed order, same case, never below `floor`)
 * until the total is exactly `target`.
 */
export function lowerTo(sheet: RubricSheet, start: RubricAnswers, floor: RubricAnswers, target: number): RubricAnswers {
  const out = { ...start };
  let over = totalOf(sheet, out) - target;
  if (over < 0) throw new Error(`${sheet.id}: the start scores less than ${target}`);
  for (const { criterion: c } of [...listCriteria(sheet)].reverse()) {
    if (over === 0) break;
    const from = out[c.code];
    if (from === null || from === undefined) continue;
    const min = c.levels[floor[c.code] ?? from]!.points;
    const fits = levelsInCase(c, from).filter((i) => {
      const p = c.levels[i]!.points;
      return p >= min && c.levels[from]!.points - p > 0 && c.levels[from]!.points - p <= over;
    });
    if (fits.length === 0) continue;
    const to = extremeLevel(c, fits, false);
    over -= c.levels[from]!.points - c.levels[to]!.points;
    out[c.code] = to;
  }
  if (over !== 0) throw new Error(`${sheet.id}: cannot lower to exactly ${target} points`);
  return out;
}
