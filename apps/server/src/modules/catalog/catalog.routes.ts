import {
  catalogProducerQuerySchema,
  catalogProducerSchema,
  catalogProductSchema,
  catalogSearchQuerySchema,
  catalogSearchResultSchema,
  catalogSuggestQuerySchema,
  catalogSuggestResultSchema,
} from '@hoptac/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../kernel/route-schema.ts';
import type { CatalogService } from './catalog.service.ts';

const idParams = z.object({ id: z.uuid() });

/** The public catalogue's JSON: no account, public facts only (the response schemas drop the rest). */
export const catalogApiRoutes: FastifyPluginAsyncZod<{ catalog: CatalogService }> = async (app, { catalog }) => {
  const tags = ['catalog'];

  app.get(
    '/api/public/products',
    {
      schema: {
        tags,
        querystring: catalogSearchQuerySchema,
        response: { 200: catalogSearchResultSchema, ...errorResponses(400) },
      },
    },
    async (request) => catalog.search(request.query),
  );

  app.get(
    '/api/public/suggest',
    {
      schema: {
        tags,
        querystring: catalogSuggestQuerySchema,
        response: { 200: catalogSuggestResultSchema, ...errorResponses(400) },
      },
    },
    async (request) => catalog.suggest(request.query.q),
  );

  app.get(
    '/api/public/products/:id',
    { schema: { tags, params: idParams, response: { 200: catalogProductSchema, ...errorResponses(400, 404) } } },
    async (request) => catalog.product(request.params.id),
  );

  app.get(
    '/api/public/producers/:id',
    {
      schema: {
        tags,
        params: idParams,
        querystring: catalogProducerQuerySchema,
        response: { 200: catalogProducerSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => catalog.producer(request.params.id, request.query),
  );
};
