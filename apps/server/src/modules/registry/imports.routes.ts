import fastifyMultipart from '@fastify/multipart';
import { importAcceptedSchema, importJobSchema, importQuerySchema, type ImportKind } from '@hoptac/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, currentUser, requireRole } from '../../kernel/auth.ts';
import { AppError, validationFailed } from '../../kernel/errors.ts';
import { errorResponses } from '../../kernel/route-schema.ts';
import { createImportsService, MAX_IMPORT_BYTES } from './imports.service.ts';
import type { RegistryDeps } from './registry.deps.ts';
import { FILE_NAMES } from './xlsx-columns.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** How long a file part may stay open after the request body has ended (a body cut off mid-part). */
const UNFINISHED_PART_MS = 2000;

/**
 * The one file of a multipart request. Malformed bodies are the client's fault (400), and a body
 * that ends inside the file part, which the parser never closes, is cut off rather than left hanging.
 */
async function receiveFile(request: FastifyRequest) {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data');
  const file = await request.file().catch((err: { statusCode?: number; message?: string }) => {
    if (err.statusCode) throw err;
    throw validationFailed(['body'], err.message ?? 'Malformed multipart body', 'malformed_multipart');
  });
  if (!file) throw validationFailed(['body', 'file'], 'A file is required', 'required');
  // The parser leaves such a part open (destroyed, never closed): abort the copy instead of waiting on it.
  const abort = new AbortController();
  const cutOff = () => {
    const timer = setTimeout(() => {
      if (!file.file.readableEnded)
        abort.abort(validationFailed(['body', 'file'], 'The file part is incomplete', 'incomplete'));
    }, UNFINISHED_PART_MS);
    file.file.once('end', () => clearTimeout(timer));
  };
  if (request.raw.readableEnded) cutOff();
  else request.raw.once('end', cutOff);
  return { file, signal: abort.signal };
}

/** Templates, XLSX imports and their progress: officials only (city admins anywhere, officers in their communes). */
export const importsRoutes: FastifyPluginAsyncZod<RegistryDeps> = async (app, deps) => {
  const service = createImportsService({
    db: deps.db,
    now: deps.now,
    logError: (err, msg) => app.log.error({ err }, msg),
  });
  // An import still running finishes before the database closes.
  app.addHook('onClose', async () => service.drain());
  // Encapsulated in this plugin: only the import route accepts multipart bodies, one file, bounded.
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 50 },
  });
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
      const { file, signal } = await receiveFile(request);
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
