import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RubricAnswersError } from './answers.ts';
import { councilResult, DEFAULT_DISAGREEMENT_THRESHOLD, lowerMedian } from './council.ts';
import { findCriterion, listCriteria, requiredPoints, type RubricAnswers, type RubricSheet } from './rubric.ts';
import { scoreSheet } from './score.ts';
import { bestAnswers, floorAnswers, lowerTo, raiseTo } from './testing.ts';

const DATA = fileURLToPath(new URL('../../../../data/ocop-rubrics/', import.meta.url));
const load = (id: string) => JSON.parse(readFileSync(`${DATA}${id}.json`, 'utf8')) as RubricSheet;

const rau = load('qd26-2026-rau-cu-qua-hat-tuoi');
const floor5 = floorAnswers(rau, 5);
/** Answers scoring exactly `total` with every 5★ minimum met. */
const at = (total: number) => lowerTo(rau, bestAnswers(rau), floor5, total);

// 1.3 "Gia tăng giá trị": the 5★ minimum is its top level (3 points); one level lower misses it.
const c = findCriterion(rau, '1.3')!;
const required = requiredPoints(c, 5)!;
const top = c.levels.findIndex((l) => l.points === required);
const below = c.levels.findIndex((l) => l.points === required - 1);
const meets = at(95);
const misses: RubricAnswers = { ...meets, '1.3': below };

describe('lowerMedian: the most points a strict majority reached', () => {
  const cases: [number[], number][] = [
    [[2], 2],
    [[3, 1], 1],
    [[3, 3, 2], 3],
    [[3, 2, 2], 2],
    [[0, 3, 1, 2], 1],
    [[3, 3, 2, 2], 2],
    [[5, 5, 5, 0, 0], 5],
  ];
  for (const [values, expected] of cases) test(`${values.join(', ')} → ${expected}`, () => assert.equal(lowerMedian(values), expected)); // prettier-ignore
});

describe('star minimums judged on the consensus', () => {
  test('the worked answers: 95 points, 1.3 at its top level meets the 5★ minimum, one below misses it', () => {
    assert.deepEqual([meets['1.3'], scoreSheet(rau, meets).star], [top, 5]);
    assert.deepEqual([scoreSheet(rau, misses).total, scoreSheet(rau, misses).star], [94, 4]);
  });

  const cases: [name: string, members: RubricAnswers[], star: number, consensus: number][] = [
    ['3 members, 2 meet the minimum → met', [meets, meets, misses], 5, required],
    ['3 members, 1 meets the minimum → not met', [meets, misses, misses], 4, required - 1],
    ['4 members split 2–2 → the lower value, not met', [meets, meets, misses, misses], 4, required - 1],
    ['4 members, 3 meet → met', [meets, meets, meets, misses], 5, required],
  ];
  for (const [name, members, star, consensus] of cases) {
    test(name, () => {
      const r = councilResult(rau, members);
      const row = r.criteria.find((x) => x.code === '1.3')!;
      assert.deepEqual([r.bandStar, r.star, row.consensusPoints, row.spread], [5, star, consensus, 1]);
      assert.deepEqual(row.memberPoints, members.map((m) => c.levels[m['1.3']!]!.points)); // prettier-ignore
      assert.deepEqual(
        r.blockedBy.map((b) => [b.criterion, b.star, b.actualPoints]),
        star === 5 ? [] : [['1.3', 5, required - 1]],
      );
    });
  }
});

describe('score: the mean of the members’ totals, rounded to 2 decimals', () => {
  const cases: [totals: number[], mean: number, star: number][] = [
    [[90, 90, 89], 89.67, 4],
    [[91, 90, 90], 90.33, 5],
    [[70, 69, 69, 70], 69.5, 3],
    [[50, 49, 50], 49.67, 2],
    [[100], 100, 5],
  ];
  for (const [totals, mean, star] of cases) {
    test(`${totals.join(' / ')} → ${mean} → ${star}★`, () => {
      const r = councilResult(rau, totals.map(at));
      assert.deepEqual(r.memberTotals, totals);
      assert.deepEqual([r.total, r.star], [mean, star]);
    });
  }
  test('part means are rounded the same way', () => {
    const members = [at(90), at(89), at(89)];
    const r = councilResult(rau, members);
    const partsOf = members.map((m) => scoreSheet(rau, m).parts);
    for (const p of ['A', 'B', 'C'] as const) {
      const mean = partsOf.reduce((s, x) => s + x[p], 0) / members.length;
      assert.equal(r.parts[p], Math.round(mean * 100) / 100);
    }
  });
});

describe('disagreement', () => {
  const cases: [totals: number[], threshold: number | undefined, flagged: boolean][] = [
    [[80, 90], undefined, false],
    [[80, 91], undefined, true],
    [[80, 90], 9, true],
    [[75, 75, 75], 0, false],
    [[60, 75, 70], 14, true],
  ];
  for (const [totals, threshold, flagged] of cases) {
    test(`totals ${totals.join(' / ')}, threshold ${threshold ?? `default ${DEFAULT_DISAGREEMENT_THRESHOLD}`} → ${flagged}`, () => {
      const r = councilResult(rau, totals.map(at), threshold === undefined ? {} : { disagreementThreshold: threshold });
      assert.equal(r.totalsSpread, Math.max(...totals) - Math.min(...totals));
      assert.equal(r.disagreement, flagged);
    });
  }
  test('per-criterion spread is the highest minus the lowest member points', () => {
    const members = [bestAnswers(rau), raiseTo(rau, floor5, 60), floor5];
    const r = councilResult(rau, members);
    for (const row of r.criteria) assert.equal(row.spread, Math.max(...row.memberPoints) - Math.min(...row.memberPoints)); // prettier-ignore
    assert.equal(r.criteria.length, listCriteria(rau).length);
  });
});

describe('knock-outs and bad input', () => {
  const water = load('qd26-2026-nuoc-khoang-nuoc-uong-dong-chai');
  const ok = bestAnswers(water);
  const halted = { ...ok, '6.2': 0 }; // "Có màu": 0 points, stops the evaluation
  test('a halting level chosen by 2 of 3 members knocks the product out', () => {
    const r = councilResult(water, [halted, halted, ok]);
    assert.deepEqual([r.star, r.knockedOut?.criterion, r.knockedOut?.byLevel], [null, '6.2', true]);
  });
  test('chosen by 1 of 3 it does not', () => {
    const r = councilResult(water, [halted, ok, ok]);
    assert.deepEqual([r.knockedOut, r.star], [null, r.bandStar]);
  });
  test('a knock-out the council records', () => {
    const r = councilResult(rau, [meets, meets], { knockOut: { reason: rau.disqualifiers[0]! } });
    assert.deepEqual([r.star, r.knockedOut?.byLevel], [null, false]);
  });
  test('no members, or a member with invalid answers, is refused', () => {
    assert.throws(() => councilResult(rau, []), /at least one member/);
    assert.throws(
      () => councilResult(rau, [meets, { ...meets, '1.3': 9 }]),
      (err: unknown) => err instanceof RubricAnswersError && /^member 2:/.test(err.issues[0]!.message),
    );
  });
});
