import { createHash } from 'node:crypto';
import { vietnamDate, type EvidenceKind } from '@hoptac/core';
import { and, count, eq, isNotNull } from 'drizzle-orm';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Db, DbOrTx } from '../../db/client.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../kernel/audit.ts';
import { storeFile } from '../../kernel/files.ts';
import { users } from '../identity/identity.schema.ts';
import { ocopEvidenceDocuments } from './evidence.schema.ts';

/** A one-page PDF standing in for a scanned document (demo and tests only). */
export async function placeholderPdf(label: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([420, 595]);
  page.drawText(label, { x: 40, y: 540, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

const DEMO_TITLES: Record<Exclude<EvidenceKind, 'trademark' | 'vietgap_organic' | 'other'>, string> = {
  business_registration: 'Giấy chứng nhận đăng ký hợp tác xã',
  food_safety_certificate: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
  product_standard: 'Bản tự công bố sản phẩm (TCCS)',
  test_report: 'Phiếu kết quả kiểm nghiệm',
};

const addDays = (day: string, n: number) => vietnamDate(new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000));

/**
 * Fills an empty locker with every document a food product needs, valid for a year from `today`
 * (the business registration does not expire). Demo data and test fixtures; false when the
 * entity already holds documents.
 */
export async function fillEvidenceLocker(db: DbOrTx, entityId: string, today: string): Promise<boolean> {
  const [held] = await db
    .select({ n: count() })
    .from(ocopEvidenceDocuments)
    .where(eq(ocopEvidenceDocuments.entityId, entityId));
  if ((held?.n ?? 0) > 0) return false;
  const kinds = Object.keys(DEMO_TITLES) as (keyof typeof DEMO_TITLES)[];
  for (const kind of kinds) {
    const bytes = await placeholderPdf(kind);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const fileId = await storeFile(
      db,
      { fields: {}, fileName: `${kind}.pdf`, bytes, mediaType: 'application/pdf', sha256 },
      null,
    );
    await db.insert(ocopEvidenceDocuments).values({
      entityId,
      kind,
      title: DEMO_TITLES[kind],
      issuedOn: addDays(today, -200),
      validUntil: kind === 'business_registration' ? null : addDays(today, 365),
      fileId,
      fileName: `${kind}.pdf`,
    });
  }
  return true;
}

/**
 * Demo mode only: the demo cooperative's locker holds what a food product needs, so the demo
 * producer can submit at once.
 */
export async function seedDemoEvidence(db: Db, now = new Date()): Promise<boolean> {
  const [coop] = await db
    .select({ entityId: users.entityId })
    .from(users)
    .where(and(eq(users.email, 'coop@demo.hoptac.vn'), isNotNull(users.entityId)));
  if (!coop?.entityId) return false;
  const entityId = coop.entityId;
  return db.transaction(async (tx) => {
    if (!(await fillEvidenceLocker(tx, entityId, vietnamDate(now)))) return false;
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'ocop.evidence.upload',
      entityType: 'entity',
      entityId,
      after: { demo: true, kinds: Object.keys(DEMO_TITLES) },
    });
    return true;
  });
}
