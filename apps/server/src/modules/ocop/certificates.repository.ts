import type { OcopCertificateListQuery } from '@hoptac/core';
import { and, count, desc, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { toLimitOffset } from '../../kernel/pagination.ts';
import { entities } from '../registry/registry.schema.ts';
import { ocopCertificateCounters, ocopCertificates, ocopDossiers } from './ocop.schema.ts';
import type { Audience } from './rounds.access.ts';

export type CertificateRow = typeof ocopCertificates.$inferSelect;

const certificateColumns = {
  certificate: ocopCertificates,
  roundId: ocopDossiers.roundId,
  /** Where the entity is now: officers follow their current communes. */
  entityCommuneCode: entities.communeCode,
};

function selectCertificates(db: DbOrTx) {
  return db
    .select(certificateColumns)
    .from(ocopCertificates)
    .innerJoin(ocopDossiers, eq(ocopDossiers.id, ocopCertificates.dossierId))
    .innerJoin(entities, eq(entities.id, ocopCertificates.entityId));
}

export type CertificateFullRow = NonNullable<Awaited<ReturnType<typeof findCertificate>>>;

/**
 * The next number of a year's sequence (the last of `count` numbers reserved at once). The counter
 * row is incremented in the issuing transaction: concurrent issues queue on the row, and a
 * rolled-back issue gives its numbers back.
 */
export async function nextSequence(db: DbOrTx, year: number, count = 1): Promise<number> {
  const [row] = await db
    .insert(ocopCertificateCounters)
    .values({ year, last: count })
    .onConflictDoUpdate({
      target: ocopCertificateCounters.year,
      set: { last: sql`${ocopCertificateCounters.last} + ${count}` },
    })
    .returning({ last: ocopCertificateCounters.last });
  return row!.last;
}

export async function insertCertificate(db: DbOrTx, values: typeof ocopCertificates.$inferInsert) {
  await db.insert(ocopCertificates).values(values);
}

export async function findCertificate(db: DbOrTx, number: string) {
  const [row] = await selectCertificates(db).where(eq(ocopCertificates.number, number));
  return row ?? null;
}

export async function lockCertificate(db: DbOrTx, number: string) {
  const [row] = await db.select().from(ocopCertificates).where(eq(ocopCertificates.number, number)).for('update');
  return row ?? null;
}

export async function findCertificateOfDossier(db: DbOrTx, dossierId: string) {
  const [row] = await db.select().from(ocopCertificates).where(eq(ocopCertificates.dossierId, dossierId));
  return row ?? null;
}

export async function revokeCertificate(db: DbOrTx, id: string, reason: string, by: string, at: Date) {
  await db
    .update(ocopCertificates)
    .set({ revokedAt: at, revokedReason: reason, revokedBy: by })
    .where(eq(ocopCertificates.id, id));
}

function visibleTo(a: Audience): SQL | undefined {
  if (a.all) return undefined;
  const conds: SQL[] = [];
  if (a.communes.length > 0) conds.push(inArray(entities.communeCode, a.communes));
  if (a.entityId) conds.push(eq(ocopCertificates.entityId, a.entityId));
  return conds.length > 0 ? or(...conds) : sql`false`;
}

function statusIs(status: OcopCertificateListQuery['status'], today: string): SQL | undefined {
  switch (status) {
    case undefined:
      return undefined;
    case 'revoked':
      return isNotNull(ocopCertificates.revokedAt);
    case 'expired':
      return and(isNull(ocopCertificates.revokedAt), lt(ocopCertificates.validUntil, today));
    case 'valid':
      return and(isNull(ocopCertificates.revokedAt), gte(ocopCertificates.validUntil, today));
  }
}

export async function listCertificates(db: DbOrTx, q: OcopCertificateListQuery, a: Audience, today: string) {
  const where = and(
    visibleTo(a),
    q.entity ? eq(ocopCertificates.entityId, q.entity) : undefined,
    q.star ? eq(ocopCertificates.star, q.star) : undefined,
    statusIs(q.status, today),
  );
  const { limit, offset } = toLimitOffset(q);
  const [rows, [counted]] = await Promise.all([
    selectCertificates(db)
      .where(where)
      .orderBy(desc(ocopCertificates.issuedOn), desc(ocopCertificates.number))
      .limit(limit)
      .offset(offset),
    db
      .select({ n: count() })
      .from(ocopCertificates)
      .innerJoin(entities, eq(entities.id, ocopCertificates.entityId))
      .where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}
