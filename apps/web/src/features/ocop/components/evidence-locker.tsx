import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceDocument } from '@hoptac/core';
import { Badge, type BadgeTone } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage, Loading, Notice } from '../../../components/error-message.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { evidenceFileUrl, useDeleteEvidence, useEvidenceDocuments } from '../evidence-api.ts';
import { formatDay } from '../text.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { EvidenceUploadForm } from './evidence-upload.tsx';

const PAGE_SIZE = 20;

export const EVIDENCE_TONE: Record<EvidenceDocument['validity'] | 'missing', BadgeTone> = {
  valid: 'green',
  expiring_soon: 'amber',
  expired: 'red',
  missing: 'red',
};

export function EvidenceValidityBadge({ status }: { status: keyof typeof EVIDENCE_TONE }) {
  const { t } = useTranslation('evidence');
  return <Badge tone={EVIDENCE_TONE[status]}>{t(`validity.${status}`)}</Badge>;
}

function DocumentTable({ items, onDelete }: { items: EvidenceDocument[]; onDelete: (d: EvidenceDocument) => void }) {
  const { t, i18n } = useTranslation('evidence');
  const day = (iso: string) => formatDay(iso, i18n.language);
  return (
    <div className="table-wrap">
      <table className="table evidence-table">
        <caption className="sr-only">{t('locker.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('locker.columns.title')}</th>
            <th scope="col">{t('locker.columns.kind')}</th>
            <th scope="col">{t('locker.columns.issuedOn')}</th>
            <th scope="col">{t('locker.columns.validUntil')}</th>
            <th scope="col">{t('locker.columns.status')}</th>
            <th scope="col">{t('locker.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id}>
              <td>
                <a href={evidenceFileUrl(d.id)} aria-label={t('locker.download', { title: d.title })}>
                  {d.title}
                </a>
              </td>
              <td>{t(`kinds.${d.kind}`)}</td>
              <td>{day(d.issuedOn)}</td>
              <td>{d.validUntil ? day(d.validUntil) : t('locker.noExpiry')}</td>
              <td>
                <EvidenceValidityBadge status={d.validity} />
              </td>
              <td>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={t('locker.deleteLabel', { title: d.title })}
                  onClick={() => onDelete(d)}
                >
                  {t('locker.delete')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** An entity's evidence locker: upload, and the documents with their validity. */
export function EvidenceLocker({ entityId }: { entityId?: string | undefined }) {
  const { t } = useTranslation('evidence');
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<EvidenceDocument | null>(null);
  const list = useEvidenceDocuments({ page, pageSize: PAGE_SIZE, entityId });
  const remove = useDeleteEvidence();

  return (
    <div className="stack">
      <EvidenceUploadForm
        entityId={entityId}
        onUploaded={(doc) => {
          setPage(1);
          setNotice(t('upload.done', { title: doc.title }));
        }}
      />
      {notice ? <Notice>{notice}</Notice> : null}
      <section className="stack" aria-labelledby="evidence-list-title">
        <h2 id="evidence-list-title">{t('locker.listTitle')}</h2>
        {list.isPending ? <Loading /> : null}
        {list.isError ? <ErrorMessage error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.data && list.data.items.length === 0 ? <p className="muted">{t('locker.empty')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <DocumentTable items={list.data.items} onDelete={setDeleting} />
            <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPageChange={setPage} />
          </>
        ) : null}
        {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      </section>
      <ConfirmDialog
        open={deleting !== null}
        title={t('locker.deleteConfirm', { title: deleting?.title ?? '' })}
        confirmLabel={t('locker.delete')}
        cancelLabel={t('locker.cancel')}
        busy={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSettled: () => setDeleting(null),
            onSuccess: () => setNotice(t('locker.deleted')),
          })
        }
        onCancel={() => setDeleting(null)}
      >
        <p>{deleting ? t(`kinds.${deleting.kind}`) : null}</p>
      </ConfirmDialog>
    </div>
  );
}
