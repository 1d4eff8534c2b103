import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const LANGS = ['vi', 'en'] as const;

type Tree = { [key: string]: string | Tree };

function load(lang: string, ns: string): Tree {
  return JSON.parse(readFileSync(join(here, lang, `${ns}.json`), 'utf8')) as Tree;
}

/** Flattens nested keys to `a.b.c` → value. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

function namespaces(lang: string): string[] {
  return readdirSync(join(here, lang))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort();
}

test('both languages have the same namespaces', () => {
  assert.deepEqual(namespaces('vi'), namespaces('en'));
  assert.ok(namespaces('vi').length > 0);
});

for (const ns of namespaces('vi')) {
  test(`namespace "${ns}": same keys, non-empty strings, same placeholders`, () => {
    const vi: Map<string, unknown> = flatten(load('vi', ns));
    const en: Map<string, unknown> = flatten(load('en', ns));
    const missingInEn = [...vi.keys()].filter((k) => !en.has(k));
    const missingInVi = [...en.keys()].filter((k) => !vi.has(k));
    assert.deepEqual(missingInEn, [], `keys in vi/${ns}.json missing from en/${ns}.json`);
    assert.deepEqual(missingInVi, [], `keys in en/${ns}.json missing from vi/${ns}.json`);

    for (const [lang, flat] of [
      ['vi', vi],
      ['en', en],
    ] as const) {
      for (const [key, value] of flat) {
        assert.equal(typeof value, 'string', `${lang}/${ns}.json: "${key}" must be a string`);
        assert.ok((value as string).trim().length > 0, `${lang}/${ns}.json: "${key}" is empty`);
      }
    }

    for (const [key, value] of vi) {
      assert.deepEqual(
        placeholders(String(value)),
        placeholders(String(en.get(key))),
        `${ns}: "${key}" uses different {{placeholders}} in vi and en`,
      );
    }
  });
}

test('every API error code, role and unit type has a translation', async () => {
  const { ERROR_CODES, ROLES, UNIT_TYPES, UNIT_LEVELS, SCHEMES } = await import('@hoptac/core');
  for (const lang of LANGS) {
    const errors = flatten(load(lang, 'errors'));
    for (const code of ERROR_CODES) assert.ok(errors.has(code), `${lang}/errors.json lacks ${code}`);
    const identity = flatten(load(lang, 'identity'));
    for (const role of ROLES) assert.ok(identity.has(`roles.${role}`), `${lang}/identity.json lacks roles.${role}`);
    const places = flatten(load(lang, 'places'));
    for (const type of UNIT_TYPES) assert.ok(places.has(`type.${type}`), `${lang}/places.json lacks type.${type}`);
    for (const level of UNIT_LEVELS)
      assert.ok(places.has(`level.${level}`), `${lang}/places.json lacks level.${level}`);
    for (const scheme of SCHEMES)
      assert.ok(places.has(`scheme.${scheme}`), `${lang}/places.json lacks scheme.${scheme}`);
  }
});

test('every registry term (type, status, sector, rating, report status and action) has a translation', async () => {
  const core = await import('@hoptac/core');
  const groups: [string, readonly string[]][] = [
    ['type', core.ENTITY_TYPES],
    ['status', core.ENTITY_STATUSES],
    ['sector', core.SECTORS],
    ['rating', core.RATINGS],
    ['scale', core.SCALE_CLASSES],
    ['memberKind', core.MEMBER_KINDS],
    ['membership', core.MEMBERSHIPS],
    ['reportStatus', core.REPORT_STATUSES],
    ['reportActions', core.REPORT_ACTIONS],
    ['import.kinds', core.IMPORT_KINDS],
  ];
  const criteria = core.RATING_TT01_2020.groups.flatMap((g) => g.criteria.map((c) => c.code));
  for (const lang of LANGS) {
    const registry = flatten(load(lang, 'registry'));
    for (const [prefix, values] of groups) {
      for (const value of values)
        assert.ok(registry.has(`${prefix}.${value}`), `${lang}/registry.json lacks ${prefix}.${value}`);
    }
    for (const code of criteria)
      assert.ok(registry.has(`criteria.${code}`), `${lang}/registry.json lacks criteria.${code}`);
    for (const group of core.RATING_TT01_2020.groups)
      assert.ok(
        registry.has(`criteria.groups.${group.code}`),
        `${lang}/registry.json lacks criteria.groups.${group.code}`,
      );
  }
});
