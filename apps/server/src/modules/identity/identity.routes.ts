import {
  changePasswordBodySchema,
  createUserBodySchema,
  loginBodySchema,
  sessionStateSchema,
  sessionUserSchema,
  setUserActiveBodySchema,
  updateProfileBodySchema,
  userListQuerySchema,
  userPageSchema,
  userSummarySchema,
} from '@hoptac/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actorOf,
  currentUser,
  optionalUser,
  requireRole,
  requireUser,
  SESSION_COOKIE,
  sessionToken,
} from '../../kernel/auth.ts';
import { AppError } from '../../kernel/errors.ts';
import { errorResponses } from '../../kernel/route-schema.ts';
import type { IdentityService } from './identity.service.ts';

export type IdentityRouteOptions = { service: IdentityService; cookieSecure: boolean; loginRateLimit: number };

export const identityRoutes: FastifyPluginAsyncZod<IdentityRouteOptions> = async (app, opts) => {
  const { service } = opts;
  const cookie = { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.cookieSecure } as const;
  const tags = ['auth'];

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        body: loginBodySchema,
        response: { 200: sessionUserSchema, ...errorResponses(400, 401, 403, 429) },
      },
      config: {
        rateLimit: {
          max: opts.loginRateLimit,
          timeWindow: '1 minute',
          // Per address and account: slows guessing one password without locking out a whole office behind one IP.
          keyGenerator: (req) => `${req.ip}|${(req.body as { email?: string } | undefined)?.email ?? ''}`,
        },
      },
    },
    async (request, reply) => {
      const { token, expiresAt, user } = await service.login(
        request.body,
        actorOf(request),
        request.headers['user-agent'] ?? null,
      );
      reply.setCookie(SESSION_COOKIE, token, { ...cookie, expires: expiresAt });
      return user;
    },
  );

  app.get(
    '/api/auth/me',
    { preHandler: requireUser, schema: { tags, response: { 200: sessionUserSchema, ...errorResponses(401) } } },
    async (request) => currentUser(request),
  );

  app.get('/api/auth/session', { schema: { tags, response: { 200: sessionStateSchema } } }, async (request) => ({
    user: await optionalUser(request),
  }));

  app.patch(
    '/api/auth/me',
    {
      preHandler: requireUser,
      schema: {
        tags,
        body: updateProfileBodySchema,
        response: { 200: sessionUserSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => service.updateProfile(currentUser(request), request.body, actorOf(request)),
  );

  app.post('/api/auth/logout', { schema: { tags, response: { 204: z.null() } } }, async (request, reply) => {
    await service.logout(sessionToken(request), actorOf(request));
    reply.clearCookie(SESSION_COOKIE, cookie);
    return reply.status(204).send(null);
  });

  app.post(
    '/api/auth/password',
    {
      preHandler: requireUser,
      schema: { tags, body: changePasswordBodySchema, response: { 204: z.null(), ...errorResponses(400, 401) } },
    },
    async (request, reply) => {
      const token = sessionToken(request);
      if (!token) throw new AppError('UNAUTHENTICATED');
      await service.changePassword(currentUser(request), request.body, token, actorOf(request));
      return reply.status(204).send(null);
    },
  );

  const admin = requireRole('city_admin');
  const userTags = ['users'];

  app.get(
    '/api/users',
    {
      preHandler: admin,
      schema: {
        tags: userTags,
        querystring: userListQuerySchema,
        response: { 200: userPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => service.listUsers(request.query),
  );

  app.post(
    '/api/users',
    {
      preHandler: admin,
      schema: {
        tags: userTags,
        body: createUserBodySchema,
        response: { 201: userSummarySchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createUser(request.body, actorOf(request))),
  );

  app.patch(
    '/api/users/:id/active',
    {
      preHandler: admin,
      schema: {
        tags: userTags,
        params: z.object({ id: z.uuid() }),
        body: setUserActiveBodySchema,
        response: { 200: userSummarySchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => service.setUserActive(request.params.id, request.body.active, actorOf(request)),
  );
};
