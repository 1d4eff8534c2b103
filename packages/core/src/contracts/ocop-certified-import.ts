import { z } from 'zod';
import { importRowErrorSchema } from './registry-imports.ts';

/** Products certified before the platform, imported from XLSX by a city admin (all rows or none). */
export const certifiedImportResultSchema = z.object({
  /** Certificates written. */
  inserted: z.number().int(),
  /** Data rows read from the file. */
  rows: z.number().int(),
});
export type CertifiedImportResult = z.infer<typeof certifiedImportResultSchema>;

/** The details of an IMPORT_ROWS_INVALID error: the first row errors in file order, and how many there were. */
export const certifiedImportErrorsSchema = z.object({
  errors: z.array(importRowErrorSchema),
  errorCount: z.number().int(),
});
export type CertifiedImportErrors = z.infer<typeof certifiedImportErrorsSchema>;
