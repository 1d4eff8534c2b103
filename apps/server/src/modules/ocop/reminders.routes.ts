import { notificationPageSchema, pageQuerySchema } from '@hoptac/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, currentUser, requireUser } from '../../kernel/auth.ts';
import { errorResponses } from '../../kernel/route-schema.ts';
import type { RemindersService } from './reminders.service.ts';

/** The signed-in user's own notifications (every role has some to read). */
export const remindersRoutes: FastifyPluginAsyncZod<{ reminders: RemindersService }> = async (app, { reminders }) => {
  const tags = ['ocop'];

  app.get(
    '/api/ocop/notifications',
    {
      preHandler: requireUser,
      schema: {
        tags,
        querystring: pageQuerySchema,
        response: { 200: notificationPageSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => reminders.list(currentUser(request), request.query),
  );

  app.post(
    '/api/ocop/notifications/:id/read',
    {
      preHandler: requireUser,
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await reminders.markRead(currentUser(request), request.params.id, actorOf(request));
      return reply.status(204).send(null);
    },
  );
};
