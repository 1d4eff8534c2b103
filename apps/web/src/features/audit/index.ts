export * from './api.ts';
export { AuditFilters } from './components/audit-filters.tsx';
export { AuditTable } from './components/audit-table.tsx';
