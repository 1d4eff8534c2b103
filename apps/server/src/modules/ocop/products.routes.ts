import {
  createOcopProductBodySchema,
  ocopProductListQuerySchema,
  ocopProductPageSchema,
  ocopProductSchema,
  saveSelfAssessmentBodySchema,
  updateOcopProductBodySchema,
} from '@hoptac/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, currentUser, requireRole } from '../../kernel/auth.ts';
import { errorResponses } from '../../kernel/route-schema.ts';
import { PRODUCT_ROLES } from './products.access.ts';
import type { ProductsService } from './products.service.ts';

const idParams = z.object({ id: z.uuid() });

/** Products put forward for OCOP rating and their self-assessments (producers and officials). */
export const productsRoutes: FastifyPluginAsyncZod<{ products: ProductsService }> = async (app, { products }) => {
  const tags = ['ocop'];
  const preHandler = requireRole(...PRODUCT_ROLES);
  const product = { 200: ocopProductSchema, ...errorResponses(400, 401, 403, 404, 409) };

  app.get(
    '/api/ocop/products',
    {
      preHandler,
      schema: {
        tags,
        querystring: ocopProductListQuerySchema,
        response: { 200: ocopProductPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => products.list(currentUser(request), request.query),
  );

  app.post(
    '/api/ocop/products',
    {
      preHandler,
      schema: {
        tags,
        body: createOcopProductBodySchema,
        response: { 201: ocopProductSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await products.create(currentUser(request), request.body, actorOf(request))),
  );

  app.get(
    '/api/ocop/products/:id',
    { preHandler, schema: { tags, params: idParams, response: product } },
    async (request) => products.get(currentUser(request), request.params.id),
  );

  app.patch(
    '/api/ocop/products/:id',
    { preHandler, schema: { tags, params: idParams, body: updateOcopProductBodySchema, response: product } },
    async (request) => products.update(currentUser(request), request.params.id, request.body, actorOf(request)),
  );

  app.put(
    '/api/ocop/products/:id/self-assessment',
    { preHandler, schema: { tags, params: idParams, body: saveSelfAssessmentBodySchema, response: product } },
    async (request) =>
      products.saveSelfAssessment(currentUser(request), request.params.id, request.body.answers, actorOf(request)),
  );

  app.post(
    '/api/ocop/products/:id/submit',
    { preHandler, schema: { tags, params: idParams, response: product } },
    async (request) => products.submit(currentUser(request), request.params.id, actorOf(request)),
  );
};
