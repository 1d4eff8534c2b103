import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.schema.ts';
import { adminUnits } from '../places/places.schema.ts';

/** A plan the city governs by (e.g. Kế hoạch 35/KH-UBND 2021): its targets are tracked live. */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    issuingBody: text('issuing_body').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    /** 'draft' | 'active' | 'closed'. */
    status: text('status').notNull().default('draft'),
    description: text('description'),
    /** Opt-in: the plan's city figures appear on the public progress page. */
    publicProgress: boolean('public_progress').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plans_issued_idx').on(t.issuedOn, t.id)],
);

/**
 * indicator (id, version) × scope × period × value. Scope: city (no unit), a new commune
 * (scheme 2025-07) or a former district (scheme 2025-01), keyed by (scheme, code) as in ADR 0002.
 * A split city target's commune shares point at it through parent_id.
 */
export const planTargets = pgTable(
  'plan_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    indicatorId: text('indicator_id').notNull(),
    indicatorVersion: integer('indicator_version').notNull(),
    /** 'city' | 'commune' | 'district'. */
    scopeLevel: text('scope_level').notNull(),
    scopeScheme: text('scope_scheme'),
    scopeCode: text('scope_code'),
    year: integer('year').notNull(),
    quarter: integer('quarter'),
    value: doublePrecision('value').notNull(),
    baseline: doublePrecision('baseline'),
    /** 'at_least' | 'at_most'. */
    direction: text('direction').notNull().default('at_least'),
    parentId: uuid('parent_id').references((): AnyPgColumn => planTargets.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.scopeScheme, t.scopeCode], foreignColumns: [adminUnits.scheme, adminUnits.code] }),
    index('plan_targets_plan_idx').on(t.planId, t.createdAt),
    index('plan_targets_parent_idx').on(t.parentId),
  ],
);

/**
 * A figure the platform does not record (e.g. weak cooperatives strengthened), entered per
 * period with its evidence; it counts once a city admin has approved it.
 */
export const planManualValues = pgTable(
  'plan_manual_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: text('indicator_id').notNull(),
    indicatorVersion: integer('indicator_version').notNull(),
    scopeLevel: text('scope_level').notNull(),
    scopeScheme: text('scope_scheme'),
    scopeCode: text('scope_code'),
    year: integer('year').notNull(),
    quarter: integer('quarter'),
    value: doublePrecision('value').notNull(),
    evidence: text('evidence').notNull(),
    enteredBy: uuid('entered_by').references(() => users.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({ columns: [t.scopeScheme, t.scopeCode], foreignColumns: [adminUnits.scheme, adminUnits.code] }),
    index('plan_manual_values_indicator_idx').on(t.indicatorId, t.indicatorVersion, t.year),
  ],
);
