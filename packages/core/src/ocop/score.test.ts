import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  findCriterion,
  listCriteria,
  requiredPoints,
  type RubricAnswers,
  type RubricCriterion,
  type RubricSheet,
  type RubricSummary,
} from './rubric.ts';
import { scoreSheet } from './score.ts';
import { bestAnswers, floorAnswers, lowerTo, totalOf } from './testing.ts';

const DATA = fileURLToPath(new URL('../../../../data/ocop-rubrics/', import.meta.url));
const load = (id: string) => JSON.parse(readFileSync(`${DATA}${id}.json`, 'utf8')) as RubricSheet;
const index = JSON.parse(readFileSync(`${DATA}index.json`, 'utf8')) as RubricSummary[];
const complete = index.filter((s) => s.coverage === 'complete').map((s) => load(s.id));
const current = complete.filter((s) => s.decision.current);
const levelWith = (c: RubricCriterion, ok: (points: number) => boolean) => c.levels.findIndex((l) => ok(l.points));

describe('per-star minimums', () => {
  // For every current sheet: a criterion whose 5★ minimum is above its 4★ one, set between the two,
  // everything else at or above its 5★ minimum, total lowered to exactly 92.
  for (const s of current) {
    const c = listCriteria(s)
      .map((r) => r.criterion)
      .find((x) => {
        const [four, five] = [requiredPoints(x, 4) ?? 0, requiredPoints(x, 5)];
        return five !== null && five > four && levelWith(x, (p) => p >= four && p < five) >= 0;
      });
    if (!c) continue;
    test(`${s.id}: 92 points missing the 5★ minimum of ${c.code} → 4★`, () => {
      const four = requiredPoints(c, 4) ?? 0;
      const low = levelWith(c, (p) => p >= four && p < requiredPoints(c, 5)!);
      const floor = { ...floorAnswers(s, 5), [c.code]: low };
      const answers = lowerTo(s, { ...bestAnswers(s), [c.code]: low }, floor, 92);
      const r = scoreSheet(s, answers);
      assert.deepEqual([r.total, r.bandStar, r.star], [92, 5, 4]);
      assert.deepEqual(r.blockedBy, [
        {
          criterion: c.code,
          title: c.title,
          star: 5,
          requiredPoints: requiredPoints(c, 5),
          actualPoints: c.levels[low]!.points,
        },
      ]);
    });
  }

  test('a missed 3★ minimum drops an 80-point product to 2★, listing the minimum at 4★ and 3★', () => {
    const s = load('qd26-2026-rau-cu-qua-hat-tuoi');
    const c = findCriterion(s, '2.2')!; // "Đóng gói, bao bì": 3★ needs "Đóng gói sáng tạo, bao bì đẹp"
    const required = requiredPoints(c, 3)!;
    const low = levelWith(c, (p) => p < required);
    const floor = { ...floorAnswers(s, 5), [c.code]: low };
    const r = scoreSheet(s, lowerTo(s, { ...bestAnswers(s), [c.code]: low }, floor, 80));
    assert.deepEqual([r.total, r.bandStar, r.star], [80, 4, 2]);
    assert.deepEqual(
      r.blockedBy.map((b) => [b.criterion, b.star, b.requiredPoints, b.actualPoints]),
      [
        ['2.2', 4, requiredPoints(c, 4), c.levels[low]!.points],
        ['2.2', 3, required, c.levels[low]!.points],
      ],
    );
  });
});

describe('alternative cases (tourism sheet, criteria 8, 9, 15)', () => {
  const s = load('qd26-2026-dich-vu-du-lich-cong-dong-sinh-thai-diem-du-lich');
  for (const code of ['8', '9', '15']) {
    const c = findCriterion(s, code)!;
    test(`${code}: two labelled cases, either can reach the maximum, the chosen level counts`, () => {
      assert.equal(c.cases?.instruction, 'Lựa chọn một trong hai trường hợp sau:');
      assert.deepEqual(
        c.cases?.list.map((x) => [x.case, x.label?.slice(0, 15)]),
        [
          [1, 'a. Trường hợp 1'],
          [2, 'b. Trường hợp 2'],
        ],
      );
      for (const n of [1, 2]) {
        const levels = c.levels.flatMap((l, i) => (l.case === n ? [i] : []));
        assert.equal(Math.max(...levels.map((i) => c.levels[i]!.points)), c.maxPoints);
        for (const i of levels) {
          const r = scoreSheet(s, { ...bestAnswers(s), [code]: i });
          const row = r.criteria.find((x) => x.code === code)!;
          assert.deepEqual([row.levelIndex, row.points], [i, c.levels[i]!.points]);
          assert.equal(r.total, 100 - c.maxPoints + c.levels[i]!.points);
        }
      }
    });
  }
});

describe('conditional criterion 5.2', () => {
  for (const s of current.filter((x) => findCriterion(x, '5.2')?.conditional)) {
    test(`${s.id}: 5.2 not applicable scores 0`, () => {
      const c = findCriterion(s, '5.2')!;
      const r = scoreSheet(s, { ...bestAnswers(s), '5.2': null });
      const row = r.criteria.find((x) => x.code === '5.2')!;
      assert.deepEqual([row.levelIndex, row.points], [null, 0]);
      assert.equal(r.total, 100 - c.maxPoints);
      assert.equal(r.parts.B, 25 - c.maxPoints);
      assert.equal(c.minimumForStars, undefined, 'no sheet sets a minimum on 5.2');
      assert.equal(r.star, r.bandStar);
    });
  }
});

describe('knock-outs', () => {
  const rau = load('qd26-2026-che-bien-tu-rau-cu-qua-hat');
  test('a sheet-level rejection recorded by the evaluator: no star, the reason is kept', () => {
    const reason = rau.disqualifiers[0]!;
    const r = scoreSheet(rau, bestAnswers(rau), { knockOut: { reason } });
    assert.deepEqual([r.total, r.bandStar, r.star, r.blockedBy], [100, 5, null, []]);
    assert.deepEqual(r.knockedOut, { reason, criterion: null, byLevel: false });
  });
  test("a criterion's 'Bị loại nếu …' note recorded by the evaluator names the criterion", () => {
    const c = findCriterion(rau, '1.1')!;
    assert.match(c.disqualifiesIf ?? '', /^Ghi chú: Bị loại nếu/);
    const r = scoreSheet(rau, bestAnswers(rau), { knockOut: { reason: c.disqualifiesIf!, criterion: '1.1' } });
    assert.deepEqual([r.star, r.knockedOut?.criterion], [null, '1.1']);
  });

  // Only the notes that name a score ("0 điểm") make a level stop the evaluation by itself.
  const cases: [sheet: string, criterion: string, halts: boolean][] = [
    ['qd26-2026-nuoc-khoang-nuoc-uong-dong-chai', '6.1', true],
    ['qd26-2026-nuoc-khoang-nuoc-uong-dong-chai', '6.2', true],
    ['qd26-2026-nuoc-khoang-nuoc-uong-dong-chai', '6.4', true],
    ['qd1048-che-bien-tu-rau-cu-qua-hat', '6.1', true],
    ['qd26-2026-che-bien-tu-rau-cu-qua-hat', '6.1', false], // "Có tạp chất" is a degree, not the unacceptable kind
    ['qd26-2026-che-tuoi-che-che-bien', '6.1.1', false],
    ['qd26-2026-my-pham-thanh-phan-duoc-lieu', '6', false],
  ];
  for (const [id, code, halts] of cases) {
    test(`${id} ${code} at 0 points ${halts ? 'stops the evaluation' : 'just scores 0'}`, () => {
      const s = load(id);
      const zero = levelWith(findCriterion(s, code)!, (p) => p === 0);
      const r = scoreSheet(s, { ...bestAnswers(s), [code]: zero });
      assert.equal(r.knockedOut?.byLevel ?? false, halts);
      assert.equal(r.star === null, halts);
      if (halts) assert.match(r.knockedOut!.reason, /0 (đ|Đ)iểm/);
    });
  }
});

test('corrected cells score as recorded: sheet 4 criterion 7 "Có trên 2 chỉ tiêu" is 3, printed 13', () => {
  const s = load('qd26-2026-mat-ong-mat-khac-nong-san-thuc-pham-khac');
  const c = findCriterion(s, '7')!;
  const i = c.levels.findIndex((l) => l.correction?.sourcePoints === 13);
  assert.equal(c.levels[i]!.points, 3);
  const r = scoreSheet(s, { ...bestAnswers(s), '7': i });
  assert.equal(r.total, 100 - c.maxPoints + 3);
});

describe('invariants on pseudo-random answers', () => {
  // Deterministic (mulberry32), so a failure reproduces.
  let seed = 20260522;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (const s of complete) {
    test(`${s.id}: totals add up, star ≤ band, blockers explain the gap`, () => {
      for (let n = 0; n < 50; n++) {
        const answers: RubricAnswers = {};
        for (const { criterion: c } of listCriteria(s))
          answers[c.code] = c.conditional && random() < 0.2 ? null : Math.floor(random() * c.levels.length);
        const r = scoreSheet(s, answers);
        assert.equal(r.total, totalOf(s, answers));
        assert.equal(r.parts.A + r.parts.B + r.parts.C, r.total);
        assert.equal(
          r.groups.reduce((sum, g) => sum + g.points, 0),
          r.total,
        );
        if (r.knockedOut) continue;
        assert.ok(r.star !== null && r.star <= r.bandStar);
        assert.equal(r.blockedBy.length > 0, r.star < r.bandStar);
        assert.ok(r.blockedBy.every((b) => b.star > r.star! && b.actualPoints < b.requiredPoints));
      }
    });
  }
});
