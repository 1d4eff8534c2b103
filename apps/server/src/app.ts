import fs from 'node:fs';
import path from 'node:path';
import { healthSchema } from '@hoptac/core';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { DEFAULT_MAP_TILE_URL, type AppConfig } from './config.ts';
import type { Database } from './db/client.ts';
import { registerAuth } from './kernel/auth.ts';
import { AppError, notFoundBody, registerErrorHandling } from './kernel/errors.ts';
import { auditRoutes, createAuditService } from './modules/audit/index.ts';
import { catalogRoutes } from './modules/catalog/index.ts';
import { createIdentityService, identityRoutes } from './modules/identity/index.ts';
import { createPlacesService, placesRoutes } from './modules/places/index.ts';
import { ocopRoutes } from './modules/ocop/index.ts';
import { createOutletsService, outletsRoutes } from './modules/outlets/index.ts';
import { plansRoutes } from './modules/plans/index.ts';
import { registryRoutes } from './modules/registry/index.ts';

export type AppDeps = {
  database: Database;
  config: Pick<
    AppConfig,
    'sessionTtlHours' | 'loginRateLimit' | 'cookieSecure' | 'webDist' | 'logLevel' | 'trustProxy'
  > &
    Partial<Pick<AppConfig, 'publicBaseUrl' | 'mapTileUrl'>>;
  now?: () => Date;
};

/** Builds the whole application without listening: main.ts listens, tests use inject(). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { database, config } = deps;
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    bodyLimit: 1_048_576,
    genReqId: () => crypto.randomUUID(),
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    hook: 'preHandler',
    errorResponseBuilder: () => new AppError('RATE_LIMITED', 'Too many attempts, try again in a minute'),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Hoptac API', version: '0.1.0', description: 'Cooperative economy and OCOP platform' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'hoptac_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const identity = createIdentityService({ db: database.db, sessionTtlHours: config.sessionTtlHours, now: deps.now });
  registerAuth(app, (token) => identity.resolveSession(token));

  app.get('/api/health', { schema: { tags: ['system'], response: { 200: healthSchema } } }, async () => ({
    status: 'ok' as const,
    database: database.kind,
  }));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(identityRoutes, {
    service: identity,
    cookieSecure: config.cookieSecure,
    loginRateLimit: config.loginRateLimit,
  });
  await app.register(placesRoutes, { service: createPlacesService(database.db) });
  await app.register(auditRoutes, { service: createAuditService(database.db) });
  await app.register(registryRoutes, { db: database.db, now: deps.now });
  await app.register(ocopRoutes, { db: database.db, now: deps.now, publicBaseUrl: config.publicBaseUrl ?? null });
  await app.register(outletsRoutes, { outlets: createOutletsService({ db: database.db, now: deps.now }) });

  await app.register(catalogRoutes, {
    db: database.db,
    now: deps.now,
    publicBaseUrl: config.publicBaseUrl ?? null,
    mapTileUrl: config.mapTileUrl ?? DEFAULT_MAP_TILE_URL,
  });
  await app.register(plansRoutes, { db: database.db, now: deps.now });

  await registerWeb(app, config.webDist);
  return app;
}

/**
 * Serves the built SPA. Unknown /api paths and missing files stay 404s; any other GET
 * is a client-side route and gets index.html. Hashed assets are cached for good, the page never.
 */
async function registerWeb(app: FastifyInstance, webDist: string) {
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      index: false,
      setHeaders: (res, filePath) => {
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const sendPage = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
  // The static wildcard would answer "/" as a directory; the home page is the app.
  if (hasWeb) app.get('/', { schema: { hide: true } }, (_request, reply) => sendPage(reply));
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    const isFile = /\.[a-z0-9]+$/i.test(pathname);
    const wantsPage = hasWeb && request.method === 'GET' && !pathname.startsWith('/api') && !isFile;
    if (wantsPage) return sendPage(reply);
    return reply.status(404).send(notFoundBody(request.id));
  });
}
