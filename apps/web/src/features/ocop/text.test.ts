import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as core from '@hoptac/core';
import { foldVietnamese, OCOP_PRODUCT_STATUSES as CORE_STATUSES } from '@hoptac/core';
import * as text from './text.ts';
import { foldText, OCOP_PRODUCT_STATUSES, rubricMatches, sentenceCase, shortSheetTitle } from './text.ts';

test('foldText agrees with the core fold', () => {
  for (const s of ['Bưởi Diễn', 'ĐÔNG ANH', '  Chế biến   từ rau, củ, quả, hạt ', 'Yên Hoà', 'Ha Noi 2025', ''])
    assert.equal(foldText(s), foldVietnamese(s));
});

test('the product statuses are the core ones', () => {
  assert.deepEqual(OCOP_PRODUCT_STATUSES, CORE_STATUSES);
});

test('the round, council, dossier and certificate vocabularies are the core ones', () => {
  for (const name of [
    'OCOP_ROUND_STATUSES',
    'OCOP_PROCESS_REGIMES',
    'OCOP_COUNCIL_ROLES',
    'OCOP_DOSSIER_STATUSES',
    'OCOP_DOSSIER_OUTCOMES',
    'OCOP_CERTIFICATE_STATUSES',
    'QD148_TRANSITION_LAST_DAY',
  ] as const)
    assert.deepEqual(text[name], core[name], name);
  assert.equal(text.OCOP_CERTIFICATE_NUMBER_PATTERN.source, core.OCOP_CERTIFICATE_NUMBER_PATTERN.source);
});

test('vietnamToday is the Hanoi calendar day', () => {
  assert.equal(text.vietnamToday(new Date('2026-11-24T17:30:00Z')), '2026-11-25');
  assert.equal(text.vietnamToday(new Date('2026-11-24T16:59:00Z')), '2026-11-24');
});

test('rubricMatches: every word, accent-insensitive, title or product set', () => {
  const sheet = { title: 'Bộ sản phẩm: Chế biến từ rau, củ, quả, hạt', productSets: ['Chế biến từ rau, củ, quả, hạt'] };
  assert.ok(rubricMatches(sheet, 'che bien rau'));
  assert.ok(rubricMatches(sheet, 'CHẾ BIẾN'));
  assert.ok(rubricMatches(sheet, ''));
  assert.ok(!rubricMatches(sheet, 'che bien thit'));
  assert.ok(rubricMatches({ title: 'Sản phẩm cà phê, ca cao', productSets: ['Cà phê'] }, 'ca phe'));
});

test('sentenceCase only changes headings printed in capitals', () => {
  assert.equal(sentenceCase('TỔ CHỨC SẢN XUẤT'), 'Tổ chức sản xuất');
  assert.equal(sentenceCase('ĐẢM BẢO CHẤT LƯỢNG SẢN PHẨM'), 'Đảm bảo chất lượng sản phẩm');
  assert.equal(sentenceCase('Nguồn nguyên liệu'), 'Nguồn nguyên liệu');
  assert.equal(sentenceCase('7'), '7');
});

test('shortSheetTitle drops the common prefix', () => {
  assert.equal(shortSheetTitle('Bộ sản phẩm: Hoa'), 'Hoa');
  assert.equal(shortSheetTitle('Sản phẩm cà phê, ca cao'), 'Sản phẩm cà phê, ca cao');
  assert.equal(shortSheetTitle('Sản phẩm: Trà'), 'Trà');
});
