import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { scorePreviewResultSchema } from '../contracts/ocop.ts';
import { nextStarPlan, previewScore, type NextStarPlan } from './plan.ts';
import {
  findCriterion,
  levelsInCase,
  listCriteria,
  requiredPoints,
  type OcopStar,
  type RubricAnswers,
  type RubricSheet,
  type RubricSummary,
} from './rubric.ts';
import { scoreSheet } from './score.ts';
import { bestAnswers, extremeLevel, floorAnswers, lowestAnswers, raiseTo, totalOf } from './testing.ts';

const DATA = fileURLToPath(new URL('../../../../data/ocop-rubrics/', import.meta.url));
const load = (id: string) => JSON.parse(readFileSync(`${DATA}${id}.json`, 'utf8')) as RubricSheet;
const index = JSON.parse(readFileSync(`${DATA}index.json`, 'utf8')) as RubricSummary[];

const apply = (answers: RubricAnswers, plan: NextStarPlan): RubricAnswers => ({
  ...answers,
  ...Object.fromEntries(plan.changes.map((c) => [c.criterion, c.toLevel])),
});
const minScore = (s: RubricSheet, star: OcopStar) => s.starBands.find((b) => b.stars === star)!.minScore;

// Two worked plans on the fresh-produce sheet, built from its own minimums: a 3★ product with only
// the 3★ minimums met (then topped up on criteria without a 4★ minimum), and a 4★ product with only
// the 4★ minimums met (topped up on criteria whose 5★ minimum is no higher).
const rau = load('qd26-2026-rau-cu-qua-hat-tuoi');
const worked: [from: OcopStar, total: number][] = [
  [3, 55],
  [4, 75],
];
for (const [from, total] of worked) {
  const target = (from + 1) as OcopStar;
  describe(`from a ${from}★ product to ${target}★`, () => {
    const s = rau;
    const answers = raiseTo(
      s,
      floorAnswers(s, from),
      total,
      (c) => requiredPoints(c, target) === requiredPoints(c, from),
    );
    const before = scoreSheet(s, answers);
    const plan = nextStarPlan(s, answers);
    const pointsBefore = (code: string) => before.criteria.find((x) => x.code === code)!.points;
    const unmet = listCriteria(s)
      .map((r) => r.criterion)
      .filter((c) => (requiredPoints(c, target) ?? 0) > pointsBefore(c.code));

    test(`the worked answers score ${total}, ${from}★, and miss some ${target}★ minimums`, () => {
      assert.deepEqual([before.total, before.star], [total, from]);
      assert.ok(unmet.length > 0);
    });

    test(`mandatory changes come first: exactly the unmet ${target}★ minimums`, () => {
      const mandatory = plan.changes.filter((c) => c.mandatory);
      assert.deepEqual(
        plan.changes.slice(0, mandatory.length).map((c) => c.mandatory),
        mandatory.map(() => true),
      );
      assert.deepEqual(
        mandatory.map((c) => c.criterion),
        unmet.map((c) => c.code),
      );
      for (const ch of plan.changes) {
        const c = findCriterion(s, ch.criterion)!;
        assert.deepEqual(
          [ch.fromLevel, ch.fromPoints, ch.title, ch.description],
          [answers[ch.criterion], pointsBefore(ch.criterion), c.title, c.levels[ch.toLevel]!.description],
        );
        if (ch.mandatory) assert.ok(ch.toPoints >= requiredPoints(c, target)!);
      }
    });

    test(`applied, the plan really scores ${target}★`, () => {
      const after = scoreSheet(s, apply(answers, plan));
      assert.deepEqual([plan.targetStar, plan.reachable, plan.reason], [target, true, null]);
      assert.deepEqual([after.total, after.star], [plan.pointsAfter, plan.starAfter]);
      assert.ok(after.star! >= target && after.total >= minScore(s, target));
    });

    test('the optional part uses as few criteria as the gains allow, the last at its lowest closing level', () => {
      const mandatoryOnly = apply(answers, { ...plan, changes: plan.changes.filter((c) => c.mandatory) });
      const changed = new Set(plan.changes.filter((c) => c.mandatory).map((c) => c.criterion));
      const headroom = (code: string) => {
        const c = findCriterion(s, code)!;
        const at = mandatoryOnly[code]!;
        return c.levels[extremeLevel(c, levelsInCase(c, at), true)]!.points - c.levels[at]!.points;
      };
      // Raising an already-changed criterion further adds nothing to the count.
      let gap =
        minScore(s, target) - totalOf(s, mandatoryOnly) - [...changed].reduce((t, code) => t + headroom(code), 0);
      const gains = listCriteria(s)
        .map((r) => r.criterion.code)
        .filter((code) => !changed.has(code))
        .map(headroom)
        .sort((a, b) => b - a);
      let fewest = 0;
      while (gap > 0) gap -= gains[fewest++]!;
      const optional = plan.changes.filter((c) => !c.mandatory);
      assert.equal(optional.length, fewest);
      const last = optional[optional.length - 1];
      if (last) {
        const c = findCriterion(s, last.criterion)!;
        for (const i of levelsInCase(c, last.toLevel).filter((i) => c.levels[i]!.points < last.toPoints)) {
          const trial = { ...apply(answers, plan), [last.criterion]: i };
          assert.ok(totalOf(s, trial) < minScore(s, target), `level ${i} of ${last.criterion} would do`);
        }
      }
    });

    test('the preview endpoint result is the score plus this plan, and fits its contract', () => {
      const preview = previewScore(s, answers);
      assert.deepEqual(preview.nextStar, plan);
      assert.deepEqual(scorePreviewResultSchema.parse(preview), preview);
    });
  });
}

test('the 4★ → 5★ worked plan needs optional changes, so the fewest-criteria rule is exercised', () => {
  const answers = raiseTo(rau, floorAnswers(rau, 4), 75, (c) => requiredPoints(c, 5) === requiredPoints(c, 4));
  assert.ok(nextStarPlan(rau, answers).changes.some((c) => !c.mandatory));
});

describe('climbing every current sheet from its lowest answers to 5★', () => {
  for (const { id } of index.filter((x) => x.current)) {
    test(id, () => {
      const s = load(id);
      // Lowest levels, but not the ones that stop the evaluation, and the product story absent.
      let answers: RubricAnswers = lowestAnswers(s);
      for (const { criterion: c } of listCriteria(s)) {
        if (c.levels[answers[c.code]!]!.haltsEvaluation)
          answers[c.code] = c.levels.findIndex((l) => !l.haltsEvaluation);
        if (c.conditional) answers[c.code] = null;
      }
      const seen: OcopStar[] = [];
      for (let step = 0; step < 5; step++) {
        const plan = nextStarPlan(s, answers);
        if (plan.reason === 'ALREADY_TOP') break;
        assert.equal(plan.reachable, true, JSON.stringify(plan));
        assert.equal(plan.targetStar, plan.currentStar! + 1);
        const firstOptional = plan.changes.findIndex((c) => !c.mandatory);
        assert.ok(firstOptional === -1 || plan.changes.slice(firstOptional).every((c) => !c.mandatory));
        answers = apply(answers, plan);
        const after = scoreSheet(s, answers);
        assert.ok(after.star! >= plan.targetStar!, `${after.star} < ${plan.targetStar}`);
        seen.push(after.star!);
      }
      assert.equal(scoreSheet(s, answers).star, 5);
      assert.ok(seen.length >= 1);
    });
  }
});

describe('cases, top and knock-outs', () => {
  test('tourism: a criterion answered in case 2 is only raised within case 2', () => {
    const s = load('qd26-2026-dich-vu-du-lich-cong-dong-sinh-thai-diem-du-lich');
    let answers = lowestAnswers(s);
    const caseTwo = (code: string) => findCriterion(s, code)!.levels.findIndex((l) => l.case === 2);
    for (const code of ['8', '9', '15']) answers[code] = caseTwo(code);
    for (let step = 0; step < 5 && scoreSheet(s, answers).star !== 5; step++) {
      const plan = nextStarPlan(s, answers);
      for (const ch of plan.changes.filter((x) => ['8', '9', '15'].includes(x.criterion)))
        assert.equal(findCriterion(s, ch.criterion)!.levels[ch.toLevel]!.case, 2);
      answers = apply(answers, plan);
    }
    assert.equal(scoreSheet(s, answers).star, 5);
  });

  test('a minimum only the other case can meet is out of reach: the plan does not switch case', () => {
    // QĐ 1048 prints no minimums; give 3.2 a 3★ minimum of 2 points, which only case 1 offers.
    const s = structuredClone(load('qd1048-rau-cu-qua-hat-tuoi'));
    const c = findCriterion(s, '3.2')!;
    const two = c.levels.findIndex((l) => l.points === 2);
    c.minimumForStars = { 3: 2, 4: 2, 5: 2 };
    c.levels[two]!.minimumFor = [3, 4, 5];
    const inCase = (n: number) => c.levels.findIndex((l) => l.case === n);
    const base = raiseTo(s, { ...lowestAnswers(s), '3.2': inCase(2) }, 60);
    const stuck = nextStarPlan(s, base);
    assert.deepEqual(
      [stuck.currentStar, stuck.targetStar, stuck.reachable, stuck.reason],
      [2, 3, false, 'OUT_OF_REACH'],
    );
    assert.ok(stuck.changes.every((ch) => ch.criterion !== '3.2'));
    const open = nextStarPlan(s, { ...base, '3.2': inCase(1) });
    assert.deepEqual([open.reachable, open.changes[0]?.criterion, open.changes[0]?.toLevel], [true, '3.2', two]);
  });

  test('already 5★, or knocked out: no plan, and the reason', () => {
    const s = load('qd26-2026-rau-cu-qua-hat-tuoi');
    const top = nextStarPlan(s, bestAnswers(s));
    assert.deepEqual([top.currentStar, top.targetStar, top.reason, top.changes], [5, null, 'ALREADY_TOP', []]);
    assert.equal(previewScore(s, bestAnswers(s)).nextStar, null);
    const ko = nextStarPlan(s, lowestAnswers(s), { knockOut: { reason: s.disqualifiers[0]! } });
    assert.deepEqual([ko.currentStar, ko.targetStar, ko.reason], [null, null, 'KNOCKED_OUT']);
  });
});
