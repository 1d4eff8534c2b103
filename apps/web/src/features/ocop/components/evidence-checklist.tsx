import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { blockingEvidence } from '@hoptac/core';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { evidenceFileUrl, useEvidenceChecklist } from '../evidence-api.ts';
import { formatDay } from '../text.ts';
import { EvidenceValidityBadge } from './evidence-locker.tsx';

/**
 * The documents a product (before submitting) or a dossier requires, each with its state. When
 * something is missing, `locker` links to the locker: the producer's own (`'own'`) or, for an
 * official, the entity's.
 */
export function EvidenceChecklistPanel({
  of,
  id,
  locker = null,
}: {
  of: 'products' | 'dossiers';
  id: string;
  locker?: 'own' | { entityId: string } | null;
}) {
  const { t, i18n } = useTranslation('evidence');
  const checklist = useEvidenceChecklist(of, id);
  return (
    <section className="card stack evidence-checklist" aria-labelledby={`evidence-checklist-${id}`}>
      <h2 id={`evidence-checklist-${id}`}>{t('checklist.title')}</h2>
      {checklist.isPending ? <Loading /> : null}
      {checklist.isError ? <ErrorMessage error={checklist.error} onRetry={() => void checklist.refetch()} /> : null}
      {checklist.data ? (
        <>
          <p className="small muted">{t('checklist.intro', { group: checklist.data.productGroup })}</p>
          <ul className="evidence-checklist__items">
            {checklist.data.items.map((item) => (
              <li key={item.kind} data-status={item.status}>
                <EvidenceValidityBadge status={item.status} /> <span>{t(`kinds.${item.kind}`)}</span>
                {item.document ? (
                  <span className="small muted">
                    {' — '}
                    <a href={evidenceFileUrl(item.document.id)}>{item.document.title}</a>
                    {item.document.validUntil
                      ? `, ${t('checklist.validUntil', { day: formatDay(item.document.validUntil, i18n.language) })}`
                      : ''}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          <p role="status" className={checklist.data.complete ? 'evidence-checklist__ok' : 'evidence-checklist__todo'}>
            {checklist.data.complete
              ? t('checklist.complete')
              : t('checklist.incomplete', { count: blockingEvidence(checklist.data.items).length })}
          </p>
          {locker && !checklist.data.complete ? (
            <p>
              <Link
                to="/ocop/evidence"
                search={locker === 'own' ? {} : { entityId: locker.entityId }}
                className="btn btn--secondary btn--sm"
              >
                {t('checklist.openLocker')}
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
