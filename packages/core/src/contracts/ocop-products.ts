import { z } from 'zod';
import { shopLinkSchema, shopLinksSchema } from './catalog.ts';
import { pageOf, pageQuerySchema } from './common.ts';
import { rubricSummarySchema, scorePreviewResultSchema } from './ocop.ts';
import { productQrSchema } from './verify.ts';

// A product an entity puts forward for OCOP rating, and its self-assessment against the sheet of
// its product set (QĐ 26/2026/QĐ-TTg, Phụ lục III Mẫu 02: the producer scores itself first).

/**
 * draft: the producer edits the product and its self-assessment.
 * submitted: handed in for the next evaluation round; frozen until a round takes it up or an
 * official returns it.
 */
export const OCOP_PRODUCT_STATUSES = ['draft', 'submitted'] as const;
export const ocopProductStatusSchema = z.enum(OCOP_PRODUCT_STATUSES);
export type OcopProductStatus = z.infer<typeof ocopProductStatusSchema>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

const productFields = {
  name: z.string().trim().min(2).max(200),
  /** The sheet the product is scored on: one of the current decision's sheets. */
  rubricId: z.string().min(1).max(120),
  /** One of that sheet's product sets ("bộ sản phẩm"). */
  productSet: z.string().trim().min(1).max(300),
  description: optionalText(5000),
  packaging: optionalText(500),
  /** Retail price in đồng for one `priceUnit`. */
  priceVnd: z.number().int().min(0).max(1_000_000_000_000).nullable().optional(),
  priceUnit: optionalText(100),
  /** Yearly output as the producer states it ("20 tấn/năm"). */
  annualCapacity: optionalText(200),
  ingredientsOrigin: optionalText(2000),
  /** GTIN-8/12/13/14 of the retail unit, if it has a barcode; the server checks the check digit. */
  gtin: optionalText(20),
  /** The story told on the public product page. */
  story: optionalText(5000),
  /** Where to buy online (the producer's shop pages), shown on the public product page. */
  shopLinks: shopLinksSchema.optional(),
};

export const createOcopProductBodySchema = z.object({ entityId: z.uuid(), ...productFields });
export type CreateOcopProductBody = z.infer<typeof createOcopProductBodySchema>;

export const updateOcopProductBodySchema = z.object(productFields).partial();
export type UpdateOcopProductBody = z.infer<typeof updateOcopProductBodySchema>;

const entityRefSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
});

/** The self-assessment as last saved, scored with the sheet version it was answered on. */
export const selfAssessmentSchema = z.object({
  rubricId: z.string(),
  version: z.number().int(),
  answers: z.record(z.string(), z.number().int().nullable()),
  /** Criteria still unanswered: a self-assessment can be saved half done, not submitted. */
  missing: z.array(z.string()),
  result: scorePreviewResultSchema.nullable(),
  updatedAt: z.string(),
});
export type SelfAssessment = z.infer<typeof selfAssessmentSchema>;

export const ocopProductListItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  entity: entityRefSchema,
  rubricId: z.string(),
  rubricTitle: z.string(),
  productSet: z.string(),
  status: ocopProductStatusSchema,
  /** Provisional star of the self-assessment, when it is complete. */
  selfStar: z.number().int().min(1).max(5).nullable(),
  selfTotal: z.number().nullable(),
  updatedAt: z.string(),
});
export type OcopProductListItem = z.infer<typeof ocopProductListItemSchema>;
export const ocopProductPageSchema = pageOf(ocopProductListItemSchema);

export const ocopProductSchema = ocopProductListItemSchema.extend({
  description: z.string().nullable(),
  packaging: z.string().nullable(),
  priceVnd: z.number().int().nullable(),
  priceUnit: z.string().nullable(),
  annualCapacity: z.string().nullable(),
  ingredientsOrigin: z.string().nullable(),
  /** GTIN-14 form of the product's GTIN. */
  gtin: z.string().nullable(),
  /** Its QR images for printing (GS1 Digital Link or short code), once it has a GTIN or a certificate. */
  qr: productQrSchema.nullable(),
  story: z.string().nullable(),
  shopLinks: z.array(shopLinkSchema),
  rubric: rubricSummarySchema,
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  canEdit: z.boolean(),
  selfAssessment: selfAssessmentSchema.nullable(),
});
export type OcopProduct = z.infer<typeof ocopProductSchema>;

export const ocopProductListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  entity: z.uuid().optional(),
  status: ocopProductStatusSchema.optional(),
  rubric: z.string().max(120).optional(),
});
export type OcopProductListQuery = z.infer<typeof ocopProductListQuerySchema>;

/** Saving a self-assessment: any subset of the sheet's criteria, each a level index or null (not applicable). */
export const saveSelfAssessmentBodySchema = z.object({
  answers: z
    .record(z.string().min(1).max(20), z.number().int().nullable())
    .refine((a) => Object.keys(a).length <= 200, 'too many answers'),
});
export type SaveSelfAssessmentBody = z.infer<typeof saveSelfAssessmentBodySchema>;
