import {
  ocopCertificateListQuerySchema,
  ocopCertificateNumberSchema,
  ocopCertificatePageSchema,
  ocopCertificateSchema,
  ocopCertificateVerificationSchema,
  recordOcopDecisionBodySchema,
  revokeOcopCertificateBodySchema,
} from '@hoptac/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, currentUser, requireRole } from '../../kernel/auth.ts';
import { errorResponses } from '../../kernel/route-schema.ts';
import type { CertificatesService } from './certificates.service.ts';

const idParams = z.object({ id: z.uuid() });
const numberParams = z.object({ number: ocopCertificateNumberSchema });

const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

function sendPdf(reply: FastifyReply, file: { filename: string; bytes: Uint8Array }) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(Buffer.from(file.bytes));
}

/** Decisions, certificates, their PDF and the public verification behind the QR code. */
export const certificatesRoutes: FastifyPluginAsyncZod<{ certificates: CertificatesService }> = async (
  app,
  { certificates },
) => {
  const tags = ['ocop'];
  const admin = requireRole('city_admin');
  const holders = requireRole('city_admin', 'commune_officer', 'entity_member');
  const certificate = { 200: ocopCertificateSchema, ...errorResponses(400, 401, 403, 404, 409) };

  app.post(
    '/api/ocop/dossiers/:id/decision',
    {
      preHandler: admin,
      schema: {
        tags,
        params: idParams,
        body: recordOcopDecisionBodySchema,
        response: { 201: ocopCertificateSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await certificates.decide(currentUser(request), request.params.id, request.body, actorOf(request))),
  );

  app.get(
    '/api/ocop/certificates',
    {
      preHandler: holders,
      schema: {
        tags,
        querystring: ocopCertificateListQuerySchema,
        response: { 200: ocopCertificatePageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => certificates.list(currentUser(request), request.query),
  );

  app.get(
    '/api/ocop/certificates/:number',
    { preHandler: holders, schema: { tags, params: numberParams, response: certificate } },
    async (request) => certificates.get(currentUser(request), request.params.number),
  );

  app.get(
    '/api/ocop/certificates/:number/pdf',
    {
      preHandler: holders,
      schema: {
        tags,
        params: numberParams,
        response: errorResponses(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      return sendPdf(reply, await certificates.pdf(currentUser(request), request.params.number, originOf(request)));
    },
  );

  app.get(
    '/api/ocop/certificates/:number/verify',
    {
      schema: {
        tags,
        params: numberParams,
        response: { 200: ocopCertificateVerificationSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => certificates.verify(request.params.number),
  );

  app.post(
    '/api/ocop/certificates/:number/revoke',
    {
      preHandler: admin,
      schema: { tags, params: numberParams, body: revokeOcopCertificateBodySchema, response: certificate },
    },
    async (request) =>
      certificates.revoke(currentUser(request), request.params.number, request.body.reason, actorOf(request)),
  );
};
