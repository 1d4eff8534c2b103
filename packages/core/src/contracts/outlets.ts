import { z } from 'zod';
import { pageOf, pageQuerySchema } from './common.ts';

// Showrooms and points of sale that stock OCOP products (issue 6). Contact details are the
// outlet's public business contact; the operator account is shown to officials only.

export const OUTLET_TYPES = [
  'ocop_showroom',
  'point_of_sale',
  'supermarket_counter',
  'craft_village_shop',
  'online_shop',
] as const;
export const outletTypeSchema = z.enum(OUTLET_TYPES);
export type OutletType = z.infer<typeof outletTypeSchema>;

const communeCode = z.string().regex(/^\d{5}$/);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

const outletFields = {
  name: z.string().trim().min(2).max(200),
  type: outletTypeSchema,
  /** The outlet_operator account that keeps it; null: kept by the city. */
  operatorId: z.uuid().nullable().optional(),
  address: z.string().trim().min(3).max(500),
  /** Commune in the current scheme (2025-07). */
  communeCode,
  lat: z.number().min(8).max(24).nullable().optional(),
  lng: z.number().min(102).max(110).nullable().optional(),
  openingHours: optionalText(300),
  /** Public business contact (shop phone or e-mail), never a person's own. */
  contact: optionalText(200),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
  openedOn: z.iso.date(),
};

export const createOutletBodySchema = z.object(outletFields);
export type CreateOutletBody = z.infer<typeof createOutletBodySchema>;
export const updateOutletBodySchema = z.object(outletFields).partial();
export type UpdateOutletBody = z.infer<typeof updateOutletBodySchema>;
export const closeOutletBodySchema = z.object({ closedOn: z.iso.date() });
export type CloseOutletBody = z.infer<typeof closeOutletBodySchema>;

/** What anyone may see of an outlet. */
export const publicOutletSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: outletTypeSchema,
  address: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  openingHours: z.string().nullable(),
  contact: z.string().nullable(),
  url: z.string().nullable(),
  openedOn: z.string(),
  /** Certified products it stocks. */
  productCount: z.number().int(),
  /** From the `near` point, when one was given and the outlet has a location. */
  distanceKm: z.number().nullable(),
});
export type PublicOutlet = z.infer<typeof publicOutletSchema>;
export const publicOutletPageSchema = pageOf(publicOutletSchema);

/** An outlet as its operator and the city see it. */
export const outletSchema = publicOutletSchema.omit({ distanceKm: true }).extend({
  operator: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  closedOn: z.string().nullable(),
  canEdit: z.boolean(),
  updatedAt: z.string(),
});
export type Outlet = z.infer<typeof outletSchema>;
export const outletPageSchema = pageOf(outletSchema);

/** `near=21.03,105.85`: a point to sort by distance from. */
export const nearPointSchema = z
  .string()
  .regex(/^-?\d{1,3}(\.\d+)?,-?\d{1,3}(\.\d+)?$/)
  .transform((s) => {
    const [lat, lng] = s.split(',').map(Number) as [number, number];
    return { lat, lng };
  })
  .refine((p) => Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180, 'out of range');
export type NearPoint = { lat: number; lng: number };

export const publicOutletListQuerySchema = pageQuerySchema.extend({
  commune: communeCode.optional(),
  type: outletTypeSchema.optional(),
  product: z.uuid().optional(),
  near: nearPointSchema.optional(),
});
export type PublicOutletListQuery = z.infer<typeof publicOutletListQuerySchema>;

export const outletListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  commune: communeCode.optional(),
  type: outletTypeSchema.optional(),
  status: z.enum(['open', 'closed']).optional(),
});
export type OutletListQuery = z.infer<typeof outletListQuerySchema>;

/** A certified product on an outlet's shelf. */
export const stockedProductSchema = z.object({
  productId: z.uuid(),
  name: z.string(),
  entityName: z.string(),
  star: z.number().int().min(1).max(5).nullable(),
  since: z.string(),
});
export type StockedProduct = z.infer<typeof stockedProductSchema>;
export const stockedProductPageSchema = pageOf(stockedProductSchema);

/** A product with a certificate in force, which an outlet may add to its stock. */
export const stockableProductSchema = stockedProductSchema.omit({ since: true });
export const stockableProductPageSchema = pageOf(stockableProductSchema);
export const stockableProductQuerySchema = pageQuerySchema.extend({ q: z.string().trim().max(100).optional() });
export type StockableProductQuery = z.infer<typeof stockableProductQuerySchema>;

export const addStockBodySchema = z.object({ productId: z.uuid() });
