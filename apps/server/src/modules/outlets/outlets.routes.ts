import {
  addStockBodySchema,
  closeOutletBodySchema,
  createOutletBodySchema,
  outletListQuerySchema,
  outletPageSchema,
  outletSchema,
  pageQuerySchema,
  publicOutletListQuerySchema,
  publicOutletPageSchema,
  stockableProductPageSchema,
  stockableProductQuerySchema,
  stockedProductPageSchema,
  updateOutletBodySchema,
} from '@hoptac/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, currentUser, requireRole } from '../../kernel/auth.ts';
import { errorResponses } from '../../kernel/route-schema.ts';
import { OUTLET_ROLES } from './outlets.access.ts';
import type { OutletsService } from './outlets.service.ts';

const idParams = z.object({ id: z.uuid() });

/** Outlets: the public list, and keeping them and their stock (city admins, outlet operators). */
export const outletsRoutes: FastifyPluginAsyncZod<{ outlets: OutletsService }> = async (app, { outlets }) => {
  const tags = ['outlets'];
  const preHandler = requireRole(...OUTLET_ROLES);
  const outlet = { 200: outletSchema, ...errorResponses(400, 401, 403, 404, 409) };
  const stock = { 200: stockedProductPageSchema, ...errorResponses(400, 401, 403, 404, 409) };

  app.get(
    '/api/public/outlets',
    {
      schema: {
        tags,
        querystring: publicOutletListQuerySchema,
        response: { 200: publicOutletPageSchema, ...errorResponses(400) },
      },
    },
    async (request) => outlets.listPublicOutlets(request.query),
  );

  app.get(
    '/api/outlets',
    {
      preHandler,
      schema: {
        tags,
        querystring: outletListQuerySchema,
        response: { 200: outletPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => outlets.list(currentUser(request), request.query),
  );

  app.post(
    '/api/outlets',
    {
      preHandler,
      schema: { tags, body: createOutletBodySchema, response: { 201: outletSchema, ...errorResponses(400, 401, 403) } },
    },
    async (request, reply) =>
      reply.status(201).send(await outlets.create(currentUser(request), request.body, actorOf(request))),
  );

  app.get(
    '/api/outlets/stockable-products',
    {
      preHandler,
      schema: {
        tags,
        querystring: stockableProductQuerySchema,
        response: { 200: stockableProductPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => outlets.stockable(request.query),
  );

  app.get('/api/outlets/:id', { preHandler, schema: { tags, params: idParams, response: outlet } }, async (request) =>
    outlets.get(currentUser(request), request.params.id),
  );

  app.patch(
    '/api/outlets/:id',
    { preHandler, schema: { tags, params: idParams, body: updateOutletBodySchema, response: outlet } },
    async (request) => outlets.update(currentUser(request), request.params.id, request.body, actorOf(request)),
  );

  app.post(
    '/api/outlets/:id/close',
    { preHandler, schema: { tags, params: idParams, body: closeOutletBodySchema, response: outlet } },
    async (request) => outlets.close(currentUser(request), request.params.id, request.body.closedOn, actorOf(request)),
  );

  app.get(
    '/api/outlets/:id/products',
    { preHandler, schema: { tags, params: idParams, querystring: pageQuerySchema, response: stock } },
    async (request) => outlets.stock(currentUser(request), request.params.id, request.query),
  );

  app.post(
    '/api/outlets/:id/products',
    { preHandler, schema: { tags, params: idParams, body: addStockBodySchema, response: stock } },
    async (request) =>
      outlets.addStock(currentUser(request), request.params.id, request.body.productId, actorOf(request)),
  );

  app.delete(
    '/api/outlets/:id/products/:productId',
    {
      preHandler,
      schema: {
        tags,
        params: idParams.extend({ productId: z.uuid() }),
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id, productId } = request.params;
      await outlets.removeStock(currentUser(request), id, productId, actorOf(request));
      return reply.status(204).send(null);
    },
  );
};
