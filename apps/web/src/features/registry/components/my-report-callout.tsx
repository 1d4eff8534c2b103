import { useTranslation } from 'react-i18next';
import { COOPERATIVE_TYPES } from '../../../lib/domain.ts';
import { Button } from '../../../components/button.tsx';
import { useDeadline, useEntity, useReports } from '../api.ts';
import { formatDate, lastReportYear } from '../format.ts';
import { ReportStatusBadge } from './badges.tsx';

/**
 * "My cooperative": the state of last year's report in one line, with a clear call to action
 * while it has not been filed (or was returned for correction).
 */
export function MyReportCallout({ entityId, onOpen }: { entityId: string; onOpen: (year: number) => void }) {
  const { t, i18n } = useTranslation('registry');
  const year = lastReportYear();
  const entity = useEntity(entityId);
  const files = entity.data?.visibility === 'full' && COOPERATIVE_TYPES.includes(entity.data.type);
  const reports = useReports(entityId, { enabled: files });
  const deadline = useDeadline(year);
  if (!files || !reports.data) return null;

  const report = reports.data.find((r) => r.year === year);
  const due = deadline.data?.dueDate ? formatDate(deadline.data.dueDate, i18n.language) : null;
  const filed =
    report && (report.status === 'submitted' || report.status === 'accepted' || report.status === 'approved');

  if (filed) {
    return (
      <div className="callout callout--ok cta" role="status">
        <div>
          <p className="callout__title">{t('my.filedTitle', { year })}</p>
          <p className="cta__status">
            <ReportStatusBadge status={report.status} />
          </p>
        </div>
        <Button variant="secondary" onClick={() => onOpen(year)}>
          {t('my.view', { year })}
        </Button>
      </div>
    );
  }

  const key = !report ? 'missing' : report.status === 'returned' ? 'returned' : 'draft';
  return (
    <section className="callout callout--cta cta" aria-labelledby="my-report-cta">
      <div>
        <h2 id="my-report-cta" className="callout__title">
          {t(`my.${key}Title`, { year })}
        </h2>
        <p>
          {t(`my.${key}Body`, { year })}
          {due ? ` ${t('my.due', { date: due })}` : ''}
        </p>
      </div>
      <Button onClick={() => onOpen(year)}>{t(`my.${key}Action`, { year })}</Button>
    </section>
  );
}
