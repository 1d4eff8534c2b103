export { identityRoutes } from './identity.routes.ts';
export { createIdentityService, type IdentityService } from './identity.service.ts';
export { users } from './identity.schema.ts';
export { seedDemoAccounts, DEMO_ACCOUNTS, DEMO_PASSWORD } from './identity.seed.ts';
