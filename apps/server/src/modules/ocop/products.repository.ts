import type { OcopProductListQuery } from '@hoptac/core';
import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { likeContains, toLimitOffset } from '../../kernel/pagination.ts';
import { entities } from '../registry/registry.schema.ts';
import { ocopProducts, ocopRubrics, ocopSelfAssessments } from './ocop.schema.ts';
import type { ProductScope } from './products.access.ts';

export type ProductValues = typeof ocopProducts.$inferInsert;

const rubricTitle = sql<string>`(select ${ocopRubrics.title} from ${ocopRubrics}
  where ${ocopRubrics.id} = ${ocopProducts.rubricId} order by ${ocopRubrics.version} desc limit 1)`;

const productColumns = {
  product: ocopProducts,
  entityName: entities.name,
  entityCommuneScheme: entities.communeScheme,
  entityCommuneCode: entities.communeCode,
  rubricTitle,
  selfTotal: ocopSelfAssessments.total,
  selfStar: ocopSelfAssessments.star,
};

function selectProducts(db: DbOrTx) {
  return db
    .select(productColumns)
    .from(ocopProducts)
    .innerJoin(entities, eq(entities.id, ocopProducts.entityId))
    .leftJoin(ocopSelfAssessments, eq(ocopSelfAssessments.productId, ocopProducts.id));
}

export type ProductRow = NonNullable<Awaited<ReturnType<typeof findProduct>>>;

function scopeCondition(scope: ProductScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'communes':
      return scope.codes.length > 0 ? inArray(entities.communeCode, scope.codes) : sql`false`;
    case 'entity':
      return eq(ocopProducts.entityId, scope.id);
    case 'none':
      return sql`false`;
  }
}

/** A scoped, filtered page of products, most recently changed first; `folded` is the folded search text. */
export async function listProducts(db: DbOrTx, q: OcopProductListQuery, scope: ProductScope, folded: string | null) {
  const where = and(
    scopeCondition(scope),
    folded ? sql`${ocopProducts.nameFolded} like ${likeContains(folded)}` : undefined,
    q.entity ? eq(ocopProducts.entityId, q.entity) : undefined,
    q.status ? eq(ocopProducts.status, q.status) : undefined,
    q.rubric ? eq(ocopProducts.rubricId, q.rubric) : undefined,
  );
  const { limit, offset } = toLimitOffset(q);
  const [rows, [counted]] = await Promise.all([
    selectProducts(db)
      .where(where)
      .orderBy(desc(ocopProducts.updatedAt), desc(ocopProducts.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ n: count() })
      .from(ocopProducts)
      .innerJoin(entities, eq(entities.id, ocopProducts.entityId))
      .where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

export async function findProduct(db: DbOrTx, id: string) {
  const [row] = await selectProducts(db).where(eq(ocopProducts.id, id));
  return row ?? null;
}

export async function insertProduct(db: DbOrTx, values: ProductValues): Promise<string> {
  const [row] = await db.insert(ocopProducts).values(values).returning({ id: ocopProducts.id });
  return row!.id;
}

export async function updateProduct(db: DbOrTx, id: string, values: Partial<ProductValues>) {
  await db
    .update(ocopProducts)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(ocopProducts.id, id));
}

export async function findSelfAssessment(db: DbOrTx, productId: string) {
  const [row] = await db.select().from(ocopSelfAssessments).where(eq(ocopSelfAssessments.productId, productId));
  return row ?? null;
}

export async function saveSelfAssessment(db: DbOrTx, values: typeof ocopSelfAssessments.$inferInsert) {
  await db
    .insert(ocopSelfAssessments)
    .values(values)
    .onConflictDoUpdate({
      target: ocopSelfAssessments.productId,
      set: {
        rubricId: values.rubricId,
        rubricVersion: values.rubricVersion,
        answers: values.answers,
        total: values.total,
        star: values.star,
        updatedBy: values.updatedBy,
        updatedAt: values.updatedAt,
      },
    });
}

export async function findEntityFacts(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: entities.id, communeCode: entities.communeCode, status: entities.status })
    .from(entities)
    .where(eq(entities.id, id));
  return row ?? null;
}

export async function deleteSelfAssessment(db: DbOrTx, productId: string) {
  await db.delete(ocopSelfAssessments).where(eq(ocopSelfAssessments.productId, productId));
}

export async function findProductIdByGtin(db: DbOrTx, gtin14: string): Promise<string | null> {
  const [row] = await db.select({ id: ocopProducts.id }).from(ocopProducts).where(eq(ocopProducts.gtin, gtin14));
  return row?.id ?? null;
}
