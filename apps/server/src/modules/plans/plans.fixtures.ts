// Test helpers: hand-countable registers, reports and certificates, and plan/target creation.
import { foldVietnamese } from '@hoptac/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { insertTestEntity, SAMPLE_REPORT_FIGURES, type TestApp } from '../../testing/index.ts';
import { annualReports } from '../registry/registry.schema.ts';

export const COMMUNE_A = '00454'; // Xã Đông Anh (the demo officer's)
export const COMMUNE_B = '00577'; // Xã Bát Tràng (the demo officer's)
export const COMMUNE_C = '00004'; // Phường Ba Đình (not the officer's)
export const MISSING_ID = '00000000-0000-4000-8000-000000000000';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export function caller(t: TestApp) {
  return (method: Method, url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
}

export async function insertApprovedReport(
  db: Db,
  entityId: string,
  year: number,
  o: { revenue: number; workers: number; avgWorkerMonthlyIncome: number; status?: string },
) {
  await db.insert(annualReports).values({
    ...SAMPLE_REPORT_FIGURES,
    entityId,
    year,
    status: o.status ?? 'approved',
    revenue: o.revenue,
    workers: o.workers,
    memberWorkers: Math.min(o.workers, SAMPLE_REPORT_FIGURES.memberWorkers),
    avgWorkerMonthlyIncome: o.avgWorkerMonthlyIncome,
  });
}

let certificateSequence = 0;

/**
 * A certificate straight in the tables (round, product, dossier, certificate), with no
 * evaluation: what the indicators read is the decision date, the star and revocation.
 */
export async function insertCertificate(
  db: Db,
  entityId: string,
  o: { star: number; decisionDate: string; validUntil?: string; revoked?: boolean; communeCode?: string },
) {
  const [rubric] = await queryRows<{ id: string; version: number }>(
    db,
    sql`select id, version from ocop_rubrics where current order by id, version limit 1`,
  );
  const [round] = await queryRows<{ id: string }>(
    db,
    sql`insert into ocop_rounds (name, year, process_regime, rubric_decision, status, submission_deadline)
        values ('Kỳ thử', 2026, 'qd26-2026', 'qd26-2026', 'closed', '2026-12-31') returning id`,
  );
  const name = `Sản phẩm thử ${++certificateSequence}`;
  const [product] = await queryRows<{ id: string }>(
    db,
    sql`insert into ocop_products (entity_id, name, name_folded, rubric_id, product_set, status)
        values (${entityId}, ${name}, ${foldVietnamese(name)}, ${rubric!.id}, 'x', 'certified') returning id`,
  );
  const [dossier] = await queryRows<{ id: string }>(
    db,
    sql`insert into ocop_dossiers (round_id, product_id, entity_id, rubric_id, rubric_version, status)
        values (${round!.id}, ${product!.id}, ${entityId}, ${rubric!.id}, ${rubric!.version}, 'certified') returning id`,
  );
  const seq = 900_000 + certificateSequence;
  await db.execute(sql`insert into ocop_certificates (number, year, sequence, dossier_id, product_id, entity_id, product_name,
      entity_name, commune_scheme, commune_code, star, total, decision_number, decision_date, issuer, issued_on, valid_until, revoked_at)
    values (${`OCOP-HN-TEST-${seq}`}, 2026, ${seq}, ${dossier!.id}, ${product!.id}, ${entityId}, ${name}, 'Chủ thể',
      '2025-07', ${o.communeCode ?? COMMUNE_A}, ${o.star}, 80, 'QĐ thử', ${o.decisionDate}, 'province', ${o.decisionDate},
      ${o.validUntil ?? '2029-12-31'}, ${o.revoked ? new Date('2026-06-01T00:00:00Z') : null})`);
  return product!.id;
}

export async function insertOutlet(
  db: Db,
  name: string,
  communeCode: string,
  openedOn: string,
  closedOn: string | null,
  type = 'ocop_showroom',
) {
  await db.execute(sql`insert into outlets (name, type, address, commune_code, opened_on, closed_on)
    values (${name}, ${type}, 'Hà Nội', ${communeCode}, ${openedOn}, ${closedOn})`);
}

export { insertTestEntity };

export const PLAN_BODY = {
  number: '35/KH-UBND',
  title: 'Kế hoạch phát triển kinh tế tập thể năm 2026',
  issuingBody: 'UBND Thành phố Hà Nội',
  issuedOn: '2026-01-15',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
};

/** Creates a plan as the admin and returns its id. */
export async function createPlan(t: TestApp, admin: string, o: Record<string, unknown> = {}) {
  const res = await caller(t)('POST', '/api/plans', admin, { ...PLAN_BODY, ...o });
  if (res.statusCode !== 201) throw new Error(`create plan: ${res.body}`);
  return res.json().id as string;
}

export async function addTarget(t: TestApp, admin: string, planId: string, body: Record<string, unknown>) {
  const res = await caller(t)('POST', `/api/plans/${planId}/targets`, admin, {
    indicatorVersion: 1,
    year: 2026,
    ...body,
  });
  if (res.statusCode !== 201) throw new Error(`add target: ${res.body}`);
  return res.json().id as string;
}
