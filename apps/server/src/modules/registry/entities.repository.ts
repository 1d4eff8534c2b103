import type { EntityListQuery } from '@hoptac/core';
import { and, asc, count, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { escapeLike, likeContains, toLimitOffset } from '../../kernel/pagination.ts';
import type { ListScope } from './registry.access.ts';
import { entities, entityStatusHistory, registerRevision } from './registry.schema.ts';

export type EntityRow = typeof entities.$inferSelect;

/** Statuses the public register shows: a dissolved or revoked entity is history, not a supplier. */
const PUBLIC_STATUSES = ['active', 'suspended', 'reorganising'];

function scopeCondition(scope: ListScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'communes':
      return scope.codes.length > 0 ? inArray(entities.communeCode, scope.codes) : sql`false`;
    case 'entity':
      return eq(entities.id, scope.id);
    case 'public':
      return inArray(entities.status, PUBLIC_STATUSES);
  }
}

/** Only what a register row shows: a page of 50 full records would carry descriptions and contacts for nothing. */
const registerColumns = {
  id: entities.id,
  type: entities.type,
  name: entities.name,
  code: entities.code,
  status: entities.status,
  communeScheme: entities.communeScheme,
  communeCode: entities.communeCode,
  oldCommuneScheme: entities.oldCommuneScheme,
  oldDistrictCode: entities.oldDistrictCode,
  sectors: entities.sectors,
  highTech: entities.highTech,
  valueChain: entities.valueChain,
  officialMembers: entities.officialMembers,
  rating: entities.rating,
  lat: entities.lat,
  lng: entities.lng,
};

/** The register's filters as one condition: the list and the exports select exactly the same rows. */
export function registerConditions(
  q: Omit<EntityListQuery, 'page' | 'pageSize' | 'sort'>,
  scope: ListScope,
  folded: string | null,
): SQL | undefined {
  const conds: (SQL | undefined)[] = [scopeCondition(scope)];
  // A search made of digits (and dashes) is a registration code prefix; anything else a name.
  if (folded && /^[0-9][0-9-]{2,}$/.test(folded))
    conds.push(sql`${entities.code} like ${`${escapeLike(folded.toUpperCase())}%`}`);
  else if (folded) conds.push(sql`${entities.nameFolded} like ${likeContains(folded)}`);
  if (q.type) conds.push(eq(entities.type, q.type));
  if (q.status) conds.push(eq(entities.status, q.status));
  if (q.sector) conds.push(sql`${q.sector} = any(${entities.sectors})`);
  if (q.commune) conds.push(eq(entities.communeCode, q.commune));
  if (q.oldDistrict) conds.push(eq(entities.oldDistrictCode, q.oldDistrict));
  if (q.highTech !== undefined) conds.push(eq(entities.highTech, q.highTech));
  if (q.valueChain !== undefined) conds.push(eq(entities.valueChain, q.valueChain));
  if (q.rating) conds.push(eq(entities.rating, q.rating));
  return and(...conds);
}

/** The register's revision in the reading statement's own snapshot (see registerRevision). */
const currentRevision = sql<number>`(select ${registerRevision.revision} from ${registerRevision} where ${registerRevision.id} = 1)`;

/**
 * A filtered, scoped page of the register; `folded` is the folded search text. The page carries
 * no total: counting every match would scan them all, while the page alone stops after its rows.
 * Each row carries the register revision, so the caller can tell whether a cached total still holds.
 */
export async function listEntityPage(db: DbOrTx, q: EntityListQuery, scope: ListScope, folded: string | null) {
  // Alphabetical by folded name: every name starts with its type word ("HTX", "Công ty"), so a
  // prefix-first ranking adds nothing, while a plain order lets the (type, status, name) index stop early.
  const order: SQL[] = [];
  if (q.sort === 'updated') order.push(desc(entities.updatedAt));
  if (q.sort === 'commune') order.push(asc(entities.communeCode));
  order.push(asc(entities.nameFolded), asc(entities.id));
  const { limit, offset } = toLimitOffset(q);
  // The ids first: the filters and the order are all in the (type, status, name) index, so an
  // index-only scan finds the page without reading a table row it then throws away.
  const page = db
    .select({ id: entities.id })
    .from(entities)
    .where(registerConditions(q, scope, folded))
    .orderBy(...order)
    .limit(limit)
    .offset(offset)
    .as('page');
  return db
    .select({ ...registerColumns, revision: currentRevision })
    .from(page)
    .innerJoin(entities, eq(entities.id, page.id))
    .orderBy(...order);
}

/** How many entities match, with the revision it was counted at (one statement, one snapshot). */
export async function countEntities(
  db: DbOrTx,
  q: Omit<EntityListQuery, 'page' | 'pageSize' | 'sort'>,
  scope: ListScope,
  folded: string | null,
): Promise<{ total: number; revision: number }> {
  const [row] = await db
    .select({ total: count(), revision: currentRevision })
    .from(entities)
    .where(registerConditions(q, scope, folded));
  return { total: row?.total ?? 0, revision: Number(row?.revision ?? 0) };
}

export async function findEntity(db: DbOrTx, id: string): Promise<EntityRow | null> {
  const [row] = await db.select().from(entities).where(eq(entities.id, id));
  return row ?? null;
}

/** The facts access rules and other registry use-cases need, in one cheap lookup. */
export async function findEntityScope(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: entities.id,
      communeCode: entities.communeCode,
      type: entities.type,
      status: entities.status,
      registrationDate: entities.registrationDate,
      sectors: entities.sectors,
    })
    .from(entities)
    .where(eq(entities.id, id));
  return row ?? null;
}

/** Entities that look like the one being registered: same code for the type, or same folded name in the commune. */
export async function findDuplicateCandidates(
  db: DbOrTx,
  c: { type: string; code: string | null; nameFolded: string; communeCode: string; excludeId?: string },
) {
  const sameCode = c.code ? and(eq(entities.type, c.type), eq(entities.code, c.code)) : undefined;
  const sameName = and(eq(entities.nameFolded, c.nameFolded), eq(entities.communeCode, c.communeCode));
  return db
    .select()
    .from(entities)
    .where(and(sameCode ? or(sameCode, sameName) : sameName, c.excludeId ? ne(entities.id, c.excludeId) : undefined))
    .limit(10);
}

export type EntityValues = typeof entities.$inferInsert;

export async function insertEntity(db: DbOrTx, values: EntityValues): Promise<string> {
  const [row] = await db.insert(entities).values(values).returning({ id: entities.id });
  return row!.id;
}

export async function updateEntity(db: DbOrTx, id: string, values: Partial<EntityValues>) {
  await db.update(entities).set(values).where(eq(entities.id, id));
}

export async function insertStatusChange(
  db: DbOrTx,
  v: { entityId: string; status: string; effectiveDate: string; reason: string; recordedBy: string | null },
) {
  await db.insert(entityStatusHistory).values(v);
}

export async function listStatusHistory(db: DbOrTx, entityId: string) {
  return db
    .select({
      id: entityStatusHistory.id,
      status: entityStatusHistory.status,
      effectiveDate: entityStatusHistory.effectiveDate,
      reason: entityStatusHistory.reason,
      recordedBy: sql<
        string | null
      >`(select u.display_name from users u where u.id = ${entityStatusHistory.recordedBy})`,
      recordedAt: entityStatusHistory.recordedAt,
    })
    .from(entityStatusHistory)
    .where(eq(entityStatusHistory.entityId, entityId))
    .orderBy(desc(entityStatusHistory.effectiveDate), desc(entityStatusHistory.recordedAt));
}

/** Entity counts per current commune, for the register's overview and map. */
export async function countByCommune(db: DbOrTx, scope: ListScope) {
  return db
    .select({ scheme: entities.communeScheme, code: entities.communeCode, n: count() })
    .from(entities)
    .where(scopeCondition(scope))
    .groupBy(entities.communeScheme, entities.communeCode)
    .orderBy(asc(entities.communeCode));
}
