import type { NearPoint, OutletListQuery, OutletType, PageQuery } from '@hoptac/core';
import { and, asc, count, eq, exists, gt, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { likeContains, toLimitOffset } from '../../kernel/pagination.ts';
import { userRoles, users } from '../identity/identity.schema.ts';
import { ocopCertificates, ocopProducts } from '../ocop/ocop.schema.ts';
import { outletProducts, outlets } from './outlets.schema.ts';

export type OutletRow = typeof outlets.$inferSelect;
export type OutletValues = typeof outlets.$inferInsert;

// Correlated subqueries name the outer table in full: drizzle leaves columns unqualified in
// single-table selects, which inside a subquery would bind to the inner table.
const productCount = sql<number>`(select count(*)::int from outlet_products op where op.outlet_id = outlets.id)`;

/** Open on `today`: opened, and not closed yet (a closing date in the future still counts as open). */
export const openOn = (today: string): SQL =>
  and(lte(outlets.openedOn, today), or(isNull(outlets.closedOn), gt(outlets.closedOn, today)))!;

/** Great-circle distance in km from a point (haversine in SQL; null without a location). */
function distanceFrom(p: NearPoint) {
  return sql<number | null>`(2 * 6371.0088 * asin(least(1, sqrt(
    power(sin(radians(${outlets.lat} - ${p.lat}) / 2), 2) +
    cos(radians(${p.lat})) * cos(radians(${outlets.lat})) * power(sin(radians(${outlets.lng} - ${p.lng}) / 2), 2)))))`;
}

export type PublicFilters = PageQuery & {
  commune?: string | undefined;
  type?: OutletType | undefined;
  product?: string | undefined;
  near?: NearPoint | undefined;
};

export async function listOpenOutlets(db: DbOrTx, f: PublicFilters, today: string) {
  const where = and(
    openOn(today),
    f.commune ? eq(outlets.communeCode, f.commune) : undefined,
    f.type ? eq(outlets.type, f.type) : undefined,
    f.product
      ? exists(
          db
            .select({ one: sql`1` })
            .from(outletProducts)
            .where(and(eq(outletProducts.outletId, outlets.id), eq(outletProducts.productId, f.product))),
        )
      : undefined,
  );
  const distance = f.near ? distanceFrom(f.near) : sql<number | null>`null::float8`;
  const { limit, offset } = toLimitOffset(f);
  const [rows, [counted]] = await Promise.all([
    db
      .select({ outlet: outlets, productCount, distanceKm: distance })
      .from(outlets)
      .where(where)
      .orderBy(...(f.near ? [sql`${distance} asc nulls last`] : []), asc(outlets.name), asc(outlets.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(outlets).where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

export type OutletScope = { all: true } | { all: false; operatorId: string };

export async function listOutlets(db: DbOrTx, q: OutletListQuery, scope: OutletScope, today: string) {
  const where = and(
    scope.all ? undefined : eq(outlets.operatorId, scope.operatorId),
    q.q ? ilike(outlets.name, likeContains(q.q)) : undefined,
    q.commune ? eq(outlets.communeCode, q.commune) : undefined,
    q.type ? eq(outlets.type, q.type) : undefined,
    q.status === 'open' ? openOn(today) : q.status === 'closed' ? sql`not (${openOn(today)})` : undefined,
  );
  const { limit, offset } = toLimitOffset(q);
  const [rows, [counted]] = await Promise.all([
    selectWithOperator(db).where(where).orderBy(asc(outlets.name), asc(outlets.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(outlets).where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

function selectWithOperator(db: DbOrTx) {
  return db
    .select({ outlet: outlets, productCount, operatorName: users.displayName })
    .from(outlets)
    .leftJoin(users, eq(users.id, outlets.operatorId));
}

export type OutletFullRow = Awaited<ReturnType<typeof findOutlet>> & {};

export async function findOutlet(db: DbOrTx, id: string) {
  const [row] = await selectWithOperator(db).where(eq(outlets.id, id));
  return row ?? null;
}

export async function lockOutlet(db: DbOrTx, id: string) {
  const [row] = await db.select().from(outlets).where(eq(outlets.id, id)).for('update');
  return row ?? null;
}

export async function insertOutlet(db: DbOrTx, values: OutletValues): Promise<string> {
  const [row] = await db.insert(outlets).values(values).returning({ id: outlets.id });
  return row!.id;
}

export async function updateOutlet(db: DbOrTx, id: string, values: Partial<OutletValues>, at: Date) {
  await db
    .update(outlets)
    .set({ ...values, updatedAt: at })
    .where(eq(outlets.id, id));
}

export async function isOutletOperator(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(userRoles)
    .where(and(eq(userRoles.userId, userId), eq(userRoles.role, 'outlet_operator')));
  return row !== undefined;
}

/** The certificate in force that makes a product stockable: not revoked, not lapsed. */
const certifiedStar = (today: string) =>
  sql<number | null>`(select max(c.star) from ocop_certificates c
    where c.product_id = ocop_products.id and c.revoked_at is null and c.valid_until >= ${today})`;

const entityName = sql<string>`(select c.entity_name from ocop_certificates c where c.product_id = ocop_products.id
  order by c.issued_on desc limit 1)`;

export async function listStock(db: DbOrTx, outletId: string, q: PageQuery, today: string) {
  const where = eq(outletProducts.outletId, outletId);
  const { limit, offset } = toLimitOffset(q);
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        productId: ocopProducts.id,
        name: ocopProducts.name,
        entityName,
        star: certifiedStar(today),
        since: outletProducts.since,
      })
      .from(outletProducts)
      .innerJoin(ocopProducts, eq(ocopProducts.id, outletProducts.productId))
      .where(where)
      .orderBy(asc(ocopProducts.name), asc(ocopProducts.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(outletProducts).where(where),
  ]);
  return { items: rows, total: counted?.n ?? 0 };
}

/** Products with a certificate in force, by name: what an outlet can put on its shelf. */
export async function listStockable(db: DbOrTx, q: PageQuery & { folded: string | null }, today: string) {
  const star = certifiedStar(today);
  const where = and(
    sql`${star} is not null`,
    q.folded ? ilike(ocopProducts.nameFolded, likeContains(q.folded)) : undefined,
  );
  const { limit, offset } = toLimitOffset(q);
  const [rows, [counted]] = await Promise.all([
    db
      .select({ productId: ocopProducts.id, name: ocopProducts.name, entityName, star })
      .from(ocopProducts)
      .where(where)
      .orderBy(asc(ocopProducts.name), asc(ocopProducts.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(ocopProducts).where(where),
  ]);
  return { items: rows, total: counted?.n ?? 0 };
}

export async function isCertifiedNow(db: DbOrTx, productId: string, today: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(ocopCertificates)
    .where(
      and(
        eq(ocopCertificates.productId, productId),
        isNull(ocopCertificates.revokedAt),
        gte(ocopCertificates.validUntil, today),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Adds a product to an outlet's stock; false when it was there already. */
export async function addStock(db: DbOrTx, outletId: string, productId: string, since: string): Promise<boolean> {
  const rows = await db
    .insert(outletProducts)
    .values({ outletId, productId, since })
    .onConflictDoNothing()
    .returning({ id: outletProducts.productId });
  return rows.length > 0;
}

export async function removeStock(db: DbOrTx, outletId: string, productId: string) {
  const rows = await db
    .delete(outletProducts)
    .where(and(eq(outletProducts.outletId, outletId), eq(outletProducts.productId, productId)))
    .returning({ since: outletProducts.since });
  return rows[0] ?? null;
}

export async function countOpened(
  db: DbOrTx,
  from: string,
  to: string,
  scope: { communeCodes?: readonly string[] | undefined; types?: readonly OutletType[] | undefined },
) {
  const [row] = await db
    .select({ n: count() })
    .from(outlets)
    .where(
      and(
        gte(outlets.openedOn, from),
        lte(outlets.openedOn, to),
        scope.communeCodes ? inArray(outlets.communeCode, [...scope.communeCodes]) : undefined,
        scope.types ? inArray(outlets.type, [...scope.types]) : undefined,
      ),
    );
  return row?.n ?? 0;
}
