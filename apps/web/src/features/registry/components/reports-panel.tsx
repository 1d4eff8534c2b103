import { useTranslation } from 'react-i18next';
import type { AnnualReport, EntityDetail } from '@hoptac/core';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { SelectField } from '../../../components/field.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useDeadline, useReports } from '../api.ts';
import { formatDate, lastReportYear } from '../format.ts';
import { LateBadge, RatingBadge, ReportStatusBadge } from './badges.tsx';
import { ReportForm } from './report-form.tsx';

function ReportYear({ entity, year, report }: { entity: EntityDetail; year: number; report: AnnualReport | null }) {
  const { t } = useTranslation('registry');
  if (!report && !entity.canEdit) return <p className="empty">{t('reports.noneForYear', { year })}</p>;
  // The form keeps what was typed across saves; the report's status and actions follow the prop.
  return <ReportForm key={year} entity={entity} year={year} report={report} />;
}

function YearCard({
  year,
  report,
  selected,
  onOpen,
}: {
  year: number;
  report: AnnualReport | undefined;
  selected: boolean;
  onOpen: () => void;
}) {
  const { t, i18n } = useTranslation('registry');
  return (
    <li>
      <button
        type="button"
        className="year-card"
        aria-pressed={selected}
        aria-label={t('reports.openYear', { year })}
        onClick={onOpen}
      >
        <span className="year-card__year">{year}</span>
        <span className="year-card__badges">
          <ReportStatusBadge status={report?.status ?? 'missing'} />
          {report?.late ? <LateBadge /> : null}
        </span>
        {report?.rating ? (
          <span className="year-card__rating">
            <RatingBadge rating={report.rating} />
            {report.ratingTotal !== null ? (
              <span className="muted small"> {formatNumber(report.ratingTotal, i18n.language)}</span>
            ) : null}
          </span>
        ) : null}
      </button>
    </li>
  );
}

export interface ReportsPanelProps {
  entity: EntityDetail;
  year: number | undefined;
  onYearChange: (year: number) => void;
}

/** The years an entity has reported, each opening its form; last year is always offered. */
export function ReportsPanel({ entity, year, onYearChange }: ReportsPanelProps) {
  const { t, i18n } = useTranslation('registry');
  const reports = useReports(entity.id);
  const latest = lastReportYear();
  const deadline = useDeadline(year ?? latest);

  if (reports.isPending) return <Loading />;
  if (reports.isError) return <ErrorMessage error={reports.error} onRetry={() => void reports.refetch()} />;

  const byYear = new Map(reports.data.map((r) => [r.year, r]));
  const years = [...new Set([latest, ...reports.data.map((r) => r.year)])].sort((a, b) => b - a);
  const selected = year ?? latest;
  const firstYear = Math.max(2000, Math.min(latest, Number((entity.registrationDate ?? `${latest - 10}`).slice(0, 4))));
  const otherYears: number[] = [];
  for (let y = latest; y >= firstYear; y -= 1) if (!years.includes(y)) otherYears.push(y);

  return (
    <div className="stack">
      <section className="card" aria-labelledby="reports-years-title">
        <div className="card__head">
          <h2 id="reports-years-title">{t('reports.title')}</h2>
          {deadline.data?.dueDate ? (
            <p className="muted small deadline-chip">
              {t('reports.deadline', { year: selected, date: formatDate(deadline.data.dueDate, i18n.language) })}
            </p>
          ) : null}
        </div>
        <ul className="year-cards">
          {years.map((y) => (
            <YearCard
              key={y}
              year={y}
              report={byYear.get(y)}
              selected={y === selected}
              onOpen={() => onYearChange(y)}
            />
          ))}
        </ul>
        {entity.canEdit && otherYears.length > 0 ? (
          <div className="inline-form">
            <SelectField
              label={t('reports.otherYear')}
              value=""
              onChange={(e) => {
                if (e.target.value) onYearChange(Number(e.target.value));
              }}
            >
              <option value="">{t('reports.chooseYear')}</option>
              {otherYears.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </SelectField>
          </div>
        ) : null}
      </section>
      <section className="card" aria-label={t('reportForm.title', { year: selected })}>
        <ReportYear key={selected} entity={entity} year={selected} report={byYear.get(selected) ?? null} />
      </section>
    </div>
  );
}
