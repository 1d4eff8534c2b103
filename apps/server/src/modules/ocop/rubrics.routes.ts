import { rubricSheetSchema, rubricSummarySchema, scorePreviewBodySchema, scorePreviewResultSchema } from '@hoptac/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../kernel/route-schema.ts';
import type { RubricsService } from './rubrics.service.ts';

const sheetParams = z.object({ id: z.string().regex(/^[a-z0-9-]{3,120}$/) });
const versionQuery = z.object({ version: z.coerce.number().int().min(1).max(10_000).optional() });

/** The scoring sheets and the score preview are public: a producer can try them before signing up. */
export const rubricsRoutes: FastifyPluginAsyncZod<{ rubrics: RubricsService }> = async (app, { rubrics }) => {
  const tags = ['ocop'];

  app.get('/api/ocop/rubrics', { schema: { tags, response: { 200: z.array(rubricSummarySchema) } } }, async () =>
    rubrics.list(),
  );

  app.get(
    '/api/ocop/rubrics/:id',
    {
      schema: {
        tags,
        params: sheetParams,
        querystring: versionQuery,
        response: { 200: rubricSheetSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => rubrics.load(request.params.id, request.query.version),
  );

  app.post(
    '/api/ocop/score-preview',
    {
      schema: {
        tags,
        body: scorePreviewBodySchema,
        response: { 200: scorePreviewResultSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => rubrics.preview(request.body),
  );
};
