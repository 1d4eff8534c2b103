import {
  communeCountSchema,
  createEntityBodySchema,
  entityDetailSchema,
  entityListQuerySchema,
  entityPageSchema,
  entityViewSchema,
  statusChangeBodySchema,
  statusHistoryItemSchema,
  updateEntityBodySchema,
} from '@hoptac/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, currentUser, optionalUser, requireRole, requireUser } from '../../kernel/auth.ts';
import { errorResponses } from '../../kernel/route-schema.ts';
import { createEntitiesService } from './entities.service.ts';
import type { RegistryDeps } from './registry.deps.ts';

const idParams = z.object({ id: z.uuid() });

export const entitiesRoutes: FastifyPluginAsyncZod<RegistryDeps> = async (app, deps) => {
  const service = createEntitiesService(deps);
  const tags = ['registry'];
  const officials = requireRole('city_admin', 'commune_officer');

  // The register is public (public profile fields); officials see their scope with full fields.
  app.get(
    '/api/entities',
    {
      schema: { tags, querystring: entityListQuerySchema, response: { 200: entityPageSchema, ...errorResponses(400) } },
    },
    async (request) => service.list(await optionalUser(request), request.query),
  );

  app.get(
    '/api/entities/by-commune',
    { schema: { tags, response: { 200: z.array(communeCountSchema) } } },
    async (request) => service.countByCommune(await optionalUser(request)),
  );

  app.get(
    '/api/entities/:id',
    { schema: { tags, params: idParams, response: { 200: entityViewSchema, ...errorResponses(400, 404) } } },
    async (request) => service.get(await optionalUser(request), request.params.id),
  );

  app.post(
    '/api/entities',
    {
      preHandler: officials,
      schema: {
        tags,
        body: createEntityBodySchema,
        response: { 201: entityDetailSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(currentUser(request), request.body, actorOf(request))),
  );

  app.patch(
    '/api/entities/:id',
    {
      preHandler: requireUser,
      schema: {
        tags,
        params: idParams,
        body: updateEntityBodySchema,
        response: { 200: entityDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => service.update(currentUser(request), request.params.id, request.body, actorOf(request)),
  );

  app.post(
    '/api/entities/:id/status',
    {
      preHandler: officials,
      schema: {
        tags,
        params: idParams,
        body: statusChangeBodySchema,
        response: { 200: entityDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => service.changeStatus(currentUser(request), request.params.id, request.body, actorOf(request)),
  );

  app.get(
    '/api/entities/:id/status-history',
    {
      preHandler: requireUser,
      schema: {
        tags,
        params: idParams,
        response: { 200: z.array(statusHistoryItemSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => service.statusHistory(currentUser(request), request.params.id),
  );
};
