import {
  confirmOcopDossierBodySchema,
  ocopAggregateSchema,
  ocopDossierSchema,
  ocopMemberScoreSheetSchema,
  ocopMyScoreSheetSchema,
  saveOcopScoreSheetBodySchema,
} from '@hoptac/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, currentUser, requireRole } from '../../kernel/auth.ts';
import { errorResponses } from '../../kernel/route-schema.ts';
import type { ScoringService } from './scoring.service.ts';

const idParams = z.object({ id: z.uuid() });

/**
 * Blind scoring: each member's own sheet (/sheets/mine), then — once their own is submitted — the
 * others' sheets and the aggregate; the secretary or chair confirms the result.
 */
export const scoringRoutes: FastifyPluginAsyncZod<{ scoring: ScoringService }> = async (app, { scoring }) => {
  const tags = ['ocop'];
  const members = requireRole('council_member');
  const councilOrAdmin = requireRole('city_admin', 'council_member');
  const mine = { 200: ocopMyScoreSheetSchema, ...errorResponses(400, 401, 403, 404, 409) };

  app.get(
    '/api/ocop/dossiers/:id/sheets/mine',
    { preHandler: members, schema: { tags, params: idParams, response: mine } },
    async (request) => scoring.mine(currentUser(request), request.params.id),
  );

  app.put(
    '/api/ocop/dossiers/:id/sheets/mine',
    { preHandler: members, schema: { tags, params: idParams, body: saveOcopScoreSheetBodySchema, response: mine } },
    async (request) => scoring.save(currentUser(request), request.params.id, request.body, actorOf(request)),
  );

  app.post(
    '/api/ocop/dossiers/:id/sheets/mine/submit',
    { preHandler: members, schema: { tags, params: idParams, response: mine } },
    async (request) => scoring.submit(currentUser(request), request.params.id, actorOf(request)),
  );

  app.get(
    '/api/ocop/dossiers/:id/sheets',
    {
      preHandler: councilOrAdmin,
      schema: {
        tags,
        params: idParams,
        response: { 200: z.array(ocopMemberScoreSheetSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => scoring.sheets(currentUser(request), request.params.id),
  );

  app.get(
    '/api/ocop/dossiers/:id/aggregate',
    {
      preHandler: councilOrAdmin,
      schema: { tags, params: idParams, response: { 200: ocopAggregateSchema, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => scoring.aggregate(currentUser(request), request.params.id),
  );

  app.post(
    '/api/ocop/dossiers/:id/confirm',
    {
      preHandler: members,
      schema: {
        tags,
        params: idParams,
        body: confirmOcopDossierBodySchema,
        response: { 200: ocopDossierSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => scoring.confirm(currentUser(request), request.params.id, request.body.minutes, actorOf(request)),
  );
};
