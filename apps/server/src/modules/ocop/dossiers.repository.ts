import type { OcopCouncilRole, OcopDossierListQuery } from '@hoptac/core';
import { and, asc, count, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { likeContains, toLimitOffset } from '../../kernel/pagination.ts';
import { entities } from '../registry/registry.schema.ts';
import {
  ocopCouncilConflicts,
  ocopCouncilMembers,
  ocopDossierEvents,
  ocopDossiers,
  ocopProducts,
  ocopRounds,
  ocopScoreSheets,
} from './ocop.schema.ts';
import { COUNCIL_DOSSIER_STATUSES, type Audience } from './rounds.access.ts';

export type DossierValues = typeof ocopDossiers.$inferInsert;

const seatRole = (userId: string) =>
  sql<OcopCouncilRole | null>`(select m.role from ${ocopCouncilMembers} m
    where m.round_id = ${ocopDossiers.roundId} and m.user_id = ${userId})`;

const declaredConflict = (userId: string) =>
  sql<boolean>`exists (select 1 from ${ocopCouncilConflicts} c
    where c.round_id = ${ocopDossiers.roundId} and c.user_id = ${userId} and c.entity_id = ${ocopDossiers.entityId})`;

const mySheetStatus = (userId: string) =>
  sql<string | null>`(select s.status from ${ocopScoreSheets} s
    where s.dossier_id = ${ocopDossiers.id} and s.user_id = ${userId})`;

function columns(userId: string) {
  return {
    dossier: ocopDossiers,
    product: {
      name: ocopProducts.name,
      productSet: ocopProducts.productSet,
      description: ocopProducts.description,
      packaging: ocopProducts.packaging,
      priceVnd: ocopProducts.priceVnd,
      priceUnit: ocopProducts.priceUnit,
      annualCapacity: ocopProducts.annualCapacity,
      ingredientsOrigin: ocopProducts.ingredientsOrigin,
    },
    entity: { name: entities.name, communeScheme: entities.communeScheme, communeCode: entities.communeCode },
    round: {
      name: ocopRounds.name,
      year: ocopRounds.year,
      status: ocopRounds.status,
      processRegime: ocopRounds.processRegime,
    },
    seat: seatRole(userId),
    declaredConflict: declaredConflict(userId),
    mySheet: mySheetStatus(userId),
  };
}

function selectDossiers(db: DbOrTx, userId: string) {
  return db
    .select(columns(userId))
    .from(ocopDossiers)
    .innerJoin(ocopProducts, eq(ocopProducts.id, ocopDossiers.productId))
    .innerJoin(entities, eq(entities.id, ocopDossiers.entityId))
    .innerJoin(ocopRounds, eq(ocopRounds.id, ocopDossiers.roundId));
}

export type DossierRow = NonNullable<Awaited<ReturnType<typeof findDossier>>>;

/** The dossiers an audience sees: the SQL twin of dossierCapacity (rounds.access.ts). */
function dossiersVisibleTo(a: Audience): SQL | undefined {
  if (a.all) return undefined;
  const conds: SQL[] = [];
  if (a.communes.length > 0) conds.push(inArray(entities.communeCode, a.communes));
  if (a.entityId) conds.push(eq(ocopDossiers.entityId, a.entityId));
  if (a.councilUserId) {
    conds.push(
      and(
        inArray(ocopDossiers.status, COUNCIL_DOSSIER_STATUSES),
        ne(ocopRounds.status, 'planned'),
        sql`${seatRole(a.councilUserId)} is not null`,
        sql`not ${declaredConflict(a.councilUserId)}`,
        a.councilOwnEntityId ? ne(ocopDossiers.entityId, a.councilOwnEntityId) : undefined,
      )!,
    );
  }
  return conds.length > 0 ? or(...conds) : sql`false`;
}

export async function listDossiers(
  db: DbOrTx,
  q: OcopDossierListQuery,
  a: Audience,
  userId: string,
  folded: string | null,
) {
  const where = and(
    dossiersVisibleTo(a),
    q.round ? eq(ocopDossiers.roundId, q.round) : undefined,
    q.status ? eq(ocopDossiers.status, q.status) : undefined,
    q.commune ? eq(entities.communeCode, q.commune) : undefined,
    folded ? sql`${ocopProducts.nameFolded} like ${likeContains(folded)}` : undefined,
  );
  const { limit, offset } = toLimitOffset(q);
  const [rows, [counted]] = await Promise.all([
    selectDossiers(db, userId)
      .where(where)
      .orderBy(desc(ocopDossiers.updatedAt), desc(ocopDossiers.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ n: count() })
      .from(ocopDossiers)
      .innerJoin(ocopProducts, eq(ocopProducts.id, ocopDossiers.productId))
      .innerJoin(entities, eq(entities.id, ocopDossiers.entityId))
      .innerJoin(ocopRounds, eq(ocopRounds.id, ocopDossiers.roundId))
      .where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

/** One dossier with the caller's seat, declared conflict and own sheet status in its round. */
export async function findDossier(db: DbOrTx, id: string, userId: string) {
  const [row] = await selectDossiers(db, userId).where(eq(ocopDossiers.id, id));
  return row ?? null;
}

/** The dossier row alone, locked: 'update' for status changes, 'share' while a sheet is written. */
export async function lockDossier(db: DbOrTx, id: string, lock: 'update' | 'share') {
  const [row] = await db.select().from(ocopDossiers).where(eq(ocopDossiers.id, id)).for(lock);
  return row ?? null;
}

export async function lockProduct(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ status: ocopProducts.status })
    .from(ocopProducts)
    .where(eq(ocopProducts.id, id))
    .for('update');
  return row ?? null;
}

export async function findDossierOfProduct(db: DbOrTx, roundId: string, productId: string) {
  const [row] = await db
    .select()
    .from(ocopDossiers)
    .where(and(eq(ocopDossiers.roundId, roundId), eq(ocopDossiers.productId, productId)));
  return row ?? null;
}

export async function insertDossier(db: DbOrTx, values: DossierValues): Promise<string> {
  const [row] = await db.insert(ocopDossiers).values(values).returning({ id: ocopDossiers.id });
  return row!.id;
}

export async function updateDossier(db: DbOrTx, id: string, values: Partial<DossierValues>, at: Date) {
  await db
    .update(ocopDossiers)
    .set({ ...values, updatedAt: at })
    .where(eq(ocopDossiers.id, id));
}

export async function insertEvent(db: DbOrTx, values: typeof ocopDossierEvents.$inferInsert) {
  await db.insert(ocopDossierEvents).values(values);
}

export async function listEvents(db: DbOrTx, dossierId: string) {
  return db
    .select({ action: ocopDossierEvents.action, comment: ocopDossierEvents.comment, at: ocopDossierEvents.at })
    .from(ocopDossierEvents)
    .where(eq(ocopDossierEvents.dossierId, dossierId))
    .orderBy(asc(ocopDossierEvents.id));
}
