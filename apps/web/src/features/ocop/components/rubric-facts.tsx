import { useTranslation } from 'react-i18next';
import type { RubricSheet } from '@hoptac/core/ocop';
import { formatNumber } from '../../../lib/format.ts';
import { formatDay } from '../text.ts';
import { RubricBadges, StarRating } from './badges.tsx';

/** Where the sheet comes from and what it applies to. */
export function RubricFacts({ sheet }: { sheet: RubricSheet }) {
  const { t, i18n } = useTranslation('ocop');
  const lang = i18n.language;
  const d = sheet.decision;
  const rows: [string, string][] = [
    [t('rubric.facts.decision'), `${d.number}${d.title ? ` — ${d.title}` : ''}`],
    [
      t('rubric.facts.effective'),
      d.effectiveTo
        ? t('rubric.facts.effectiveRange', {
            from: formatDay(d.effectiveFrom, lang),
            to: formatDay(d.effectiveTo, lang),
          })
        : t('rubric.facts.effectiveFrom', { from: formatDay(d.effectiveFrom, lang) }),
    ],
    [
      t('rubric.facts.group'),
      sheet.productSubgroup ? `${sheet.productGroup} — ${sheet.productSubgroup}` : sheet.productGroup,
    ],
    [t('rubric.facts.productSets'), sheet.productSets.join('; ')],
    [t('rubric.facts.maxPoints'), t('rubric.pointsValue', { points: formatNumber(sheet.maxPoints, lang) })],
  ];
  if (sheet.managingAgency) rows.push([t('rubric.facts.agency'), sheet.managingAgency]);
  if (sheet.certificateValidityMonths)
    rows.push([t('rubric.facts.validity'), t('rubric.facts.months', { n: sheet.certificateValidityMonths })]);
  return (
    <section className="card" aria-labelledby="rubric-facts-title">
      <div className="card__head">
        <h2 id="rubric-facts-title">{t('rubric.facts.title')}</h2>
        <span className="tag-list">
          <RubricBadges rubric={{ current: d.current, coverage: sheet.coverage }} />
        </span>
      </div>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label} className="facts__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Score bands and who certifies each grade. */
export function StarBands({ sheet }: { sheet: RubricSheet }) {
  const { t, i18n } = useTranslation('ocop');
  const n = (v: number) => formatNumber(v, i18n.language);
  const bands = [...sheet.starBands].sort((a, b) => b.stars - a.stars);
  return (
    <section className="card" aria-labelledby="rubric-bands-title">
      <h2 id="rubric-bands-title">{t('rubric.bands.title')}</h2>
      <p className="muted small">{t('rubric.bands.intro')}</p>
      <div className="table-wrap">
        <table className="table table--stack">
          <thead>
            <tr>
              <th scope="col">{t('rubric.bands.star')}</th>
              <th scope="col">{t('rubric.bands.range')}</th>
              <th scope="col">{t('rubric.bands.certifiedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {bands.map((b) => (
              <tr key={b.stars}>
                <td data-label={t('rubric.bands.star')}>
                  <StarRating star={b.stars} />
                </td>
                <td data-label={t('rubric.bands.range')}>
                  {b.maxInclusive
                    ? t('rubric.bands.rangeInclusive', { min: n(b.minScore), max: n(b.maxScore) })
                    : t('rubric.bands.rangeBelow', { min: n(b.minScore), max: n(b.maxScore) })}
                </td>
                <td data-label={t('rubric.bands.certifiedBy')}>{b.certifiedBy ?? b.note ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The sheet's rejection clauses, its sources and the transcription notes. */
export function RubricSources({ sheet }: { sheet: RubricSheet }) {
  const { t } = useTranslation('ocop');
  return (
    <section className="card" aria-labelledby="rubric-sources-title">
      <h2 id="rubric-sources-title">{t('rubric.sources.title')}</h2>
      <ul className="ocop-sources">
        {sheet.source.documents.map((doc) => (
          <li key={doc}>{doc}</li>
        ))}
        {sheet.source.urls.map((url) => (
          <li key={url}>
            <a href={url} rel="noreferrer noopener" target="_blank" className="ocop-url">
              {url}
            </a>
          </li>
        ))}
      </ul>
      {sheet.notes ? (
        <details className="ocop-details">
          <summary>{t('rubric.sources.notes')}</summary>
          <p className="small">{sheet.notes}</p>
        </details>
      ) : null}
    </section>
  );
}
