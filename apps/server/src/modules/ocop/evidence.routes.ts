import {
  evidenceChecklistSchema,
  evidenceDocumentSchema,
  evidenceListQuerySchema,
  evidencePageSchema,
} from '@hoptac/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, currentUser, requireRole } from '../../kernel/auth.ts';
import { errorResponses } from '../../kernel/route-schema.ts';
import {
  acceptUploads,
  contentDisposition,
  MB,
  receiveUpload,
  sendBytes,
  type UploadPolicy,
} from '../../kernel/uploads.ts';
import type { EvidenceService } from './evidence.service.ts';
import { PRODUCT_ROLES } from './products.access.ts';

export const EVIDENCE_UPLOAD: UploadPolicy = {
  accept: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'],
  maxBytes: 10 * MB,
};

const idParams = z.object({ id: z.uuid() });

/** The evidence locker: entities keep their documents once; dossiers check them. */
export const evidenceRoutes: FastifyPluginAsyncZod<{ evidence: EvidenceService }> = async (app, { evidence }) => {
  const tags = ['ocop'];
  const locker = requireRole(...PRODUCT_ROLES);
  await acceptUploads(app, { maxBytes: EVIDENCE_UPLOAD.maxBytes });

  app.get(
    '/api/ocop/evidence',
    {
      preHandler: locker,
      schema: {
        tags,
        querystring: evidenceListQuerySchema,
        response: { 200: evidencePageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => evidence.list(currentUser(request), request.query),
  );

  app.post(
    '/api/ocop/evidence',
    {
      preHandler: locker,
      schema: {
        tags,
        description:
          'multipart/form-data: fields kind, title, issuedOn, validUntil (optional), entityId (officials), then one file (PDF, JPEG, PNG or WebP, at most 10 MB)',
        response: { 201: evidenceDocumentSchema, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const upload = await receiveUpload(request, EVIDENCE_UPLOAD);
      return reply.status(201).send(await evidence.upload(user, upload, actorOf(request)));
    },
  );

  app.delete(
    '/api/ocop/evidence/:id',
    {
      preHandler: locker,
      schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => {
      await evidence.remove(currentUser(request), request.params.id, actorOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/ocop/evidence/:id/file',
    {
      preHandler: requireRole(...PRODUCT_ROLES, 'council_member'),
      schema: { tags, params: idParams, response: errorResponses(400, 401, 403, 404) },
    },
    async (request, reply) => {
      const file = await evidence.file(currentUser(request), request.params.id);
      return sendBytes(reply, file, {
        cacheControl: 'private, no-store',
        disposition: contentDisposition('attachment', file.fileName),
      });
    },
  );

  const checklist = { 200: evidenceChecklistSchema, ...errorResponses(400, 401, 403, 404) };
  app.get(
    '/api/ocop/products/:id/evidence-checklist',
    { preHandler: locker, schema: { tags, params: idParams, response: checklist } },
    async (request) => evidence.productChecklist(currentUser(request), request.params.id),
  );

  app.get(
    '/api/ocop/dossiers/:id/evidence-checklist',
    {
      preHandler: requireRole(...PRODUCT_ROLES, 'council_member'),
      schema: { tags, params: idParams, response: checklist },
    },
    async (request) => evidence.dossierChecklist(currentUser(request), request.params.id),
  );
};
