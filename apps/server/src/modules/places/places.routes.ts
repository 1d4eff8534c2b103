import {
  schemeInfoSchema,
  unitDetailSchema,
  unitListQuerySchema,
  unitPageSchema,
  unitParamsSchema,
  unitSchema,
} from '@hoptac/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../kernel/route-schema.ts';
import type { PlacesService } from './places.service.ts';

// Administrative units are public reference data: no guard on these reads.
export const placesRoutes: FastifyPluginAsyncZod<{ service: PlacesService }> = async (app, { service }) => {
  const tags = ['places'];

  app.get('/api/places/schemes', { schema: { tags, response: { 200: z.array(schemeInfoSchema) } } }, async () =>
    service.listSchemes(),
  );

  app.get(
    '/api/places/units',
    { schema: { tags, querystring: unitListQuerySchema, response: { 200: unitPageSchema, ...errorResponses(400) } } },
    async (request) => service.listUnits(request.query),
  );

  app.get(
    '/api/places/units/:scheme/:code',
    { schema: { tags, params: unitParamsSchema, response: { 200: unitSchema, ...errorResponses(400, 404) } } },
    async (request) => service.getUnit(request.params.scheme, request.params.code),
  );

  app.get(
    '/api/places/units/:scheme/:code/detail',
    { schema: { tags, params: unitParamsSchema, response: { 200: unitDetailSchema, ...errorResponses(400, 404) } } },
    async (request) => service.getUnitDetail(request.params.scheme, request.params.code),
  );
};
