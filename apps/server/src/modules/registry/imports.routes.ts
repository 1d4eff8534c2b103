import { importAcceptedSchema, importJobSchema, importQuerySchema, type ImportKind } from '@hoptac/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, currentUser, requireRole } from '../../kernel/auth.ts';
import { errorResponses } from '../../kernel/route-schema.ts';
import { acceptUploads, receiveFileStream } from '../../kernel/uploads.ts';
import { createImportsService, HEARTBEAT_MS, MAX_IMPORT_BYTES } from './imports.service.ts';
import type { RegistryDeps } from './registry.deps.ts';
import { FILE_NAMES } from './xlsx-columns.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Templates, XLSX imports and their progress: officials only (city admins anywhere, officers in their communes). */
export const importsRoutes: FastifyPluginAsyncZod<RegistryDeps> = async (app, deps) => {
  const service = createImportsService({
    db: deps.db,
    now: deps.now,
    logError: (err, msg) => app.log.error({ err }, msg),
  });
  // Imports cut off by a restart are closed at startup; while this process runs, it keeps its own
  // imports' heartbeat up and closes those another process left behind.
  const logSweep = (err: unknown) => app.log.error({ err }, 'registry import heartbeat failed');
  app.addHook('onReady', async () => void (await service.closeInterrupted()));
  const beat = setInterval(
    () => void service.heartbeat().then(service.closeInterrupted).catch(logSweep),
    HEARTBEAT_MS,
  ).unref();
  // An import still running finishes before the database closes.
  app.addHook('onClose', async () => {
    clearInterval(beat);
    await service.drain();
  });
  // Encapsulated in this plugin: only the import route accepts multipart bodies, one file, bounded.
  await acceptUploads(app, { maxBytes: MAX_IMPORT_BYTES });
  const tags = ['registry'];
  const officials = requireRole('city_admin', 'commune_officer');

  const templates: [string, ImportKind][] = [
    ['/api/registry/templates/entities.xlsx', 'entities'],
    ['/api/registry/templates/annual-reports.xlsx', 'annual-reports'],
  ];
  for (const [url, kind] of templates) {
    app.get(
      url,
      { preHandler: officials, schema: { tags, response: errorResponses(401, 403) } },
      async (_request, reply: FastifyReply) =>
        reply
          .type(XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${FILE_NAMES[kind]}"`)
          .header('cache-control', 'no-cache')
          .send(await service.template(kind)),
    );
  }

  app.post(
    '/api/registry/imports',
    {
      preHandler: officials,
      schema: {
        tags,
        description: 'multipart/form-data with one file field holding an .xlsx filled from the template',
        querystring: importQuerySchema,
        response: { 202: importAcceptedSchema, ...errorResponses(400, 401, 403, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const { file, signal } = await receiveFileStream(request);
      const { kind, acknowledgeDuplicates } = request.query;
      const fileName = file.filename || 'import.xlsx';
      const upload = { kind, acknowledgeDuplicates, fileName, stream: file.file, signal };
      return reply.status(202).send(await service.start(currentUser(request), actorOf(request), upload));
    },
  );

  app.get(
    '/api/registry/imports/:id',
    {
      preHandler: officials,
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        response: { 200: importJobSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => service.get(currentUser(request), request.params.id),
  );
};
