import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { rubricSheetSchema, rubricSummarySchema } from '../contracts/ocop.ts';
import { checkRubricSheet } from './consistency.ts';
import {
  bandFor,
  findCriterion,
  listCriteria,
  partMaxPoints,
  requiredPoints,
  summarizeRubric,
  type RubricSheet,
  type RubricSummary,
} from './rubric.ts';
import { scoreSheet } from './score.ts';
import { bestAnswers, floorAnswers, lowestAnswers, lowerTo, raiseTo, totalOf } from './testing.ts';

const DATA = fileURLToPath(new URL('../../../../data/ocop-rubrics/', import.meta.url));
const readJson = (file: string): unknown => JSON.parse(readFileSync(`${DATA}${file}`, 'utf8'));
const index = readJson('index.json') as RubricSummary[];
const sheets = index.map((s) => readJson(`${s.id}.json`) as RubricSheet);
const sheet = (id: string) => sheets.find((s) => s.id === id)!;
const complete = sheets.filter((s) => s.coverage === 'complete');
const current = complete.filter((s) => s.decision.current);

describe('shipped sheets', () => {
  test('index lists every sheet file exactly once', () => {
    const files = readdirSync(DATA).filter((f) => f.endsWith('.json') && f !== 'index.json');
    assert.deepEqual(index.map((s) => `${s.id}.json`).sort(), files.sort());
    assert.deepEqual(
      index.map((s) => rubricSummarySchema.parse(s)),
      sheets.map(summarizeRubric),
    );
  });

  test('26 current complete sheets numbered 1–26, one QĐ 148 fragment, five QĐ 1048 sheets', () => {
    assert.deepEqual(
      current.map((s) => s.sheetNumber),
      Array.from({ length: 26 }, (_, i) => i + 1),
    );
    assert.deepEqual(
      sheets.filter((s) => s.coverage === 'fragment').map((s) => s.decision.code),
      ['qd148-2023'],
    );
    assert.equal(sheets.filter((s) => s.decision.code === 'qd1048-2019').length, 5);
  });

  for (const s of sheets) {
    test(`${s.id} passes the schema and the arithmetic`, () => {
      const parsed = rubricSheetSchema.safeParse(s);
      assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
      assert.deepEqual(checkRubricSheet(s), []);
    });
  }
});

describe('helpers', () => {
  const rau = sheet('qd26-2026-rau-cu-qua-hat-tuoi');
  test('criteria in printed order, each findable by code', () => {
    const codes = listCriteria(rau).map((r) => r.criterion.code);
    assert.deepEqual(codes.slice(0, 3), ['1.1', '1.2', '1.3']);
    assert.equal(new Set(codes).size, codes.length);
    for (const code of codes) assert.equal(findCriterion(rau, code)?.code, code);
    assert.equal(findCriterion(rau, '99.9'), undefined);
  });

  const partCases: [string, Record<'A' | 'B' | 'C', number>][] = [
    ['qd26-2026-rau-cu-qua-hat-tuoi', { A: 40, B: 25, C: 35 }],
    ['qd148-gao-ngu-coc-hat-so-che-khac', { A: 40, B: 25, C: 35 }],
    ['qd1048-rau-cu-qua-hat-tuoi', { A: 35, B: 25, C: 40 }],
  ];
  for (const [id, parts] of partCases)
    test(`part maxima of ${id}`, () => assert.deepEqual(partMaxPoints(sheet(id)), parts));

  test('a lower grade minimum carries upward; none below 3★', () => {
    const labelling = findCriterion(rau, '2.3')!; // 3★: 1 point, 4★ and 5★: 3 points
    assert.deepEqual(
      ([1, 2, 3, 4, 5] as const).map((s) => requiredPoints(labelling, s)),
      [null, null, labelling.minimumForStars?.[3], labelling.minimumForStars?.[4], labelling.minimumForStars?.[5]],
    );
  });
});

describe('star bands', () => {
  // QĐ 26/2026 Điều 3: 5★ 90–100, 4★ 70–<90, 3★ 50–<70, 2★ 30–<50, 1★ <30.
  const cases: [number, number][] = [
    [0, 1],
    [29.99, 1],
    [30, 2],
    [49.99, 2],
    [50, 3],
    [69.99, 3],
    [70, 4],
    [89.99, 4],
    [90, 5],
    [100, 5],
  ];
  for (const s of [sheet('qd26-2026-rau-cu-qua-hat-tuoi'), sheet('qd1048-rau-cu-qua-hat-tuoi')])
    for (const [total, stars] of cases)
      test(`${s.decision.code}: ${total} points → ${stars}★ band`, () =>
        assert.equal(bandFor(s.starBands, total).stars, stars));
  test('QĐ 1048 prints 4★ as 70–89: a mean of 89.5 is still 4★, not in a gap', () =>
    assert.equal(bandFor(sheet('qd1048-rau-cu-qua-hat-tuoi').starBands, 89.5).stars, 4));
});

describe('scoring every shipped complete sheet', () => {
  for (const s of current) {
    test(`${s.id}: every level at its best → 100 points, 5★`, () => {
      const r = scoreSheet(s, bestAnswers(s));
      assert.equal(r.total, 100);
      assert.deepEqual(r.parts, partMaxPoints(s));
      assert.equal(r.star, 5);
      assert.deepEqual(r.blockedBy, []);
    });
  }
  for (const s of complete) {
    test(`${s.id}: every level at its lowest → the band of the lowest total, or knocked out`, () => {
      const answers = lowestAnswers(s);
      const r = scoreSheet(s, answers);
      const expected = totalOf(s, answers);
      // Sheets whose 0-point levels stop the evaluation knock such a product out instead.
      const halts = listCriteria(s).some(({ criterion: c }) => c.levels[answers[c.code]!]!.haltsEvaluation);
      assert.equal(r.total, expected);
      assert.equal(r.bandStar, bandFor(s.starBands, expected).stars);
      assert.ok(r.bandStar <= 2, `lowest total ${expected}`);
      assert.equal(r.star, halts ? null : r.bandStar);
      assert.equal(r.knockedOut !== null, halts);
    });
  }
});

describe('band boundaries on real answers', () => {
  const s = sheet('qd26-2026-che-bien-tu-rau-cu-qua-hat');
  const lowest = lowestAnswers(s);
  const meetsAll = floorAnswers(s, 5);
  const floorTotal = totalOf(s, meetsAll);
  test('the 5★ minimums alone stay under 70 points, so every band above is reachable with them met', () =>
    assert.ok(floorTotal < 70, `${floorTotal}`));
  for (const total of [29, 30, 49, 50, 69, 70, 89, 90, 100]) {
    test(`${total} points with every minimum met → the band's star`, () => {
      const start = total >= floorTotal ? meetsAll : lowest;
      const r = scoreSheet(s, raiseTo(s, start, total));
      assert.equal(r.total, total);
      assert.equal(r.bandStar, bandFor(s.starBands, total).stars);
      // Below 3★ there are no minimums; from the floor total up every minimum is met.
      if (total >= floorTotal || r.bandStar <= 2) assert.equal(r.star, r.bandStar);
    });
  }
  test('lowering from 100 to 92 within the 5★ floors keeps 5★', () => {
    const r = scoreSheet(s, lowerTo(s, bestAnswers(s), meetsAll, 92));
    assert.deepEqual([r.total, r.star], [92, 5]);
  });
});

describe('checkRubricSheet catches broken arithmetic', () => {
  const base = sheet('qd26-2026-rau-cu-qua-hat-tuoi');
  const mutate = (f: (s: RubricSheet) => void): RubricSheet => {
    const s = structuredClone(base);
    f(s);
    return s;
  };
  const first = (s: RubricSheet) => s.parts[0]!.groups[0]!.criteria[0]!;
  const cases: [string, RubricSheet, RegExp][] = [
    ['a level above the criterion maximum', mutate((s) => (first(s).levels[0]!.points = 9)), /above the maximum/],
    ['criteria not adding up to the group', mutate((s) => (s.parts[0]!.groups[0]!.maxPoints += 1)), /group states/],
    ['parts not adding up to 100', mutate((s) => (s.parts[2]!.maxPoints -= 1)), /sum to 99/],
    ['a duplicated criterion code', mutate((s) => (s.parts[1]!.groups[0]!.criteria[0]!.code = '1.1')), /appears twice/],
    [
      'a minimum no level carries',
      mutate((s) => (first(s).minimumForStars = { 3: 2 })),
      /must match exactly one level/,
    ],
    ['a gap between bands', mutate((s) => (s.starBands[1]!.minScore = 71)), /gap or overlap/],
    [
      'a level naming a case on a criterion without cases',
      mutate((s) => (first(s).levels[0]!.case = 1)),
      /names a case/,
    ],
  ];
  for (const [name, broken, message] of cases) {
    test(name, () => {
      const problems = checkRubricSheet(broken);
      assert.ok(
        problems.some((p) => message.test(p)),
        problems.join('\n'),
      );
      assert.equal(rubricSheetSchema.safeParse(broken).success, false);
    });
  }
  test('a fragment may fall short of its maxima but not exceed them', () => {
    const fragment = sheet('qd148-gao-ngu-coc-hat-so-che-khac');
    assert.deepEqual(checkRubricSheet(fragment), []);
    const over = structuredClone(fragment);
    over.parts[0]!.groups[0]!.maxPoints = 7;
    assert.ok(checkRubricSheet(over).some((p) => /exceed group maximum/.test(p)));
  });
  test('the schema refuses unknown fields (a typo must not silently drop a minimum)', () => {
    const typo = structuredClone(base) as unknown as { parts: { groups: { criteria: Record<string, unknown>[] }[] }[] };
    typo.parts[0]!.groups[0]!.criteria[0]!['minimumForstars'] = { 3: 1 };
    assert.equal(rubricSheetSchema.safeParse(typo).success, false);
  });
});
