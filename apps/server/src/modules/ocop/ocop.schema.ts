import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { RubricAnswers, RubricSheet } from '@hoptac/core';
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
