import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldVietnamese, nameKey, normalizeToneMarks, toNfc } from './fold.ts';

// Written with escapes so the test input stays decomposed whatever an editor does to the file.
const NFD_BUOI_DIEN = 'Bu\u031bo\u031b\u0309i Die\u0302\u0303n';
const NFD_HOA = 'Hoa\u0300';

test('toNfc', async (t) => {
  const cases: [string, string, string][] = [
    ['already clean', 'Bưởi Diễn', 'Bưởi Diễn'],
    ['NFD input is composed', NFD_BUOI_DIEN, 'Bưởi Diễn'],
    ['trims and collapses whitespace', '  Xã   Sơn \t Đồng \n', 'Xã Sơn Đồng'],
    ['non-breaking space counts as whitespace', 'Hà\u00a0 Nội', 'Hà Nội'],
    ['keeps case and tone placement', 'Phường YÊN Hoà', 'Phường YÊN Hoà'],
    ['empty', '', ''],
    ['only spaces', '   ', ''],
  ];
  for (const [name, input, expected] of cases) {
    await t.test(name, () => {
      const out = toNfc(input);
      assert.equal(out, expected);
      assert.equal(out, out.normalize('NFC'));
    });
  }
});

test('foldVietnamese', async (t) => {
  const cases: [string, string, string][] = [
    ['README example', 'Bưởi Diễn', 'buoi dien'],
    ['upper case with Đ', 'ĐÔNG ANH', 'dong anh'],
    ['lower-case đ', 'đông anh', 'dong anh'],
    ['mixed case', 'bƯởI dIỄn', 'buoi dien'],
    ['NFD input', NFD_BUOI_DIEN, 'buoi dien'],
    ['extra spaces', '  Phường   Ba  Đình ', 'phuong ba dinh'],
    ['both tone styles fold alike', 'Yên Hoà', 'yen hoa'],
    ['other style', 'Yên Hòa', 'yen hoa'],
    ['horn and breve', 'Ứng Hòa, Mỹ Đức, Ba Vì, Thạch Thất', 'ung hoa, my duc, ba vi, thach that'],
    ['hyphenated name', 'Văn Miếu - Quốc Tử Giám', 'van mieu - quoc tu giam'],
    ['ASCII passes through', 'Ha Noi 2025', 'ha noi 2025'],
    ['empty', '', ''],
  ];
  for (const [name, input, expected] of cases) {
    await t.test(name, () => assert.equal(foldVietnamese(input), expected));
  }
});

test('normalizeToneMarks', async (t) => {
  const cases: [string, string, string][] = [
    ['oà → òa', 'Hoà', 'Hòa'],
    ['uỵ → ụy', 'Thuỵ', 'Thụy'],
    ['oè → òe', 'Hoè', 'Hòe'],
    ['uỷ at word start', 'Uỷ ban', 'Ủy ban'],
    ['oá in a longer name', 'Tỉnh Thanh Hoá', 'Tỉnh Thanh Hóa'],
    ['oả, oạ', 'hoả hoạn', 'hỏa hoạn'],
    ['oẻ', 'khoẻ', 'khỏe'],
    ['uý', 'Thuý', 'Thúy'],
    ['upper case', 'PHƯỜNG YÊN HOÀ', 'PHƯỜNG YÊN HÒA'],
    ['mixed case', 'tHUỴ lÂM', 'tHỤY lÂM'],
    ['several in one string', 'Xã Thuỵ Lâm, Phường Trung Hoà', 'Xã Thụy Lâm, Phường Trung Hòa'],
    ['before punctuation', 'Hoà-Bình (Hoà)', 'Hòa-Bình (Hòa)'],
    ['already canonical', 'Phường Yên Hòa', 'Phường Yên Hòa'],
    [
      'final consonant keeps tone on second vowel',
      'Hoàng Mai, Hoàn Kiếm, Vĩnh Quỳnh',
      'Hoàng Mai, Hoàn Kiếm, Vĩnh Quỳnh',
    ],
    ['triphthong keeps its tone', 'Hoài Đức, ngoài', 'Hoài Đức, ngoài'],
    ['qu is a consonant', 'Trâu Quỳ, quý, quá', 'Trâu Quỳ, quý, quá'],
    ['tone already on the first vowel', 'Thủy Xuân Tiên', 'Thủy Xuân Tiên'],
    ['no tone', 'Hoa Sơn, Thuy', 'Hoa Sơn, Thuy'],
    ['NFD input comes back NFC', NFD_HOA, 'Hòa'],
    ['does not trim', ' Hoà ', ' Hòa '],
    ['empty', '', ''],
  ];
  for (const [name, input, expected] of cases) {
    await t.test(name, () => {
      const out = normalizeToneMarks(input);
      assert.equal(out, expected);
      assert.equal(out, out.normalize('NFC'));
    });
  }
});

test('nameKey', async (t) => {
  const cases: [string, string][] = [
    ['Hoà', 'hòa'],
    ['Hòa', 'hòa'],
    ['Thuỵ', 'thụy'],
    ['Thụy', 'thụy'],
    ['Hoè', 'hòe'],
    ['Hòe', 'hòe'],
    ['Uỷ', 'ủy'],
    ['Ủy', 'ủy'],
    ['  PHƯỜNG   Yên HOÀ ', 'phường yên hòa'],
    [NFD_HOA, 'hòa'],
    ['ĐÔNG ANH', 'đông anh'],
    ['', ''],
  ];
  for (const [input, expected] of cases) {
    await t.test(JSON.stringify(input), () => assert.equal(nameKey(input), expected));
  }

  await t.test('spelling variants compare equal, distinct names do not', () => {
    const equal: [string, string][] = [
      ['Phường Yên Hoà', 'Phường Yên Hòa'],
      ['Xã Thuỵ Lâm', 'xã thụy lâm'],
      ['Hoè', 'HÒE'],
      ['Uỷ ban', 'Ủy ban'],
      ['Tỉnh Khánh Hoà', 'Tỉnh  Khánh Hòa'],
    ];
    for (const [a, b] of equal) assert.equal(nameKey(a), nameKey(b), `${a} = ${b}`);
    // Diacritics stay significant: Sơn Đông (Sơn Tây) and Sơn Đồng (Hoài Đức) are different communes.
    assert.notEqual(nameKey('Xã Sơn Đông'), nameKey('Xã Sơn Đồng'));
  });
});
