import { z } from 'zod';
import { pageQuerySchema, pageOf } from './common.ts';

/**
 * An edition of the administrative map. Codes are reused across editions
 * (new Phường Ba Đình is 00004, formerly Phường Trúc Bạch), so a unit is
 * always identified by scheme + code, never by code alone.
 */
export const SCHEMES = ['2025-01', '2025-07'] as const;
export const schemeSchema = z.enum(SCHEMES);
export type Scheme = z.infer<typeof schemeSchema>;
export const CURRENT_SCHEME: Scheme = '2025-07';

export const UNIT_LEVELS = ['province', 'district', 'commune'] as const;
export const unitLevelSchema = z.enum(UNIT_LEVELS);
export type UnitLevel = z.infer<typeof unitLevelSchema>;

export const UNIT_TYPES = ['thanh-pho', 'tinh', 'quan', 'huyen', 'thi-xa', 'phuong', 'xa', 'thi-tran'] as const;
export const unitTypeSchema = z.enum(UNIT_TYPES);
export type UnitType = z.infer<typeof unitTypeSchema>;

export const unitCodeSchema = z.string().regex(/^\d{2,5}$/);

export const unitRefSchema = z.object({
  scheme: schemeSchema,
  code: z.string(),
  fullName: z.string(),
});
export type UnitRef = z.infer<typeof unitRefSchema>;

export const unitSchema = z.object({
  scheme: schemeSchema,
  code: z.string(),
  level: unitLevelSchema,
  type: unitTypeSchema,
  name: z.string(),
  fullName: z.string(),
  nameEn: z.string().nullable(),
  parent: unitRefSchema.nullable(),
});
export type Unit = z.infer<typeof unitSchema>;
export const unitPageSchema = pageOf(unitSchema);

export const unitListQuerySchema = pageQuerySchema.extend({
  scheme: schemeSchema.default(CURRENT_SCHEME),
  level: unitLevelSchema.optional(),
  parent: unitCodeSchema.optional(),
  /** Accent- and case-insensitive: "dong anh" finds "Đông Anh". */
  q: z.string().trim().max(100).optional(),
});
export type UnitListQuery = z.infer<typeof unitListQuerySchema>;

export const LINK_KINDS = ['full', 'partial'] as const;
export const linkKindSchema = z.enum(LINK_KINDS);
export type LinkKind = z.infer<typeof linkKindSchema>;

/** One old→new link, seen from either end. */
export const unitLinkSchema = z.object({
  unit: unitSchema,
  kind: linkKindSchema,
});
export type UnitLink = z.infer<typeof unitLinkSchema>;

export const unitDetailSchema = unitSchema.extend({
  childCount: z.number().int().nonnegative(),
  /** For a unit of an old edition: the units that took over its area. */
  successors: z.array(unitLinkSchema),
  /** For a unit of a new edition: the old units (or parts of them) it was formed from. */
  predecessors: z.array(unitLinkSchema),
});
export type UnitDetail = z.infer<typeof unitDetailSchema>;

export const unitParamsSchema = z.object({ scheme: schemeSchema, code: unitCodeSchema });

export const schemeInfoSchema = z.object({
  code: schemeSchema,
  name: z.string(),
  nameEn: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  unitCount: z.number().int().nonnegative(),
});
export type SchemeInfo = z.infer<typeof schemeInfoSchema>;
