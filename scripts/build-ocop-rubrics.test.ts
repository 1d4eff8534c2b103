// Checks data/ocop-rubrics/ against a fresh conversion of ../shared/data/ocop-rubrics (so nobody
// hand-edits the generated files), and the converter's handling of the source's special cases.
// The comparison is skipped where ../shared is absent; the files themselves are checked by
// packages/core/src/ocop/rubric.test.ts wherever the repository is checked out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOcopRubrics, renderOcopRubrics } from './build-ocop-rubrics.ts';
import { findCriterion, listCriteria, type RubricSheet } from '../packages/core/src/ocop/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'data', 'ocop-rubrics');
const SHARED = process.env['SHARED_DIR'] ? resolve(process.env['SHARED_DIR']) : resolve(ROOT, '../shared');
const INPUT = join(SHARED, 'data', 'ocop-rubrics');
const skip = existsSync(INPUT) ? false : `${INPUT} not found`;

const built = existsSync(INPUT) ? buildOcopRubrics(INPUT) : null;
const sheet = (id: string): RubricSheet => built!.sheets.find((s) => s.id === id)!;

test('the committed files equal a fresh conversion', { skip }, () => {
  const fresh = renderOcopRubrics(built!);
  const committed = readdirSync(OUT).sort();
  assert.deepEqual(committed, [...fresh.keys()].sort(), 'same file list');
  for (const [name, content] of fresh) {
    assert.ok(readFileSync(join(OUT, name), 'utf8') === content, `${name} differs: run npm run data:ocop-rubrics`);
  }
});

test('corrections in the source stay on their levels', { skip }, async (t) => {
  const level = (
    id: string,
    code: string,
    pick: (l: RubricSheet['parts'][0]['groups'][0]['criteria'][0]['levels'][0]) => boolean,
  ) => findCriterion(sheet(id), code)!.levels.find(pick);
  const cases: [string, () => unknown, unknown][] = [
    [
      'sheet 4, criterion 7: printed 13, recorded 3',
      () =>
        level('qd26-2026-mat-ong-mat-khac-nong-san-thuc-pham-khac', '7', (l) => l.correction?.sourcePoints === 13)
          ?.points,
      3,
    ],
    [
      'sheet 11, criterion 6.1.1: printed 11, recorded 1',
      () => level('qd26-2026-che-tuoi-che-che-bien', '6.1.1', (l) => l.correction?.sourcePoints === 11)?.points,
      1,
    ],
    [
      'sheets 4, 7, 10, 11, criterion 1.2: blank cell, 0 points',
      () =>
        built!.sheets
          .filter((s) =>
            findCriterion(s, '1.2')?.levels.some((l) => l.correction?.pointsBlankInSource && l.points === 0),
          )
          .map((s) => s.sheetNumber),
      [4, 7, 10, 11],
    ],
    [
      'sheet 7, criterion 3.1: kept as printed, flagged',
      () =>
        level('qd26-2026-che-bien-tu-rau-cu-qua-hat', '3.1', (l) => l.correction?.possibleMisprint === true)?.points,
      1,
    ],
    [
      'bilingual labelling: implied yes/no on 22 sheets',
      () =>
        built!.sheets.filter((s) => listCriteria(s).some((r) => r.criterion.levels.every((l) => l.correction?.implied)))
          .length,
      22,
    ],
    [
      'QĐ 148 fragment: truncated, inferred, incomplete group',
      () => {
        const s = sheet('qd148-gao-ngu-coc-hat-so-che-khac');
        return [findCriterion(s, 'b')!.levels[2]!.correction, s.parts[0]!.groups[0]!.incomplete];
      },
      [{ pointsInferred: true, descriptionTruncated: true }, true],
    ],
  ];
  for (const [name, actual, expected] of cases) await t.test(name, () => assert.deepEqual(actual(), expected));
});

test('stop notes that name a score mark exactly those 0-point levels', { skip }, () => {
  const halting = built!.sheets.flatMap((s) =>
    listCriteria(s)
      .filter((r) => r.criterion.levels.some((l) => l.haltsEvaluation))
      .map((r) => `${s.id} ${r.criterion.code}`),
  );
  assert.deepEqual(halting, [
    'qd26-2026-nuoc-khoang-nuoc-uong-dong-chai 6.1',
    'qd26-2026-nuoc-khoang-nuoc-uong-dong-chai 6.2',
    'qd26-2026-nuoc-khoang-nuoc-uong-dong-chai 6.3',
    'qd26-2026-nuoc-khoang-nuoc-uong-dong-chai 6.4',
    'qd1048-che-bien-tu-rau-cu-qua-hat 6.1',
  ]);
  for (const s of built!.sheets)
    for (const { criterion: c } of listCriteria(s))
      for (const l of c.levels) if (l.haltsEvaluation) assert.equal(l.points, 0);
});

test('cases: labelled in 2026, numbered in 1048 and flagged where derived', { skip }, () => {
  const tourism = findCriterion(sheet('qd26-2026-dich-vu-du-lich-cong-dong-sinh-thai-diem-du-lich'), '9')!;
  assert.deepEqual(
    tourism.cases?.list.map((x) => x.label),
    [
      'a. Trường hợp 1: Dịch vụ du lịch do cộng đồng cung cấp',
      'b. Trường hợp 2: Dịch vụ du lịch do tổ chức, cá nhân cung cấp',
    ],
  );
  assert.deepEqual(
    tourism.levels.map((l) => l.case),
    [1, 1, 2, 2],
  );
  const old = findCriterion(sheet('qd1048-dich-vu-du-lich-cong-dong-diem-du-lich'), '9')!;
  assert.deepEqual(old.cases, {
    instruction: null,
    derived: true,
    list: [
      { case: 1, label: null },
      { case: 2, label: null },
    ],
  });
});

test('decisions, titles and bands', { skip }, () => {
  const rows = ['qd26-2026-rau-cu-qua-hat-tuoi', 'qd148-gao-ngu-coc-hat-so-che-khac', 'qd1048-che-tuoi-che-bien'].map(
    (id) => {
      const s = sheet(id);
      return [
        s.decision.code,
        s.decision.date,
        s.decision.current,
        s.sheetNumber,
        s.title,
        s.certificateValidityMonths,
      ];
    },
  );
  assert.deepEqual(rows, [
    ['qd26-2026', '2026-05-22', true, 1, 'Bộ sản phẩm: Rau, củ, quả, hạt tươi', 36],
    ['qd148-2023', '2023-02-24', false, null, 'Bộ sản phẩm: Gạo, ngũ cốc, hạt sơ chế khác', null],
    ['qd1048-2019', '2019-08-21', false, null, 'Bộ sản phẩm: Chè tươi, chế biến', null],
  ]);
  assert.deepEqual(
    sheet('qd26-2026-rau-cu-qua-hat-tuoi').starBands.map((b) => [b.stars, b.minScore, b.certifiedBy]),
    [
      [5, 90, 'Bộ Nông nghiệp và Môi trường'],
      [4, 70, 'UBND cấp tỉnh'],
      [3, 50, 'UBND cấp tỉnh'],
      [2, 30, null],
      [1, 0, null],
    ],
  );
});

test('the converter refuses changed or broken input', { skip }, async (t) => {
  const file = 'qd26-2026-rau-cu-qua-hat-tuoi.json';
  const original = JSON.parse(readFileSync(join(INPUT, file), 'utf8'));
  const criterion = ['parts', 0, 'criteriaGroups', 0, 'criteria', 0];
  const cases: [name: string, path: (string | number)[], value: unknown, message: RegExp][] = [
    ['an unknown field', [...criterion, 'weight'], 2, /unexpected field\(s\) weight/],
    ['a level above its criterion', [...criterion, 'levels', 0, 'points'], 9, /above the maximum/],
    ['an untrimmed text', ['productGroup'], ' Sản phẩm thực phẩm', /trimmed/],
    ['an unknown decision', ['decision'], '999/QĐ-TTg', /unknown decision/],
    ['a part maximum off by one', ['parts', 2, 'maxPoints'], 34, /sum to 99/],
  ];
  for (const [name, path, value, message] of cases) {
    await t.test(name, () => {
      const dir = mkdtempSync(join(tmpdir(), 'ocop-rubrics-'));
      try {
        const s = structuredClone(original);
        const parent = path
          .slice(0, -1)
          .reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, s);
        parent[path[path.length - 1]!] = value;
        writeFileSync(join(dir, file), JSON.stringify(s));
        assert.throws(() => buildOcopRubrics(dir), message);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
  await t.test('an unchanged copy converts to the same sheet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocop-rubrics-'));
    try {
      cpSync(join(INPUT, file), join(dir, file));
      assert.deepEqual(buildOcopRubrics(dir).sheets, [sheet('qd26-2026-rau-cu-qua-hat-tuoi')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
