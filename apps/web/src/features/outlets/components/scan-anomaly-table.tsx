import { useTranslation } from 'react-i18next';
import type { ScanAnomaly } from '@hoptac/core';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';

const place = (lat: number, lng: number) => `${lat.toFixed(1)}, ${lng.toFixed(1)}`;

/** Scans of one code too far apart too soon: a label may have been copied. */
export function ScanAnomalyTable({ anomalies }: { anomalies: ScanAnomaly[] }) {
  const { t, i18n } = useTranslation('outlets');
  return (
    <div className="table-wrap">
      <table className="table table--stack table--compact">
        <caption className="sr-only">{t('anomalies.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('anomalies.columns.product')}</th>
            <th scope="col">{t('anomalies.columns.scans')}</th>
            <th scope="col">{t('anomalies.columns.distance')}</th>
          </tr>
        </thead>
        <tbody>
          {anomalies.map((a) => (
            <tr key={a.id}>
              <td data-label={t('anomalies.columns.product')}>
                <span className="cell-title">{a.product?.name ?? a.code}</span>
                <span className="cell-sub">
                  {a.certificateNumber && a.certificateNumber !== a.code ? `${a.certificateNumber} · ` : ''}
                  <code>{a.code}</code>
                </span>
              </td>
              <td data-label={t('anomalies.columns.scans')}>
                {t('anomalies.scan', {
                  at: formatDateTime(a.previous.at, i18n.language),
                  place: place(a.previous.lat, a.previous.lng),
                })}
                <span className="cell-sub">
                  {t('anomalies.scan', { at: formatDateTime(a.at, i18n.language), place: place(a.lat, a.lng) })}
                </span>
              </td>
              <td data-label={t('anomalies.columns.distance')}>
                {t('anomalies.km', { km: formatNumber(a.distanceKm, i18n.language) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
