import { useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Checkbox, Fieldset, TextField } from '../../../components/field.tsx';
import { formatNumber } from '../../../lib/format.ts';
import type { ImportJob, ImportKind, ImportRowError } from '@hoptac/core';
import { IMPORT_KINDS } from '../../../lib/domain.ts';
import { isImportRunning, templateHref, useImportJob, useStartImport } from '../api.ts';
const MAX_BYTES = 50 * 1024 * 1024;

function ImportProgress({ job }: { job: ImportJob | undefined }) {
  const { t, i18n } = useTranslation('registry');
  const n = (v: number) => formatNumber(v, i18n.language);
  const total = job?.totalRows ?? 0;
  const done = job?.processedRows ?? 0;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : null;
  const phase = job?.status === 'importing' ? t('import.phase.importing') : t('import.phase.validating');
  return (
    <div className="import-progress">
      <p className="import-progress__label" id="import-progress-label">
        {phase}
        {total > 0 ? ` — ${t('import.rows', { done: n(done), total: n(total) })}` : ''}
      </p>
      <div
        className={`progress${percent === null ? ' progress--indeterminate' : ''}`}
        role="progressbar"
        aria-labelledby="import-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={percent === null ? phase : `${percent} %`}
      >
        <span className="progress__fill" style={{ width: percent === null ? undefined : `${percent}%` }} />
      </div>
    </div>
  );
}

function ErrorTable({ errors, errorCount }: { errors: ImportRowError[]; errorCount: number }) {
  const { t, i18n } = useTranslation('registry');
  const n = (v: number) => formatNumber(v, i18n.language);
  // The server words each row error in Vietnamese; English readers get our wording where we have one.
  const messageOf = (e: ImportRowError) => {
    if (i18n.language !== 'en' && e.message) return e.message;
    if (i18n.exists(`registry:importError.${e.code}`)) return t(`importError.${e.code}`);
    return e.message || t('importError.generic');
  };
  return (
    <>
      {errorCount > errors.length ? (
        <p className="muted small">{t('import.errorsTruncated', { shown: n(errors.length), total: n(errorCount) })}</p>
      ) : null}
      <div className="table-wrap">
        <table className="table table--stack">
          <caption className="sr-only">{t('import.errorsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('import.row')}
              </th>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={`${e.row}-${e.column ?? ''}-${i}`}>
                <td data-label={t('import.row')} className="num">
                  {n(e.row)}
                </td>
                <td data-label={t('import.column')}>{e.column ?? <span className="muted">—</span>}</td>
                <td data-label={t('import.problem')}>{messageOf(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ImportResult({ jobId, onReset }: { jobId: string; onReset: () => void }) {
  const { t, i18n } = useTranslation('registry');
  const n = (v: number) => formatNumber(v, i18n.language);
  const job = useImportJob(jobId);
  const data = job.data;

  if (job.isError) return <ErrorMessage error={job.error} onRetry={() => void job.refetch()} />;

  if (isImportRunning(data)) {
    return (
      <section className="card" aria-labelledby="import-status-title" aria-busy="true">
        <h2 id="import-status-title">{t('import.runningTitle')}</h2>
        <ImportProgress job={data} />
        <p className="muted small">{t('import.runningNote')}</p>
      </section>
    );
  }

  if (data?.status === 'completed') {
    return (
      <section className="card" aria-labelledby="import-status-title">
        <h2 id="import-status-title">{t('import.doneTitle')}</h2>
        <div className="alert alert--success" role="status">
          <p>{t('import.done', { inserted: n(data.insertedRows) })}</p>
        </div>
        <div className="form__actions">
          <Link to="/registry" className="btn btn--primary">
            {t('import.toRegister')}
          </Link>
          <Button variant="secondary" onClick={onReset}>
            {t('import.another')}
          </Button>
        </div>
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="import-status-title">
      <h2 id="import-status-title">{t('import.failedTitle')}</h2>
      <div className="alert alert--error" role="alert">
        <p>
          {t('import.failed', { errors: n(data?.errorCount ?? 0) })} <strong>{t('import.nothingChanged')}</strong>
        </p>
      </div>
      {/* "Fix the rows below": the instruction comes before the table it points to. */}
      <p>{t('import.fixAndRetry')}</p>
      {data && data.errors.length > 0 ? <ErrorTable errors={data.errors} errorCount={data.errorCount} /> : null}
      <Button variant="secondary" onClick={onReset}>
        {t('import.retry')}
      </Button>
    </section>
  );
}

export interface ImportPanelProps {
  /** The import being followed (kept in the URL so a reload keeps following it). */
  jobId: string | undefined;
  onStarted: (id: string) => void;
  onReset: () => void;
}

/** Choose what to import, get the template, upload, follow the progress, read the row errors. */
export function ImportPanel({ jobId, onStarted, onReset }: ImportPanelProps) {
  const { t } = useTranslation('registry');
  const start = useStartImport();
  const [kind, setKind] = useState<ImportKind>('entities');
  const [file, setFile] = useState<File | null>(null);
  const [acknowledge, setAcknowledge] = useState(false);
  const [fileError, setFileError] = useState<string | undefined>();

  if (jobId) return <ImportResult jobId={jobId} onReset={onReset} />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) {
      setFileError(t('import.chooseFile'));
      return;
    }
    if (!/\.xlsx$/i.test(file.name)) {
      setFileError(t('import.onlyXlsx'));
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileError(t('import.tooLarge'));
      return;
    }
    setFileError(undefined);
    start.mutate(
      { kind, file, acknowledgeDuplicates: kind === 'entities' && acknowledge },
      { onSuccess: ({ id }) => onStarted(id) },
    );
  };

  return (
    <section className="card" aria-labelledby="import-form-title">
      <h2 id="import-form-title">{t('import.formTitle')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        {start.error ? <ErrorMessage error={start.error} /> : null}
        <Fieldset legend={t('import.kind')}>
          <div className="radio-list">
            {IMPORT_KINDS.map((k) => (
              <label key={k} className="radio">
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                <span>
                  <span className="radio__title">{t(`import.kinds.${k}`)}</span>
                  <span className="radio__hint">{t(`import.kindHints.${k}`)}</span>
                </span>
              </label>
            ))}
          </div>
        </Fieldset>
        {kind === 'entities' ? (
          <Checkbox
            name="acknowledgeDuplicates"
            label={t('import.acknowledgeDuplicates')}
            checked={acknowledge}
            onChange={(e) => setAcknowledge(e.target.checked)}
          />
        ) : null}
        <p>
          <a className="btn btn--secondary btn--wrap" href={templateHref(kind)} download>
            {t('import.template', { kind: t(`import.kinds.${kind}`) })}
          </a>
        </p>
        <TextField
          type="file"
          name="file"
          className="input--file"
          label={t('import.file')}
          hint={t('import.fileHint')}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          error={fileError}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setFileError(undefined);
          }}
        />
        <div className="form__actions">
          <Button type="submit" busy={start.isPending}>
            {start.isPending ? t('import.uploading') : t('import.upload')}
          </Button>
        </div>
      </form>
    </section>
  );
}
