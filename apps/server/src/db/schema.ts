// Every table, for drizzle-kit and the typed client. Modules own their tables.
export * from '../kernel/audit.schema.ts';
export * from '../kernel/reference-data.schema.ts';
export * from '../modules/places/places.schema.ts';
export * from '../modules/identity/identity.schema.ts';
export * from '../modules/registry/registry.schema.ts';
export * from '../modules/ocop/ocop.schema.ts';
export * from '../kernel/files.schema.ts';
export * from '../modules/ocop/evidence.schema.ts';
export * from '../modules/plans/plans.schema.ts';
export * from '../modules/ocop/scan-log.schema.ts';
export * from '../modules/outlets/outlets.schema.ts';
