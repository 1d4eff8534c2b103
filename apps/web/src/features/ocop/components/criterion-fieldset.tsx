import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RubricCriterion } from '@hoptac/core/ocop';
import { levelsByCase } from '../scoring.ts';
import { localTitle } from '../text.ts';
import { CriterionNotes, LevelFacts, criterionAnchor } from './criterion-parts.tsx';

export interface CriterionFieldsetProps {
  criterion: RubricCriterion;
  /** A level index, null for "not applicable", undefined while unanswered. */
  value: number | null | undefined;
  onChange: (code: string, value: number | null) => void;
  readOnly: boolean;
  /** The server's word on this criterion (missing, level out of range …). */
  error?: string | undefined;
}

/** One criterion as a radio group of its levels (by case when it has cases), with "not applicable" where allowed. */
export const CriterionFieldset = memo(function CriterionFieldset({
  criterion: c,
  value,
  onChange,
  readOnly,
  error,
}: CriterionFieldsetProps) {
  const { t, i18n } = useTranslation('ocop');
  const name = `answer-${c.code}`;
  const errorId = `${criterionAnchor(c.code)}-error`;
  const unanswered = value === undefined;
  return (
    <fieldset
      className={`ocop-criterion ocop-answer${unanswered && !readOnly ? ' ocop-answer--open' : ''}${error ? ' field--invalid' : ''}`}
      id={criterionAnchor(c.code)}
      disabled={readOnly}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="ocop-criterion__title">
        <span>
          {c.code}. {localTitle(c, i18n.language)}
        </span>{' '}
        <span className="ocop-max">{t('guide.max', { points: c.maxPoints })}</span>
      </legend>
      {unanswered && !readOnly ? <span className="badge badge--amber">{t('assessment.unanswered')}</span> : null}
      <CriterionNotes criterion={c} />
      {levelsByCase(c).map((k) => (
        <div key={k.case ?? 0} className="ocop-case">
          {k.label ? <p className="ocop-case__label">{k.label}</p> : null}
          {k.levels.map((i) => {
            const level = c.levels[i];
            if (!level) return null;
            return (
              <label key={i} className="ocop-choice">
                <input type="radio" name={name} value={i} checked={value === i} onChange={() => onChange(c.code, i)} />
                <span className="ocop-choice__body">
                  <span className="ocop-level__text">{level.description}</span> <LevelFacts level={level} />
                </span>
              </label>
            );
          })}
        </div>
      ))}
      {c.conditional ? (
        <label className="ocop-choice ocop-choice--na">
          <input type="radio" name={name} value="" checked={value === null} onChange={() => onChange(c.code, null)} />
          <span className="ocop-choice__body">
            <span className="ocop-level__text">{t('assessment.notApplicable')}</span>
          </span>
        </label>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
});
