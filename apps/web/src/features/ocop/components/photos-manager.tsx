import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PRODUCT_PHOTOS } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { TextField } from '../../../components/field.tsx';
import { mediaUrl, usePhotoActions, useProductPhotos } from '../evidence-api.ts';
import { useUploadFileError } from './evidence-upload.tsx';

const PHOTO_MAX_MB = 5;

/** A product's photos: add (up to six), move earlier or later, delete. */
export function PhotosManager({ productId, editable }: { productId: string; editable: boolean }) {
  const { t } = useTranslation('evidence');
  const photos = useProductPhotos(productId);
  const actions = usePhotoActions(productId);
  const [inputKey, setInputKey] = useState(0);
  const failed = [actions.add, actions.reorder, actions.remove].find((m) => m.isError);
  const fileError = useUploadFileError(actions.add.error, 'photos.errors', PHOTO_MAX_MB);
  const items = photos.data?.items ?? [];
  const busy = actions.reorder.isPending || actions.remove.isPending;

  const move = (index: number, by: -1 | 1) => {
    const ids = items.map((p) => p.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    actions.reorder.mutate(ids);
  };

  return (
    <section className="card stack photos-manager" aria-labelledby={`photos-${productId}`}>
      <h2 id={`photos-${productId}`}>{t('photos.title')}</h2>
      <p className="small muted">{t('photos.intro', { max: MAX_PRODUCT_PHOTOS })}</p>
      {photos.isPending ? <Loading /> : null}
      {photos.isError ? <ErrorMessage error={photos.error} onRetry={() => void photos.refetch()} /> : null}
      {photos.data && items.length === 0 ? <p className="muted">{t('photos.empty')}</p> : null}
      {items.length > 0 ? (
        <ol className="photos-manager__grid">
          {items.map((p, i) => (
            <li key={p.id} className="photos-manager__item">
              <img src={mediaUrl(p.mediaId)} alt={t('photos.alt', { n: i + 1 })} loading="lazy" />
              {editable ? (
                <div className="photos-manager__actions">
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={i === 0 || busy}
                    aria-label={t('photos.moveUp', { n: i + 1 })}
                    onClick={() => move(i, -1)}
                  >
                    ←
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={i === items.length - 1 || busy}
                    aria-label={t('photos.moveDown', { n: i + 1 })}
                    onClick={() => move(i, 1)}
                  >
                    →
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={busy}
                    aria-label={t('photos.remove', { n: i + 1 })}
                    onClick={() => actions.remove.mutate(p.id)}
                  >
                    ✕
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {editable && photos.data ? (
        items.length < MAX_PRODUCT_PHOTOS ? (
          <TextField
            key={inputKey}
            type="file"
            label={actions.add.isPending ? t('photos.adding') : t('photos.add')}
            accept="image/jpeg,image/png,image/webp"
            disabled={actions.add.isPending}
            error={fileError ?? undefined}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) actions.add.mutate(file, { onSettled: () => setInputKey((k) => k + 1) });
            }}
          />
        ) : (
          <p className="small muted">{t('photos.full', { max: MAX_PRODUCT_PHOTOS })}</p>
        )
      ) : null}
      {failed && !fileError ? <ErrorMessage error={failed.error} /> : null}
    </section>
  );
}
