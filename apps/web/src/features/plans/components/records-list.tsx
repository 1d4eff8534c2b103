import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorUnit } from '@hoptac/core';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { recordsExportUrl, useTargetRecords } from '../api.ts';
import { formatFigure } from '../text.ts';

const PAGE_SIZE = 20;

/** The entities, reports, products or outlets a figure counts, with their export. */
export function RecordsList({
  planId,
  targetId,
  unit,
  unitName,
  valueUnit,
}: {
  planId: string;
  targetId: string;
  unit: string | undefined;
  unitName: string | null;
  valueUnit: IndicatorUnit;
}) {
  const { t, i18n } = useTranslation('plans');
  const [page, setPage] = useState(1);
  const records = useTargetRecords(planId, targetId, unit, page, PAGE_SIZE);
  return (
    <section className="plan-records" aria-label={t('records.title')}>
      <div className="plan-records__head">
        <h4>{unitName ? t('records.titleIn', { unit: unitName }) : t('records.title')}</h4>
        <a className="btn btn--secondary btn--sm no-print" href={recordsExportUrl(planId, targetId, unit)} download>
          {t('records.export')}
        </a>
      </div>
      {records.isPending ? (
        <Loading />
      ) : records.isError ? (
        <ErrorMessage error={records.error} onRetry={() => void records.refetch()} />
      ) : records.data.items.length === 0 ? (
        <p className="empty">{t('records.empty')}</p>
      ) : (
        <>
          <p className="results-summary" role="status">
            {t('records.total', { total: formatNumber(records.data.total, i18n.language) })}
          </p>
          <div className="table-wrap">
            <table className="table table--stack table--compact">
              <thead>
                <tr>
                  <th scope="col">{t('records.name')}</th>
                  <th scope="col">{t('records.entity')}</th>
                  <th scope="col">{t('records.commune')}</th>
                  <th scope="col">{t('records.date')}</th>
                  <th scope="col">{t('records.value')}</th>
                </tr>
              </thead>
              <tbody>
                {records.data.items.map((r) => (
                  <tr key={r.id}>
                    <td data-label={t('records.name')}>{r.name}</td>
                    <td data-label={t('records.entity')}>
                      {r.entityName ?? t(`outletType.${r.entityType}`, r.entityType)}
                    </td>
                    <td data-label={t('records.commune')}>{r.communeName ?? r.communeCode}</td>
                    <td data-label={t('records.date')}>{r.date ?? '—'}</td>
                    <td data-label={t('records.value')}>
                      {r.value === null ? '—' : formatFigure(r.value, valueUnit, i18n.language)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={records.data.total} onPageChange={setPage} />
        </>
      )}
    </section>
  );
}
