import { randomUUID } from 'node:crypto';
import { foldVietnamese, generateShortCode, type OcopStar } from '@hoptac/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { nextSequence } from './certificates.repository.ts';
import { certificateNumber, type CertificateIssuer } from './certificates.rules.ts';
import { ocopCertificates, ocopDossiers, ocopProducts, ocopRounds } from './ocop.schema.ts';

/**
 * A product certified outside the platform's own workflow (before Hoptac, or demo data): the
 * product, its certified dossier in a closed round of the decision's year, and its certificate.
 */
export type CertifiedRecord = {
  entity: { id: string; name: string; communeScheme: string; communeCode: string };
  product: {
    name: string;
    rubricId: string;
    rubricVersion: number;
    productSet: string;
    description?: string | null;
    packaging?: string | null;
    priceVnd?: number | null;
    priceUnit?: string | null;
    story?: string | null;
    shopLinks?: { label: string; url: string }[];
  };
  star: OcopStar;
  total: number;
  decisionNumber: string;
  /** YYYY-MM-DD; its year names the round and the certificate's sequence. */
  decisionDate: string;
  /** The number printed on the certificate; absent: the platform's own OCOP-HN-<year>-<sequence>. */
  certificateNumber?: string;
  validUntil: string;
  revoked?: { on: string; reason: string };
};

/** The closed round that holds the records of a decision year imported from before the platform. */
export const importedRoundName = (year: number) => `Sản phẩm OCOP đã công nhận trước khi dùng Hoptac — năm ${year}`;

/** Rows per INSERT: a certificate has ~20 columns, well under PostgreSQL's 65,535 parameters. */
const BATCH = 500;

const issuerOf = (star: OcopStar): CertificateIssuer => (star === 5 ? 'ministry' : 'province');
const startOfDay = (day: string, hour = 0) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

/** The closed round of each year (found by its name, or created), in one query each way. */
async function roundsByYear(tx: DbOrTx, years: number[], roundName: (year: number) => string) {
  const names = years.map(roundName);
  const found = await tx
    .select({ id: ocopRounds.id, year: ocopRounds.year, name: ocopRounds.name })
    .from(ocopRounds)
    .where(and(inArray(ocopRounds.name, names), eq(ocopRounds.status, 'closed')));
  const ids = new Map<number, string>();
  for (const r of found) if (r.name === roundName(r.year)) ids.set(r.year, r.id);
  const missing = years.filter((y) => !ids.has(y));
  if (missing.length > 0) {
    const created = await tx
      .insert(ocopRounds)
      .values(
        missing.map((year) => ({
          name: roundName(year),
          year,
          processRegime: 'qd26-2026',
          rubricDecision: 'qd26-2026',
          status: 'closed',
          submissionDeadline: `${year}-12-31`,
          closedAt: startOfDay(`${year}-12-31`),
        })),
      )
      .returning({ id: ocopRounds.id, year: ocopRounds.year });
    for (const r of created) ids.set(r.year, r.id);
  }
  return ids;
}

/**
 * Writes certified records in batches: a closed round per decision year, then the products, their
 * certified dossiers and certificates. Sequences come from the certificate counter, a block per year,
 * so they never collide with numbers the platform issues later. Runs inside the caller's
 * transaction (the caller writes the audit record). Returns how many certificates were written.
 */
export async function insertCertifiedRecords(
  tx: DbOrTx,
  records: readonly CertifiedRecord[],
  options: { createdBy?: string | null; roundName?: (year: number) => string; now?: Date } = {},
): Promise<number> {
  if (records.length === 0) return 0;
  const yearOf = (r: CertifiedRecord) => Number(r.decisionDate.slice(0, 4));
  const perYear = new Map<number, number>();
  for (const r of records) perYear.set(yearOf(r), (perYear.get(yearOf(r)) ?? 0) + 1);
  const rounds = await roundsByYear(tx, [...perYear.keys()], options.roundName ?? importedRoundName);
  // The next free sequence of each year: the counter moves past the whole block at once.
  const next = new Map<number, number>();
  for (const [year, n] of perYear) next.set(year, (await nextSequence(tx, year, n)) - n + 1);

  const createdBy = options.createdBy ?? null;
  const at = options.now ?? new Date();
  for (let start = 0; start < records.length; start += BATCH) {
    const batch = records.slice(start, start + BATCH).map((r) => {
      const year = yearOf(r);
      const sequence = next.get(year)!;
      next.set(year, sequence + 1);
      return { r, year, sequence, productId: randomUUID(), dossierId: randomUUID() };
    });
    await tx.insert(ocopProducts).values(
      batch.map(({ r, productId }) => ({
        id: productId,
        entityId: r.entity.id,
        name: r.product.name,
        nameFolded: foldVietnamese(r.product.name),
        rubricId: r.product.rubricId,
        productSet: r.product.productSet,
        description: r.product.description ?? null,
        packaging: r.product.packaging ?? null,
        priceVnd: r.product.priceVnd ?? null,
        priceUnit: r.product.priceUnit ?? null,
        story: r.product.story ?? null,
        shopLinks: r.product.shopLinks ?? [],
        // A certified product has its public QR short code from the start.
        verifyCode: generateShortCode(),
        status: 'submitted',
        submittedAt: startOfDay(r.decisionDate),
        createdBy,
      })),
    );
    await tx.insert(ocopDossiers).values(
      batch.map(({ r, year, productId, dossierId }) => ({
        id: dossierId,
        roundId: rounds.get(year)!,
        productId,
        entityId: r.entity.id,
        rubricId: r.product.rubricId,
        rubricVersion: r.product.rubricVersion,
        status: 'certified',
        outcome: r.star === 5 ? 'proposed_national' : 'awaiting_decision',
        finalTotal: r.total,
        finalStar: r.star,
        confirmedAt: startOfDay(r.decisionDate, 2),
        receivedAt: startOfDay(r.decisionDate),
      })),
    );
    await tx.insert(ocopCertificates).values(
      batch.map(({ r, year, sequence, productId, dossierId }) => ({
        number: r.certificateNumber ?? certificateNumber(year, sequence),
        year,
        sequence,
        dossierId,
        productId,
        entityId: r.entity.id,
        productName: r.product.name,
        entityName: r.entity.name,
        communeScheme: r.entity.communeScheme,
        communeCode: r.entity.communeCode,
        star: r.star,
        total: r.total,
        decisionNumber: r.decisionNumber,
        decisionDate: r.decisionDate,
        issuer: issuerOf(r.star),
        issuedOn: r.decisionDate,
        validUntil: r.validUntil,
        revokedAt: r.revoked ? startOfDay(r.revoked.on, 2) : null,
        revokedReason: r.revoked?.reason ?? null,
        createdBy,
        createdAt: at,
      })),
    );
  }
  return records.length;
}
