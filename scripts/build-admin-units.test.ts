// Checks the generated data/admin-units/admin-units.json itself, not the script's
// input, so it runs wherever the repository is checked out (../shared may be absent).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AdminUnitsFile, Level, UnitEntry } from './build-admin-units.ts';

const FILE = fileURLToPath(new URL('../data/admin-units/admin-units.json', import.meta.url));
const data = JSON.parse(readFileSync(FILE, 'utf8')) as AdminUnitsFile;

const OLD = '2025-01';
const NEW = '2025-07';
const id = (scheme: string, code: string) => `${scheme}/${code}`;
const unitsOf = (scheme: string, level: Level) => data.units.filter((u) => u.scheme === scheme && u.level === level);

test('header', () => {
  assert.equal(data.format, 'hoptac-admin-units/1');
  assert.deepEqual(
    data.schemes.map((s) => [s.code, s.effectiveFrom, s.effectiveTo]),
    [
      [OLD, '2025-01-01', '2025-06-30'],
      [NEW, '2025-07-01', null],
    ],
  );
  for (const cite of [
    '1656/NQ-UBTVQH15',
    '19/2025/QĐ-TTg',
    '1027/CTK-CSCL',
    '915/CTK-CSCL',
    'dvhcvn/20250701',
    'thanglequoc/vietnamese-provinces-database',
  ]) {
    assert.ok(
      data.sources.some((s) => s.includes(cite)),
      `sources cite ${cite}`,
    );
  }
});

test('counts', async (t) => {
  const full = data.links.filter((l) => l.kind === 'full').length;
  const cases: [string, number, number][] = [
    ['2025-07 provinces', unitsOf(NEW, 'province').length, 34],
    ['2025-07 communes', unitsOf(NEW, 'commune').length, 126],
    ['2025-07 districts', unitsOf(NEW, 'district').length, 0],
    ['2025-01 provinces', unitsOf(OLD, 'province').length, 1],
    ['2025-01 districts', unitsOf(OLD, 'district').length, 30],
    ['2025-01 communes', unitsOf(OLD, 'commune').length, 526],
    ['links', data.links.length, 795],
    ['full links', full, 327],
    ['partial links', data.links.length - full, 468],
  ];
  for (const [name, actual, expected] of cases) {
    await t.test(name, () => assert.equal(actual, expected));
  }
});

test('units are unique by (scheme, code) and their parents exist', () => {
  const byId = new Map<string, UnitEntry>();
  for (const u of data.units) {
    assert.ok(!byId.has(id(u.scheme, u.code)), `duplicate ${id(u.scheme, u.code)}`);
    byId.set(id(u.scheme, u.code), u);
  }
  const parentLevel: Record<Level, Level | null> = { province: null, district: 'province', commune: 'district' };
  for (const u of data.units) {
    const where = id(u.scheme, u.code);
    if (u.level === 'province') {
      assert.equal(u.parentCode, null, where);
      continue;
    }
    assert.ok(u.parentCode !== null, `${where} has a parent`);
    const parent = byId.get(id(u.scheme, u.parentCode));
    assert.ok(parent, `${where}: parent ${u.parentCode} exists`);
    // New communes hang directly off the province: the district level was abolished.
    const expected = u.scheme === NEW && u.level === 'commune' ? 'province' : parentLevel[u.level];
    assert.equal(parent.level, expected, where);
  }
});

test('Hà Nội in both editions', () => {
  for (const scheme of [OLD, NEW]) {
    const hn = data.units.find((u) => u.scheme === scheme && u.code === '01');
    assert.deepEqual(
      hn && [hn.level, hn.type, hn.name, hn.fullName, hn.nameEn, hn.parentCode],
      ['province', 'thanh-pho', 'Hà Nội', 'Thành phố Hà Nội', 'Ha Noi', null],
      scheme,
    );
  }
  assert.ok(unitsOf(NEW, 'province').every((p) => typeof p.nameEn === 'string' && p.nameEn !== ''));
  assert.ok(data.units.filter((u) => u.level !== 'province').every((u) => u.nameEn === null));
});

test('links', async (t) => {
  const ids = new Set(data.units.map((u) => id(u.scheme, u.code)));
  const level = new Map(data.units.map((u) => [id(u.scheme, u.code), u.level]));
  const targets = new Map<string, { toCode: string; kind: string }[]>();
  for (const l of data.links) {
    const list = targets.get(l.fromCode) ?? [];
    list.push({ toCode: l.toCode, kind: l.kind });
    targets.set(l.fromCode, list);
  }

  await t.test('every endpoint is a commune of the right edition', () => {
    for (const l of data.links) {
      assert.equal(l.fromScheme, OLD);
      assert.equal(l.toScheme, NEW);
      assert.ok(ids.has(id(l.fromScheme, l.fromCode)), `from ${l.fromCode}`);
      assert.ok(ids.has(id(l.toScheme, l.toCode)), `to ${l.toCode}`);
      assert.equal(level.get(id(l.fromScheme, l.fromCode)), 'commune');
      assert.equal(level.get(id(l.toScheme, l.toCode)), 'commune');
    }
  });

  await t.test('no duplicate pairs', () => {
    const pairs = new Set(data.links.map((l) => `${l.fromCode}>${l.toCode}`));
    assert.equal(pairs.size, data.links.length);
  });

  await t.test('every old commune has at least one link', () => {
    const missing = unitsOf(OLD, 'commune').filter((u) => !targets.has(u.code));
    assert.deepEqual(missing, []);
  });

  await t.test('every new commune is reached', () => {
    const reached = new Set(data.links.map((l) => l.toCode));
    const missing = unitsOf(NEW, 'commune').filter((u) => !reached.has(u.code));
    assert.deepEqual(missing, []);
  });

  await t.test('a single target is full, several targets are all partial', () => {
    for (const [from, list] of targets) {
      const expected = list.length === 1 ? 'full' : 'partial';
      assert.ok(
        list.every((x) => x.kind === expected),
        `${from}: ${JSON.stringify(list)}`,
      );
    }
  });

  await t.test('known rows', () => {
    // The corrected row (09859 Sơn Đồng goes wholly to 09871) and a four-way split.
    assert.deepEqual(targets.get('09859'), [{ toCode: '09871', kind: 'full' }]);
    assert.deepEqual(
      targets.get('00019')?.map((x) => x.toCode),
      ['00004', '00070', '00190', '00226'],
    );
  });
});

test('every string is NFC', () => {
  const bad: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'string') {
      if (v !== v.normalize('NFC')) bad.push(`${path}: ${v}`);
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${path}[${i}]`));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k !== k.normalize('NFC')) bad.push(`${path} key ${k}`);
        walk(x, `${path}.${k}`);
      }
    }
  };
  walk(data, '$');
  assert.deepEqual(bad, []);
});

test('stable order', () => {
  const levelRank: Record<Level, number> = { province: 0, district: 1, commune: 2 };
  const unitKey = (u: UnitEntry) => [u.scheme, levelRank[u.level], u.code] as const;
  for (let i = 1; i < data.units.length; i++) {
    const [a, b] = [unitKey(data.units[i - 1]!), unitKey(data.units[i]!)];
    assert.ok(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2]))), `units[${i}]`);
  }
  for (let i = 1; i < data.links.length; i++) {
    const [a, b] = [data.links[i - 1]!, data.links[i]!];
    assert.ok(a.fromCode < b.fromCode || (a.fromCode === b.fromCode && a.toCode < b.toCode), `links[${i}]`);
  }
});
