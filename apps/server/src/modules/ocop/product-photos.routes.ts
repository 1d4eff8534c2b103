import { productPhotoListSchema, reorderPhotosBodySchema } from '@hoptac/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, currentUser, requireRole } from '../../kernel/auth.ts';
import { errorResponses } from '../../kernel/route-schema.ts';
import { acceptUploads, MB, receiveUpload, sendBytes, type UploadPolicy } from '../../kernel/uploads.ts';
import type { ProductPhotosService } from './product-photos.service.ts';
import { PRODUCT_ROLES } from './products.access.ts';

export const PHOTO_UPLOAD: UploadPolicy = { accept: ['image/jpeg', 'image/png', 'image/webp'], maxBytes: 5 * MB };

const idParams = z.object({ id: z.uuid() });

/** Product photos, and the one public route that serves their bytes. */
export const productPhotosRoutes: FastifyPluginAsyncZod<{ photos: ProductPhotosService }> = async (app, { photos }) => {
  const tags = ['ocop'];
  const preHandler = requireRole(...PRODUCT_ROLES);
  const list = { 200: productPhotoListSchema, ...errorResponses(400, 401, 403, 404) };
  await acceptUploads(app, { maxBytes: PHOTO_UPLOAD.maxBytes, fields: 0 });

  app.get(
    '/api/ocop/products/:id/photos',
    { preHandler, schema: { tags, params: idParams, response: list } },
    async (request) => photos.list(currentUser(request), request.params.id),
  );

  app.post(
    '/api/ocop/products/:id/photos',
    {
      preHandler,
      schema: {
        tags,
        description: 'multipart/form-data with one file: a JPEG, PNG or WebP photo of at most 5 MB; six per product',
        params: idParams,
        response: { 201: productPhotoListSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const upload = await receiveUpload(request, PHOTO_UPLOAD);
      return reply.status(201).send(await photos.add(user, request.params.id, upload, actorOf(request)));
    },
  );

  app.put(
    '/api/ocop/products/:id/photos/order',
    { preHandler, schema: { tags, params: idParams, body: reorderPhotosBodySchema, response: list } },
    async (request) => photos.reorder(currentUser(request), request.params.id, request.body.ids, actorOf(request)),
  );

  app.delete(
    '/api/ocop/products/:id/photos/:photoId',
    {
      preHandler,
      schema: { tags, params: z.object({ id: z.uuid(), photoId: z.uuid() }), response: list },
    },
    async (request) => photos.remove(currentUser(request), request.params.id, request.params.photoId, actorOf(request)),
  );

  app.get(
    '/api/public/media/:id',
    { schema: { tags: ['public'], params: idParams, response: errorResponses(400, 404) } },
    async (request, reply) => {
      const file = await photos.publicMedia(request.params.id);
      // A stored file never changes: its id names one content for good.
      return sendBytes(reply, file, {
        cacheControl: 'public, max-age=31536000, immutable',
        etag: `"${file.sha256}"`,
      });
    },
  );
};
