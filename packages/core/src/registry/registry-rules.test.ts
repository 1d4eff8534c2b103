import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isValidRegistrationCode, normalizeRegistrationCode } from './codes.ts';
import { checkMembers, type MemberFacts } from './members.ts';
import { checkRatingPoints, rateCooperative, RATING_TT01_2020 } from './rating.ts';
import { findReportErrors, findReportWarnings, type ReportFigures } from './report.ts';
import { applyReportAction, isReportEditable } from './report-workflow.ts';
import { classifyScale, SCALE_THRESHOLDS_ND113_2024 } from './scale.ts';
import { canChangeStatus, isFinalStatus } from './status.ts';
import type { EntityStatus, EntityType, ReportStatus } from './vocabulary.ts';

describe('status lifecycle', () => {
  const cases: [EntityStatus, EntityStatus, boolean][] = [
    ['active', 'suspended', true],
    ['suspended', 'active', true],
    ['active', 'dissolved', true],
    ['reorganising', 'active', true],
    ['dissolved', 'active', false],
    ['bankrupt', 'suspended', false],
    ['certificate_revoked', 'active', false],
    ['active', 'active', false],
  ];
  for (const [from, to, ok] of cases) test(`${from} → ${to}: ${ok}`, () => assert.equal(canChangeStatus(from, to), ok));
  test('dissolved, bankrupt and revoked are final', () => {
    assert.deepEqual(
      (['active', 'dissolved', 'bankrupt', 'certificate_revoked'] as EntityStatus[]).map(isFinalStatus),
      [false, true, true, true],
    );
  });
});

describe('registration codes', () => {
  const cases: [EntityType, string, boolean][] = [
    ['cooperative', '0101234567', true],
    ['cooperative', '0101234567-001', true],
    ['cooperative', '010123456', false],
    ['enterprise', '01012345678', false],
    ['cooperative_union', 'ABC1234567', false],
    ['household_business', '01A8012345', true],
    ['household_business', '01-a', false],
    ['cooperative_group', 'THT-0154', true],
  ];
  for (const [type, code, ok] of cases)
    test(`${type} ${code}: ${ok}`, () =>
      assert.equal(isValidRegistrationCode(type, normalizeRegistrationCode(code)), ok));
  test('typed codes are normalised', () => assert.equal(normalizeRegistrationCode(' 01a 801.2345 '), '01A8012345'));
});

describe('members (Law on Cooperatives 17/2023/QH15)', () => {
  const m = (id: string, capital: number, o: Partial<MemberFacts> = {}): MemberFacts => ({
    id,
    kind: 'individual',
    membership: 'official',
    capitalContributed: capital,
    leftOn: null,
    ...o,
  });
  const five = ['a', 'b', 'c', 'd', 'e'].map((id) => m(id, 100));
  test('a cooperative member over 30 % of charter capital is flagged', () => {
    const w = checkMembers('cooperative', 1000, [...five.slice(1), m('a', 310)]);
    assert.deepEqual(w, [{ code: 'capital_cap_exceeded', memberId: 'a', share: 0.31, cap: 0.3 }]);
  });
  test('exactly 30 % is allowed; a union allows 40 %', () => {
    assert.deepEqual(checkMembers('cooperative', 1000, [...five.slice(1), m('a', 300)]), []);
    const union = ['x', 'y', 'z'].map((id) => m(id, 0, { kind: 'legal_entity' }));
    union[0]!.capitalContributed = 400;
    assert.deepEqual(checkMembers('cooperative_union', 1000, union), []);
    union[0]!.capitalContributed = 401;
    assert.equal(checkMembers('cooperative_union', 1000, union)[0]?.code, 'capital_cap_exceeded');
  });
  test('too few official members, members who left do not count', () => {
    const w = checkMembers('cooperative', 0, [
      ...five.slice(0, 4),
      m('e', 0, { leftOn: '2024-01-01' }),
      m('f', 0, { membership: 'associate' }),
    ]);
    assert.deepEqual(w, [{ code: 'too_few_founders', official: 4, minimum: 5 }]);
  });
  test('union members must be cooperatives; enterprises have no caps', () => {
    const w = checkMembers('cooperative_union', 0, [
      m('x', 0, { kind: 'legal_entity' }),
      m('y', 0, { kind: 'legal_entity' }),
      m('p', 0),
    ]);
    assert.deepEqual(w, [{ code: 'union_members_must_be_cooperatives', memberId: 'p' }]);
    assert.deepEqual(checkMembers('enterprise', 100, [m('a', 100)]), []);
  });
});

describe('annual rating (TT 01/2020/TT-BKHĐT)', () => {
  const full = {
    '1': 7,
    '2': 6,
    '3': 11,
    '4': 6,
    '5': 8,
    '6': 6,
    '7': 6,
    '8': 6,
    '9': 4,
    '10': 10,
    '11': 10,
    '12': 5,
    '13': 5,
    '14': 5,
    '15': 5,
  };
  const year = { monthsOperating: 12, suspendedMonths: 0 };
  // Points adding up to `total`, filling criteria in order up to their maxima.
  const pointsFor = (total: number) => {
    const points: Record<string, number> = {};
    let left = total;
    for (const g of RATING_TT01_2020.groups) {
      let groupLeft = g.maxPoints;
      for (const c of g.criteria) {
        const take = Math.min(left, c.maxPoints ?? groupLeft, groupLeft);
        points[c.code] = Math.round(take * 10) / 10;
        left -= take;
        groupLeft -= take;
      }
    }
    return points;
  };
  const cases: [number, string][] = [
    [100, 'good'],
    [80, 'good'],
    [79.5, 'fair'],
    [65, 'fair'],
    [64, 'average'],
    [50, 'average'],
    [49.9, 'weak'],
  ];
  for (const [total, rating] of cases) {
    test(`${total} points → ${rating}`, () => {
      const r = rateCooperative(RATING_TT01_2020, pointsFor(total), year);
      assert.ok(Math.abs((r.total ?? 0) - total) < 1e-9);
      assert.equal(r.rating, rating);
    });
  }
  test('not rated under 12 months of operation or over 3 months suspended', () => {
    assert.equal(
      rateCooperative(RATING_TT01_2020, full, { monthsOperating: 11, suspendedMonths: 0 }).rating,
      'not_rated',
    );
    assert.equal(
      rateCooperative(RATING_TT01_2020, full, { monthsOperating: 12, suspendedMonths: 4 }).rating,
      'not_rated',
    );
    assert.equal(rateCooperative(RATING_TT01_2020, full, { monthsOperating: 12, suspendedMonths: 3 }).rating, 'good');
  });
  test('points over a criterion or group maximum are issues, not a rating', () => {
    assert.deepEqual(checkRatingPoints(RATING_TT01_2020, { '1': 8 }), [
      { criterion: '1', code: 'over_criterion_max', max: 7 },
    ]);
    assert.deepEqual(checkRatingPoints(RATING_TT01_2020, { '10': 41 }), [
      { criterion: 'III-IV', code: 'over_group_max', max: 40 },
    ]);
    assert.deepEqual(checkRatingPoints(RATING_TT01_2020, { '99': 1 }), [
      { criterion: '99', code: 'unknown_criterion' },
    ]);
    assert.equal(rateCooperative(RATING_TT01_2020, { '1': 8 }, year).rating, 'not_rated');
  });
});

describe('scale class (NĐ 113/2024/NĐ-CP)', () => {
  const cases: [number, number, number, string][] = [
    [300, 50e9, 0, 'large'],
    [300, 0, 10e9, 'large'],
    [299, 60e9, 20e9, 'medium'],
    [200, 10e9, 0, 'medium'],
    [200, 9e9, 4e9, 'small'],
    [50, 3e9, 0, 'small'],
    [49, 100e9, 100e9, 'micro'],
  ];
  for (const [officialMembers, revenue, totalCapital, scale] of cases) {
    test(`${officialMembers} members, revenue ${revenue / 1e9} bn, capital ${totalCapital / 1e9} bn → ${scale}`, () =>
      assert.equal(
        classifyScale(SCALE_THRESHOLDS_ND113_2024, 'agriculture', { officialMembers, revenue, totalCapital }),
        scale,
      ));
  }
});

describe('annual report checks', () => {
  const base: ReportFigures = {
    revenue: 3e9,
    revenueFromMembers: 1e9,
    profit: 2e8,
    totalCapital: 5e9,
    indivisibleAssets: 1e9,
    officialMembers: 40,
    associateMembers: 5,
    memberHouseholds: 40,
    workers: 20,
    memberWorkers: 15,
    avgMemberIncome: 60e6,
    avgWorkerMonthlyIncome: 6e6,
    valueChainLinks: 1,
    ocopProducts: 1,
  };
  test('a consistent report has no errors or warnings', () => {
    assert.deepEqual(findReportErrors(base), []);
    assert.deepEqual(findReportWarnings(base, base), []);
  });
  const errors: [Partial<ReportFigures>, string, string][] = [
    [{ revenueFromMembers: 4e9 }, 'revenueFromMembers', 'exceeds_revenue'],
    [{ memberWorkers: 21 }, 'memberWorkers', 'exceeds_workers'],
    [{ indivisibleAssets: 6e9 }, 'indivisibleAssets', 'exceeds_total_capital'],
    [{ profit: 4e9 }, 'profit', 'exceeds_revenue'],
  ];
  for (const [patch, field, code] of errors)
    test(`error: ${field} ${code}`, () =>
      assert.deepEqual(
        findReportErrors({ ...base, ...patch }).map((e) => [e.field, e.code]),
        [[field, code]],
      ));
  test('revenue ×10 against last year is a warning', () => {
    const w = findReportWarnings({ ...base, revenue: 30e9 }, base);
    assert.deepEqual(
      w.map((x) => [x.field, x.code]),
      [['revenue', 'year_on_year_outlier']],
    );
    assert.equal(w[0]?.params?.ratio, 10);
  });
  test('implausible worker income and zero member income are warnings', () => {
    const w = findReportWarnings({ ...base, avgWorkerMonthlyIncome: 600_000, avgMemberIncome: 0 }, null);
    assert.deepEqual(
      w.map((x) => x.field),
      ['avgWorkerMonthlyIncome', 'avgMemberIncome'],
    );
  });
});

describe('report workflow', () => {
  const cases: [ReportStatus, Parameters<typeof applyReportAction>[1], ReportStatus | null][] = [
    ['draft', 'submit', 'submitted'],
    ['returned', 'submit', 'submitted'],
    ['submitted', 'accept', 'accepted'],
    ['accepted', 'approve', 'approved'],
    ['submitted', 'return', 'returned'],
    ['accepted', 'return', 'returned'],
    ['approved', 'unlock', 'returned'],
    ['draft', 'approve', null],
    ['approved', 'return', null],
    ['submitted', 'submit', null],
  ];
  for (const [from, action, to] of cases)
    test(`${from} + ${action} → ${to}`, () => assert.equal(applyReportAction(from, action), to));
  test('only drafts and returned reports are editable', () => {
    assert.deepEqual(
      (['draft', 'submitted', 'accepted', 'approved', 'returned'] as ReportStatus[]).map(isReportEditable),
      [true, false, false, false, true],
    );
  });
});
