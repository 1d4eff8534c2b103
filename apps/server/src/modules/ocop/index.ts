export { ocopRoutes } from './ocop.routes.ts';
export { syncShippedRubrics } from './rubrics.reference.ts';
export { seedDemoOcopRound } from './ocop.seed.ts';
