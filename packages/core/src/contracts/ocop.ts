import { z } from 'zod';
import {
  checkRubricSheet,
  OCOP_DECISION_CODES,
  OCOP_PART_CODES,
  type NextStarPlan,
  type RubricSheet,
  type RubricSummary,
  type SheetScore,
} from '../ocop/index.ts';

// Wire shapes for OCOP rubric sheets and score previews. The sheet schema is what the server runs
// on a sheet a city admin uploads or edits: shape here, arithmetic in checkRubricSheet.

const text = (max: number) => z.string().min(1).max(max);
const points = z.number().int().min(0).max(100);
const criterionCode = z.string().min(1).max(20);
const minimumStar = z.literal([3, 4, 5]);
const star = z.literal([1, 2, 3, 4, 5]);
const partCode = z.enum(OCOP_PART_CODES);

const correctionSchema = z.strictObject({
  sourcePoints: z.number().int().min(0).optional(),
  pointsBlankInSource: z.literal(true).optional(),
  implied: z.literal(true).optional(),
  possibleMisprint: z.literal(true).optional(),
  pointsInferred: z.literal(true).optional(),
  descriptionTruncated: z.literal(true).optional(),
});

const levelSchema = z.strictObject({
  description: text(2000),
  points,
  case: z.number().int().min(1).max(9).optional(),
  starMarker: z.enum(['***', '****', '*****']).optional(),
  minimumFor: z.array(minimumStar).min(1).max(3).optional(),
  haltsEvaluation: z.literal(true).optional(),
  correction: correctionSchema.optional(),
});

const criterionSchema = z.strictObject({
  code: criterionCode,
  title: text(500),
  titleEn: text(500),
  maxPoints: points,
  parent: z
    .strictObject({
      code: criterionCode,
      title: text(500),
      titleEn: text(500),
      maxPoints: points.optional(),
      notes: z.array(text(2000)).optional(),
    })
    .optional(),
  explanation: text(2000).optional(),
  requirement: text(2000).optional(),
  notes: z.array(text(2000)).max(20).optional(),
  conditional: text(500).optional(),
  cases: z
    .strictObject({
      instruction: text(500).nullable(),
      derived: z.literal(true).optional(),
      list: z
        .array(z.strictObject({ case: z.number().int().min(1).max(9), label: text(500).nullable() }))
        .min(2)
        .max(9),
    })
    .optional(),
  disqualifiesIf: text(1000).optional(),
  haltsEvaluationIf: text(1000).optional(),
  minimumForStars: z.strictObject({ 3: points.optional(), 4: points.optional(), 5: points.optional() }).optional(),
  levels: z.array(levelSchema).min(1).max(20),
});

const groupSchema = z.strictObject({
  code: text(20),
  title: text(500),
  titleEn: text(500),
  maxPoints: points,
  explanation: text(2000).optional(),
  incomplete: z.literal(true).optional(),
  criteria: z.array(criterionSchema).max(50),
});

export const rubricSheetSchema = z
  .strictObject({
    id: z
      .string()
      .max(120)
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    version: z.number().int().min(1),
    decision: z.strictObject({
      code: z.enum(OCOP_DECISION_CODES),
      number: text(60),
      title: text(500).nullable(),
      date: z.iso.date(),
      effectiveFrom: z.iso.date(),
      effectiveTo: z.iso.date().nullable(),
      effectiveToNote: text(1000).optional(),
      current: z.boolean(),
      replaces: z.array(text(60)),
      supersededBy: text(500).nullable(),
    }),
    sheetNumber: z.number().int().min(1).max(99).nullable(),
    title: text(500),
    heading: text(500).nullable(),
    subheading: text(500).nullable(),
    productGroup: text(500),
    productSubgroup: text(500),
    productSets: z.array(text(500)).min(1),
    managingAgency: text(500).nullable(),
    maxPoints: points,
    coverage: z.enum(['complete', 'fragment']),
    confidence: z.enum(['verified', 'partial']),
    disqualifiers: z.array(text(2000)),
    parts: z
      .array(
        z.strictObject({
          code: partCode,
          title: text(500),
          titleEn: text(500),
          maxPoints: points,
          groups: z.array(groupSchema).max(30),
        }),
      )
      .length(3),
    starBands: z
      .array(
        z.strictObject({
          stars: star,
          minScore: z.number().min(0).max(100),
          maxScore: z.number().min(0).max(100),
          maxInclusive: z.boolean(),
          label: text(200).nullable(),
          certifiedBy: text(200).nullable(),
          note: text(500).optional(),
        }),
      )
      .length(5),
    certificateValidityMonths: z.number().int().min(1).max(120).nullable(),
    source: z.strictObject({ documents: z.array(text(2000)).min(1), urls: z.array(z.url().max(500)) }),
    notes: text(20_000),
  })
  .superRefine((sheet, ctx) => {
    for (const message of checkRubricSheet(sheet)) ctx.addIssue({ code: 'custom', message });
  });

/** One entry of GET /api/ocop/rubrics (and of data/ocop-rubrics/index.json). */
export const rubricSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  decisionCode: z.enum(OCOP_DECISION_CODES),
  decisionNumber: z.string(),
  sheetNumber: z.number().int().nullable(),
  title: z.string(),
  productGroup: z.string(),
  productSets: z.array(z.string()),
  coverage: z.enum(['complete', 'fragment']),
  current: z.boolean(),
});

export const rubricKnockOutSchema = z.object({
  reason: z.string().trim().min(3).max(2000),
  criterion: criterionCode.nullable().optional(),
});

/**
 * Answers are level indices; whether each fits the sheet (range, conditional, unknown codes) is
 * checked by validateAnswers once the sheet is loaded, so the client gets issues per criterion.
 */
export const scorePreviewBodySchema = z.object({
  rubricId: z.string().min(1).max(120),
  version: z.number().int().min(1).optional(),
  answers: z
    .record(criterionCode, z.number().int().nullable())
    .refine((a) => Object.keys(a).length <= 200, 'too many answers'),
  knockOut: rubricKnockOutSchema.optional(),
});
export type ScorePreviewBody = z.infer<typeof scorePreviewBodySchema>;

const starBlockerSchema = z.object({
  criterion: z.string(),
  title: z.string(),
  star,
  requiredPoints: z.number(),
  actualPoints: z.number(),
});

const knockOutResultSchema = z.object({ reason: z.string(), criterion: z.string().nullable(), byLevel: z.boolean() });

export const nextStarPlanSchema = z.object({
  currentStar: star.nullable(),
  targetStar: star.nullable(),
  reachable: z.boolean(),
  reason: z.enum(['ALREADY_TOP', 'KNOCKED_OUT', 'OUT_OF_REACH']).nullable(),
  changes: z.array(
    z.object({
      criterion: z.string(),
      title: z.string(),
      fromLevel: z.number().int().nullable(),
      toLevel: z.number().int(),
      fromPoints: z.number(),
      toPoints: z.number(),
      mandatory: z.boolean(),
      description: z.string(),
    }),
  ),
  pointsAfter: z.number(),
  starAfter: star.nullable(),
});

/** What POST /api/ocop/score-preview returns: previewScore's result. */
export const scorePreviewResultSchema = z.object({
  rubricId: z.string(),
  version: z.number().int(),
  total: z.number(),
  maxPoints: z.number(),
  parts: z.object({ A: z.number(), B: z.number(), C: z.number() }),
  groups: z.array(z.object({ part: partCode, code: z.string(), points: z.number(), maxPoints: z.number() })),
  criteria: z.array(
    z.object({
      code: z.string(),
      part: partCode,
      group: z.string(),
      points: z.number(),
      maxPoints: z.number(),
      levelIndex: z.number().int().nullable(),
    }),
  ),
  bandStar: star,
  star: star.nullable(),
  blockedBy: z.array(starBlockerSchema),
  knockedOut: knockOutResultSchema.nullable(),
  nextStar: nextStarPlanSchema.nullable(),
});
export type ScorePreviewResult = z.infer<typeof scorePreviewResultSchema>;

// Compile-time guards: the schemas and the engine's own types must describe the same shapes, so
// a field added on one side and not the other fails the type check rather than a request.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sheetShape: Same<z.infer<typeof rubricSheetSchema>, RubricSheet> = true;
const _summaryShape: Same<z.infer<typeof rubricSummarySchema>, RubricSummary> = true;
const _planShape: Same<z.infer<typeof nextStarPlanSchema>, NextStarPlan> = true;
const _previewShape: Same<ScorePreviewResult, SheetScore & { nextStar: NextStarPlan | null }> = true;
