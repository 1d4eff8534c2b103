import { z } from 'zod';
import { AGGREGATIONS, INDICATOR_SOURCES, INDICATOR_UNITS } from '../plans/indicators.ts';
import { DIRECTIONS, TARGET_STATUSES } from '../plans/targets.ts';
import { pageOf, pageQuerySchema } from './common.ts';

// Plans and targets (issue 7): a plan's targets are indicator × scope × period × value, tracked
// live from the records. Scopes are administrative units keyed by (scheme, code) (ADR 0002).

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const year = z.coerce.number().int().min(2000).max(2100);

export const PLAN_STATUSES = ['draft', 'active', 'closed'] as const;
export const planStatusSchema = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof planStatusSchema>;

/** city; a new commune (scheme 2025-07); a former district (scheme 2025-01), for history. */
export const SCOPE_LEVELS = ['city', 'commune', 'district'] as const;
export const scopeLevelSchema = z.enum(SCOPE_LEVELS);
export type ScopeLevel = z.infer<typeof scopeLevelSchema>;
export const SCHEME_OF_LEVEL = { city: null, commune: '2025-07', district: '2025-01' } as const;

export const directionSchema = z.enum(DIRECTIONS);
export const targetStatusSchema = z.enum(TARGET_STATUSES);

const planFields = {
  number: text(1, 60),
  title: text(3, 300),
  issuingBody: text(2, 200),
  issuedOn: z.iso.date(),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  status: planStatusSchema,
  description: text(0, 5000).nullable(),
  publicProgress: z.boolean(),
};

const periodOrdered = (p: { periodStart?: string; periodEnd?: string }) =>
  !p.periodStart || !p.periodEnd || p.periodStart <= p.periodEnd;
const periodIssue = { message: 'The period ends before it starts', path: ['periodEnd'] };

export const createPlanBodySchema = z
  .object({
    ...planFields,
    status: planStatusSchema.default('draft'),
    description: planFields.description.default(null),
    publicProgress: z.boolean().default(false),
  })
  .strict()
  .refine(periodOrdered, periodIssue);
export type CreatePlanBody = z.infer<typeof createPlanBodySchema>;

export const updatePlanBodySchema = z
  .object(planFields)
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .refine(periodOrdered, periodIssue);
export type UpdatePlanBody = z.infer<typeof updatePlanBodySchema>;

export const planListQuerySchema = pageQuerySchema.extend({ status: planStatusSchema.optional() });
export type PlanListQuery = z.infer<typeof planListQuerySchema>;

export const planSchema = z.object({
  id: z.uuid(),
  ...planFields,
  targetCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Plan = z.infer<typeof planSchema>;
export const planPageSchema = pageOf(planSchema);

export const indicatorSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  unit: z.enum(INDICATOR_UNITS),
  aggregation: z.enum(AGGREGATIONS),
  source: z.enum(INDICATOR_SOURCES),
  kind: z.enum(['stock', 'flow']),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const targetScopeSchema = z.object({
  level: scopeLevelSchema,
  scheme: z.string().nullable(),
  code: z.string().nullable(),
  name: z.string().nullable(),
});
export type TargetScope = z.infer<typeof targetScopeSchema>;

const unitCode = z.string().regex(/^\d{2,5}$/, 'An administrative unit code');

export const targetBodySchema = z
  .object({
    indicatorId: text(1, 80),
    indicatorVersion: z.number().int().min(1),
    level: scopeLevelSchema.default('city'),
    code: unitCode.nullable().default(null),
    year,
    quarter: z.number().int().min(1).max(4).nullable().default(null),
    value: z.number().finite().nonnegative(),
    baseline: z.number().finite().nonnegative().nullable().default(null),
    direction: directionSchema.default('at_least'),
  })
  .strict()
  .refine((b) => (b.level === 'city') === (b.code === null), {
    message: 'A city target has no unit code; a commune or district target needs one',
    path: ['code'],
  });
export type TargetBody = z.infer<typeof targetBodySchema>;

export const updateTargetBodySchema = z
  .object({
    value: z.number().finite().nonnegative(),
    baseline: z.number().finite().nonnegative().nullable(),
    direction: directionSchema,
  })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' });
export type UpdateTargetBody = z.infer<typeof updateTargetBodySchema>;

export const targetSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  indicatorId: z.string(),
  indicatorVersion: z.number().int(),
  scope: targetScopeSchema,
  year: z.number().int(),
  quarter: z.number().int().nullable(),
  value: z.number(),
  baseline: z.number().nullable(),
  direction: directionSchema,
  parentId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type Target = z.infer<typeof targetSchema>;
export const targetPageSchema = pageOf(targetSchema);

/** A city target's shares per new commune; for sums and counts they must add up to the city value. */
export const splitTargetBodySchema = z
  .object({
    shares: z
      .array(z.object({ code: unitCode, value: z.number().finite().nonnegative() }).strict())
      .min(1)
      .max(200)
      .refine((s) => new Set(s.map((x) => x.code)).size === s.length, { message: 'A commune appears twice' }),
  })
  .strict();
export type SplitTargetBody = z.infer<typeof splitTargetBodySchema>;

/** `city`, `commune:<code>` or `district:<code>`; officers default to their communes. */
export const dashboardQuerySchema = z.object({
  scope: z
    .string()
    .regex(/^(city|(commune|district):\d{2,5})$/, 'city, commune:<code> or district:<code>')
    .optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

const figure = {
  actual: z.number().nullable(),
  target: z.number().nullable(),
  percent: z.number().nullable(),
  status: targetStatusSchema,
  forecast: z.number().nullable(),
};

export const dashboardUnitSchema = z.object({ code: z.string(), name: z.string(), ...figure });
export type DashboardUnit = z.infer<typeof dashboardUnitSchema>;

export const dashboardTargetSchema = z.object({
  id: z.uuid(),
  indicator: indicatorSchema,
  scope: targetScopeSchema,
  year: z.number().int(),
  quarter: z.number().int().nullable(),
  baseline: z.number().nullable(),
  direction: directionSchema,
  elapsed: z.number(),
  ...figure,
  /** The level the breakdown is at: communes, or former districts for periods before July 2025. */
  breakdownLevel: z.enum(['commune', 'district']).nullable(),
  breakdown: z.array(dashboardUnitSchema),
});
export type DashboardTarget = z.infer<typeof dashboardTargetSchema>;

export const dashboardSchema = z.object({
  plan: planSchema,
  scope: z.object({ level: z.enum(['city', 'commune', 'district', 'mine']), code: z.string().nullable() }),
  asOf: z.iso.date(),
  targets: z.array(dashboardTargetSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const targetRecordsQuerySchema = pageQuerySchema.extend({
  /** Narrows to one unit of the breakdown (a commune, or a former district). */
  unit: unitCode.optional(),
});
export type TargetRecordsQuery = z.infer<typeof targetRecordsQuerySchema>;

/** One record behind a figure: an entity, its annual report, a certified product, or an outlet (no entity). */
export const targetRecordSchema = z.object({
  id: z.uuid(),
  entityId: z.uuid().nullable(),
  name: z.string(),
  entityName: z.string().nullable(),
  entityType: z.string(),
  communeCode: z.string(),
  communeName: z.string().nullable(),
  date: z.string().nullable(),
  value: z.number().nullable(),
});
export type TargetRecord = z.infer<typeof targetRecordSchema>;
export const targetRecordPageSchema = pageOf(targetRecordSchema);

export const manualValueBodySchema = z
  .object({
    indicatorId: text(1, 80),
    indicatorVersion: z.number().int().min(1),
    level: scopeLevelSchema,
    code: unitCode.nullable(),
    year,
    quarter: z.number().int().min(1).max(4).nullable().default(null),
    value: z.number().finite().nonnegative(),
    evidence: text(3, 2000),
  })
  .strict()
  .refine((b) => (b.level === 'city') === (b.code === null), {
    message: 'City values have no unit code',
    path: ['code'],
  });
export type ManualValueBody = z.infer<typeof manualValueBodySchema>;

export const manualValueSchema = z.object({
  id: z.uuid(),
  indicatorId: z.string(),
  indicatorVersion: z.number().int(),
  scope: targetScopeSchema,
  year: z.number().int(),
  quarter: z.number().int().nullable(),
  value: z.number(),
  evidence: z.string(),
  enteredAt: z.string(),
  approved: z.boolean(),
  approvedAt: z.string().nullable(),
});
export type ManualValue = z.infer<typeof manualValueSchema>;
export const manualValuePageSchema = pageOf(manualValueSchema);
export const manualValueListQuerySchema = pageQuerySchema.extend({ indicatorId: text(1, 80).optional() });

/** The public progress of a plan that opted in: city figures only, no records, no people. */
export const publicPlanProgressSchema = z.object({
  plan: planSchema.pick({
    id: true,
    number: true,
    title: true,
    issuingBody: true,
    issuedOn: true,
    periodStart: true,
    periodEnd: true,
    description: true,
  }),
  asOf: z.iso.date(),
  targets: z.array(
    dashboardTargetSchema.pick({
      id: true,
      indicator: true,
      year: true,
      quarter: true,
      direction: true,
      actual: true,
      target: true,
      percent: true,
      status: true,
    }),
  ),
});
export type PublicPlanProgress = z.infer<typeof publicPlanProgressSchema>;
export const publicPlanPageSchema = pageOf(publicPlanProgressSchema.shape.plan);
