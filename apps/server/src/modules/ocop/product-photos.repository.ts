import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { storedFiles } from '../../kernel/files.schema.ts';
import { ocopProductPhotos } from './evidence.schema.ts';
import { ocopProducts } from './ocop.schema.ts';

export async function listPhotos(db: DbOrTx, productId: string) {
  return db
    .select({ photo: ocopProductPhotos, mediaType: storedFiles.mediaType, size: storedFiles.size })
    .from(ocopProductPhotos)
    .innerJoin(storedFiles, eq(storedFiles.id, ocopProductPhotos.fileId))
    .where(eq(ocopProductPhotos.productId, productId))
    .orderBy(asc(ocopProductPhotos.position));
}

export type PhotoRow = Awaited<ReturnType<typeof listPhotos>>[number];

/** Locks the product row so two uploads at once cannot both take the sixth place. */
export async function lockProductForPhotos(db: DbOrTx, productId: string) {
  await db.select({ id: ocopProducts.id }).from(ocopProducts).where(eq(ocopProducts.id, productId)).for('update');
}

export async function insertPhoto(db: DbOrTx, values: typeof ocopProductPhotos.$inferInsert) {
  await db.insert(ocopProductPhotos).values(values);
}

export async function setPosition(db: DbOrTx, id: string, position: number) {
  await db.update(ocopProductPhotos).set({ position }).where(eq(ocopProductPhotos.id, id));
}

export async function deletePhoto(db: DbOrTx, productId: string, id: string) {
  const [row] = await db
    .delete(ocopProductPhotos)
    .where(and(eq(ocopProductPhotos.productId, productId), eq(ocopProductPhotos.id, id)))
    .returning();
  return row ?? null;
}

/** A stored file only if it is a product photo: the public route must never serve anything else. */
export async function findPublicPhotoFile(db: DbOrTx, fileId: string) {
  const [row] = await db
    .select({ bytes: storedFiles.bytes, mediaType: storedFiles.mediaType, sha256: storedFiles.sha256 })
    .from(ocopProductPhotos)
    .innerJoin(storedFiles, eq(storedFiles.id, ocopProductPhotos.fileId))
    .where(eq(ocopProductPhotos.fileId, fileId));
  return row ?? null;
}
