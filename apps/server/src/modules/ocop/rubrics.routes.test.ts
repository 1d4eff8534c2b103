import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listCriteria, scoreSheet, type RubricSheet, type RubricSummary } from '@hoptac/core';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { syncShippedRubrics } from './rubrics.reference.ts';

const SHEET = 'qd26-2026-che-bien-tu-rau-cu-qua-hat';

/** Every criterion at its highest-scoring level, or its lowest. */
function answersAt(sheet: RubricSheet, pick: 'max' | 'min') {
  return Object.fromEntries(
    listCriteria(sheet).map(({ criterion }) => {
      const points = criterion.levels.map((l) => l.points);
      const target = pick === 'max' ? Math.max(...points) : Math.min(...points);
      return [criterion.code, points.indexOf(target)];
    }),
  );
}

describe('ocop: scoring sheets and the score preview', () => {
  let t: TestApp;
  let sheet: RubricSheet;
  before(async () => {
    t = await createTestApp({ seedDemo: false });
    sheet = (await t.app.inject({ method: 'GET', url: `/api/ocop/rubrics/${SHEET}` })).json();
  });
  after(() => t.close());
  const preview = (payload: object) => t.app.inject({ method: 'POST', url: '/api/ocop/score-preview', payload });

  test('the shipped sheets are listed, current decision first, without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/ocop/rubrics' });
    assert.equal(res.statusCode, 200);
    const list: RubricSummary[] = res.json();
    assert.equal(list.filter((r) => r.decisionCode === 'qd26-2026').length, 26);
    assert.ok(list.slice(0, 26).every((r) => r.current));
    assert.deepEqual(
      list.slice(0, 3).map((r) => r.sheetNumber),
      [1, 2, 3],
    );
    assert.equal(list.find((r) => r.decisionCode === 'qd148-2023')?.coverage, 'fragment');
  });

  test('one sheet, by version; unknown sheets and versions are 404, a malformed id 400', async () => {
    assert.equal(sheet.id, SHEET);
    assert.deepEqual(
      sheet.parts.map((p) => p.maxPoints),
      [40, 25, 35],
    );
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/ocop/rubrics/${SHEET}?version=1` })).statusCode, 200);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/ocop/rubrics/${SHEET}?version=2` })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/ocop/rubrics/no-such-sheet' })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/ocop/rubrics/..%2Fetc' })).statusCode, 400);
  });

  test('a complete answer set is scored as the engine scores it, with the next-star plan', async () => {
    const best = await preview({ rubricId: SHEET, answers: answersAt(sheet, 'max') });
    assert.equal(best.statusCode, 200);
    assert.deepEqual([best.json().total, best.json().star, best.json().nextStar], [100, 5, null]);
    const low = answersAt(sheet, 'min');
    const res = await preview({ rubricId: SHEET, answers: low });
    const expected = scoreSheet(sheet, low);
    assert.deepEqual(
      [res.json().total, res.json().parts, res.json().star],
      [expected.total, expected.parts, expected.star],
    );
    assert.equal(res.json().nextStar.targetStar, (expected.star ?? 0) + 1);
    assert.ok(res.json().nextStar.changes.length > 0);
  });

  test('bad answer sets are refused with the criterion at fault', async () => {
    const all = answersAt(sheet, 'max');
    const { ['1.1']: _dropped, ...missingOne } = all;
    const cases: [object, string[], string][] = [
      [{ rubricId: SHEET, answers: missingOne }, ['body', 'answers', '1.1'], 'MISSING'],
      [{ rubricId: SHEET, answers: { ...all, '1.1': 7 } }, ['body', 'answers', '1.1'], 'LEVEL_OUT_OF_RANGE'],
      [{ rubricId: SHEET, answers: { ...all, '9.9.9': 0 } }, ['body', 'answers', '9.9.9'], 'UNKNOWN_CRITERION'],
      [{ rubricId: SHEET, answers: { ...all, '1.1': null } }, ['body', 'answers', '1.1'], 'NOT_APPLICABLE_NOT_ALLOWED'],
    ];
    for (const [payload, path, code] of cases) {
      const res = await preview(payload);
      assert.equal(res.statusCode, 400, code);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
      assert.deepEqual(
        res.json().error.details.issues.map((i: { path: string[]; code: string }) => [i.path, i.code]),
        [[path, code]],
      );
    }
    for (const payload of [
      { rubricId: SHEET, answers: { ...all, '1.1': 1.5 } },
      { rubricId: SHEET, answers: { ...all, '1.1': '2' } },
      { rubricId: SHEET },
      { answers: all },
    ]) {
      assert.equal((await preview(payload)).statusCode, 400, JSON.stringify(payload).slice(0, 60));
    }
    assert.equal((await preview({ rubricId: 'no-such-sheet', answers: all })).statusCode, 404);
    const fragment = await preview({ rubricId: 'qd148-gao-ngu-coc-hat-so-che-khac', answers: {} });
    assert.equal(fragment.json().error.details.issues[0].code, 'INCOMPLETE_SHEET');
  });

  test('restarting adds no version; a changed shipped sheet becomes a new version', async () => {
    assert.equal(await syncShippedRubrics(t.database.db), 0);
    await t.database.db.execute(sql`update ocop_rubrics set checksum = 'old' where id = ${SHEET}`);
    assert.equal(await syncShippedRubrics(t.database.db), 1);
    const versions = await queryRows<{ version: number }>(
      t.database.db,
      sql`select version from ocop_rubrics where id = ${SHEET} order by version`,
    );
    assert.deepEqual(
      versions.map((v) => v.version),
      [1, 2],
    );
    const latest = (await t.app.inject({ method: 'GET', url: `/api/ocop/rubrics/${SHEET}` })).json();
    assert.equal(latest.version, 2);
  });
});
