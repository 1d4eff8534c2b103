import { findCriterion, listCriteria, type RubricAnswers, type RubricCriterion, type RubricSheet } from './rubric.ts';

export const RUBRIC_ANSWER_ISSUE_CODES = [
  'INCOMPLETE_SHEET',
  'MISSING',
  'UNKNOWN_CRITERION',
  'NOT_INTEGER',
  'LEVEL_OUT_OF_RANGE',
  'NOT_APPLICABLE_NOT_ALLOWED',
] as const;
export type RubricAnswerIssueCode = (typeof RUBRIC_ANSWER_ISSUE_CODES)[number];

export type RubricAnswerIssue = {
  code: RubricAnswerIssueCode;
  /** The criterion code concerned; null for issues about the sheet itself. */
  criterion: string | null;
  message: string;
};

/**
 * A judgement the evaluator (or the council) records that takes the product out of the ranking:
 * a sheet-level rejection clause ("Hồ sơ bị loại khi: …", criterion null) or a criterion's
 * `disqualifiesIf` / `haltsEvaluationIf` note (criterion set). See score.ts for why these are an
 * input rather than derived from the answers.
 */
export type RubricKnockOut = { reason: string; criterion?: string | null };

export type RubricAnswerOptions = { knockOut?: RubricKnockOut | null };

/** Thrown by the scoring functions when answers do not fit the sheet; carries the issues. */
export class RubricAnswersError extends Error {
  constructor(
    readonly sheetId: string,
    readonly issues: RubricAnswerIssue[],
  ) {
    super(`${sheetId}: ${issues.map((i) => i.message).join('; ')}`);
    this.name = 'RubricAnswersError';
  }
}

/**
 * The first answered level that stops the evaluation (a level flagged `haltsEvaluation`), in
 * printed order. Criteria after it need no answer: the council does not score them.
 */
export function haltingAnswer(
  sheet: RubricSheet,
  answers: RubricAnswers,
): { criterion: RubricCriterion; levelIndex: number } | null {
  for (const { criterion } of listCriteria(sheet)) {
    const v = own(answers, criterion.code);
    if (typeof v === 'number' && criterion.levels[v]?.haltsEvaluation) return { criterion, levelIndex: v };
  }
  return null;
}

/**
 * Checks one evaluator's answers against a sheet. Every criterion needs an answer — a level index
 * into its own levels, or null where the criterion is conditional — except after a knock-out or a
 * halting level, where the evaluation stopped and the rest stays blank.
 */
export function validateAnswers(
  sheet: RubricSheet,
  answers: RubricAnswers,
  options: RubricAnswerOptions = {},
): RubricAnswerIssue[] {
  if (sheet.coverage !== 'complete') {
    return [
      {
        code: 'INCOMPLETE_SHEET',
        criterion: null,
        message: `sheet ${sheet.id} is a fragment: only part of its criteria are known, so it cannot be scored`,
      },
    ];
  }
  const issues: RubricAnswerIssue[] = [];
  const criteria = listCriteria(sheet);
  const known = new Set(criteria.map((c) => c.criterion.code));
  for (const code of Object.keys(answers)) {
    if (!known.has(code))
      issues.push({
        code: 'UNKNOWN_CRITERION',
        criterion: code,
        message: `criterion ${code} is not on sheet ${sheet.id}`,
      });
  }
  const koCriterion = options.knockOut?.criterion;
  if (koCriterion != null && !findCriterion(sheet, koCriterion)) {
    issues.push({
      code: 'UNKNOWN_CRITERION',
      criterion: koCriterion,
      message: `the knock-out names criterion ${koCriterion}, which is not on sheet ${sheet.id}`,
    });
  }

  let stopped = Boolean(options.knockOut);
  for (const { criterion: c } of criteria) {
    const v = own(answers, c.code);
    if (v === undefined) {
      if (!stopped) issues.push({ code: 'MISSING', criterion: c.code, message: `criterion ${c.code} has no answer` });
      continue;
    }
    if (v === null) {
      if (!c.conditional)
        issues.push({
          code: 'NOT_APPLICABLE_NOT_ALLOWED',
          criterion: c.code,
          message: `criterion ${c.code} is not conditional, so it cannot be marked not applicable`,
        });
      continue;
    }
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      issues.push({
        code: 'NOT_INTEGER',
        criterion: c.code,
        message: `criterion ${c.code}: the answer must be a whole level index, got ${JSON.stringify(v)}`,
      });
      continue;
    }
    if (v < 0 || v >= c.levels.length) {
      issues.push({
        code: 'LEVEL_OUT_OF_RANGE',
        criterion: c.code,
        message: `criterion ${c.code} has levels 0–${c.levels.length - 1}, got ${v}`,
      });
      continue;
    }
    if (c.levels[v]?.haltsEvaluation) stopped = true;
  }
  return issues;
}

/** Throws RubricAnswersError unless the answers fit the sheet. */
export function assertValidAnswers(sheet: RubricSheet, answers: RubricAnswers, options: RubricAnswerOptions = {}) {
  const issues = validateAnswers(sheet, answers, options);
  if (issues.length > 0) throw new RubricAnswersError(sheet.id, issues);
}

// Own properties only: an answer keyed "constructor" or "__proto__" must not reach Object.prototype.
function own(answers: RubricAnswers, code: string): unknown {
  return Object.hasOwn(answers, code) ? answers[code] : undefined;
}
