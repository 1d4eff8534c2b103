import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../db/client.ts';
import { createVerifyService } from '../ocop/index.ts';
import { createOutletsService } from '../outlets/index.ts';
import { createPublicAssets } from './assets.ts';
import { catalogApiRoutes } from './catalog.routes.ts';
import { createCatalogService } from './catalog.service.ts';
import { pagesRoutes } from './pages.routes.tsx';

export type CatalogDeps = {
  db: Db;
  now?: () => Date;
  publicBaseUrl?: string | null;
  /** Map tiles of the outlets page ({z}/{x}/{y} template). */
  mapTileUrl: string;
};

/** The public catalogue: search and profile JSON under /api/public, and the server-rendered public pages. */
export const catalogRoutes: FastifyPluginAsync<CatalogDeps> = async (app, deps) => {
  const now = deps.now ?? (() => new Date());
  const catalog = createCatalogService({ db: deps.db, now });
  await app.register(catalogApiRoutes, { catalog });
  await app.register(pagesRoutes, {
    catalog,
    outlets: createOutletsService({ db: deps.db, now }),
    verify: createVerifyService({ db: deps.db, now, publicBaseUrl: deps.publicBaseUrl }),
    assets: createPublicAssets(),
    mapTileUrl: deps.mapTileUrl,
    publicBaseUrl: deps.publicBaseUrl ?? null,
    now,
  });
};

export { seedDemoCatalog } from './catalog.seed.ts';
