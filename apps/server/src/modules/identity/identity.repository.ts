import type { Role, SessionUser, UserListQuery, UserSummary } from '@hoptac/core';
import { foldVietnamese } from '@hoptac/core';
import { and, asc, count, eq, gt, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { likeContains, toLimitOffset } from '../../kernel/pagination.ts';
import { sessions, userCommunes, userRoles, users } from './identity.schema.ts';

// Roles and communes ride along as JSON sub-selects: one round trip per user row.
const rolesJson = sql<
  Role[]
>`coalesce((select json_agg(r.role order by r.role) from user_roles r where r.user_id = ${users.id}), '[]'::json)`;
const communesJson = sql<SessionUser['communes']>`coalesce((
  select json_agg(json_build_object('scheme', c.scheme, 'code', c.code, 'fullName', u.full_name) order by c.code)
  from user_communes c join admin_units u on u.scheme = c.scheme and u.code = c.code
  where c.user_id = ${users.id}), '[]'::json)`;

const sessionUserColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  roles: rolesJson,
  communes: communesJson,
  entityId: users.entityId,
  locale: users.locale,
};

const summaryColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  roles: rolesJson,
  communes: communesJson,
  active: users.active,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
};

type SummaryRow = Omit<UserSummary, 'createdAt' | 'lastLoginAt'> & { createdAt: Date; lastLoginAt: Date | null };

function toSummary(row: SummaryRow): UserSummary {
  return { ...row, createdAt: row.createdAt.toISOString(), lastLoginAt: row.lastLoginAt?.toISOString() ?? null };
}

function toSessionUser(row: Omit<SessionUser, 'locale'> & { locale: string }): SessionUser {
  return { ...row, locale: row.locale === 'en' ? 'en' : 'vi' };
}

/** The folded search key of an account; every write of email or name must refresh it. */
export function userSearchKey(email: string, displayName: string): string {
  return foldVietnamese(`${email} ${displayName}`);
}

export async function findCredentialsByEmail(db: DbOrTx, email: string) {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, email));
  return row ?? null;
}

export async function findPasswordHash(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db.select({ h: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.h ?? null;
}

function prepareSessionLookup(db: Db) {
  return db
    .select(sessionUserColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('sessionId')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        eq(users.active, true),
      ),
    )
    .prepare('hoptac_session_user');
}

/**
 * Every signed-in request starts with this lookup, so it is prepared once per database: the SQL is
 * built once, and PostgreSQL parses and plans it once per connection instead of on every request.
 */
const sessionLookups = new WeakMap<Db, ReturnType<typeof prepareSessionLookup>>();

export async function findSessionUser(db: Db, sessionId: string, now: Date): Promise<SessionUser | null> {
  let lookup = sessionLookups.get(db);
  if (!lookup) sessionLookups.set(db, (lookup = prepareSessionLookup(db)));
  const [row] = await lookup.execute({ sessionId, now: now.toISOString() });
  return row ? toSessionUser(row) : null;
}

export async function findSessionUserById(db: DbOrTx, userId: string): Promise<SessionUser | null> {
  const [row] = await db.select(sessionUserColumns).from(users).where(eq(users.id, userId));
  return row ? toSessionUser(row) : null;
}

export async function findUserSummary(db: DbOrTx, userId: string): Promise<UserSummary | null> {
  const [row] = await db.select(summaryColumns).from(users).where(eq(users.id, userId));
  return row ? toSummary(row) : null;
}

export async function insertSession(
  db: DbOrTx,
  s: { id: string; userId: string; expiresAt: Date; ip: string | null; userAgent: string | null },
) {
  await db.insert(sessions).values(s);
}

export async function deleteSession(db: DbOrTx, sessionId: string): Promise<{ userId: string } | null> {
  const [row] = await db.delete(sessions).where(eq(sessions.id, sessionId)).returning({ userId: sessions.userId });
  return row ?? null;
}

/** Ends every session of a user except (optionally) the one in use. */
export async function deleteUserSessions(db: DbOrTx, userId: string, exceptSessionId?: string) {
  const cond = exceptSessionId
    ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
    : eq(sessions.userId, userId);
  await db.delete(sessions).where(cond);
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date) {
  await db.delete(sessions).where(sql`${sessions.expiresAt} <= ${now}`);
}

export async function touchLastLogin(db: DbOrTx, userId: string, at: Date) {
  await db.update(users).set({ lastLoginAt: at }).where(eq(users.id, userId));
}

export async function updatePasswordHash(db: DbOrTx, userId: string, passwordHash: string, at: Date) {
  await db.update(users).set({ passwordHash, passwordChangedAt: at, updatedAt: at }).where(eq(users.id, userId));
}

export async function updateProfile(
  db: DbOrTx,
  user: { id: string; email: string },
  patch: { displayName: string; locale: string },
  at: Date,
) {
  await db
    .update(users)
    .set({ ...patch, searchFolded: userSearchKey(user.email, patch.displayName), updatedAt: at })
    .where(eq(users.id, user.id));
}

export async function setActive(db: DbOrTx, userId: string, active: boolean, at: Date) {
  await db.update(users).set({ active, updatedAt: at }).where(eq(users.id, userId));
}

export async function insertUser(
  db: DbOrTx,
  u: {
    email: string;
    displayName: string;
    passwordHash: string;
    roles: Role[];
    communes: { scheme: string; code: string }[];
    entityId?: string | null;
  },
): Promise<string> {
  const [row] = await db
    .insert(users)
    .values({
      email: u.email,
      displayName: u.displayName,
      passwordHash: u.passwordHash,
      entityId: u.entityId ?? null,
      searchFolded: userSearchKey(u.email, u.displayName),
    })
    .returning({ id: users.id });
  const id = row!.id;
  await db.insert(userRoles).values(u.roles.map((role) => ({ userId: id, role })));
  if (u.communes.length > 0) {
    await db.insert(userCommunes).values(u.communes.map((c) => ({ userId: id, ...c })));
  }
  return id;
}

export async function emailExists(db: DbOrTx, email: string): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.email, email));
  return (row?.n ?? 0) > 0;
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export async function listUsers(db: DbOrTx, q: UserListQuery): Promise<{ items: UserSummary[]; total: number }> {
  const conds: SQL[] = [];
  if (q.q) {
    const pattern = likeContains(foldVietnamese(q.q));
    conds.push(sql`${users.searchFolded} like ${pattern}`);
  }
  if (q.role) {
    conds.push(
      inArray(users.id, db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.role, q.role))),
    );
  }
  const where = conds.length > 0 ? and(...conds) : undefined;
  const { limit, offset } = toLimitOffset(q);
  const [rows, totals] = await Promise.all([
    db.select(summaryColumns).from(users).where(where).orderBy(asc(users.email)).limit(limit).offset(offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items: rows.map(toSummary), total: totals[0]?.n ?? 0 };
}
