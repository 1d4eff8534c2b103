import { MAX_PRODUCT_PHOTOS, type ProductPhotoList, type SessionUser } from '@hoptac/core';
import type { Db } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../kernel/audit.ts';
import { AppError, validationFailed } from '../../kernel/errors.ts';
import { deleteFile, storeFile } from '../../kernel/files.ts';
import type { ReceivedUpload } from '../../kernel/uploads.ts';
import { loadProductInScope } from './products.context.ts';
import * as repo from './product-photos.repository.ts';

function toList(rows: repo.PhotoRow[]): ProductPhotoList {
  return {
    items: rows.map((r) => ({
      id: r.photo.id,
      mediaId: r.photo.fileId,
      position: r.photo.position,
      mediaType: r.mediaType,
      size: r.size,
    })),
  };
}

/** Photos of a product: its producer and officials manage them; anyone may view them. */
export function createProductPhotosService(deps: { db: Db }) {
  const { db } = deps;
  const list = async (productId: string) => toList(await repo.listPhotos(db, productId));

  return {
    async list(user: SessionUser, productId: string): Promise<ProductPhotoList> {
      await loadProductInScope(db, user, productId);
      return list(productId);
    },

    async add(user: SessionUser, productId: string, upload: ReceivedUpload, actor: Actor) {
      await loadProductInScope(db, user, productId);
      await db.transaction(async (tx) => {
        await repo.lockProductForPhotos(tx, productId);
        const photos = await repo.listPhotos(tx, productId);
        if (photos.length >= MAX_PRODUCT_PHOTOS)
          throw new AppError('ACTION_NOT_ALLOWED', `A product has at most ${MAX_PRODUCT_PHOTOS} photos`, {
            max: MAX_PRODUCT_PHOTOS,
          });
        const fileId = await storeFile(tx, upload, user.id);
        const position = photos.length === 0 ? 0 : photos[photos.length - 1]!.photo.position + 1;
        await repo.insertPhoto(tx, { productId, fileId, position, createdBy: user.id });
        await recordAudit(tx, actor, {
          action: 'ocop.product_photo.add',
          entityType: 'ocop_product',
          entityId: productId,
          after: { fileId, sha256: upload.sha256, mediaType: upload.mediaType, position },
        });
      });
      return list(productId);
    },

    async reorder(user: SessionUser, productId: string, ids: string[], actor: Actor) {
      await loadProductInScope(db, user, productId);
      await db.transaction(async (tx) => {
        await repo.lockProductForPhotos(tx, productId);
        const current = (await repo.listPhotos(tx, productId)).map((r) => r.photo.id);
        const same = ids.length === current.length && ids.every((id) => current.includes(id));
        if (!same) throw validationFailed(['body', 'ids'], 'List every photo of the product once', 'not_the_photos');
        for (const [position, id] of ids.entries()) await repo.setPosition(tx, id, position);
        await recordAudit(tx, actor, {
          action: 'ocop.product_photo.reorder',
          entityType: 'ocop_product',
          entityId: productId,
          before: current,
          after: ids,
        });
      });
      return list(productId);
    },

    async remove(user: SessionUser, productId: string, photoId: string, actor: Actor) {
      await loadProductInScope(db, user, productId);
      await db.transaction(async (tx) => {
        const removed = await repo.deletePhoto(tx, productId, photoId);
        if (!removed) throw new AppError('NOT_FOUND', 'No such photo');
        await deleteFile(tx, removed.fileId);
        await recordAudit(tx, actor, {
          action: 'ocop.product_photo.delete',
          entityType: 'ocop_product',
          entityId: productId,
          before: removed,
        });
      });
      return list(productId);
    },

    /** The bytes of a product photo for the public; 404 for any other stored file. */
    async publicMedia(fileId: string) {
      const file = await repo.findPublicPhotoFile(db, fileId);
      if (!file) throw new AppError('NOT_FOUND', 'No such image');
      return file;
    },
  };
}

export type ProductPhotosService = ReturnType<typeof createProductPhotosService>;
