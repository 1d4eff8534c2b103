import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CouncilResult, RubricAnswers, RubricKnockOut, RubricSheet } from '@hoptac/core';
import { users } from '../identity/identity.schema.ts';
import { entities } from '../registry/registry.schema.ts';

/**
 * Every version of every OCOP scoring sheet. A version is never changed once written: a round,
 * a self-assessment or a score refers to (id, version), so a correction is a new version.
 */
export const ocopRubrics = pgTable(
  'ocop_rubrics',
  {
    id: text('id').notNull(),
    version: integer('version').notNull(),
    decisionCode: text('decision_code').notNull(),
    decisionNumber: text('decision_number').notNull(),
    sheetNumber: integer('sheet_number'),
    /** The sheet's decision is the one in force (QĐ 26/2026); older decisions are history. */
    current: boolean('current').notNull(),
    title: text('title').notNull(),
    productGroup: text('product_group').notNull(),
    productSets: text('product_sets').array().notNull(),
    coverage: text('coverage').notNull(),
    sheet: jsonb('sheet').$type<RubricSheet>().notNull(),
    /** sha256 of the sheet as shipped or saved: the startup sync adds a version only when it differs. */
    checksum: text('checksum').notNull(),
    /** 'shipped' (data/ocop-rubrics) or 'edited' (saved by a city admin). */
    origin: text('origin').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);

/** A product an entity puts forward for OCOP rating. */
export const ocopProducts = pgTable(
  'ocop_products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    name: text('name').notNull(),
    /** foldVietnamese(name), for accent-insensitive search. */
    nameFolded: text('name_folded').notNull(),
    /** The sheet it is scored on; the version is fixed by each assessment, not here. */
    rubricId: text('rubric_id').notNull(),
    productSet: text('product_set').notNull(),
    description: text('description'),
    packaging: text('packaging'),
    priceVnd: bigint('price_vnd', { mode: 'number' }),
    priceUnit: text('price_unit'),
    annualCapacity: text('annual_capacity'),
    ingredientsOrigin: text('ingredients_origin'),
    /** GTIN-14 (shorter GTINs left-padded), check digit verified: the key of the GS1 Digital Link QR code. */
    gtin: text('gtin'),
    /** Short unguessable code (`/v/{code}`) for the QR code of a product without a GTIN; set at certification. */
    verifyCode: text('verify_code'),
    /** The producer's story for the public product page (origin, craft, people as a community). */
    story: text('story'),
    /** Where to buy online: the producer's shop pages ({label, url}), shown on the public page. */
    shopLinks: jsonb('shop_links')
      .$type<{ label: string; url: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /**
     * Public search key: the folded product name and the producer's folded name, kept by triggers
     * (migration 0011) so a renamed entity is found under its new name. Written by the database only.
     */
    searchFolded: text('search_folded').notNull().default(''),
    status: text('status').notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ocop_products_entity_idx').on(t.entityId),
    index('ocop_products_status_idx').on(t.status, t.updatedAt),
    index('ocop_products_name_folded_trgm_idx').using('gin', sql`${t.nameFolded} gin_trgm_ops`),
    uniqueIndex('ocop_products_gtin_uq')
      .on(t.gtin)
      .where(sql`${t.gtin} is not null`),
    uniqueIndex('ocop_products_verify_code_uq')
      .on(t.verifyCode)
      .where(sql`${t.verifyCode} is not null`),
    index('ocop_products_search_folded_trgm_idx').using('gin', sql`${t.searchFolded} gin_trgm_ops`),
  ],
);

/** The producer's own scoring of a product, against one sheet version; one per product. */
export const ocopSelfAssessments = pgTable(
  'ocop_self_assessments',
  {
    productId: uuid('product_id')
      .primaryKey()
      .references(() => ocopProducts.id, { onDelete: 'cascade' }),
    rubricId: text('rubric_id').notNull(),
    rubricVersion: integer('rubric_version').notNull(),
    answers: jsonb('answers').$type<RubricAnswers>().notNull(),
    /** Total and star of a complete self-assessment (null while criteria are missing), for lists. */
    total: integer('total'),
    star: integer('star'),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.rubricId, t.rubricVersion], foreignColumns: [ocopRubrics.id, ocopRubrics.version] }),
    index('ocop_self_assessments_rubric_idx').on(t.rubricId, t.rubricVersion),
  ],
);

/**
 * An evaluation round ("kỳ đánh giá, phân hạng"). At most one round per process regime is open
 * at a time (partial unique index): a submitted product enters the open round of its sheet's decision.
 */
export const ocopRounds = pgTable(
  'ocop_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    /** 'qd26-2026' | 'qd148-transition'. */
    processRegime: text('process_regime').notNull(),
    /** The decision whose sheets the round scores on: 'qd26-2026' | 'qd148-2023'. */
    rubricDecision: text('rubric_decision').notNull(),
    /** 'planned' | 'open' | 'closed'. */
    status: text('status').notNull().default('planned'),
    submissionDeadline: date('submission_deadline', { mode: 'string' }).notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ocop_rounds_one_open_per_regime')
      .on(t.processRegime)
      .where(sql`${t.status} = 'open'`),
    index('ocop_rounds_year_idx').on(t.year, t.createdAt),
  ],
);

/** The council of a round: its settings; the people are in ocop_council_members. */
export const ocopCouncils = pgTable('ocop_councils', {
  roundId: uuid('round_id')
    .primaryKey()
    .references(() => ocopRounds.id, { onDelete: 'cascade' }),
  /** Members' totals further apart than this are flagged. */
  disagreementThreshold: integer('disagreement_threshold').notNull().default(10),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A seat on a round's council: 'chair' | 'secretary' | 'member' | 'advisor' (one chair, one secretary). */
export const ocopCouncilMembers = pgTable(
  'ocop_council_members',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => ocopCouncils.roundId, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.userId] }),
    index('ocop_council_members_user_idx').on(t.userId),
    uniqueIndex('ocop_council_one_chair')
      .on(t.roundId)
      .where(sql`${t.role} = 'chair'`),
    uniqueIndex('ocop_council_one_secretary')
      .on(t.roundId)
      .where(sql`${t.role} = 'secretary'`),
  ],
);

/** A council member's link to an entity: they neither see nor score that entity's dossiers in the round. */
export const ocopCouncilConflicts = pgTable(
  'ocop_council_conflicts',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => ocopRounds.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    reason: text('reason').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId, t.entityId] })],
);

/**
 * A product in a round. One per (round, product); a product has at most one dossier in progress
 * (received or forwarded). The sheet version is pinned from the self-assessment at submission.
 */
export const ocopDossiers = pgTable(
  'ocop_dossiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => ocopRounds.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => ocopProducts.id),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    rubricId: text('rubric_id').notNull(),
    rubricVersion: integer('rubric_version').notNull(),
    /** 'received' | 'returned' | 'forwarded' | 'confirmed' | 'certified'. */
    status: text('status').notNull().default('received'),
    /** After confirmation: 'awaiting_decision' | 'proposed_national' | 'not_certified'. */
    outcome: text('outcome'),
    selfTotal: integer('self_total'),
    selfStar: integer('self_star'),
    finalTotal: numeric('final_total', { precision: 5, scale: 2, mode: 'number' }),
    finalStar: integer('final_star'),
    /** The engine's council result at confirmation, kept as confirmed. */
    result: jsonb('result').$type<CouncilResult>(),
    /** Per criterion, a level giving the consensus points: what the producer's next-star plan starts from. */
    consensusAnswers: jsonb('consensus_answers').$type<RubricAnswers>(),
    minutes: text('minutes'),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ocop_dossiers_round_product_uq').on(t.roundId, t.productId),
    uniqueIndex('ocop_dossiers_one_live_per_product')
      .on(t.productId)
      .where(sql`${t.status} in ('received', 'forwarded')`),
    index('ocop_dossiers_round_status_idx').on(t.roundId, t.status),
    index('ocop_dossiers_entity_idx').on(t.entityId),
    foreignKey({ columns: [t.rubricId, t.rubricVersion], foreignColumns: [ocopRubrics.id, ocopRubrics.version] }),
  ],
);

/** What happened to a dossier and the words said with it (the producer reads the comments). */
export const ocopDossierEvents = pgTable(
  'ocop_dossier_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => ocopDossiers.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    comment: text('comment'),
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ocop_dossier_events_dossier_idx').on(t.dossierId, t.id)],
);

/** One council member's score sheet for one dossier: 'draft' until submitted, then final. */
export const ocopScoreSheets = pgTable(
  'ocop_score_sheets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => ocopDossiers.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    answers: jsonb('answers').$type<RubricAnswers>().notNull(),
    knockOut: jsonb('knock_out').$type<RubricKnockOut>(),
    comments: jsonb('comments').$type<Record<string, string>>().notNull(),
    status: text('status').notNull().default('draft'),
    /** The member's total once complete. */
    total: integer('total'),
    star: integer('star'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('ocop_score_sheets_dossier_user_uq').on(t.dossierId, t.userId),
    index('ocop_score_sheets_user_idx').on(t.userId),
  ],
);

/**
 * A certificate issued on the decision for a 3–5★ dossier. Names are copied as issued: the
 * certificate states what the decision said even if the product or entity is renamed later.
 */
export const ocopCertificates = pgTable(
  'ocop_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** OCOP-HN-<year>-<6-digit sequence of that year>. */
    number: text('number').notNull().unique(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    dossierId: uuid('dossier_id')
      .notNull()
      .unique()
      .references(() => ocopDossiers.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => ocopProducts.id),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    productName: text('product_name').notNull(),
    entityName: text('entity_name').notNull(),
    communeScheme: text('commune_scheme').notNull(),
    communeCode: text('commune_code').notNull(),
    star: integer('star').notNull(),
    total: numeric('total', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    decisionNumber: text('decision_number').notNull(),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    /** 'province' (3–4★) | 'ministry' (5★). */
    issuer: text('issuer').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    revokedBy: uuid('revoked_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ocop_certificates_entity_idx').on(t.entityId),
    // The public catalogue reads each product's latest certificate.
    index('ocop_certificates_product_issued_idx').on(t.productId, t.issuedOn),
    uniqueIndex('ocop_certificates_year_sequence_uq').on(t.year, t.sequence),
  ],
);

/** The last certificate sequence used per year: incremented in the transaction that issues. */
export const ocopCertificateCounters = pgTable('ocop_certificate_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});
