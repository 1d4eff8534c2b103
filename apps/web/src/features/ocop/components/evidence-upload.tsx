import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_KINDS, type EvidenceDocument, type EvidenceKind } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { SelectField, TextField } from '../../../components/field.tsx';
import { isApiError, validationIssues } from '../../../lib/api.ts';
import { useUploadEvidence } from '../evidence-api.ts';

const EVIDENCE_MAX_MB = 10;

/**
 * The translated reason an upload of a file was refused, for the file field: its type (415, from
 * the bytes, not the name) or its size (413); null for any other error.
 */
export function useUploadFileError(error: unknown, prefix: 'upload.errors' | 'photos.errors', maxMb: number) {
  const { t } = useTranslation('evidence');
  if (!isApiError(error)) return null;
  if (error.code === 'UNSUPPORTED_MEDIA_TYPE') return t(`${prefix}.type`);
  if (error.code === 'PAYLOAD_TOO_LARGE') return t(`${prefix}.size`, { mb: maxMb });
  return null;
}

/** Upload one document into the locker (of the caller's entity, or `entityId` for officials). */
export function EvidenceUploadForm({
  entityId,
  onUploaded,
}: {
  entityId?: string | undefined;
  onUploaded?: (doc: EvidenceDocument) => void;
}) {
  const { t } = useTranslation('evidence');
  const upload = useUploadEvidence();
  // A new key clears the file input after an upload.
  const [fileKey, setFileKey] = useState(0);
  const [kind, setKind] = useState<EvidenceKind>('business_registration');
  const [title, setTitle] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);

  const issues = validationIssues(upload.error);
  const fieldError = (name: string) => (issues.some((i) => i.path[0] === name) ? t('upload.errors.field') : undefined);
  const refused = useUploadFileError(upload.error, 'upload.errors', EVIDENCE_MAX_MB);
  const fileError = refused ?? (missingFile || fieldError('file') ? t('upload.errors.required') : undefined);
  const handled = fileError !== undefined || issues.length > 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setMissingFile(true);
      return;
    }
    setMissingFile(false);
    upload.mutate(
      { kind, title: title.trim(), issuedOn, validUntil, entityId, file },
      {
        onSuccess: (doc) => {
          setTitle('');
          setIssuedOn('');
          setValidUntil('');
          setFile(null);
          setFileKey((k) => k + 1);
          onUploaded?.(doc);
        },
      },
    );
  };

  return (
    <form className="form stack evidence-upload" onSubmit={submit} noValidate aria-labelledby="evidence-upload-title">
      <h2 id="evidence-upload-title">{t('upload.title')}</h2>
      <SelectField
        label={t('upload.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as EvidenceKind)}
        error={fieldError('kind')}
      >
        {EVIDENCE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('upload.titleLabel')}
        hint={t('upload.titleHint')}
        value={title}
        required
        maxLength={300}
        onChange={(e) => setTitle(e.target.value)}
        error={fieldError('title')}
      />
      <div className="form__row">
        <TextField
          type="date"
          label={t('upload.issuedOn')}
          value={issuedOn}
          required
          onChange={(e) => setIssuedOn(e.target.value)}
          error={fieldError('issuedOn')}
        />
        <TextField
          type="date"
          label={t('upload.validUntil')}
          hint={t('upload.validUntilHint')}
          value={validUntil}
          onChange={(e) => setValidUntil(e.target.value)}
          error={fieldError('validUntil')}
        />
      </div>
      <TextField
        key={fileKey}
        type="file"
        label={t('upload.file')}
        hint={t('upload.fileHint')}
        accept="application/pdf,image/jpeg,image/png,image/webp"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        error={fileError}
      />
      {upload.isError && !handled ? <ErrorMessage error={upload.error} /> : null}
      <div className="form__actions">
        <Button type="submit" busy={upload.isPending}>
          {upload.isPending ? t('upload.submitting') : t('upload.submit')}
        </Button>
      </div>
    </form>
  );
}
