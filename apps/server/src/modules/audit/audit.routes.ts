import { auditPageSchema, auditQuerySchema } from '@hoptac/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../../kernel/auth.ts';
import { errorResponses } from '../../kernel/route-schema.ts';
import type { AuditService } from './audit.service.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ service: AuditService }> = async (app, { service }) => {
  app.get(
    '/api/audit',
    {
      preHandler: requireRole('city_admin'),
      schema: {
        tags: ['audit'],
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => service.listEntries(request.query),
  );
};
