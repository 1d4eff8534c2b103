import { useTranslation } from 'react-i18next';
import type { RubricCriterion, RubricGroup, RubricSheet } from '@hoptac/core/ocop';
import { levelsByCase } from '../scoring.ts';
import { localTitle } from '../text.ts';
import { CriterionNotes, LevelFacts, criterionAnchor, isSoleCriterion, parentBefore } from './criterion-parts.tsx';

function GuideCriterion({ group, criterion: c }: { group: RubricGroup; criterion: RubricCriterion }) {
  const { t, i18n } = useTranslation('ocop');
  return (
    <article
      className="ocop-criterion"
      id={criterionAnchor(c.code)}
      aria-label={`${c.code}. ${localTitle(c, i18n.language)}`}
    >
      {isSoleCriterion(group, c) ? null : (
        <h4 className="ocop-criterion__title">
          <span>
            {c.code}. {localTitle(c, i18n.language)}
          </span>{' '}
          <span className="ocop-max">{t('guide.max', { points: c.maxPoints })}</span>
        </h4>
      )}
      <CriterionNotes criterion={c} />
      {levelsByCase(c).map((k) => (
        <div key={k.case ?? 0} className="ocop-case">
          {k.label ? <p className="ocop-case__label">{k.label}</p> : null}
          <ul className="ocop-levels">
            {k.levels.map((i) => {
              const level = c.levels[i];
              return level ? (
                <li key={i} className="ocop-level">
                  <span className="ocop-level__text">{level.description}</span> <LevelFacts level={level} />
                </li>
              ) : null;
            })}
          </ul>
        </div>
      ))}
    </article>
  );
}

function GuideGroup({ group }: { group: RubricGroup }) {
  const { t, i18n } = useTranslation('ocop');
  return (
    <section className="ocop-group" aria-labelledby={`group-${criterionAnchor(group.code)}`}>
      <h3 className="ocop-group__title" id={`group-${criterionAnchor(group.code)}`}>
        <span>
          {group.code}. {localTitle(group, i18n.language)}
        </span>{' '}
        <span className="ocop-max">{t('guide.points', { points: group.maxPoints })}</span>
      </h3>
      {group.explanation && !group.criteria.some((c) => c.explanation === group.explanation) ? (
        <p className="muted small">{group.explanation}</p>
      ) : null}
      {group.incomplete ? <p className="note small">{t('guide.groupIncomplete')}</p> : null}
      {group.criteria.map((c, index) => {
        const parent = parentBefore(group, index);
        return (
          <div key={c.code}>
            {parent ? (
              <p className="ocop-parent">
                {parent.code}. {localTitle(parent, i18n.language)}
                {parent.maxPoints !== undefined ? ` · ${t('guide.points', { points: parent.maxPoints })}` : ''}
              </p>
            ) : null}
            <GuideCriterion group={group} criterion={c} />
          </div>
        );
      })}
    </section>
  );
}

/** The whole sheet as a scoring guide: parts with their maxima, groups, criteria and their levels. */
export function RubricGuide({ sheet }: { sheet: RubricSheet }) {
  const { t, i18n } = useTranslation('ocop');
  return (
    <div className="stack">
      {sheet.disqualifiers.length > 0 ? (
        <div className="callout callout--warn" role="note">
          <p className="callout__title">{t('guide.disqualifiers')}</p>
          {sheet.disqualifiers.map((d) => (
            <p key={d}>{d}</p>
          ))}
        </div>
      ) : null}
      {i18n.language === 'en' ? <p className="note small">{t('guide.vietnameseLevels')}</p> : null}
      {sheet.parts.map((part) => (
        <section key={part.code} className="card ocop-part" aria-labelledby={`part-${part.code}`}>
          <h2 className="ocop-part__title" id={`part-${part.code}`}>
            <span>{t('guide.part', { code: part.code, title: localTitle(part, i18n.language) })}</span>{' '}
            <span className="ocop-max">{t('guide.points', { points: part.maxPoints })}</span>
          </h2>
          {part.groups.length === 0 ? <p className="muted">{t('guide.partUnknown')}</p> : null}
          {part.groups.map((group) => (
            <GuideGroup key={group.code} group={group} />
          ))}
        </section>
      ))}
    </div>
  );
}
