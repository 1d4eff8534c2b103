import {
  createOcopRoundBodySchema,
  declareOcopConflictBodySchema,
  ocopCouncilSchema,
  ocopRoundListQuerySchema,
  ocopRoundPageSchema,
  ocopRoundSchema,
  setOcopCouncilBodySchema,
  updateOcopRoundBodySchema,
} from '@hoptac/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, currentUser, requireRole } from '../../kernel/auth.ts';
import { errorResponses } from '../../kernel/route-schema.ts';
import type { RoundsService } from './rounds.service.ts';

const idParams = z.object({ id: z.uuid() });
const conflictParams = z.object({ id: z.uuid(), userId: z.uuid(), entityId: z.uuid() });

/** Evaluation rounds and their councils: city admins run them; officials, producers and the council follow. */
export const roundsRoutes: FastifyPluginAsyncZod<{ rounds: RoundsService }> = async (app, { rounds }) => {
  const tags = ['ocop'];
  const viewers = requireRole('city_admin', 'commune_officer', 'council_member', 'entity_member');
  const admin = requireRole('city_admin');
  const councilViewers = requireRole('city_admin', 'council_member');
  const round = { 200: ocopRoundSchema, ...errorResponses(400, 401, 403, 404, 409) };
  const council = { 200: ocopCouncilSchema, ...errorResponses(400, 401, 403, 404, 409) };

  app.get(
    '/api/ocop/rounds',
    {
      preHandler: viewers,
      schema: {
        tags,
        querystring: ocopRoundListQuerySchema,
        response: { 200: ocopRoundPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => rounds.list(currentUser(request), request.query),
  );

  app.post(
    '/api/ocop/rounds',
    {
      preHandler: admin,
      schema: {
        tags,
        body: createOcopRoundBodySchema,
        response: { 201: ocopRoundSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await rounds.create(currentUser(request), request.body, actorOf(request))),
  );

  app.get(
    '/api/ocop/rounds/:id',
    { preHandler: viewers, schema: { tags, params: idParams, response: round } },
    async (request) => rounds.get(currentUser(request), request.params.id),
  );

  app.patch(
    '/api/ocop/rounds/:id',
    { preHandler: admin, schema: { tags, params: idParams, body: updateOcopRoundBodySchema, response: round } },
    async (request) => rounds.update(currentUser(request), request.params.id, request.body, actorOf(request)),
  );

  app.post(
    '/api/ocop/rounds/:id/open',
    { preHandler: admin, schema: { tags, params: idParams, response: round } },
    async (request) => rounds.open(currentUser(request), request.params.id, actorOf(request)),
  );

  app.post(
    '/api/ocop/rounds/:id/close',
    { preHandler: admin, schema: { tags, params: idParams, response: round } },
    async (request) => rounds.close(currentUser(request), request.params.id, actorOf(request)),
  );

  app.get(
    '/api/ocop/rounds/:id/council',
    { preHandler: councilViewers, schema: { tags, params: idParams, response: council } },
    async (request) => rounds.council(currentUser(request), request.params.id),
  );

  app.put(
    '/api/ocop/rounds/:id/council',
    { preHandler: admin, schema: { tags, params: idParams, body: setOcopCouncilBodySchema, response: council } },
    async (request) => rounds.setCouncil(currentUser(request), request.params.id, request.body, actorOf(request)),
  );

  app.post(
    '/api/ocop/rounds/:id/council/conflicts',
    {
      preHandler: councilViewers,
      schema: { tags, params: idParams, body: declareOcopConflictBodySchema, response: council },
    },
    async (request) => rounds.declareConflict(currentUser(request), request.params.id, request.body, actorOf(request)),
  );

  app.delete(
    '/api/ocop/rounds/:id/council/conflicts/:userId/:entityId',
    { preHandler: admin, schema: { tags, params: conflictParams, response: council } },
    async (request) => {
      const { id, userId, entityId } = request.params;
      return rounds.removeConflict(currentUser(request), id, userId, entityId, actorOf(request));
    },
  );
};
