import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { citext } from '../../db/types.ts';
import { adminUnits } from '../places/places.schema.ts';
import { entities } from '../registry/registry.schema.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: citext('email').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('vi'),
    active: boolean('active').notNull().default(true),
    /** The registered entity an entity_member acts for (the registry links it). */
    entityId: uuid('entity_id').references(() => entities.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** foldVietnamese(email + name), kept by the repository: accent-insensitive, indexed account search. */
    searchFolded: text('search_folded').notNull().default(''),
  },
  (t) => [index('users_search_folded_trgm_idx').using('gin', sql`${t.searchFolded} gin_trgm_ops`)],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] }), index('user_roles_role_idx').on(t.role)],
);

/** Administrative scope of a commune officer: communes of the current scheme. */
export const userCommunes = pgTable(
  'user_communes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    scheme: text('scheme').notNull(),
    code: text('code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.scheme, t.code] }),
    foreignKey({ columns: [t.scheme, t.code], foreignColumns: [adminUnits.scheme, adminUnits.code] }),
  ],
);

/** Server-side sessions; `id` is the SHA-256 of the cookie token, never the token itself. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);
