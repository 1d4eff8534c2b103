import {
  createPlanBodySchema,
  dashboardQuerySchema,
  dashboardSchema,
  indicatorSchema,
  manualValueBodySchema,
  manualValueListQuerySchema,
  manualValuePageSchema,
  manualValueSchema,
  pageQuerySchema,
  planListQuerySchema,
  planPageSchema,
  planSchema,
  publicPlanPageSchema,
  publicPlanProgressSchema,
  splitTargetBodySchema,
  targetBodySchema,
  targetPageSchema,
  targetRecordPageSchema,
  targetRecordsQuerySchema,
  targetSchema,
  updatePlanBodySchema,
  updateTargetBodySchema,
} from '@hoptac/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, currentUser, requireRole } from '../../kernel/auth.ts';
import { errorResponses } from '../../kernel/route-schema.ts';
import { createDashboardReader, resolveView } from './dashboard.service.ts';
import { createPlansExports, type ExportFile } from './plans.exports.ts';
import { createPlansService, type PlansDeps } from './plans.service.ts';

const planParams = z.object({ id: z.uuid() });
const targetParams = z.object({ id: z.uuid(), targetId: z.uuid() });

function sendFile(reply: FastifyReply, file: ExportFile) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

/** Plans, targets and their live dashboard: city admins manage, commune officers read their communes. */
export const plansRoutes: FastifyPluginAsyncZod<PlansDeps> = async (app, deps) => {
  const service = createPlansService(deps);
  const reader = createDashboardReader(deps);
  const exports = createPlansExports(reader, deps.now ?? (() => new Date()));
  const tags = ['plans'];
  const admin = requireRole('city_admin');
  const officials = requireRole('city_admin', 'commune_officer');
  const read = errorResponses(400, 401, 403, 404);
  const write = errorResponses(400, 401, 403, 404, 409);

  app.get(
    '/api/plans/indicators',
    {
      preHandler: officials,
      schema: { tags, response: { 200: z.array(indicatorSchema), ...errorResponses(401, 403) } },
    },
    async () => service.indicators(),
  );

  app.get(
    '/api/plans',
    {
      preHandler: officials,
      schema: { tags, querystring: planListQuerySchema, response: { 200: planPageSchema, ...read } },
    },
    async (request) => service.list(request.query),
  );

  app.post(
    '/api/plans',
    { preHandler: admin, schema: { tags, body: createPlanBodySchema, response: { 201: planSchema, ...write } } },
    async (request, reply) =>
      reply.status(201).send(await service.create(currentUser(request), request.body, actorOf(request))),
  );

  app.get(
    '/api/plans/:id',
    { preHandler: officials, schema: { tags, params: planParams, response: { 200: planSchema, ...read } } },
    async (request) => service.get(request.params.id),
  );

  app.patch(
    '/api/plans/:id',
    {
      preHandler: admin,
      schema: { tags, params: planParams, body: updatePlanBodySchema, response: { 200: planSchema, ...write } },
    },
    async (request) => service.update(request.params.id, request.body, actorOf(request)),
  );

  app.get(
    '/api/plans/:id/targets',
    { preHandler: officials, schema: { tags, params: planParams, response: { 200: targetPageSchema, ...read } } },
    async (request) => service.targets(request.params.id),
  );

  app.post(
    '/api/plans/:id/targets',
    {
      preHandler: admin,
      schema: { tags, params: planParams, body: targetBodySchema, response: { 201: targetSchema, ...write } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.addTarget(currentUser(request), request.params.id, request.body, actorOf(request))),
  );

  app.patch(
    '/api/plans/:id/targets/:targetId',
    {
      preHandler: admin,
      schema: { tags, params: targetParams, body: updateTargetBodySchema, response: { 200: targetSchema, ...write } },
    },
    async (request) => service.updateTarget(request.params.id, request.params.targetId, request.body, actorOf(request)),
  );

  app.delete(
    '/api/plans/:id/targets/:targetId',
    { preHandler: admin, schema: { tags, params: targetParams, response: { 204: z.null(), ...write } } },
    async (request, reply) => {
      await service.deleteTarget(request.params.id, request.params.targetId, actorOf(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/plans/:id/targets/:targetId/split',
    {
      preHandler: admin,
      schema: {
        tags,
        params: targetParams,
        body: splitTargetBodySchema,
        response: { 200: targetPageSchema, ...write },
      },
    },
    async (request) =>
      service.split(currentUser(request), request.params.id, request.params.targetId, request.body, actorOf(request)),
  );

  app.get(
    '/api/plans/:id/dashboard',
    {
      preHandler: officials,
      schema: {
        tags,
        params: planParams,
        querystring: dashboardQuerySchema,
        response: { 200: dashboardSchema, ...read },
      },
    },
    async (request) => reader.dashboard(request.params.id, resolveView(currentUser(request), request.query.scope)),
  );

  app.get(
    '/api/plans/:id/dashboard.xlsx',
    { preHandler: officials, schema: { tags, params: planParams, querystring: dashboardQuerySchema, response: read } },
    async (request, reply) =>
      sendFile(
        reply,
        await exports.dashboard(request.params.id, resolveView(currentUser(request), request.query.scope)),
      ),
  );

  app.get(
    '/api/plans/:id/targets/:targetId/records',
    {
      preHandler: officials,
      schema: {
        tags,
        params: targetParams,
        querystring: targetRecordsQuerySchema,
        response: { 200: targetRecordPageSchema, ...read },
      },
    },
    async (request) => {
      const { items, total } = await reader.records(
        currentUser(request),
        request.params.id,
        request.params.targetId,
        request.query,
      );
      return { items, total };
    },
  );

  app.get(
    '/api/plans/:id/targets/:targetId/records.xlsx',
    {
      preHandler: officials,
      schema: {
        tags,
        params: targetParams,
        querystring: targetRecordsQuerySchema.pick({ unit: true }),
        response: read,
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await exports.records(currentUser(request), request.params.id, request.params.targetId, request.query.unit),
      ),
  );

  app.get(
    '/api/plans/manual-values',
    {
      preHandler: officials,
      schema: { tags, querystring: manualValueListQuerySchema, response: { 200: manualValuePageSchema, ...read } },
    },
    async (request) => service.manualValues(currentUser(request), request.query),
  );

  app.post(
    '/api/plans/manual-values',
    {
      preHandler: officials,
      schema: { tags, body: manualValueBodySchema, response: { 201: manualValueSchema, ...write } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addManualValue(currentUser(request), request.body, actorOf(request))),
  );

  app.post(
    '/api/plans/manual-values/:id/approve',
    { preHandler: admin, schema: { tags, params: planParams, response: { 200: manualValueSchema, ...write } } },
    async (request) => service.approveManualValue(currentUser(request), request.params.id, actorOf(request)),
  );

  // Public progress: plans that opted in, city figures only.
  app.get(
    '/api/public/plans',
    { schema: { tags, querystring: pageQuerySchema, response: { 200: publicPlanPageSchema, ...errorResponses(400) } } },
    async (request) => reader.publicPlans(request.query),
  );

  app.get(
    '/api/public/plans/:id',
    { schema: { tags, params: planParams, response: { 200: publicPlanProgressSchema, ...errorResponses(400, 404) } } },
    async (request) => reader.publicProgress(request.params.id),
  );
};
