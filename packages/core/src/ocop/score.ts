import { assertValidAnswers, haltingAnswer, type RubricAnswerOptions } from './answers.ts';
import {
  answerPoints,
  bandFor,
  listCriteria,
  OCOP_STARS,
  requiredPoints,
  type OcopPartCode,
  type OcopStar,
  type RubricAnswers,
  type RubricSheet,
} from './rubric.ts';

export type CriterionScore = {
  code: string;
  part: OcopPartCode;
  group: string;
  points: number;
  maxPoints: number;
  /** The chosen level; null when not applicable or not scored after a knock-out. */
  levelIndex: number | null;
};

export type GroupScore = { part: OcopPartCode; code: string; points: number; maxPoints: number };

/** A star minimum the product misses: it is why `star` is below `bandStar`. */
export type StarBlocker = {
  criterion: string;
  title: string;
  star: OcopStar;
  requiredPoints: number;
  actualPoints: number;
};

export type KnockOutResult = {
  reason: string;
  criterion: string | null;
  /** True when a halting level in the answers stopped the evaluation; false when recorded by the evaluator. */
  byLevel: boolean;
};

export type SheetScore = {
  rubricId: string;
  version: number;
  total: number;
  maxPoints: number;
  parts: Record<OcopPartCode, number>;
  groups: GroupScore[];
  criteria: CriterionScore[];
  /** The star of the band the total falls in. */
  bandStar: OcopStar;
  /** The grade after the per-star minimums; null when the product is knocked out. */
  star: OcopStar | null;
  blockedBy: StarBlocker[];
  knockedOut: KnockOutResult | null;
};

/**
 * Scores one evaluator's answers. Throws RubricAnswersError when they do not fit the sheet
 * (call validateAnswers first to show the issues).
 *
 * Knock-outs. The sheets carry three kinds of rejection text: the sheet-level clause (forged or
 * incomplete dossier, no food-safety certificate), `disqualifiesIf` notes (all raw material
 * imported or of unknown origin, a copy of another producer's product, an IP violation) and
 * `haltsEvaluationIf` notes (unacceptable foreign matter such as insects or sand, no cosmetic
 * declaration). None of those facts is one of the criterion's levels — "Có tạp chất" (0 points)
 * is a degree of impurity, while the note is about the kind — so they are an evaluator's judgement,
 * passed as `options.knockOut`. The two notes that do name a score ("Nếu bị 0 Điểm …", "Nếu được
 * 0 điểm tại một trong các chỉ tiêu trên …") are carried by the converter onto those 0-point
 * levels as `haltsEvaluation`, and choosing such a level knocks the product out by itself.
 * A knocked-out product keeps its points for the record but gets no star.
 */
export function scoreSheet(sheet: RubricSheet, answers: RubricAnswers, options: RubricAnswerOptions = {}): SheetScore {
  assertValidAnswers(sheet, answers, options);
  const criteria: CriterionScore[] = listCriteria(sheet).map(({ part, group, criterion: c }) => {
    const v = Object.hasOwn(answers, c.code) ? answers[c.code] : undefined;
    return {
      code: c.code,
      part,
      group,
      points: answerPoints(c, v),
      maxPoints: c.maxPoints,
      levelIndex: typeof v === 'number' ? v : null,
    };
  });
  const points = new Map(criteria.map((c) => [c.code, c.points]));
  const totals = sumPoints(sheet, points);
  const knockedOut = knockOutOf(sheet, answers, options);
  const bandStar = bandFor(sheet.starBands, totals.total).stars;
  const ranked = knockedOut ? { star: null, blockedBy: [] } : rankByMinimums(sheet, points, bandStar);
  return {
    rubricId: sheet.id,
    version: sheet.version,
    ...totals,
    maxPoints: sheet.maxPoints,
    criteria,
    bandStar,
    ...ranked,
    knockedOut,
  };
}

/** Part, group and sheet totals of per-criterion points. */
export function sumPoints(
  sheet: RubricSheet,
  points: ReadonlyMap<string, number>,
): { total: number; parts: Record<OcopPartCode, number>; groups: GroupScore[] } {
  const parts: Record<OcopPartCode, number> = { A: 0, B: 0, C: 0 };
  const groups: GroupScore[] = [];
  for (const p of sheet.parts)
    for (const g of p.groups) {
      const sum = g.criteria.reduce((s, c) => s + (points.get(c.code) ?? 0), 0);
      groups.push({ part: p.code, code: g.code, points: sum, maxPoints: g.maxPoints });
      parts[p.code] += sum;
    }
  return { total: parts.A + parts.B + parts.C, parts, groups };
}

/**
 * The highest grade at or below the band's star whose minimums all hold (a product scoring 92
 * that misses a 5★ minimum is checked against 4★, then 3★ …), and the minimums missed on the
 * way down. Shared by the single-evaluator and the council scoring.
 */
export function rankByMinimums(
  sheet: RubricSheet,
  points: ReadonlyMap<string, number>,
  bandStar: OcopStar,
): { star: OcopStar; blockedBy: StarBlocker[] } {
  const blockedBy: StarBlocker[] = [];
  const criteria = listCriteria(sheet);
  for (const star of [...OCOP_STARS].reverse()) {
    if (star > bandStar) continue;
    const missed: StarBlocker[] = [];
    for (const { criterion: c } of criteria) {
      const required = requiredPoints(c, star);
      const actual = points.get(c.code) ?? 0;
      if (required !== null && actual < required)
        missed.push({ criterion: c.code, title: c.title, star, requiredPoints: required, actualPoints: actual });
    }
    if (missed.length === 0) return { star, blockedBy };
    blockedBy.push(...missed);
  }
  // Unreachable while 1★ has no minimums; kept so an edited sheet cannot produce "no star" silently.
  return { star: 1, blockedBy };
}

function knockOutOf(sheet: RubricSheet, answers: RubricAnswers, options: RubricAnswerOptions): KnockOutResult | null {
  if (options.knockOut) {
    return { reason: options.knockOut.reason, criterion: options.knockOut.criterion ?? null, byLevel: false };
  }
  const halt = haltingAnswer(sheet, answers);
  if (!halt) return null;
  return {
    reason: halt.criterion.haltsEvaluationIf ?? haltingNote(sheet, halt.criterion.code),
    criterion: halt.criterion.code,
    byLevel: true,
  };
}

// A note such as "0 điểm tại một trong các chỉ tiêu trên" sits on the last criterion of the group
// but halts on the criteria above it too: find the group's note for the message.
function haltingNote(sheet: RubricSheet, code: string): string {
  for (const p of sheet.parts)
    for (const g of p.groups)
      if (g.criteria.some((c) => c.code === code)) {
        const note = g.criteria.find((c) => c.haltsEvaluationIf)?.haltsEvaluationIf;
        if (note) return note;
      }
  return 'the evaluation stops at this level';
}
