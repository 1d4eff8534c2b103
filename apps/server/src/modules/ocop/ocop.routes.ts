import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../db/client.ts';
import { createCertificatesService } from './certificates.service.ts';
import { certificatesRoutes } from './certificates.routes.ts';
import { certifiedImportRoutes } from './certified-import.routes.ts';
import { createCertifiedImportService } from './certified-import.service.ts';
import { createDossiersService } from './dossiers.service.ts';
import { dossiersRoutes } from './dossiers.routes.ts';
import { createEvidenceService } from './evidence.service.ts';
import { evidenceRoutes } from './evidence.routes.ts';
import { createProductPhotosService } from './product-photos.service.ts';
import { createRemindersService } from './reminders.service.ts';
import { remindersRoutes } from './reminders.routes.ts';
import { productPhotosRoutes } from './product-photos.routes.ts';
import { createProductsService } from './products.service.ts';
import { productsRoutes } from './products.routes.ts';
import { createRoundsService } from './rounds.service.ts';
import { roundsRoutes } from './rounds.routes.ts';
import { createRubricsService } from './rubrics.service.ts';
import { rubricsRoutes } from './rubrics.routes.ts';
import { createScoringService } from './scoring.service.ts';
import { scoringRoutes } from './scoring.routes.ts';
import { createVerifyService } from './verify.service.ts';
import { verifyRoutes } from './verify.routes.ts';

export type OcopDeps = {
  db: Db;
  now?: () => Date;
  /** Public address of the site, for the certificate QR code; the request's origin when absent. */
  publicBaseUrl?: string | null;
};

/**
 * Every OCOP route: scoring sheets, score preview, products and self-assessments, evaluation
 * rounds and councils, dossiers, blind scoring, results, decisions and certificates.
 */
export const ocopRoutes: FastifyPluginAsync<OcopDeps> = async (app, deps) => {
  const { db, now } = deps;
  const rubrics = createRubricsService(db);
  const dossiers = createDossiersService({ db, rubrics, now });
  await app.register(rubricsRoutes, { rubrics });
  await app.register(productsRoutes, { products: createProductsService({ db, rubrics, now }) });
  await app.register(roundsRoutes, { rounds: createRoundsService({ db, now }) });
  await app.register(dossiersRoutes, { dossiers });
  await app.register(scoringRoutes, { scoring: createScoringService({ db, rubrics, dossiers, now }) });
  await app.register(evidenceRoutes, { evidence: createEvidenceService({ db, rubrics, now }) });
  await app.register(productPhotosRoutes, { photos: createProductPhotosService({ db }) });
  // Reading notifications needs no mailer: the daily sweep (reminders.schedule.ts) sends.
  await app.register(remindersRoutes, { reminders: createRemindersService({ db, mailer: null, now }) });
  const verify = createVerifyService({ db, now, publicBaseUrl: deps.publicBaseUrl });
  await app.register(certificatesRoutes, {
    certificates: createCertificatesService({ db, rubrics, now, publicBaseUrl: deps.publicBaseUrl, verify }),
  });
  await app.register(verifyRoutes, { verify });
  await app.register(certifiedImportRoutes, {
    certifiedImport: createCertifiedImportService({ db, rubrics, now }),
  });
};
