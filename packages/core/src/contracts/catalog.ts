import { z } from 'zod';
import { ocopCertificateStatusSchema } from './ocop-results.ts';

// The public catalogue: what anyone may read about certified OCOP products and their producers,
// without an account. Only public facts: names of products and organisations, places, stars,
// certificates. Never people's names, phones, e-mails or street addresses of households.

const star = z.number().int().min(1).max(5);

/** A link to the producer's shop on a marketplace or its own site (http/https only). */
export const shopLinkSchema = z.object({
  label: z.string().trim().min(1).max(80),
  url: z.url({ protocol: /^https?$/ }).max(500),
});
export type ShopLink = z.infer<typeof shopLinkSchema>;
export const shopLinksSchema = z.array(shopLinkSchema).max(10);

/** What the catalogue filters on; the validity filter leaves revoked certificates out either way. */
export const CATALOG_VALIDITY = ['valid', 'expired'] as const;

/** An empty filter (a form's "any" choice, `?group=`) is no filter. */
const filter = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional()) as z.ZodType<z.infer<T> | undefined>;

export const catalogSearchQuerySchema = z.object({
  q: filter(z.string().trim().max(100)),
  stars: filter(z.coerce.number().int().min(1).max(5)),
  group: filter(z.string().trim().max(200)),
  subgroup: filter(z.string().trim().max(300)),
  commune: filter(z.string().regex(/^\d{5}$/)),
  formerDistrict: filter(z.string().regex(/^\d{3}$/)),
  valid: filter(z.enum(CATALOG_VALIDITY)),
  entityType: filter(z.string().trim().max(40)),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(60).default(20),
});
export type CatalogSearchQuery = z.infer<typeof catalogSearchQuerySchema>;

const placeSchema = z.object({ code: z.string(), name: z.string() });

export const catalogCertificateSchema = z.object({
  number: z.string(),
  status: ocopCertificateStatusSchema,
  star,
  decisionNumber: z.string(),
  decisionDate: z.string(),
  issuerName: z.string(),
  issuedOn: z.string(),
  validUntil: z.string(),
});
export type CatalogCertificate = z.infer<typeof catalogCertificateSchema>;

export const catalogProducerRefSchema = z.object({ id: z.uuid(), name: z.string(), type: z.string() });

/** One product in a list: the card of search results, related products, a producer's products. */
export const catalogProductCardSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  stars: star,
  group: z.string(),
  subgroup: z.string(),
  producer: catalogProducerRefSchema,
  commune: placeSchema,
  formerDistrict: placeSchema.nullable(),
  certificate: z.object({ number: z.string(), status: ocopCertificateStatusSchema, validUntil: z.string() }),
  priceVnd: z.number().int().nullable(),
  priceUnit: z.string().nullable(),
});
export type CatalogProductCard = z.infer<typeof catalogProductCardSchema>;

export const catalogFacetValueSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export type CatalogFacetValue = z.infer<typeof catalogFacetValueSchema>;

export const CATALOG_FACETS = [
  'stars',
  'group',
  'subgroup',
  'commune',
  'formerDistrict',
  'certificateValidity',
  'entityType',
] as const;
export type CatalogFacet = (typeof CATALOG_FACETS)[number];

/** Each facet counts the products matching the text and every other filter (not its own). */
export const catalogFacetsSchema = z.object(
  Object.fromEntries(CATALOG_FACETS.map((f) => [f, z.array(catalogFacetValueSchema)])) as Record<
    CatalogFacet,
    z.ZodArray<typeof catalogFacetValueSchema>
  >,
);
export type CatalogFacets = z.infer<typeof catalogFacetsSchema>;

export const catalogSearchResultSchema = z.object({
  items: z.array(catalogProductCardSchema),
  total: z.number().int().nonnegative(),
  facets: catalogFacetsSchema,
  /** When nothing matched: the closest product or producer names ("did you mean"). */
  didYouMean: z.array(z.string()),
});
export type CatalogSearchResult = z.infer<typeof catalogSearchResultSchema>;

export const catalogSuggestQuerySchema = z.object({ q: z.string().trim().min(1).max(100) });

export const catalogSuggestionSchema = z.object({
  kind: z.enum(['product', 'producer']),
  id: z.uuid(),
  name: z.string(),
});
export const catalogSuggestResultSchema = z.object({
  items: z.array(catalogSuggestionSchema),
  didYouMean: z.array(z.string()),
});
export type CatalogSuggestResult = z.infer<typeof catalogSuggestResultSchema>;

export const catalogProductSchema = catalogProductCardSchema.extend({
  productSet: z.string(),
  story: z.string().nullable(),
  description: z.string().nullable(),
  packaging: z.string().nullable(),
  ingredientsOrigin: z.string().nullable(),
  shopLinks: z.array(shopLinkSchema),
  /** Photo URLs in the producer's order (public media). */
  photos: z.array(z.string()),
  /** The latest certificate in full (the card's is its summary). */
  certification: catalogCertificateSchema,
  related: z.array(catalogProductCardSchema),
});
export type CatalogProduct = z.infer<typeof catalogProductSchema>;

export const catalogProducerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.string(),
  description: z.string().nullable(),
  website: z.string().nullable(),
  commune: placeSchema,
  formerDistrict: placeSchema.nullable(),
  /** The producer's registered location, when known (an organisation's premises). */
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  products: z.array(catalogProductCardSchema),
  productsTotal: z.number().int(),
});
export type CatalogProducer = z.infer<typeof catalogProducerSchema>;

export const catalogProducerQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(60).default(24),
});
