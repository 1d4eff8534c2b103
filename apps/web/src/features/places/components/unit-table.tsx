import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@hoptac/core';

export function UnitTable({ units }: { units: Unit[] }) {
  const { t } = useTranslation('places');
  return (
    <div className="table-wrap">
      <table className="table table--stack table--compact">
        <caption className="sr-only">{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.name')}</th>
            <th scope="col">{t('table.type')}</th>
            <th scope="col">{t('table.parent')}</th>
            <th scope="col">{t('table.code')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={`${unit.scheme}:${unit.code}`}>
              <td data-label={t('table.name')}>
                <Link
                  to="/units/$scheme/$code"
                  params={{ scheme: unit.scheme, code: unit.code }}
                  className="cell-title"
                >
                  {unit.fullName}
                </Link>
              </td>
              <td data-label={t('table.type')}>{t(`type.${unit.type}`)}</td>
              <td data-label={t('table.parent')}>
                {unit.parent ? (
                  <Link
                    to="/units/$scheme/$code"
                    params={{ scheme: unit.parent.scheme, code: unit.parent.code }}
                    className="link-subtle"
                  >
                    {unit.parent.fullName}
                  </Link>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td data-label={t('table.code')}>
                <code className="code">{unit.code}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
