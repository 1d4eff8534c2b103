import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OcopDossier } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { TextAreaField } from '../../../components/field.tsx';
import { useForwardOcopDossier, useReturnOcopDossier } from '../dossiers-api.ts';
import { OcopErrorMessage } from './ocop-error.tsx';

/**
 * The commune's check of a received dossier: forward it to the council, or return it to the
 * producer with a comment saying what to complete (required: the producer reads it).
 */
export function DossierReview({
  dossier,
  onDone,
}: {
  dossier: OcopDossier;
  onDone: (to: 'returned' | 'forwarded') => void;
}) {
  const { t } = useTranslation('ocop');
  const back = useReturnOcopDossier(dossier.id);
  const forward = useForwardOcopDossier(dossier.id);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const busy = back.isPending || forward.isPending;
  const error = back.error ?? forward.error;

  return (
    <section className="card stack ocop-review" aria-labelledby="ocop-review-title">
      <h2 id="ocop-review-title">{t('review.title')}</h2>
      <p className="muted">{t('review.intro')}</p>
      {error ? <OcopErrorMessage error={error} scope="dossier" /> : null}
      <TextAreaField
        label={t('review.comment')}
        hint={t('review.commentHint')}
        value={comment}
        rows={4}
        error={missing ? t('review.commentRequired') : undefined}
        onChange={(e) => {
          setComment(e.target.value);
          setMissing(false);
        }}
      />
      <div className="form__actions">
        <Button
          busy={forward.isPending}
          disabled={busy}
          onClick={() => {
            back.reset();
            // The form leaves the page with the dossier's new state: callbacks of mutate() would not run.
            forward.mutateAsync(comment.trim() || null).then(
              () => onDone('forwarded'),
              () => undefined,
            );
          }}
        >
          {t('review.forward')}
        </Button>
        <Button
          variant="danger"
          busy={back.isPending}
          disabled={busy}
          onClick={() => {
            forward.reset();
            if (comment.trim().length < 3) {
              setMissing(true);
              return;
            }
            back.mutateAsync(comment.trim()).then(
              () => onDone('returned'),
              () => undefined,
            );
          }}
        >
          {t('review.return')}
        </Button>
      </div>
    </section>
  );
}
