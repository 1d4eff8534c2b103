import { asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { ocopProductPhotos } from '../ocop/evidence.schema.ts';
import { ocopCertificates, ocopProducts } from '../ocop/ocop.schema.ts';
import { entities } from '../registry/registry.schema.ts';

// Public profiles: only the columns a visitor may read. Entities carry people's names, phones and
// e-mails (legal representative, contacts); those columns are never selected here.

/** An entity's public columns. */
const publicEntity = {
  id: entities.id,
  name: entities.name,
  type: entities.type,
  description: entities.description,
  website: entities.website,
  communeScheme: entities.communeScheme,
  communeCode: entities.communeCode,
  oldDistrictCode: entities.oldDistrictCode,
  lat: entities.lat,
  lng: entities.lng,
};

export async function findPublicProducer(db: DbOrTx, id: string) {
  const [row] = await db.select(publicEntity).from(entities).where(eq(entities.id, id));
  return row ?? null;
}

/** A product's public profile; certificates are read separately (the latest one decides). */
export async function findPublicProduct(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: ocopProducts.id,
      entityId: ocopProducts.entityId,
      productSet: ocopProducts.productSet,
      story: ocopProducts.story,
      description: ocopProducts.description,
      packaging: ocopProducts.packaging,
      ingredientsOrigin: ocopProducts.ingredientsOrigin,
      shopLinks: ocopProducts.shopLinks,
    })
    .from(ocopProducts)
    .where(eq(ocopProducts.id, id));
  return row ?? null;
}

/** The product's latest certificate, unless it was revoked. */
export async function findLatestCertificate(db: DbOrTx, productId: string) {
  const [row] = await db
    .select({
      number: ocopCertificates.number,
      star: ocopCertificates.star,
      decisionNumber: ocopCertificates.decisionNumber,
      decisionDate: ocopCertificates.decisionDate,
      issuer: ocopCertificates.issuer,
      issuedOn: ocopCertificates.issuedOn,
      validUntil: ocopCertificates.validUntil,
      revokedAt: ocopCertificates.revokedAt,
    })
    .from(ocopCertificates)
    .where(eq(ocopCertificates.productId, productId))
    .orderBy(desc(ocopCertificates.issuedOn), desc(ocopCertificates.number))
    .limit(1);
  return row && row.revokedAt === null ? row : null;
}

/** The product's photos (stored file ids) in the producer's order. */
export async function listPhotoFiles(db: DbOrTx, productId: string): Promise<string[]> {
  const rows = await db
    .select({ fileId: ocopProductPhotos.fileId })
    .from(ocopProductPhotos)
    .where(eq(ocopProductPhotos.productId, productId))
    .orderBy(asc(ocopProductPhotos.position));
  return rows.map((r) => r.fileId);
}
