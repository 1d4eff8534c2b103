// Test helpers for the evaluation-round tests (rounds, dossiers, scoring, certificates): answer
// sets computed from the real sheet, council accounts, and a product submitted into the open round.
import {
  listCriteria,
  requiredPoints,
  type OcopStar,
  type RubricAnswers,
  type RubricCriterion,
  type RubricSheet,
  vietnamDate,
} from '@hoptac/core';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { TestApp } from '../../testing/index.ts';
import { fillEvidenceLocker } from './evidence.seed.ts';
import { users } from '../identity/index.ts';

export const SHEET = 'qd26-2026-che-bien-tu-rau-cu-qua-hat';
export const SET = 'Chế biến từ rau, củ, quả, hạt';
export const MISSING_ID = '00000000-0000-4000-8000-000000000000';
export const COUNCIL = {
  chair: 'council1@demo.hoptac.vn',
  secretary: 'council2@demo.hoptac.vn',
  member: 'council3@demo.hoptac.vn',
} as const;

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** inject() with an optional session cookie and JSON body. */
export function caller(t: TestApp) {
  return (method: Method, url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
}

/** The field paths of a 400's issues, dotted. */
export const issuePaths = (res: { json(): { error: { details?: { issues?: { path: string[] }[] } } } }) =>
  (res.json().error.details?.issues ?? []).map((i) => i.path.join('.'));

const levelsOf = (c: RubricCriterion) => c.levels.map((_, i) => i);
const pointsOf = (c: RubricCriterion, i: number | null | undefined) => (i == null ? 0 : c.levels[i]!.points);

/** The cheapest level of each criterion that still meets the minimums of `star` (1: the lowest levels). */
export function floorAnswers(sheet: RubricSheet, star: OcopStar): RubricAnswers {
  return Object.fromEntries(
    listCriteria(sheet).map(({ criterion: c }) => {
      const required = requiredPoints(c, star) ?? 0;
      const fits = levelsOf(c).filter((i) => c.levels[i]!.points >= required);
      return [c.code, fits.reduce((a, b) => (c.levels[b]!.points < c.levels[a]!.points ? b : a), fits[0]!)];
    }),
  );
}

export const totalOf = (sheet: RubricSheet, answers: RubricAnswers) =>
  listCriteria(sheet).reduce((s, { criterion: c }) => s + pointsOf(c, answers[c.code]), 0);

/** Raises `start` criterion by criterion, never overshooting, until the total is exactly `target`. */
export function raiseTo(sheet: RubricSheet, start: RubricAnswers, target: number): RubricAnswers {
  const out = { ...start };
  let left = target - totalOf(sheet, out);
  if (left < 0) throw new Error(`the start already scores more than ${target}`);
  for (const { criterion: c } of listCriteria(sheet)) {
    if (left === 0) break;
    const base = pointsOf(c, out[c.code]);
    const fits = levelsOf(c).filter((i) => {
      const gain = c.levels[i]!.points - base;
      return gain > 0 && gain <= left && (c.levels[i]!.case ?? 0) === (c.levels[out[c.code] ?? 0]?.case ?? 0);
    });
    if (fits.length === 0) continue;
    const to = fits.reduce((a, b) => (c.levels[b]!.points > c.levels[a]!.points ? b : a), fits[0]!);
    left -= c.levels[to]!.points - base;
    out[c.code] = to;
  }
  if (left !== 0) throw new Error(`cannot reach exactly ${target} points`);
  return out;
}

/** Every criterion at its best level. */
export const bestAnswers = (sheet: RubricSheet): RubricAnswers =>
  Object.fromEntries(
    listCriteria(sheet).map(({ criterion: c }) => [
      c.code,
      levelsOf(c).reduce((a, b) => (c.levels[b]!.points > c.levels[a]!.points ? b : a), 0),
    ]),
  );

export async function userIds(db: Db, emails: string[]): Promise<Record<string, string>> {
  const rows = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  return Object.fromEntries(rows.map((r) => [r.email, r.id]));
}

export async function linkEntity(db: Db, email: string, entityId: string | null) {
  await db.update(users).set({ entityId }).where(eq(users.email, email));
}

/** Creates council_member accounts through the admin API; returns their emails and ids. */
export async function createCouncilUsers(t: TestApp, adminCookie: string, prefix: string, n: number) {
  const created: { email: string; id: string }[] = [];
  for (let i = 1; i <= n; i++) {
    const email = `${prefix}${i}@test.hoptac.vn`;
    const res = await caller(t)('POST', '/api/users', adminCookie, {
      email,
      displayName: `Thành viên ${prefix} ${i}`,
      roles: ['council_member'],
      password: 'mat-khau-thu-nghiem',
    });
    if (res.statusCode !== 201) throw new Error(`create ${email}: ${res.body}`);
    created.push({ email, id: res.json().id });
  }
  return created;
}

export const TEST_PASSWORD = 'mat-khau-thu-nghiem';

/** Registers a product for the entity, fills its self-assessment and submits it; returns the product id. */
export async function submitProduct(
  t: TestApp,
  cookie: string,
  entityId: string,
  name: string,
  answers: RubricAnswers,
): Promise<{ productId: string; status: number; body: string }> {
  const call = caller(t);
  const created = await call('POST', '/api/ocop/products', cookie, {
    entityId,
    name,
    rubricId: SHEET,
    productSet: SET,
  });
  if (created.statusCode !== 201) throw new Error(`create product: ${created.body}`);
  const productId: string = created.json().id;
  const saved = await call('PUT', `/api/ocop/products/${productId}/self-assessment`, cookie, { answers });
  if (saved.statusCode !== 200) throw new Error(`self-assessment: ${saved.body}`);
  await fillEvidenceLocker(t.database.db, entityId, vietnamDate(new Date()));
  const submitted = await call('POST', `/api/ocop/products/${productId}/submit`, cookie);
  return { productId, status: submitted.statusCode, body: submitted.body };
}

/** The dossier id of a product (the admin lists them). */
export async function dossierOf(t: TestApp, adminCookie: string, productName: string): Promise<string> {
  const res = await caller(t)('GET', `/api/ocop/dossiers?q=${encodeURIComponent(productName)}`, adminCookie);
  const item = res.json().items.find((d: { product: { name: string } }) => d.product.name === productName);
  if (!item) throw new Error(`no dossier for ${productName}: ${res.body}`);
  return item.id;
}

/** A product of the entity submitted (by `producer`) and forwarded to the council (by `official`); its dossier id. */
export async function forwardedDossier(
  t: TestApp,
  cookies: { producer: string; official: string; admin: string },
  entityId: string,
  name: string,
  answers: RubricAnswers,
): Promise<string> {
  const submitted = await submitProduct(t, cookies.producer, entityId, name, answers);
  if (submitted.status !== 200) throw new Error(`submit ${name}: ${submitted.body}`);
  const id = await dossierOf(t, cookies.admin, name);
  const res = await caller(t)('POST', `/api/ocop/dossiers/${id}/forward`, cookies.official, {});
  if (res.statusCode !== 200) throw new Error(`forward ${name}: ${res.body}`);
  return id;
}

/** Saves and submits each member's sheet. */
export async function scoreAll(t: TestApp, dossierId: string, sheets: [string, RubricAnswers, object?][]) {
  const call = caller(t);
  for (const [cookie, answers, extra] of sheets) {
    const saved = await call('PUT', `/api/ocop/dossiers/${dossierId}/sheets/mine`, cookie, { answers, ...extra });
    if (saved.statusCode !== 200) throw new Error(`save: ${saved.body}`);
    const sent = await call('POST', `/api/ocop/dossiers/${dossierId}/sheets/mine/submit`, cookie);
    if (sent.statusCode !== 200) throw new Error(`submit: ${sent.body}`);
  }
}
