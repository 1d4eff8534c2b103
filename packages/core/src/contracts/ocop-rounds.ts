import { z } from 'zod';
import { pageOf, pageQuerySchema } from './common.ts';

// OCOP evaluation rounds ("kỳ đánh giá, phân hạng"), their councils, the dossiers products enter
// them as, blind scoring by the council's members, the council's result and the certificates.
// Process: QĐ 26/2026/QĐ-TTg (default) or the QĐ 148 transition of its Điều 12.

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const star = z.literal([1, 2, 3, 4, 5]);
const parts = z.object({ A: z.number(), B: z.number(), C: z.number() });

/** How a round is run: QĐ 26/2026 or the transition that finishes earlier dossiers under QĐ 148 (+ QĐ 1489). */
export const OCOP_PROCESS_REGIMES = ['qd26-2026', 'qd148-transition'] as const;
export const ocopProcessRegimeSchema = z.enum(OCOP_PROCESS_REGIMES);
export type OcopProcessRegime = z.infer<typeof ocopProcessRegimeSchema>;

/** The scoring-sheet decision of a round; each regime has exactly one. */
export const RUBRIC_DECISION_OF_REGIME = { 'qd26-2026': 'qd26-2026', 'qd148-transition': 'qd148-2023' } as const;
export const OCOP_ROUND_RUBRIC_DECISIONS = ['qd26-2026', 'qd148-2023'] as const;
export const ocopRoundRubricDecisionSchema = z.enum(OCOP_ROUND_RUBRIC_DECISIONS);

/**
 * Điều 12 of QĐ 26/2026: dossiers filed before 22/05/2026 are finished under QĐ 148 within 60 days,
 * so a transition round takes no submission after this day.
 */
export const QD148_TRANSITION_LAST_DAY = '2026-07-21';

/** planned: set up, invisible to the council; open: takes submissions; closed: takes none, evaluation goes on. */
export const OCOP_ROUND_STATUSES = ['planned', 'open', 'closed'] as const;
export const ocopRoundStatusSchema = z.enum(OCOP_ROUND_STATUSES);
export type OcopRoundStatus = z.infer<typeof ocopRoundStatusSchema>;

/** Chair, secretary and members score; the advisory team ("tổ tư vấn giúp việc") helps and does not. */
export const OCOP_COUNCIL_ROLES = ['chair', 'secretary', 'member', 'advisor'] as const;
export const ocopCouncilRoleSchema = z.enum(OCOP_COUNCIL_ROLES);
export type OcopCouncilRole = z.infer<typeof ocopCouncilRoleSchema>;
export const SCORING_COUNCIL_ROLES: readonly OcopCouncilRole[] = ['chair', 'secretary', 'member'];

/**
 * received: at the commune; returned: sent back to the producer with a comment (the product is a
 * draft again); forwarded: with the council; confirmed: the council's result is final (see
 * outcome); certified: the decision is recorded and the certificate issued.
 */
export const OCOP_DOSSIER_STATUSES = ['received', 'returned', 'forwarded', 'confirmed', 'certified'] as const;
export const ocopDossierStatusSchema = z.enum(OCOP_DOSSIER_STATUSES);
export type OcopDossierStatus = z.infer<typeof ocopDossierStatusSchema>;

/**
 * After confirmation: 3★/4★ wait for the provincial decision; 5★ (total ≥ 90) goes to the ministry;
 * 1–2★ or knocked out get no decision and no certificate.
 */
export const OCOP_DOSSIER_OUTCOMES = ['awaiting_decision', 'proposed_national', 'not_certified'] as const;
export const ocopDossierOutcomeSchema = z.enum(OCOP_DOSSIER_OUTCOMES);
export type OcopDossierOutcome = z.infer<typeof ocopDossierOutcomeSchema>;

// ---- rounds ----

export const createOcopRoundBodySchema = z.object({
  name: text(3, 200),
  year: z.number().int().min(2019).max(2100),
  processRegime: ocopProcessRegimeSchema.default('qd26-2026'),
  /** Defaults to the regime's decision; any other is refused. */
  rubricDecision: ocopRoundRubricDecisionSchema.optional(),
  /** Last day (Vietnam calendar) a producer can submit. */
  submissionDeadline: z.iso.date(),
});
export type CreateOcopRoundBody = z.infer<typeof createOcopRoundBodySchema>;

export const updateOcopRoundBodySchema = z
  .object({ name: text(3, 200), submissionDeadline: z.iso.date() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type UpdateOcopRoundBody = z.infer<typeof updateOcopRoundBodySchema>;

const dossierCountsSchema = z.object({
  received: z.number().int(),
  returned: z.number().int(),
  forwarded: z.number().int(),
  confirmed: z.number().int(),
  certified: z.number().int(),
});

export const ocopRoundSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  year: z.number().int(),
  processRegime: ocopProcessRegimeSchema,
  rubricDecision: ocopRoundRubricDecisionSchema,
  status: ocopRoundStatusSchema,
  submissionDeadline: z.string(),
  /** Open and the deadline not passed: a product submitted now enters this round. */
  acceptingSubmissions: z.boolean(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  dossiers: dossierCountsSchema,
  /** The caller's seat on the round's council, if any. */
  myCouncilRole: ocopCouncilRoleSchema.nullable(),
});
export type OcopRound = z.infer<typeof ocopRoundSchema>;
export const ocopRoundPageSchema = pageOf(ocopRoundSchema);

export const ocopRoundListQuerySchema = pageQuerySchema.extend({
  status: ocopRoundStatusSchema.optional(),
  year: z.coerce.number().int().min(2019).max(2100).optional(),
});
export type OcopRoundListQuery = z.infer<typeof ocopRoundListQuerySchema>;

// ---- councils ----

export const setOcopCouncilBodySchema = z.object({
  /** Members' totals further apart than this are flagged (default 10 points). */
  disagreementThreshold: z.number().int().min(1).max(100).default(10),
  members: z
    .array(z.object({ userId: z.uuid(), role: ocopCouncilRoleSchema }))
    .min(1)
    .max(60),
});
export type SetOcopCouncilBody = z.infer<typeof setOcopCouncilBodySchema>;

export const declareOcopConflictBodySchema = z.object({
  /** The member concerned; a member declaring for themselves may leave it out. */
  userId: z.uuid().optional(),
  entityId: z.uuid(),
  reason: text(3, 1000),
});
export type DeclareOcopConflictBody = z.infer<typeof declareOcopConflictBodySchema>;

const councilMemberSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  role: ocopCouncilRoleSchema,
  scores: z.boolean(),
});

export const ocopConflictSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  entity: z.object({ id: z.uuid(), name: z.string() }),
  reason: z.string(),
  recordedBy: z.enum(['self', 'admin']),
  recordedAt: z.string(),
});
export type OcopConflict = z.infer<typeof ocopConflictSchema>;

/** A council; members see only their own declared conflicts, city admins all. */
export const ocopCouncilSchema = z.object({
  roundId: z.uuid(),
  disagreementThreshold: z.number().int(),
  members: z.array(councilMemberSchema),
  conflicts: z.array(ocopConflictSchema),
});
export type OcopCouncil = z.infer<typeof ocopCouncilSchema>;

// ---- dossiers ----

/** An entity as a dossier or a certificate names it. */
export const ocopEntityRefSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
});

export const ocopDossierListItemSchema = z.object({
  id: z.uuid(),
  round: z.object({ id: z.uuid(), name: z.string(), year: z.number().int() }),
  product: z.object({ id: z.uuid(), name: z.string(), productSet: z.string() }),
  entity: ocopEntityRefSchema,
  /** The sheet version pinned when the product was submitted: every member scores on it. */
  rubricId: z.string(),
  rubricVersion: z.number().int(),
  status: ocopDossierStatusSchema,
  outcome: ocopDossierOutcomeSchema.nullable(),
  selfTotal: z.number().nullable(),
  selfStar: star.nullable(),
  finalTotal: z.number().nullable(),
  finalStar: star.nullable(),
  /** The caller's own score sheet (council members who score); null for everyone else. */
  mySheet: z.enum(['new', 'draft', 'submitted']).nullable(),
  receivedAt: z.string(),
  updatedAt: z.string(),
});
export type OcopDossierListItem = z.infer<typeof ocopDossierListItemSchema>;
export const ocopDossierPageSchema = pageOf(ocopDossierListItemSchema);

export const ocopDossierListQuerySchema = pageQuerySchema.extend({
  round: z.uuid().optional(),
  status: ocopDossierStatusSchema.optional(),
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  q: z.string().trim().max(100).optional(),
});
export type OcopDossierListQuery = z.infer<typeof ocopDossierListQuerySchema>;

export const OCOP_DOSSIER_EVENT_ACTIONS = [
  'received',
  'returned',
  'forwarded',
  'confirmed',
  'certified',
  'revoked',
] as const;
export const ocopDossierEventSchema = z.object({
  action: z.enum(OCOP_DOSSIER_EVENT_ACTIONS),
  /** The officer's or council's words; never the name of who wrote them. */
  comment: z.string().nullable(),
  at: z.string(),
});
export type OcopDossierEvent = z.infer<typeof ocopDossierEventSchema>;

export const ocopConfirmedResultSchema = z.object({
  total: z.number(),
  parts,
  bandStar: star,
  star: star.nullable(),
  knockedOut: z.object({ reason: z.string(), criterion: z.string().nullable() }).nullable(),
  members: z.number().int(),
  /** Minutes of the council meeting; officials and the council only. */
  minutes: z.string().nullable(),
  confirmedAt: z.string(),
});

export const ocopDossierSchema = ocopDossierListItemSchema.extend({
  description: z.string().nullable(),
  packaging: z.string().nullable(),
  priceVnd: z.number().int().nullable(),
  priceUnit: z.string().nullable(),
  annualCapacity: z.string().nullable(),
  ingredientsOrigin: z.string().nullable(),
  events: z.array(ocopDossierEventSchema),
  /** Sheets submitted / expected (members without a conflict); council and city admins only. */
  progress: z.object({ expected: z.number().int(), submitted: z.number().int() }).nullable(),
  result: ocopConfirmedResultSchema.nullable(),
  certificate: z.object({ number: z.string(), status: z.enum(['valid', 'expired', 'revoked']) }).nullable(),
  can: z.object({
    return: z.boolean(),
    forward: z.boolean(),
    score: z.boolean(),
    confirm: z.boolean(),
    decide: z.boolean(),
  }),
});
export type OcopDossier = z.infer<typeof ocopDossierSchema>;

export const returnOcopDossierBodySchema = z.object({ comment: text(3, 2000) });
export const forwardOcopDossierBodySchema = z.object({ comment: text(1, 2000).optional() });
export type ForwardOcopDossierBody = z.infer<typeof forwardOcopDossierBodySchema>;
