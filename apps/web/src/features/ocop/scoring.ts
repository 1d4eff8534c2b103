import {
  listCriteria,
  previewScore,
  validateAnswers,
  type NextStarPlan,
  type RubricAnswerOptions,
  type RubricAnswers,
  type RubricCriterion,
  type RubricSheet,
  type SheetScore,
} from '@hoptac/core/ocop';

export type PreviewScore = SheetScore & { nextStar: NextStarPlan | null };

export interface LiveScore {
  /** Criteria the sheet has, and those of them answered (a level or "not applicable"). */
  criteriaCount: number;
  answeredCount: number;
  /** Criteria still needing an answer before the self-assessment can be handed in. */
  missing: string[];
  /**
   * The engine's result (@hoptac/core/ocop previewScore, as the server computes it) with every
   * unanswered criterion counted at its lowest level: the floor the answers so far guarantee,
   * and exactly the final result once nothing is missing.
   */
  score: PreviewScore;
  /** The unanswered criteria the score counts at their lowest level. */
  assumed: ReadonlySet<string>;
}

/** The level an unanswered criterion is counted at: "not applicable" when allowed, else the lowest that does not stop the evaluation. */
function floorLevel(c: RubricCriterion): number | null {
  if (c.conditional) return null;
  let best: number | null = null;
  c.levels.forEach((level, i) => {
    if (level.haltsEvaluation) return;
    if (best === null || level.points < (c.levels[best]?.points ?? Infinity)) best = i;
  });
  return best ?? 0;
}

/**
 * Scores answers as they are being given; null for a sheet that cannot be scored (a fragment).
 * A knock-out the evaluator records (options) takes the star away, as on the server.
 */
export function liveScore(
  sheet: RubricSheet,
  answers: RubricAnswers,
  options: RubricAnswerOptions = {},
): LiveScore | null {
  if (sheet.coverage !== 'complete') return null;
  // Answers that do not fit (a stale level index) are dropped rather than breaking the page.
  const bad = new Set(
    validateAnswers(sheet, answers)
      .filter((i) => i.code !== 'MISSING' && i.criterion !== null)
      .map((i) => i.criterion),
  );
  const criteria = listCriteria(sheet).map((r) => r.criterion);
  const given: RubricAnswers = {};
  for (const c of criteria) {
    if (Object.hasOwn(answers, c.code) && !bad.has(c.code)) given[c.code] = answers[c.code] ?? null;
  }
  const missing = validateAnswers(sheet, given)
    .filter((i) => i.code === 'MISSING')
    .map((i) => i.criterion ?? '');
  const filled: RubricAnswers = { ...given };
  const assumed = new Set<string>();
  for (const c of criteria) {
    if (Object.hasOwn(given, c.code)) continue;
    filled[c.code] = floorLevel(c);
    assumed.add(c.code);
  }
  return {
    criteriaCount: criteria.length,
    answeredCount: Object.keys(given).length,
    missing,
    score: previewScore(sheet, filled, options),
    assumed,
  };
}

/** Level indices grouped by case, in printed order (one group with case undefined when the criterion has none). */
export function levelsByCase(
  c: RubricCriterion,
): { case: number | undefined; label: string | null; levels: number[] }[] {
  if (!c.cases) return [{ case: undefined, label: null, levels: c.levels.map((_, i) => i) }];
  return c.cases.list.map((k) => ({
    case: k.case,
    label: k.label,
    levels: c.levels.flatMap((l, i) => (l.case === k.case ? [i] : [])),
  }));
}
