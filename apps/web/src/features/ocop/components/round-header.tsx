import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OcopRound } from '@hoptac/core';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useOcopRoundTransition } from '../rounds-api.ts';
import { formatDay } from '../text.ts';
import { RoundStatusBadge } from './badges.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { RoundEditForm } from './round-edit-form.tsx';
import { OcopErrorMessage } from './ocop-error.tsx';
import { DossierCounts } from './round-table.tsx';

/** The round's name, status, process and deadline; a city admin opens or closes it here. */
export function RoundHeader({ round, admin }: { round: OcopRound; admin: boolean }) {
  const { t, i18n } = useTranslation('ocop');
  const lang = i18n.language;
  const transition = useOcopRoundTransition(round.id);
  const [asking, setAsking] = useState<'open' | 'close' | null>(null);
  const [editing, setEditing] = useState(false);
  const next = round.status === 'planned' ? 'open' : round.status === 'open' ? 'close' : null;

  return (
    <header className="page-header entity-header">
      <p className="eyebrow">{t('round.eyebrow', { year: round.year })}</p>
      <h1>{round.name}</h1>
      <p className="page-header__meta">
        <RoundStatusBadge status={round.status} />
        {round.acceptingSubmissions ? <Badge tone="green">{t('rounds.accepting')}</Badge> : null}
        <span>{t(`regime.${round.processRegime}`)}</span>
        <span>{t('round.deadline', { date: formatDay(round.submissionDeadline, lang) })}</span>
        {round.myCouncilRole ? (
          <span>{t('rounds.mySeat', { role: t(`councilRole.${round.myCouncilRole}`) })}</span>
        ) : null}
      </p>
      <p className="page-header__meta">
        <span>
          {t('round.dossiers')} <DossierCounts counts={round.dossiers} />
        </span>
        {round.openedAt ? <span>{t('round.openedAt', { date: formatDateTime(round.openedAt, lang) })}</span> : null}
        {round.closedAt ? <span>{t('round.closedAt', { date: formatDateTime(round.closedAt, lang) })}</span> : null}
      </p>
      {admin && next && !editing ? (
        <div className="toolbar ocop-round-actions">
          <Button variant={next === 'open' ? 'primary' : 'secondary'} onClick={() => setAsking(next)}>
            {t(`round.${next}`)}
          </Button>
          <Button variant="ghost" onClick={() => setEditing(true)}>
            {t('round.edit')}
          </Button>
          {round.status === 'planned' ? <span className="muted small">{t('round.plannedHint')}</span> : null}
        </div>
      ) : null}
      {admin && next && editing ? <RoundEditForm round={round} onDone={() => setEditing(false)} /> : null}
      {transition.error ? <OcopErrorMessage error={transition.error} scope="round" /> : null}
      <ConfirmDialog
        open={asking !== null}
        title={asking ? t(`round.${asking}Title`) : ''}
        confirmLabel={asking ? t(`round.${asking}`) : ''}
        cancelLabel={t('form.cancel')}
        busy={transition.isPending}
        onConfirm={() => asking && transition.mutate(asking, { onSettled: () => setAsking(null) })}
        onCancel={() => setAsking(null)}
      >
        <p>{asking ? t(`round.${asking}Body`, { date: formatDay(round.submissionDeadline, lang) }) : null}</p>
      </ConfirmDialog>
    </header>
  );
}
