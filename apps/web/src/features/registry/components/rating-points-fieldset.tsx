import { useTranslation } from 'react-i18next';
import type { AnnualReport } from '@hoptac/core';
import { TextField } from '../../../components/field.tsx';
import { RATING_TT01_2020 } from '../../../lib/domain.ts';
import { formatNumber } from '../../../lib/format.ts';
import { RatingBadge } from './badges.tsx';
import { previewRating, tallyPoints } from './report-draft.ts';

/**
 * The TT 01/2020 rating points of a report, group by group with running sums, and the band they
 * would give (a preview: the server rates on save).
 */
export function RatingPointsFieldset({
  points,
  onChange,
  editable,
  error,
  pointIssues,
  months,
  suspended,
  saved,
}: {
  points: Record<string, string>;
  onChange: (code: string, text: string) => void;
  editable: boolean;
  error?: string | undefined;
  /** The server's issues with a criterion's points, by criterion code. */
  pointIssues: Map<string, string>;
  months: number;
  suspended: number;
  /** The saved report, shown when the form is read-only. */
  saved: AnnualReport | null;
}) {
  const { t, i18n } = useTranslation('registry');
  const n = (v: number) => formatNumber(v, i18n.language);
  const { pointValues, groupSums, anyPoints, total } = tallyPoints(points);
  return (
    <fieldset className="report-group rating-points">
      <legend>{t('reportForm.groups.rating')}</legend>
      <p className="field__hint">{t('reportForm.ratingHint')}</p>
      {error ? <p className="field__error">{error}</p> : null}
      {RATING_TT01_2020.groups.map((group, gi) => {
        const sum = groupSums[gi] ?? 0;
        const over = sum > group.maxPoints;
        return (
          <div key={group.code} className="rating-group">
            <div className="rating-group__head">
              <h4 id={`rating-group-${group.code}`}>
                {t('reportForm.groupTitle', { code: group.code, title: t(`criteria.groups.${group.code}`) })}
              </h4>
              <span className={`rating-group__sum${over ? ' rating-group__sum--over' : ''}`}>
                {t('reportForm.groupSum', { sum: n(sum), max: n(group.maxPoints) })}
              </span>
            </div>
            {group.criteria.some((c) => c.maxPoints === null) ? (
              <p className="field__hint">{t('reportForm.groupOnlyMax', { max: n(group.maxPoints) })}</p>
            ) : null}
            <div className="rating-group__criteria">
              {group.criteria.map((c) => {
                const v = pointValues[c.code];
                const bad =
                  typeof v === 'number' && (Number.isNaN(v) || v < 0 || (c.maxPoints !== null && v > c.maxPoints));
                const max = c.maxPoints ?? group.maxPoints;
                return (
                  <TextField
                    key={c.code}
                    label={`${c.code}. ${t(`criteria.${c.code}`)}`}
                    name={`points-${c.code}`}
                    inputMode="decimal"
                    autoComplete="off"
                    className="input--points"
                    value={points[c.code] ?? ''}
                    readOnly={!editable}
                    onChange={(e) => onChange(c.code, e.target.value)}
                    hint={
                      c.maxPoints !== null
                        ? t('reportForm.maxPoints', { max: n(max) })
                        : t('reportForm.maxPointsGroup', { max: n(max) })
                    }
                    error={bad ? t('issue.points_over', { max: n(max) }) : pointIssues.get(c.code)}
                  />
                );
              })}
            </div>
          </div>
        );
      })}
      {editable ? (
        <>
          <p className="rating-total" role="status">
            {anyPoints ? (
              <>
                {t('reportForm.total', { total: n(total) })}{' '}
                <RatingBadge rating={previewRating(total, months, suspended)} />{' '}
                <span className="muted small">{t('reportForm.preview')}</span>
              </>
            ) : (
              <span className="muted">{t('reportForm.noPoints')}</span>
            )}
          </p>
          {anyPoints && previewRating(total, months, suspended) === 'not_rated' ? (
            <p className="note">{t('reportForm.notRatedReason')}</p>
          ) : null}
        </>
      ) : (
        <p className="rating-total">
          {saved?.ratingTotal != null ? `${t('reportForm.total', { total: n(saved.ratingTotal) })} ` : null}
          <RatingBadge rating={saved?.rating ?? null} />
        </p>
      )}
      <p className="muted small">{t('reportForm.bands')}</p>
    </fieldset>
  );
}
