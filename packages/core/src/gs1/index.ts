export * from './gtin.ts';
export * from './digital-link.ts';
export * from './short-code.ts';
export * from './scans.ts';
