import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OcopDossier } from '@hoptac/core';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import {
  AggregatePanel,
  ConfirmedResult,
  CouncilScoring,
  DossierFacts,
  DossierHeader,
  OcopErrorMessage,
  useMyScoreSheet,
  useOcopDossier,
  useOcopRound,
  useRubric,
} from '../../../features/ocop/index.ts';
import { isApiError } from '../../../lib/api.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { NotFoundPage } from '../not-found.tsx';
import { RequireAnyRole } from '../registry/access.tsx';
import { OCOP_COUNCIL_ROLES } from './access.ts';

const route = getRouteApi('/ocop/dossiers/$id/score');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The member's sheet on the dossier's pinned sheet version, with the council's result once theirs is in. */
function ScoringWorkspace({ dossier: d }: { dossier: OcopDossier }) {
  const { t } = useTranslation('ocop');
  const mine = useMyScoreSheet(d.id, { enabled: d.mySheet !== null });
  const sheet = useRubric(d.rubricId, d.rubricVersion);
  const round = useOcopRound(d.round.id);
  if (d.mySheet === null)
    return (
      <div className="callout callout--warn" role="note">
        <p className="callout__title">{t('scoring.noSeatTitle')}</p>
        <p>{t('scoring.noSeat')}</p>
      </div>
    );
  if (mine.isPending || sheet.isPending) return <Loading />;
  if (mine.isError) return <OcopErrorMessage error={mine.error} scope="scoring" />;
  if (sheet.isError) return <ErrorMessage error={sheet.error} onRetry={() => void sheet.refetch()} />;
  const submitted = mine.data.status === 'submitted';
  const seat = round.data?.myCouncilRole;
  return (
    <>
      {submitted ? <ConfirmedResult dossier={d} /> : null}
      <AggregatePanel dossier={d} visible={submitted} confirmer={seat === 'chair' || seat === 'secretary'} />
      <CouncilScoring key={d.id} dossier={d} sheet={sheet.data} mine={mine.data} />
    </>
  );
}

function ScoreView({ id }: { id: string }) {
  const { t } = useTranslation('ocop');
  const dossier = useOcopDossier(id);
  useDocumentTitle(dossier.data ? t('scoring.pageTitle', { product: dossier.data.product.name }) : t('scoring.title'));
  if (dossier.isPending) return <Loading />;
  if (dossier.isError) {
    if (isApiError(dossier.error) && dossier.error.code === 'NOT_FOUND') return <NotFoundPage />;
    return <OcopErrorMessage error={dossier.error} scope="scoring" />;
  }
  const d = dossier.data;
  return (
    <div className="stack">
      <DossierHeader dossier={d} eyebrow={t('scoring.eyebrow', { year: d.round.year })} />
      <details className="card ocop-details ocop-score-facts">
        <summary>{t('scoring.factsToggle')}</summary>
        <DossierFacts dossier={d} />
        <p className="small">
          <Link to="/ocop/dossiers/$id" params={{ id: d.id }}>
            {t('scoring.openDossier')}
          </Link>
        </p>
      </details>
      <ScoringWorkspace dossier={d} />
    </div>
  );
}

export function DossierScorePage() {
  const { t } = useTranslation('ocop');
  const { id } = route.useParams();
  if (!UUID.test(id)) return <NotFoundPage />;
  return (
    <RequireAnyRole roles={OCOP_COUNCIL_ROLES} message={t('access.scoring')}>
      {() => (
        <>
          <nav className="breadcrumb" aria-label={t('product.breadcrumb')}>
            <Link to="/ocop/scoring">
              <span aria-hidden="true">← </span>
              {t('scoring.back')}
            </Link>
          </nav>
          <ScoreView key={id} id={id} />
        </>
      )}
    </RequireAnyRole>
  );
}
