export * from './indicators.ts';
export * from './rollup.ts';
export * from './targets.ts';
