export { plansRoutes } from './plans.routes.ts';
export { seedDemoPlans } from './plans.seed.ts';
