import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Outlet } from '@hoptac/core';
import { Badge } from '../../../components/badge.tsx';
import { formatDay } from '../../../lib/format.ts';

export function OutletStatusBadge({ outlet }: { outlet: Pick<Outlet, 'closedOn'> }) {
  const { t } = useTranslation('outlets');
  return outlet.closedOn ? (
    <Badge tone="neutral">{t('status.closed')}</Badge>
  ) : (
    <Badge tone="green">{t('status.open')}</Badge>
  );
}

/** Outlets as a table (stacked into cards on phones). */
export function OutletTable({ outlets }: { outlets: Outlet[] }) {
  const { t, i18n } = useTranslation('outlets');
  return (
    <div className="table-wrap">
      <table className="table table--stack table--compact">
        <caption className="sr-only">{t('list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.name')}</th>
            <th scope="col">{t('columns.type')}</th>
            <th scope="col">{t('columns.commune')}</th>
            <th scope="col">{t('columns.products')}</th>
            <th scope="col">{t('columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {outlets.map((o) => (
            <tr key={o.id}>
              <td data-label={t('columns.name')}>
                <Link to="/manage/outlets/$id" params={{ id: o.id }} className="cell-title">
                  {o.name}
                </Link>
                <span className="cell-sub">{o.address}</span>
              </td>
              <td data-label={t('columns.type')}>{t(`types.${o.type}`)}</td>
              <td data-label={t('columns.commune')}>{o.communeName}</td>
              <td data-label={t('columns.products')}>{o.productCount}</td>
              <td data-label={t('columns.status')}>
                <OutletStatusBadge outlet={o} />
                <span className="cell-sub">
                  {o.closedOn
                    ? t('list.closedOn', { date: formatDay(o.closedOn, i18n.language) })
                    : t('list.openedOn', { date: formatDay(o.openedOn, i18n.language) })}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
