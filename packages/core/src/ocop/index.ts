// OCOP rubric engine: sheets as data, scoring, council results and next-star plans. Pure and
// zod-free so the web can use it as well as the server (wire schemas: contracts/ocop.ts).
export * from './rubric.ts';
export * from './consistency.ts';
export * from './answers.ts';
export * from './score.ts';
export * from './council.ts';
export * from './plan.ts';
export * from './evidence.ts';
