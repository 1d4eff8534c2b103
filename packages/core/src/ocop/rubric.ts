/**
 * OCOP scoring sheets ("phiếu đánh giá sản phẩm OCOP") as data. One sheet per product set
 * ("bộ sản phẩm") under one decision: QĐ 26/2026/QĐ-TTg (current), QĐ 148/QĐ-TTg (transition
 * only) or QĐ 1048/QĐ-TTg (historical). The shipped sheets are generated from the reference data
 * by scripts/build-ocop-rubrics.ts; a city admin may upload an edited sheet as a new `version`.
 *
 * This module and its siblings stay free of zod so the web bundle can score in the browser;
 * the wire schema for the same shape is in contracts/ocop.ts.
 */

export const OCOP_DECISION_CODES = ['qd26-2026', 'qd148-2023', 'qd1048-2019'] as const;
export type OcopDecisionCode = (typeof OCOP_DECISION_CODES)[number];

export const OCOP_PART_CODES = ['A', 'B', 'C'] as const;
export type OcopPartCode = (typeof OCOP_PART_CODES)[number];

export const OCOP_STARS = [1, 2, 3, 4, 5] as const;
export type OcopStar = (typeof OCOP_STARS)[number];

/** Star grades that carry per-criterion minimums ("tiêu chí bắt buộc"); 1★ and 2★ have none. */
export const OCOP_MINIMUM_STARS = [3, 4, 5] as const;
export type OcopMinimumStar = (typeof OCOP_MINIMUM_STARS)[number];

export type RubricDecision = {
  code: OcopDecisionCode;
  /** As printed, e.g. "26/2026/QĐ-TTg". */
  number: string;
  title: string | null;
  /** Date signed (ISO). */
  date: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  effectiveToNote?: string;
  /** True only for the decision new assessments must use. */
  current: boolean;
  replaces: string[];
  supersededBy: string | null;
};

/**
 * Where a level's recorded value departs from the printed sheet. Kept on the level so an
 * evaluator who compares with the paper form sees why the numbers differ.
 */
export type RubricLevelCorrection = {
  /** The printed points, replaced by `points` (an obvious misprint such as 13 for 3). */
  sourcePoints?: number;
  /** The points cell is blank in the source; `points` is 0. */
  pointsBlankInSource?: true;
  /** The source prints no options for this criterion; yes/no levels were added. */
  implied?: true;
  /** Kept as printed although it differs from every other sheet. */
  possibleMisprint?: true;
  /** The points were inferred from the criterion maximum. */
  pointsInferred?: true;
  /** The source text is cut off. */
  descriptionTruncated?: true;
};

export type RubricLevel = {
  description: string;
  points: number;
  /** Case number (see RubricCriterion.cases) this level belongs to. */
  case?: number;
  /** The raw star marker printed on this option ("***", "****", "*****"). */
  starMarker?: '***' | '****' | '*****';
  /** Star grades for which this level is the minimum the product must reach on the criterion. */
  minimumFor?: OcopMinimumStar[];
  /**
   * Choosing this level stops the evaluation: set only where the sheet's note names the score
   * itself ("Nếu bị 0 Điểm, sẽ không đánh giá các bước tiếp theo"). Other stop notes describe
   * facts no level encodes and are recorded by the evaluator as a knock-out (see score.ts).
   */
  haltsEvaluation?: true;
  correction?: RubricLevelCorrection;
};

export type RubricCases = {
  /** The printed instruction ("Lựa chọn một trong hai trường hợp sau:"), null when the source gives none. */
  instruction: string | null;
  /** The split into cases was inferred from where the points restart, not printed. */
  derived?: true;
  list: { case: number; label: string | null }[];
};

export type RubricCriterion = {
  code: string;
  title: string;
  titleEn: string;
  maxPoints: number;
  /** For flattened sub-criteria (tea 6.1.1 …): the printed parent row. */
  parent?: { code: string; title: string; titleEn: string; maxPoints?: number; notes?: string[] };
  explanation?: string;
  requirement?: string;
  notes?: string[];
  /** The criterion applies only under this condition; an answer of null means "not applicable" and scores 0. */
  conditional?: string;
  /** Alternative cases: the evaluator picks one case and scores only its levels. */
  cases?: RubricCases;
  /** Note saying the dossier is rejected ("Bị loại nếu …"). */
  disqualifiesIf?: string;
  /** Note saying the evaluation stops ("… sẽ không đánh giá các bước tiếp theo"). */
  haltsEvaluationIf?: string;
  /** Minimum points per star grade; mirrors the levels' `minimumFor`. */
  minimumForStars?: Partial<Record<OcopMinimumStar, number>>;
  levels: RubricLevel[];
};

export type RubricGroup = {
  code: string;
  title: string;
  titleEn: string;
  maxPoints: number;
  explanation?: string;
  /** Only some of the group's criteria are known (fragment sheets). */
  incomplete?: true;
  criteria: RubricCriterion[];
};

export type RubricPart = {
  code: OcopPartCode;
  title: string;
  titleEn: string;
  maxPoints: number;
  groups: RubricGroup[];
};

export type RubricStarBand = {
  stars: OcopStar;
  minScore: number;
  maxScore: number;
  maxInclusive: boolean;
  label: string | null;
  /** Who certifies the grade; null when no certificate is issued or the source does not say. */
  certifiedBy: string | null;
  note?: string;
};

export type RubricSheet = {
  id: string;
  /** 1 for shipped data; an edited sheet is a new version of the same id. */
  version: number;
  decision: RubricDecision;
  sheetNumber: number | null;
  title: string;
  /** The printed heading lines, when the source has them. */
  heading: string | null;
  subheading: string | null;
  productGroup: string;
  productSubgroup: string;
  productSets: string[];
  managingAgency: string | null;
  maxPoints: number;
  /** 'fragment': only part of the sheet is known; it cannot be used to score. */
  coverage: 'complete' | 'fragment';
  confidence: 'verified' | 'partial';
  /** Sheet-level rejection clauses ("Hồ sơ bị loại khi: …"). */
  disqualifiers: string[];
  parts: RubricPart[];
  starBands: RubricStarBand[];
  certificateValidityMonths: number | null;
  source: { documents: string[]; urls: string[] };
  notes: string;
};

/** A sheet as listed in the rubric index (data/ocop-rubrics/index.json, GET /api/ocop/rubrics). */
export type RubricSummary = {
  id: string;
  version: number;
  decisionCode: OcopDecisionCode;
  decisionNumber: string;
  sheetNumber: number | null;
  title: string;
  productGroup: string;
  productSets: string[];
  coverage: RubricSheet['coverage'];
  current: boolean;
};

export function summarizeRubric(sheet: RubricSheet): RubricSummary {
  return {
    id: sheet.id,
    version: sheet.version,
    decisionCode: sheet.decision.code,
    decisionNumber: sheet.decision.number,
    sheetNumber: sheet.sheetNumber,
    title: sheet.title,
    productGroup: sheet.productGroup,
    productSets: [...sheet.productSets],
    coverage: sheet.coverage,
    current: sheet.decision.current,
  };
}

/** A level index (0-based, into the criterion's levels) per criterion code; null = not applicable. */
export type RubricAnswers = Record<string, number | null>;

export type RubricCriterionRef = { part: OcopPartCode; group: string; criterion: RubricCriterion };

/** Every criterion of the sheet in printed order. */
export function listCriteria(sheet: RubricSheet): RubricCriterionRef[] {
  return sheet.parts.flatMap((p) =>
    p.groups.flatMap((g) => g.criteria.map((criterion) => ({ part: p.code, group: g.code, criterion }))),
  );
}

export function findCriterion(sheet: RubricSheet, code: string): RubricCriterion | undefined {
  for (const p of sheet.parts)
    for (const g of p.groups) {
      const c = g.criteria.find((x) => x.code === code);
      if (c) return c;
    }
  return undefined;
}

export function partMaxPoints(sheet: RubricSheet): Record<OcopPartCode, number> {
  const out: Record<OcopPartCode, number> = { A: 0, B: 0, C: 0 };
  for (const p of sheet.parts) out[p.code] = p.maxPoints;
  return out;
}

/**
 * Points a criterion must reach for a star grade, or null when it has no minimum at that grade.
 * Minimums of lower grades count too: a 4★ product is also a 3★ product. (In the shipped data a
 * 3★ minimum always carries up to 4★ and 5★, so this only matters for hand-edited sheets.)
 */
export function requiredPoints(criterion: RubricCriterion, star: OcopStar): number | null {
  let required: number | null = null;
  for (const s of OCOP_MINIMUM_STARS) {
    const min = criterion.minimumForStars?.[s];
    if (s <= star && min !== undefined) required = Math.max(required ?? 0, min);
  }
  return required;
}

/**
 * The star band a total falls in. A total belongs to the highest band whose minScore it reaches,
 * so bands are read as half-open from their minimum: QĐ 1048 prints integer ranges (4★ 70–89,
 * 5★ 90–100) that leave a gap a council's mean such as 89.5 would otherwise fall into.
 */
export function bandFor(bands: readonly RubricStarBand[], total: number): RubricStarBand {
  const sorted = [...bands].sort((a, b) => b.minScore - a.minScore);
  const band = sorted.find((b) => total >= b.minScore) ?? sorted[sorted.length - 1];
  if (!band) throw new Error('rubric sheet has no star bands');
  return band;
}

/** The levels an answer may move to without changing case (all levels when the criterion has no cases). */
export function levelsInCase(criterion: RubricCriterion, levelIndex: number | null): number[] {
  const current = levelIndex === null ? undefined : criterion.levels[levelIndex]?.case;
  return criterion.levels.flatMap((l, i) => (current === undefined || l.case === current ? [i] : []));
}

/** Points of one answer: null (not applicable) and absent answers score 0. */
export function answerPoints(criterion: RubricCriterion, levelIndex: number | null | undefined): number {
  if (levelIndex === null || levelIndex === undefined) return 0;
  return criterion.levels[levelIndex]?.points ?? 0;
}
