export * from './vocabulary.ts';
export * from './status.ts';
export * from './codes.ts';
export * from './members.ts';
export * from './rating.ts';
export * from './scale.ts';
export * from './report.ts';
export * from './report-workflow.ts';
