import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { adminUnits } from '../places/places.schema.ts';

const vnd = (name: string) => bigint(name, { mode: 'number' });

/** A registered cooperative group, cooperative, union, enterprise or household business. */
export const entities = pgTable(
  'entities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    /** foldVietnamese(name): accent-insensitive search with a trigram index. */
    nameFolded: text('name_folded').notNull(),
    code: text('code'),
    registrationDate: date('registration_date'),
    registrationIssuer: text('registration_issuer'),
    address: text('address').notNull(),
    communeScheme: text('commune_scheme').notNull(),
    communeCode: text('commune_code').notNull(),
    /** Records made before 1 July 2025 keep their old commune; the district follows from it. */
    oldCommuneScheme: text('old_commune_scheme'),
    oldCommuneCode: text('old_commune_code'),
    oldDistrictCode: text('old_district_code'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    legalRepresentative: text('legal_representative'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    sectors: text('sectors').array().notNull(),
    specialisations: text('specialisations')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    charterCapital: vnd('charter_capital').notNull().default(0),
    officialMembers: integer('official_members').notNull().default(0),
    associateMembers: integer('associate_members').notNull().default(0),
    services: text('services'),
    highTech: boolean('high_tech').notNull().default(false),
    valueChain: boolean('value_chain').notNull().default(false),
    valueChainPartner: text('value_chain_partner'),
    specialised: boolean('specialised').notNull().default(false),
    description: text('description'),
    status: text('status').notNull().default('active'),
    statusSince: date('status_since'),
    /** From the latest approved annual report. */
    rating: text('rating'),
    ratingYear: integer('rating_year'),
    scaleClass: text('scale_class'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.communeScheme, t.communeCode], foreignColumns: [adminUnits.scheme, adminUnits.code] }),
    foreignKey({
      columns: [t.oldCommuneScheme, t.oldCommuneCode],
      foreignColumns: [adminUnits.scheme, adminUnits.code],
    }),
    uniqueIndex('entities_type_code_uq').on(t.type, t.code),
    index('entities_name_folded_trgm_idx').using('gin', sql`${t.nameFolded} gin_trgm_ops`),
    index('entities_commune_idx').on(t.communeCode),
    index('entities_filters_idx').on(t.status, t.type),
    index('entities_old_district_idx').on(t.oldDistrictCode),
    index('entities_name_idx').on(t.nameFolded),
    // The register's usual filters (type + status) in name order, with the sector array as a key
    // column: the list's count is an index-only scan, and a page ordered by (name_folded, id) can
    // walk the index and stop after the page instead of sorting every match.
    // Code-prefix search ("0101…") needs a pattern index whatever the database collation.
    index('entities_code_prefix_idx').using('btree', sql`${t.code} text_pattern_ops`),
    index('entities_type_status_name_idx').on(t.type, t.status, t.nameFolded, t.id, t.sectors),
  ],
);

/**
 * One row whose number a trigger raises with every statement that writes `entities`. A cached
 * register count is valid only for the revision it was computed at, so a count never outlives
 * the rows it counted, whichever server process made the change (migration 0007).
 */
export const registerRevision = pgTable('register_revision', {
  id: integer('id').primaryKey().default(1),
  revision: bigint('revision', { mode: 'number' }).notNull().default(0),
});

export const entityStatusHistory = pgTable(
  'entity_status_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    effectiveDate: date('effective_date').notNull(),
    reason: text('reason').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('entity_status_history_entity_idx').on(t.entityId, t.effectiveDate)],
);

export const entityMembers = pgTable(
  'entity_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    membership: text('membership').notNull(),
    capitalContributed: vnd('capital_contributed').notNull().default(0),
    joinedOn: date('joined_on').notNull(),
    leftOn: date('left_on'),
    note: text('note'),
  },
  (t) => [index('entity_members_entity_idx').on(t.entityId)],
);

/** One report per entity per year; figures in VND. */
export const annualReports = pgTable(
  'annual_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    status: text('status').notNull().default('draft'),
    revenue: vnd('revenue').notNull(),
    revenueFromMembers: vnd('revenue_from_members').notNull(),
    profit: vnd('profit').notNull(),
    totalCapital: vnd('total_capital').notNull(),
    indivisibleAssets: vnd('indivisible_assets').notNull(),
    officialMembers: integer('official_members').notNull(),
    associateMembers: integer('associate_members').notNull(),
    memberHouseholds: integer('member_households').notNull(),
    workers: integer('workers').notNull(),
    memberWorkers: integer('member_workers').notNull(),
    avgMemberIncome: vnd('avg_member_income').notNull(),
    avgWorkerMonthlyIncome: vnd('avg_worker_monthly_income').notNull(),
    valueChainLinks: integer('value_chain_links').notNull(),
    ocopProducts: integer('ocop_products').notNull(),
    productsServices: text('products_services'),
    valueChainDescription: text('value_chain_description'),
    monthsOperating: integer('months_operating').notNull(),
    suspendedMonths: integer('suspended_months').notNull().default(0),
    ratingPoints: jsonb('rating_points'),
    rating: text('rating'),
    ratingTotal: doublePrecision('rating_total'),
    scaleClass: text('scale_class'),
    warnings: jsonb('warnings')
      .notNull()
      .default(sql`'[]'::jsonb`),
    returnReason: text('return_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('annual_reports_entity_year_uq').on(t.entityId, t.year),
    index('annual_reports_year_status_idx').on(t.year, t.status),
  ],
);

/** The reporting deadline of each year, set by the city. */
export const reportDeadlines = pgTable('report_deadlines', {
  year: integer('year').primaryKey(),
  dueDate: date('due_date').notNull(),
});

/** An uploaded import: progress and the per-row report live here while it runs. */
export const registryImports = pgTable('registry_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  fileName: text('file_name').notNull(),
  status: text('status').notNull(),
  totalRows: integer('total_rows'),
  processedRows: integer('processed_rows').notNull().default(0),
  insertedRows: integer('inserted_rows').notNull().default(0),
  errors: jsonb('errors')
    .notNull()
    .default(sql`'[]'::jsonb`),
  /** All row errors found; `errors` keeps only the first 1,000. */
  errorCount: integer('error_count').notNull().default(0),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  /**
   * Raised every few seconds by the process running the import: an unfinished import whose
   * heartbeat stopped was cut off by a restart or a crash, and any process may close it as failed.
   */
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
});
