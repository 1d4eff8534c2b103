// Converts one reference sheet (../shared/data/ocop-rubrics/*.json) into the rubric format of
// @hoptac/core/ocop. Every field of the input is read explicitly and unknown fields stop the build:
// a reference file that changed shape must not quietly lose data.
import {
  type OcopDecisionCode,
  type OcopMinimumStar,
  type RubricCases,
  type RubricCriterion,
  type RubricGroup,
  type RubricLevel,
  type RubricLevelCorrection,
  type RubricSheet,
  type RubricStarBand,
} from '../packages/core/src/ocop/index.ts';

/** Shipped sheets are version 1; an edited sheet uploaded later becomes version 2, 3, … */
const SHIPPED_VERSION = 1;

const DECISIONS: Record<string, { code: OcopDecisionCode; current: boolean }> = {
  '26/2026/QĐ-TTg': { code: 'qd26-2026', current: true },
  '148/QĐ-TTg': { code: 'qd148-2023', current: false },
  '1048/QĐ-TTg': { code: 'qd1048-2019', current: false },
};

// The fields the input may carry at each depth; anything else is a change this script was not written for.
// prettier-ignore
const KEYS = {
  sheet: [
    'id', 'decision', 'decisionTitle', 'decisionDate', 'effectiveFrom', 'effectiveTo', 'effectiveToNote',
    'replaces', 'supersededBy', 'historical', 'sheetNumber', 'sheetHeading', 'sheetSubheading', 'productGroup',
    'productSubgroup', 'productSets', 'managingAgency', 'maxPoints', 'disqualifiers', 'parts', 'starBands',
    'certification', 'coverage', 'confidence', 'source', 'notes',
  ],
  part: ['code', 'title', 'titleEn', 'maxPoints', 'criteriaGroups'],
  group: ['code', 'title', 'titleEn', 'maxPoints', 'explanation', 'complete', 'criteria'],
  criterion: [
    'code', 'title', 'titleEn', 'maxPoints', 'parent', 'parentNotes', 'explanation', 'requirement', 'notes',
    'conditional', 'selectOneCase', 'casesDerived', 'disqualifiesIf', 'haltsEvaluationIf', 'minimumForStars',
    'levelsImplied', 'levels',
  ],
  level: [
    'description', 'points', 'case', 'starMarker', 'mandatoryForStars', 'implied', 'sourcePoints',
    'pointsBlankInSource', 'possibleMisprint', 'pointsInferred', 'descriptionTruncated',
  ],
  band: ['stars', 'minScore', 'maxScore', 'maxInclusive', 'label', 'certifiedBy', 'note'],
} as const;

export class InputError extends Error {}

export function fail(where: string, message: string): never {
  throw new InputError(`${where}: ${message}`);
}

type Obj = Record<string, unknown>;

function asObject(v: unknown, where: string, keys: readonly string[]): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(where, 'expected an object');
  const unknown = Object.keys(v).filter((k) => !keys.includes(k));
  if (unknown.length > 0) fail(where, `unexpected field(s) ${unknown.join(', ')}`);
  return v as Obj;
}

function asArray(v: unknown, where: string): unknown[] {
  if (!Array.isArray(v)) fail(where, 'expected an array');
  return v;
}

// Returns the NFC form; refuses blank or untrimmed text instead of repairing it, since the
// reference data promises it is already clean.
function asText(v: unknown, where: string): string {
  if (typeof v !== 'string' || v === '' || v !== v.trim())
    fail(where, `expected trimmed non-empty text, got ${JSON.stringify(v)}`);
  return v.normalize('NFC');
}

const optText = (v: unknown, where: string) => (v === undefined ? undefined : asText(v, where));
// `{ [name]: value }`, or nothing when the value is absent, so optional fields stay out of the output.
const optional = <K extends string, V>(name: K, value: V | undefined) =>
  (value === undefined ? {} : { [name]: value }) as Partial<Record<K, V>>;
const texts = (v: unknown, where: string) => asArray(v, where).map((x, i) => asText(x, `${where}[${i}]`));

function asInt(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) fail(where, `expected an integer, got ${JSON.stringify(v)}`);
  return v;
}

function asTrue(v: unknown, where: string): true | undefined {
  if (v === undefined) return undefined;
  if (v !== true) fail(where, `expected true when present, got ${JSON.stringify(v)}`);
  return true;
}

/** Converts one reference sheet to the project format (not yet validated). */
export function convertSheet(raw: unknown, file: string): RubricSheet {
  const s = asObject(raw, file, KEYS.sheet);
  const id = asText(s['id'], `${file}.id`);
  if (`${id}.json` !== file) fail(file, `id ${id} does not match the file name`);
  const number = asText(s['decision'], `${file}.decision`);
  const decision = DECISIONS[number] ?? fail(`${file}.decision`, `unknown decision ${number}`);
  if (!id.startsWith(`${decision.code.replace(/-\d+$/, '')}-`)) fail(file, `id does not start with ${decision.code}`);
  if (s['historical'] !== undefined && s['historical'] !== !decision.current)
    fail(`${file}.historical`, 'disagrees with the decision being current');

  const sheetNumber = s['sheetNumber'] === undefined ? null : asInt(s['sheetNumber'], `${file}.sheetNumber`);
  const heading = optText(s['sheetHeading'], `${file}.sheetHeading`) ?? null;
  const productSets = texts(s['productSets'], `${file}.productSets`);
  // The printed heading without its running number (kept in sheetNumber); sheets transcribed
  // from databases have no heading and are titled after their product set.
  let title = `Bộ sản phẩm: ${productSets[0] ?? fail(file, 'no product set')}`;
  if (heading !== null) {
    const prefix = `${sheetNumber}. `;
    if (!heading.startsWith(prefix)) fail(`${file}.sheetHeading`, `does not start with "${prefix}"`);
    title = heading.slice(prefix.length);
  }
  const certification =
    s['certification'] === undefined
      ? undefined
      : asObject(s['certification'], `${file}.certification`, ['5', '3-4', '1-2', 'validityMonths']);

  const sheet: RubricSheet = {
    id,
    version: SHIPPED_VERSION,
    decision: {
      code: decision.code,
      number,
      title: optText(s['decisionTitle'], `${file}.decisionTitle`) ?? null,
      // QĐ 1048 files give only effectiveFrom, which is also its signing date (21/08/2019).
      date: asText(s['decisionDate'] ?? s['effectiveFrom'], `${file}.decisionDate`),
      effectiveFrom: asText(s['effectiveFrom'], `${file}.effectiveFrom`),
      effectiveTo: optText(s['effectiveTo'], `${file}.effectiveTo`) ?? null,
      ...optional('effectiveToNote', optText(s['effectiveToNote'], `${file}.effectiveToNote`)),
      current: decision.current,
      replaces: s['replaces'] === undefined ? [] : texts(s['replaces'], `${file}.replaces`),
      supersededBy: optText(s['supersededBy'], `${file}.supersededBy`) ?? null,
    },
    sheetNumber,
    title,
    heading,
    subheading: optText(s['sheetSubheading'], `${file}.sheetSubheading`) ?? null,
    productGroup: asText(s['productGroup'], `${file}.productGroup`),
    productSubgroup: asText(s['productSubgroup'], `${file}.productSubgroup`),
    productSets,
    managingAgency: optText(s['managingAgency'], `${file}.managingAgency`) ?? null,
    maxPoints: asInt(s['maxPoints'], `${file}.maxPoints`),
    coverage: asText(s['coverage'], `${file}.coverage`) as RubricSheet['coverage'],
    confidence: asText(s['confidence'], `${file}.confidence`) as RubricSheet['confidence'],
    disqualifiers: s['disqualifiers'] === undefined ? [] : texts(s['disqualifiers'], `${file}.disqualifiers`),
    parts: asArray(s['parts'], `${file}.parts`).map((rp, i) => {
      const at = `${file}.parts[${i}]`;
      const p = asObject(rp, at, KEYS.part);
      return {
        code: asText(p['code'], `${at}.code`) as 'A' | 'B' | 'C',
        title: asText(p['title'], `${at}.title`),
        titleEn: asText(p['titleEn'], `${at}.titleEn`),
        maxPoints: asInt(p['maxPoints'], `${at}.maxPoints`),
        groups: asArray(p['criteriaGroups'], `${at}.criteriaGroups`).map((g, j) =>
          convertGroup(g, `${at}.criteriaGroups[${j}]`),
        ),
      };
    }),
    starBands: asArray(s['starBands'], `${file}.starBands`).map((b, i) => convertBand(b, `${file}.starBands[${i}]`)),
    certificateValidityMonths:
      certification?.['validityMonths'] === undefined
        ? null
        : asInt(certification['validityMonths'], `${file}.certification.validityMonths`),
    source: (() => {
      const src = asObject(s['source'], `${file}.source`, ['documents', 'urls']);
      return {
        documents: texts(src['documents'], `${file}.source.documents`),
        urls: texts(src['urls'], `${file}.source.urls`),
      };
    })(),
    notes: asText(s['notes'], `${file}.notes`),
  };
  markHaltingLevels(sheet);
  return sheet;
}

function convertGroup(raw: unknown, at: string): RubricGroup {
  const g = asObject(raw, at, KEYS.group);
  if (g['complete'] !== undefined && g['complete'] !== false) fail(`${at}.complete`, 'expected false when present');
  return {
    code: asText(g['code'], `${at}.code`),
    title: asText(g['title'], `${at}.title`),
    titleEn: asText(g['titleEn'], `${at}.titleEn`),
    maxPoints: asInt(g['maxPoints'], `${at}.maxPoints`),
    ...optional('explanation', optText(g['explanation'], `${at}.explanation`)),
    ...(g['complete'] === false && { incomplete: true as const }),
    criteria: asArray(g['criteria'], `${at}.criteria`).map((c, k) => convertCriterion(c, `${at}.criteria[${k}]`)),
  };
}

function convertCriterion(raw: unknown, at: string): RubricCriterion {
  const c = asObject(raw, at, KEYS.criterion);
  const code = asText(c['code'], `${at}.code`);
  const where = `${at} (${code})`;
  const rawLevels = asArray(c['levels'], `${where}.levels`).map((l, i) =>
    asObject(l, `${where}.levels[${i}]`, KEYS.level),
  );

  // Cases: 2026 labels them ("a. Trường hợp 1: …"), the 1048 encodings number them.
  const caseValues = [...new Set(rawLevels.map((l) => l['case']).filter((v) => v !== undefined))];
  const caseList = caseValues.map((v, i) =>
    typeof v === 'string'
      ? { case: i + 1, label: asText(v, `${where} case`) }
      : { case: asInt(v, `${where} case`), label: null },
  );
  const caseOf = (l: Obj) => (l['case'] === undefined ? undefined : caseList[caseValues.indexOf(l['case'])]?.case);
  const levels = rawLevels.map((l, i) => convertLevel(l, `${where}.levels[${i}]`, caseOf(l)));
  if (c['levelsImplied'] !== undefined && !levels.every((l) => l.correction?.implied))
    fail(where, 'levelsImplied but not every level is implied');
  asTrue(c['levelsImplied'], `${where}.levelsImplied`);

  let cases: RubricCases | undefined;
  if (caseList.length > 0) {
    if (c['selectOneCase'] === undefined && c['casesDerived'] !== true)
      fail(where, 'levels carry cases but no case note');
    if (rawLevels.some((l) => l['case'] === undefined)) fail(where, 'some levels carry no case');
    cases = {
      instruction: optText(c['selectOneCase'], `${where}.selectOneCase`) ?? null,
      ...(asTrue(c['casesDerived'], `${where}.casesDerived`) && { derived: true as const }),
      list: caseList,
    };
  } else if (c['selectOneCase'] !== undefined || c['casesDerived'] !== undefined)
    fail(where, 'case note without cases');

  const rawMin =
    c['minimumForStars'] === undefined
      ? undefined
      : asObject(c['minimumForStars'], `${where}.minimumForStars`, ['3', '4', '5']);
  const minimumForStars =
    rawMin &&
    Object.fromEntries(Object.entries(rawMin).map(([k, v]) => [Number(k), asInt(v, `${where}.minimumForStars.${k}`)]));

  const rawParent =
    c['parent'] === undefined
      ? undefined
      : asObject(c['parent'], `${where}.parent`, ['code', 'title', 'titleEn', 'maxPoints']);
  const parentNotes =
    c['parentNotes'] === undefined
      ? undefined
      : texts(asObject(c['parentNotes'], `${where}.parentNotes`, ['notes'])['notes'], `${where}.parentNotes.notes`);
  if (parentNotes && !rawParent) fail(where, 'parentNotes without parent');

  return {
    code,
    title: asText(c['title'], `${where}.title`),
    titleEn: asText(c['titleEn'], `${where}.titleEn`),
    maxPoints: asInt(c['maxPoints'], `${where}.maxPoints`),
    ...(rawParent && {
      parent: {
        code: asText(rawParent['code'], `${where}.parent.code`),
        title: asText(rawParent['title'], `${where}.parent.title`),
        titleEn: asText(rawParent['titleEn'], `${where}.parent.titleEn`),
        ...optional(
          'maxPoints',
          rawParent['maxPoints'] === undefined ? undefined : asInt(rawParent['maxPoints'], `${where}.parent.maxPoints`),
        ),
        ...optional('notes', parentNotes),
      },
    }),
    ...optional('explanation', optText(c['explanation'], `${where}.explanation`)),
    ...optional('requirement', optText(c['requirement'], `${where}.requirement`)),
    ...optional('notes', c['notes'] === undefined ? undefined : texts(c['notes'], `${where}.notes`)),
    ...optional('conditional', optText(c['conditional'], `${where}.conditional`)),
    ...optional('cases', cases),
    ...optional('disqualifiesIf', optText(c['disqualifiesIf'], `${where}.disqualifiesIf`)),
    ...optional('haltsEvaluationIf', optText(c['haltsEvaluationIf'], `${where}.haltsEvaluationIf`)),
    ...optional('minimumForStars', minimumForStars),
    levels,
  };
}

function convertLevel(l: Obj, at: string, caseNumber: number | undefined): RubricLevel {
  const marker = optText(l['starMarker'], `${at}.starMarker`);
  if (marker !== undefined && !['***', '****', '*****'].includes(marker)) fail(at, `unknown star marker ${marker}`);
  const stars =
    l['mandatoryForStars'] === undefined
      ? undefined
      : asArray(l['mandatoryForStars'], `${at}.mandatoryForStars`).map((s) => {
          if (s !== 3 && s !== 4 && s !== 5)
            fail(`${at}.mandatoryForStars`, `only 3, 4 and 5 stars have minimums, got ${JSON.stringify(s)}`);
          return s as OcopMinimumStar;
        });
  // A blank printed cell is recorded as sourcePoints null next to pointsBlankInSource; the flag says it all.
  if (l['sourcePoints'] === null && l['pointsBlankInSource'] !== true)
    fail(at, 'sourcePoints null without pointsBlankInSource');
  const sourcePoints = l['sourcePoints'];
  const flag = (name: Exclude<keyof RubricLevelCorrection, 'sourcePoints'>) =>
    optional(name, asTrue(l[name], `${at}.${name}`));
  const correction: RubricLevelCorrection = {
    ...optional('sourcePoints', sourcePoints == null ? undefined : asInt(sourcePoints, `${at}.sourcePoints`)),
    ...flag('pointsBlankInSource'),
    ...flag('implied'),
    ...flag('possibleMisprint'),
    ...flag('pointsInferred'),
    ...flag('descriptionTruncated'),
  };
  return {
    description: asText(l['description'], `${at}.description`),
    points: asInt(l['points'], `${at}.points`),
    ...optional('case', caseNumber),
    ...optional('starMarker', marker as RubricLevel['starMarker']),
    ...optional('minimumFor', stars),
    ...optional('correction', Object.keys(correction).length > 0 ? correction : undefined),
  };
}

function convertBand(raw: unknown, at: string): RubricStarBand {
  const b = asObject(raw, at, KEYS.band);
  const stars = asInt(b['stars'], `${at}.stars`);
  if (stars < 1 || stars > 5) fail(`${at}.stars`, `expected 1–5, got ${stars}`);
  if (typeof b['maxInclusive'] !== 'boolean') fail(`${at}.maxInclusive`, 'expected a boolean');
  if (typeof b['minScore'] !== 'number' || typeof b['maxScore'] !== 'number') fail(at, 'scores must be numbers');
  return {
    stars: stars as RubricStarBand['stars'],
    minScore: b['minScore'],
    maxScore: b['maxScore'],
    maxInclusive: b['maxInclusive'],
    label: optText(b['label'], `${at}.label`) ?? null,
    // null in the input: no certificate for 1★ and 2★; absent: the source does not say.
    certifiedBy: b['certifiedBy'] == null ? null : asText(b['certifiedBy'], `${at}.certifiedBy`),
    ...optional('note', optText(b['note'], `${at}.note`)),
  };
}

// Two stop notes name a score rather than a fact: "Nếu bị 0 Điểm, sẽ không đánh giá các bước tiếp
// theo" (on that criterion) and "Nếu được 0 điểm tại một trong các chỉ tiêu trên, …" (on the
// criteria of the group up to the note). Their 0-point levels stop the evaluation by themselves;
// every other stop note stays an evaluator's judgement (see scoreSheet in @hoptac/core/ocop).
function markHaltingLevels(sheet: RubricSheet): void {
  for (const part of sheet.parts)
    for (const group of part.groups)
      group.criteria.forEach((c, i) => {
        if (!c.haltsEvaluationIf || !/(^|\s)0 điểm/iu.test(c.haltsEvaluationIf)) return;
        const scope = /các chỉ tiêu trên/iu.test(c.haltsEvaluationIf) ? group.criteria.slice(0, i + 1) : [c];
        for (const target of scope) target.levels = target.levels.map((l) => (l.points === 0 ? withHalt(l) : l));
      });
}

// Keeps the field order of RubricLevel so the output reads the same on every level.
function withHalt(l: RubricLevel): RubricLevel {
  const { correction, ...rest } = l;
  return { ...rest, haltsEvaluation: true, ...optional('correction', correction) };
}
