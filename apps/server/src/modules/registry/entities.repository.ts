import type { EntityListQuery } from '@hoptac/core';
import { and, asc, count, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { escapeLike, likeContains, toLimitOffset } from '../../kernel/pagination.ts';
import { adminUnits } from '../places/places.schema.ts';
import type { ListScope } from './registry.access.ts';
import { entities, entityStatusHistory } from './registry.schema.ts';

const commune = alias(adminUnits, 'commune');
const oldCommune = alias(adminUnits, 'old_commune');
const oldDistrict = alias(adminUnits, 'old_district');

export type EntityRow = typeof entities.$inferSelect & {
  communeFullName: string;
  oldCommuneFullName: string | null;
  oldDistrictFullName: string | null;
};

const withPlaces = {
  communeFullName: sql<string>`${commune.fullName}`,
  oldCommuneFullName: sql<string | null>`${oldCommune.fullName}`,
  oldDistrictFullName: sql<string | null>`${oldDistrict.fullName}`,
};

function selectWithPlaces(db: DbOrTx) {
  return db
    .select({ e: entities, ...withPlaces })
    .from(entities)
    .innerJoin(commune, and(eq(commune.scheme, entities.communeScheme), eq(commune.code, entities.communeCode)))
    .leftJoin(
      oldCommune,
      and(eq(oldCommune.scheme, entities.oldCommuneScheme), eq(oldCommune.code, entities.oldCommuneCode)),
    )
    .leftJoin(
      oldDistrict,
      and(eq(oldDistrict.scheme, entities.oldCommuneScheme), eq(oldDistrict.code, entities.oldDistrictCode)),
    );
}

type Joined = { e: typeof entities.$inferSelect } & Omit<EntityRow, keyof typeof entities.$inferSelect>;
const flatten = (r: Joined): EntityRow => ({
  ...r.e,
  communeFullName: r.communeFullName,
  oldCommuneFullName: r.oldCommuneFullName,
  oldDistrictFullName: r.oldDistrictFullName,
});

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
  communeFullName: sql<string>`${commune.fullName}`,
  oldCommuneScheme: entities.oldCommuneScheme,
  oldDistrictCode: entities.oldDistrictCode,
  oldDistrictFullName: sql<string | null>`${oldDistrict.fullName}`,
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

/** A filtered, scoped page of the register; `folded` is the folded search text. */
export async function listEntities(db: DbOrTx, q: EntityListQuery, scope: ListScope, folded: string | null) {
  const where = registerConditions(q, scope, folded);
  // Alphabetical by folded name: every name starts with its type word ("HTX", "Công ty"), so a
  // prefix-first ranking adds nothing, while a plain order lets the (type, status, name) index stop early.
  const order: SQL[] = [];
  if (q.sort === 'updated') order.push(desc(entities.updatedAt));
  if (q.sort === 'commune') order.push(asc(entities.communeCode));
  order.push(asc(entities.nameFolded), asc(entities.id));
  const { limit, offset } = toLimitOffset(q);
  // One round trip: the page's ids with the total (a window count) first, then the place names
  // joined for those rows only.
  const page = db
    .select({ id: entities.id, total: sql<number>`count(*) over ()`.as('total') })
    .from(entities)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset)
    .as('page');
  const rows = await db
    .select({ ...registerColumns, total: page.total })
    .from(entities)
    .innerJoin(page, eq(page.id, entities.id))
    .innerJoin(commune, and(eq(commune.scheme, entities.communeScheme), eq(commune.code, entities.communeCode)))
    .leftJoin(
      oldDistrict,
      and(eq(oldDistrict.scheme, entities.oldCommuneScheme), eq(oldDistrict.code, entities.oldDistrictCode)),
    )
    .orderBy(...order);
  // A page past the end has no row to carry the total: count separately then.
  const total =
    rows.length > 0
      ? Number(rows[0]!.total)
      : offset > 0
        ? ((await db.select({ n: count() }).from(entities).where(where))[0]?.n ?? 0)
        : 0;
  return { rows, total };
}

export async function findEntity(db: DbOrTx, id: string): Promise<EntityRow | null> {
  const [row] = await selectWithPlaces(db).where(eq(entities.id, id));
  return row ? flatten(row) : null;
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
  const rows = await selectWithPlaces(db)
    .where(and(sameCode ? or(sameCode, sameName) : sameName, c.excludeId ? ne(entities.id, c.excludeId) : undefined))
    .limit(10);
  return rows.map(flatten);
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
    .select({ code: entities.communeCode, fullName: sql<string>`min(${commune.fullName})`, n: count() })
    .from(entities)
    .innerJoin(commune, and(eq(commune.scheme, entities.communeScheme), eq(commune.code, entities.communeCode)))
    .where(scopeCondition(scope))
    .groupBy(entities.communeCode)
    .orderBy(asc(entities.communeCode));
}
