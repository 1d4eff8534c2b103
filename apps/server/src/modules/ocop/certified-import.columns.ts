import { normalizeRegistrationCode } from '@hoptac/core';
import { z } from 'zod';
import type { ColumnDef } from '../../kernel/xlsx/columns.ts';

export const CERTIFIED_IMPORT_FILE_NAME = 'mau-nhap-san-pham-ocop-da-cong-nhan.xlsx';
export const CERTIFIED_IMPORT_SHEET = 'Sản phẩm OCOP';

export const CERTIFIED_IMPORT_INTRO = [
  'Mỗi dòng là một sản phẩm OCOP đã được công nhận trước khi dùng Hoptac, với giấy chứng nhận của nó.',
  'Chủ thể phải có sẵn trong sổ đăng ký: hệ thống tìm theo mã số đăng ký/MST; nếu để trống mã số, tìm theo đúng tên chủ thể (không phân biệt dấu, hoa thường) và mã xã/phường.',
  'Số sao 3–5 phải khớp với khoảng điểm (3★ 50–<70, 4★ 70–<90, 5★ 90–100). Số giấy chứng nhận không được trùng.',
  'Để trống "Hiệu lực đến" thì lấy ngày quyết định cộng 36 tháng.',
];

/**
 * Columns of the certified-products template and import, in template order. The product-set
 * list comes from the scoring sheets in the database, so a sheet added later is offered too.
 */
export function certifiedImportColumns(productSets: readonly string[]): ColumnDef[] {
  return [
    {
      key: 'entityCode',
      vi: 'Mã số đăng ký / MST',
      en: 'Registration or tax code',
      kind: 'text',
      padDigits: 10,
      width: 20,
      help: 'Mã số của chủ thể trong sổ đăng ký. Để trống nếu không có: khi đó cần tên chủ thể và mã xã/phường.',
      example: '0109876543',
    },
    {
      key: 'entityName',
      vi: 'Tên chủ thể',
      en: 'Entity name',
      kind: 'text',
      required: true,
      width: 36,
      help: 'Tên đầy đủ như trong sổ đăng ký.',
      example: 'Hợp tác xã Nông nghiệp Bưởi Diễn',
    },
    {
      key: 'communeCode',
      vi: 'Mã xã/phường (sau 1/7/2025)',
      en: 'Commune code (from 1 July 2025)',
      kind: 'text',
      padDigits: 5,
      width: 16,
      help: 'Mã 5 số của xã/phường theo danh mục mới; bắt buộc khi không có mã số chủ thể.',
      example: '00454',
    },
    {
      key: 'productName',
      vi: 'Tên sản phẩm',
      en: 'Product name',
      kind: 'text',
      required: true,
      width: 36,
      help: 'Tên sản phẩm như trên giấy chứng nhận.',
      example: 'Bưởi Diễn',
    },
    {
      key: 'productSet',
      vi: 'Bộ sản phẩm',
      en: 'Product set',
      kind: 'enum',
      required: true,
      options: productSets.map((s) => ({ value: s, label: s })),
      width: 36,
      help: 'Bộ sản phẩm theo bộ tiêu chí QĐ 26/2026; chọn trong danh sách.',
      example: productSets[0] ?? null,
    },
    {
      key: 'star',
      vi: 'Số sao',
      en: 'Stars',
      kind: 'integer',
      required: true,
      width: 10,
      help: 'Hạng sao được công nhận: 3, 4 hoặc 5.',
      example: 4,
    },
    {
      key: 'score',
      vi: 'Điểm',
      en: 'Score',
      kind: 'decimal',
      required: true,
      width: 10,
      help: 'Tổng điểm đánh giá (0–100), khớp với hạng sao.',
      example: 78,
    },
    {
      key: 'decisionNumber',
      vi: 'Số quyết định',
      en: 'Decision number',
      kind: 'text',
      required: true,
      width: 22,
      help: 'Số quyết định công nhận (UBND Thành phố cho 3–4★, Bộ cho 5★).',
      example: '1234/QĐ-UBND',
    },
    {
      key: 'decisionDate',
      vi: 'Ngày quyết định',
      en: 'Decision date',
      kind: 'date',
      required: true,
      width: 16,
      help: 'Ngày ký quyết định, không sau hôm nay.',
      example: '15/12/2024',
    },
    {
      key: 'certificateNumber',
      vi: 'Số giấy chứng nhận',
      en: 'Certificate number',
      kind: 'text',
      required: true,
      width: 24,
      help: 'Số in trên giấy chứng nhận; không trùng với giấy nào khác.',
      example: 'GCN-2024-0012',
    },
    {
      key: 'validUntil',
      vi: 'Hiệu lực đến',
      en: 'Valid until',
      kind: 'date',
      width: 16,
      help: 'Ngày hết hiệu lực, sau ngày quyết định; để trống: ngày quyết định + 36 tháng.',
      example: '15/12/2027',
    },
  ];
}

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();

/** One row as the import reads it; the rules needing the database or the sheets come after. */
export const certifiedRowSchema = z.object({
  entityCode: z.string().trim().max(40).transform(normalizeRegistrationCode).optional(),
  entityName: text(300),
  communeCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/)
    .optional(),
  productName: text(300),
  productSet: text(300),
  star: z.number().int().min(3).max(5),
  score: z.number().min(0).max(100),
  decisionNumber: text(100),
  decisionDate: isoDate,
  certificateNumber: text(100),
  validUntil: isoDate.optional(),
});
export type CertifiedRow = z.infer<typeof certifiedRowSchema>;
