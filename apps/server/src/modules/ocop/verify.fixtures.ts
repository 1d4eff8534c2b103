// Test fixture: a certified product written straight into the tables (no round, council or
// decision flow), for the tests of verification, QR codes and outlet stock.
import { foldVietnamese } from '@hoptac/core';
import type { Db } from '../../db/client.ts';
import { ocopCertificates, ocopDossiers, ocopProducts, ocopRounds } from './ocop.schema.ts';
import { SET, SHEET } from './rounds.fixtures.ts';

let sequence = 900_000;

export type CertifiedProductFixture = {
  productId: string;
  number: string;
};

export async function insertCertifiedProduct(
  db: Db,
  o: {
    entityId: string;
    entityName: string;
    name: string;
    gtin?: string | null;
    verifyCode?: string | null;
    issuedOn?: string;
    validUntil?: string;
    revokedAt?: Date | null;
  },
): Promise<CertifiedProductFixture> {
  const issuedOn = o.issuedOn ?? '2025-06-01';
  const [round] = await db
    .insert(ocopRounds)
    .values({
      name: 'Kỳ thử nghiệm',
      year: Number(issuedOn.slice(0, 4)),
      processRegime: 'qd26-2026',
      rubricDecision: 'qd26-2026',
      status: 'closed',
      submissionDeadline: issuedOn,
    })
    .returning({ id: ocopRounds.id });
  const [product] = await db
    .insert(ocopProducts)
    .values({
      entityId: o.entityId,
      name: o.name,
      nameFolded: foldVietnamese(o.name),
      rubricId: SHEET,
      productSet: SET,
      status: 'submitted',
      gtin: o.gtin ?? null,
      verifyCode: o.verifyCode ?? null,
    })
    .returning({ id: ocopProducts.id });
  const [dossier] = await db
    .insert(ocopDossiers)
    .values({
      roundId: round!.id,
      productId: product!.id,
      entityId: o.entityId,
      rubricId: SHEET,
      rubricVersion: 1,
      status: 'certified',
      finalTotal: 80,
      finalStar: 4,
    })
    .returning({ id: ocopDossiers.id });
  sequence++;
  const number = `OCOP-HN-${issuedOn.slice(0, 4)}-${String(sequence).padStart(6, '0')}`;
  await db.insert(ocopCertificates).values({
    number,
    year: Number(issuedOn.slice(0, 4)),
    sequence,
    dossierId: dossier!.id,
    productId: product!.id,
    entityId: o.entityId,
    productName: o.name,
    entityName: o.entityName,
    communeScheme: '2025-07',
    communeCode: '00454',
    star: 4,
    total: 80,
    decisionNumber: '1234/QĐ-UBND',
    decisionDate: issuedOn,
    issuer: 'province',
    issuedOn,
    validUntil: o.validUntil ?? '2028-06-01',
    revokedAt: o.revokedAt ?? null,
    revokedReason: o.revokedAt ? 'Hậu kiểm' : null,
  });
  return { productId: product!.id, number };
}
