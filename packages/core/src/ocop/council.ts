import { RubricAnswersError, validateAnswers, type RubricKnockOut } from './answers.ts';
import {
  bandFor,
  listCriteria,
  type OcopPartCode,
  type OcopStar,
  type RubricAnswers,
  type RubricSheet,
} from './rubric.ts';
import { rankByMinimums, scoreSheet, type KnockOutResult, type StarBlocker } from './score.ts';

/** Members' totals further apart than this many points are flagged for the secretary. */
export const DEFAULT_DISAGREEMENT_THRESHOLD = 10;

export type CouncilOptions = {
  disagreementThreshold?: number;
  /** A knock-out the council records (see scoreSheet). */
  knockOut?: RubricKnockOut | null;
};

export type CouncilCriterion = {
  code: string;
  title: string;
  maxPoints: number;
  /** Each member's points, in the order the answer sets were given. */
  memberPoints: number[];
  consensusPoints: number;
  /** Highest minus lowest member points. */
  spread: number;
};

export type CouncilResult = {
  rubricId: string;
  version: number;
  members: number;
  memberTotals: number[];
  /** Mean of the members' totals, rounded to 2 decimals. */
  total: number;
  /** Mean of the members' part totals, each rounded to 2 decimals (so they may not add up to `total` exactly). */
  parts: Record<OcopPartCode, number>;
  totalsSpread: number;
  disagreement: boolean;
  disagreementThreshold: number;
  criteria: CouncilCriterion[];
  bandStar: OcopStar;
  star: OcopStar | null;
  blockedBy: StarBlocker[];
  knockedOut: KnockOutResult | null;
};

/**
 * The council's result from its members' answer sets.
 *
 * Score: the mean of the members' totals (the star bands apply to the council's average score,
 * design/domain.md §1.4), rounded to 2 decimals because that is the figure the secretary writes in
 * the minutes; the band is read from the rounded figure so the minutes and the star never disagree.
 * With whole-point totals the rounding cannot cross a band boundary for councils under 200 members.
 *
 * Star minimums: judged per criterion on the council's consensus points — the highest points that
 * a strict majority of members reached or exceeded, i.e. the lower median (with an even split, the
 * lower of the two middle values). A minimum is met when the consensus reaches it. This is
 * deliberately conservative: one generous member cannot lift a criterion over a minimum the others
 * say it misses, and a tie does not count as a majority. (The decision gives no rule; the mean is
 * unsuitable for minimums because 2 of 3 members could agree the minimum is missed and still be
 * outvoted by one high score.)
 *
 * A halting level knocks the product out when a strict majority of members chose one on the
 * same criterion, by the same reasoning.
 */
export function councilResult(
  sheet: RubricSheet,
  memberAnswerSets: readonly RubricAnswers[],
  options: CouncilOptions = {},
): CouncilResult {
  if (memberAnswerSets.length === 0) throw new Error('a council result needs at least one member');
  const threshold = options.disagreementThreshold ?? DEFAULT_DISAGREEMENT_THRESHOLD;
  const issues = memberAnswerSets.flatMap((answers, i) =>
    validateAnswers(sheet, answers, { knockOut: options.knockOut ?? null }).map((issue) => ({
      ...issue,
      message: `member ${i + 1}: ${issue.message}`,
    })),
  );
  if (issues.length > 0) throw new RubricAnswersError(sheet.id, issues);

  const n = memberAnswerSets.length;
  const scores = memberAnswerSets.map((answers) => scoreSheet(sheet, answers, { knockOut: options.knockOut ?? null }));
  const memberTotals = scores.map((s) => s.total);
  const criteria: CouncilCriterion[] = listCriteria(sheet).map(({ criterion: c }, i) => {
    const memberPoints = scores.map((s) => s.criteria[i]!.points);
    return {
      code: c.code,
      title: c.title,
      maxPoints: c.maxPoints,
      memberPoints,
      consensusPoints: lowerMedian(memberPoints),
      spread: Math.max(...memberPoints) - Math.min(...memberPoints),
    };
  });

  const total = meanRounded(memberTotals);
  const parts = {
    A: meanRounded(scores.map((s) => s.parts.A)),
    B: meanRounded(scores.map((s) => s.parts.B)),
    C: meanRounded(scores.map((s) => s.parts.C)),
  };
  const totalsSpread = Math.max(...memberTotals) - Math.min(...memberTotals);
  const bandStar = bandFor(sheet.starBands, total).stars;
  const knockedOut = options.knockOut
    ? { reason: options.knockOut.reason, criterion: options.knockOut.criterion ?? null, byLevel: false }
    : majorityHalt(
        scores.map((s) => s.knockedOut),
        n,
      );
  const consensus = new Map(criteria.map((c) => [c.code, c.consensusPoints]));
  const ranked = knockedOut ? { star: null, blockedBy: [] } : rankByMinimums(sheet, consensus, bandStar);

  return {
    rubricId: sheet.id,
    version: sheet.version,
    members: n,
    memberTotals,
    total,
    parts,
    totalsSpread,
    disagreement: totalsSpread > threshold,
    disagreementThreshold: threshold,
    criteria,
    bandStar,
    ...ranked,
    knockedOut,
  };
}

/** The highest value that more than half of the values reach or exceed. */
export function lowerMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const v = sorted[Math.ceil(sorted.length / 2) - 1];
  if (v === undefined) throw new Error('lowerMedian of no values');
  return v;
}

// Whole-point totals times 100 are exact integers, so the division is the only rounding step.
function meanRounded(values: readonly number[]): number {
  const sum = values.reduce((s, v) => s + v, 0);
  return Math.round((sum * 100) / values.length) / 100;
}

function majorityHalt(perMember: (KnockOutResult | null)[], n: number): KnockOutResult | null {
  const byCriterion = new Map<string, { count: number; first: KnockOutResult }>();
  for (const k of perMember) {
    if (!k?.criterion) continue;
    const entry = byCriterion.get(k.criterion) ?? { count: 0, first: k };
    entry.count += 1;
    byCriterion.set(k.criterion, entry);
  }
  for (const { count, first } of byCriterion.values()) if (count * 2 > n) return first;
  return null;
}
