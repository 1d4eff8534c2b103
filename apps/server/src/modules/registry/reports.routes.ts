import {
  annualReportSchema,
  completenessQuerySchema,
  completenessSchema,
  missingReportPageSchema,
  missingReportsQuerySchema,
  reportActionBodySchema,
  reportDeadlineSchema,
  reportInputSchema,
  reportYearSchema,
  setDeadlineBodySchema,
} from '@hoptac/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, currentUser, requireRole, requireUser } from '../../kernel/auth.ts';
import { errorResponses } from '../../kernel/route-schema.ts';
import { createReportProgressService } from './reports-progress.service.ts';
import { createReportsService } from './reports.service.ts';
import type { RegistryDeps } from './registry.deps.ts';

const entityParams = z.object({ id: z.uuid() });
const reportParams = z.object({ id: z.uuid(), year: reportYearSchema });
const yearParams = z.object({ year: reportYearSchema });

/** Annual reports: per-entity drafting and workflow, deadlines, and the city's completeness views. */
export const reportsRoutes: FastifyPluginAsyncZod<RegistryDeps> = async (app, deps) => {
  const reports = createReportsService(deps);
  const progress = createReportProgressService(deps);
  const tags = ['annual-reports'];
  const officials = requireRole('city_admin', 'commune_officer');
  // Entity members see the due date they report against; other roles have no business here.
  const reporters = requireRole('city_admin', 'commune_officer', 'entity_member');

  // Finer rules (whose entity, which step) are decided per report in the service.
  app.get(
    '/api/entities/:id/reports',
    {
      preHandler: requireUser,
      schema: {
        tags,
        params: entityParams,
        response: { 200: z.array(annualReportSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => reports.list(currentUser(request), request.params.id),
  );

  app.get(
    '/api/entities/:id/reports/:year',
    {
      preHandler: requireUser,
      schema: {
        tags,
        params: reportParams,
        response: { 200: annualReportSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => reports.get(currentUser(request), request.params.id, request.params.year),
  );

  app.put(
    '/api/entities/:id/reports/:year',
    {
      preHandler: requireUser,
      schema: {
        tags,
        params: reportParams,
        body: reportInputSchema,
        response: { 200: annualReportSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      reports.save(currentUser(request), request.params.id, request.params.year, request.body, actorOf(request)),
  );

  app.post(
    '/api/entities/:id/reports/:year/actions',
    {
      preHandler: requireUser,
      schema: {
        tags,
        params: reportParams,
        body: reportActionBodySchema,
        response: { 200: annualReportSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      reports.act(currentUser(request), request.params.id, request.params.year, request.body, actorOf(request)),
  );

  app.get(
    '/api/annual-reports/deadlines/:year',
    {
      preHandler: reporters,
      schema: { tags, params: yearParams, response: { 200: reportDeadlineSchema, ...errorResponses(400, 401, 403) } },
    },
    async (request) => progress.getDeadline(request.params.year),
  );

  app.put(
    '/api/annual-reports/deadlines/:year',
    {
      preHandler: requireRole('city_admin'),
      schema: {
        tags,
        params: yearParams,
        body: setDeadlineBodySchema,
        response: { 200: reportDeadlineSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => progress.setDeadline(request.params.year, request.body.dueDate, actorOf(request)),
  );

  app.get(
    '/api/annual-reports/completeness',
    {
      preHandler: officials,
      schema: {
        tags,
        querystring: completenessQuerySchema,
        response: { 200: completenessSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => progress.completeness(currentUser(request), request.query.year),
  );

  app.get(
    '/api/annual-reports/missing',
    {
      preHandler: officials,
      schema: {
        tags,
        querystring: missingReportsQuerySchema,
        response: { 200: missingReportPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => progress.missing(currentUser(request), request.query),
  );
};
