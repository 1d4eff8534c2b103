import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RubricCriterion, RubricGroup, RubricLevel } from '@hoptac/core/ocop';
import { MinimumMarker } from './badges.tsx';

/** The anchor of a criterion on the page ("criterion-1-5"), shared by the guide and the self-assessment. */
export function criterionAnchor(code: string): string {
  return `criterion-${code.replace(/[^\w]+/g, '-')}`;
}

/** A group made of one criterion of the same code (7. TÍNH ĐỘC ĐÁO): its heading is the criterion's. */
export function isSoleCriterion(group: RubricGroup, criterion: RubricCriterion): boolean {
  return group.criteria.length === 1 && criterion.code === group.code;
}

/** Rows of the printed sheet that sit above flattened sub-criteria (6.1 above 6.1.1 …), shown once. */
export function parentBefore(group: RubricGroup, index: number): RubricCriterion['parent'] | undefined {
  const parent = group.criteria[index]?.parent;
  if (!parent) return undefined;
  return group.criteria[index - 1]?.parent?.code === parent.code ? undefined : parent;
}

/**
 * What the sheet says around a criterion: explanation, requirement, when it applies, the choice of
 * case, and the notes that reject the dossier or stop the evaluation.
 */
export function CriterionNotes({ criterion: c }: { criterion: RubricCriterion }) {
  const { t } = useTranslation('ocop');
  const special = new Set([c.disqualifiesIf, c.haltsEvaluationIf, c.conditional].filter(Boolean));
  const notes = (c.notes ?? []).filter((n) => !special.has(n));
  const items: { kind: string; label?: string; text: string }[] = [];
  if (c.explanation) items.push({ kind: 'plain', text: c.explanation });
  if (c.requirement) items.push({ kind: 'plain', text: c.requirement });
  if (c.conditional) items.push({ kind: 'conditional', label: t('criterion.conditional'), text: c.conditional });
  if (c.cases) items.push({ kind: 'cases', label: t('criterion.cases'), text: c.cases.instruction ?? '' });
  for (const n of notes) items.push({ kind: 'plain', text: n });
  // Our label says what kind of note it is: the printed "Ghi chú:" in front adds nothing.
  const bare = (text: string) => text.replace(/^Ghi chú:\s*/u, '');
  if (c.disqualifiesIf)
    items.push({ kind: 'knockout', label: t('criterion.disqualifies'), text: bare(c.disqualifiesIf) });
  if (c.haltsEvaluationIf)
    items.push({ kind: 'knockout', label: t('criterion.halts'), text: bare(c.haltsEvaluationIf) });
  if (items.length === 0) return null;
  return (
    <ul className="ocop-notes">
      {items.map((item, i) => (
        <li key={i} className={`ocop-note ocop-note--${item.kind}`}>
          {item.label ? <strong>{item.label} </strong> : null}
          {item.text}
        </li>
      ))}
    </ul>
  );
}

const CORRECTIONS = [
  'pointsBlankInSource',
  'implied',
  'possibleMisprint',
  'pointsInferred',
  'descriptionTruncated',
] as const;

/** Points, star minimums, a halting level and the transcription notes of one level. */
export function LevelFacts({ level }: { level: RubricLevel }) {
  const { t } = useTranslation('ocop');
  const fix = level.correction;
  const notes = [
    ...(fix?.sourcePoints !== undefined ? [t('correction.sourcePoints', { points: fix.sourcePoints })] : []),
    ...CORRECTIONS.filter((k) => fix?.[k]).map((k) => t(`correction.${k}`)),
  ];
  const parts: ReactNode[] = [
    <span key="points" className="ocop-level__points">
      {t('level.points', { points: level.points })}
    </span>,
  ];
  if (level.minimumFor?.length) parts.push(<MinimumMarker key="min" stars={level.minimumFor} />);
  if (level.haltsEvaluation)
    parts.push(
      <span key="halts" className="badge badge--red">
        {t('level.halts')}
      </span>,
    );
  if (notes.length > 0)
    parts.push(
      <span key="notes" className="ocop-level__correction">
        {notes.join(' ')}
      </span>,
    );
  // Spaces between the pieces keep the accessible name readable ("1 điểm tối thiểu cho 3★").
  return <span className="ocop-level__facts">{parts.flatMap((p, i) => (i === 0 ? [p] : [' ', p]))}</span>;
}
