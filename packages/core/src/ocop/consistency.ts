import { OCOP_MINIMUM_STARS, OCOP_PART_CODES, type RubricCriterion, type RubricSheet } from './rubric.ts';

/**
 * Arithmetic a sheet must satisfy before anyone scores with it, whether shipped or uploaded by a
 * city admin: a sheet whose maxima do not add up would rank products on a scale that is not
 * 100 points. Returns one message per problem, each prefixed with where it is; [] means usable.
 *
 * Complete sheets must add up exactly (levels → criterion → group → part → 100). Fragment sheets
 * only must not exceed the stated maxima, since most of their criteria are unknown.
 */
export function checkRubricSheet(sheet: RubricSheet): string[] {
  const problems: string[] = [];
  const add = (where: string, message: string) => problems.push(`${sheet.id} ${where}: ${message}`);
  const exact = sheet.coverage === 'complete';

  const partCodes = sheet.parts.map((p) => p.code).join('');
  if (partCodes !== OCOP_PART_CODES.join('')) add('parts', `must be A, B, C in order (got "${partCodes}")`);
  const partSum = sheet.parts.reduce((s, p) => s + p.maxPoints, 0);
  if (partSum !== sheet.maxPoints) add('parts', `maxima sum to ${partSum}, sheet states ${sheet.maxPoints}`);
  if (sheet.maxPoints !== 100) add('maxPoints', `is ${sheet.maxPoints}, expected 100`);

  const seen = new Set<string>();
  for (const part of sheet.parts) {
    let partSumOfGroups = 0;
    for (const group of part.groups) {
      const where = `part ${part.code} group ${group.code}`;
      let groupSum = 0;
      const parents = new Map<string, { sum: number; max: number | undefined }>();
      for (const c of group.criteria) {
        if (seen.has(c.code)) add(`criterion ${c.code}`, 'code appears twice on the sheet');
        seen.add(c.code);
        for (const p of checkCriterion(c)) add(`criterion ${c.code}`, p);
        groupSum += c.maxPoints;
        if (c.parent) {
          const entry = parents.get(c.parent.code) ?? { sum: 0, max: c.parent.maxPoints };
          entry.sum += c.maxPoints;
          parents.set(c.parent.code, entry);
        }
      }
      for (const [code, { sum, max }] of parents)
        if (max !== undefined && sum !== max) add(where, `sub-criteria of ${code} sum to ${sum}, parent states ${max}`);
      if (exact && !group.incomplete && groupSum !== group.maxPoints)
        add(where, `criteria maxima sum to ${groupSum}, group states ${group.maxPoints}`);
      if (groupSum > group.maxPoints) add(where, `criteria maxima ${groupSum} exceed group maximum ${group.maxPoints}`);
      if (exact && group.incomplete) add(where, 'a complete sheet cannot have an incomplete group');
      partSumOfGroups += group.maxPoints;
    }
    if (exact && partSumOfGroups !== part.maxPoints)
      add(`part ${part.code}`, `group maxima sum to ${partSumOfGroups}, part states ${part.maxPoints}`);
    if (partSumOfGroups > part.maxPoints)
      add(`part ${part.code}`, `group maxima ${partSumOfGroups} exceed part maximum ${part.maxPoints}`);
  }

  const bands = [...sheet.starBands].sort((a, b) => a.minScore - b.minScore);
  if (bands.map((b) => b.stars).join() !== '1,2,3,4,5')
    add('starBands', 'must be 1★ to 5★ in ascending score order, one band each');
  if (bands[0]?.minScore !== 0) add('starBands', 'the lowest band must start at 0');
  if (bands[bands.length - 1]?.maxScore !== sheet.maxPoints) add('starBands', 'the highest band must end at maxPoints');
  for (let i = 1; i < bands.length; i++) {
    const [prev, next] = [bands[i - 1]!, bands[i]!];
    // Inclusive integer ranges (70–89, 90–100) also count as contiguous; see bandFor.
    const contiguous = next.minScore === prev.maxScore || (prev.maxInclusive && next.minScore === prev.maxScore + 1);
    if (!contiguous) add('starBands', `gap or overlap between ${prev.stars}★ and ${next.stars}★`);
  }
  return problems;
}

function checkCriterion(c: RubricCriterion): string[] {
  const problems: string[] = [];
  if (c.levels.length === 0) return ['has no levels'];
  for (const [i, l] of c.levels.entries()) {
    if (!Number.isInteger(l.points) || l.points < 0) problems.push(`level ${i} has invalid points ${l.points}`);
    if (l.points > c.maxPoints) problems.push(`level ${i} scores ${l.points}, above the maximum ${c.maxPoints}`);
  }
  const best = Math.max(...c.levels.map((l) => l.points));
  if (best !== c.maxPoints) problems.push(`maxPoints ${c.maxPoints} but the best level scores ${best}`);

  const caseNumbers = new Set(c.cases?.list.map((x) => x.case) ?? []);
  for (const [i, l] of c.levels.entries()) {
    if (c.cases && (l.case === undefined || !caseNumbers.has(l.case))) problems.push(`level ${i} names no listed case`);
    if (!c.cases && l.case !== undefined) problems.push(`level ${i} names a case but the criterion has none`);
  }
  for (const n of caseNumbers) if (!c.levels.some((l) => l.case === n)) problems.push(`case ${n} has no levels`);
  if (c.cases && c.conditional) problems.push('a criterion cannot be both conditional and split into cases');

  let previous: number | undefined;
  for (const s of OCOP_MINIMUM_STARS) {
    const min = c.minimumForStars?.[s];
    const marked = c.levels.filter((l) => l.minimumFor?.includes(s));
    if (min === undefined) {
      if (marked.length > 0) problems.push(`a level is the ${s}★ minimum but minimumForStars has no ${s}`);
      if (previous !== undefined) problems.push(`has a minimum below ${s}★ but none for ${s}★`);
      continue;
    }
    if (marked.length !== 1 || marked[0]!.points !== min)
      problems.push(`minimumForStars ${s}★ = ${min} must match exactly one level marked for ${s}★ with those points`);
    if (previous !== undefined && min < previous) problems.push(`the ${s}★ minimum is below a lower grade's minimum`);
    previous = min;
  }
  return problems;
}
