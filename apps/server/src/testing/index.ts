export * from './scratch-postgres.ts';
export * from './test-app.ts';
export * from './registry-fixtures.ts';
export * from './uploads.ts';
