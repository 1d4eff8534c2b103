import {
  forwardOcopDossierBodySchema,
  ocopDossierFeedbackSchema,
  ocopDossierListQuerySchema,
  ocopDossierPageSchema,
  ocopDossierSchema,
  returnOcopDossierBodySchema,
} from '@hoptac/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, currentUser, requireRole } from '../../kernel/auth.ts';
import { errorResponses } from '../../kernel/route-schema.ts';
import type { DossiersService } from './dossiers.service.ts';

const idParams = z.object({ id: z.uuid() });

/** Dossiers: products in a round, as the commune, the council and the producer see them. */
export const dossiersRoutes: FastifyPluginAsyncZod<{ dossiers: DossiersService }> = async (app, { dossiers }) => {
  const tags = ['ocop'];
  const viewers = requireRole('city_admin', 'commune_officer', 'council_member', 'entity_member');
  const officials = requireRole('city_admin', 'commune_officer');
  const dossier = { 200: ocopDossierSchema, ...errorResponses(400, 401, 403, 404, 409) };

  app.get(
    '/api/ocop/dossiers',
    {
      preHandler: viewers,
      schema: {
        tags,
        querystring: ocopDossierListQuerySchema,
        response: { 200: ocopDossierPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => dossiers.list(currentUser(request), request.query),
  );

  app.get(
    '/api/ocop/dossiers/:id',
    { preHandler: viewers, schema: { tags, params: idParams, response: dossier } },
    async (request) => dossiers.get(currentUser(request), request.params.id),
  );

  app.post(
    '/api/ocop/dossiers/:id/return',
    { preHandler: officials, schema: { tags, params: idParams, body: returnOcopDossierBodySchema, response: dossier } },
    async (request) =>
      dossiers.returnToProducer(currentUser(request), request.params.id, request.body.comment, actorOf(request)),
  );

  app.post(
    '/api/ocop/dossiers/:id/forward',
    {
      preHandler: officials,
      schema: { tags, params: idParams, body: forwardOcopDossierBodySchema, response: dossier },
    },
    async (request) =>
      dossiers.forward(currentUser(request), request.params.id, request.body.comment ?? null, actorOf(request)),
  );

  app.get(
    '/api/ocop/dossiers/:id/feedback',
    {
      preHandler: requireRole('city_admin', 'commune_officer', 'entity_member'),
      schema: {
        tags,
        params: idParams,
        response: { 200: ocopDossierFeedbackSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => dossiers.feedback(currentUser(request), request.params.id),
  );
};
