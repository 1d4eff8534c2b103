import { foldVietnamese } from '@hoptac/core';
import { count } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../kernel/audit.ts';
import { insertCertifiedRecords, type CertifiedRecord } from '../ocop/index.ts';
import { ocopCertificates } from '../ocop/ocop.schema.ts';
import { entities } from '../registry/registry.schema.ts';
import { DEMO_PRODUCERS, DEMO_PRODUCTS } from './catalog.demo-data.ts';

const VALIDITY_MONTHS = 36;

function plusMonths(isoDate: string, months: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * Demo mode only: on a database with no certificate yet, certified products with public profiles
 * so the catalogue has something to show — one valid, one expired and one revoked certificate among
 * them. Each decision year gets a closed round; the certificate counters move past the numbers used.
 * Returns whether it seeded.
 */
export async function seedDemoCatalog(db: Db): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(ocopCertificates);
  if ((existing?.n ?? 0) > 0) return false;
  await db.transaction(async (tx) => {
    const producerIds = new Map<string, { id: string; name: string; communeCode: string }>();
    for (const p of DEMO_PRODUCERS) {
      const [row] = await tx
        .insert(entities)
        .values({
          type: p.type,
          name: p.name,
          nameFolded: foldVietnamese(p.name),
          address: `${p.name}, Hà Nội`,
          communeScheme: '2025-07',
          communeCode: p.communeCode,
          oldCommuneScheme: '2025-01',
          oldCommuneCode: p.oldCommuneCode,
          oldDistrictCode: p.oldDistrictCode,
          lat: p.lat,
          lng: p.lng,
          website: p.website,
          sectors: [p.sector],
          description: p.description,
          registrationDate: '2018-03-01',
          statusSince: '2018-03-01',
        })
        .returning({ id: entities.id });
      producerIds.set(p.key, { id: row!.id, name: p.name, communeCode: p.communeCode });
    }

    // The demo decision numbers follow each year's certificate sequence, as the inline seed had them.
    const sequences = new Map<number, number>();
    const records: CertifiedRecord[] = DEMO_PRODUCTS.map((product) => {
      const producer = producerIds.get(product.producer)!;
      const year = Number(product.decidedOn.slice(0, 4));
      const sequence = (sequences.get(year) ?? 0) + 1;
      sequences.set(year, sequence);
      return {
        entity: { id: producer.id, name: producer.name, communeScheme: '2025-07', communeCode: producer.communeCode },
        product: {
          name: product.name,
          rubricId: product.rubricId,
          rubricVersion: 1,
          productSet: product.productSet,
          description: product.story.split('.')[0] ?? null,
          packaging: product.packaging,
          priceVnd: product.priceVnd,
          priceUnit: product.priceUnit,
          story: product.story,
          shopLinks: product.shopLinks,
        },
        star: product.star,
        total: product.total,
        decisionNumber: `${1000 + sequence * 17}/QĐ-${product.star === 5 ? 'BNNMT' : 'UBND'}`,
        decisionDate: product.decidedOn,
        validUntil: plusMonths(product.decidedOn, VALIDITY_MONTHS),
        revoked: product.revoked
          ? { on: product.revoked, reason: 'Hậu kiểm: sản phẩm không duy trì được chất lượng như khi đánh giá' }
          : undefined,
      };
    });
    await insertCertifiedRecords(tx, records, {
      roundName: (year) => `Kỳ đánh giá, phân hạng sản phẩm OCOP Thành phố Hà Nội năm ${year}`,
    });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'catalog.demo.seed',
      entityType: 'ocop_certificate',
      entityId: 'demo',
      after: { producers: DEMO_PRODUCERS.length, products: DEMO_PRODUCTS.length },
    });
  });
  return true;
}
