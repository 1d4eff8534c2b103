import { z } from 'zod';

/** What an XLSX import loads: new entities, or annual reports of entities already registered. */
export const IMPORT_KINDS = ['entities', 'annual-reports'] as const;
export const importKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof importKindSchema>;

/** validating → importing → completed, or failed (row errors, or the file could not be read). */
export const IMPORT_STATUSES = ['validating', 'importing', 'completed', 'failed'] as const;
export const importStatusSchema = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof importStatusSchema>;

export const importQuerySchema = z.object({
  kind: importKindSchema,
  /** Entities only: import rows whose name matches one already in the commune (same code still fails). */
  acknowledgeDuplicates: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

/** One problem of one row: the spreadsheet row number, the column heading and a Vietnamese message. */
export const importRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importJobSchema = z.object({
  id: z.uuid(),
  kind: importKindSchema,
  fileName: z.string(),
  status: importStatusSchema,
  /** Known once every row has been read. */
  totalRows: z.number().int().nullable(),
  processedRows: z.number().int(),
  insertedRows: z.number().int(),
  /** The first 1,000 errors; `errorCount` is the total. */
  errors: z.array(importRowErrorSchema),
  errorCount: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const importAcceptedSchema = z.object({ id: z.uuid() });
