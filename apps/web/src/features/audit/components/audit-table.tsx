import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { formatDateTime } from '../../../lib/format.ts';

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  const { t } = useTranslation('audit');
  return (
    <div className="json-block">
      <h3 className="json-block__title">{label}</h3>
      {value === null || value === undefined ? (
        <p className="muted">{t('nothing')}</p>
      ) : (
        <pre className="json-block__body" tabIndex={0}>
          {JSON.stringify(value, null, 2)}
        </pre>
      )}
    </div>
  );
}

/** A readable name for the changed record (a user's e-mail) next to its id, when the change carries one. */
function entityLabel(entry: AuditEntry): string | null {
  for (const side of [entry.after, entry.before]) {
    if (side && typeof side === 'object' && 'email' in side && typeof side.email === 'string') return side.email;
  }
  return null;
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t, i18n } = useTranslation('audit');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());

  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption className="sr-only">{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.at')}</th>
            <th scope="col">{t('table.actor')}</th>
            <th scope="col">{t('table.action')}</th>
            <th scope="col">{t('table.entity')}</th>
            <th scope="col">{t('table.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const expanded = open.has(entry.id);
            const panelId = `audit-changes-${entry.id}`;
            const label = entityLabel(entry);
            return (
              <Fragment key={entry.id}>
                <tr>
                  <td data-label={t('table.at')}>
                    <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
                  </td>
                  <td data-label={t('table.actor')}>
                    {entry.actor ? (
                      <div>
                        <span className="cell-title">{entry.actor.displayName}</span>
                        <span className="cell-sub">{entry.actor.email}</span>
                      </div>
                    ) : (
                      <span className="muted">{t('system')}</span>
                    )}
                  </td>
                  <td data-label={t('table.action')}>
                    <code className="code">{entry.action}</code>
                  </td>
                  <td data-label={t('table.entity')}>
                    <div>
                      <span className="cell-title">{entry.entityType}</span>
                      {label ? <span className="cell-sub">{label}</span> : null}
                      {entry.entityId ? <span className="cell-sub code">{entry.entityId}</span> : null}
                    </div>
                  </td>
                  <td data-label={t('table.details')}>
                    <Button
                      variant="secondary"
                      size="sm"
                      aria-expanded={expanded}
                      aria-controls={panelId}
                      onClick={() => toggle(entry.id)}
                    >
                      {expanded ? t('hideChanges') : t('showChanges')}
                    </Button>
                  </td>
                </tr>
                <tr className="table__detail-row" hidden={!expanded}>
                  <td colSpan={5} id={panelId}>
                    {expanded ? (
                      <>
                        <div className="json-compare">
                          <JsonBlock label={t('before')} value={entry.before} />
                          <JsonBlock label={t('after')} value={entry.after} />
                        </div>
                        {entry.requestId ? (
                          <p className="muted small">{t('requestId', { id: entry.requestId })}</p>
                        ) : null}
                      </>
                    ) : null}
                  </td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
