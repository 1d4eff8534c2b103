export { registryRoutes } from './registry.routes.ts';
export { insertReportsBulk } from './reports.service.ts';
export {
  checkReportYear,
  figuresOf,
  prepareReport,
  type ReportContent,
  type ReportEntityFacts,
  type ReportInputIssue,
} from './report-input.ts';
export { BULK_CHUNK as REPORT_BULK_CHUNK, findReportsByKeys, type ReportValues } from './reports.repository.ts';
