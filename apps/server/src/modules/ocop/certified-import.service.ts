import fs from 'node:fs';
import os from 'node:os';
import {
  bandFor,
  foldVietnamese,
  vietnamDate,
  type CertifiedImportResult,
  type ImportRowError,
  type OcopStar,
  type SessionUser,
} from '@hoptac/core';
import type { Db } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../kernel/audit.ts';
import { AppError } from '../../kernel/errors.ts';
import { saveUpload, type StreamedUpload } from '../../kernel/uploads.ts';
import type { ColumnDef } from '../../kernel/xlsx/columns.ts';
import { isExampleRow, looksLikeZip, NotAWorkbookError, openSheet, type SheetRow } from '../../kernel/xlsx/reader.ts';
import { columnOf, parseRow, RowErrors, SeenKeys } from '../../kernel/xlsx/rows.ts';
import { buildTemplate } from '../../kernel/xlsx/template.ts';
import { addMonths, DEFAULT_VALIDITY_MONTHS } from './certificates.rules.ts';
import {
  certifiedImportColumns,
  certifiedRowSchema,
  CERTIFIED_IMPORT_INTRO,
  CERTIFIED_IMPORT_SHEET,
  type CertifiedRow,
} from './certified-import.columns.ts';
import * as lookups from './certified-import.repository.ts';
import { insertCertifiedRecords, type CertifiedRecord } from './certified-records.ts';
import type { RubricsService } from './rubrics.service.ts';

export const MAX_CERTIFIED_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_CERTIFIED_IMPORT_ROWS = 10_000;
/** Rows checked per lookup: one query each for codes, names and certificate numbers. */
const CHUNK_ROWS = 1000;

const unsupported = () => new AppError('UNSUPPORTED_MEDIA_TYPE', 'The file is not an XLSX workbook');
const refused = (items: ImportRowError[], count = items.length) =>
  new AppError('IMPORT_ROWS_INVALID', 'The file has rows with errors; nothing was written', {
    errors: items,
    errorCount: count,
  });

/** The current sheet of each product set, with the star bands its scores are read against. */
type SheetOfSet = { rubricId: string; version: number; bands: Parameters<typeof bandFor>[0] };

export function createCertifiedImportService(deps: { db: Db; rubrics: RubricsService; now?: () => Date }) {
  const { db, rubrics } = deps;
  const now = deps.now ?? (() => new Date());

  async function sheetsBySet(): Promise<Map<string, SheetOfSet>> {
    const current = (await rubrics.list()).filter((r) => r.current);
    const out = new Map<string, SheetOfSet>();
    for (const r of current) {
      const sheet = await rubrics.load(r.id, r.version);
      for (const set of r.productSets) out.set(set, { rubricId: r.id, version: r.version, bands: sheet.starBands });
    }
    return out;
  }

  /** Checks the rows of one chunk against the rules and the database; returns the records of the good rows. */
  async function checkChunk(
    rows: SheetRow[],
    ctx: {
      columns: readonly ColumnDef[];
      sets: Map<string, SheetOfSet>;
      today: string;
      numbers: SeenKeys;
      products: SeenKeys;
      errors: RowErrors;
    },
  ): Promise<CertifiedRecord[]> {
    const { columns, errors } = ctx;
    const col = (key: keyof CertifiedRow) => columnOf(columns, [key]);
    const fail = (row: number, key: keyof CertifiedRow, code: string, message: string) =>
      errors.add({ row, column: col(key), code, message });

    const parsed: { at: number; data: CertifiedRow; ok: boolean }[] = [];
    for (const row of rows) {
      const { data, cellsOk } = parseRow(columns, certifiedRowSchema, row, errors);
      if (!data) continue;
      const at = row.number;
      let ok = cellsOk;
      // The column's options are the product sets of the current sheets: the cell check found it.
      const band = bandFor(ctx.sets.get(data.productSet)!.bands, data.score).stars;
      if (band !== data.star) {
        ok = false;
        const message = `${data.star}★ không khớp với điểm ${data.score} (khoảng điểm của ${band}★)`;
        fail(at, 'star', 'star_score_mismatch', message);
      }
      if (data.decisionDate > ctx.today) {
        ok = false;
        fail(at, 'decisionDate', 'in_future', 'Ngày quyết định không được sau hôm nay');
      }
      if (data.validUntil !== undefined && data.validUntil <= data.decisionDate) {
        ok = false;
        fail(at, 'validUntil', 'before_decision', 'Ngày hết hiệu lực phải sau ngày quyết định');
      }
      if (!data.entityCode && !data.communeCode) {
        ok = false;
        fail(at, 'communeCode', 'required', 'Cần mã số chủ thể, hoặc mã xã/phường để tìm chủ thể theo tên');
      }
      const earlier = ctx.numbers.check(data.certificateNumber, at);
      if (earlier !== null) {
        ok = false;
        fail(at, 'certificateNumber', 'duplicate_in_file', `Trùng số giấy chứng nhận với dòng ${earlier}`);
      }
      parsed.push({ at, data, ok });
    }

    const [byCode, byName, taken] = await Promise.all([
      lookups.entitiesByCode(
        db,
        parsed.flatMap(({ data }) => (data.entityCode ? [data.entityCode] : [])),
      ),
      lookups.entitiesByNameAndCommune(
        db,
        parsed.flatMap(({ data }) =>
          !data.entityCode && data.communeCode
            ? [{ nameFolded: foldVietnamese(data.entityName), communeCode: data.communeCode }]
            : [],
        ),
      ),
      lookups.existingCertificateNumbers(
        db,
        parsed.map(({ data }) => data.certificateNumber),
      ),
    ]);

    const records: CertifiedRecord[] = [];
    for (const { at, data, ok: rowOk } of parsed) {
      let ok = rowOk;
      if (taken.has(data.certificateNumber)) {
        ok = false;
        fail(
          at,
          'certificateNumber',
          'certificate_exists',
          `Số giấy chứng nhận ${data.certificateNumber} đã có trong hệ thống`,
        );
      }
      const candidates = data.entityCode
        ? (byCode.get(data.entityCode) ?? [])
        : data.communeCode
          ? (byName.get(lookups.nameKey(foldVietnamese(data.entityName), data.communeCode)) ?? [])
          : null;
      if (candidates === null) continue; // reported above: nothing to look the entity up by
      const sought = data.entityCode
        ? `mã số ${data.entityCode}`
        : `tên "${data.entityName}" tại xã/phường ${data.communeCode}`;
      const key = data.entityCode ? 'entityCode' : 'entityName';
      if (candidates.length === 0) {
        fail(at, key, 'entity_not_found', `Không tìm thấy chủ thể có ${sought} trong sổ đăng ký`);
        continue;
      }
      if (candidates.length > 1) {
        const names = candidates.map((c) => c.name).join('; ');
        fail(at, key, 'ambiguous_entity', `Có ${candidates.length} chủ thể khớp ${sought} (${names}); hãy ghi mã số`);
        continue;
      }
      const entity = candidates[0]!;
      const earlier = ctx.products.check(`${entity.id}:${foldVietnamese(data.productName)}`, at);
      if (earlier !== null) {
        fail(at, 'productName', 'duplicate_in_file', `Trùng chủ thể và tên sản phẩm với dòng ${earlier}`);
        continue;
      }
      if (!ok) continue;
      const sheet = ctx.sets.get(data.productSet)!;
      records.push({
        entity,
        product: {
          name: data.productName,
          rubricId: sheet.rubricId,
          rubricVersion: sheet.version,
          productSet: data.productSet,
        },
        star: data.star as OcopStar,
        total: data.score,
        decisionNumber: data.decisionNumber,
        decisionDate: data.decisionDate,
        certificateNumber: data.certificateNumber,
        validUntil: data.validUntil ?? addMonths(data.decisionDate, DEFAULT_VALIDITY_MONTHS),
      });
    }
    return records;
  }

  return {
    /** The downloadable template, its product-set list from the current scoring sheets. */
    async template(): Promise<Buffer> {
      const sets = [...(await sheetsBySet()).keys()];
      return buildTemplate({
        sheetName: CERTIFIED_IMPORT_SHEET,
        columns: certifiedImportColumns(sets),
        intro: CERTIFIED_IMPORT_INTRO,
      });
    },

    /**
     * Imports certified products from an XLSX file: every row is checked (cells, rules, entity
     * match, certificate numbers) and, only when all pass, all are written in one transaction with
     * one audit record. Otherwise IMPORT_ROWS_INVALID with the row report, and nothing is written.
     */
    async import(
      user: SessionUser,
      actor: Actor,
      upload: StreamedUpload & { fileName: string },
    ): Promise<CertifiedImportResult> {
      const file = await saveUpload(upload, {
        dir: os.tmpdir(),
        maxBytes: MAX_CERTIFIED_IMPORT_BYTES,
        extension: '.xlsx',
      });
      try {
        if (!(await looksLikeZip(file))) throw unsupported();
        const sets = await sheetsBySet();
        const columns = certifiedImportColumns([...sets.keys()]);
        const sheet = await openSheet(file, columns).catch((err: unknown) => {
          throw err instanceof NotAWorkbookError ? unsupported() : err;
        });
        const errors = new RowErrors();
        const records: CertifiedRecord[] = [];
        let total = 0;
        try {
          const { missing, duplicated } = sheet.header;
          if (missing.length > 0 || duplicated.length > 0) {
            // The header check names the columns by their Vietnamese headings.
            const headings = (names: readonly string[], code: string, what: string) =>
              names.map((column) => ({ row: 1, column, code, message: what }));
            throw refused([
              ...headings(missing, 'missing_column', 'Thiếu cột này của mẫu'),
              ...headings(duplicated, 'duplicate_column', 'Cột này xuất hiện hơn một lần'),
            ]);
          }
          const ctx = {
            columns,
            sets,
            today: vietnamDate(now()),
            numbers: new SeenKeys(),
            products: new SeenKeys(),
            errors,
          };
          let chunk: SheetRow[] = [];
          const flush = async () => {
            records.push(...(await checkChunk(chunk, ctx)));
            chunk = [];
          };
          for await (const batch of sheet.rows()) {
            for (const row of batch) {
              if (isExampleRow(columns, row)) continue;
              if (++total > MAX_CERTIFIED_IMPORT_ROWS) {
                const limit = MAX_CERTIFIED_IMPORT_ROWS.toLocaleString('vi-VN');
                const message = `Tệp có quá nhiều dòng: tối đa ${limit} dòng mỗi lần nhập`;
                throw refused([{ row: row.number, column: null, code: 'too_many_rows', message }]);
              }
              chunk.push(row);
              if (chunk.length === CHUNK_ROWS) await flush();
            }
          }
          await flush();
        } catch (err) {
          throw err instanceof NotAWorkbookError ? unsupported() : err;
        } finally {
          await sheet.close();
        }
        if (total === 0)
          throw refused([{ row: 0, column: null, code: 'empty_file', message: 'Tệp không có dòng dữ liệu nào' }]);
        if (errors.count > 0) throw refused(errors.items, errors.count);

        const inserted = await db
          .transaction(async (tx) => {
            const written = await insertCertifiedRecords(tx, records, { createdBy: user.id, now: now() });
            await recordAudit(tx, actor, {
              action: 'ocop.certified.import',
              entityType: 'ocop_certified_import',
              entityId: upload.fileName.slice(0, 255),
              after: { fileName: upload.fileName.slice(0, 255), rows: total, inserted: written },
            });
            return written;
          })
          .catch((err: unknown) => {
            // A certificate number written by someone else since the check: the file is refused whole.
            if (lookups.isUniqueViolation(err)) {
              const message =
                'Số giấy chứng nhận vừa được ghi bởi người khác trong lúc nhập; không có dòng nào được ghi, hãy nhập lại.';
              throw refused([{ row: 0, column: null, code: 'changed_meanwhile', message }]);
            }
            throw err;
          });
        return { inserted, rows: total };
      } finally {
        await fs.promises.rm(file, { force: true });
      }
    },
  };
}

export type CertifiedImportService = ReturnType<typeof createCertifiedImportService>;
