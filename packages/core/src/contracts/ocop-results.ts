import { z } from 'zod';
import type { CouncilResult } from '../ocop/index.ts';
import { pageOf, pageQuerySchema } from './common.ts';
import { nextStarPlanSchema, rubricKnockOutSchema, scorePreviewResultSchema } from './ocop.ts';
import {
  ocopCouncilRoleSchema,
  ocopDossierEventSchema,
  ocopDossierOutcomeSchema,
  ocopDossierStatusSchema,
  ocopEntityRefSchema,
} from './ocop-rounds.ts';

// What an evaluation round produces: the members' score sheets, the council's result, the
// decision and certificate, and the producer's feedback (rounds and dossiers: ocop-rounds.ts).

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const star = z.literal([1, 2, 3, 4, 5]);
const criterionCode = z.string().min(1).max(20);
const parts = z.object({ A: z.number(), B: z.number(), C: z.number() });

// ---- score sheets ----

export const saveOcopScoreSheetBodySchema = z.object({
  answers: z
    .record(criterionCode, z.number().int().nullable())
    .refine((a) => Object.keys(a).length <= 200, 'too many answers'),
  /** A knock-out the member records (sheet-level rejection clause, or a criterion's note). */
  knockOut: rubricKnockOutSchema.nullable().optional(),
  /** The member's remark per criterion, shown to the producer without the member's name. */
  comments: z
    .record(criterionCode, text(1, 2000))
    .refine((c) => Object.keys(c).length <= 200, 'too many comments')
    .optional(),
});
export type SaveOcopScoreSheetBody = z.infer<typeof saveOcopScoreSheetBodySchema>;

const sheetScoreSchema = scorePreviewResultSchema.omit({ nextStar: true });
const knockOutSchema = z.object({ reason: z.string(), criterion: z.string().nullable() });

export const ocopMyScoreSheetSchema = z.object({
  dossierId: z.uuid(),
  rubricId: z.string(),
  version: z.number().int(),
  status: z.enum(['new', 'draft', 'submitted']),
  answers: z.record(z.string(), z.number().int().nullable()),
  knockOut: knockOutSchema.nullable(),
  comments: z.record(z.string(), z.string()),
  /** Criteria still unanswered. */
  missing: z.array(z.string()),
  /** Points of the answers given so far. */
  running: z.object({ total: z.number(), parts }),
  /** The full score once every criterion is answered. */
  result: sheetScoreSchema.nullable(),
  updatedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export type OcopMyScoreSheet = z.infer<typeof ocopMyScoreSheetSchema>;

export const ocopMemberScoreSheetSchema = z.object({
  member: z.object({ userId: z.uuid(), displayName: z.string(), role: ocopCouncilRoleSchema }),
  total: z.number(),
  star: star.nullable(),
  knockOut: knockOutSchema.nullable(),
  answers: z.record(z.string(), z.number().int().nullable()),
  comments: z.record(z.string(), z.string()),
  submittedAt: z.string(),
});
export type OcopMemberScoreSheet = z.infer<typeof ocopMemberScoreSheetSchema>;

const starBlockerSchema = z.object({
  criterion: z.string(),
  title: z.string(),
  star,
  requiredPoints: z.number(),
  actualPoints: z.number(),
});

/** councilResult of the engine on the submitted sheets. */
export const ocopCouncilResultSchema = z.object({
  rubricId: z.string(),
  version: z.number().int(),
  members: z.number().int(),
  memberTotals: z.array(z.number()),
  total: z.number(),
  parts,
  totalsSpread: z.number(),
  disagreement: z.boolean(),
  disagreementThreshold: z.number(),
  criteria: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      maxPoints: z.number(),
      memberPoints: z.array(z.number()),
      consensusPoints: z.number(),
      spread: z.number(),
    }),
  ),
  bandStar: star,
  star: star.nullable(),
  blockedBy: z.array(starBlockerSchema),
  knockedOut: z.object({ reason: z.string(), criterion: z.string().nullable(), byLevel: z.boolean() }).nullable(),
});

export const ocopAggregateSchema = z.object({
  dossierId: z.uuid(),
  expected: z.number().int(),
  submitted: z.number().int(),
  /** Every expected member has submitted: the secretary can confirm. */
  complete: z.boolean(),
  pending: z.array(z.object({ userId: z.uuid(), displayName: z.string(), role: ocopCouncilRoleSchema })),
  /** Submitted sheets recording a knock-out; a strict majority knocks the product out. */
  knockOutVotes: z.number().int(),
  result: ocopCouncilResultSchema.nullable(),
});
export type OcopAggregate = z.infer<typeof ocopAggregateSchema>;

export const confirmOcopDossierBodySchema = z.object({ minutes: text(10, 20_000) });

// ---- decisions and certificates ----

export const OCOP_CERTIFICATE_NUMBER_PATTERN = /^OCOP-[A-Z]{2,3}-\d{4}-\d{6}$/;
export const ocopCertificateNumberSchema = z.string().regex(OCOP_CERTIFICATE_NUMBER_PATTERN);

export const recordOcopDecisionBodySchema = z.object({
  /** As printed, e.g. "1234/QĐ-UBND" (the ministry's for a 5★ product). */
  number: text(3, 100),
  date: z.iso.date(),
});
export type RecordOcopDecisionBody = z.infer<typeof recordOcopDecisionBodySchema>;

export const OCOP_CERTIFICATE_STATUSES = ['valid', 'expired', 'revoked'] as const;
export const ocopCertificateStatusSchema = z.enum(OCOP_CERTIFICATE_STATUSES);
export type OcopCertificateStatus = z.infer<typeof ocopCertificateStatusSchema>;

const decisionSchema = z.object({
  number: z.string(),
  date: z.string(),
  issuer: z.enum(['province', 'ministry']),
  issuerName: z.string(),
});

export const ocopCertificateSchema = z.object({
  number: z.string(),
  status: ocopCertificateStatusSchema,
  star,
  total: z.number(),
  product: z.object({ id: z.uuid(), name: z.string() }),
  entity: ocopEntityRefSchema,
  decision: decisionSchema,
  issuedOn: z.string(),
  validUntil: z.string(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  dossierId: z.uuid(),
  roundId: z.uuid(),
  /** Path of the public verification page (the QR code's target). */
  verifyPath: z.string(),
});
export type OcopCertificate = z.infer<typeof ocopCertificateSchema>;
export const ocopCertificatePageSchema = pageOf(ocopCertificateSchema);

export const ocopCertificateListQuerySchema = pageQuerySchema.extend({
  entity: z.uuid().optional(),
  star: z.coerce.number().int().min(3).max(5).optional(),
  status: ocopCertificateStatusSchema.optional(),
});
export type OcopCertificateListQuery = z.infer<typeof ocopCertificateListQuerySchema>;

/** The public check behind the QR code: public facts only, nothing about people. */
export const ocopCertificateVerificationSchema = z.object({
  number: z.string(),
  status: ocopCertificateStatusSchema,
  star,
  productName: z.string(),
  entityName: z.string(),
  communeName: z.string(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  issuerName: z.string(),
  issuedOn: z.string(),
  validUntil: z.string(),
});
export type OcopCertificateVerification = z.infer<typeof ocopCertificateVerificationSchema>;

export const revokeOcopCertificateBodySchema = z.object({ reason: text(3, 2000) });

// ---- producer feedback ----

export const ocopDossierFeedbackSchema = z.object({
  dossierId: z.uuid(),
  round: z.object({ id: z.uuid(), name: z.string(), year: z.number().int() }),
  product: z.object({ id: z.uuid(), name: z.string() }),
  status: ocopDossierStatusSchema,
  outcome: ocopDossierOutcomeSchema.nullable(),
  /** Comments of the commune officer (returns, forwarding) and of the council's confirmation. */
  comments: z.array(ocopDossierEventSchema),
  result: z
    .object({
      total: z.number(),
      parts,
      bandStar: star,
      star: star.nullable(),
      knockedOut: knockOutSchema.nullable(),
      blockedBy: z.array(starBlockerSchema),
      criteria: z.array(
        z.object({
          code: z.string(),
          title: z.string(),
          part: z.enum(['A', 'B', 'C']),
          maxPoints: z.number(),
          consensusPoints: z.number(),
        }),
      ),
      /** Members' remarks, without names, in criterion order. */
      memberComments: z.array(z.object({ criterion: z.string().nullable(), comment: z.string() })),
      /** What would raise the product a star, planned on the council's consensus answers. */
      nextStar: nextStarPlanSchema,
    })
    .nullable(),
  certificate: z.object({ number: z.string(), status: ocopCertificateStatusSchema, validUntil: z.string() }).nullable(),
});
export type OcopDossierFeedback = z.infer<typeof ocopDossierFeedbackSchema>;

// The wire shape of the council result is the engine's own.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _councilShape: Same<z.infer<typeof ocopCouncilResultSchema>, CouncilResult> = true;
