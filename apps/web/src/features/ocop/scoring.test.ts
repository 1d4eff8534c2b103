import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listCriteria, previewScore, type RubricAnswers, type RubricSheet } from '@hoptac/core/ocop';
import { levelsByCase, liveScore } from './scoring.ts';

function sheet(id: string): RubricSheet {
  const file = fileURLToPath(new URL(`../../../../../data/ocop-rubrics/${id}.json`, import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as RubricSheet;
}

const PROCESSED = sheet('qd26-2026-che-bien-tu-rau-cu-qua-hat');

/** Every criterion at its highest-scoring level. */
function best(s: RubricSheet): RubricAnswers {
  return Object.fromEntries(
    listCriteria(s).map(({ criterion: c }) => [
      c.code,
      c.levels.reduce((a, l, i) => (l.points > (c.levels[a]?.points ?? -1) ? i : a), 0),
    ]),
  );
}

test('nothing answered: every criterion is missing and counted at its floor', () => {
  const live = liveScore(PROCESSED, {})!;
  assert.equal(live.criteriaCount, 32);
  assert.equal(live.answeredCount, 0);
  assert.equal(live.missing.length, 32);
  assert.equal(live.assumed.size, 32);
  // The conditional 5.2 counts as not applicable; the others at their lowest level.
  const floor = listCriteria(PROCESSED).reduce(
    (sum, { criterion: c }) => sum + (c.conditional ? 0 : Math.min(...c.levels.map((l) => l.points))),
    0,
  );
  assert.equal(live.score.total, floor);
  assert.equal(live.score.star, 1);
});

test('complete answers score exactly as the engine (and the server) does', () => {
  const answers = best(PROCESSED);
  const live = liveScore(PROCESSED, answers)!;
  assert.deepEqual(live.missing, []);
  assert.equal(live.assumed.size, 0);
  assert.deepEqual(live.score, previewScore(PROCESSED, answers));
  assert.equal(live.score.total, 100);
  assert.equal(live.score.star, 5);
  assert.equal(live.score.nextStar, null);
});

test('a partial answer raises the floor and lists the rest as missing', () => {
  const empty = liveScore(PROCESSED, {})!;
  const live = liveScore(PROCESSED, { '1.1': 2, '4.1': 3 })!;
  assert.equal(live.answeredCount, 2);
  assert.equal(live.missing.length, 30);
  assert.equal(live.score.total, empty.score.total + (3 - 1) + (5 - 1));
  assert.ok(live.score.nextStar, 'a plan for the next star');
});

test('answers that do not fit the sheet are dropped, not thrown', () => {
  const live = liveScore(PROCESSED, { '1.1': 9, 'zz.9': 0, '1.2': null })!;
  assert.equal(live.answeredCount, 0);
  assert.ok(live.missing.includes('1.1'));
});

test('a fragment cannot be scored', () => {
  assert.equal(liveScore(sheet('qd148-gao-ngu-coc-hat-so-che-khac'), {}), null);
});

test('a halting level knocks the product out without throwing', () => {
  const water = sheet('qd26-2026-nuoc-khoang-nuoc-uong-dong-chai');
  const c = listCriteria(water).find((r) => r.criterion.levels.some((l) => l.haltsEvaluation))!.criterion;
  const live = liveScore(water, { [c.code]: c.levels.findIndex((l) => l.haltsEvaluation) })!;
  assert.equal(live.score.star, null);
  assert.ok(live.score.knockedOut);
});

test('levelsByCase groups the levels of a criterion with cases', () => {
  const tourism = sheet('qd26-2026-dich-vu-du-lich-cong-dong-sinh-thai-diem-du-lich');
  const c = listCriteria(tourism).find((r) => r.criterion.cases)!.criterion;
  const groups = levelsByCase(c);
  assert.equal(groups.length, c.cases!.list.length);
  assert.deepEqual(
    groups.flatMap((g) => g.levels),
    c.levels.map((_, i) => i),
  );
  assert.deepEqual(levelsByCase(listCriteria(tourism)[0]!.criterion).length, 1);
});

test('a knock-out the evaluator records takes the star away but keeps the points', () => {
  const all = best(PROCESSED);
  const plain = liveScore(PROCESSED, all)!;
  const out = liveScore(PROCESSED, all, { knockOut: { reason: 'Hồ sơ giả mạo', criterion: null } })!;
  assert.equal(out.score.total, plain.score.total);
  assert.equal(plain.score.star, 5);
  assert.equal(out.score.star, null);
  assert.deepEqual(out.score.knockedOut, { reason: 'Hồ sơ giả mạo', criterion: null, byLevel: false });
  assert.deepEqual(out.missing, []);
});
