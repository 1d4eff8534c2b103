import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CommuneCount } from '@hoptac/core';
import { formatNumber } from '../../../lib/format.ts';

/** Entities per commune, largest first, each linking to the register filtered by that commune. */
export function CommuneCounts({ counts }: { counts: CommuneCount[] }) {
  const { t, i18n } = useTranslation('registry');
  const rows = [...counts].sort(
    (a, b) => b.count - a.count || a.commune.fullName.localeCompare(b.commune.fullName, 'vi'),
  );
  const max = Math.max(1, ...rows.map((r) => r.count));
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const n = (v: number) => formatNumber(v, i18n.language);

  if (rows.length === 0) return <p className="empty">{t('byCommune.empty')}</p>;

  return (
    <div className="table-wrap">
      <table className="table table--compact-rows">
        <caption className="sr-only">{t('byCommune.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('byCommune.commune')}</th>
            <th scope="col" className="num">
              {t('byCommune.count')}
            </th>
            <td className="bar-col" aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.commune.code}>
              <th scope="row" className="row-head">
                <Link to="/registry" search={{ commune: row.commune.code }}>
                  {row.commune.fullName}
                </Link>
              </th>
              <td className="num">{n(row.count)}</td>
              <td className="bar-col" aria-hidden="true">
                <span className="bar">
                  <span className="bar__fill" style={{ width: `${(row.count / max) * 100}%` }} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('byCommune.total')}</th>
            <td className="num">{n(total)}</td>
            <td className="bar-col" />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
