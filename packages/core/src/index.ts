export * from './contracts/common.ts';
export * from './contracts/identity.ts';
export * from './contracts/places.ts';
export * from './contracts/audit.ts';
export * from './contracts/health.ts';
export * from './errors.ts';
export * from './text/fold.ts';
export * from './places/index.ts';
