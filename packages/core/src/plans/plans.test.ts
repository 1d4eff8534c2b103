import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { currentIndicators, findIndicator, INDICATORS, type Aggregation } from './indicators.ts';
import { rollUp, type IndicatorPartial } from './rollup.ts';
import {
  checkSplit,
  elapsedShare,
  forecastAtEnd,
  percentAchieved,
  periodRange,
  proportionalSplit,
  targetStatus,
  type TargetFacts,
  type TargetStatus,
} from './targets.ts';

/** Records of one commune → its partial (total of values, number of records). */
const partialOf = (values: number[]): IndicatorPartial => ({
  numerator: values.reduce((a, b) => a + b, 0),
  denominator: values.length,
});

describe('roll-up', () => {
  const communeA = [10, 20, 30]; // mean 20
  const communeB = [100]; // mean 100
  const cases: [string, Aggregation, IndicatorPartial[], number | null][] = [
    // (10+20+30+100)/4 = 40, not the mean of the commune means (20+100)/2 = 60.
    ['mean over records, not mean of means', 'mean-of-records', [partialOf(communeA), partialOf(communeB)], 40],
    [
      'ratio: Σ numerator ÷ Σ denominator',
      'ratio',
      [
        { numerator: 90, denominator: 3 },
        { numerator: 10, denominator: 1 },
      ],
      25,
    ],
    [
      'count adds',
      'count',
      [
        { numerator: 3, denominator: 0 },
        { numerator: 4, denominator: 0 },
      ],
      7,
    ],
    [
      'sum adds',
      'sum',
      [
        { numerator: 2.5, denominator: 0 },
        { numerator: 1, denominator: 0 },
      ],
      3.5,
    ],
    ['mean over no records is unknown', 'mean-of-records', [], null],
    ['count over nothing is 0', 'count', [], 0],
  ];
  for (const [name, aggregation, parts, expected] of cases)
    test(name, () => assert.equal(rollUp(aggregation, parts), expected));
  test('the wrong way gives a different answer', () => {
    const meanOfMeans = (20 + 100) / 2;
    assert.notEqual(rollUp('mean-of-records', [partialOf(communeA), partialOf(communeB)]), meanOfMeans);
  });
});

describe('periods', () => {
  const cases: [number, number | null, string, string][] = [
    [2021, null, '2021-01-01', '2021-12-31'],
    [2024, 1, '2024-01-01', '2024-03-31'],
    [2024, 2, '2024-04-01', '2024-06-30'],
    [2026, 4, '2026-10-01', '2026-12-31'],
  ];
  for (const [year, quarter, start, end] of cases)
    test(`${year} Q${quarter ?? '-'}`, () => assert.deepEqual(periodRange({ year, quarter }), { start, end }));
  const shares: [string, number][] = [
    ['2025-12-31', 0],
    ['2026-01-01', 1 / 365],
    ['2026-07-02', 183 / 365],
    ['2026-12-31', 1],
    ['2027-05-01', 1],
  ];
  for (const [today, share] of shares)
    test(`elapsed on ${today}`, () => assert.equal(elapsedShare({ year: 2026, quarter: null }, today), share));
});

describe('forecast, percent and status', () => {
  test('a flow runs on from zero', () => assert.equal(forecastAtEnd('flow', 50, 999, 0.25), 200));
  test('a stock runs on from its baseline', () => assert.equal(forecastAtEnd('stock', 3100, 3048, 0.5), 3152));
  test('after the end the forecast is the actual', () => assert.equal(forecastAtEnd('flow', 7, null, 1), 7));

  const pct: [Parameters<typeof percentAchieved>, number | null][] = [
    [['at_least', 76, 152], 50],
    [['at_least', null, 152], null],
    [['at_most', 50, 100], 200],
    [['at_most', 0, 100], 100],
    [['at_least', 3, 0], 100],
  ];
  for (const [args, expected] of pct)
    test(`percent ${args.join(' ')}`, () => assert.equal(percentAchieved(...args), expected));

  const base: TargetFacts = {
    kind: 'flow',
    direction: 'at_least',
    target: 400,
    baseline: null,
    actual: 0,
    elapsed: 0.5,
  };
  const cases: [string, Partial<TargetFacts>, TargetStatus][] = [
    ['half-way with half done', { actual: 200 }, 'on_track'],
    ['half-way, forecast 380 of 400 (within 10 %)', { actual: 190 }, 'at_risk'],
    ['half-way, forecast 200 of 400', { actual: 100 }, 'off_track'],
    ['before the start', { elapsed: 0, actual: 0 }, 'not_started'],
    ['unknown actual', { actual: null }, 'not_started'],
    ['ended short', { elapsed: 1, actual: 399 }, 'at_risk'],
    ['ended met', { elapsed: 1, actual: 400 }, 'on_track'],
    [
      'at most: under the ceiling',
      { direction: 'at_most', target: 145, actual: 60, kind: 'stock', baseline: 0 },
      'on_track',
    ],
    ['at most: heading over', { direction: 'at_most', target: 100, actual: 80, kind: 'flow' }, 'off_track'],
    ['at most: a little over', { direction: 'at_most', target: 100, actual: 52.5, kind: 'flow' }, 'at_risk'],
    ['stock from baseline', { kind: 'stock', baseline: 3048, target: 3200, actual: 3124 }, 'on_track'],
    ['stock stuck at baseline', { kind: 'stock', baseline: 3048, target: 3200, actual: 3048 }, 'at_risk'],
  ];
  for (const [name, over, expected] of cases)
    test(name, () => assert.equal(targetStatus({ ...base, ...over }).status, expected));
});

describe('splitting a city target', () => {
  const cases: [Aggregation, number, number[], boolean][] = [
    ['count', 152, [100, 52], true],
    ['count', 152, [100, 50], false],
    ['sum', 10.5, [5.25, 5.25], true],
    ['mean-of-records', 2.9e9, [3e9, 2.5e9], true],
    ['ratio', 54e6, [50e6], true],
  ];
  for (const [aggregation, parent, children, ok] of cases)
    test(`${aggregation} ${parent} → ${children.join('+')}`, () =>
      assert.equal(checkSplit(aggregation, parent, children).ok, ok));

  const shares: [number, number[], number[]][] = [
    [152, [1, 1], [76, 76]],
    [10, [1, 1, 1], [4, 3, 3]],
    [7, [0, 0], [4, 3]],
    [100, [30, 70], [30, 70]],
  ];
  for (const [total, weights, expected] of shares)
    test(`proportional ${total} by ${weights.join(':')}`, () => {
      const out = proportionalSplit(total, weights);
      assert.deepEqual(out, expected);
      assert.equal(
        out.reduce((a, b) => a + b, 0),
        total,
      );
    });
});

describe('indicator library', () => {
  test('every (id, version) is unique', () => {
    const keys = INDICATORS.map((d) => `${d.id}@${d.version}`);
    assert.equal(new Set(keys).size, keys.length);
  });
  test('lookup by id and version', () => {
    assert.equal(findIndicator({ id: 'coop_avg_revenue', version: 1 })?.aggregation, 'mean-of-records');
    assert.equal(findIndicator({ id: 'coop_avg_revenue', version: 9 }), undefined);
  });
  test('averages read a measure', () => {
    for (const d of currentIndicators())
      if (d.aggregation === 'mean-of-records' || d.aggregation === 'ratio') assert.ok(d.filters.measure, d.id);
  });
});
