import { entityListQuerySchema, reportYearSchema } from '@hoptac/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser, requireRole } from '../../kernel/auth.ts';
import { errorResponses } from '../../kernel/route-schema.ts';
import { createExportsService, type ExportFile, type ExportFormat } from './exports.service.ts';
import type { RegistryDeps } from './registry.deps.ts';

/** The list's filters, every matching row: no paging or sorting (rows come in id order). */
const entityExportQuerySchema = entityListQuerySchema.omit({ page: true, pageSize: true, sort: true });

function sendFile(reply: FastifyReply, file: ExportFile) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

/** Streamed XLSX/CSV exports of the register and of a year's reports: officials only, scoped like the list. */
export const exportsRoutes: FastifyPluginAsyncZod<RegistryDeps> = async (app, deps) => {
  const service = createExportsService(deps);
  const tags = ['registry'];
  const officials = requireRole('city_admin', 'commune_officer');

  for (const format of ['xlsx', 'csv'] as ExportFormat[]) {
    app.get(
      `/api/entities/export.${format}`,
      {
        preHandler: officials,
        schema: { tags, querystring: entityExportQuerySchema, response: errorResponses(400, 401, 403) },
      },
      async (request, reply) => sendFile(reply, service.entities(currentUser(request), request.query, format)),
    );
  }

  app.get(
    '/api/annual-reports/export.xlsx',
    {
      preHandler: officials,
      schema: { tags, querystring: z.object({ year: reportYearSchema }), response: errorResponses(400, 401, 403) },
    },
    async (request, reply) => sendFile(reply, service.reports(currentUser(request), request.query.year)),
  );
};
