import { z } from 'zod';
import { REPORT_ACTIONS } from '../registry/report-workflow.ts';
import { pageOf, pageQuerySchema } from './common.ts';
import { entityTypeSchema, ratingSchema, reportStatusSchema, scaleClassSchema } from './registry.ts';
import { unitRefSchema } from './places.ts';

const money = z.number().int().min(0).max(1e15);
const signedMoney = z.number().int().min(-1e15).max(1e15);
const count = z.number().int().min(0).max(10_000_000);

export const reportYearSchema = z.coerce.number().int().min(2000).max(2100);

/** What the entity or the commune officer enters for one year. */
export const reportFiguresSchema = z.object({
  revenue: money,
  revenueFromMembers: money,
  profit: signedMoney,
  totalCapital: money,
  indivisibleAssets: money,
  officialMembers: count,
  associateMembers: count,
  memberHouseholds: count,
  workers: count,
  memberWorkers: count,
  avgMemberIncome: money,
  avgWorkerMonthlyIncome: money,
  valueChainLinks: count,
  ocopProducts: count,
});

export const reportInputSchema = reportFiguresSchema.extend({
  productsServices: z.string().trim().max(2000).nullable().optional(),
  valueChainDescription: z.string().trim().max(2000).nullable().optional(),
  /** Months the entity operated in the year and months it was suspended (rating eligibility). */
  monthsOperating: z.number().int().min(0).max(12),
  suspendedMonths: z.number().int().min(0).max(12),
  /** Self-assessed points per rating criterion (TT 01/2020/TT-BKHĐT), keyed by criterion code. */
  ratingPoints: z
    .record(z.string().regex(/^\d{1,2}$/), z.number().min(0).max(100))
    .nullable()
    .optional(),
});
export type ReportInput = z.infer<typeof reportInputSchema>;

export const reportIssueSchema = z.object({
  field: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.number()).optional(),
});

export const annualReportSchema = reportInputSchema.extend({
  id: z.uuid(),
  entityId: z.uuid(),
  year: z.number().int(),
  status: reportStatusSchema,
  productsServices: z.string().nullable(),
  valueChainDescription: z.string().nullable(),
  ratingPoints: z.record(z.string(), z.number()).nullable(),
  rating: ratingSchema.nullable(),
  ratingTotal: z.number().nullable(),
  scaleClass: scaleClassSchema.nullable(),
  warnings: z.array(reportIssueSchema),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  updatedAt: z.string(),
  late: z.boolean(),
  canEdit: z.boolean(),
  allowedActions: z.array(z.enum(REPORT_ACTIONS)),
});
export type AnnualReport = z.infer<typeof annualReportSchema>;

export const reportActionBodySchema = z.object({
  action: z.enum(REPORT_ACTIONS),
  /** Required when returning or unlocking: what must be corrected. */
  reason: z.string().trim().min(3).max(1000).optional(),
});
export type ReportActionBody = z.infer<typeof reportActionBodySchema>;

export const reportDeadlineSchema = z.object({ year: z.number().int(), dueDate: z.string() });
export const setDeadlineBodySchema = z.object({ dueDate: z.iso.date() });

/** Who has reported for a year, per commune. */
export const completenessRowSchema = z.object({
  commune: unitRefSchema,
  expected: z.number().int(),
  draft: z.number().int(),
  submitted: z.number().int(),
  accepted: z.number().int(),
  approved: z.number().int(),
  returned: z.number().int(),
  missing: z.number().int(),
  late: z.number().int(),
});
export const completenessSchema = z.object({
  year: z.number().int(),
  dueDate: z.string().nullable(),
  rows: z.array(completenessRowSchema),
  totals: completenessRowSchema.omit({ commune: true }),
});
export type Completeness = z.infer<typeof completenessSchema>;

export const completenessQuerySchema = z.object({ year: reportYearSchema });

/** "Who has not reported": expected entities without a submitted report for the year. */
export const missingReportsQuerySchema = pageQuerySchema.extend({
  year: reportYearSchema,
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
});
export type MissingReportsQuery = z.infer<typeof missingReportsQuerySchema>;

export const missingReportItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: entityTypeSchema,
  commune: unitRefSchema,
  /** null: nothing entered yet; 'draft': started but not submitted. */
  reportStatus: reportStatusSchema.nullable(),
});
export type MissingReportItem = z.infer<typeof missingReportItemSchema>;
export const missingReportPageSchema = pageOf(missingReportItemSchema);
