import { z } from 'zod';
import { normalizeRegistrationCode } from '../registry/codes.ts';
import {
  ENTITY_STATUSES,
  ENTITY_TYPES,
  MEMBER_KINDS,
  MEMBERSHIPS,
  RATINGS,
  REPORT_STATUSES,
  SCALE_CLASSES,
  SECTORS,
} from '../registry/vocabulary.ts';
import { pageOf, pageQuerySchema } from './common.ts';
import { unitRefSchema } from './places.ts';

export const entityTypeSchema = z.enum(ENTITY_TYPES);
export const entityStatusSchema = z.enum(ENTITY_STATUSES);
export const sectorSchema = z.enum(SECTORS);
export const ratingSchema = z.enum(RATINGS);
export const scaleClassSchema = z.enum(SCALE_CLASSES);
export const reportStatusSchema = z.enum(REPORT_STATUSES);

const communeCode = z.string().regex(/^\d{5}$/);
const money = z.number().int().min(0).max(1e15);
const count = z.number().int().min(0).max(10_000_000);
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();
const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** What an official or the entity itself enters for an entity. Format checks per type are in the service. */
export const entityInputSchema = z.object({
  type: entityTypeSchema,
  name: text(200).min(2),
  nameEn: optionalText(200),
  code: z.string().max(40).transform(normalizeRegistrationCode).nullable().optional(),
  registrationDate: z.iso.date().nullable().optional(),
  registrationIssuer: optionalText(200),
  address: text(300).min(3),
  /** The commune in the current scheme (2025-07). */
  communeCode,
  /** For records made before 1 July 2025: the commune in the old scheme (2025-01), kept for history. */
  oldCommuneCode: communeCode.nullable().optional(),
  lat: z.number().min(8).max(24).nullable().optional(),
  lng: z.number().min(102).max(110).nullable().optional(),
  legalRepresentative: optionalText(120),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9 +().-]{8,20}$/)
    .nullable()
    .optional(),
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)).nullable().optional(),
  website: z.url().max(300).nullable().optional(),
  sectors: z.array(sectorSchema).min(1).max(3),
  specialisations: z.array(text(80).min(1)).max(10).default([]),
  charterCapital: money.default(0),
  officialMembers: count.default(0),
  associateMembers: count.default(0),
  services: optionalText(1000),
  highTech: z.boolean().default(false),
  valueChain: z.boolean().default(false),
  valueChainPartner: optionalText(200),
  specialised: z.boolean().default(false),
  description: optionalText(4000),
});
export type EntityInput = z.infer<typeof entityInputSchema>;

export const createEntityBodySchema = entityInputSchema.extend({
  /** Set after the user has seen the possible duplicates and confirms this is a different entity. */
  acknowledgeDuplicates: z.boolean().default(false),
});
export type CreateEntityBody = z.infer<typeof createEntityBodySchema>;

export const updateEntityBodySchema = entityInputSchema
  .partial()
  .extend({ acknowledgeDuplicates: z.boolean().default(false) });
export type UpdateEntityBody = z.infer<typeof updateEntityBodySchema>;

/** What anyone may see: no personal data, no member list, no financials. */
export const entityPublicSchema = z.object({
  id: z.uuid(),
  type: entityTypeSchema,
  name: z.string(),
  nameEn: z.string().nullable(),
  status: entityStatusSchema,
  commune: unitRefSchema,
  oldCommune: unitRefSchema.nullable(),
  oldDistrict: unitRefSchema.nullable(),
  address: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  sectors: z.array(sectorSchema),
  specialisations: z.array(z.string()),
  services: z.string().nullable(),
  highTech: z.boolean(),
  valueChain: z.boolean(),
  specialised: z.boolean(),
  officialMembers: z.number().int(),
  associateMembers: z.number().int(),
  registrationDate: z.string().nullable(),
  website: z.string().nullable(),
  description: z.string().nullable(),
});
export type EntityPublic = z.infer<typeof entityPublicSchema>;

/** The full record, for city admins, the commune's officers and the entity's own members. */
export const entityDetailSchema = entityPublicSchema.extend({
  code: z.string().nullable(),
  registrationIssuer: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  charterCapital: z.number(),
  valueChainPartner: z.string().nullable(),
  statusSince: z.string().nullable(),
  rating: ratingSchema.nullable(),
  ratingYear: z.number().int().nullable(),
  scaleClass: scaleClassSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
  canChangeStatus: z.boolean(),
});
export type EntityDetail = z.infer<typeof entityDetailSchema>;

/** Either view of an entity: `visibility` says which one the caller got. */
export const entityViewSchema = z.discriminatedUnion('visibility', [
  entityPublicSchema.extend({ visibility: z.literal('public') }),
  entityDetailSchema.extend({ visibility: z.literal('full') }),
]);
export type EntityView = z.infer<typeof entityViewSchema>;

export const entityListItemSchema = z.object({
  id: z.uuid(),
  type: entityTypeSchema,
  name: z.string(),
  code: z.string().nullable(),
  status: entityStatusSchema,
  commune: unitRefSchema,
  oldDistrict: unitRefSchema.nullable(),
  sectors: z.array(sectorSchema),
  highTech: z.boolean(),
  valueChain: z.boolean(),
  officialMembers: z.number().int(),
  rating: ratingSchema.nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
});
export type EntityListItem = z.infer<typeof entityListItemSchema>;
export const entityPageSchema = pageOf(entityListItemSchema);

export const entityListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  type: entityTypeSchema.optional(),
  status: entityStatusSchema.optional(),
  sector: sectorSchema.optional(),
  commune: communeCode.optional(),
  oldDistrict: z
    .string()
    .regex(/^\d{3}$/)
    .optional(),
  highTech: booleanQuery.optional(),
  valueChain: booleanQuery.optional(),
  rating: ratingSchema.optional(),
  sort: z.enum(['name', 'updated', 'commune']).default('name'),
});
export type EntityListQuery = z.infer<typeof entityListQuerySchema>;

export const duplicateCandidateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  code: z.string().nullable(),
  commune: unitRefSchema,
  reason: z.enum(['same_code', 'same_name_and_commune']),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

export const statusChangeBodySchema = z.object({
  status: entityStatusSchema,
  effectiveDate: z.iso.date(),
  reason: text(1000).min(3),
});
export type StatusChangeBody = z.infer<typeof statusChangeBodySchema>;

export const statusHistoryItemSchema = z.object({
  id: z.uuid(),
  status: entityStatusSchema,
  effectiveDate: z.string(),
  reason: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type StatusHistoryItem = z.infer<typeof statusHistoryItemSchema>;

export const memberInputSchema = z.object({
  name: text(200).min(2),
  kind: z.enum(MEMBER_KINDS),
  membership: z.enum(MEMBERSHIPS),
  capitalContributed: money.default(0),
  joinedOn: z.iso.date(),
  leftOn: z.iso.date().nullable().optional(),
  note: optionalText(500),
});
export type MemberInput = z.infer<typeof memberInputSchema>;

export const memberSchema = memberInputSchema.extend({
  id: z.uuid(),
  leftOn: z.string().nullable(),
  note: z.string().nullable(),
});
export type Member = z.infer<typeof memberSchema>;

export const memberWarningSchema = z.object({
  code: z.enum(['capital_cap_exceeded', 'too_few_founders', 'union_members_must_be_cooperatives']),
  memberId: z.uuid().optional(),
  share: z.number().optional(),
  cap: z.number().optional(),
  official: z.number().optional(),
  minimum: z.number().optional(),
});
export const memberListSchema = z.object({
  items: z.array(memberSchema),
  total: z.number().int(),
  warnings: z.array(memberWarningSchema),
});
export type MemberList = z.infer<typeof memberListSchema>;

export const communeCountSchema = z.object({ commune: unitRefSchema, count: z.number().int() });
export type CommuneCount = z.infer<typeof communeCountSchema>;
