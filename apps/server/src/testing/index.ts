export * from './scratch-postgres.ts';
export * from './test-app.ts';
