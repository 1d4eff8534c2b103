import type { PlanListQuery } from '@hoptac/core';
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { toLimitOffset } from '../../kernel/pagination.ts';
import { planManualValues, plans, planTargets } from './plans.schema.ts';

export type PlanRow = typeof plans.$inferSelect & { targetCount: number };
export type TargetRow = typeof planTargets.$inferSelect;
export type ManualValueRow = typeof planManualValues.$inferSelect;

// Qualified by hand: drizzle renders a lone table's columns unqualified, which the subquery would misread.
const targetCount = sql<number>`(select count(*)::int from ${planTargets} pt where pt.plan_id = "plans"."id")`;

export async function listPlans(
  db: DbOrTx,
  q: PlanListQuery,
  onlyPublic = false,
): Promise<{ rows: PlanRow[]; total: number }> {
  const conds: SQL[] = [];
  if (q.status) conds.push(eq(plans.status, q.status));
  if (onlyPublic) conds.push(eq(plans.publicProgress, true));
  const where = conds.length ? and(...conds) : undefined;
  const { limit, offset } = toLimitOffset(q);
  const [rows, totals] = await Promise.all([
    db
      .select({ plan: plans, targetCount })
      .from(plans)
      .where(where)
      .orderBy(desc(plans.issuedOn), asc(plans.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(plans).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.plan, targetCount: Number(r.targetCount) })), total: totals[0]?.n ?? 0 };
}

export async function findPlan(db: DbOrTx, id: string): Promise<PlanRow | null> {
  const [row] = await db.select({ plan: plans, targetCount }).from(plans).where(eq(plans.id, id));
  return row ? { ...row.plan, targetCount: Number(row.targetCount) } : null;
}

export async function insertPlan(db: DbOrTx, values: typeof plans.$inferInsert): Promise<string> {
  const [row] = await db.insert(plans).values(values).returning({ id: plans.id });
  return row!.id;
}

export async function updatePlan(db: DbOrTx, id: string, values: Partial<typeof plans.$inferInsert>): Promise<void> {
  await db.update(plans).set(values).where(eq(plans.id, id));
}

/** A plan's targets in the order they were set, the split shares after their parent's. */
export async function listTargets(db: DbOrTx, planId: string): Promise<TargetRow[]> {
  return db
    .select()
    .from(planTargets)
    .where(eq(planTargets.planId, planId))
    .orderBy(asc(planTargets.createdAt), asc(planTargets.scopeCode), asc(planTargets.id));
}

export async function findTarget(db: DbOrTx, planId: string, id: string): Promise<TargetRow | null> {
  const [row] = await db
    .select()
    .from(planTargets)
    .where(and(eq(planTargets.planId, planId), eq(planTargets.id, id)));
  return row ?? null;
}

export async function insertTargets(db: DbOrTx, values: (typeof planTargets.$inferInsert)[]): Promise<TargetRow[]> {
  return db.insert(planTargets).values(values).returning();
}

export async function updateTarget(
  db: DbOrTx,
  id: string,
  values: Partial<typeof planTargets.$inferInsert>,
): Promise<TargetRow> {
  const [row] = await db.update(planTargets).set(values).where(eq(planTargets.id, id)).returning();
  return row!;
}

export async function deleteTargets(db: DbOrTx, ids: string[]): Promise<void> {
  if (ids.length) await db.delete(planTargets).where(inArray(planTargets.id, ids));
}

export async function childTargets(db: DbOrTx, parentId: string): Promise<TargetRow[]> {
  return db.select().from(planTargets).where(eq(planTargets.parentId, parentId)).orderBy(asc(planTargets.scopeCode));
}

export async function topLevelTargetCount(db: DbOrTx, planId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(planTargets)
    .where(and(eq(planTargets.planId, planId), isNull(planTargets.parentId)));
  return row?.n ?? 0;
}

export async function listManualValues(
  db: DbOrTx,
  q: { page: number; pageSize: number; indicatorId?: string },
  communes: string[] | null,
): Promise<{ rows: ManualValueRow[]; total: number }> {
  const conds: SQL[] = [];
  if (q.indicatorId) conds.push(eq(planManualValues.indicatorId, q.indicatorId));
  if (communes) conds.push(inArray(planManualValues.scopeCode, communes.length ? communes : ['']));
  const where = conds.length ? and(...conds) : undefined;
  const { limit, offset } = toLimitOffset(q);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(planManualValues)
      .where(where)
      .orderBy(desc(planManualValues.enteredAt), asc(planManualValues.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(planManualValues).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

export async function insertManualValue(
  db: DbOrTx,
  values: typeof planManualValues.$inferInsert,
): Promise<ManualValueRow> {
  const [row] = await db.insert(planManualValues).values(values).returning();
  return row!;
}

export async function findManualValue(db: DbOrTx, id: string): Promise<ManualValueRow | null> {
  const [row] = await db.select().from(planManualValues).where(eq(planManualValues.id, id));
  return row ?? null;
}

export async function approveManualValue(db: DbOrTx, id: string, by: string | null, at: Date): Promise<ManualValueRow> {
  const [row] = await db
    .update(planManualValues)
    .set({ approvedBy: by, approvedAt: at })
    .where(eq(planManualValues.id, id))
    .returning();
  return row!;
}
