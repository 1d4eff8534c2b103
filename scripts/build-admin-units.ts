// Builds data/admin-units/admin-units.json, the project's own copy of the Hà Nội
// administrative units before and after the 1 July 2025 reform, from the reference
// files in ../shared/data/admin-units. The project ships the generated file so that
// nothing at run time or in tests depends on ../shared being present.
//
//   node --import tsx scripts/build-admin-units.ts        (SHARED_DIR overrides ../shared)
//
// Every expectation about the input is checked before anything is written: a
// reference file that changed shape or size must stop the build, not quietly
// produce a different map.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const FORMAT = 'hoptac-admin-units/1';
const OLD = '2025-01';
const NEW = '2025-07';

export type Level = 'province' | 'district' | 'commune';

export type SchemeEntry = {
  code: string;
  name: string;
  nameEn: string;
  effectiveFrom: string;
  effectiveTo: string | null;
};

export type UnitEntry = {
  scheme: string;
  code: string;
  level: Level;
  type: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  parentCode: string | null;
};

export type LinkEntry = {
  fromScheme: string;
  fromCode: string;
  toScheme: string;
  toCode: string;
  kind: 'full' | 'partial';
};

export type AdminUnitsFile = {
  format: string;
  sources: string[];
  schemes: SchemeEntry[];
  units: UnitEntry[];
  links: LinkEntry[];
};

const SOURCES = [
  'NQ 1656/NQ-UBTVQH15 (16/06/2025): sắp xếp các đơn vị hành chính cấp xã của thành phố Hà Nội năm 2025',
  'QĐ 19/2025/QĐ-TTg (30/06/2025): danh mục và mã số các đơn vị hành chính Việt Nam, hiệu lực từ 01/07/2025',
  'CV 1027/CTK-CSCL (25/06/2025), Cục Thống kê: mã đơn vị hành chính cấp xã sau sắp xếp',
  'CV 915/CTK-CSCL, Cục Thống kê: mã đơn vị hành chính cấp tỉnh sau sắp xếp',
  'github.com/dvhcvn/20250701, commit dd94887 (MIT licence): old → new commune mapping',
  'github.com/thanglequoc/vietnamese-provinces-database, tags v2.3.0 and v3.0.2 (MIT licence): units before and after the reform',
];

const SCHEMES: SchemeEntry[] = [
  {
    code: OLD,
    name: 'Trước sắp xếp (01/01/2025)',
    nameEn: 'Before the reform (1 Jan 2025)',
    effectiveFrom: '2025-01-01',
    effectiveTo: '2025-06-30',
  },
  {
    code: NEW,
    name: 'Sau sắp xếp (01/07/2025)',
    nameEn: 'After the reform (1 Jul 2025)',
    effectiveFrom: '2025-07-01',
    effectiveTo: null,
  },
];

// Hà Nội itself kept its code and name through the reform; the old edition needs
// it as the parent of the 30 districts.
const HANOI_2025_01: UnitEntry = {
  scheme: OLD,
  code: '01',
  level: 'province',
  type: 'thanh-pho',
  name: 'Hà Nội',
  fullName: 'Thành phố Hà Nội',
  nameEn: 'Ha Noi',
  parentCode: null,
};

// The counts verified in the shared README; the editions are fixed, so any other
// number means the input is not what this script was written for.
const EXPECTED = {
  provinces: 34,
  newCommunes: 126,
  districts: 30,
  oldCommunes: 526,
  links: 795,
  fullLinks: 327,
};

const TYPE_WORD: Record<string, string> = {
  'thanh-pho': 'Thành phố',
  tinh: 'Tỉnh',
  quan: 'Quận',
  huyen: 'Huyện',
  'thi-xa': 'Thị xã',
  phuong: 'Phường',
  xa: 'Xã',
  'thi-tran': 'Thị trấn',
};

const LEVEL_ORDER: Record<Level, number> = { province: 0, district: 1, commune: 2 };

class InputError extends Error {}

function fail(where: string, message: string): never {
  throw new InputError(`${where}: ${message}`);
}

function asObject(v: unknown, where: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(where, 'expected an object');
  return v as Record<string, unknown>;
}

function asArray(v: unknown, where: string): unknown[] {
  if (!Array.isArray(v)) fail(where, 'expected an array');
  return v;
}

// Returns the NFC form; refuses blank or untrimmed text instead of repairing it,
// since the reference data promises it is already clean.
function asText(v: unknown, where: string): string {
  if (typeof v !== 'string' || v === '' || v !== v.trim())
    fail(where, `expected trimmed non-empty text, got ${JSON.stringify(v)}`);
  return v.normalize('NFC');
}

function asCode(v: unknown, digits: number, where: string): string {
  const s = asText(v, where);
  if (!new RegExp(`^\\d{${digits}}$`).test(s)) fail(where, `expected a ${digits}-digit code, got ${JSON.stringify(s)}`);
  return s;
}

function asOneOf<T extends string>(v: unknown, allowed: readonly T[], where: string): T {
  const s = asText(v, where);
  if (!(allowed as readonly string[]).includes(s))
    fail(where, `expected one of ${allowed.join(', ')}, got ${JSON.stringify(s)}`);
  return s as T;
}

type NamedUnit = { code: string; type: string; name: string; fullName: string };

function readNamed(v: unknown, digits: number, types: readonly string[], where: string): NamedUnit {
  const o = asObject(v, where);
  const code = asCode(o['code'], digits, `${where}.code`);
  const at = `${where} (${code})`;
  const type = asOneOf(o['type'], types, `${at}.type`);
  const name = asText(o['name'], `${at}.name`);
  const fullName = asText(o['fullName'], `${at}.fullName`);
  if (fullName !== `${TYPE_WORD[type]} ${name}`)
    fail(at, `fullName ${JSON.stringify(fullName)} is not the type word + name`);
  return { code, type, name, fullName };
}

function expectCount(actual: number, expected: number, what: string): void {
  if (actual !== expected) fail(what, `expected ${expected}, found ${actual}`);
}

function readJson(dir: string, file: string): unknown {
  return JSON.parse(readFileSync(join(dir, file), 'utf8'));
}

/** Reads the reference files under `dataDir` (…/shared/data/admin-units), checks them, and returns the project file. */
export function buildAdminUnits(dataDir: string): AdminUnitsFile {
  const units: UnitEntry[] = [HANOI_2025_01];
  const links: LinkEntry[] = [];

  const provinces = asArray(readJson(dataDir, 'provinces-2025-07.json'), 'provinces');
  expectCount(provinces.length, EXPECTED.provinces, 'provinces');
  provinces.forEach((raw, i) => {
    const p = readNamed(raw, 2, ['thanh-pho', 'tinh'], `provinces[${i}]`);
    const nameEn = asText(asObject(raw, `provinces[${i}]`)['nameEn'], `provinces[${i}].nameEn`);
    units.push({
      scheme: NEW,
      code: p.code,
      level: 'province',
      type: p.type,
      name: p.name,
      fullName: p.fullName,
      nameEn,
      parentCode: null,
    });
  });
  if (!units.some((u) => u.scheme === NEW && u.code === HANOI_2025_01.code && u.name === HANOI_2025_01.name)) {
    fail('provinces', 'Hà Nội (01) is missing');
  }

  const newCommunes = new Map<string, NamedUnit>();
  const communes = asArray(readJson(dataDir, 'hanoi-communes-2025-07.json'), 'communes');
  expectCount(communes.length, EXPECTED.newCommunes, 'new communes');
  communes.forEach((raw, i) => {
    const c = readNamed(raw, 5, ['phuong', 'xa'], `communes[${i}]`);
    if (newCommunes.has(c.code)) fail(`communes[${i}]`, `duplicate code ${c.code}`);
    newCommunes.set(c.code, c);
    units.push({
      scheme: NEW,
      code: c.code,
      level: 'commune',
      type: c.type,
      name: c.name,
      fullName: c.fullName,
      nameEn: null,
      parentCode: '01',
    });
  });

  // Old commune code → its full name and district, to check the mapping against.
  const oldCommunes = new Map<string, { fullName: string; districtCode: string }>();
  const districts = asArray(readJson(dataDir, 'hanoi-units-2025-01.json'), 'districts');
  expectCount(districts.length, EXPECTED.districts, 'districts');
  districts.forEach((raw, i) => {
    const d = readNamed(raw, 3, ['quan', 'huyen', 'thi-xa'], `districts[${i}]`);
    units.push({
      scheme: OLD,
      code: d.code,
      level: 'district',
      type: d.type,
      name: d.name,
      fullName: d.fullName,
      nameEn: null,
      parentCode: '01',
    });
    const children = asArray(asObject(raw, `districts[${i}]`)['communes'], `districts[${i}].communes`);
    if (children.length === 0) fail(`districts[${i}]`, 'has no communes');
    children.forEach((rawChild, j) => {
      const c = readNamed(rawChild, 5, ['phuong', 'xa', 'thi-tran'], `districts[${i}].communes[${j}]`);
      if (oldCommunes.has(c.code)) fail(`districts[${i}].communes[${j}]`, `duplicate code ${c.code}`);
      oldCommunes.set(c.code, { fullName: c.fullName, districtCode: d.code });
      units.push({
        scheme: OLD,
        code: c.code,
        level: 'commune',
        type: c.type,
        name: c.name,
        fullName: c.fullName,
        nameEn: null,
        parentCode: d.code,
      });
    });
  });
  expectCount(oldCommunes.size, EXPECTED.oldCommunes, 'old communes');

  const mapping = asArray(readJson(dataDir, 'hanoi-mapping-2025-07.json'), 'mapping');
  const mapped = new Set<string>();
  const reached = new Set<string>();
  mapping.forEach((raw, i) => {
    const at = `mapping[${i}]`;
    const e = asObject(raw, at);
    const oldCode = asCode(e['oldCode'], 5, `${at}.oldCode`);
    const known = oldCommunes.get(oldCode) ?? fail(at, `old commune ${oldCode} is not in the 2025-01 hierarchy`);
    if (mapped.has(oldCode)) fail(at, `old commune ${oldCode} appears twice`);
    mapped.add(oldCode);
    if (asText(e['oldName'], `${at}.oldName`) !== known.fullName) fail(at, `oldName does not match ${known.fullName}`);
    if (asCode(e['oldDistrictCode'], 3, `${at}.oldDistrictCode`) !== known.districtCode)
      fail(at, 'oldDistrictCode does not match');

    const targets = asArray(e['newUnits'], `${at}.newUnits`);
    if (targets.length === 0) fail(at, 'has no new units');
    const seen = new Set<string>();
    targets.forEach((rawTarget, j) => {
      const tat = `${at}.newUnits[${j}]`;
      const t = asObject(rawTarget, tat);
      const toCode = asCode(t['code'], 5, `${tat}.code`);
      const target = newCommunes.get(toCode) ?? fail(tat, `new commune ${toCode} is not in the 2025-07 list`);
      if (asText(t['name'], `${tat}.name`) !== target.fullName) fail(tat, `name does not match ${target.fullName}`);
      const kind = asOneOf(t['kind'], ['full', 'partial'] as const, `${tat}.kind`);
      // One target must take the whole unit; with several, no single one can.
      if (kind !== (targets.length === 1 ? 'full' : 'partial'))
        fail(tat, `kind ${kind} with ${targets.length} target(s)`);
      if (seen.has(toCode)) fail(tat, `duplicate target ${toCode}`);
      seen.add(toCode);
      reached.add(toCode);
      links.push({ fromScheme: OLD, fromCode: oldCode, toScheme: NEW, toCode, kind });
    });
  });
  expectCount(mapped.size, EXPECTED.oldCommunes, 'mapped old communes');
  expectCount(reached.size, EXPECTED.newCommunes, 'new communes reached by the mapping');
  expectCount(links.length, EXPECTED.links, 'links');
  expectCount(links.filter((l) => l.kind === 'full').length, EXPECTED.fullLinks, 'full links');

  const ids = new Set<string>();
  for (const u of units) {
    const id = `${u.scheme}/${u.code}`;
    if (ids.has(id)) fail('units', `duplicate (scheme, code) ${id}`);
    ids.add(id);
  }

  // Sorted explicitly so the output does not depend on the order of the input files.
  units.sort((a, b) => cmp(a.scheme, b.scheme) || LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || cmp(a.code, b.code));
  links.sort((a, b) => cmp(a.fromCode, b.fromCode) || cmp(a.toCode, b.toCode));

  return { format: FORMAT, sources: [...SOURCES], schemes: SCHEMES.map((s) => ({ ...s })), units, links };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function main(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const sharedDir = process.env['SHARED_DIR'] ? resolve(process.env['SHARED_DIR']) : resolve(root, '../shared');
  const dataDir = join(sharedDir, 'data', 'admin-units');
  const outFile = join(root, 'data', 'admin-units', 'admin-units.json');
  if (!existsSync(dataDir)) fail(dataDir, 'not found (set SHARED_DIR to the folder that holds data/admin-units)');

  const file = buildAdminUnits(dataDir);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(file, null, 2)}\n`, 'utf8');

  const count = (scheme: string, level: Level) =>
    file.units.filter((u) => u.scheme === scheme && u.level === level).length;
  console.log(
    `admin-units: wrote ${outFile}\n` +
      `  ${NEW}: ${count(NEW, 'province')} provinces, ${count(NEW, 'commune')} communes\n` +
      `  ${OLD}: ${count(OLD, 'district')} districts, ${count(OLD, 'commune')} communes\n` +
      `  links: ${file.links.length}`,
  );
}

// Importing this module (for its types or buildAdminUnits) must not write files.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    console.error(`admin-units: ${err.message}`);
    process.exitCode = 1;
  }
}
