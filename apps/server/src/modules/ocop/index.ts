export { ocopRoutes } from './ocop.routes.ts';
export { syncShippedRubrics } from './rubrics.reference.ts';
