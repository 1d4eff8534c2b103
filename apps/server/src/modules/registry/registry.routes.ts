import type { FastifyPluginAsync } from 'fastify';
import { entitiesRoutes } from './entities.routes.ts';
import { exportsRoutes } from './exports.routes.ts';
import { importsRoutes } from './imports.routes.ts';
import { membersRoutes } from './members.routes.ts';
import { reportsRoutes } from './reports.routes.ts';
import type { RegistryDeps } from './registry.deps.ts';

/** Every registry route: entities, members, status, annual reports, imports and exports. */
export const registryRoutes: FastifyPluginAsync<RegistryDeps> = async (app, deps) => {
  await app.register(entitiesRoutes, deps);
  await app.register(membersRoutes, deps);
  await app.register(reportsRoutes, deps);
  await app.register(importsRoutes, deps);
  await app.register(exportsRoutes, deps);
};
