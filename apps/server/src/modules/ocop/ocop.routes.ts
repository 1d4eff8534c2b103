import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../db/client.ts';
import { createProductsService } from './products.service.ts';
import { productsRoutes } from './products.routes.ts';
import { createRubricsService } from './rubrics.service.ts';
import { rubricsRoutes } from './rubrics.routes.ts';

/** Every OCOP route: scoring sheets, score preview, products and self-assessments. */
export const ocopRoutes: FastifyPluginAsync<{ db: Db; now?: () => Date }> = async (app, deps) => {
  const rubrics = createRubricsService(deps.db);
  await app.register(rubricsRoutes, { rubrics });
  await app.register(productsRoutes, { products: createProductsService({ ...deps, rubrics }) });
};
