import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RubricAnswersError, validateAnswers, type RubricAnswerIssueCode, type RubricKnockOut } from './answers.ts';
import { listCriteria, type RubricAnswers, type RubricSheet } from './rubric.ts';
import { scoreSheet } from './score.ts';
import { bestAnswers } from './testing.ts';

const DATA = fileURLToPath(new URL('../../../../data/ocop-rubrics/', import.meta.url));
const load = (id: string) => JSON.parse(readFileSync(`${DATA}${id}.json`, 'utf8')) as RubricSheet;

const rau = load('qd26-2026-rau-cu-qua-hat-tuoi');
const tea = load('qd26-2026-che-tuoi-che-che-bien');
const water = load('qd26-2026-nuoc-khoang-nuoc-uong-dong-chai');
const fragment = load('qd148-gao-ngu-coc-hat-so-che-khac');
const valid = bestAnswers(rau);
const codes = listCriteria(rau).map((r) => r.criterion.code);
const lastCode = codes[codes.length - 1]!;
// A code the tea sheet has and the fresh-produce sheet does not (tea's nested 6.1.1).
const foreign = listCriteria(tea)
  .map((r) => r.criterion.code)
  .find((c) => !codes.includes(c))!;
const levelsOf = (code: string) => rau.parts.flatMap((p) => p.groups.flatMap((g) => g.criteria)).find((c) => c.code === code)!.levels.length; // prettier-ignore
const without = (a: RubricAnswers, code: string) => Object.fromEntries(Object.entries(a).filter(([k]) => k !== code));

describe('validateAnswers', () => {
  type Case = [name: string, answers: RubricAnswers, expected: [RubricAnswerIssueCode, string | null][]];
  const cases: Case[] = [
    ['every criterion at a level', valid, []],
    ['a criterion left out', without(valid, '2.2'), [['MISSING', '2.2']]],
    [`a code from another sheet (${foreign})`, { ...valid, [foreign]: 0 }, [['UNKNOWN_CRITERION', foreign]]],
    ['a level index past the last level', { ...valid, '1.1': levelsOf('1.1') }, [['LEVEL_OUT_OF_RANGE', '1.1']]],
    ['a negative level index', { ...valid, '1.1': -1 }, [['LEVEL_OUT_OF_RANGE', '1.1']]],
    ['a fractional level index', { ...valid, '1.1': 1.5 }, [['NOT_INTEGER', '1.1']]],
    ['NaN', { ...valid, '1.1': Number.NaN }, [['NOT_INTEGER', '1.1']]],
    ['a string where a number belongs', { ...valid, '1.1': '1' as unknown as number }, [['NOT_INTEGER', '1.1']]],
    ['not applicable on a criterion that always applies', { ...valid, '1.1': null }, [['NOT_APPLICABLE_NOT_ALLOWED', '1.1']]], // prettier-ignore
    ['not applicable on conditional 5.2 ("Chỉ áp dụng khi có câu chuyện sản phẩm")', { ...valid, '5.2': null }, []],
    [
      'several problems at once, in printed order after unknown codes',
      { ...without(valid, lastCode), zz: 1, '1.2': 7 },
      [
        ['UNKNOWN_CRITERION', 'zz'],
        ['LEVEL_OUT_OF_RANGE', '1.2'],
        ['MISSING', lastCode],
      ],
    ],
  ];
  for (const [name, answers, expected] of cases) {
    test(name, () =>
      assert.deepEqual(
        validateAnswers(rau, answers).map((i) => [i.code, i.criterion]),
        expected,
      ),
    );
  }

  test('every issue says which criterion and why', () => {
    for (const issue of validateAnswers(rau, { ...valid, '1.1': 9, zz: 0 })) assert.match(issue.message, /1\.1|zz/);
  });

  test('a fragment sheet cannot be scored at all', () => {
    assert.deepEqual(
      validateAnswers(fragment, bestAnswers(fragment)).map((i) => [i.code, i.criterion]),
      [['INCOMPLETE_SHEET', null]],
    );
    assert.throws(() => scoreSheet(fragment, bestAnswers(fragment)), RubricAnswersError);
  });

  test('after a recorded knock-out the rest of the sheet may stay blank', () => {
    const ko: RubricKnockOut = { reason: rau.disqualifiers[0]!, criterion: null };
    assert.deepEqual(validateAnswers(rau, { '1.1': 0 }, { knockOut: ko }), []);
    assert.deepEqual(
      validateAnswers(rau, { '1.1': 0 }, { knockOut: { reason: 'x', criterion: '42' } }).map((i) => i.code),
      ['UNKNOWN_CRITERION'],
    );
  });

  test('after a halting level the later criteria may stay blank, the earlier may not', () => {
    // Nước khoáng 6.2 "Có màu" scores 0, and the note under 6.4 stops the evaluation at any 0 in 6.1–6.4.
    const order = listCriteria(water).map((r) => r.criterion.code);
    const best = bestAnswers(water);
    const answers: RubricAnswers = Object.fromEntries(
      order.slice(0, order.indexOf('6.2') + 1).map((c) => [c, best[c]!]),
    );
    answers['6.2'] = 0;
    for (const code of ['6.3', '6.4', '7', '10']) assert.equal(answers[code], undefined, code);
    assert.deepEqual(validateAnswers(water, answers), []);
    assert.deepEqual(
      validateAnswers(water, without(answers, '1.1')).map((i) => [i.code, i.criterion]),
      [['MISSING', '1.1']],
    );
  });

  test('scoreSheet refuses answers with issues and carries them', () => {
    assert.throws(
      () => scoreSheet(rau, without(valid, '2.2')),
      (err: unknown) => err instanceof RubricAnswersError && err.issues[0]?.code === 'MISSING',
    );
  });
});
