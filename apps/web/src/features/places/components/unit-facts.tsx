import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '@hoptac/core';

export function UnitFacts({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation('places');
  return (
    <dl className="facts">
      <div className="facts__row">
        <dt>{t('detail.code')}</dt>
        <dd>
          <code className="code">{unit.code}</code>
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('detail.type')}</dt>
        <dd>{t(`type.${unit.type}`)}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('detail.level')}</dt>
        <dd>{t(`level.${unit.level}`)}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('detail.scheme')}</dt>
        <dd>{t(`scheme.${unit.scheme}`)}</dd>
      </div>
      {unit.nameEn ? (
        <div className="facts__row">
          <dt>{t('detail.nameEn')}</dt>
          <dd lang="en">{unit.nameEn}</dd>
        </div>
      ) : null}
      <div className="facts__row">
        <dt>{t('detail.parent')}</dt>
        <dd>
          {unit.parent ? (
            <Link to="/units/$scheme/$code" params={{ scheme: unit.parent.scheme, code: unit.parent.code }}>
              {unit.parent.fullName}
            </Link>
          ) : (
            <span className="muted">{t('common:state.none')}</span>
          )}
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('detail.children')}</dt>
        <dd>
          {unit.childCount > 0 ? (
            <Link to="/units" search={{ scheme: unit.scheme, parent: unit.code }}>
              {t('detail.childrenLink', { count: unit.childCount })}
            </Link>
          ) : (
            <span className="muted">{t('common:state.none')}</span>
          )}
        </dd>
      </div>
    </dl>
  );
}
