import { generateShortCode } from '@hoptac/core';
import { and, desc, eq, exists, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { ocopCertificates, ocopProducts } from './ocop.schema.ts';

/** What the public check needs: the certificate as issued and the product's codes. */
const verifyColumns = {
  certificate: ocopCertificates,
  productId: ocopProducts.id,
  gtin: ocopProducts.gtin,
  verifyCode: ocopProducts.verifyCode,
};

export type VerifyRow = { productId: string; gtin: string | null; verifyCode: string | null } & {
  certificate: typeof ocopCertificates.$inferSelect | null;
};

/**
 * A product's certificate that answers for it: one in force if there is one, else the latest
 * issued (so a revoked or lapsed product reads as such, and a renewal supersedes the old one).
 */
async function productWithCertificate(
  db: DbOrTx,
  where: ReturnType<typeof eq>,
  today: string,
): Promise<VerifyRow | null> {
  const [row] = await db
    .select(verifyColumns)
    .from(ocopProducts)
    .leftJoin(ocopCertificates, eq(ocopCertificates.productId, ocopProducts.id))
    .where(where)
    .orderBy(
      desc(sql`(${ocopCertificates.revokedAt} is null and ${ocopCertificates.validUntil} >= ${today})`),
      desc(ocopCertificates.issuedOn),
      desc(ocopCertificates.number),
    )
    .limit(1);
  return row ?? null;
}

export const findByGtin = (db: DbOrTx, gtin14: string, today: string) =>
  productWithCertificate(db, eq(ocopProducts.gtin, gtin14), today);

export const findByVerifyCode = (db: DbOrTx, code: string, today: string) =>
  productWithCertificate(db, eq(ocopProducts.verifyCode, code), today);

export async function findByCertificateNumber(db: DbOrTx, number: string): Promise<VerifyRow | null> {
  const [row] = await db
    .select(verifyColumns)
    .from(ocopCertificates)
    .innerJoin(ocopProducts, eq(ocopProducts.id, ocopCertificates.productId))
    .where(eq(ocopCertificates.number, number));
  return row ?? null;
}

export async function productCodes(db: DbOrTx, productId: string) {
  const [row] = await db
    .select({ gtin: ocopProducts.gtin, verifyCode: ocopProducts.verifyCode })
    .from(ocopProducts)
    .where(eq(ocopProducts.id, productId));
  return row ?? null;
}

/** Gives a certified product its short code if it has none (a code, once printed, never changes). */
export async function ensureVerifyCode(db: DbOrTx, productId: string): Promise<void> {
  await db
    .update(ocopProducts)
    .set({ verifyCode: generateShortCode() })
    .where(and(eq(ocopProducts.id, productId), isNull(ocopProducts.verifyCode)));
}

/** Certified products still without a short code (certified before codes existed, or seeded directly). */
export async function productsMissingVerifyCode(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ id: ocopProducts.id })
    .from(ocopProducts)
    .where(
      and(
        isNull(ocopProducts.verifyCode),
        exists(
          db
            .select({ one: sql`1` })
            .from(ocopCertificates)
            .where(eq(ocopCertificates.productId, ocopProducts.id)),
        ),
      ),
    );
  return rows.map((r) => r.id);
}
