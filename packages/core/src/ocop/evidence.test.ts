import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  blockingEvidence,
  daysBetween,
  dueReminderThreshold,
  evidenceChecklist,
  evidenceValidity,
  requiredEvidenceKinds,
  type EvidenceDocFacts,
} from './evidence.ts';

const TODAY = '2026-11-25';

test('required documents by product group', () => {
  const food = ['business_registration', 'food_safety_certificate', 'product_standard', 'test_report'];
  const cases: [string, string[]][] = [
    ['Sản phẩm thực phẩm', food],
    ['Thực phẩm', food],
    ['Sản phẩm đồ uống', food],
    ['Sản phẩm dược liệu và sản phẩm từ dược liệu', food],
    ['Sản phẩm hàng thủ công mỹ nghệ', ['business_registration', 'product_standard']],
    ['Thủ công mỹ nghệ, trang trí', ['business_registration', 'product_standard']],
    ['Sản phẩm sinh vật cảnh', ['business_registration']],
    ['Dịch vụ du lịch nông thôn, bán hàng', ['business_registration']],
  ];
  for (const [group, kinds] of cases) assert.deepEqual(requiredEvidenceKinds(group), kinds, group);
});

test('validity of a document', () => {
  const cases: [string | null, string][] = [
    [null, 'valid'],
    ['2026-11-24', 'expired'],
    ['2026-11-25', 'expiring_soon'],
    ['2026-12-25', 'expiring_soon'],
    ['2026-12-26', 'valid'],
  ];
  for (const [until, expected] of cases) assert.equal(evidenceValidity(until, TODAY), expected, String(until));
  assert.equal(daysBetween('2026-02-28', '2026-03-01'), 1);
});

test('checklist takes the best document of each kind and names what blocks', () => {
  const docs: EvidenceDocFacts[] = [
    { id: 'old', kind: 'business_registration', validUntil: '2025-01-01' },
    { id: 'new', kind: 'business_registration', validUntil: null },
    { id: 'atp', kind: 'food_safety_certificate', validUntil: '2026-12-01' },
    { id: 'tc-old', kind: 'product_standard', validUntil: '2026-01-01' },
    { id: 'other', kind: 'other', validUntil: null },
  ];
  const list = evidenceChecklist(requiredEvidenceKinds('Thực phẩm'), docs, TODAY);
  assert.deepEqual(list, [
    { kind: 'business_registration', status: 'valid', documentId: 'new' },
    { kind: 'food_safety_certificate', status: 'expiring_soon', documentId: 'atp' },
    { kind: 'product_standard', status: 'expired', documentId: 'tc-old' },
    { kind: 'test_report', status: 'missing', documentId: null },
  ]);
  assert.deepEqual(
    blockingEvidence(list).map((i) => i.kind),
    ['product_standard', 'test_report'],
  );
  assert.deepEqual(blockingEvidence(evidenceChecklist(['business_registration'], docs, TODAY)), []);
});

test('reminder threshold: the tightest reached, none once expired', () => {
  const cases: [string, readonly number[], number | null][] = [
    ['2027-03-01', [90, 30], null], // 96 days left
    ['2027-02-23', [90, 30], 90], // 90 days left
    ['2027-01-10', [90, 30], 90],
    ['2026-12-25', [90, 30], 30], // 30 days left
    ['2026-12-05', [90, 30], 30],
    ['2026-11-25', [90, 30], 30], // last day
    ['2026-11-24', [90, 30], null], // expired
    ['2026-12-20', [30], 30],
    ['2027-01-20', [30], null],
  ];
  for (const [until, thresholds, expected] of cases)
    assert.equal(dueReminderThreshold(until, TODAY, thresholds), expected, `${until} ${thresholds.join('/')}`);
});
