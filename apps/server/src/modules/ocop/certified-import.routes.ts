import { certifiedImportResultSchema } from '@hoptac/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, currentUser, requireRole } from '../../kernel/auth.ts';
import { errorResponses } from '../../kernel/route-schema.ts';
import { acceptUploads, contentDisposition, receiveFileStream } from '../../kernel/uploads.ts';
import { CERTIFIED_IMPORT_FILE_NAME } from './certified-import.columns.ts';
import { MAX_CERTIFIED_IMPORT_BYTES, type CertifiedImportService } from './certified-import.service.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Products certified before the platform, imported by a city admin from XLSX (template, then upload). */
export const certifiedImportRoutes: FastifyPluginAsyncZod<{ certifiedImport: CertifiedImportService }> = async (
  app,
  { certifiedImport },
) => {
  // Encapsulated in this plugin: only the import route accepts a multipart body, one bounded file.
  await acceptUploads(app, { maxBytes: MAX_CERTIFIED_IMPORT_BYTES });
  const tags = ['ocop'];
  const admin = requireRole('city_admin');

  app.get(
    '/api/ocop/certified-imports/template.xlsx',
    { preHandler: admin, schema: { tags, response: errorResponses(401, 403) } },
    async (_request, reply: FastifyReply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition('attachment', CERTIFIED_IMPORT_FILE_NAME))
        .header('cache-control', 'no-cache')
        .send(await certifiedImport.template()),
  );

  app.post(
    '/api/ocop/certified-imports',
    {
      preHandler: admin,
      schema: {
        tags,
        description:
          'multipart/form-data with one file field holding an .xlsx filled from the template; all rows are written or none (400 IMPORT_ROWS_INVALID with the row report)',
        response: { 200: certifiedImportResultSchema, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request) => {
      const { file, signal } = await receiveFileStream(request);
      const upload = { fileName: file.filename || 'import.xlsx', stream: file.file, signal };
      return certifiedImport.import(currentUser(request), actorOf(request), upload);
    },
  );
};
