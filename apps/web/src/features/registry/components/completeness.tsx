import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Completeness } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage, Loading, Notice } from '../../../components/error-message.tsx';
import { TextField } from '../../../components/field.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useErrorText } from '../../../lib/errors.ts';
import { useMissingReports, useSetDeadline } from '../api.ts';
import { formatDate, formatPercent } from '../format.ts';

type Row = Completeness['rows'][number];
type Counts = Completeness['totals'];

/** Reports in (submitted, accepted or approved) as a share of those expected. */
function reportedShare(c: Counts): number {
  return c.expected > 0 ? (c.submitted + c.accepted + c.approved) / c.expected : 0;
}

function ProgressBar({ counts }: { counts: Counts }) {
  const { t } = useTranslation('registry');
  const total = Math.max(1, counts.expected);
  const part = (v: number) => `${(v / total) * 100}%`;
  return (
    <span className="stacked-bar" aria-hidden="true" title={t('completeness.barTitle')}>
      <span className="stacked-bar__part stacked-bar__part--approved" style={{ width: part(counts.approved) }} />
      <span className="stacked-bar__part stacked-bar__part--accepted" style={{ width: part(counts.accepted) }} />
      <span className="stacked-bar__part stacked-bar__part--submitted" style={{ width: part(counts.submitted) }} />
    </span>
  );
}

export function CompletenessLegend() {
  const { t } = useTranslation('registry');
  return (
    <ul className="legend legend--inline" aria-label={t('completeness.legend')}>
      <li>
        <span className="legend__swatch stacked-bar__part--approved" aria-hidden="true" />
        {t('reportStatus.approved')}
      </li>
      <li>
        <span className="legend__swatch stacked-bar__part--accepted" aria-hidden="true" />
        {t('reportStatus.accepted')}
      </li>
      <li>
        <span className="legend__swatch stacked-bar__part--submitted" aria-hidden="true" />
        {t('reportStatus.submitted')}
      </li>
      <li>
        <span className="legend__swatch legend__swatch--empty" aria-hidden="true" />
        {t('completeness.notYet')}
      </li>
    </ul>
  );
}

export interface CompletenessTableProps {
  data: Completeness;
  selected: string | undefined;
  onSelect: (commune: string | undefined) => void;
}

/** Per commune: expected reports, how far each got, who is missing or late. */
export function CompletenessTable({ data, selected, onSelect }: CompletenessTableProps) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  const rows = [...data.rows].sort(
    (a, b) => reportedShare(a) - reportedShare(b) || a.commune.fullName.localeCompare(b.commune.fullName, 'vi'),
  );

  const cells = (c: Counts) => (
    <>
      <td data-label={t('completeness.expected')} className="num">
        {n(c.expected)}
      </td>
      <td data-label={t('completeness.submitted')} className="num">
        {n(c.submitted)}
      </td>
      <td data-label={t('completeness.accepted')} className="num">
        {n(c.accepted)}
      </td>
      <td data-label={t('completeness.approved')} className="num">
        {n(c.approved)}
      </td>
      <td data-label={t('completeness.missing')} className={`num${c.missing > 0 ? ' num--alert' : ''}`}>
        {n(c.missing)}
      </td>
      <td data-label={t('completeness.late')} className={`num${c.late > 0 ? ' num--alert' : ''}`}>
        {n(c.late)}
      </td>
      <td data-label={t('completeness.progress')} className="progress-cell">
        <span className="progress-cell__value">{formatPercent(reportedShare(c), lang)}</span>
        <ProgressBar counts={c} />
      </td>
    </>
  );

  if (rows.length === 0) return <p className="empty">{t('completeness.empty')}</p>;

  return (
    <div className="table-wrap">
      <table className="table table--stack table--compact completeness-table">
        <caption className="sr-only">{t('completeness.caption', { year: data.year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('completeness.commune')}</th>
            <th scope="col" className="num">
              {t('completeness.expected')}
            </th>
            <th scope="col" className="num">
              {t('completeness.submitted')}
            </th>
            <th scope="col" className="num">
              {t('completeness.accepted')}
            </th>
            <th scope="col" className="num">
              {t('completeness.approved')}
            </th>
            <th scope="col" className="num">
              {t('completeness.missing')}
            </th>
            <th scope="col" className="num">
              {t('completeness.late')}
            </th>
            <th scope="col">{t('completeness.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row: Row) => (
            <tr key={row.commune.code} className={row.commune.code === selected ? 'row--selected' : undefined}>
              <td data-label={t('completeness.commune')}>
                <div>
                  <span className="cell-title">{row.commune.fullName}</span>
                  {row.missing > 0 ? (
                    <Button
                      variant="ghost"
                      size="sm"
                      className="btn--link"
                      aria-pressed={row.commune.code === selected}
                      onClick={() => onSelect(row.commune.code === selected ? undefined : row.commune.code)}
                    >
                      {t('completeness.showMissing', { missing: n(row.missing) })}
                    </Button>
                  ) : (
                    <span className="cell-sub">{t('completeness.allIn')}</span>
                  )}
                </div>
              </td>
              {cells(row)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('completeness.total')}</th>
            {cells(data.totals)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

const MISSING_PAGE_SIZE = 20;

/** The entities of one commune (or all) that have not reported for the year. */
export function MissingReports({
  year,
  commune,
  communeName,
  onClose,
}: {
  year: number;
  commune?: string;
  communeName?: string;
  onClose?: () => void;
}) {
  const { t, i18n } = useTranslation('registry');
  const [page, setPage] = useState(1);
  const missing = useMissingReports({ year, commune, page, pageSize: MISSING_PAGE_SIZE });
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from a row far down the table: bring the list into view and move focus to it.
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: 'start' });
  }, []);

  return (
    <section className="card missing-card" aria-labelledby="missing-title">
      <div className="card__head">
        <h2 id="missing-title" ref={heading} tabIndex={-1}>
          {communeName ? t('missing.titleCommune', { commune: communeName, year }) : t('missing.title', { year })}
        </h2>
        {onClose ? (
          <Button variant="ghost" size="sm" onClick={onClose}>
            {t('missing.close')}
          </Button>
        ) : null}
      </div>
      {missing.isPending ? (
        <Loading />
      ) : missing.isError ? (
        <ErrorMessage error={missing.error} onRetry={() => void missing.refetch()} />
      ) : missing.data.items.length === 0 ? (
        <p className="empty">{t('missing.empty')}</p>
      ) : (
        <div className={missing.isPlaceholderData ? 'is-stale' : undefined}>
          <p className="results-summary" role="status">
            {t('missing.results', { total: formatNumber(missing.data.total, i18n.language) })}
          </p>
          <ul className="missing-list">
            {missing.data.items.map((item) => (
              <li key={item.id}>
                <Link
                  to="/registry/$id"
                  params={{ id: item.id }}
                  search={{ tab: 'reports', year }}
                  className="cell-title"
                >
                  {item.name}
                </Link>
                <span className="cell-sub">
                  {t(`type.${item.type}`)}
                  {item.commune && !communeName ? ` · ${item.commune.fullName}` : ''}
                  {item.code ? ` · ${item.code}` : ''}
                  {item.reportStatus ? ` · ${t(`reportStatus.${item.reportStatus}`)}` : ''}
                </span>
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={MISSING_PAGE_SIZE} total={missing.data.total} onPageChange={setPage} />
        </div>
      )}
    </section>
  );
}

/** The deadline for a year; city admins can set it. */
export function DeadlineCard({ year, dueDate, canSet }: { year: number; dueDate: string | null; canSet: boolean }) {
  const { t, i18n } = useTranslation('registry');
  const { fieldErrors } = useErrorText();
  const setDeadline = useSetDeadline(year);
  const [value, setValue] = useState(dueDate ?? '');
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!value) {
      setError(t('errors:validation.required'));
      return;
    }
    setError(undefined);
    setDeadline.mutate(value);
  };

  return (
    <section className="card deadline-card" aria-labelledby="deadline-title">
      <h2 id="deadline-title">{t('deadline.title', { year })}</h2>
      <p className="deadline-card__date">
        {dueDate ? formatDate(dueDate, i18n.language) : <span className="muted">{t('deadline.none')}</span>}
      </p>
      {canSet ? (
        <form className="inline-form" onSubmit={submit} noValidate>
          {setDeadline.isSuccess ? <Notice>{t('deadline.saved')}</Notice> : null}
          {setDeadline.error && !fieldErrors(setDeadline.error).dueDate ? (
            <ErrorMessage error={setDeadline.error} />
          ) : null}
          <TextField
            label={t('deadline.label')}
            type="date"
            name="dueDate"
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              if (setDeadline.isSuccess) setDeadline.reset();
            }}
            error={error ?? fieldErrors(setDeadline.error).dueDate}
          />
          <Button type="submit" busy={setDeadline.isPending}>
            {t('deadline.save')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
