import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OcopDossierListItem, OcopDossierStatus } from '@hoptac/core';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { SelectField } from '../../../components/field.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { DossierTable, useOcopDossiers } from '../../../features/ocop/index.ts';
import { OCOP_DOSSIER_STATUSES } from '../../../features/ocop/text.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { RequireAnyRole } from '../registry/access.tsx';
import { OCOP_COUNCIL_ROLES } from './access.ts';

const route = getRouteApi('/ocop/scoring');
const PAGE_SIZE = 50;
/** What the council works on: before forwarding, a dossier is the commune's business. */
const COUNCIL_STATUSES = OCOP_DOSSIER_STATUSES.filter((s) => s !== 'received' && s !== 'returned');
const SHEET_ORDER = { new: 0, draft: 1, submitted: 2 } as const;

/** Sheets still to do first (not started, then drafts), then the submitted ones; the list's order within. */
const byWorkLeft = (a: OcopDossierListItem, b: OcopDossierListItem) =>
  SHEET_ORDER[a.mySheet ?? 'submitted'] - SHEET_ORDER[b.mySheet ?? 'submitted'];

function ScoringList() {
  const { t, i18n } = useTranslation('ocop');
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/ocop/scoring' });
  const page = search.page ?? 1;
  const shown = search.status ?? 'forwarded';
  const status: OcopDossierStatus | undefined = shown === 'all' ? undefined : shown;
  const dossiers = useOcopDossiers({ status, page, pageSize: PAGE_SIZE });
  const items = dossiers.data ? [...dossiers.data.items].sort(byWorkLeft) : [];
  const left = items.filter((d) => d.status === 'forwarded' && d.mySheet !== 'submitted').length;

  return (
    <>
      <div className="filters ocop-round-filters" role="search" aria-label={t('scoring.filters.label')}>
        <SelectField
          label={t('scoring.filters.status')}
          name="status"
          value={shown}
          onChange={(e) => {
            const next = [...COUNCIL_STATUSES, 'all' as const].find((s) => s === e.target.value);
            void navigate({ search: next && next !== 'forwarded' ? { status: next } : {} });
          }}
        >
          {COUNCIL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`scoring.filters.${s}`)}
            </option>
          ))}
          <option value="all">{t('scoring.filters.all')}</option>
        </SelectField>
      </div>
      {dossiers.isPending ? (
        <Loading />
      ) : dossiers.isError ? (
        <ErrorMessage error={dossiers.error} onRetry={() => void dossiers.refetch()} />
      ) : (
        <div className={dossiers.isPlaceholderData ? 'is-stale' : undefined}>
          <p className="results-summary" role="status">
            {t('scoring.results', {
              total: formatNumber(dossiers.data.total, i18n.language),
              left: formatNumber(left, i18n.language),
            })}
          </p>
          {items.length === 0 ? (
            <p className="empty">{shown === 'forwarded' ? t('scoring.empty') : t('dossiers.noMatch')}</p>
          ) : (
            <DossierTable dossiers={items} showRound showResult={shown !== 'forwarded'} showMySheet />
          )}
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={dossiers.data.total}
            onPageChange={(next) =>
              void navigate({ search: { status: search.status, page: next > 1 ? next : undefined } })
            }
          />
        </div>
      )}
    </>
  );
}

export function ScoringPage() {
  const { t } = useTranslation('ocop');
  useDocumentTitle(t('scoring.title'));
  return (
    <RequireAnyRole roles={OCOP_COUNCIL_ROLES} message={t('access.scoring')}>
      {() => (
        <>
          <PageHeader title={t('scoring.title')} intro={t('scoring.listIntro')} />
          <ScoringList />
        </>
      )}
    </RequireAnyRole>
  );
}
