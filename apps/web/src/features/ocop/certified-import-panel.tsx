import { useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CertifiedImportErrors, CertifiedImportResult, ImportRowError } from '@hoptac/core';
import { Button } from '../../components/button.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { TextField } from '../../components/field.tsx';
import { apiFetch, isApiError } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { OCOP_QUERY_KEY } from './api.ts';

// Products certified before the platform, imported from XLSX (apps/server/src/modules/ocop/certified-import.routes.ts).

const TEMPLATE_HREF = '/api/ocop/certified-imports/template.xlsx';
const MAX_BYTES = 20 * 1024 * 1024;

function useCertifiedImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiFetch<CertifiedImportResult>('/api/ocop/certified-imports', { method: 'POST', body: form });
    },
    // The imported certificates show in every OCOP list.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: OCOP_QUERY_KEY }),
  });
}

/** The row report of a refused file, when the error carries one. */
function rowReport(error: unknown): CertifiedImportErrors | null {
  if (!isApiError(error) || error.code !== 'IMPORT_ROWS_INVALID') return null;
  const details = error.details as Partial<CertifiedImportErrors> | undefined;
  return Array.isArray(details?.errors) ? { errors: details.errors, errorCount: details.errorCount ?? 0 } : null;
}

function RowReport({ report }: { report: CertifiedImportErrors }) {
  const { t, i18n } = useTranslation('ocop');
  const n = (v: number) => formatNumber(v, i18n.language);
  // The server words each problem in Vietnamese with the values it looked for; English readers get
  // our general wording of the problem instead (the Vietnamese keys mirror it for the locale check).
  const messageOf = (e: ImportRowError) =>
    i18n.language === 'en' && i18n.exists(`ocop:certifiedImport.problems.${e.code}`)
      ? t(`certifiedImport.problems.${e.code}`)
      : e.message;
  return (
    <section className="card" aria-labelledby="certified-import-report">
      <h2 id="certified-import-report">{t('certifiedImport.failedTitle')}</h2>
      <div className="alert alert--error" role="alert">
        <p>{t('certifiedImport.failed', { errors: n(report.errorCount) })}</p>
      </div>
      {report.errorCount > report.errors.length ? (
        <p className="muted small">
          {t('certifiedImport.truncated', { shown: n(report.errors.length), total: n(report.errorCount) })}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="table table--stack">
          <caption className="sr-only">{t('certifiedImport.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('certifiedImport.row')}
              </th>
              <th scope="col">{t('certifiedImport.column')}</th>
              <th scope="col">{t('certifiedImport.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e, i) => (
              <tr key={`${e.row}-${e.column ?? ''}-${i}`}>
                <td data-label={t('certifiedImport.row')} className="num">
                  {n(e.row)}
                </td>
                <td data-label={t('certifiedImport.column')}>{e.column ?? <span className="muted">—</span>}</td>
                <td data-label={t('certifiedImport.problem')}>{messageOf(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Get the template, upload the filled file, read the per-row report or the count imported. */
export function CertifiedImportPanel() {
  const { t, i18n } = useTranslation('ocop');
  const upload = useCertifiedImport();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const report = rowReport(upload.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return setFileError(t('certifiedImport.chooseFile'));
    if (!/\.xlsx$/i.test(file.name)) return setFileError(t('certifiedImport.onlyXlsx'));
    if (file.size > MAX_BYTES) return setFileError(t('certifiedImport.tooLarge'));
    setFileError(undefined);
    upload.mutate(file);
  };

  return (
    <div className="stack">
      <section className="card" aria-labelledby="certified-import-form">
        <h2 id="certified-import-form">{t('certifiedImport.formTitle')}</h2>
        <form className="form" onSubmit={submit} noValidate>
          <p>
            <a className="btn btn--secondary btn--wrap" href={TEMPLATE_HREF} download>
              {t('certifiedImport.template')}
            </a>
          </p>
          <TextField
            type="file"
            name="file"
            className="input--file"
            label={t('certifiedImport.file')}
            hint={t('certifiedImport.fileHint')}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            error={fileError}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFileError(undefined);
              upload.reset();
            }}
          />
          <div className="form__actions">
            <Button type="submit" busy={upload.isPending}>
              {upload.isPending ? t('certifiedImport.uploading') : t('certifiedImport.upload')}
            </Button>
          </div>
        </form>
      </section>
      {upload.isSuccess ? (
        <section className="card" aria-labelledby="certified-import-done">
          <h2 id="certified-import-done">{t('certifiedImport.doneTitle')}</h2>
          <div className="alert alert--success" role="status">
            <p>{t('certifiedImport.done', { inserted: formatNumber(upload.data.inserted, i18n.language) })}</p>
          </div>
          <p>
            <Link to="/ocop/certificates" className="btn btn--primary">
              {t('certifiedImport.toCertificates')}
            </Link>
          </p>
        </section>
      ) : report ? (
        <RowReport report={report} />
      ) : upload.error ? (
        <ErrorMessage error={upload.error} />
      ) : null}
    </div>
  );
}
