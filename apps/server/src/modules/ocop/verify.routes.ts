import {
  LOT_MAX_LENGTH,
  parseDigitalLinkPath,
  scanAnomalyPageSchema,
  scanAnomalyQuerySchema,
  verifyPagePath,
  verifyResultSchema,
  verifyScanQuerySchema,
  type VerifyResult,
  type VerifyScanQuery,
} from '@hoptac/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../kernel/auth.ts';
import { AppError, validationFailed } from '../../kernel/errors.ts';
import { errorResponses } from '../../kernel/route-schema.ts';
import type { ScanContext, VerifyService } from './verify.service.ts';

const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
const scanOf = (request: FastifyRequest, q: VerifyScanQuery): ScanContext => ({
  userAgent: request.headers['user-agent'],
  lat: q.lat,
  lng: q.lng,
  province: q.province,
});
/** Machines ask for the linkset (or JSON); browsers get the page. */
const wantsLinkset = (request: FastifyRequest) => /application\/(linkset\+)?json/.test(request.headers.accept ?? '');
const wildcard = z.object({ '*': z.string().min(1).max(200) });
/**
 * The still-encoded path after a prefix: a lot may hold an escaped "/" (`10/ABC%2F123`), which
 * the router's decoded wildcard would turn into a path separator.
 */
const rawTail = (request: FastifyRequest, prefix: string) => request.url.split('?', 1)[0]!.slice(prefix.length);
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/** The page for people: the certificate's number when the code resolved, else the code itself (an "unknown" page). */
const pageOf = (result: VerifyResult) => verifyPagePath(result.certificate?.number ?? result.code);

/**
 * Public verification of QR codes (GS1 Digital Link, short codes, certificate numbers), the QR
 * images, and the cloned-label anomalies for the city. Answers are live: never cached.
 */
export const verifyRoutes: FastifyPluginAsyncZod<{ verify: VerifyService }> = async (app, { verify }) => {
  const tags = ['verify'];

  app.get(
    '/api/public/verify/*',
    {
      schema: {
        tags,
        params: wildcard,
        querystring: verifyScanQuerySchema,
        response: { 200: verifyResultSchema, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return verify.verifyCode(rawTail(request, '/api/public/verify/'), scanOf(request, request.query));
    },
  );

  /** The Digital Link path itself: a linkset for machines, the verify page for people. */
  async function resolveDigitalLink(request: FastifyRequest, reply: FastifyReply, path: string, q: VerifyScanQuery) {
    noStore(reply);
    if (!parseDigitalLinkPath(path)) {
      if (wantsLinkset(request)) throw validationFailed(['params', 'gtin14'], 'Not a GS1 Digital Link', 'invalid_gtin');
      return reply.redirect(verifyPagePath(path), 307);
    }
    const result = await verify.verifyCode(path, scanOf(request, q));
    if (!wantsLinkset(request)) return reply.redirect(pageOf(result), 307);
    if (!result.product) throw new AppError('NOT_FOUND', 'No product has this GTIN');
    return reply.type('application/linkset+json').send(JSON.stringify(verify.buildLinkset(result, originOf(request))));
  }

  const gtinParams = z.object({ gtin14: z.string().max(20) });
  app.get(
    '/01/:gtin14',
    { schema: { tags, params: gtinParams, querystring: verifyScanQuerySchema } },
    async (request, reply) => resolveDigitalLink(request, reply, `01/${request.params.gtin14}`, request.query),
  );
  app.get(
    '/01/:gtin14/10/:lot',
    {
      schema: {
        tags,
        params: gtinParams.extend({ lot: z.string().max(LOT_MAX_LENGTH) }),
        querystring: verifyScanQuerySchema,
      },
    },
    async (request, reply) => {
      const { gtin14, lot } = request.params;
      return resolveDigitalLink(request, reply, `01/${gtin14}/10/${encodeURIComponent(lot)}`, request.query);
    },
  );

  app.get(
    '/v/:code',
    { schema: { tags, params: z.object({ code: z.string().max(40) }), querystring: verifyScanQuerySchema } },
    async (request, reply) => {
      const result = await verify.verifyCode(request.params.code, scanOf(request, request.query));
      return noStore(reply).redirect(pageOf(result), 307);
    },
  );

  app.get(
    '/api/public/qr/*',
    { schema: { tags, params: wildcard, response: errorResponses(400, 404) } },
    async (request, reply) => {
      const match = /^(.+)\.(svg|png)$/.exec(rawTail(request, '/api/public/qr/'));
      if (!match) throw validationFailed(['params', '*'], 'Ask for {code}.svg or {code}.png', 'bad_format');
      const format = match[2] as 'svg' | 'png';
      const image = await verify.qrImage(match[1]!, format, originOf(request));
      return noStore(reply)
        .type(format === 'svg' ? 'image/svg+xml' : 'image/png')
        .send(image);
    },
  );

  app.get(
    '/api/ocop/scan-anomalies',
    {
      preHandler: requireRole('city_admin'),
      schema: {
        tags,
        querystring: scanAnomalyQuerySchema,
        response: { 200: scanAnomalyPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => verify.listAnomalies(request.query),
  );
};
