import { useState } from 'react';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OcopDossier, SessionUser } from '@hoptac/core';
import { ErrorMessage, Loading, Notice } from '../../../components/error-message.tsx';
import { hasRole } from '../../../features/identity/index.ts';
import {
  AggregatePanel,
  ConfirmedResult,
  DecisionForm,
  DossierCertificate,
  DossierFacts,
  DossierHeader,
  DossierHistory,
  DossierReview,
  EvidenceChecklistPanel,
  useOcopDossier,
  useOcopRound,
} from '../../../features/ocop/index.ts';
import { isApiError } from '../../../lib/api.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { NotFoundPage } from '../not-found.tsx';
import { RequireAnyRole } from '../registry/access.tsx';
import { OCOP_PRODUCT_ROLES, OCOP_ROUND_ROLES } from './access.ts';

const route = getRouteApi('/ocop/dossiers/$id');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A council member's way to their own sheet on the dossier. */
function ScoreCallout({ dossier: d }: { dossier: OcopDossier }) {
  const { t } = useTranslation('ocop');
  if (!d.mySheet || d.status !== 'forwarded') return null;
  const done = d.mySheet === 'submitted';
  return (
    <div className={`callout ${done ? 'callout--ok' : 'callout--cta'} cta`} role="note">
      <div>
        <p className="callout__title">{t(`dossier.mySheet.${d.mySheet}`)}</p>
        {d.progress ? (
          <p className="cta__status small">
            {t('aggregate.progress', { submitted: d.progress.submitted, expected: d.progress.expected })}
          </p>
        ) : null}
      </div>
      <Link
        to="/ocop/dossiers/$id/score"
        params={{ id: d.id }}
        className={`btn ${done ? 'btn--secondary' : 'btn--primary'}`}
      >
        {t(`scoring.open.${d.mySheet}`)}
      </Link>
    </div>
  );
}

function DossierView({ id, user }: { id: string; user: SessionUser }) {
  const { t } = useTranslation('ocop');
  const navigate = useNavigate();
  const dossier = useOcopDossier(id);
  const [notice, setNotice] = useState<string | null>(null);
  const scorer = dossier.data?.mySheet != null;
  // The seat (chair, secretary …) is the round's: only the council asks for it.
  const round = useOcopRound(dossier.data?.round.id ?? '', { enabled: scorer });
  useDocumentTitle(dossier.data?.product.name ?? t('dossier.title'));

  if (dossier.isPending) return <Loading />;
  if (dossier.isError) {
    if (isApiError(dossier.error) && dossier.error.code === 'NOT_FOUND') return <NotFoundPage />;
    return <ErrorMessage error={dossier.error} onRetry={() => void dossier.refetch()} />;
  }
  const d = dossier.data;
  const admin = hasRole(user, 'city_admin');
  const confirmer = round.data?.myCouncilRole === 'chair' || round.data?.myCouncilRole === 'secretary';
  const withCouncil = d.status !== 'received' && d.status !== 'returned';
  const seesScores = admin ? withCouncil : scorer;
  const productReader = OCOP_PRODUCT_ROLES.some((r) => hasRole(user, r));

  return (
    <div className="stack">
      <DossierHeader dossier={d} />
      {notice ? <Notice>{notice}</Notice> : null}
      {d.certificate ? <DossierCertificate certificate={d.certificate} /> : null}
      {d.can.decide ? (
        <DecisionForm
          dossier={d}
          onIssued={(certificate) =>
            void navigate({
              to: '/ocop/certificates/$number',
              params: { number: certificate.number },
              search: { issued: true },
            })
          }
        />
      ) : null}
      {d.can.forward || d.can.return ? (
        <DossierReview dossier={d} onDone={(to) => setNotice(t(`review.done.${to}`))} />
      ) : null}
      <ScoreCallout dossier={d} />
      <ConfirmedResult dossier={d} />
      {seesScores ? (
        <AggregatePanel dossier={d} visible={admin || d.mySheet === 'submitted'} confirmer={confirmer} />
      ) : null}
      <EvidenceChecklistPanel
        of="dossiers"
        id={d.id}
        locker={productReader && d.status === 'returned' ? { entityId: d.entity.id } : null}
      />
      <div className="grid-2">
        <section className="card" aria-labelledby="ocop-dossier-facts">
          <div className="card__head">
            <h2 id="ocop-dossier-facts">{t('profile.title')}</h2>
            {productReader ? (
              <Link to="/ocop/products/$id" params={{ id: d.product.id }} className="btn btn--ghost btn--sm">
                {t('dossier.openProduct')}
              </Link>
            ) : null}
          </div>
          <DossierFacts dossier={d} />
        </section>
        <section className="card" aria-labelledby="ocop-dossier-history">
          <h2 id="ocop-dossier-history">{t('dossier.historyTitle')}</h2>
          <DossierHistory events={d.events} />
        </section>
      </div>
    </div>
  );
}

export function DossierPage() {
  const { t } = useTranslation('ocop');
  const { id } = route.useParams();
  if (!UUID.test(id)) return <NotFoundPage />;
  return (
    <RequireAnyRole roles={OCOP_ROUND_ROLES} message={t('access.rounds')}>
      {(user) => (
        <>
          <DossierBreadcrumb id={id} user={user} />
          <DossierView key={id} id={id} user={user} />
        </>
      )}
    </RequireAnyRole>
  );
}

/** Back to the round's dossiers (the council's list for a member who only scores). */
function DossierBreadcrumb({ id, user }: { id: string; user: SessionUser }) {
  const { t } = useTranslation('ocop');
  const dossier = useOcopDossier(id);
  const onlyCouncil = hasRole(user, 'council_member') && !OCOP_PRODUCT_ROLES.some((r) => hasRole(user, r));
  return (
    <nav className="breadcrumb" aria-label={t('product.breadcrumb')}>
      {onlyCouncil ? (
        <Link to="/ocop/scoring">
          <span aria-hidden="true">← </span>
          {t('scoring.back')}
        </Link>
      ) : dossier.data ? (
        <Link to="/ocop/rounds/$id" params={{ id: dossier.data.round.id }}>
          <span aria-hidden="true">← </span>
          {dossier.data.round.name}
        </Link>
      ) : (
        <Link to="/ocop/rounds">
          <span aria-hidden="true">← </span>
          {t('round.back')}
        </Link>
      )}
    </nav>
  );
}
