import { memberInputSchema, memberListSchema, memberSchema } from '@hoptac/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, currentUser, requireUser } from '../../kernel/auth.ts';
import { errorResponses } from '../../kernel/route-schema.ts';
import { createMembersService } from './members.service.ts';
import type { RegistryDeps } from './registry.deps.ts';

const entityParams = z.object({ id: z.uuid() });
const memberParams = z.object({ id: z.uuid(), memberId: z.uuid() });

export const membersRoutes: FastifyPluginAsyncZod<RegistryDeps> = async (app, deps) => {
  const service = createMembersService(deps);
  const tags = ['registry'];

  app.get(
    '/api/entities/:id/members',
    {
      preHandler: requireUser,
      schema: {
        tags,
        params: entityParams,
        response: { 200: memberListSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => service.list(currentUser(request), request.params.id),
  );

  app.post(
    '/api/entities/:id/members',
    {
      preHandler: requireUser,
      schema: {
        tags,
        params: entityParams,
        body: memberInputSchema,
        response: { 201: memberSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.add(currentUser(request), request.params.id, request.body, actorOf(request))),
  );

  app.patch(
    '/api/entities/:id/members/:memberId',
    {
      preHandler: requireUser,
      schema: {
        tags,
        params: memberParams,
        body: memberInputSchema,
        response: { 200: memberSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      service.update(currentUser(request), request.params.id, request.params.memberId, request.body, actorOf(request)),
  );

  app.delete(
    '/api/entities/:id/members/:memberId',
    {
      preHandler: requireUser,
      schema: { tags, params: memberParams, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => {
      await service.remove(currentUser(request), request.params.id, request.params.memberId, actorOf(request));
      return reply.status(204).send(null);
    },
  );
};
